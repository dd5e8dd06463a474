/**
 * Words a source misspelt. Sentences from Reuters-21578 (free for research) and the seed corpus.
 */
import { describe, expect, it } from 'vitest';
import { misspelling } from '../../src/select/spelling.ts';

describe('a misspelt word', () => {
  it('is one edit away from an English word', () => {
    expect(misspelling('Funaro was reactnng to a British statement.')).toBe('reactnng');
    expect(misspelling('The price of coffee is not likely to change sinnificantly as a result.')).toBe('sinnificantly');
    expect(misspelling('The bank said its securties unit made a loss.')).toBe('securties');
    // a stray letter left of a broken word
    expect(misspelling('Russia’s importance to Chinese m markets is relatively minor.')).toBe('m');
    expect(misspelling('A 2 x 3 grid of Russia’s and China’s ports, section b of the plan.')).toBeUndefined();
  });
  it('is not a term of the trade, a name the corpus knows, nor a short word', () => {
    expect(misspelling('Early dollar straight eurobond trade was quiet.')).toBeUndefined();
    expect(misspelling('Now the war has turned such asymmetry into a de facto structural factor.')).toBeUndefined();
    // "taiwan" in a story set in lower case: the corpus writes it as a name elsewhere (the test can fail)
    expect(misspelling('taipei, march 2 - taiwan plans tariff cuts.')).toBe('taiwan');
    expect(misspelling('taipei, march 2 - taiwan plans tariff cuts.', (w) => w === 'taiwan')).toBeUndefined();
  });
});
