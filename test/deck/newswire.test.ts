/**
 * Decks from a corpus of another genre: 925 Reuters-21578 newswire stories (free for research),
 * vendored under eval/corpora/. Nothing here was tuned for them: the same rules must hold.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusStore } from '../../src/corpus/index.ts';
import { composeDeck, isDeletionOf } from '../../src/deck/index.ts';
import type { Deck } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { holdsQuotation, speaksInFirstPerson, unnamedSpeaker } from '../../src/select/standalone.ts';
import { shownLines } from '../../eval/run.ts';
import { withoutInsertions } from '../../src/deck/insertions.ts';

const root = resolve(import.meta.dirname, '../..');
const corpusDir = join(root, 'eval', 'corpora', 'reuters-21578-0');
let store: CorpusStore;
beforeAll(async () => {
  store = await loadCorpus({ root, corpusDir, cacheDir: join(root, '.cache', 'test-newswire') });
}, 300_000);
afterAll(() => store?.close());

const compose = (name: string): Deck => {
  const file = join(root, 'eval', 'reuters', 'briefings', `${name}.md`);
  const { spec } = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes: [] });
  return composeDeck(spec!, store).deck;
};
const specs = ['oil-opec', 'grain-soviet', 'currency', 'coffee', 'brazil-debt'];

describe('newswire decks', () => {
  it('keeps every story, same-named files in 41 folders included', () => {
    expect(store.documents()).toHaveLength(925);
    expect(store.document('crude/001')?.title).toBe('DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES');
    expect(store.document('acq/001')?.title).not.toBe(store.document('crude/001')?.title);
  });

  it('shows no line that is a quotation, first person or a pronoun speaker, and every line deletes words of its source', () => {
    for (const name of specs) {
      for (const line of shownLines(compose(name)).filter((l) => l.kind === 'bullets' || l.kind === 'judgements')) {
        expect(holdsQuotation(line.text), line.text).toBe(false);
        expect(speaksInFirstPerson(line.text), line.text).toBe(false);
        expect(unnamedSpeaker(line.text), line.text).toBe(false);
        expect(line.text, 'line breaks of the wire are spaces').not.toMatch(/\n/);
        // Deletions only, besides names put in brackets from earlier in the same story.
        expect(isDeletionOf(line.citation.sentence, withoutInsertions(line.text, line.insertions)), line.text).toBe(true);
        const doc = store.document(line.citation.docId)!;
        for (const i of line.insertions ?? []) {
          expect(i.text).toBe(`[${doc.text.slice(i.source.start, i.source.end).replace(/\s+/g, ' ')}]`);
          expect(i.source.start).toBeLessThan(i.replaces.start);
        }
      }
    }
  });

  it('puts under "Soviet Union" only lines that name it, never "Union Bank" or a labour union', () => {
    const file = join(root, 'eval', 'reuters', 'briefings', 'grain-soviet.md');
    const { spec } = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes: [] });
    const { deck, diagnostics } = composeDeck(spec!, store);
    const slide = deck.slides.find((s) => s.title === 'Soviet Union');
    if (slide?.kind === 'bullets') for (const b of slide.bullets) expect(b.text).toMatch(/Soviet|USSR|Moscow/);
    // Too little evidence leaves the section out, and says so: never a slide of wrong lines.
    else expect(diagnostics.map((d) => d.message)).toContain("section 'Soviet Union' has no evidence and is left out");
  });

  it('opens the coffee deck with the story most of its articles tell: the ICO talks failed', () => {
    const bluf = compose('coffee').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    expect(bluf.judgements[0].text).toMatch(/International Coffee Organization|ICO/);
    expect(bluf.judgements[0].text).toMatch(/fail|no agreement|not agree/);
  });
});
