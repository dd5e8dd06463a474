/**
 * A national paper's domestic story names no country ("Chancellor Gordon Brown has promised…"): it
 * is the home's, for a deck scoped to the home, and no other place's. The fixture corpus
 * (`test/fixtures/home-paper`) holds four short articles written for these tests in that manner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusStore } from '../../src/corpus/index.ts';
import { composeDeck } from '../../src/deck/index.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { homePlace, namesNoPlace } from '../../src/select/home.ts';
import { createSelectionContext, inScope } from '../../src/select/index.ts';
import { placesIn } from '../../src/corpus/actors.ts';
import { shownLines } from '../../eval/run.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'bd-home-'));
let store: CorpusStore;
beforeAll(async () => {
  store = await loadCorpus({ root: work, corpusDir: join(root, 'test', 'fixtures', 'home-paper') });
});
afterAll(() => {
  store?.close();
  rmSync(work, { recursive: true, force: true });
});

const deck = (title: string, topics: string[]) => {
  const text = `---\ntitle: ${title}\naudience: analyst\ntopics: [${topics.join(', ')}]\n---\n`;
  const { spec } = parseBriefing(join(work, 'spec.md'), text, { root: work, themes: [] });
  return composeDeck(spec!, store).deck;
};

describe('the home of a corpus', () => {
  it('is the place most headlines and leads name, when a fifth of them do and no other place as many', () => {
    const heads: Record<string, { title: string; lead?: string }> = {
      a: { title: 'Retail sales slow', lead: 'Retail sales in the UK grew at their slowest pace for a year.' },
      b: { title: 'House prices edge up', lead: 'House prices in the UK rose by 0.5% in February.' },
      c: { title: 'Brown pledges to keep borrowing down', lead: 'Chancellor Gordon Brown has promised to keep a tight grip on public borrowing.' },
      d: { title: "Japan's borrowing reaches new high", lead: "Japan's public borrowing rose to a record." },
    };
    expect(homePlace(Object.keys(heads), (id) => heads[id], placesIn)).toBe('United Kingdom');
    // (Two places named as often: no home.)
    expect(homePlace(['a', 'd'], (id) => heads[id], placesIn)).toBeUndefined();
    expect(namesNoPlace(heads.c.title, [{ text: heads.c.lead! }], placesIn)).toBe(true);
    expect(namesNoPlace(heads.d.title, [{ text: heads.d.lead! }], placesIn)).toBe(false);
  });

  it('gives a deck on the home its domestic stories, and a deck on another place none of them', () => {
    const uk = shownLines(deck('The UK economy and public borrowing', ['borrowing', 'house prices']));
    expect(uk.some((l) => l.citation.docId === 'politics/001'), JSON.stringify(uk.map((l) => l.text))).toBe(true);
    // A sentence that names a person by office is of no place: "Chancellor Gordon Brown said…" in a UK story.
    const ctx = createSelectionContext(store, { title: 'The UK economy', topics: ['house prices'] }, { kinds: ['fact', 'assessment', 'forecast', 'attributed'], plain: false });
    const brown = store.claims().find((c) => c.text.startsWith('Chancellor Gordon Brown said he was confident'))!;
    expect(inScope(ctx.scope(), brown.text, ctx.head(brown.docId))).toBe(true);
    const japan = shownLines(deck("Japan's economy and public borrowing", ['borrowing']));
    expect(japan.some((l) => l.citation.docId === 'world/001')).toBe(true);
    expect(japan.filter((l) => l.citation.docId !== "world/001").map((l) => [l.citation.docId, l.text])).toEqual([]);
  });
});
