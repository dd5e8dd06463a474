/** Compression makes a bullet only by deleting words from its source sentence. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { compressSentence, isDeletionOf, wordCount } from '../../src/deck/compress.ts';
import type { EvidenceStore } from '../../src/model.ts';

const root = resolve(import.meta.dirname, '../..');
let store: EvidenceStore;
beforeAll(async () => { store = await loadCorpus({ root }); });
afterAll(() => store?.close());

describe('compression by deletion', () => {
  it('deletes appositives, discourse markers, asides and subordinate clauses', () => {
    const cases: [string, string][] = [
      ['Henry Kissinger, the patriarch of geopolitics, has expressed doubts about the alliance.', 'Henry Kissinger has expressed doubts about the alliance.'],
      ['Russia, nevertheless, has had to pay for the Chinese support.', 'Russia has had to pay for the Chinese support.'],
      ['Consequently, Russia’s greatest gain is China’s support — both material and otherwise — for its probes.', 'Russia’s greatest gain is China’s support for its probes.'],
      ['While anti-Americanism strengthens their bond, Moscow and Beijing have been defined by mutual suspicion.', 'Moscow and Beijing have been defined by mutual suspicion.'],
      ['the gas flows (mostly via Siberia) rose sharply', 'The gas flows rose sharply.'],
    ];
    for (const [source, expected] of cases) expect(compressSentence(source, { maxWords: 16, always: true }).text).toBe(expected);
  });

  it('leaves a sentence that fits alone unless told to compress always', () => {
    const s = 'Russia, nevertheless, has had to pay for the Chinese support.';
    expect(compressSentence(s, { maxWords: 35 }).text).toBe(s);
  });

  it('never deletes words that carry likelihood, nor words inside quotation marks', () => {
    const hedge = compressSentence('Even though the asymmetry is likely to grow, Moscow and Beijing realize that they can gain more.', { maxWords: 10, always: true });
    expect(hedge.text).toContain('likely');
    const quoted = compressSentence('He said “we will, however, not contest China” in 2019.', { maxWords: 5, always: true });
    expect(quoted.text).toContain('“we will, however, not contest China”');
  });

  it('does not cut a list, or a medial phrase that holds the verb', () => {
    const list = compressSentence('Moscow would be expected to limit its military, security, and energy cooperation with partners.', { maxWords: 8, always: true });
    expect(list.text).toContain('security, and energy cooperation');
    const medial = compressSentence('Moscow’s anxiety about dependence, coupled with anti-Chinese rhetoric, could influence cooperation.', { maxWords: 8, always: true });
    expect(medial.text).toContain('could influence cooperation');
  });

  it('on every claim of the real corpus, only deletes words (plus a capital and a full stop)', () => {
    let shortened = 0;
    for (const claim of store.claims()) {
      for (const maxWords of [16, 22, 35]) {
        const c = compressSentence(claim.text, { maxWords, always: true });
        expect(isDeletionOf(claim.text, c.text), `${claim.id}: ${c.text}`).toBe(true);
        expect(c.text).toMatch(/^[\p{Lu}\p{N}“"‘'(]/u);
        expect(c.text).toMatch(/[.!?]["”’)]?$/);
        expect(c.words).toBe(wordCount(c.text));
        if (c.fits) expect(c.words).toBeLessThanOrEqual(maxWords);
        if (c.shortened) shortened++;
      }
    }
    expect(shortened).toBeGreaterThan(100);
  });

  it('isDeletionOf catches an added or changed word', () => {
    expect(isDeletionOf('Russia sells gas to China.', 'Russia sells gas.')).toBe(true);
    expect(isDeletionOf('Russia sells gas to China.', 'Russia sells oil.')).toBe(false);
    expect(isDeletionOf('Russia sells gas to China.', 'China sells gas.')).toBe(false);
  });
});

describe('"however" that means "no matter how"', () => {
  const sentence =
    'However, the coronavirus crisis ends, one can expect that Russia, with China’s support, will continue to behave as aggressively as it can.';

  it('is kept, so the bullet does not become a comma splice', () => {
    for (const options of [{ detach: true }, { detach: true, maxWords: 16 }]) {
      const { text } = compressSentence(sentence, options);
      expect(text.startsWith('The coronavirus crisis ends')).toBe(false);
    }
  });

  it('a "however" that only links to the sentence before still goes', () => {
    const { text } = compressSentence('However, the relationship is far from harmonious and can be influenced by numerous factors.', { detach: true });
    expect(text).toBe('The relationship is far from harmonious and can be influenced by numerous factors.');
  });
});
