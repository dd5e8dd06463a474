/**
 * Editorial insertions: the one edit besides deletion a bullet may carry. A speaker the line
 * names only as "he" or by surname ("Funaro said") is named in square brackets with the fullest
 * form the same article gives earlier ("[Dilson Funaro] said"), when the article leaves no doubt
 * who it is (`corpus/people.ts`). Each insertion is recorded with the offsets of the words it
 * replaces and of the name it copies, so the line stays verifiable.
 */
import type { Claim, CorpusDocument, Insertion } from '../model.ts';
import { resolvePronoun } from '../corpus/attribution.ts';
import { namedPeople, resolvePerson, type People, type Person } from '../corpus/people.ts';
import { posTags } from './grammar.ts';
import { findActors } from '../corpus/actors.ts';
import { wordCount } from './compress.ts';
import { CALENDAR, namesNobody } from '../select/definite.ts';
import { nounForms } from '../select/subject.ts';
import { datelineLength, escapeRegExp } from '../text.ts';

const VERB = String.raw`(?:(?:also|later|then|further)\s+)?(?:said|says|added|adds|told|noted|explained|continued|argued|warned|stressed|insisted|replied|wrote|estimated|predicted|reiterated|reported)\b`;
const PRONOUN_SPEAKER = new RegExp(String.raw`(?<![\p{L}])([Hh]e|[Ss]he)\s+${VERB}`, 'u');
const SURNAME_SPEAKER = new RegExp(String.raw`(?<![\p{L}.])(\p{Lu}[\p{Ll}'’-]+)\s+${VERB}`, 'u');

export interface Named {
  text: string;
  insertions: Insertion[];
}

const peopleOf = new WeakMap<CorpusDocument, People>();

/**
 * The shown text with its speaker named, or the text as it was when there is nothing to name
 * or no one can be named for sure. `shown` is the bullet's text (a deletion of `claim.text`).
 */
export function nameSpeaker(
  doc: CorpusDocument | undefined,
  claim: Claim,
  shown: string,
  /** `common`: whether the corpus writes a word in lower case too ("farmers"), so that alone it names no one for sure. */
  options: { roles?: boolean; common?: (word: string) => boolean } = {},
): Named {
  if (!doc) return { text: shown, insertions: [] };
  const body = nameBody(doc, claim, shown) ?? nameShortBody(doc, claim, shown) ?? (options.common ? nameShortOpening(doc, claim, shown, options.common) : undefined);
  if (body) return body;
  const roles = options.roles ?? true;
  const pronoun = PRONOUN_SPEAKER.exec(shown);
  const surname = pronoun ? undefined : SURNAME_SPEAKER.exec(shown);
  const found = pronoun ?? surname;
  if (!found) return nameSurname(doc, claim, shown, roles);
  const word = found[1];
  // "Mr Brown told MPs…": a courtesy title and a surname are no full name; both give way to it.
  const courtesy = surname ? COURTESY_BEFORE.exec(shown.slice(0, found.index)) : null;
  // "Finance Minister Dilson Funaro said": the name is there in full already.
  if (surname && !courtesy && /\p{Lu}[\p{L}.'’-]*\s+$/u.test(shown.slice(0, found.index))) return { text: shown, insertions: [] };
  // Where the same words stand in the source sentence: the bullet only deleted words around them.
  const span = spanOf(claim, found.index, word, String.raw`\s+`, courtesy);
  if (!span) return { text: shown, insertions: [] };
  const people = peopleIn(doc);
  const person = pronoun
    ? resolvePronoun(people, span.at, word.toLowerCase() as 'he' | 'she', doc.text)
    : resolvePerson(people, word, span.at);
  // A surname already in full ("Funaro" for a person the article only calls Funaro) needs nothing.
  if (!person || (surname && person.name === word) || person.first.start >= span.at) return { text: shown, insertions: [] };
  return withName(shown, span, naming(doc, person, roles));
}

/** A courtesy title right before a surname ("Mr Brown", "Dr. Kerin"): it names no one in full. */
const COURTESY_BEFORE = /(?<![\p{L}])(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+$/u;

/** What an insertion replaces: in the document (`from`–`end`, the name itself at `at`) and in the line (`lineFrom`–`lineEnd`). */
interface NameSpan {
  from: number;
  at: number;
  end: number;
  lineFrom: number;
  lineEnd: number;
}

/**
 * Where a name the line shows at `index` ("Funaro", "he") stands in the source sentence, `follow`
 * after it, with the courtesy title the line writes before it ("Mr Brown": both are replaced).
 */
function spanOf(claim: Claim, index: number, word: string, follow: string, courtesy: RegExpExecArray | null): NameSpan | undefined {
  const title = courtesy ? String.raw`${escapeRegExp(courtesy[1])}\.?\s+` : '';
  const inClaim = new RegExp(String.raw`(?<![\p{L}])${title}${escapeRegExp(word)}${follow}`, 'u').exec(claim.text);
  if (!inClaim) return undefined;
  const from = claim.start + inClaim.index;
  const at = from + (courtesy ? inClaim[0].lastIndexOf(word) : 0);
  return { from, at, end: at + word.length, lineFrom: courtesy ? courtesy.index : index, lineEnd: index + word.length };
}

/** The line with the span replaced by the name in brackets, and the insertion recorded. */
function withName(shown: string, span: NameSpan, named: { text: string; start: number; end: number }): Named {
  const inserted = `[${named.text}]`;
  return {
    text: shown.slice(0, span.lineFrom) + inserted + shown.slice(span.lineEnd),
    insertions: [{ text: inserted, replaces: { start: span.from, end: span.end }, source: { start: named.start, end: named.end } }],
  };
}

/** A document's people, worked out once. */
function peopleIn(doc: CorpusDocument): People {
  let people = peopleOf.get(doc);
  if (!people) peopleOf.set(doc, (people = namedPeople(doc)));
  return people;
}

/**
 * A surname that is not the speaker ("Funaro's trip follows…", "Lawson's attitude was…"): the
 * first word in capitals, not part of a longer name, that the article gives in full earlier and
 * for one person only, is named in full.
 */
function nameSurname(doc: CorpusDocument, claim: Claim, shown: string, roles: boolean): Named {
  const none = { text: shown, insertions: [] };
  for (const m of shown.matchAll(/(?<![\p{L}.'’-])(\p{Lu}[\p{Ll}'’-]+?)(?:['’]s)?(?![\p{L}'’-])/gu)) {
    const word = m[1];
    const before = shown.slice(0, m.index);
    const after = shown.slice((m.index ?? 0) + m[0].length);
    // ("Mr Brown's budget": a courtesy title and a surname give way to the full name.)
    const courtesy = COURTESY_BEFORE.exec(before);
    // Part of a longer name ("Finance Minister Dilson Funaro", "Funaro Associates"): nothing to add.
    if ((!courtesy && /\p{Lu}[\p{L}.'’-]*\s+$/u.test(before)) || /^\s+\p{Lu}/u.test(after)) continue;
    const span = spanOf(claim, m.index, word, String.raw`(?![\p{L}])`, courtesy);
    if (!span) continue;
    const person = resolvePerson(peopleIn(doc), word, span.at);
    if (!person || person.name === word || person.first.start >= span.at || !person.name.includes(' ')) continue;
    return withName(shown, span, naming(doc, person, roles));
  }
  return none;
}

/**
 * How an insertion names a person: with the role the article writes right before the full name
 * ("[Brazilian Finance Minister Dilson Funaro]", "[U.S. trade representative Clayton Yeutter]")
 * or right after it between commas ("[Robert Brodersen, a professor of electrical engineering…]"),
 * one span of its text; the name alone when the article gives the role elsewhere or `roles` is off.
 */
function naming(doc: CorpusDocument, person: Person, roles: boolean): { text: string; start: number; end: number } {
  const name = { text: person.name, start: person.first.start, end: person.first.end };
  if (!roles || !person.role) return name;
  const before = doc.text.slice(Math.max(0, person.first.start - person.role.length - 20), person.first.start);
  const words = person.role.split(/\s+/).map(escapeRegExp).join('\\s+');
  const role = new RegExp(`${words}\\s+$`, 'u').exec(before);
  if (!role) {
    // The role the article sets after the name, between commas ("Robert Brodersen, a professor of
    // electrical engineering at the University of California at Berkeley, told…"): name and role,
    // one span of its text.
    const after = new RegExp(`^,\\s+(?:(?:a|an|the)\\s+)?${words}(?=\\s*[,.;])`, 'u').exec(doc.text.slice(person.first.end, person.first.end + person.role.length + 40));
    if (!after) return name;
    const end = person.first.end + after[0].length;
    return { text: doc.text.slice(person.first.start, end).replace(/\s+/g, ' '), start: person.first.start, end };
  }
  const start = person.first.start - before.length + role.index;
  return { text: doc.text.slice(start, person.first.end).replace(/\s+/g, ' '), start, end: person.first.end };
}

/** "the National Bank said": a body named in capitals by the last words of its name. */
const SHORT_BODY_SPEAKER = new RegExp(String.raw`(?<![\p{L}])([Tt]he\s+((?:\p{Lu}[\p{L}&'’-]*\s+){0,3}\p{Lu}[\p{L}&'’-]*))\s+${VERB}`, 'u');

/**
 * "the National Bank said", where the article named the body in full before ("the Swiss National
 * Bank"): the line names it as the article did ("[Swiss National Bank] said"), when one longer
 * name ending in those words comes before the line.
 */
function nameShortBody(doc: CorpusDocument, claim: Claim, shown: string): Named | undefined {
  const found = SHORT_BODY_SPEAKER.exec(shown);
  if (!found) return undefined;
  const words = found[2].split(/\s+/).map(escapeRegExp);
  const longer = new RegExp(String.raw`(?<![\p{L}])((?:\p{Lu}[\p{L}&'’-]*\s+){1,3})${words.join('\\s+')}(?![\p{L}])`, 'gu');
  const names = new Map<string, { start: number; end: number }>();
  for (const m of doc.text.slice(0, claim.start).matchAll(longer)) {
    // ("The Swiss National Bank" at a sentence's start: the name is "Swiss National Bank".)
    const lead = /^(?:The|A|An|At|In|Of|By|For|From|To|On)\s+/.exec(m[1])?.[0].length ?? 0;
    if (lead === m[1].length) continue;
    const start = (m.index ?? 0) + lead;
    const name = m[0].slice(lead).replace(/\s+/g, ' ');
    if (!names.has(name)) names.set(name, { start, end: (m.index ?? 0) + m[0].length });
  }
  // One body only: two ("Swiss National Bank", "Austrian National Bank") leave the line as written.
  if (names.size !== 1) return undefined;
  const [[name, source]] = [...names];
  const inClaim = new RegExp(String.raw`(?<![\p{L}])${found[1].replace(/\s+/g, '\\s+')}(?=\s)`, 'u').exec(claim.text);
  if (!inClaim) return undefined;
  const at = claim.start + (inClaim.index ?? 0);
  const inserted = `[${name}]`;
  return {
    text: shown.slice(0, found.index) + inserted + shown.slice((found.index ?? 0) + found[1].length),
    insertions: [{ text: inserted, replaces: { start: at, end: at + inClaim[0].length }, source }],
  };
}

/** A line's opening name of one or two words in capitals, then a comma or a word in lower case. */
const OPENING_NAME = /^(\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*)?)(?=,|\s+\p{Ll})/u;
/** A name's last word that says only that it is a company ("Comalco Ltd" for "Comalco"). */
const COMPANY_SUFFIX = /^(?:Corp|Corporation|Inc|Co|Cos|Ltd|Limited|Plc|PLC|AG|SA|NV|BV|GmbH|LLC|Bhd|Berhad|SpA)\.?$/;

/**
 * "Farmers, with 9.6 mln dlrs in assets, was closed…", where the article named "the failed
 * Farmers State Bank" before: a line that opens on a common word (`common`) that is the first word
 * of one longer name the article gave earlier names it as the article did ("[Farmers State Bank],
 * with…"). Not a name the corpus writes only as one ("Viacom said" is Viacom), nor a place
 * ("Japan" beside "Japan Air Lines" is Japan), nor a name that differs only by "Corp" or "Ltd".
 */
function nameShortOpening(doc: CorpusDocument, claim: Claim, shown: string, common: (word: string) => boolean): Named | undefined {
  const found = OPENING_NAME.exec(shown);
  if (found && !found[1].split(/\s+/).some(common)) return undefined;
  // (A name, not a sentence's first word in capitals, "Despite", "While"; an acronym, "ATPC", is
  // written out by `expandAcronyms`.)
  if (!found || /^\p{Lu}{2,}\b/u.test(found[1]) || findActors(found[1]).length) return undefined;
  const tags = posTags(shown.split(/\s+/).slice(0, 8).join(' '));
  const n = found[1].split(/\s+/).length;
  // (A name as the line's subject, before its verb or a comma: "National narratives of friendship"
  // opens on an adjective.)
  if (tags.slice(0, n).some((t) => t !== 'PROPN') || ['NOUN', 'ADJ', 'PROPN'].includes(tags[n] ?? '')) return undefined;
  const words = found[1].split(/\s+/).map(escapeRegExp);
  // (Words in capitals and lower case: a headline in capitals, "ATPC MEMBERS FIND WAYS", is no name.)
  const longer = new RegExp(String.raw`(?<![\p{L}]|\p{Lu}[\p{L}.&'’-]*\s)${words.join('\\s+')}((?:\s+\p{Lu}[\p{Ll}&'’-][\p{L}&'’-]*|\s+\p{Lu}\.?(?=\s)){1,3})(?![\p{L}])`, 'gu');
  const names = new Map<string, { start: number; end: number }>();
  for (const m of doc.text.slice(0, claim.start).matchAll(longer)) {
    const rest = m[1].trim().split(/\s+/);
    if (rest.every((w) => COMPANY_SUFFIX.test(w))) continue;
    const name = m[0].replace(/\s+/g, ' ');
    if (!names.has(name)) names.set(name, { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  if (names.size !== 1) return undefined;
  const [[name, source]] = [...names];
  const inClaim = new RegExp(String.raw`(?<![\p{L}])${words.join('\\s+')}(?![\p{L}])`, 'u').exec(claim.text);
  if (!inClaim) return undefined;
  const at = claim.start + (inClaim.index ?? 0);
  const inserted = `[${name}]`;
  return {
    text: inserted + shown.slice(found[1].length),
    insertions: [{ text: inserted, replaces: { start: at, end: at + inClaim[0].length }, source }],
  };
}

/** "the company said", "the bank said": a body the story named as its first speaker. */
const BODY_SPEAKER = new RegExp(String.raw`(?<![\p{L}])([Tt]he\s+(company|bank|group|firm|ministry|department|agency|association|council|board|exchange|union|organisation|organization))\s+${VERB}`, 'u');
/** A name's last word that says what kind of body it is. */
const KIND_OF: Record<string, RegExp> = {
  company: /\b(?:Corp|Corporation|Inc|Co|Ltd|Plc|PLC|AG|SA|NV|Group|Industries|Holdings|Company)\.?$/,
  firm: /\b(?:Corp|Corporation|Inc|Co|Ltd|Plc|PLC|AG|SA|NV|Group|Industries|Holdings|Company)\.?$/,
  group: /\bGroup$/,
};
/** The body the lead sentence reports ("Diamond Shamrock Corp said that…"), after any dateline. */
const LEAD_SPEAKER = /^(?:\p{Lu}[\p{Lu}\p{L}.'’ -]{0,40}?,\s+[^-]{2,40}?\s+-\s+)?((?:\p{Lu}[\p{L}&.'’-]*\s+){0,5}\p{Lu}[\p{L}&.'’-]*)\s+(?:said|says|announced|reported)\b/u;

function nameBody(doc: CorpusDocument, claim: Claim, shown: string): Named | undefined {
  const found = BODY_SPEAKER.exec(shown);
  if (!found) return undefined;
  const lead = doc.paragraphs[0];
  if (!lead || lead.start >= claim.start) return { text: shown, insertions: [] };
  const m = LEAD_SPEAKER.exec(lead.text.replace(/\s+/g, ' '));
  if (!m) return { text: shown, insertions: [] };
  const name = m[1].replace(/\s+/g, ' ').trim();
  const noun = found[2];
  // The body must be of the kind the noun says: "the bank" is a Bank, "the company" a Corp or Inc.
  const fits = KIND_OF[noun]?.test(name) ?? new RegExp(String.raw`\b${noun}\b`, 'i').test(name);
  if (!fits) return { text: shown, insertions: [] };
  const inClaim = new RegExp(String.raw`(?<![\p{L}])${found[1].replace(/\s+/g, '\\s+')}\s+`, 'u').exec(claim.text);
  const sourceAt = doc.text.indexOf(m[1].split(/\s+/)[0], lead.start);
  if (!inClaim || sourceAt < 0) return { text: shown, insertions: [] };
  const sourceEnd = sourceAt + (doc.text.slice(sourceAt).match(new RegExp(m[1].trim().split(/\s+/).map(escapeRegExp).join('\\s+')))?.[0].length ?? name.length);
  const at = claim.start + (inClaim.index ?? 0);
  const inserted = `[${name}]`;
  return {
    text: shown.slice(0, found.index) + inserted + shown.slice(found.index + found[1].length),
    insertions: [{ text: inserted, replaces: { start: at, end: at + found[1].length }, source: { start: sourceAt, end: sourceEnd } }],
  };
}

/** The bullet without its insertions, for checking it deletes words of its source only. */
export function withoutInsertions(text: string, insertions: readonly Insertion[] = []): string {
  let out = text;
  // A possessive stays with the name it was part of: "[Dilson Funaro]'s trip" is "Funaro's trip".
  for (const i of insertions) out = out.replace(new RegExp(`${escapeRegExp(i.text)}(?:['’]s)?`), '');
  return out.replace(/\s{2,}/g, ' ').trim();
}

/**
 * An acronym the article defined before the line ("Russia’s Far Eastern (RFE)", "Central Asia
 * (CA)") is written out in brackets where the line uses it: "shared interests in [Russia’s Far
 * Eastern], [Central Asia]…". The article thought it needed defining; a slide read alone does too.
 */
export function expandAcronyms(doc: CorpusDocument | undefined, claim: Claim, named: Named, maxWords = Infinity): Named {
  if (!doc) return named;
  const defined = definitionsOf(doc);
  if (!defined.size) return named;
  let { text } = named;
  const insertions = [...named.insertions];
  for (const m of named.text.matchAll(/(?<![\p{L}\p{N}[\-])(\p{Lu}{2,6})(?![\p{L}\p{N}\]\-])/gu)) {
    const def = defined.get(m[1]);
    if (!def || def.end > claim.start) continue;
    // ("RFE region" in the line: the bracket stands for both words; "the RFE region", for a
    // name that opens on a possessive, "Russia’s Far Eastern (RFE) region", for all three.)
    const the = /^\p{Lu}[\p{L}.-]*['’]s\s/u.test(def.name) ? String.raw`(?:[Tt]he\s+)?` : '';
    const words = def.noun ? String.raw`${the}${m[1]}(?:\s+${def.noun}(?![\p{L}]))?` : m[1];
    const inClaim = new RegExp(String.raw`(?<![\p{L}\p{N}(])${words}(?![\p{L}\p{N})])`, 'u').exec(claim.text);
    if (!inClaim) continue;
    const at = claim.start + (inClaim.index ?? 0);
    if (insertions.some((i) => i.replaces.start === at)) continue;
    const inserted = `[${def.name}]`;
    // Each acronym written out as the line's length allows, the first ones first.
    const longer = text.replace(new RegExp(String.raw`(?<![\p{L}\p{N}[(])${words}(?![\p{L}\p{N}\])])`, 'u'), inserted);
    if (wordCount(longer) > maxWords) continue;
    text = longer;
    insertions.push({ text: inserted, replaces: { start: at, end: at + inClaim[0].length }, source: { start: def.start, end: def.end } });
  }
  return insertions.length === named.insertions.length ? named : { text, insertions };
}

/** An acronym's definition: the words it copies, where they stand, and the noun after the bracket when the phrase has one. */
interface Definition {
  name: string;
  start: number;
  end: number;
  noun?: string;
}
const definitions = new WeakMap<CorpusDocument, Map<string, Definition>>();

/**
 * "Long Name (LN)": the acronym, and the capitalised words before it whose initials spell it. A
 * wire's code in angle brackets defines one the same way ("Chinese Petroleum Corp <CPC>").
 */
function definitionsOf(doc: CorpusDocument): Map<string, Definition> {
  let found = definitions.get(doc);
  if (found) return found;
  found = new Map();
  for (const m of doc.text.matchAll(/\((\p{Lu}{2,6})\)|<(\p{Lu}{2,6})>/gu)) {
    const acronym = m[1] ?? m[2];
    if (found.has(acronym)) continue;
    const open = m.index ?? 0;
    const before = doc.text.slice(Math.max(0, open - 120), open);
    const words = [...before.matchAll(/[\p{L}’'-]+/gu)];
    // Back from the bracket: capitalised words spell the acronym from its end; "of", "and",
    // "the" between them spell nothing.
    let letter = acronym.length - 1;
    let first: RegExpMatchArray | undefined;
    for (let i = words.length - 1; i >= 0 && letter >= 0; i--) {
      const w = words[i][0];
      if (/^(?:of|and|the|for|on|in|de|du|des|la|le)$/.test(w)) continue;
      // (A headline in capitals, "BRT REALTY TRUST <BRT>", defines nothing.)
      if (/^\p{Lu}{2,}$/u.test(w)) break;
      const parts = w.split('-').filter(Boolean);
      let ok = true;
      for (let k = parts.length - 1; k >= 0 && ok; k--) {
        if (!/^\p{Lu}/u.test(parts[k]) || parts[k][0] !== acronym[letter]) ok = false;
        else letter--;
      }
      if (!ok) break;
      first = words[i];
    }
    if (letter >= 0 || !first) continue;
    const start = open - before.length + (first.index ?? 0);
    const name = doc.text.slice(start, open).replace(/\s+/g, ' ').trim();
    // "Russia's Far Eastern (RFE) region": the acronym stands for a phrase whose noun comes after
    // the bracket; its words before the bracket alone would not read in its place, so the whole
    // phrase is copied, bracket and noun included.
    const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(doc.text.slice(open + m[0].length));
    if (next && posTags(`${name} ${next[1]}`).at(-1) === 'NOUN') {
      const end = open + m[0].length + next[0].length;
      found.set(acronym, { name: doc.text.slice(start, end).replace(/\s+/g, ' '), start, end, noun: next[1] });
      continue;
    }
    found.set(acronym, { name, start, end: start + doc.text.slice(start, open).trimEnd().length });
  }
  definitions.set(doc, found);
  return found;
}

/** A name in capitals with a possessive: "Japan's", "West Germany's", "Comalco Ltd's". */
const POSSESSOR = /(?<![\p{L}.&'’-])((?:\p{Lu}[\p{L}.&-]*\s+){0,3}\p{Lu}[\p{L}.&-]*)['’]s\s/gu;
/** How many words may stand between an owner and the noun it owns ("Japan's seasonally adjusted unemployment"). */
const OWNED_WITHIN = 4;

/**
 * "Male unemployment in January remained at 2.9 pct…" in a story whose lead says "Japan's
 * seasonally adjusted unemployment rate rose to a record…": a line past the lead that opens on a
 * noun the lead gave one owner, and names no one itself, says whose in brackets, copied from the
 * lead: "[Japan's] male unemployment…". Not when the lead gives the noun two owners, or the story
 * gives it another before the line ("West Germany's unemployment…"): then whose is not sure.
 * The insertion replaces no words: `replaces` is the empty range where it stands.
 */
export function nameOwner(doc: CorpusDocument | undefined, claim: Claim, shown: string, common: (word: string) => boolean): Named {
  const none = { text: shown, insertions: [] };
  const lead = doc?.paragraphs[0];
  if (!doc || !lead || lead.end > claim.start) return none;
  // (A common word, which the corpus also writes in lower case: "Male", not "Funaro" or "Mobil".)
  const first = /^[\p{L}-]+/u.exec(shown)?.[0];
  if (!first || !common(first) || !namesNobody(shown, doc.text)) return none;
  // "The value of crude oil exports fell…": the noun phrase after an opening measure is the owned one.
  const measure = /^The\s+\p{Ll}+\s+of\s+(?=\p{Ll})/u.exec(shown)?.[0].length ?? 0;
  const head = openingHead(shown.slice(measure));
  if (!head) return none;
  const owns = (text: string, offset: number) =>
    [...text.matchAll(POSSESSOR)]
      .filter((m) => {
        const next = (text.slice((m.index ?? 0) + m[0].length).match(/[\p{L}-]+/gu) ?? []).slice(0, OWNED_WITHIN + 2);
        const at = next.slice(0, OWNED_WITHIN + 1).findIndex((w) => sameNoun(w, head));
        // ("Indonesia's exports of tea and cocoa" are not the coffee exports a later line gives.)
        return at >= 0 && !/^(?:of|for|in|to|from)$/i.test(next[at + 1] ?? '');
      })
      .map((m) => ({ name: m[1].replace(/\s+/g, ' '), start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[1].length + 2 }));
  const inLead = owns(lead.text, lead.start);
  const after = owns(doc.text.slice(lead.end, claim.start), lead.end);
  const names = new Set([...inLead, ...after].map((o) => o.name));
  if (inLead.length === 0 || names.size !== 1) return none;
  const [owner] = inLead;
  if (CALENDAR.test(owner.name) || /^(?:Today|Yesterday|Tomorrow)$/.test(owner.name)) return none;
  // A name, not a capitalised first word ("Today's figures"): a place or body the gazetteer knows,
  // a name of two words, or one the article writes in capitals mid-sentence.
  const word = escapeRegExp(owner.name);
  if (!findActors(owner.name).length && !/\s/.test(owner.name) && !new RegExp(String.raw`[\p{Ll},;]\s+${word}(?![\p{L}])`, 'u').test(doc.text)) return none;
  const inserted = `[${doc.text.slice(owner.start, owner.end).replace(/\s+/g, ' ')}]`;
  // (Before the owned phrase's first word: the line's opening, or the phrase after its measure.)
  const at = placeOf(claim, /^[\p{L}\p{N}'’-]+/u.exec(shown.slice(measure))?.[0]);
  if (at === undefined) return none;
  return {
    text: measure ? `${shown.slice(0, measure)}${inserted} ${shown.slice(measure)}` : `${inserted} ${shown.charAt(0).toLowerCase()}${shown.slice(1)}`,
    insertions: [{ text: inserted, replaces: { start: at, end: at }, source: { start: owner.start, end: owner.end } }],
  };
}

/** Where a word of the shown line stands in the document: the first time its sentence writes it whole, past any dateline. */
function placeOf(claim: Claim, word: string | undefined): number | undefined {
  if (!word) return undefined;
  const from = datelineLength(claim.text);
  const found = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(word)}(?![\p{L}\p{N}])`, 'u').exec(claim.text.slice(from));
  return found ? claim.start + from + found.index : undefined;
}

/**
 * The noun a line opens on when nothing but adjectives, nouns and participles come before its verb:
 * "unemployment" in "Male unemployment in January remained…", "exports" in "Exports rose…". A
 * line that opens on a determiner, a name or a pronoun has an owner or points back another way.
 */
function openingHead(shown: string): string | undefined {
  const words = shown.split(/\s+/).slice(0, 8);
  if (!words.length) return undefined;
  // (Read with its first letter in lower case: a sentence's capital is no name.)
  const lowered = [words[0].charAt(0).toLowerCase() + words[0].slice(1), ...words.slice(1)];
  const tags = posTags(lowered.join(' '));
  let head: string | undefined;
  for (let i = 0; i < lowered.length; i++) {
    const t = tags[i];
    const w = lowered[i].replace(/[^\p{L}-]/gu, '');
    if (t === 'NOUN' && /^\p{Ll}/u.test(w)) head = w;
    else if (t === 'ADJ' || t === 'ADV' || (t === 'VERB' && /ed$/.test(w) && tags[i + 1] !== 'ADP' && tags[i + 1] !== 'NUM')) continue;
    else if (t === 'PROPN' && CALENDAR.test(w)) continue;
    else break;
    if (/[,;:]$/.test(lowered[i])) break;
  }
  return head;
}

/** "unemployment" and "Unemployment", "export" and "exports", "economy" and "economies". */
function sameNoun(a: string, b: string): boolean {
  return nounForms(a.toLowerCase()).includes(b.toLowerCase());
}
