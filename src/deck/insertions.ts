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

/** The bullet without its insertions, for checking it deletes words of its source only. */
export function withoutInsertions(text: string, insertions: readonly Insertion[] = []): string {
  let out = text;
  for (const i of insertions) out = out.replace(i.text, '');
  return out.replace(/\s{2,}/g, ' ').trim();
}
