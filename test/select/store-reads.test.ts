/**
 * A deck reads the corpus store once: however many helpers a spec has, the claim list is read
 * once per composition and each distinct search text is asked of bm25 once, and the picks are
 * the same as scanning every claim for every helper would give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadCorpus } from '../../src/corpus/index.ts';
import { composeDeck } from '../../src/deck/index.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { contentWords, nearDuplicate, Ledger, POOL_CLAIMS } from '../../src/select/index.ts';
import { corpusWords, rememberedWords, REMEMBERED, sentenceKey, UNPACKED, wordsOf } from '../../src/select/words.ts';
import { diversify, type RankedClaim } from '../../src/select/rank.ts';
import { jaccard } from '../../src/select/similarity.ts';
import type { EvidenceStore } from '../../src/model.ts';

const root = resolve(import.meta.dirname, '../..');
let store: EvidenceStore;
beforeAll(async () => { store = await loadCorpus({ root }); });
afterAll(() => store?.close());

/** The store, counting how often each read is asked for. */
function counted(inner: EvidenceStore) {
  const calls = { claims: 0, quotes: 0, documents: 0, searches: [] as string[] };
  const wrapped: EvidenceStore = {
    documents: () => (calls.documents++, inner.documents()),
    document: (id) => inner.document(id),
    claims: () => (calls.claims++, inner.claims()),
    quotes: () => (calls.quotes++, inner.quotes()),
    searchClaims: (q) => (calls.searches.push(`${q.limit}|${q.text}`), inner.searchClaims(q)),
    topics: () => inner.topics(),
    diagnostics: inner.diagnostics,
    close: () => {},
  };
  return { wrapped, calls };
}

const words = ['energy', 'gas', 'oil', 'arms', 'Putin', 'trade', 'Ukraine', 'Arctic', 'sanctions', 'alliance'];
const body = Array.from({ length: 40 }, (_, i) => `## Section ${i + 1}\n\n{{claims "${words[i % words.length]}" limit=2}}`).join('\n\n');
const source = `---\ntitle: Forty sections\naudience: expert\ntopics: [energy]\nlength: 60\n---\n\n# Bottom line\n{{bluf}}\n\n## Said\n{{quote}}\n{{quote speaker="Putin"}}\n\n${body}\n`;

describe('store reads per composition', () => {
  it('reads the claim list once and each search text once, for 40 helpers', () => {
    const { spec } = parseBriefing(`${root}/briefings/forty.md`, source, { root, themes: [] });
    const { wrapped, calls } = counted(store);
    const { deck } = composeDeck(spec!, wrapped);
    expect(deck.slides.length).toBeGreaterThan(10);
    expect(calls.claims).toBeLessThanOrEqual(2); // the deck's index, and the vocabulary for "did you mean"
    expect(calls.quotes).toBe(1);
    expect(calls.searches.length).toBeGreaterThanOrEqual(words.length);
    expect(new Set(calls.searches).size).toBe(calls.searches.length);
  });

  it('asks whether anything in the corpus matches once per words asked, however many slides run empty on them', () => {
    const documentReads = (sections: number) => {
      const empty = Array.from({ length: sections }, (_, i) => `## Zeppelins ${i + 1}\n\n{{claims "zeppelin airships" limit=2}}`).join('\n\n');
      const { spec } = parseBriefing(`${root}/briefings/empty.md`, `---\ntitle: Empty\naudience: expert\n---\n\n${empty}\n`, { root, themes: [] });
      const { wrapped, calls } = counted(store);
      const { diagnostics } = composeDeck(spec!, wrapped);
      expect(diagnostics.filter((d) => d.code === 'select/no-match')).toHaveLength(sections);
      return calls.documents;
    };
    expect(documentReads(30)).toBe(documentReads(1));
  });

  it("remembers the words of a whole pool of sentences, which a deck reads once per slide", () => {
    const one = store.claims()[0];
    expect(POOL_CLAIMS).toBe(20_000);
    expect(REMEMBERED).toBeGreaterThan(POOL_CLAIMS);
    const claims = Array.from({ length: 20_000 }, (_, i) => ({ ...one, id: `c${i}`, text: `Sentence number ${i} of the pool.` }));
    const words = corpusWords(claims);
    const first = claims.map((c) => words.words(c));
    const again = claims.map((c) => words.words(c));
    // Not read again: the same sentence for the memories keyed by it (aboutness), the same words.
    expect(again.every((w, i) => sentenceKey(w) === sentenceKey(first[i]))).toBe(true);
    expect(again[0]).toEqual(first[0]);
  });

  it('keeps a pool of sentences packed, only the last few thousand as Word objects, and gives the words wordsOf gives', () => {
    const texts = ['The U.S. Treasury said prices of crude oil rose 3.5 pct.', "OPEC's output, Saudi Arabia's quota and the dollar's fall.", 'Putin and Xi met in Moscow.'];
    const claims = Array.from({ length: UNPACKED * 3 }, (_, i) => ({ id: `c${i}`, text: `${texts[i % 3]} Sentence ${i}.` }));
    const words = rememberedWords();
    const first = claims.map((c) => words(c));
    for (const [i, c] of claims.entries()) expect(first[i]).toEqual(wordsOf(c.text));
    const again = claims.map((c) => words(c));
    for (const [i, c] of claims.entries()) expect(again[i]).toEqual(wordsOf(c.text));
    // The first sentences' objects were let go (only UNPACKED lists are held), their packed words kept.
    expect(again[0]).not.toBe(first[0]);
    expect(sentenceKey(again[0])).toBe(sentenceKey(first[0]));
    // Within a pass over one sentence, one list.
    expect(words(claims[claims.length - 1])).toBe(again[again.length - 1]);
  });

  it('the ledger finds repeats of what was shown exactly as comparing with everything shown does', () => {
    const claims = store.claims();
    const ledger = new Ledger();
    for (const c of claims.filter((_, i) => i % 7 === 0)) ledger.record(c);
    let repeats = 0;
    for (const c of claims) {
      const w = contentWords(c.text);
      const direct = ledger.words.some((s) => nearDuplicate(w, s));
      expect(ledger.repeats(w), c.text).toBe(direct);
      if (direct) repeats++;
    }
    expect(repeats).toBeGreaterThan(claims.length / 7 - 1);
  });

  it('diversify stops scanning early yet picks what a full scan picks', () => {
    const claims = store.claims().slice(0, 400);
    const ranked: RankedClaim[] = claims.map((c, i) => ({ ...c, score: ((i * 7919) % 1000) / 1000 }));
    const shown = claims.slice(0, 30).map((c) => contentWords(c.text));
    const accept = (c: RankedClaim) => c.text.length % 3 !== 0;
    const fast = diversify(ranked, { limit: 6, shown, accept });
    const full = fullScan(ranked.filter(accept), 6, shown);
    expect(fast.map((c) => c.id)).toEqual(full.map((c) => c.id));
    expect(fast).toHaveLength(6);
  });
});

/** The plain greedy MMR, scanning every candidate for every pick. */
function fullScan(ranked: RankedClaim[], limit: number, shown: Set<string>[]): RankedClaim[] {
  const pool = [...ranked].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const picked: RankedClaim[] = [];
  const top = pool[0]?.score || 1;
  const w = (c: RankedClaim) => contentWords(c.text);
  while (picked.length < limit && pool.length) {
    let bestIndex = -1;
    let best = -Infinity;
    pool.forEach((c, i) => {
      if (shown.some((s) => nearDuplicate(w(c), s)) || picked.some((p) => nearDuplicate(w(c), w(p)))) return;
      const sim = Math.max(0, ...picked.map((p) => 0.6 * jaccard(w(c), w(p)) + 0.4 * (p.docId === c.docId ? 1 : 0)));
      const value = 0.7 * (c.score / top) - 0.3 * sim;
      if (value > best) [best, bestIndex] = [value, i];
    });
    if (bestIndex < 0) break;
    picked.push(pool.splice(bestIndex, 1)[0]);
  }
  return picked;
}
