/**
 * The English vocabulary, `an-array-of-english-words` (≈275,000 words), looked up in its file as it
 * is (`["a","aa",…]`: sorted by code unit, ASCII, no escapes) by bisection: no parsing of the
 * whole list into a set (a fifth of a second) for a corpus that asks about a few thousand words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let listed: string | undefined;

/** The list's file, read once. */
export function englishList(): string {
  return (listed ??= readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words'), 'latin1'));
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
