/**
 * Words the scrape glued together: sentences run together at a full stop with no space are split
 * into two claims with exact offsets, and a claim that still holds a glued word says so in `flaws`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { gluedBoundaries, gluedWords, isEnglishWord, splitGlued } from '../../src/corpus/glue.ts';
import { createRequire } from 'node:module';
import type { EvidenceStore } from '../../src/model.ts';

const root = join(import.meta.dirname, '..', '..');
let store: EvidenceStore;

beforeAll(async () => {
  store = await loadCorpus({ root, cacheDir: mkdtempSync(join(tmpdir(), 'bd-glue-')) });
}, 60_000);
afterAll(() => store?.close());

const claimStarting = (words: string) => store.claims().find((c) => c.text.startsWith(words));

describe('glued words', () => {
  it('splits a word run into a function word, and leaves compounds and names alone', () => {
    expect(splitGlued('regionhave')).toEqual(['region', 'have']);
    expect(splitGlued('ofthe')).toEqual(['of', 'the']);
    expect(splitGlued('partnerWhile')).toEqual(['partner', 'While']);
    expect(splitGlued('2000sturn')).toEqual(['2000s', 'turn']);
    expect(splitGlued('policymakers')).toBeUndefined();
    expect(splitGlued('region')).toBeUndefined();
    expect(splitGlued('100bcm')).toBeUndefined();
    expect(gluedWords('Putin met Korean and Germany officials in Nixon style.')).toEqual([]);
    expect(gluedWords('Talks with Chinaand Japan.')).toEqual(['glued word "Chinaand" (China + and)']);
  });

  it('splits a token the same way when it comes back', () => {
    expect(splitGlued('regionhave')).toEqual(['region', 'have']);
    expect(splitGlued('regionhave')).toEqual(['region', 'have']);
    expect(splitGlued('policymakers')).toBeUndefined();
    expect(splitGlued('policymakers')).toBeUndefined();
  });

  it('finds a surname run into its role, and leaves real surnames and words alone', () => {
    expect(gluedWords('as enthusiastic as Igor Sechinhead of the state oil company Rosneft')).toEqual(['glued word "Sechinhead" (Sechin + head)']);
    expect(gluedWords('said Vladimir Putinpresident of Russia')).toEqual(['glued word "Putinpresident" (Putin + president)']);
    expect(gluedWords('as John Whitehead of the bank said, a Forehead and the Warhead')).toEqual([]);
    expect(gluedWords('the Sechinhead memo')).toEqual([]);
  });

  it('finds sentence starts glued to the previous sentence, but not abbreviations or web addresses', () => {
    expect(gluedBoundaries('on humanitarian grounds.Moreover, their leaders').map((b) => b.token)).toEqual(['grounds.Moreover']);
    expect(gluedBoundaries('China’s junior partnerWhile Beijing grew').map((b) => b.token)).toEqual(['partnerWhile']);
    expect(gluedBoundaries('see www.example.Org and the U.S.Army, e.g.The case, and iPhone users')).toEqual([]);
    // After a closing quotation mark, and in a paragraph where only the glued place is run together.
    expect(gluedBoundaries('he said it was “final.”Moreover, the talks ended. Then a vote.').map((b) => b.token)).toEqual(['“final.”Moreover']);
    expect(gluedBoundaries('A long paragraph with nothing glued in it. None at all, said the U.S. envoy.')).toEqual([]);
  });

  it('turns "grounds.Moreover" and "projects.Warming" in the real corpus into separate claims with exact offsets', () => {
    for (const [before, after] of [
      ['The two countries seem to have numerous reasons', 'Moreover, their'],
      ['Moreover, rhetoric has not matched reality', 'Warming relations with the West'],
    ]) {
      const first = claimStarting(before)!;
      const second = claimStarting(after)!;
      expect(first, before).toBeDefined();
      expect(second, after).toBeDefined();
      expect(first.end).toBe(second.start);
      expect(first.text).toMatch(/\.$/);
      for (const c of [first, second]) expect(store.document(c.docId)!.text.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('makes the clause after "partnerWhile" a claim of its own, and records glued words as flaws', () => {
    const after = claimStarting('While Beijing’s economic and global strength')!;
    expect(after).toBeDefined();
    expect(store.document(after.docId)!.text.slice(after.start, after.end)).toBe(after.text);
    expect(after.flaws).toBeUndefined();
    expect(store.claims().some((c) => c.text.includes('partnerWhile'))).toBe(false);

    const arctic = store.claims().find((c) => c.text.includes('regionhave'))!;
    expect(arctic.flaws).toEqual(['glued word "regionhave" (region + have)']);
    const flawed = store.claims().filter((c) => c.flaws?.length);
    // A handful of broken sentences, not a vocabulary that flags ordinary words.
    expect(flawed.length).toBeGreaterThan(0);
    expect(flawed.length).toBeLessThanOrEqual(5);
  });
});

describe('the vocabulary', () => {
  it('answers as a set of the list does, looked up in the file at first and in a set once many words were asked', () => {
    const list = createRequire(import.meta.url)('an-array-of-english-words') as string[];
    const known = new Set(list);
    // Words of the list, their neighbours that are not in it, and words outside ASCII.
    const asked = list.filter((_, i) => i % 3 === 0).flatMap((w) => [w, `${w}q`, w.slice(0, -1), `é${w}`]);
    expect(asked.length).toBeGreaterThan(70_000);
    const wrong = asked.filter((w) => isEnglishWord(w) !== known.has(w));
    expect(wrong).toEqual([]);
  });
});
