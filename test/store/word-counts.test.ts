/**
 * The corpus's word counts are kept in the store at ingest, so a deck reads no claim text to know
 * how many documents use a word or whether the corpus writes it as a name. They must be the very
 * numbers one pass over the claims gives: after files come, change and go, and for a spec that
 * allows only some documents (the store's counts less the documents left out, or the allowed
 * documents counted), where a deck must come out as if every claim had been read.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus, type CorpusStore } from '../../src/corpus/index.ts';
import { WordTally } from '../../src/corpus/word-counts.ts';
import { composeDeck } from '../../src/deck/index.ts';
import type { EvidenceStore } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { corpusWords, storedCorpusWords, wordsOf } from '../../src/select/words.ts';

const root = resolve(import.meta.dirname, '../..');
const NEWSWIRE = resolve(root, 'test', 'fixtures', 'corpus', 'newswire');
const work = mkdtempSync(join(tmpdir(), 'bd-word-counts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The store's counts for every stem and word its claims use, and what a pass over the claims gives. */
function both(store: CorpusStore) {
  const claims = store.claims();
  const tally = new WordTally();
  for (const c of claims) tally.add(c.text, c.docId);
  const stored = store.wordCounts();
  const stems = [...tally.stems.keys()].sort();
  const forms = [...tally.forms.keys()].sort();
  const got = { documents: stored.documents, claims: stored.claims, stems: stored.stems(stems), forms: stored.forms(forms) };
  const want = {
    documents: tally.documents,
    claims: tally.claims,
    stems: new Map(stems.map((s) => [s, { claims: tally.stems.get(s)!.claims, documents: tally.stems.get(s)!.documents }])),
    forms: new Map(forms.filter((f) => tally.forms.get(f)!.upper || tally.forms.get(f)!.lower).map((f) => [f, { ...tally.forms.get(f)! }])),
  };
  return { got, want, stems, forms };
}

describe('word counts kept in the store', () => {
  it('are what one pass over the claims counts, as files come, change and go', async () => {
    const project = join(work, 'changes');
    cpSync(NEWSWIRE, join(project, 'corpus'), { recursive: true });
    const open = () => loadCorpus({ root: project });
    let store = await open();
    const first = both(store);
    expect(first.got.claims).toBeGreaterThan(20);
    expect(first.got).toEqual(first.want);
    store.close();

    // A file changed, one removed, one added (a copy of another under a new name: a new document).
    const files = readdirSync(join(project, 'corpus'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort();
    expect(files.length).toBeGreaterThan(3);
    writeFileSync(join(project, 'corpus', files[0]), 'KAIROS SHIPPING SAYS PROFITS ROSE\n\nKairos Shipping said on Monday that its profits rose sharply in 1986. The company said shipping rates recovered.\n');
    unlinkSync(join(project, 'corpus', files[1]));
    writeFileSync(join(project, 'corpus', 'added.txt'), 'OIL MINISTERS MEET IN VIENNA\n\nOil ministers met in Vienna on Tuesday to discuss output. Analysts said prices would rise.\n');
    store = await open();
    const second = both(store);
    expect(second.got).toEqual(second.want);
    expect(second.got).not.toEqual(first.got);
    store.close();

    // Every file gone: nothing counted.
    for (const f of readdirSync(join(project, 'corpus'), { recursive: true, encoding: 'utf8' })) if (f.endsWith('.txt')) unlinkSync(join(project, 'corpus', f));
    store = await open();
    expect(store.wordCounts().documents).toBe(0);
    expect(store.wordCounts().claims).toBe(0);
    expect(store.wordCounts().stems(second.stems).size).toBe(0);
    expect(store.wordCounts().forms(second.forms).size).toBe(0);
    store.close();
  });

  it('less the documents a spec leaves out, are the counts of the documents it allows', async () => {
    const store = await loadCorpus({ root: join(work, 'subset'), corpusDir: NEWSWIRE });
    try {
      const docs = store.documents().map((d) => d.id);
      const left = new Set(docs.filter((_, i) => i % 3 === 0));
      const claims = store.claims();
      const minus = new WordTally();
      for (const c of claims) if (left.has(c.docId)) minus.add(c.text, c.docId);
      const fromStore = storedCorpusWords(store.wordCounts(), minus);
      const counted = corpusWords(claims.filter((c) => !left.has(c.docId)));
      expect(fromStore.documents).toBe(counted.documents);
      expect(fromStore.claims).toBe(counted.claims);
      const words = new Set(claims.flatMap((c) => c.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu) ?? []));
      for (const w of words) {
        const s = wordsOf(w)[0]?.stem;
        if (!s) continue;
        expect([w, fromStore.claimFrequency(s), fromStore.documentFrequency(s)]).toEqual([w, counted.claimFrequency(s), counted.documentFrequency(s)]);
        expect([w, fromStore.isName(w), fromStore.neverLower(w)]).toEqual([w, counted.isName(w), counted.neverLower(w)]);
      }
    } finally {
      store.close();
    }
  });

  it('give the same deck as reading every claim, for specs that allow all, few or most documents', async () => {
    const reuters = resolve(root, 'eval', 'corpora', 'reuters-21578-0');
    const store = await loadCorpus({ root: join(work, 'decks'), corpusDir: reuters });
    // The same store without its counts: a deck then counts the claims it reads.
    const { wordCounts: _, ...rest } = store;
    const reading: EvidenceStore = rest;
    try {
      const dates = store.documents().filter((d) => d.date).map((d) => d.date!).sort();
      const at = (share: number) => dates[Math.floor(share * (dates.length - 1))];
      const filters = ['', `since: ${at(0.1)}`, `since: ${at(0.9)}`, `until: ${at(0.5)}`, 'sources: [Reuters]'];
      for (const filter of filters) {
        const source = `---\ntitle: Oil prices and OPEC output\naudience: analyst\ntopics: [oil prices, OPEC]\n${filter}\n---\n\n# Bottom line\n{{bluf}}\n\n## Output\n{{claims "OPEC output quota ceiling" limit=4}}\n\n## Prices\n{{claims "crude oil prices barrel" limit=3}}\n`;
        const { spec, diagnostics } = parseBriefing(`${root}/briefings/counts.md`, source, { root, themes: [] });
        expect(spec, JSON.stringify(diagnostics)).toBeDefined();
        const a = composeDeck(spec!, store);
        await new Promise((done) => setImmediate(done));
        const b = composeDeck(spec!, reading);
        await new Promise((done) => setImmediate(done));
        expect(JSON.stringify(a.deck), filter).toBe(JSON.stringify(b.deck));
        if (!filter) expect(a.deck.slides.length).toBeGreaterThan(2);
      }
    } finally {
      store.close();
    }
  });
});
