/**
 * Editorial insertions: the one edit besides deletion a bullet may carry. A speaker the line
 * names only as "he" or by surname ("Funaro said") is named in square brackets with the fullest
 * form the same article gives earlier ("[Dilson Funaro] said"), when the article leaves no doubt
 * who it is (`corpus/people.ts`). Each insertion is recorded with the offsets of the words it
 * replaces and of the name it copies, so the line stays verifiable.
 */
import type { Claim, CorpusDocument, Insertion } from '../model.ts';
import { resolvePronoun } from '../corpus/attribution.ts';
import { namedPeople, resolvePerson, type People } from '../corpus/people.ts';

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
export function nameSpeaker(doc: CorpusDocument | undefined, claim: Claim, shown: string): Named {
  if (!doc) return { text: shown, insertions: [] };
  const body = nameBody(doc, claim, shown);
  if (body) return body;
  const pronoun = PRONOUN_SPEAKER.exec(shown);
  const surname = pronoun ? undefined : SURNAME_SPEAKER.exec(shown);
  const found = pronoun ?? surname;
  if (!found) return { text: shown, insertions: [] };
  const word = found[1];
  // "Finance Minister Dilson Funaro said": the name is there in full already.
  if (surname && /\p{Lu}[\p{L}.'’-]*\s+$/u.test(shown.slice(0, found.index))) return { text: shown, insertions: [] };
  // Where the same words stand in the source sentence: the bullet only deleted words around them.
  const inClaim = new RegExp(String.raw`(?<![\p{L}])${word}\s+`, 'u').exec(claim.text);
  if (!inClaim) return { text: shown, insertions: [] };
  const at = claim.start + (inClaim.index ?? 0);
  let people = peopleOf.get(doc);
  if (!people) peopleOf.set(doc, (people = namedPeople(doc)));
  const person = pronoun
    ? resolvePronoun(people, at, word.toLowerCase() as 'he' | 'she', doc.text)
    : resolvePerson(people, word, at);
  // A surname already in full ("Funaro" for a person the article only calls Funaro) needs nothing.
  if (!person || (surname && person.name === word) || person.first.start >= at) return { text: shown, insertions: [] };
  const inserted = `[${person.name}]`;
  const text = shown.slice(0, found.index) + shown.slice(found.index).replace(word, inserted);
  return {
    text,
    insertions: [{ text: inserted, replaces: { start: at, end: at + word.length }, source: { start: person.first.start, end: person.first.end } }],
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
  const sourceEnd = sourceAt + (doc.text.slice(sourceAt).match(new RegExp(m[1].trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')))?.[0].length ?? name.length);
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
  for (const i of insertions) out = out.replace(i.text, '');
  return out.replace(/\s{2,}/g, ' ').trim();
}
