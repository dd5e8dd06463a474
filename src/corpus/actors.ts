/**
 * Actors of a sentence: gazetteer names (canonicalised, so "Moscow" and "the Kremlin" both count
 * as Russia), titled people ("President Vladimir Putin") and "Full Name (ACRONYM)" organisations.
 */
import { ACTORS, CONTINENTS, DEMONYMS, REGIONS, TITLES } from './gazetteer.ts';
import { escapeRegExp } from '../text.ts';

const canonicalOf = new Map<string, string>();
for (const [canonical, forms] of Object.entries(ACTORS)) for (const f of forms) canonicalOf.set(f, canonical);
const forms = [...canonicalOf.keys()].sort((a, b) => b.length - a.length);
/**
 * What makes a country's name part of another place's: "New Mexico" (where "New Zealand" is a form
 * of its own), "the Gulf of Mexico", "the Sea of Japan".
 */
const WATER_WORDS = 'Gulf|Sea|Bay|Straits?';
/** Waters named after a country: "the Gulf of Mexico", "the Sea of Japan". */
export const WATERS = new RegExp(`^(?:${WATER_WORDS})$`);
const ANOTHER_PLACE = `(?<![\\p{L}])(?:New|(?:${WATER_WORDS}) of)\\s`;
const anotherPlaceBefore = new RegExp(`${ANOTHER_PLACE}$`, 'u');
/** The gazetteer as one expression: a form with no letter, digit or dot before it and no letter, digit or ".x" after; the longest first. */
export const gazetteerPattern = (): RegExp => new RegExp(`(?<![\\p{L}\\d.])(?<!${ANOTHER_PLACE})(${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\d]|\\.[\\p{L}])`, 'gu');
/** The shortest form: the search below looks forms up by their first two characters. */
export const SHORTEST_FORM = Math.min(...forms.map((f) => f.length));
/** The forms by their first two characters (UTF-16 code units, as one number), in the expression's order. */
const pairAt = (text: string, i: number) => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
const formsByStart = new Map<number, string[]>();
for (const f of forms) {
  const list = formsByStart.get(pairAt(f, 0));
  if (list) list.push(f);
  else formsByStart.set(pairAt(f, 0), [f]);
}
const LETTER = /\p{L}/u;
const isLetterOrDigit = (cp: number) => (cp < 128 ? (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122) : LETTER.test(String.fromCodePoint(cp)));
/** The code point that ends just before `i`. */
function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  const high = i >= 2 ? text.charCodeAt(i - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(i - 2)! : low;
}

/**
 * What `text.matchAll(gazetteerPattern())` finds (each match's form), without running an
 * alternation of 1,300 forms at every position of every sentence: at each place the lookbehind
 * allows, the forms that start with the next two characters are tried in the expression's order
 * (longest first), the first whose end the lookahead allows wins, and the search goes on from its end.
 */
export function gazetteerForms(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length - 1; ) {
    const candidates = formsByStart.get(pairAt(text, i));
    if (candidates && (i === 0 || (text.charCodeAt(i - 1) !== 46 && !isLetterOrDigit(codePointBefore(text, i)) && !anotherPlaceBefore.test(text.slice(Math.max(0, i - 16), i))))) {
      const form = candidates.find((f) => {
        if (!text.startsWith(f, i)) return false;
        const end = i + f.length;
        if (end >= text.length) return true;
        if (isLetterOrDigit(text.codePointAt(end)!)) return false;
        return !(text.charCodeAt(end) === 46 && end + 1 < text.length && LETTER.test(String.fromCodePoint(text.codePointAt(end + 1)!)));
      });
      if (form) {
        out.push(form);
        i += form.length;
        continue;
      }
    }
    i++;
  }
  return out;
}
const TITLED = new RegExp(`\\b(?:${TITLES.map(escapeRegExp).join('|')})\\s+(\\p{Lu}[\\p{Ll}'’-]+(?:\\s\\p{Lu}[\\p{Ll}'’-]+){1,2})`, 'gu');
const ACRONYM_ORG = /((?:\p{Lu}[\p{L}-]+\s(?:(?:of|for|and|on)\s)?){1,6})\((\p{Lu}{2,8})\)/gu;

export function canonicalActor(name: string): string {
  return canonicalOf.get(name) ?? name;
}

/** The country a word is the adjective of ("Japanese" → Japan, "British" → United Kingdom), if any. */
export function demonymPlace(word: string): string | undefined {
  return DEMONYMS.get(word);
}

const demonymsByPlace = new Map<string, string[]>();
for (const [adjective, place] of DEMONYMS) demonymsByPlace.set(place, [...(demonymsByPlace.get(place) ?? []), adjective]);

/** A country's adjectives ("Japanese" for Japan or "Tokyo"): none for what is no country's name. */
export function demonymsOf(name: string): readonly string[] {
  return demonymsByPlace.get(canonicalActor(name)) ?? [];
}

/** The places and international bodies a text names (the gazetteer's, canonical): no people, no firms. */
export function placesIn(text: string): string[] {
  return [...new Set(gazetteerForms(text).map((form) => canonicalOf.get(form) ?? form))];
}

export function findActors(sentence: string): string[] {
  const out = new Set<string>();
  for (const form of gazetteerForms(sentence)) out.add(canonicalOf.get(form) ?? form);
  for (const m of sentence.matchAll(TITLED)) out.add(canonicalActor(m[1]));
  for (const m of sentence.matchAll(ACRONYM_ORG)) {
    const acronym = m[2];
    if (!canonicalOf.has(acronym) && !/^(the|The)\b/.test(m[1])) out.add(acronym);
  }
  return [...out];
}

/** The countries of a region ("Latin America" → Brazil, Mexico, …): none for what is no region. */
export function membersOf(name: string): readonly string[] {
  return REGIONS.get(canonicalActor(name)) ?? [];
}

/**
 * Whether a text names one of a region's countries, by name or adjective ("Brazil", "Mexican"):
 * a story on Brazil's debt is one on Latin America's.
 */
export function namesMemberOf(region: string, text: string): boolean {
  const members = membersOf(region);
  if (!members.length) return false;
  return placesIn(text).some((p) => members.includes(p)) || (text.match(/\p{Lu}\p{Ll}+/gu) ?? []).some((w) => members.includes(DEMONYMS.get(w) ?? ''));
}

/** The countries of a continent ("Europe" → Germany, France, …): none for what is no continent. */
export function countriesOf(continent: string): readonly string[] {
  return CONTINENTS.get(continent) ?? [];
}
