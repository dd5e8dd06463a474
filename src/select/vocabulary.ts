/**
 * Whether a word is English, for selection's few questions ("is 'Company' a common noun?"). The
 * vocabulary is `an-array-of-english-words`, the list the corpus stage reads glued words with
 * (`corpus/glue.ts`, which asks about every token and keeps it as a set). Selection asks about a
 * handful of words: they are looked up in the list's file as it is (`["a","aa",…]`, sorted), by
 * bisection, instead of parsing 275,000 words into a set (a third of a second) first.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let listed: string | undefined;
const known = new Map<string, boolean>();

/** Whether a lower-case word is in the English vocabulary. */
export function isEnglishWord(lower: string): boolean {
  let found = known.get(lower);
  if (found === undefined) {
    listed ??= readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words'), 'latin1');
    if (known.size >= 50_000) known.clear();
    known.set(lower, (found = inSortedList(listed, lower)));
  }
  return found;
}

/** Whether `word` is an item of `list`, a JSON array of strings without escapes, sorted by code unit. */
export function inSortedList(list: string, word: string): boolean {
  // Bounds on where `word`'s first letter can be; each probe reads the item at or after `mid`.
  let lo = list.indexOf('"') + 1;
  let hi = list.lastIndexOf('"') - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const comma = list.lastIndexOf('","', mid);
    const start = comma < 0 ? list.indexOf('"') + 1 : comma + 3;
    const end = list.indexOf('"', start);
    const item = list.slice(start, end);
    if (item === word) return true;
    if (item < word) lo = end + 1;
    // Nothing starts between `mid` and the item (a separator, when `mid` fell on one).
    else hi = Math.min(start, mid) - 1;
  }
  return false;
}
