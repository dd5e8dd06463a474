/** A bullet is read without its neighbours: sentences that need them are not used alone. */
import { compressSentence } from '../../src/deck/compress.ts';
import { describe, expect, it } from 'vitest';
import { insideLongerQuote, leansOnContext } from '../../src/select/standalone.ts';

describe('sentences inside a longer quotation', () => {
  it.each([
    'China also built tankers to ship LNG through sea routes thanks to China-Russia cooperation on Arctic exploration.”',
    '“The partnership has no limits, and it will grow.',
    'He called it "a partnership without limits.',
  ])('are not used alone (the speaker is elsewhere): %s', (text) => {
    expect(insideLongerQuote(text)).toBe(true);
    expect(leansOnContext(text)).toBe(true);
  });

  it.each([
    'According to Gazprom, it is “the biggest purchase and sale contract in the history of the global gas industry”.',
    'Russia pursued a “multi-vector” foreign policy.',
    'He called it "a partnership without limits".',
    'Oil and gas pipelines were intended to serve Asian customers, not just China.',
  ])('a balanced quotation or none is fine: %s', (text) => {
    expect(insideLongerQuote(text)).toBe(false);
  });
});

describe('pronoun subjects behind leading phrases', () => {
  it('sees the pronoun behind stacked phrases', () => {
    expect(leansOnContext('Unlike in the Central Asian region, in Africa, it has preferred to expand its presence through hired private military contractors.')).toBe(true);
  });

  it('sees it behind a relative clause too', () => {
    expect(
      leansOnContext('Unlike in the Central Asian region, where Russia has primarily used conventional forces, in Africa, it has preferred to expand its presence through hired private military contractors.'),
    ).toBe(true);
  });

  it('keeps a sentence whose subject is named', () => {
    expect(leansOnContext('Unlike in the Central Asian region, in Africa, Russia has preferred to expand its presence through contractors.')).toBe(false);
    expect(leansOnContext('To preserve the pact, the ministry tightened curbs on chip exports.')).toBe(false);
  });

  it('sees a hypothetical conclusion drawn from the sentence before (seed)', () => {
    const text = 'As such, Russia’s room for manoeuvre in international politics would certainly shrink in areas concerning China’s key interests.';
    expect(leansOnContext(text)).toBe(true);
    // compression keeps the marker, so the line is not made a forecast of its own
    expect(compressSentence(text, { maxWords: 12, always: true, detach: true }).text.startsWith('As such,')).toBe(true);
    // so does an example of a hypothetical (seed: "One possible scenario is…")
    const instance = 'For instance, Moscow would be expected to limit its military, security, and energy cooperation with partners such as Vietnam or India.';
    expect(leansOnContext(instance)).toBe(true);
    expect(compressSentence(instance, { maxWords: 12, always: true, detach: true }).text.startsWith('For instance,')).toBe(true);
    // a conclusion stated as fact loses its marker and stands
    expect(compressSentence('As a result, Russia has become more dependent on China.', { maxWords: 12, always: true, detach: true }).text).toBe('Russia has become more dependent on China.');
  });

  it('sees what something indefinite would do, with no condition of its own, as part of a scenario set up before (seed; Reuters-21578, general)', () => {
    expect(leansOnContext('A new leader would have a chance to reassess the extent of Russia’s dependence on China.')).toBe(true);
    expect(leansOnContext('A shareholder list would also be necessary for a group trying to mount a campaign.')).toBe(true);
    // with its condition, or a subject that names who, it stands
    expect(leansOnContext('A new leader would have a chance to reassess Russia’s dependence if Putin left office.')).toBe(false);
    expect(leansOnContext('Russia would have a chance to reassess its dependence on China.')).toBe(false);
  });

  it('sees the tail of a sentence cut at an abbreviation: a phrase, then "but" (Reuters-21578, trade)', () => {
    // "…to countries other than the U.S. To preserve a U.S.-Japan pact…"
    expect(leansOnContext('To preserve a U.S.-Japan pact on semiconductor trade, but major Japanese chipmakers doubt its usefulness.')).toBe(true);
  });
});

describe('a pair the sentence does not name', () => {
  it('sees "Both firms" and "Both sides" (Reuters-21578, earn; seed)', () => {
    expect(leansOnContext('Both firms have been struggling with losses caused by the recession in the steel industry.')).toBe(true);
    expect(leansOnContext('Both sides have agreed to seek to resolve any differences that may emerge.')).toBe(true);
  });
  it('keeps a pair it names, and a number that is a measure', () => {
    expect(leansOnContext('Both Brazil and Peru suspended interest payments.')).toBe(false);
    expect(leansOnContext('The two-day meeting ended without agreement.')).toBe(false);
  });
});

describe('a pronoun object of the first verb', () => {
  it('points at someone the slide does not name (Reuters-21578, money-fx)', () => {
    expect(leansOnContext('Monetary sources described them as a preliminary diplomatic effort to see if France could help.')).toBe(true);
    expect(leansOnContext('Monetary sources described the talks as a preliminary diplomatic effort.')).toBe(false);
  });
});
