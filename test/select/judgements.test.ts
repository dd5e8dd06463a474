/**
 * Judgement slides state judgements. The corpus stage tags "Russia has become a major supplier of
 * oil and gas to China." an assessment for its word "major"; a bottom line should prefer claims
 * whose judgement is carried by estimative words (likelihood, "will", "would", "is likely to",
 * hedges) or evaluative ones ("vulnerable", "lopsided", "undermines"), not by a size adjective.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { carriesJudgement, createSelectionContext, selectClaims, speaksOfFuture } from '../../src/select/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { composeDeck } from '../../src/deck/index.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import type { EvidenceStore } from '../../src/model.ts';
import { fixtureStore } from './fixture-store.ts';

describe('which claims carry a judgement', () => {
  it.each([
    'A change of leadership in Moscow is likely to complicate Russian-Chinese cooperation.',
    'Warming relations with the West might influence Moscow’s policy.',
    'China knows that these benefits will continue.',
    'Chinese investments seem attractive to Moscow.',
    'Russia’s dependence on China makes it vulnerable to pressure from Beijing.',
    'The partnership is lopsided and increasingly favours Beijing.',
    'Sanctions have undermined Russia’s position in Central Asia.',
  ])('estimative or evaluative: %s', (text) => {
    expect(carriesJudgement({ text })).toBe(true);
  });

  it.each([
    'Russia has become a major supplier of oil and gas to China.',
    'Another major area of Russian sales to China is armaments.',
    'China is the main adversary.',
    'The summit was held in May 2023 in Moscow.',
  ])('only a size or rank word, or a month: %s', (text) => {
    expect(carriesJudgement({ text })).toBe(false);
  });

  it.each([
    // seed corpus ("The Continuing Saga…"): judged a truism in four decks
    'It is difficult to foresee for how long international sanctions will be imposed on Russia.',
    'It remains to be seen whether the cut will hold.',
    'It is too early to say how the market will react.',
  ])('says only that the matter cannot be known: %s', (text) => {
    expect(carriesJudgement({ text })).toBe(false);
  });

  it('an uncertainty with its grounds is a reasoned assessment', () => {
    expect(carriesJudgement({ text: 'Considering the benefits and trade-offs of cooperation, it is difficult to foresee how long Russia will tolerate China’s increasing engagement in the Arctic.' })).toBe(true);
  });

  it('a stated likelihood is a judgement whatever the words', () => {
    expect(carriesJudgement({ text: 'China is the main adversary.', likelihood: 'probable' })).toBe(true);
  });
});

describe('which claims can be scenarios', () => {
  it.each([
    'If China refrains from strengthening its hard security role, Russia-Sino ties are likely to get better.',
    'A domestic change would provide an opportunity for the Russian elite to reassess the results.',
    'China may be tempted to capitalise on Russia’s weakness.',
  ])('future or conditional: %s', (text) => {
    expect(speaksOfFuture({ text, kind: 'assessment' })).toBe(true);
  });

  it.each([
    'In 2019 the Power Siberia pipeline opened to great fanfare, demonstrating the probable reorientation of Russian energy priorities to Asia.',
    'The summit was held in May 2023 in Moscow.',
  ])('a past event, whatever its words: %s', (text) => {
    expect(speaksOfFuture({ text, kind: 'assessment' })).toBe(false);
  });

  it('a forecast always speaks of the future', () => {
    expect(speaksOfFuture({ text: 'Trade doubles by 2030.', kind: 'forecast' })).toBe(true);
  });
});

describe('judgement slides prefer stated judgements', () => {
  const store = fixtureStore([
    { id: 'a', publisher: 'A', date: '2023-01-01', paragraphs: [[
      { text: 'Russia has become a major supplier of oil and gas to China.', kind: 'assessment', topics: ['energy'] },
    ]] },
    { id: 'b', publisher: 'B', date: '2022-01-01', paragraphs: [[
      { text: 'Russia’s reliance on Chinese buyers of its oil and gas will give Beijing the upper hand in pricing.', kind: 'forecast', topics: ['energy'] },
    ]] },
  ], { energy: ['oil', 'gas'] });
  const prefs = { kinds: ['assessment', 'forecast'] as const, plain: false, likelihood: true };
  const pick = (estimative: boolean) => {
    const ctx = createSelectionContext(store, {}, { ...prefs, kinds: [...prefs.kinds] });
    return selectClaims(ctx, { query: 'Russia major supplier oil gas China', kinds: ['assessment', 'forecast'], limit: 1, prefs: { estimative } })[0];
  };

  it('ranks the fact with a big word first when judgement language is not asked for (the test can fail)', () => {
    expect(pick(false).docId).toBe('a');
  });

  it('ranks the estimative claim first on a judgement slide', () => {
    expect(pick(true).docId).toBe('b');
  });
});

describe('the executive sample’s bottom line', () => {
  const root = resolve(import.meta.dirname, '../..');
  let store: EvidenceStore;
  beforeAll(async () => { store = await loadCorpus({ root }); });
  afterAll(() => store?.close());

  it('states judgements, not the "major supplier" fact', () => {
    const file = resolve(root, 'briefings/ministerial-alignment.md');
    const { spec } = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes: [] });
    const { deck } = composeDeck(spec!, store);
    const bluf = deck.slides.find((s) => s.kind === 'judgements' && /bottom line/i.test(s.title));
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line slide');
    expect(bluf.judgements.length).toBe(3);
    expect(bluf.judgements.map((j) => j.citation!.sentence).join('\n')).not.toMatch(/major supplier of oil and gas/);
    for (const j of bluf.judgements) expect(carriesJudgement({ text: j.citation!.sentence, likelihood: j.likelihood }), j.text).toBe(true);
  });
});
