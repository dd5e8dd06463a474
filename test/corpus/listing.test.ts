/**
 * A document's listing entry keeps, for a title in capitals, the body's spellings of the title's
 * words. The search for them must find exactly what the case-insensitive Unicode expression
 * `(?<!\p{L})word(?!\p{L})` finds, on any text: letters from other scripts, astral characters,
 * characters whose case folds (Kelvin sign, long s), words glued to letters.
 */
import { describe, expect, it } from 'vitest';
import { metaOf, wordsAlone } from '../../src/corpus/store/types.ts';
import type { CorpusDocument } from '../../src/model.ts';

const byExpression = (text: string, word: string) =>
  [...text.matchAll(new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu'))].map((m) => m[0]);

describe('title words in the body', () => {
  it('are found as the letter-bounded case-insensitive expression finds them', () => {
    const cases: Array<[string, string]> = [
      ['U.S. and u.s. but not US. nor bus.', 'U.S.'],
      ['TIN tin Tin tinned atin tin.', 'TIN'],
      ['\u212Aelvin KELVIN kelvin', 'kelvin'],
      ['\u017Fugar SUGAR', 'sugar'],
      ['é\u0130stanbul İSTANBUL istanbul', 'İstanbul'],
      ['𝐀bc 𝐀bc', '𝐀bc'],
      ['x𐐀𐐨 𐐨𐐨 𐐀𐐀', '𐐀𐐨'],
      ['ab ab ab', 'ab'],
      ['\u0345oil oil', 'oil'],
      ['1987 1987a 21987', '1987'],
    ];
    for (const [text, word] of cases) expect(wordsAlone(text, word), `${word} in ${text}`).toEqual(byExpression(text, word));
  });

  it('agree with the expression on random text', () => {
    const alphabet = ['a', 'A', 'b', 'B', '.', ' ', '-', '1', 'é', 'É', '\u212A', 'k', 'K', '\u017F', 's', '𐐀', '𐐨', '\u0345', 'ι', '\uD801'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const text = pick(rand(40));
      const word = pick(1 + rand(3)).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
      if (!word || !/\p{L}/u.test(word)) continue;
      expect(wordsAlone(text, word), JSON.stringify([text, word])).toEqual(byExpression(text, word));
    }
  });

  it('make the listing entry of a newswire story', () => {
    const text = 'U.S. SAYS TIN DISPOSALS\n\nThe U.S. said its tin disposals, of Tin, continue; the US tinned goods.';
    const doc = { id: 'a', path: 'a.txt', format: 'txt', title: 'U.S. SAYS TIN DISPOSALS', authors: [], hash: 'h', words: 12, droppedWords: 0, text, paragraphs: [], dropped: [] } as unknown as CorpusDocument;
    expect(metaOf(doc).tagBody).toBe('U.S. tin Tin disposals');
  });
});
