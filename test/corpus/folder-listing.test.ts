/**
 * The corpus check's listing (`src/corpus/listing.ts`): every file but hidden ones and none in
 * hidden folders, each with the size and times of one stat; its digest changes with any file's
 * name, folder, size or times, however deep, and stays the same while nothing changes.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCorpus, startListing, type Listing } from '../../src/corpus/listing.ts';

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-listing-'));
  mkdirSync(at('a', 'b', 'c'), { recursive: true });
  mkdirSync(at('.git'), { recursive: true });
  mkdirSync(at('a', '.drafts'), { recursive: true });
  writeFileSync(at('top.txt'), 'top');
  writeFileSync(at('a', 'one.txt'), 'one');
  writeFileSync(at('a', 'b', 'c', 'deep.txt'), 'deep');
  writeFileSync(at('.hidden.txt'), 'no');
  writeFileSync(at('.git', 'HEAD'), 'no');
  writeFileSync(at('a', '.drafts', 'draft.txt'), 'no');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the corpus listing', () => {
  it('lists every file but hidden ones, with the stat of each', () => {
    symlinkSync(at('a', 'one.txt'), at('link.txt'));
    const listing = listCorpus(dir);
    expect([...listing.entries].sort()).toEqual([at('a', 'b', 'c', 'deep.txt'), at('a', 'one.txt'), at('top.txt')]);
    for (const path of listing.entries) {
      const s = statSync(path);
      expect(listing.statOf(path)).toEqual({ size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs });
    }
    expect(listing.statOf(at('.hidden.txt'))).toBeUndefined();
    expect(listing.newest).toBe(Math.max(...listing.entries.map((p) => Math.max(statSync(p).mtimeMs, statSync(p).ctimeMs))));
    expect(listCorpus(at('missing')).entries).toEqual([]);
  });

  it('digests the same while nothing changes, and otherwise differently', () => {
    const digest = listCorpus(dir).digest;
    expect(listCorpus(dir).digest).toBe(digest);
    // A hidden file changing is not the corpus changing.
    writeFileSync(at('a', '.drafts', 'draft.txt'), 'still not');
    expect(listCorpus(dir).digest).toBe(digest);

    // A file deep down rewritten in place with the same size: only its own times tell.
    const deep = at('a', 'b', 'c', 'deep.txt');
    const before = statSync(deep);
    writeFileSync(deep, 'DEEP');
    utimesSync(deep, before.atime, new Date(before.mtimeMs + 5000));
    const changed = listCorpus(dir).digest;
    expect(changed).not.toBe(digest);

    // The same names in other folders.
    renameSync(deep, at('a', 'b', 'deep.txt'));
    expect(listCorpus(dir).digest).not.toBe(changed);
  });

  it('is the same listing when a second thread walks some of the subfolders', async () => {
    // Subfolders enough for both threads to take some, nested ones, an empty one, hidden ones.
    for (let i = 0; i < 12; i++) {
      mkdirSync(at(`p${i}`, 'q'), { recursive: true });
      for (let k = 0; k < 30; k++) writeFileSync(at(`p${i}`, `f${k}.txt`), `${i} ${k}`.repeat(k + 1));
      writeFileSync(at(`p${i}`, 'q', 'deep.txt'), `deep ${i}`);
    }
    mkdirSync(at('empty'));
    const plain = (l: Listing) => ({
      entries: l.entries,
      stats: l.entries.map((p) => l.statOf(p)),
      digest: l.digest,
      folders: l.folders,
      files: l.files,
      newest: l.newest,
    });
    const alone = plain(listCorpus(dir));
    expect(alone.files).toBe(12 * 31 + 3);
    for (let round = 0; round < 3; round++) expect(plain(await startListing(dir, true).listing())).toEqual(alone);
    expect(plain(await startListing(dir, false).listing())).toEqual(alone);
    expect((await startListing(at('missing'), true).listing()).entries).toEqual([]);
  });

  it('has a second thread that walks the subfolders it is handed, in the sources and in dist/', async () => {
    mkdirSync(at('b', 'x'), { recursive: true });
    writeFileSync(at('b', 'x', 'one.txt'), 'one');
    const subfolders = ['a', 'b'];
    for (const file of [new URL('../../src/corpus/listing-worker.mjs', import.meta.url), new URL('../../dist/listing-worker.js', import.meta.url)]) {
      const worker = new Worker(file, { workerData: { dir, sep: '/', subfolders, next: new SharedArrayBuffer(4) } });
      const posted: Array<{ i?: number; folders?: Array<{ path: string; names: string }>; done?: boolean }> = [];
      await new Promise<void>((done, fail) => {
        worker.on('message', (m) => posted.push(m));
        worker.on('error', fail);
        worker.on('exit', () => done());
      });
      expect(posted.at(-1)).toEqual({ done: true });
      expect(posted.slice(0, -1).map((m) => [m.i, m.folders!.map((f) => [f.path, f.names])])).toEqual([
        [0, [[at('a'), 'one.txt'], [at('a', 'b'), ''], [at('a', 'b', 'c'), 'deep.txt']]],
        [1, [[at('b'), ''], [at('b', 'x'), 'one.txt']]],
      ]);
    }
  });
});
