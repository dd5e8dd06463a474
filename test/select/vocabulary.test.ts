/**
 * Selection's English vocabulary, looked up by bisection in the word list's file: the file must
 * be as the lookup assumes (sorted, no escapes), and the lookup must answer as the whole set does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { inSortedList, isEnglishWord } from '../../src/select/vocabulary.ts';

describe('the English vocabulary, looked up in its file', () => {
  const require = createRequire(import.meta.url);
  const path = require.resolve('an-array-of-english-words');
  const list = readFileSync(path, 'latin1');
  const words = JSON.parse(list) as string[];

  it('is sorted by code unit and needs no escapes, as bisection over the file assumes', () => {
    expect(words.length).toBeGreaterThan(200_000);
    for (let i = 1; i < words.length; i++) if (!(words[i - 1] < words[i])) expect.fail(`not sorted at ${words[i - 1]} / ${words[i]}`);
    expect(words.some((w) => /["\\]/.test(w))).toBe(false);
  });

  it('finds every word of the list, and nothing else', () => {
    for (const w of words) if (!inSortedList(list, w)) expect.fail(`missed ${w}`);
    const near = words.filter((_, i) => i % 97 === 0).flatMap((w) => [`${w}q`, w.slice(1), `z${w}`, w.toUpperCase(), `${w},`, '']);
    const known = new Set(words);
    for (const w of near) expect.soft(inSortedList(list, w), w).toBe(known.has(w));
    expect(inSortedList('["b"]', 'a')).toBe(false);
    expect(inSortedList('["b"]', 'b')).toBe(true);
    expect(inSortedList('["b"]', 'c')).toBe(false);
    expect(inSortedList('[]', 'a')).toBe(false);
  });

  it('answers as the whole set does', () => {
    expect(['company', 'exports', 'the'].map(isEnglishWord)).toEqual([true, true, true]);
    expect(isEnglishWord('company')).toBe(true);
    expect(['gazprom', 'sechinhead', 'Company'].map(isEnglishWord)).toEqual([false, false, false]);
  });
});
