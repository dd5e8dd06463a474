/**
 * The corpus check's listing (`src/corpus/listing.ts`): every file but hidden ones and none in
 * hidden folders, each with the size and times of one stat; its digest changes with any file's
 * name, folder, size or times, however deep, and stays the same while nothing changes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderListing, listCorpus, listedByFind, listFolderEarly } from '../../src/corpus/listing.ts';
import { spawnSync } from 'node:child_process';

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
});

/** GNU find with `-printf` (Linux): elsewhere the check lists the folder itself. */
const gnuFind = process.platform === 'linux' && spawnSync('find', ['.', '-maxdepth', '0', '-printf', '%y'], { encoding: 'utf8' }).stdout === 'd';

describe.runIf(gnuFind)('the folder as GNU find lists it', () => {
  it('digests the same while nothing changes, and otherwise differently', async () => {
    const digest = await listedByFind(dir);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await listedByFind(dir)).toBe(digest);
    // Another folder of the same tree is another listing.
    expect(await listedByFind(at('a'))).not.toBe(digest);

    // A file rewritten in place with the same size and the same modification time: its change
    // time tells (the check's own listing sees the same).
    const deep = at('a', 'b', 'c', 'deep.txt');
    const before = statSync(deep);
    await new Promise((done) => setTimeout(done, 20));
    writeFileSync(deep, 'DEEP');
    utimesSync(deep, before.atime, before.mtime);
    expect(statSync(deep).ctimeMs).not.toBe(before.ctimeMs);
    const changed = await listedByFind(dir);
    expect(changed).not.toBe(digest);
    expect(await listedByFind(dir)).toBe(changed);

    renameSync(deep, at('a', 'b', 'deep.txt'));
    expect(await listedByFind(dir)).not.toBe(changed);
  });

  it('follows a corpus folder that is a link, as the check does', async () => {
    const link = `${dir}-link`;
    symlinkSync(dir, link);
    try {
      const digest = await listedByFind(link);
      const deep = at('a', 'b', 'c', 'deep.txt');
      const before = statSync(deep);
      writeFileSync(deep, 'DEEP');
      utimesSync(deep, before.atime, new Date(before.mtimeMs + 5000));
      expect(await listedByFind(link)).not.toBe(digest);
    } finally {
      rmSync(link);
    }
  });

  it('hands a listing started early to the next check of that folder, and only to it', async () => {
    listFolderEarly(dir);
    await new Promise((done) => setTimeout(done, 5));
    const other = folderListing(at('a'));
    const mine = folderListing(dir);
    const again = folderListing(dir);
    // Started before the others (its start is what the check trusts times against).
    expect(mine.started).toBeLessThan(other.started);
    expect(again.started).toBeGreaterThanOrEqual(other.started);
    expect(await mine.digest).toBe(await again.digest);
    expect(await other.digest).toBe(await listedByFind(at('a')));
  });

  describe('by two finds, each given half the subfolders', () => {
    let outside: string;
    beforeEach(() => {
      process.env.BRIEFDECK_FIND_PROCESSES = '2';
      for (const folder of ['x', 'y', 'z']) {
        mkdirSync(at(folder, 'inner'), { recursive: true });
        writeFileSync(at(folder, 'one.txt'), `one of ${folder}`);
        writeFileSync(at(folder, 'inner', 'two.txt'), `two of ${folder}`);
      }
      outside = mkdtempSync(join(tmpdir(), 'bd-listing-outside-'));
      writeFileSync(join(outside, 'far.txt'), 'far');
      symlinkSync(outside, at('linked'));
    });
    afterEach(() => {
      delete process.env.BRIEFDECK_FIND_PROCESSES;
      rmSync(outside, { recursive: true, force: true });
    });

    it('catches a file rewritten in place, added, removed or moved in any of them, as one find does', async () => {
      const digest = await listedByFind(dir);
      expect(digest).toMatch(/^[0-9a-f]{64}$/);
      expect(await listedByFind(dir)).toBe(digest);
      process.env.BRIEFDECK_FIND_PROCESSES = '1';
      const single = await listedByFind(dir);
      process.env.BRIEFDECK_FIND_PROCESSES = '2';
      let last = digest;
      /** Each change is seen by both ways of listing, and the listing is stable after it. */
      const changes = async (what: string, change: () => void) => {
        process.env.BRIEFDECK_FIND_PROCESSES = '1';
        const singleBefore = await listedByFind(dir);
        process.env.BRIEFDECK_FIND_PROCESSES = '2';
        await new Promise((done) => setTimeout(done, 20));
        change();
        const now = await listedByFind(dir);
        expect(now, what).not.toBe(last);
        expect(await listedByFind(dir), what).toBe(now);
        process.env.BRIEFDECK_FIND_PROCESSES = '1';
        expect(await listedByFind(dir), what).not.toBe(singleBefore);
        process.env.BRIEFDECK_FIND_PROCESSES = '2';
        last = now;
      };
      expect(single).not.toBe(digest);

      // Every folder, whichever find walks it: a file rewritten with the same size and times but
      // its change time, deep or not.
      for (const path of [at('x', 'inner', 'two.txt'), at('y', 'inner', 'two.txt'), at('z', 'one.txt'), at('top.txt')]) {
        const before = statSync(path);
        await changes(`${path} rewritten in place`, () => {
          writeFileSync(path, readFileSync(path, 'utf8').toUpperCase());
          utimesSync(path, before.atime, before.mtime);
        });
      }
      await changes('a file added', () => writeFileSync(at('y', 'inner', 'new.txt'), 'new'));
      await changes('a file removed', () => rmSync(at('y', 'inner', 'new.txt')));
      await changes('a file moved to a folder the other find walks', () => renameSync(at('x', 'one.txt'), at('y', 'moved.txt')));
      await changes('a folder renamed', () => renameSync(at('z'), at('w')));
      await changes('a folder added at the top', () => mkdirSync(at('v')));
      await changes('a file added at the top', () => writeFileSync(at('second.txt'), 'second'));

      // Hidden entries, and what a link inside points to, are not the corpus (as for one find).
      const still = await listedByFind(dir);
      mkdirSync(at('.cache'));
      writeFileSync(at('.cache', 'x.json'), '{}');
      writeFileSync(at('a', '.drafts', 'draft.txt'), 'still not');
      writeFileSync(join(outside, 'far.txt'), 'farther');
      expect(await listedByFind(dir)).toBe(still);
    });
  });

  it('gives nothing for a folder it cannot list, or when turned off', async () => {
    expect(await listedByFind(at('missing'))).toBeUndefined();
    process.env.BRIEFDECK_FIND_LISTING = '0';
    try {
      expect(await listedByFind(dir)).toBeUndefined();
    } finally {
      delete process.env.BRIEFDECK_FIND_LISTING;
    }
  });
});

