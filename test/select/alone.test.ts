/**
 * A line on a slide is read without the sentence before it. Real sentences from the seed articles
 * and from Reuters-21578 (free for research) that cannot stand alone, and some that can.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/model.ts';
import { holdsQuotation, leansOnContext, speaksInFirstPerson, unnamedSpeaker } from '../../src/select/standalone.ts';
import { pointsBack } from '../../src/select/definite.ts';
import { datelineLength, relativeTime } from '../../src/deck/when.ts';

describe('lines that are someone else’s words', () => {
  it('keeps quotations off bullets: they reach slides as quotes, with their speaker', () => {
    expect(holdsQuotation('"We don\'t care if it is EEP, what we (the Soviets) are looking for is competitive prices," Ivlev said.')).toBe(true);
    expect(holdsQuotation('"It\'s pure fiction," said one senior official at USDA\'s Foreign Agricultural Service.')).toBe(true);
    expect(holdsQuotation('Russia has pursued a “multi-vector” foreign policy since the 1990s.')).toBe(false);
  });

  it('keeps first person from an unnamed speaker off slides', () => {
    expect(speaksInFirstPerson('80% of my costs are labour.')).toBe(true);
    expect(speaksInFirstPerson('I hope New Labour suffers the same treatment.')).toBe(true);
    expect(speaksInFirstPerson('As we have long argued, the partnership is lopsided.')).toBe(true);
    expect(speaksInFirstPerson('US exports of wheat to the Soviet Union fell.')).toBe(false);
  });

  it('keeps a pronoun speaker off slides: "he said" names nobody', () => {
    expect(unnamedSpeaker('Lower interest rates worldwide make the returns on stocks relatively high, he added.')).toBe(true);
    expect(unnamedSpeaker('The Bundesbank is unlikely to change its credit policies, money market dealers said.')).toBe(false);
    expect(leansOnContext('Sugar exports may be delayed because of a shortage of ships, she said.')).toBe(true);
  });
});

describe('lines that point back', () => {
  const doc = (before: string, sentence: string) => {
    const text = `${before} ${sentence}`;
    const claim = { start: before.length + 1, end: text.length, text: sentence } as Claim;
    return pointsBack(claim, { text });
  };
  it('finds "the X" when the sentences before introduced X', () => {
    expect(doc('Indonesia’s exports slumped in 1986. Revenue fell sharply.', 'The dramatic fall in oil prices last year was responsible for the slump.')).toBe(true);
    expect(doc('The government has announced new plans for the industry.', 'The plans will be debated in parliament.')).toBe(true);
  });
  it('finds a share or rest that does not say of what', () => {
    expect(doc('Russia supplied 40% of China’s arms imports in the 1990s.', 'By 2014, the share had reduced to approximately 25-30%.')).toBe(true);
    expect(doc('', 'The share of Russian arms in China’s imports fell to 25-30% by 2014.')).toBe(false);
  });
  it('lets "the X" stand when it says which one, or is new', () => {
    expect(doc('The government has announced new plans.', 'The plans for a new pipeline to China were shelved.')).toBe(false);
    expect(doc('Coffee prices fell.', 'The meeting ended without agreement on quotas.')).toBe(false);
  });
});

describe('time a line needs the article’s date for', () => {
  it('tells day-relative from year-relative words', () => {
    expect(relativeTime('Wheat futures strengthened today, partly on the speculation.')).toBe('day');
    expect(relativeTime('The Bundesbank council meets on Thursday.')).toBe('day');
    expect(relativeTime('Textile exports surged to 7.8 billion dlrs last year.')).toBe('year');
    expect(relativeTime('Russia sold China S-400 systems in 2018.')).toBeUndefined();
  });
  it('finds a wire dateline so a bullet can drop it', () => {
    const lead = 'FRANKFURT, March 3 - The Bundesbank is unlikely to change its credit policies.';
    expect(lead.slice(datelineLength(lead))).toBe('The Bundesbank is unlikely to change its credit policies.');
    expect(datelineLength('COLUMBUS, Ohio, Feb 26 - Liebert Corp said its shareholders approved the merger.')).toBe(25);
    expect(datelineLength('Moscow, in turn, has been cautious.')).toBe(0);
  });
});
