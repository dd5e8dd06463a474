/**
 * The sample decks as their audiences read them: no word the scrape glued together, no bullet that
 * points back at a sentence the slide lacks, timeline events that are dated by what they say,
 * scenarios named from their own words, and bottom lines about the deck's subject.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { gluedWords } from '../../src/corpus/glue.ts';
import { compressSentence, composeDeck, isDeletionOf } from '../../src/deck/index.ts';
import { isScenario, scenarioName, scenarioText } from '../../src/deck/resolve-other.ts';
import { statesSomething } from '../../src/deck/grammar.ts';
import type { Deck, EvidenceStore } from '../../src/model.ts';
import { leansOnContext } from '../../src/select/index.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { themeNames } from '../../src/theme/index.ts';

const root = resolve(import.meta.dirname, '../..');
let store: EvidenceStore;
const decks: Deck[] = [];
beforeAll(async () => {
  store = await loadCorpus({ root });
  for (const f of readdirSync(resolve(root, 'briefings')).filter((x) => x.endsWith('.md')).sort()) {
    const path = resolve(root, 'briefings', f);
    const { spec } = parseBriefing(path, readFileSync(path, 'utf8'), { root, themes: themeNames(root) });
    decks.push(composeDeck(spec!, store).deck);
  }
}, 60_000);
afterAll(() => store?.close());

/** A deck from one of the evaluation's specs on the seed articles (`eval/seed/briefings/NAME.md`). */
function composeEvalSpec(name: string): Deck {
  const path = resolve(root, 'eval', 'seed', 'briefings', `${name}.md`);
  const { spec } = parseBriefing(path, readFileSync(path, 'utf8'), { root, themes: themeNames(root) });
  return composeDeck(spec!, store).deck;
}

/** Every line of evidence a slide shows. */
function shownLines(deck: Deck): string[] {
  return deck.slides.flatMap((s) =>
    s.kind === 'bullets' ? s.bullets.map((b) => b.text)
    : s.kind === 'judgements' ? s.judgements.map((b) => b.text)
    : s.kind === 'scenarios' ? s.scenarios.flatMap((x) => [x.name, x.text])
    : s.kind === 'timeline' ? s.events.map((e) => e.text)
    : s.kind === 'figures' ? s.figures.map((f) => f.label)
    : []);
}

describe('reading the sample decks', () => {
  it('shows no glued word on any slide, though the corpus has some', () => {
    expect(store.claims().some((c) => c.flaws?.length)).toBe(true);
    for (const deck of decks) for (const line of shownLines(deck)) expect(gluedWords(line), `${deck.name}: ${line}`).toEqual([]);
  });

  it('shows no bullet or judgement that points back at a sentence the slide lacks', () => {
    for (const deck of decks)
      for (const s of deck.slides) {
        const items = s.kind === 'bullets' ? s.bullets : s.kind === 'judgements' ? s.judgements : [];
        for (const b of items) expect(leansOnContext(b.text), `${deck.name} / ${s.title}: ${b.text}`).toBe(false);
      }
  });

  it('opens no bullet with a discourse marker that only links it to the sentence before', () => {
    for (const deck of decks)
      for (const line of shownLines(deck)) expect(line, deck.name).not.toMatch(/^(?:Moreover|However|Second|First|Thus|Nevertheless|Nonetheless|In addition|Furthermore),/);
  });

  it('dates timeline events by a year the sentence dates them by, and shows them as sentences', () => {
    const timelines = decks.flatMap((d) => d.slides.flatMap((s) => (s.kind === 'timeline' ? s.events : [])));
    expect(timelines.length).toBeGreaterThan(0);
    for (const e of timelines) {
      expect(e.citation!.sentence).toMatch(new RegExp(`\\b(?:in|by|since|from|until|of|on|after|before|during|between|year)\\s+(?:\\S+\\s+){0,3}${e.when}\\b`, 'i'));
      expect(e.text, e.text).toMatch(/^[“"‘'(]?[\p{Lu}]/u);
      expect(isDeletionOf(e.citation!.sentence, e.text)).toBe(true);
    }
  });

  it('names scenarios by words deleted from their own sentence, not by letters', () => {
    const scenarios = decks.flatMap((d) => d.slides.flatMap((s) => (s.kind === 'scenarios' ? s.scenarios : [])));
    expect(scenarios.length).toBeGreaterThan(1);
    for (const s of scenarios) {
      expect(s.name).not.toMatch(/^Scenario [A-Z]$/);
      const kent = s.likelihood && s.name.toLowerCase() === s.likelihood;
      expect(kent || isDeletionOf(s.citation!.sentence, s.name), s.name).toBe(true);
    }
    expect(scenarioName({ text: 'A domestic change would provide an opportunity for the Russian elite to reassess the results of to-date policy and return to the long-held idea of diversifying policy.' }))
      .toBe('A domestic change would provide an opportunity');
    // a long condition is named whole, never cut before its comma (seed corpus, "The Continuing Saga…")
    expect(scenarioName({ text: 'If China refrains from strengthening its hard security role vis-á-vis Russia and continues to focus on being the economic superpower, Russia-Sino ties are likely to get better.' }))
      .toBe('If China refrains from strengthening its hard security role vis-á-vis Russia and continues to focus on being the economic superpower');
    // a scenario named by its condition goes on after the condition's comma; one named by its
    // first words shows its whole sentence, never a phrase cut in two ("…for the Russian elite…")
    for (const s of scenarios) {
      expect(s.text, s.text).not.toMatch(/^…/);
      if (/^(?:if|should|once|unless|when|whether)\b/i.test(s.name)) expect(s.text.toLowerCase().startsWith(s.name.toLowerCase()), s.text).toBe(false);
    }
  });

  it('puts no name for something on a quote slide the spec did not ask for, and tells statements from names', () => {
    // Reuters-21578 and the seed corpus: statements may open on anything
    for (const said of [
      'Perhaps the same principle should apply to creditors',
      'If you don\'t get those seven billion dlrs there is no plan',
      'Contract negotiations, filing with the U.S. government and the time required to restart mothballed terminals will delay the import until 1988/1989',
      'Since 1982, all official agencies have been closed to my country',
    ]) expect(statesSomething(said), said).toBe(true);
    for (const name of ['the biggest purchase and sale contract in the history of the global gas industry', 'a perfect commodity market', 'will serve the industry because the oil market does not close when NYMEX does'])
      expect(statesSomething(name), name).toBe(false);
    // a deck on pipelines whose spec asks for no quote: Gazprom's name for its contract is not one
    const quote = composeEvalSpec('pipelines').slides.find((s) => s.kind === 'quote');
    if (quote?.kind === 'quote') expect(quote.quote.text).not.toMatch(/biggest purchase and sale contract/);
  });

  it('gives a deck whose subjects the corpus names only in passing a bottom line of the best of those mentions', () => {
    // the seed articles write "the United States" once each (and "the U.S.", "Washington" otherwise)
    const bluf = composeEvalSpec('us-rivalry').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    for (const j of bluf.judgements) expect(j.text).toMatch(/United States|rivalry/);
  });

  it('takes neither a reported view nor the past\'s future for a scenario (Reuters-21578, money supply)', () => {
    const fact = (text: string) => ({ kind: 'assessment' as const, text });
    // "would" after "meant that": what was so
    expect(isScenario(fact('The faster growth of imports compared with exports this year and last, reflecting buoyant private consumption, meant that the contribution of the foreign payments balance to GDP would shrink in both years.'))).toBe(false);
    // a view its opening attributes names no outcome
    expect(scenarioName({ text: 'Economists say the improvement owes little to any structural change and that any reversal of the trend in costs could have a rapid impact.' })).toBeUndefined();
    // a modal in the claim a participle reports (seed corpus, "The Continuing Saga…" ¶11)
    expect(isScenario(fact('Chinese migrants and investors play an important role in boosting the Russian economy, however, Moscow has successfully securitized the migration of Chinese settlers on the grounds of a ‘racial threat’, to Russia’s declining population, claiming that the ethnic balance of Russia could shift.'))).toBe(false);
    // a "would" a verb of saying puts in its subject's mouth is the subject's forecast (Reuters-21578, crude)
    expect(isScenario(fact("Saudi Arabian oil minister Hisham Nazer reiterated the kingdom's commitment to the December OPEC accord and said it would never sell below official prices."))).toBe(false);
    // "anything that could" is no report
    expect(isScenario(fact('Moscow would avoid anything that could alienate Beijing.'))).toBe(true);
    // the same "would" as a hypothesis is one (the test can fail)
    expect(isScenario(fact('The faster growth of imports would shrink the contribution of the foreign payments balance to GDP in both years.'))).toBe(true);
  });

  it('shows a scenario\'s outcome after its condition, and never a relative clause as a sentence (Reuters-21578, general)', () => {
    expect(scenarioText('If China refrains from a hard security role', 'If China refrains from a hard security role, Russia-Sino ties are likely to get better.')).toBe('Russia-Sino ties are likely to get better.');
    const whole = 'West Germany has flatly rejected green rate changes, which would cause a fall in prices for producers.';
    expect(scenarioText('West Germany has flatly rejected green rate changes', whole)).toBe(whole);
  });

  it('does not open a bottom line with a side point that only a strong likelihood word lifted', () => {
    for (const deck of decks) {
      const bluf = deck.slides.find((s) => s.kind === 'judgements')!;
      expect(bluf.kind).toBe('judgements');
      if (bluf.kind !== 'judgements') continue;
      expect(bluf.judgements.map((j) => j.text).join(' '), deck.name).not.toMatch(/Arctic region is undoubtedly/);
    }
  });
});

describe('detaching a bullet from the sentence before it', () => {
  it('deletes an opening discourse marker and a bare linking adverb, only when asked', () => {
    expect(compressSentence('Second, Russia must convince China that it is a strong player.', { detach: true }).text).toBe('Russia must convince China that it is a strong player.');
    expect(compressSentence('Russia also has become a major supplier of oil and gas to China.', { detach: true }).text).toBe('Russia has become a major supplier of oil and gas to China.');
    expect(compressSentence('Europe is not only a partner but also an independent centre of power.', { detach: true }).text).toBe('Europe is not only a partner but also an independent centre of power.');
    expect(compressSentence('Russia also has become a major supplier.', {}).text).toBe('Russia also has become a major supplier.');
  });

  it('tells sentences that lean on context from those that stand alone', () => {
    for (const leaning of [
      'The first of these is Central Asia, where Russia has a centuries-long history of dominance.',
      'Without Putin’s patronage, these business empires could be targeted by a new leader.',
      'Despite Western skepticism of the rhetoric, this is not a distant, uncertain prospect.',
      'Another point of contention is Russia’s arms exports to East Asia.',
      'What remains uncertain is what role Beijing envisions for Russia.',
      'Experts see a similar scenario as the most likely course of events in Africa.',
      'That way, China would not risk further deteriorating relations with the US.',
      'Since then, cooperation has accelerated.',
    ]) expect(leansOnContext(leaning), leaning).toBe(true);
    for (const alone of [
      'Considering its economic importance, the Arctic region is Russia’s special zone of interest.',
      'Although China and Russia may benefit from their relations, they are constrained by rivalry.',
      'Even though odds are that both leaders will remain in power, it is difficult to speculate.',
      'China gets Russian energy, help and weapons, and knows that these benefits will continue.',
    ]) expect(leansOnContext(alone), alone).toBe(false);
  });
});
