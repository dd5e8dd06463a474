/**
 * The record of a check that left nothing to do (`src/corpus/unchanged.ts`): while the corpus
 * folder lists the same files with the same sizes and times and the files table has the same
 * version, a check reports what that check reported without looking at keys, ids or rows. A file
 * changed in place, added, removed or given a sidecar, or a table written by another process, is
 * still seen, and a check reports and tells progress alike either way.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleOn } from '../support/article.ts';
import { loadCorpus, loadCorpusWith } from '../../src/corpus/index.ts';
import { spawnSync } from 'node:child_process';
import { SqliteBackend } from '../../src/corpus/store/sqlite.ts';
import { CHECK_CODE, RACY_MS, readCheckRecord, saveCheckRecord, type CheckRecord } from '../../src/corpus/unchanged.ts';
import type { Diagnostic } from '../../src/model.ts';

const ARTICLE = articleOn;

let root: string;
const cache = () => join(root, '.cache', 'briefdeck');
const recordFile = () => join(cache(), 'corpus-check.json');
const corpus = (...parts: string[]) => join(root, 'corpus', ...parts);
/** Files written just now are not recorded (their times may not tell two writes apart): wait them out. */
const aged = () => new Promise((done) => setTimeout(done, RACY_MS + 150));

async function check(at = root) {
  const files: Array<[string, boolean]> = [];
  const store = await loadCorpus({ root: at, onFile: (path, processed) => files.push([path, processed]) });
  try {
    const docs = store.documents();
    return {
      ids: docs.map((d) => d.id).sort(),
      titles: docs.map((d) => d.title).sort(),
      texts: new Map(docs.map((d) => [d.id, store.document(d.id)!.text])),
      diagnostics: store.diagnostics,
      files,
    };
  } finally {
    store.close();
  }
}

/** Marks the record, so a check that uses it says so in its report. */
function markRecord(): void {
  const record = readCheckRecord(recordFile())!;
  record.diagnostics.push({ severity: 'info', file: 'corpus', code: 'test/from-record', message: 'reported from the record' });
  saveCheckRecord(recordFile(), record);
}
const fromRecord = (r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.some((d) => d.code === 'test/from-record');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bd-unchanged-'));
  mkdirSync(corpus('a'), { recursive: true });
  writeFileSync(corpus('a', 'one.txt'), ARTICLE('wheat'));
  writeFileSync(corpus('two.txt'), ARTICLE('coffee'));
  // Two messages: a duplicate (not reported as a file) and a page of links.
  writeFileSync(corpus('two-copy.txt'), ARTICLE('coffee'));
  writeFileSync(corpus('menu.txt'), 'Home | News | Contact\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the record of a check that changed nothing', () => {
  it('is not made from files written moments before the check', async () => {
    await check();
    expect(existsSync(recordFile())).toBe(false);
  });

  it('gives the same report and progress as a full check, and is used while nothing changes', async () => {
    await aged();
    const full = await check();
    expect(existsSync(recordFile())).toBe(true);
    expect(full.diagnostics.map((d) => d.code)).toContain('corpus/duplicate-file');
    markRecord();
    const quick = await check();
    expect(fromRecord(quick)).toBe(true);
    expect(quick.diagnostics.filter((d) => d.code !== 'test/from-record')).toEqual(full.diagnostics);
    expect(quick.ids).toEqual(full.ids);
    // The same files reported as unchanged, in the same order (a full check made no document of them yet).
    expect(quick.files).toEqual(full.files.map(([path]) => [path, false]));
    const duplicate = full.diagnostics.find((d) => d.code === 'corpus/duplicate-file')!.file;
    expect(quick.files.map(([p]) => p)).not.toContain(duplicate);
  });

  it('is not used once a file is changed in place (same size), added or removed', async () => {
    await aged();
    await check();
    markRecord();
    expect(ARTICLE('maize').length).toBe(ARTICLE('wheat').length);
    writeFileSync(corpus('a', 'one.txt'), ARTICLE('maize'));
    let seen = await check();
    expect(fromRecord(seen)).toBe(false);
    expect(seen.texts.get('a/one')).toContain('maize');

    writeFileSync(corpus('a', 'three.txt'), ARTICLE('copper'));
    seen = await check();
    expect(fromRecord(seen)).toBe(false);
    expect(seen.ids).toContain('a/three');

    unlinkSync(corpus('a', 'one.txt'));
    seen = await check();
    expect(fromRecord(seen)).toBe(false);
    expect(seen.ids).not.toContain('a/one');
  });

  it('is not used once an article gets a sidecar', async () => {
    await aged();
    await check();
    markRecord();
    writeFileSync(corpus('a', 'one.txt.meta.yaml'), 'title: Wheat quota talks\n');
    const seen = await check();
    expect(fromRecord(seen)).toBe(false);
    expect(seen.titles).toContain('Wheat quota talks');

  });

  it('is not used once another process has written to the files table', async () => {
    await aged();
    const before = await check();
    markRecord();
    // Another process drops a file's rows: the record still holds it as stored.
    const other = new SqliteBackend(join(cache(), 'evidence.db'));
    other.removeFile('corpus/two.txt');
    other.close();
    const seen = await check();
    expect(fromRecord(seen)).toBe(false);
    expect(seen.ids).toEqual(before.ids);
  });

  it('is made again by a check that changed the store, once its files are old enough', async () => {
    await aged();
    await check();
    writeFileSync(corpus('a', 'three.txt'), ARTICLE('copper'));
    await aged();
    const full = await check();
    expect(full.files).toContainEqual(['corpus/a/three.txt', true]);
    markRecord();
    const quick = await check();
    expect(fromRecord(quick)).toBe(true);
    expect(quick.ids).toContain('a/three');
    expect(quick.diagnostics.filter((d) => d.code !== 'test/from-record')).toEqual(full.diagnostics);
  });

  it('lets a check after a change look only at the folders changed, and decide as a full check does', async () => {
    mkdirSync(corpus('b'), { recursive: true });
    writeFileSync(corpus('a', 'x.txt'), ARTICLE('maize'));
    writeFileSync(corpus('b', 'coffee.txt'), ARTICLE('coffee'));
    const stampsFile = join(cache(), 'file-stamps.json');
    /** A full check of the same files from scratch, in a project of its own. */
    const fresh = async () => {
      const other = mkdtempSync(join(tmpdir(), 'bd-unchanged-fresh-'));
      try {
        cpSync(join(root, 'corpus'), join(other, 'corpus'), { recursive: true });
        const r = await check(other);
        return { ids: r.ids, titles: r.titles, texts: r.texts, diagnostics: r.diagnostics, files: r.files.map(([p]) => p).sort() };
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    };
    const same = async () => {
      const r = await check();
      expect({ ids: r.ids, titles: r.titles, texts: r.texts, diagnostics: r.diagnostics, files: r.files.map(([p]) => p).sort() }).toEqual(await fresh());
      return r;
    };
    await aged();
    await check();
    expect(existsSync(recordFile())).toBe(true);

    // a/x.txt now holds what b/coffee.txt holds: it comes first, so the file of the unchanged
    // folder b becomes the copy. The stamps of the corpus are neither read nor written for it.
    const stamps = readFileSync(stampsFile, 'utf8');
    writeFileSync(corpus('a', 'x.txt'), ARTICLE('coffee'));
    await aged();
    let seen = await same();
    expect(seen.ids).not.toContain('b/coffee');
    expect(seen.files).toContainEqual(['corpus/a/x.txt', true]);
    expect(readFileSync(stampsFile, 'utf8')).toBe(stamps);

    // The first copy gone, the one in b is the document again (it is read again: the store held
    // it as a copy).
    unlinkSync(corpus('a', 'x.txt'));
    await aged();
    seen = await same();
    expect(seen.ids).toContain('b/coffee');

    // A file added to the changed folder.
    writeFileSync(corpus('a', 'three.txt'), ARTICLE('copper'));
    await aged();
    seen = await same();
    expect(seen.ids).toContain('a/three');
    expect(readFileSync(stampsFile, 'utf8')).toBe(stamps);
  });

  it('reports the notices about other languages it recorded, and records them when the record has none', async () => {
    await aged();
    await check();
    type Record = { languages: Array<[string, number]>; notices?: Array<{ code: string; message: string }> };
    const read = () => JSON.parse(readFileSync(recordFile(), 'utf8')) as Record;
    const notice = { severity: 'warning', file: 'corpus', code: 'test/language', message: 'from the record' };
    writeFileSync(recordFile(), JSON.stringify({ ...read(), languages: [['en', 2], ['es', 1]], notices: [notice] }));
    expect((await check()).diagnostics.filter((d) => d.code.includes('language'))).toEqual([notice]);
    // A record of older code (no notices): they are worked out, and saved with it once.
    const { notices: _n, ...older } = read();
    writeFileSync(recordFile(), JSON.stringify(older));
    const made = (await check()).diagnostics.filter((d) => d.code.includes('language'));
    expect(made.map((d) => d.message)).toEqual([expect.stringContaining('1 document in Spanish (es)')]);
    expect(read().notices).toEqual(made);
    expect((await check()).diagnostics.filter((d) => d.code.includes('language'))).toEqual(made);
  });
});

/** GNU find with `-printf` (Linux): elsewhere the check lists the folder itself. */
const gnuFind = process.platform === 'linux' && spawnSync('find', ['.', '-maxdepth', '0', '-printf', '%y'], { encoding: 'utf8' }).stdout === 'd';

describe.runIf(gnuFind)('a check that lets GNU find list the folder', () => {
  /** A check without progress per file (as `claims` makes it), and a search done with it. */
  async function search(word: string) {
    let asked = 0;
    const { store, result } = await loadCorpusWith({ root }, (s) => {
      asked++;
      return [...new Set(s.searchClaims({ text: word, limit: 5 }).map((c) => c.docId))];
    });
    try {
      return { found: result, asked, diagnostics: store.diagnostics, ids: store.documents().map((d) => d.id).sort() };
    } finally {
      store.close();
    }
  }
  const listedIn = () => (JSON.parse(readFileSync(recordFile(), 'utf8')) as { listed?: string }).listed;

  /** A full check (with progress per file: it records no listing of GNU find's), then one without, which records it. */
  async function settled() {
    await aged();
    const full = await check();
    expect(listedIn()).toBeUndefined();
    // (Asked once: without GNU find's listing in the record, nothing is answered ahead.)
    expect((await search('wheat')).asked).toBe(1);
    expect(listedIn()).toMatch(/^[0-9a-f]{64}$/);
    return full;
  }

  it('records its listing, and answers from the store as it stands while nothing changed', async () => {
    const full = await settled();
    markRecord();
    const quick = await search('wheat');
    expect(fromRecord(quick)).toBe(true);
    // The search ran once, while the folder was listed, and its answer was kept.
    expect(quick.asked).toBe(1);
    expect(quick.found).toEqual(['a/one']);
    expect(quick.ids).toEqual(full.ids);
    expect(quick.diagnostics.filter((d) => d.code !== 'test/from-record')).toEqual(full.diagnostics);
  });

  it('sees a file changed in place (same size), added or removed, and answers from the store brought up to date', async () => {
    await settled();
    markRecord();
    expect(ARTICLE('maize').length).toBe(ARTICLE('wheat').length);
    writeFileSync(corpus('a', 'one.txt'), ARTICLE('maize'));
    let seen = await search('maize');
    expect(fromRecord(seen)).toBe(false);
    // Asked once of the store as it stood (nothing), once more of the store brought up to date.
    expect(seen.asked).toBe(2);
    expect(seen.found).toEqual(['a/one']);
    expect((await search('wheat')).found).toEqual([]);

    await aged();
    await search('maize');
    markRecord();
    writeFileSync(corpus('a', 'three.txt'), ARTICLE('copper'));
    seen = await search('copper');
    expect(fromRecord(seen)).toBe(false);
    expect(seen.found).toEqual(['a/three']);

    unlinkSync(corpus('a', 'three.txt'));
    seen = await search('copper');
    expect(seen.found).toEqual([]);
    expect(seen.ids).not.toContain('a/three');
  });

  it('is not trusted once another process has written to the files table', async () => {
    await aged();
    const before = await check();
    markRecord();
    const other = new SqliteBackend(join(cache(), 'evidence.db'));
    other.removeFile('corpus/a/one.txt');
    other.close();
    const seen = await search('wheat');
    expect(fromRecord(seen)).toBe(false);
    expect(seen.found).toEqual(['a/one']);
    expect(seen.ids).toEqual(before.ids);
  });

  it('asks again once the files table is written while it answers', async () => {
    await settled();
    let asked = 0;
    const { store, result } = await loadCorpusWith({ root }, (s) => {
      // Another process drops a file's rows while the search runs on the store as it stands.
      if (asked++ === 0) {
        const other = new SqliteBackend(join(cache(), 'evidence.db'));
        other.removeFile('corpus/a/one.txt');
        other.close();
      }
      return [...new Set(s.searchClaims({ text: 'wheat', limit: 5 }).map((c) => c.docId))];
    });
    store.close();
    expect(asked).toBe(2);
    expect(result).toEqual(['a/one']);
  });

  it('records its listing with a record made without it, once the check finds the folder unchanged', async () => {
    await aged();
    process.env.BRIEFDECK_FIND_LISTING = '0';
    try {
      await check();
      expect(listedIn()).toBeUndefined();
      expect((await search('wheat')).asked).toBe(1);
    } finally {
      delete process.env.BRIEFDECK_FIND_LISTING;
    }
    markRecord();
    // The check's own listing finds the record's files: GNU find's listing is saved with it.
    const first = await search('wheat');
    expect(fromRecord(first)).toBe(true);
    expect(listedIn()).toMatch(/^[0-9a-f]{64}$/);
    expect((await search('wheat')).found).toEqual(['a/one']);
  });
});


describe("the record's messages", () => {
  it('read back as they were reported, each field in its place, however they were saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-record-'));
    try {
      const file = join(dir, 'corpus-check.json');
      const diagnostics: Diagnostic[] = [
        ...Array.from({ length: 3 }, (_, i): Diagnostic => ({ severity: 'warning', file: `corpus/a${i}.txt`, code: 'corpus/no-body', message: `corpus/a${i}.txt: no body text left after cleaning`, hint: 'see `briefdeck corpus show` for what was dropped' })),
        { severity: 'info', file: 'corpus/b.txt', code: 'corpus/duplicate-file', message: 'corpus/b.txt is identical to corpus/a0.txt', verbose: true },
        { file: 'corpus/c.txt', severity: 'warning', code: 'corpus/not-utf8', message: 'corpus/c.txt: decoded as latin1', line: 3, column: 9 },
        { severity: 'warning', file: 'corpus/d.txt', code: 'corpus/no-body', message: 'no body at all (the file is not named first)' },
        { severity: 'warning', file: 'corpus/a3.txt', code: 'corpus/no-body', message: 'corpus/a3.txt: no body text left after cleaning', hint: 'another hint' },
        { severity: 'warning', file: '', code: 'corpus/empty-file', message: ': empty' },
        { severity: 'warning', file: 'corpus/a4.txt', code: 'corpus/no-body', message: 'corpus/a4.txt: no body text left after cleaning', hint: 'see `briefdeck corpus show` for what was dropped' },
      ];
      const record: CheckRecord = { code: CHECK_CODE, version: 'v1', listing: 'l', folders: { corpus: 'f' }, maxBytes: 1, diagnostics, languages: [['en', 9]], quiet: [] };
      saveCheckRecord(file, record);
      const read = readCheckRecord(file)!;
      expect(read).toEqual(record);
      expect(read.diagnostics.map((d) => JSON.stringify(d))).toEqual(diagnostics.map((d) => JSON.stringify(d)));
      // Saved once per kind: the repeated fields are not written out for each file.
      expect(readFileSync(file, 'utf8').split('no body text left after cleaning')).toHaveLength(3);
      expect(read.diagnostics[0]).not.toBe(read.diagnostics[1]);

      // A record whose messages do not hold together is no record.
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      for (const broken of [{ ...saved.messages, of: saved.messages.of.slice(1) }, { ...saved.messages, of: saved.messages.of.map(() => 7) }, undefined]) {
        writeFileSync(file, JSON.stringify({ ...saved, messages: broken }));
        expect(readCheckRecord(file)).toBeUndefined();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
