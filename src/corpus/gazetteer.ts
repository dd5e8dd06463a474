import { createRequire } from 'node:module';

/**
 * General knowledge any corpus shares: countries (with their capitals and seats of power used as
 * metonyms: "Moscow", "the Kremlin" → Russia) and major international organisations. Canonical
 * name first, then the forms the text may use. People and firms are not listed here: they come
 * from the text itself (people.ts reads names with their titles and roles, actors.ts adds
 * "Name (ACRONYM)" organisations), so a corpus nobody has seen is read the same way.
 */
/** Short forms and metonyms a country list does not hold, and international organisations. */
const KNOWN: Record<string, string[]> = {
  Russia: ['Russia', 'Russian Federation', 'Moscow', 'Kremlin'],
  China: ['China', 'PRC', "People's Republic of China", 'Beijing'],
  'United States': ['United States', 'U.S.', 'US', 'USA', 'America', 'Washington'],
  Ukraine: ['Ukraine', 'Kyiv', 'Kiev'],
  'European Union': ['European Union', 'EU', 'Brussels'],
  India: ['India', 'New Delhi'],
  Vietnam: ['Vietnam'],
  Japan: ['Japan', 'Tokyo'],
  'South Korea': ['South Korea', 'Seoul'],
  'North Korea': ['North Korea', 'Pyongyang'],
  Malaysia: ['Malaysia'],
  Turkey: ['Turkey', 'Türkiye', 'Ankara'],
  Syria: ['Syria'],
  Iraq: ['Iraq'],
  Libya: ['Libya'],
  Serbia: ['Serbia'],
  Afghanistan: ['Afghanistan'],
  Tajikistan: ['Tajikistan'],
  Kazakhstan: ['Kazakhstan'],
  Mongolia: ['Mongolia'],
  Iran: ['Iran', 'Tehran'],
  Taiwan: ['Taiwan'],
  Germany: ['Germany', 'Berlin'],
  France: ['France', 'Paris'],
  // (Its four countries are the United Kingdom's, as Downing Street and Whitehall are its government.)
  'United Kingdom': ['United Kingdom', 'UK', 'Britain', 'Great Britain', 'London', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Downing Street', 'Whitehall'],
  NATO: ['NATO'],
  BRICS: ['BRICS'],
  'Shanghai Cooperation Organisation': ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'SCO'],
  APEC: ['APEC'],
  'United Nations': ['United Nations', 'UN'],
  'Eurasian Economic Union': ['Eurasian Economic Union', 'EAEU'],
};

interface CountryRecord {
  name: { common: string; official: string };
  region?: string;
  subregion?: string;
  unRegionalGroup?: string;
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  unMember?: boolean;
}

const COUNTRIES = createRequire(import.meta.url)('world-countries') as CountryRecord[];

/** Each form written above, by the name it stands for ("Britain" → "United Kingdom"). */
const KNOWN_FORMS = new Map(Object.entries(KNOWN).flatMap(([canonical, forms]) => forms.map((f) => [f, canonical] as const)));

/** A country's name as ACTORS keys it: the name written above when there is one, else its common name. */
const canonicalOf = (c: CountryRecord): string => KNOWN_FORMS.get(c.name.common) ?? c.name.common;

/**
 * Every country of ISO 3166 (the `world-countries` data set): its common and official names,
 * other spellings (longer than three letters: two-letter codes are ordinary words too), capital
 * and demonym ("Brazilian", "Chinese"), merged with the forms above.
 */
function gazetteer(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [canonical, forms] of Object.entries(KNOWN)) out[canonical] = [...forms];
  // Regions of several words ("South America", "Eastern Europe", "Central Asia"), so "Latin
  // America" or "North America" is a region, never the United States.
  for (const c of COUNTRIES) for (const r of regionsOf(c)) if (r && !out[r]) out[r] = [r];
  for (const c of COUNTRIES) {
    const canonical = canonicalOf(c);
    const forms = [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((a) => a.length > 3), ...(c.capital ?? []), c.demonyms?.eng?.m, c.demonyms?.eng?.f];
    const list = (out[canonical] ??= []);
    for (const f of forms) if (f && /^\p{Lu}/u.test(f) && !list.includes(f) && !KNOWN_FORMS.has(f)) list.push(f);
  }
  return out;
}

export const ACTORS: Record<string, string[]> = gazetteer();

/**
 * A country's regions of several words: its subregion in the data set ("South America",
 * "Western Europe"), and Latin America for the countries of the United Nations' Latin American
 * and Caribbean Group.
 */
function regionsOf(c: CountryRecord): Array<string | undefined> {
  return [c.subregion, c.unRegionalGroup === 'Latin American and Caribbean Group' ? 'Latin America' : undefined];
}

/** Each region of several words with its countries (canonical, as in ACTORS): "Latin America" → Brazil, Mexico, … */
export const REGIONS: ReadonlyMap<string, readonly string[]> = regionsBy(regionsOf);

/** Each continent with its countries (canonical): "Europe" → Germany, France, … */
export const CONTINENTS: ReadonlyMap<string, readonly string[]> = regionsBy((c) => [c.region === 'Antarctic' ? undefined : c.region]);

function regionsBy(of: (c: CountryRecord) => Array<string | undefined>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of COUNTRIES) for (const r of of(c)) if (r) out.set(r, [...(out.get(r) ?? []), canonicalOf(c)]);
  return out;
}


/**
 * Each country's adjective for its people and things ("Japanese", "British", "Dutch", "Swiss"),
 * from the same data set: the country (canonical, as in ACTORS) by its demonym.
 */
function demonyms(): Map<string, string> {
  const out = new Map<string, string>();
  // A sovereign state first: "French" is France's, not its southern lands'.
  for (const c of [...COUNTRIES].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember))) {
    const canonical = canonicalOf(c);
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d && /^\p{Lu}\p{Ll}+$/u.test(d) && !out.has(d)) out.set(d, canonical);
  }
  return out;
}

export const DEMONYMS: ReadonlyMap<string, string> = demonyms();


/** Titles that introduce a person ("Russian President Vladimir Putin"). */
export const TITLES = [
  'President', 'Prime Minister', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Minister',
  'Chancellor', 'Secretary of State', 'Secretary', 'General', 'Ambassador', 'Senator', 'Premier', 'Chairman',
  'Spokesman', 'Spokeswoman', 'Spokesperson', 'Director', 'CEO', 'Governor', 'Mayor',
];

/** Common nouns that can be the source of reported speech ("experts believe", "one report notes"). */
export const SOURCE_NOUNS = new Set([
  'expert', 'experts', 'analyst', 'analysts', 'observer', 'observers', 'critic', 'critics', 'official', 'officials',
  'scholar', 'scholars', 'researcher', 'researchers', 'report', 'reports', 'study', 'studies', 'survey', 'review',
  'analysis', 'commentator', 'commentators', 'economist', 'economists', 'diplomat', 'diplomats', 'source', 'sources',
  'spokesman', 'spokeswoman', 'spokesperson', 'strategy', 'document', 'paper', 'policymakers', 'government', 'ministry',
]);
