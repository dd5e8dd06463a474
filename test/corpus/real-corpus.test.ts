/**
 * The corpus stage on the five real articles: what a reader of the decks must be able to trust.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { EvidenceStore } from '../../src/model.ts';

const root = join(import.meta.dirname, '..', '..');
let store: EvidenceStore;

beforeAll(async () => {
  store = await loadCorpus({ root, cacheDir: mkdtempSync(join(tmpdir(), 'bd-corpus-')) });
}, 60_000);
afterAll(() => store?.close());

const doc = (prefix: string) => {
  const d = store.documents().find((x) => x.id.startsWith(prefix));
  if (!d) throw new Error(`no document ${prefix}`);
  return store.document(d.id)!;
};

/** Lines of site furniture as they appear in the scraped files. */
const BOILERPLATE = [
  /Advertisement/,
  /Photo:|Image:|Image credits/,
  /Share This Article|Like it|Loading…/,
  /republished from|Creative Commons|Read the original/,
  /is a lecturer in/,
  /Salta al contenuto|PALAZZO CLERICI|ISTITUTO|Iscriviti|P\.IVA|Versione stampabile/,
  /Check Also|Recommended Posts|Ti potrebbero interessare|Contenuti correlati/,
  /Russian Offensive Campaign Assessment|1,000 days/,
  /min read|In Analysis, Politics/,
  /slot ilk21/,
  /Global Courant|Omar Adan/,
  /Great Power Competition and National Interests|Elżbieta Proń/,
];

describe('cleaning the real corpus', () => {
  it('lets no site boilerplate reach any claim or quote', () => {
    const texts = [...store.claims().map((c) => c.text), ...store.quotes().map((q) => q.text)];
    expect(texts.length).toBeGreaterThan(150);
    for (const t of texts) for (const re of BOILERPLATE) expect(t, `boilerplate ${re} in: ${t}`).not.toMatch(re);
  });

  it('keeps every paragraph as an exact slice and records why each dropped block went', () => {
    for (const d of store.documents().map((m) => store.document(m.id)!)) {
      for (const p of d.paragraphs) expect(d.text.slice(p.start, p.end)).toBe(p.text);
      for (const b of d.dropped) {
        expect(d.text.slice(b.start, b.end)).toBe(b.text);
        expect(b.reason).toMatch(/\S/);
      }
    }
    expect(doc('000').dropped.some((b) => b.text === '- Advertisement -' && /advertisement/.test(b.reason))).toBe(true);
    expect(doc('003').dropped.some((b) => b.text.includes('PALAZZO CLERICI'))).toBe(true);
  });

  it('counts the repeated teaser paragraphs once', () => {
    const d = doc('004');
    const putin = d.paragraphs.filter((p) => p.text.includes('the main struggle, which is now underway'));
    expect(putin).toHaveLength(1);
    const norm = d.paragraphs.map((p) => p.text.replace(/\s+/g, ' '));
    expect(new Set(norm).size).toBe(norm.length);
    expect(d.dropped.filter((b) => /duplicate of ¶/.test(b.reason)).length).toBeGreaterThanOrEqual(5);
    const texts = store.claims().filter((c) => c.docId === d.id).map((c) => c.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('metadata of the real corpus', () => {
  it('reads each title', () => {
    expect(doc('000').title).toBe('How Russia could rethink its alliance with China');
    expect(doc('001').title).toBe('Clay Alliance: Russia-China union may only persist long term if Moscow is pliable');
    expect(doc('002').title).toBe('The Continuing Saga of Russia-China Relations: Can the Bear and the Dragon Be Friends?');
    expect(doc('003').title).toBe('Which Russia-China Relationship Will Emerge After the War?');
    expect(doc('004').title).toBe("China's Growing Relations with Russia: What's In it for Moscow?");
  });

  it('reads dates in ISO, day.month.year and Italian forms, and invents none', () => {
    expect(doc('000').date).toBe('2023-05-22');
    expect(doc('001').date).toBe('2023-06-02');
    expect(doc('003').date).toBe('2022-05-09');
    expect(doc('002').date).toBeUndefined();
    expect(doc('004').date).toBeUndefined();
  });

  it('finds the real author and original publisher of a republished article', () => {
    expect(doc('000').authors).toEqual(['Marcin Kaczmarski']);
    expect(doc('000').publisher).toBe('The Conversation');
    expect(doc('000').originalPublisher).toBe('The Conversation');
    expect(doc('000').republishedBy).toBe('Global Courant');
    expect(doc('003').authors).toEqual(['Marcin Kaczmarski']);
    expect(doc('003').publisher).toBe('ISPI');
    for (const id of ['001', '002', '004']) expect(doc(id).authors).toEqual([]);
  });
});

describe('claims and quotes of the real corpus', () => {
  it('keeps provenance: text is exactly the slice of the decoded file text', () => {
    for (const item of [...store.claims(), ...store.quotes()]) {
      const d = store.document(item.docId)!;
      expect(d.text).toBe(readFileSync(join(root, d.path), 'utf8'));
      expect(d.text.slice(item.start, item.end)).toBe(item.text);
      const p = d.paragraphs.find((x) => x.index === item.paragraph)!;
      expect(item.start).toBeGreaterThanOrEqual(p.start);
      expect(item.end).toBeLessThanOrEqual(p.end);
    }
  });

  it('emits only whole sentences as claims', () => {
    for (const c of store.claims()) {
      expect(c.text, c.text).toMatch(/^[“"‘'(]?[\p{Lu}\d]/u);
      expect(c.text, c.text).toMatch(/[.!…]["”’')\]]*$/);
    }
    expect(store.claims().some((c) => /increased U\.S\.$/.test(c.text))).toBe(false);
  });

  it('finds the Putin and Gazprom quotes once each, with their speakers', () => {
    const putin = store.quotes().filter((q) => q.text.startsWith('the main struggle'));
    expect(putin).toHaveLength(1);
    expect(putin[0].speaker).toBe('Vladimir Putin');
    expect(putin[0].role).toBe('Russian President');
    expect(putin[0].cue).toMatch(/stated/);
    const gazprom = store.quotes().filter((q) => q.text.includes('biggest purchase and sale contract'));
    expect(gazprom).toHaveLength(1);
    expect(gazprom[0].speaker).toBe('Gazprom');
    expect(gazprom[0].cue).toBe('according to');
    // "One report notes “…”" names no speaker: the words are reported, never a quote.
    expect(store.quotes().find((q) => q.text.startsWith('the Yamal LNG'))).toBeUndefined();
    const yamal = store.claims().find((c) => c.text.includes('the Yamal LNG'));
    expect(yamal?.kind).toBe('attributed');
  });

  it('treats scare quotes and short terms as key terms, not quotes', () => {
    for (const q of store.quotes()) expect(q.text.split(/\s+/).length).toBeGreaterThanOrEqual(4);
    const terms = store.claims().flatMap((c) => c.keyTerms ?? []);
    expect(terms).toEqual(expect.arrayContaining(['multi-vector', 'junior partner']));
  });

  it('classifies reported speech with its source', () => {
    const by = (start: string) => store.claims().find((c) => c.text.startsWith(start))!;
    expect(by('Henry Kissinger, the patriarch')).toMatchObject({ kind: 'attributed', attribution: 'Henry Kissinger' });
    // The text never gives his first name: the source is named as written.
    expect(by('As Gabuev observes')).toMatchObject({ kind: 'attributed', attribution: 'Gabuev' });
    expect(by('Russia’s Asian policy was to be balanced').kind).not.toBe('attributed');
  });

  it('reads figures with unit, measure and year', () => {
    const arms = store.claims().find((c) => c.text.includes('(40% of total arms exports'))!;
    expect(arms.kind).toBe('statistic');
    expect(arms.figures[0]).toMatchObject({ text: '40%', value: 40, unit: '%', measure: 'of total arms exports' });
    const share = store.claims().find((c) => c.text.includes('25-30%'))!;
    expect(share.figures[0]).toMatchObject({ value: 25, valueHigh: 30, unit: '%', year: 2014 });
    const models = store.claims().find((c) => c.text.includes('S-400'))!;
    expect(models.figures).toEqual([]);
  });

  it('maps estimative language onto the words of estimative probability', () => {
    const by = (part: string) => store.claims().find((c) => c.text.includes(part))!;
    expect(by('least plausible option').likelihood).toBe('probably not');
    expect(by('most probably expected').likelihood).toBe('probable');
    expect(by('will not likely benefit').likelihood).toBe('probably not');
    expect(by('No doubt the hands').likelihood).toBe('almost certain');
    expect(by('is likely to complicate').kind).toBe('forecast');
  });

  it('tags actors and topics from topics.yaml', () => {
    const c = store.claims().find((x) => x.text.includes('Gazprom and the China National Petroleum'))!;
    expect(c.actors).toEqual(expect.arrayContaining(['Gazprom', 'CNPC']));
    expect(c.topics).toContain('energy');
    expect(Object.keys(store.topics())).toContain('energy');
  });

  it('ranks claims with bm25, best first, and filters by kind', () => {
    const hits = store.searchClaims({ text: 'gas pipeline', limit: 5 });
    expect(hits.length).toBe(5);
    expect(hits[0].text).toMatch(/gas|pipeline/i);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    const stats = store.searchClaims({ kinds: ['statistic'] });
    expect(stats.length).toBeGreaterThan(2);
    expect(stats.every((c) => c.kind === 'statistic' && c.figures.length > 0)).toBe(true);
  });
});
