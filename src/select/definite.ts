/**
 * Definite references to something the sentence before introduced: "The dramatic fall in oil prices
 * last year was responsible for the slump.", "the share had reduced to…", "the plans". Read alone,
 * "the slump" asks "which slump?". A "the + noun" points back when the noun (any inflection) is in
 * the two sentences before it in the article, the sentence itself has not named it already, and
 * nothing after it says which one ("the slump in coffee prices", "the plans that…"). Nouns the
 * corpus uses with "the" in many documents name one well-known thing there ("the dollar" in a
 * currency corpus) and do not count.
 */
import type { Claim, CorpusDocument } from '../model.ts';
import { stem, wordsOf, type CorpusWords } from './words.ts';

const THE_NOUN = /(?<![\p{L}])[Tt]he\s+(?:(\p{Ll}[\p{Ll}-]+)\s+)?(\p{Ll}[\p{Ll}-]+)(?=(\s+\S+)?)/gu;
const QUALIFIED = /^\s+(?:of|in|on|for|from|at|to|by|with|between|over|under|that|which|who|whose|where|announced|proposed|planned)\b/;

/** A word after "the X" that makes X the noun: a verb or auxiliary ("the company said"). */
const VERB_LIKE = /^(?:is|was|are|were|be|been|has|had|have|will|would|could|should|can|may|might|must|did|does|do|said|says|\p{Ll}+ed)$/u;

/** How many words before the sentence are read as its context. */
const CONTEXT_CHARS = 400;

/**
 * Nouns that name a part or measure of something else: "the share", "the rest", "the majority"
 * without "of …" leave out what they are a share of, whatever came before.
 */
const RELATIONAL = new Set(['share', 'rest', 'remainder', 'majority', 'minority', 'proportion', 'percentage', 'bulk', 'balance', 'total', 'latter', 'former', 'others']);

export function pointsBack(claim: Claim, doc: Pick<CorpusDocument, 'text'> | undefined, generic: (stem: string) => boolean): boolean {
  if (!doc) return false;
  const before = doc.text.slice(Math.max(0, claim.start - CONTEXT_CHARS), claim.start);
  // The two sentences before: from the third sentence end back.
  const ends = [...before.matchAll(/[.!?]["”’)]?\s+/g)];
  const context = ends.length >= 3 ? before.slice((ends[ends.length - 3].index ?? 0) + ends[ends.length - 3][0].length) : before;
  const contextStems = new Set(wordsOf(context).map((w) => w.stem));
  const text = claim.text;
  for (const m of text.matchAll(THE_NOUN)) {
    // "the share had…", "the recent slump": the noun is the first word or, after an adjective,
    // the second; each reading is tested with what follows it.
    const readings: Array<[string, number]> =
      m[1] && !VERB_LIKE.test(m[2])
        ? [[m[1], (m.index ?? 0) + m[0].indexOf(m[1]) + m[1].length], [m[2], (m.index ?? 0) + m[0].length]]
        : [[m[1] ?? m[2], (m.index ?? 0) + m[0].indexOf(m[1] ?? m[2]) + (m[1] ?? m[2]).length]];
    for (const [noun, at] of readings) {
      const rest = text.slice(at);
      if (QUALIFIED.test(rest) || /^['’]s\b/.test(rest)) break;
      if (RELATIONAL.has(noun) || noun === 'same') return true;
      const s = stem(noun);
      if (!contextStems.has(s) || generic(s)) continue;
      // Named earlier in the same sentence ("a slump … the slump") is its own antecedent.
      if (wordsOf(text.slice(0, m.index ?? 0)).some((w) => w.stem === s)) continue;
      return true;
    }
  }
  return false;
}

/** Nouns that a tenth of the corpus's documents or more use with "the": one well-known thing. */
export function genericDefinites(claims: Iterable<Claim>, corpus: CorpusWords): (stem: string) => boolean {
  // Documents per noun, counted as the claims come a document at a time (store order).
  const docs = new Map<string, number>();
  const lastDoc = new Map<string, string>();
  for (const c of claims) {
    for (const m of c.text.matchAll(THE_NOUN)) {
      const s = stem(m[2]);
      if (lastDoc.get(s) === c.docId) continue;
      lastDoc.set(s, c.docId);
      docs.set(s, (docs.get(s) ?? 0) + 1);
    }
  }
  const floor = Math.max(3, corpus.documents * 0.1);
  return (s) => (docs.get(s) ?? 0) >= floor;
}
