/**
 * General knowledge any corpus shares: countries (with their capitals and seats of power used as
 * metonyms: "Moscow", "the Kremlin" → Russia) and major international organisations. Canonical
 * name first, then the forms the text may use. People and firms are not listed here: they come
 * from the text itself (people.ts reads names with their titles and roles, actors.ts adds
 * "Name (ACRONYM)" organisations), so a corpus nobody has seen is read the same way.
 */
export const ACTORS: Record<string, string[]> = {
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
  'United Kingdom': ['United Kingdom', 'UK', 'Britain', 'London'],
  NATO: ['NATO'],
  BRICS: ['BRICS'],
  'Shanghai Cooperation Organisation': ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'SCO'],
  APEC: ['APEC'],
  'United Nations': ['United Nations', 'UN'],
  'Eurasian Economic Union': ['Eurasian Economic Union', 'EAEU'],
};

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
