/**
 * Who a story is about, from its lead, and what that does to its weight. Leads from Reuters-21578
 * (free for research) and the seed articles.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/model.ts';
import { LONE_ACTOR, protagonistOf, protagonistWeight } from '../../src/select/protagonist.ts';
import { corpusWords } from '../../src/select/words.ts';

let n = 0;
const claim = (docId: string, text: string): Claim => ({
  id: `${docId}:p1:s${++n}`, text, kind: 'fact', docId, paragraph: 1, start: 0, end: text.length, figures: [], actors: [], topics: [],
});
const amca = 'TORONTO, March 2 - AMCA International Ltd said it finalized agreement to sell certain assets of its Dominion Bridge steel service center operations.';
const ec = 'BRUSSELS, March 2 - European Community steelmakers presented the Executive Commission with a controversial plan for the future of the industry.';
const soy = 'JAKARTA, March 2 - Soybean imports are forecast to rise to 425,000 tonnes in 1987/88, the U.S. Embassy said.';
// A wire corpus: the European Community and the U.S. come back story after story; AMCA once.
const filler = Array.from({ length: 40 }, (_, i) => claim(`general/${i}`, i % 2 ? 'The European Community said the plan would cut soybean imports.' : 'The U.S. Embassy said soybean exports rose as the central bank cut rates.'));
const wire = corpusWords([claim('acq/073', amca), claim('iron-steel/001', ec), claim('oilseed/001', soy), ...filler]);

describe("a story's protagonist", () => {
  it('is the first name its lead gives, after the dateline', () => {
    expect(protagonistOf(amca, wire)?.map((w) => w.text)).toEqual(['AMCA', 'International', 'Ltd']);
    expect(protagonistOf(ec, wire)?.map((w) => w.text)).toEqual(['European', 'Community']);
    // "Soybean" opens the sentence but the corpus writes it in lower case: not a name; nor is
    // any of the next words a lead gives its subject in
    expect(protagonistOf(soy, wire)).toBeUndefined();
    expect(protagonistOf('JAKARTA, March 2 - Soybean imports from the U.S. Embassy rose.', wire)?.map((w) => w.text)).toEqual(['US', 'Embassy']);
  });
  it("weighs a story less when the corpus names its protagonist nowhere else: one company's notice", () => {
    expect(protagonistWeight(amca, wire)).toBe(LONE_ACTOR);
    expect(protagonistWeight(ec, wire)).toBe(1);
    expect(protagonistWeight(soy, wire)).toBe(1);
    expect(protagonistWeight(undefined, wire)).toBe(1);
    // a name in the possessive is the name the corpus returns to (home-news: a band's comeback)
    const band = corpusWords([claim('e/1', 'The Lanterns are to re-form for a tour.'), claim('e/2', "Tickets for the Lanterns' tour sold out."), claim('e/3', "The Lanterns' first single entered the chart."), ...filler]);
    expect(protagonistWeight("The Lanterns' first single entered the chart at number two.", band)).toBe(1);
    expect(protagonistWeight('Soybean exports rose in January.', wire)).toBe(1);
    // an official named once speaks for an office the corpus returns to
    expect(protagonistWeight('TAIPEI, March 3 - Central bank governor Chang Chi-cheng rejected a request by textile makers.', wire)).toBe(1);
    // so does one whose role the lead writes in capitals (Reuters-21578, cpi: India's budget)
    expect(protagonistWeight("NEW DELHI, March 2 - Prime Minister Rajiv Gandhi's fiscal 1987/88 budget has sparked speculation.", wire)).toBe(1);
  });
  it('takes a country or a public body the corpus names once for more than one actor\'s news, not a firm named after one (Reuters-21578, sugar, trade, acq)', () => {
    const cuba = 'HAVANA, March 2 - Cuba has told international sugar operators that their contracts will take second place.';
    const miti = 'TOKYO, March 3 - The Ministry of International Trade and Industry acted to tighten restrictions on microchip exports.';
    const klm = 'AMSTERDAM, March 3 - KLM Royal Dutch Airlines said it agreed to take a 15 pct stake in Air U.K. Ltd.';
    const words = corpusWords([claim('sugar/001', cuba), claim('trade/008', miti), claim('acq/089', klm), ...filler]);
    expect(protagonistWeight(cuba, words)).toBe(1);
    expect(protagonistWeight(miti, words)).toBe(1);
    expect(protagonistWeight(klm, words)).toBe(LONE_ACTOR);
  });
  it('leaves a small corpus alone: two of five long analyses is not "nowhere else"', () => {
    const seed = corpusWords([
      claim('a', 'Russia and China signed a gas deal.'),
      claim('b', 'Gazprom said Power of Siberia would reach full capacity.'),
      claim('c', 'Gazprom and Russia argue over prices.'),
      claim('d', 'China buys Russian oil.'),
      claim('e', 'The war changed Russia.'),
    ]);
    expect(protagonistWeight('Gazprom said the pipeline would reach full capacity in 2025.', seed)).toBe(1);
  });
});
