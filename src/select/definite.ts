/**
 * Definite references to something the sentence before introduced: "The dramatic fall in oil prices
 * last year was responsible for the slump.", "the share had reduced to…", "the plans". Read alone,
 * "the slump" asks "which slump?". A "the + noun" points back when the noun (any inflection) is in
 * the two sentences before it in the article, the sentence itself has not named it already, and
 * nothing after it says which one ("the slump in coffee prices", "the plans that…"). Nouns of
 * the deck's own title and topics are known from the deck ("the pipeline" in "Pipeline talks",
 * "the dollar" in a deck about the dollar). A noun the corpus uses with "the" everywhere ("the
 * company", "the government") still points back: the reviewers read it as "which one?".
 */
import type { Claim, CorpusDocument } from '../model.ts';
import { stem, wordsOf } from './words.ts';

/** "the" and the lower-case words after it, up to three: the noun phrase and what follows. */
const THE_PHRASE = /(?<![\p{L}])[Tt]he((?:\s+\p{Ll}[\p{Ll}-]*){1,3})/gu;
const QUALIFIED = /^\s+(?:of|in|on|for|from|at|to|by|with|between|over|under|that|which|who|whose|where|announced|proposed|planned)\b/;
/** Words that end a noun phrase: a verb or auxiliary ("the company said"), a preposition, a conjunction. */
const BOUNDARY = /^(?:is|was|are|were|be|been|being|has|had|have|will|would|could|should|can|may|might|must|did|does|do|said|says|and|or|but|as|than|so|of|in|on|for|from|at|to|by|with|between|over|under|that|which|who|whose|where|when|while|into|after|before|since|about|\p{Ll}+ed)$/u;

/**
 * The head noun of "the …" and where it ends: the last word before a verb, preposition or the end
 * of the run ("the gas pipeline contract was…" → "contract"; "the share had…" → "share").
 */
function headOf(m: RegExpMatchArray): { noun: string; end: number } | undefined {
  const words = [...m[1].matchAll(/\p{Ll}[\p{Ll}-]*/gu)];
  let last: RegExpMatchArray | undefined;
  for (const w of words) {
    if (BOUNDARY.test(w[0])) break;
    last = w;
  }
  if (!last) return undefined;
  const start = (m.index ?? 0) + 3 + (last.index ?? 0);
  return { noun: last[0], end: start + last[0].length };
}

/** How many words before the sentence are read as its context. */
const CONTEXT_CHARS = 400;

/**
 * Nouns that name a part or measure of something else: "the share", "the rest", "the majority"
 * without "of …" leave out what they are a share of, whatever came before.
 */
const RELATIONAL = new Set(['share', 'rest', 'remainder', 'majority', 'minority', 'proportion', 'percentage', 'bulk', 'balance', 'total', 'latter', 'former', 'others']);

export function pointsBack(
  claim: Claim,
  doc: Pick<CorpusDocument, 'text'> | undefined,
  /** Stems of what the deck itself is about (its title, topics): "the pipeline" in "Pipeline talks" is known. */
  known: ReadonlySet<string> = new Set(),
): boolean {
  if (!doc) return false;
  const before = doc.text.slice(Math.max(0, claim.start - CONTEXT_CHARS), claim.start);
  // The two sentences before: from the third sentence end back.
  const ends = [...before.matchAll(/[.!?]["”’)]?\s+/g)];
  const context = ends.length >= 3 ? before.slice((ends[ends.length - 3].index ?? 0) + ends[ends.length - 3][0].length) : before;
  const contextStems = new Set(wordsOf(context).map((w) => w.stem));
  const text = claim.text;
  for (const m of text.matchAll(THE_PHRASE)) {
    const head = headOf(m);
    if (!head) continue;
    const rest = text.slice(head.end);
    if (QUALIFIED.test(rest) || /^['’]s\b/.test(rest)) continue;
    if (RELATIONAL.has(head.noun) || /^\s*same\b/.test(m[1])) return true;
    const s = stem(head.noun);
    if (!contextStems.has(s) || known.has(s)) continue;
    // Named earlier in the same sentence ("a slump … the slump") is its own antecedent.
    if (wordsOf(text.slice(0, m.index ?? 0)).some((w) => w.stem === s)) continue;
    return true;
  }
  return false;
}
