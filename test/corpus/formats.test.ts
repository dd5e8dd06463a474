/**
 * Reading every supported format, with the warnings a user gets for files that cannot be read,
 * and the incremental store: unchanged files are not processed again.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { cleanText } from '../../src/corpus/clean.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'formats');

async function load(dir = fixtures, cacheDir = mkdtempSync(join(tmpdir(), 'bd-formats-'))) {
  const processed: string[] = [];
  const store = await loadCorpus({ root: dir, corpusDir: dir, cacheDir, onFile: (p, done) => done && processed.push(p) });
  return { store, processed, cacheDir };
}

describe('reading formats', () => {
  it('reads Markdown front-matter as metadata and keeps offsets into the whole file', async () => {
    const { store } = await load();
    const md = store.document('pipelines')!;
    expect(md).toMatchObject({ format: 'md', title: 'Gas Pipelines to China', authors: ['Anna Petrova', 'John Smith'], date: '2024-03-05', publisher: 'Energy Review' });
    expect(md.text).toBe(readFileSync(join(fixtures, 'pipelines.md'), 'utf8'));
    expect(md.dropped.some((b) => b.text === 'Share This Article')).toBe(true);
    for (const c of store.claims().filter((x) => x.docId === md.id)) expect(md.text.slice(c.start, c.end)).toBe(c.text);
    store.close();
  });

  it('reads the main content of HTML through Readability, without navigation or footer', async () => {
    const { store } = await load();
    const html = store.document('arctic')!;
    expect(html).toMatchObject({ format: 'html', authors: ['Maria Rossi'], date: '2023-11-14', publisher: 'Polar Desk' });
    expect(html.paragraphs.length).toBe(3);
    expect(html.text).not.toMatch(/About us|All rights reserved/);
    const claim = store.claims().find((c) => c.text.includes('60% of the Yamal LNG project'))!;
    expect(claim.kind).toBe('attributed');
    expect(claim.figures[0]).toMatchObject({ value: 60, unit: '%' });
    store.close();
  });

  it('rebuilds PDF paragraphs from lines and drops running headers and page numbers', async () => {
    const { store } = await load();
    const pdf = store.document('report')!;
    expect(pdf.format).toBe('pdf');
    expect(pdf.text).not.toMatch(/\d+\/\d+\s*$/m);
    expect(pdf.text).not.toMatch(/file:\/\/|PM\b/);
    const para = pdf.paragraphs.find((p) => p.text.startsWith('Analysts at the institute'))!;
    expect(para.text).toContain('38 bcm a year by 2025, which would make China the largest single buyer of Russian gas after the loss of European markets.');
    // the article repeats its four paragraphs: each is kept once
    expect(pdf.paragraphs.filter((p) => p.text.startsWith('Moscow has few alternatives'))).toHaveLength(1);
    store.close();
  });

  it('decodes Latin-1 with a warning, applies the sidecar, and skips empty, binary and identical files with a warning', async () => {
    const { store } = await load();
    const latin = store.document('latin1')!;
    expect(latin.text).toContain('dépendance');
    expect(latin).toMatchObject({ title: 'L’économie russe et la Chine', authors: ['Jean Dupont'], date: '2024-01-05' });
    const codes = store.diagnostics.map((d) => `${d.code} ${d.file}`);
    expect(codes).toEqual(expect.arrayContaining(['corpus/not-utf8 latin1.txt', 'corpus/empty-file empty.txt', 'corpus/binary-file binary.txt']));
    expect(store.diagnostics.find((d) => d.code === 'corpus/duplicate-file')?.message).toMatch(/repeat-of-pipelines\.md is identical to pipelines\.md/);
    expect(store.document('repeat-of-pipelines')).toBeUndefined();
    store.close();
  });
});

describe('the incremental store', () => {
  it('processes only new or changed files, keeps warnings, and re-tags when topics change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-inc-'));
    cpSync(fixtures, dir, { recursive: true });
    const first = await load(dir);
    expect(first.processed.length).toBeGreaterThanOrEqual(5);
    first.store.close();

    const again = await load(dir, first.cacheDir);
    expect(again.processed).toEqual([]);
    expect(again.store.diagnostics.some((d) => d.code === 'corpus/not-utf8')).toBe(true);
    const before = again.store.claims().length;
    again.store.close();

    writeFileSync(join(dir, 'pipelines.md'), readFileSync(join(dir, 'pipelines.md'), 'utf8') + '\nChina will remain the main buyer of Russian pipeline gas for the rest of the decade, most analysts agree.\n');
    writeFileSync(join(dir, 'topics.yaml'), 'energy: [gas, pipeline*]\n');
    const changed = await load(dir, first.cacheDir);
    // Its copy is a copy no more: it is read again, as the document it now is.
    expect(changed.processed).toEqual(['pipelines.md', 'repeat-of-pipelines.md']);
    expect(changed.store.document('repeat-of-pipelines')).toBeDefined();
    expect(changed.store.diagnostics.some((d) => d.code === 'corpus/duplicate-file')).toBe(false);
    const copied = changed.store.claims().filter((c) => c.docId === 'repeat-of-pipelines').length;
    expect(copied).toBeGreaterThan(0);
    expect(changed.store.claims().length).toBe(before + 1 + copied);
    const gas = changed.store.claims().filter((c) => /\bgas\b/i.test(c.text));
    expect(gas.length).toBeGreaterThan(0);
    expect(gas.every((c) => c.topics.includes('energy'))).toBe(true);
    changed.store.close();
  });
});

describe("the topics file's saved copy", () => {
  it('gives the table of the file as it is now, and its parse error on every check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-topics-'));
    writeFileSync(join(dir, 'note.txt'), 'Gas exports to China rose by a fifth last year, the ministry said on Monday.\n');
    writeFileSync(join(dir, 'topics.yaml'), 'energy: [gas, pipeline*]\n');
    const cacheDir = mkdtempSync(join(tmpdir(), 'bd-topics-cache-'));
    const open = () => loadCorpus({ root: dir, corpusDir: dir, cacheDir });
    const topicsOf = async () => {
      const store = await open();
      try {
        return { topics: store.topics(), warnings: store.diagnostics.filter((d) => d.code === 'corpus/bad-topics').map((d) => d.message) };
      } finally {
        store.close();
      }
    };
    expect(await topicsOf()).toEqual({ topics: { energy: ['gas', 'pipeline*'] }, warnings: [] });
    expect(existsSync(join(cacheDir, 'topics.json'))).toBe(true);
    // From the copy: the same table.
    expect(await topicsOf()).toEqual({ topics: { energy: ['gas', 'pipeline*'] }, warnings: [] });

    // The file rewritten: the copy is another file's.
    writeFileSync(join(dir, 'topics.yaml'), 'energy: [gas]\nchina: [Beijing, China]\n');
    expect(await topicsOf()).toEqual({ topics: { energy: ['gas'], china: ['Beijing', 'China'] }, warnings: [] });

    // A file that cannot be parsed says so each time, from the copy too.
    writeFileSync(join(dir, 'topics.yaml'), 'energy: [gas\n');
    const broken = await topicsOf();
    expect(broken.topics).toEqual({});
    expect(broken.warnings).toHaveLength(1);
    expect(broken.warnings[0]).toMatch(/^cannot parse topics: /);
    expect(await topicsOf()).toEqual(broken);

    // A copy of another file's table is not taken for this one's.
    writeFileSync(join(dir, 'topics.yaml'), 'energy: [oil]\n');
    const saved = JSON.parse(readFileSync(join(cacheDir, 'topics.json'), 'utf8'));
    expect(await topicsOf()).toEqual({ topics: { energy: ['oil'] }, warnings: [] });
    writeFileSync(join(cacheDir, 'topics.json'), JSON.stringify({ ...saved, entries: [['energy', ['coal']]] }));
    expect((await topicsOf()).topics).toEqual({ energy: ['oil'] });
  });
});

describe('a wire headline that opens on a company in angle brackets (Reuters-21578, acq: 59 of 925 stories)', () => {
  const text = '<HOECHST AG> COMPLETES CELANESE <CZ> ACQUISITION\n\n2-MAR-1987 12:30:22.84\n\nSOMERVILLE, N.J., March 2 - Hoechst AG of West Germany said\nit has completed the acquisition of Celanese Corp.\n    Hoechst acquired a majority of Celanese shares in a recent\ntender offer at 245 dlrs per common share.\n';
  it('is the title, and the lead stays the first paragraph', () => {
    const { meta, paragraphs } = cleanText(text);
    expect(meta.title).toBe('<HOECHST AG> COMPLETES CELANESE <CZ> ACQUISITION');
    expect(paragraphs[0].text).toMatch(/^SOMERVILLE, N\.J\., March 2 - Hoechst AG of West Germany said/);
  });
});
