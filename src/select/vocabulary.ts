/**
 * Whether a word is English, for selection's few questions ("is 'Company' a common noun?"). The
 * vocabulary is `an-array-of-english-words`, the list the corpus stage reads glued words with
 * (`corpus/glue.ts`, which asks about every token and keeps it as a set). Selection asks about a
 * handful of words: they are looked up in the list's file as it is (`["a","aa",…]`, sorted), by
 * bisection, instead of parsing 275,000 words into a set (a third of a second) first.
 */
import { englishList, inSortedList } from '../corpus/vocabulary.ts';

export { inSortedList } from '../corpus/vocabulary.ts';

const known = new Map<string, boolean>();

/** Whether a lower-case word is in the English vocabulary. */
export function isEnglishWord(lower: string): boolean {
  let found = known.get(lower);
  if (found === undefined) {
    if (known.size >= 50_000) known.clear();
    known.set(lower, (found = inSortedList(englishList(), lower)));
  }
  return found;
}
