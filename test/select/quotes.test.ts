/** Choosing a deck's quote: words that point at what the story said before are not used (Reuters-21578, cpi and money-fx). */
import { describe, expect, it } from 'vitest';
import { createSelectionContext, selectQuote } from '../../src/select/index.ts';
import { bareDefiniteSubject, quotePointsBack } from '../../src/select/standalone.ts';
import { fixtureStore } from './fixture-store.ts';

const prefs = { kinds: ['assessment', 'forecast', 'statistic', 'fact', 'attributed'] as const, plain: false };

describe('a quote that points back', () => {
  it('is read by its own words: a demonstrative, "both sides", a reply to what came before', () => {
    expect(quotePointsBack('Now, taking account of this inflation index, our forecast for price rises this year is two and a half pct,')).toBe(true);
    expect(quotePointsBack('Both sides are showing clear interest to secure stability of the currencies.')).toBe(true);
    // "it" read as evidence of what the story showed the speaker (Reuters-21578, trade)
    expect(quotePointsBack('It suggests the Canada of the immediate post-war period, when it was a major player in the process of building a postwar world,')).toBe(true);
    expect(quotePointsBack('It is important that Canada and the United States reach a deal.')).toBe(false);
    // a bare "the" + noun as the subject: the story's (Reuters-21578, general)
    expect(bareDefiniteSubject('“The solution is linked with growth, not recession,')).toBe('solution');
    expect(bareDefiniteSubject('The current account deficit will continue to show improvement in 1987/88,')).toBeUndefined();
    expect(bareDefiniteSubject('the main struggle, which is now underway, is that for global leadership')).toBeUndefined();
    // first person is a quote's own voice
    expect(quotePointsBack('We will abide by whatever laws are enacted as far as sugar land is concerned.')).toBe(false);
    expect(quotePointsBack('Our forecast for price rises this year is two and a half pct.')).toBe(false);
  });

  it('is not chosen, though it is the only one on the subject', () => {
    const text = 'Now, taking account of this inflation index, our forecast for price rises this year is two and a half pct,';
    const store = fixtureStore([
      { id: 'cpi/002', title: 'Balladur expects inflation of 2.5 pct', paragraphs: [[{ text: 'French inflation rose 0.9 pct in January.', topics: [] }], [{ text: `"${text}" Balladur said.`, topics: [] }]], quotes: [{ text, speaker: 'Edouard Balladur', paragraph: 2 }] },
    ]);
    const ctx = createSelectionContext(store, { title: 'Inflation', topics: ['inflation'] }, { ...prefs, kinds: [...prefs.kinds] });
    expect(selectQuote(ctx, { subjects: [{ topic: 'inflation' }], longWords: 60, anyBySpeaker: true }).quote).toBeUndefined();
  });

  it('is not chosen when it opens on a bare "the" + noun the deck is not about: "The solution is…" (Reuters-21578, general)', () => {
    const store = fixtureStore([
      { id: 'general/001', title: 'Brazil criticises advisory committee', paragraphs: [[{ text: 'Brazil rejected an IMF programme for its debt.', topics: [] }], [{ text: '"The solution is linked with growth, not recession," Funaro said.', topics: [] }], [{ text: '"The economy will grow five pct this year," Funaro said.', topics: [] }]], quotes: [{ text: 'The solution is linked with growth, not recession,', speaker: 'Dilson Funaro', paragraph: 2 }, { text: 'The economy will grow five pct this year,', speaker: 'Dilson Funaro', paragraph: 3 }] },
    ]);
    const pick = (topics: string[]) => selectQuote(createSelectionContext(store, { title: 'Brazil', topics }, { ...prefs, kinds: [...prefs.kinds] }), { subjects: [], longWords: 60, anyBySpeaker: true }).quote?.text;
    expect(pick(['economy'])).toBe('The economy will grow five pct this year,');
    // "the economy" of a deck about something else is the story's too
    expect(pick(['debt'])).toBeUndefined();
  });
});
