/**
 * Reported speech: who a sentence reports ("Henry Kissinger … has expressed doubts", "As Gabuev
 * observes, …", "according to Gazprom", "…, experts believe.", "suggests an expert from …").
 * A source is a name (capitalised words) or a source noun (experts, report, analysis…); pronouns
 * ("as we have long argued") are the author speaking and are not attributions.
 */
import { canonicalActor, findActors } from './actors.ts';
import { SOURCE_NOUNS, TITLES } from './gazetteer.ts';
import { lastNamedBefore, mentionsWithin, ORG_WORD, resolvePerson, ROLE_NOUN, type People, type Person } from './people.ts';
import { occursBetween, part } from './occurs.ts';

export const REPORTING_VERB =
  String.raw`(?:(?:has|have|had)\s+)?(?:(?:also|already|previously|long|repeatedly|recently)\s+)?` +
  String.raw`(?:stated|said|says|added|adds|explained|commented|declared|replied|argued|argues|argue|believed|believes|believe|noted|observed|observes|` +
  String.raw`observe|suggested|suggests|warned|warns|warn|claimed|predicted|predicts|conceded|concedes|admitted|admits|admit|` +
  String.raw`denied|denies|deny|contended|contends|contend|asserted|asserts|insisted|insists|reported|wrote|writes|` +
  String.raw`maintained|expressed\s+(?:doubts?|concerns?|scepticism|skepticism)|voiced|acknowledged|acknowledges|` +
  String.raw`estimated|pointed\s+out|points\s+out|told|described|describes|concluded|concludes|` +
  // Forms that are also nouns ("Korean states", "field notes") count only before "that", a comma or a quote.
  String.raw`(?:states|notes|claims|reports|estimates|maintains)(?=\s+that\b|\s*[,:“"‘]))`;

const PRONOUN = /^(i|we|you|he|she|it|they|this|that|these|those|which|who|one)$/i;
const DETERMINER = /^(the|a|an|some|many|most|other|these|those|virtually|every|all|several|both|certain|various|leading)$/i;
const CLAUSE_BREAK = /(?:^|[,;:(—–]|\b(?:that|where|when|while|because|if|and|but|which|who|whom|what|whereas|although|though|so)\b)\s*$/i;
const TITLE_RE = new RegExp(`^(.*\\b(?:${TITLES.join('|')}))\\s+(.+)$`);

export interface Source {
  /** The name as the text gives it, without determiners or title ("Vladimir Putin", "Chinese experts"). */
  name: string;
  /** Title and nationality when given ("Russian President"). */
  role?: string;
}

/** Words of the noun phrase that ends right before `end` in `text`, back to the clause start. */
export function subjectBefore(text: string, end: number): string | undefined {
  let before = text.slice(0, end).replace(/\s+$/, '');
  if (before.endsWith(',')) {
    // "Henry Kissinger, the patriarch of geopolitics, has…": skip one appositive.
    const inner = before.slice(0, -1).lastIndexOf(',');
    if (inner === -1) return undefined;
    before = before.slice(0, inner);
  }
  const words = before.split(/\s+/);
  const np: string[] = [];
  for (let i = words.length - 1; i >= 0 && np.length < 9; i--) {
    const w = words[i];
    if (/[,;:—–]$/.test(w) || CLAUSE_BREAK.test(w)) break;
    np.unshift(w);
    if (i > 0 && CLAUSE_BREAK.test(words[i - 1] + ' ')) break;
  }
  return np.length ? np.join(' ').replace(/^[“"‘'(]+/, '') : undefined;
}

/** A source when the phrase names one; undefined for pronouns and ordinary nouns. */
export function asSource(phrase: string | undefined): Source | undefined {
  if (!phrase) return undefined;
  let words = phrase.replace(/[.,;:]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 12) return undefined;
  if (words.length === 1 && PRONOUN.test(words[0])) return undefined;
  if (words.some((w) => /^(is|are|was|were|be|been|not|to)$/i.test(w))) return undefined;
  while (words.length > 1 && DETERMINER.test(words[0])) words = words.slice(1);
  if (PRONOUN.test(words[0]) && words.length === 1) return undefined;
  const headIndex = words.findIndex((w) => /^(of|from|at|in)$/i.test(w));
  const head = (headIndex > 0 ? words[headIndex - 1] : words[words.length - 1]).replace(/[’']s$/, '');
  const capitalised = words.some((w) => /^\p{Lu}/u.test(w));
  if (!SOURCE_NOUNS.has(head.toLowerCase()) && !capitalised) return undefined;
  if (!SOURCE_NOUNS.has(head.toLowerCase()) && !/^[\p{Lu}\d(]/u.test(head)) return undefined;
  const name = words.join(' ');
  const titled = TITLE_RE.exec(name);
  if (titled && /^\p{Lu}/u.test(titled[2])) return { name: canonicalActor(titled[2]), role: titled[1] };
  return { name: canonicalActor(name) };
}

const AS_SOURCE = new RegExp(String.raw`(?:^|,\s*)[Aa]s\s+([^,;]{2,60}?)\s+${REPORTING_VERB}\b`, 'u');
const ACCORDING = /\b[Aa]ccording to\s+((?:the\s+)?[\p{Lu}][\p{L}\d:'’.&-]*(?:\s+(?:of\s+|the\s+)?[\p{Lu}][\p{L}\d:'’.&-]*)*|(?:an?\s+|the\s+)?[\p{Ll}]+\s+[\p{Ll}]+)/u;
const INVERTED = new RegExp(String.raw`,\s+${REPORTING_VERB}\s+((?:an?|the|one)\s+[^,;]{2,100}?)[.!]?$`, 'u');
const SUBJECT_VERB = new RegExp(String.raw`\s${REPORTING_VERB}\b`, 'gu');

/** Who the sentence reports, if it is reported speech. */
export function findAttribution(sentence: string): Source | undefined {
  const as = AS_SOURCE.exec(sentence);
  if (as) {
    const s = asSource(as[1]);
    if (s) return s;
  }
  const acc = ACCORDING.exec(sentence);
  if (acc) {
    const s = asSource(acc[1]);
    if (s) return s;
  }
  const inv = INVERTED.exec(sentence);
  if (inv) {
    const s = asSource(inv[1]);
    if (s) return s;
  }
  for (const m of sentence.matchAll(SUBJECT_VERB)) {
    const phrase = subjectBefore(sentence, m.index ?? 0);
    const s = asSource(phrase);
    if (s) return s;
  }
  return undefined;
}

// ─── Speakers of quotations ─────────────────────────────────────────────────────────────────────

/**
 * Who speaks, given the words of a quote's cue ("Elliott Schlang, analyst at …", "he", "Mr Balls",
 * "the minister", "a Diamond Shamrock spokeswoman", "the OECD") and where they stand in the
 * document. A person comes back with the fullest name and the role the article gives; a pronoun,
 * surname or "the minister" only when one person fits; an organisation only when the cue names
 * one. Anything else — "a company spokeswoman", "one analyst", "it", an unresolved "Mr Volcker" —
 * is no named speaker, and the quote is not used.
 */
export function resolveSpeaker(
  cue: { text: string; start: number },
  quoteAt: number,
  people: People,
  docText: string,
): Source | undefined {
  const end = cue.start + cue.text.length;
  // A person mentioned in the cue's own words.
  const inCue = mentionsWithin(people, cue.start, end).sort((a, b) => a.m.start - b.m.start);
  if (inCue.length) {
    const who = new Set(inCue.map((x) => x.p));
    if (who.size > 1) return undefined;
    // "the aide to Lyng said", "Lyng's aide said": the person named is not the one speaking.
    const m = inCue[0].m;
    // "an aide to Agriculture Secretary Richard Lyng": a preposition, then only the person's titles.
    if (/\b(?:to|of|for|with|from|by|and|at|under)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(docText.slice(cue.start, m.start))) return undefined;
    if (/^['’]s?\b/.test(docText.slice(m.end, m.end + 3))) return undefined;
    return asPerson(inCue[0].p);
  }
  const phrase = cue.text.replace(/\s+/g, ' ').replace(/^[\s,;:]+|[\s,;:.]+$/g, '');
  const pronoun = /^(he|she)$/i.exec(phrase);
  if (pronoun) {
    const p = resolvePronoun(people, quoteAt, pronoun[1].toLowerCase() as 'he' | 'she', docText);
    return p && asPerson(p);
  }
  if (/^(?:it|they|we|i|you|one|this|that|which|who)$/i.test(phrase)) return undefined;
  const titled = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Sir|Dame|Lord|Lady)\.?\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)$/u.exec(phrase);
  if (titled) {
    const p = resolvePerson(people, phrase, cue.start);
    if (p) return asPerson(p);
    if (phrase !== titled[1]) return undefined; // "Mr Volcker" with no full name before it
  }
  // "the minister", "the company's chairman": one person named before with that role.
  const definite = /^the\s+(?:[\p{L}'’-]+\s+){0,2}?([\p{Ll}-]+)$/u.exec(phrase);
  if (definite && ROLE_NOUN.has(definite[1])) {
    const fits = people.filter((p) => p.first.start < cue.start && p.role && new RegExp(`\\b${definite[1]}\\b`, 'i').test(p.role));
    return fits.length === 1 ? asPerson(fits[0]) : undefined;
  }
  // "a Diamond Shamrock spokeswoman", "a spokesman for Texaco Inc": the organisation speaks.
  const forOrg = /^(?:an?|the|one)\s+(spokes(?:man|woman|person)|statement)\s+(?:for|of|from)\s+((?:the\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?\p{Lu}[\p{L}&'’.-]*)*)$/u.exec(phrase);
  if (forOrg) return { name: forOrg[2], role: forOrg[1] };
  const orgFirst = /^(?:an?|the|one)\s+((?:\p{Lu}[\p{L}&'’.-]*\s+)+)(spokes(?:man|woman|person)|statement)$/u.exec(phrase);
  if (orgFirst) return { name: orgFirst[1].trim(), role: orgFirst[2] };
  // An organisation by name: "the OECD", "Houston Oil Trust", "Gazprom" where the text shows it is one.
  const org = /^(?:the\s+)?(\p{Lu}[\p{L}&'’.:-]*(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?\p{Lu}[\p{L}&'’.:-]*){0,6})$/u.exec(phrase);
  if (org && isOrganisation(org[1], docText)) return { name: canonicalActor(org[1]) };
  return undefined;
}

/** A speaker on a slide is named in full: "Reagan" alone or "Sheikh Ali" is not a full name. */
/** Who speaks without a name besides people's roles: groups, and firms that talk like people ("the roaster added"). */
const SPEAKING_NOUN = /^(?:analysts|officials|sources?|bankers|traders|dealers|delegates|economists|roasters?|producers?|exporters?|importers?)$/i;
const SPEAKS = /(\S+)\s+(?:(?:also|then|later)\s+)?(?:said|says|told|added|adds|stated|noted|argued|warned|explained|commented|replied|insisted)\b/gu;
const PEOPLE_NOUN = /(?:^|[.!?]["”’)]*\s+|[,;:]\s+)(?:(?:but|and|however|also|yet),?\s+)?(?:the|a|an|one|another|some|several|other)\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/giu;

/**
 * Whether someone else speaks between a person's last mention and a "he said" quote: another name
 * before a reporting verb ("Monsod said"), or a person introduced by a noun ("The senior banker
 * was…", "a spokeswoman said"). People the text never names do not show in `people`, so "he"
 * could be them; words inside quotation marks do not count.
 */
function otherSpeakerBetween(between: string, p: Person, docText: string): boolean {
  // Quoted words do not count; the quote still ends a clause ('"…," a Western aid specialist said').
  const text = between.replace(/["“][^"“”]*["”]/g, ', ');
  const own = new Set(p.name.split(/\s+/));
  // A name the document elsewhere has speak ("Funaro said") is a speaker "he" may mean.
  // Only a lone capitalised word, as a surname stands: "American Express said" is a firm.
  const lone = /(?<![\p{L}'’.-]\s?|\p{Lu}[\p{L}'’.-]*\s+)\p{Lu}[\p{Ll}'’-]+(?![\p{L}]|\s+\p{Lu}|['’]s\s+\p{Lu})/gu;
  for (const w of new Set(text.match(lone) ?? [])) {
    if (own.has(w) || /^(?:He|She|It|They|We|I|But|And|The|A|An|In|On|At|As|If|When|While|This|That|Reuters)$/.test(w)) continue;
    if (isOrganisation(w, docText)) continue;
    if (occursBetween(docText, w, NO_LETTER_BEFORE, SAYS_AFTER) || occursBetween(docText, w, SAID_BEFORE, NO_LETTER_AFTER)) return true;
  }
  for (const m of text.matchAll(SPEAKS)) {
    const w = m[1].replace(/[,;:.]+$/u, '').replace(/['’]s?$/, '');
    if (/^\p{Lu}/u.test(w) && !own.has(w) && !/^(?:He|She|It|They|We|I|But|And|Reuters)$/.test(w)) return true;
    if (ROLE_NOUN.has(w.toLowerCase().replace(/s$/, '')) || SPEAKING_NOUN.test(w)) return true;
  }
  // '"…," said the regional manager', 'said Paul Mlotok': a speaker after the verb.
  // Only after a comma or a quote: "Develle said Paribas expected…" is Develle speaking.
  for (const m of text.matchAll(/(?:^|,)\s*(?:said|says|added|commented)\s+((?:the|a|an|one)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+|\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,5})/gu)) {
    const ws = m[1].split(/\s+/).map((w) => w.replace(/[.,;:]+$/, ''));
    // "said Societe Generale economist Alain Marais" is the person again; "said Paul Mlotok" is not.
    if (/^\p{Lu}/u.test(ws[0]) ? !ws.some((w) => own.has(w)) : ws.some((w) => ROLE_NOUN.has(w.toLowerCase()))) return true;
  }
  for (const m of text.matchAll(PEOPLE_NOUN)) {
    if (m[1].split(/\s+/).some((w) => ROLE_NOUN.has(w.toLowerCase()) || ROLE_NOUN.has(w.toLowerCase().replace(/s$/, '')) || SPEAKING_NOUN.test(w))) return true;
  }
  return false;
}

/**
 * Whom "he"/"she" at offset `at` of `docText` means: `lastNamedBefore`, and no one else speaking
 * from the sentence that last names that person up to `at` ("Monsod said Ongpin was…. “…,” she
 * said" is Monsod, whom `people` may not hold). Use it for "[Ed Balls] said" insertions too.
 */
export function resolvePronoun(people: People, at: number, pronoun: 'he' | 'she', docText: string): Person | undefined {
  const p = lastNamedBefore(people, at, pronoun);
  if (!p) return undefined;
  const last = Math.max(...p.mentions.filter((m) => m.end <= at).map((m) => m.start));
  const from = Math.max(0, ...(people.sentenceStarts ?? []).filter((x) => x <= last));
  return otherSpeakerBetween(docText.slice(from, at), p, docText) ? undefined : p;
}

function asPerson(p: Person): Source | undefined {
  if (!/\s/.test(p.name)) return undefined;
  return p.role ? { name: p.name, role: p.role } : { name: p.name };
}

const ORGANISATION_RUN = String.raw`(?:the\s+)?(?:\p{Lu}[\p{L}&.-]*\s+){0,4}(?:${[...ORG_WORD].map((w) => w[0].toUpperCase() + w.slice(1)).join('|')})\b`;
const NO_LETTER_BEFORE = part(String.raw`(?<![\p{L}])`);
const NO_LETTER_AFTER = part(String.raw`(?![\p{L}])`);
const AND_ORGANISATION = part(String.raw`\s+(?:and|or)\s+${ORGANISATION_RUN}`);
const ORGANISATION_AND = part(String.raw`(?<=${ORGANISATION_RUN}\s+(?:and|or)\s+)`);
const TICKER_AFTER = part(String.raw`(?:\s+\p{Lu}[\p{L}&.-]*){0,3}\s+(?:<[A-Z.]+>|\(\p{Lu}{2,8}\))`);
const DESIGNATION_AFTER = part(String.raw`(?:\s+\p{Lu}[\p{L}&.-]*){0,3}\s+(?:Inc|Corp|Co|Ltd|Plc|PLC|LLC|AG|SA|NV|Group|Bank)\b`);
const SAYS_AFTER = part(String.raw`\s+(?:said|says|told|added|stated)\b`);
const SAID_BEFORE = part(String.raw`(?<=\bsaid\s+)`);

/** Whether the text shows a capitalised name to be an organisation, not a person nobody introduced. */
export function isOrganisation(name: string, docText: string): boolean {
  const ws = name.split(/\s+/);
  if (ws.some((w) => ORG_WORD.has(w.replace(/\.$/, '').toLowerCase()))) return true;
  if (/^\p{Lu}[\p{Lu}\d&-]{1,9}$/u.test(name)) return true; // an acronym: OECD, OPEC
  if (canonicalActor(name) !== name || findActors(name).includes(name)) return true;
  // Named beside an organisation: "Gazprom and the China National Petroleum Corporation".
  if (occursBetween(docText, name, NO_LETTER_BEFORE, AND_ORGANISATION) || occursBetween(docText, name, ORGANISATION_AND, NO_LETTER_AFTER)) return true;
  // Elsewhere in the text with a company's designation or its exchange ticker ("Chevron Corp <CHV>").
  return occursBetween(docText, name, NO_LETTER_BEFORE, TICKER_AFTER) || occursBetween(docText, name, NO_LETTER_BEFORE, DESIGNATION_AFTER);
}
