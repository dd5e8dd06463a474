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

  it('is, where most stories name no place up front, the place named clearly more often than any other (home-news)', () => {
    const heads: Record<string, { title: string; lead?: string }> = {
      a: { title: 'Interest rates rise to 5%', lead: 'Interest rates have been raised by a quarter point to 5%.' },
      b: { title: 'House prices fall for second month', lead: 'House prices fell for the second month running in October.' },
      c: { title: 'Lanterns to re-form for arena tour', lead: 'The Lanterns are to re-form for a 14-date UK arena tour.' },
      d: { title: 'Download sales soar', lead: 'The first official UK chart for music downloads has been launched.' },
      e: { title: 'Brierley resigns over rail contract row', lead: 'Alan Brierley has resigned as transport secretary.' },
      f: { title: 'Deep Meridian tops US box office', lead: 'Science-fiction epic Deep Meridian took $68.2m in its first weekend.' },
      g: { title: 'Labour wins third term', lead: 'Labour has won a historic third term in office.' },
      h: { title: 'Caldmore stun Whitford in FA Cup', lead: 'League One side Caldmore Rovers produced the shock of the round.' },
      i: { title: 'Vireo launches 3G network', lead: 'Mobile operator Vireo has launched its third-generation network.' },
      j: { title: 'Email worm spreads', lead: 'A fast-spreading computer worm has infected hundreds of thousands of computers.' },
      k: { title: 'Strand cuts 3G prices', lead: 'Strand Telecom has cut the price of its 3G contracts.' },
      l: { title: 'Sayle wins libel damages', lead: 'Television presenter Gavin Sayle has been awarded damages.' },
    };
    // (2 of 12 name the UK, under a fifth; 1 names the US.)
    expect(homePlace(Object.keys(heads), (id) => heads[id], placesIn)).toBe('United Kingdom');
    // A wire's leads say where they were filed: its stories take no place for granted.
    const wire = Object.fromEntries(Object.entries(heads).map(([k, h]) => [k, { ...h, lead: `FRANKFURT, March 3 - ${h.lead}` }]));
    expect(homePlace(Object.keys(wire), (id) => wire[id], placesIn)).toBeUndefined();
    // A story that names only the home's own places is the home's; one filed from elsewhere is not.
    expect(namesNoPlace('House prices fall', [{ text: 'Estate agents in London said some homes had been on sale for six months.' }, { text: 'Prices fell in Scotland and Northern Ireland.' }], placesIn, 'United Kingdom')).toBe(true);
    expect(namesNoPlace('No policy change expected', [{ text: 'FRANKFURT, March 3 - The central bank is unlikely to change its credit policies.' }], placesIn, 'United Kingdom')).toBe(false);
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

describe('a line of a home story', () => {
  it("reads a lead's \"the second month\" as its own, not the headline's, and a figure naming the deck's subject as the home's", async () => {
    const { pointsBack } = await import('../../src/select/definite.ts');
    const { posTags } = await import('../../src/deck/grammar.ts');
    const text = 'House prices fall for second month\n\nHouse prices fell for the second month running in October.\n\nThe average price of a home is now £152,400.\n\nThe annual rate of house price growth slowed to 9.8%, down from 12.6% in September.\n';
    const at = (s: string, paragraph: number) => ({ id: `d:p${paragraph}:s1`, text: s, start: text.indexOf(s), end: text.indexOf(s) + s.length, paragraph, figures: [] as { text: string }[], kind: 'fact', docId: 'd', actors: [], topics: [] });
    const doc = { text, paragraphs: [{ start: text.indexOf('House prices fell') }] };
    const deck = new Set(['house', 'houses', 'price', 'prices']);
    const lead = at('House prices fell for the second month running in October.', 1);
    expect(pointsBack(lead as never, doc, deck, lead.text, posTags, deck)).toBe(false);
    const growth = { ...at('The annual rate of house price growth slowed to 9.8%, down from 12.6% in September.', 3), figures: [{ text: '9.8%' }] };
    expect(pointsBack(growth as never, doc, deck, growth.text, posTags, deck, false, true)).toBe(false);
    // elsewhere, whose growth it is the story said before
    expect(pointsBack(growth as never, doc, deck, growth.text, posTags, deck, false, false)).toBe(true);
  });
});
