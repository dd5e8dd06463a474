/**
 * The corpus folder as a check sees it: every file but hidden ones (and none in hidden folders),
 * folder by folder, each folder's files in the order it lists them and then its subfolders, with
 * each file's size, modification and change times from one `stat`, taken once per check.
 *
 * The listing's digest (`unchanged.ts`) is made while the folder is walked, from each folder's
 * path, its files' names and their times, so an unchanged corpus is checked without making a
 * path or keeping a `Stats` object per file; the paths are made only when a check has files to
 * look at. Every file is still `stat`ed: on Linux a file rewritten in place changes its own times
 * but not its folder's, so no folder can be skipped for an unchanged time of its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readFolder, walkTree, type ListedFolder } from './listing-walk.mjs';

/** What a check keeps of a file's `stat`. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface Listing {
  /** Every file's path (the folder's path joined with its name), in listing order. */
  readonly entries: string[];
  /** The stat of a listed file, taken while listing; undefined for a path not listed. */
  statOf(path: string): FileStat | undefined;
  /** A digest of every folder's path and its files' names, sizes and times, in listing order. */
  digest: string;
  /** Each folder's path, the digest of its files' names, sizes and times, its files and their bytes. */
  folders: Array<[path: string, digest: string, files: number, bytes: number]>;
  /** The number of files listed. */
  files: number;
  /** The newest modification or change time of any listed file. */
  newest: number;
}

/** A listed folder whose names may still be joined by NUL, as a worker thread sends them. */
type Folder = Omit<ListedFolder, 'names'> & { names: string[] | string };

/** Lists `dir` (nothing when it does not exist) and stats its files, on this thread. */
export function listCorpus(dir: string): Listing {
  return listingOf(existsSync(dir) ? walkTree(dir, sep) : []);
}

/**
 * A listing begun now and finished when asked for. With `threads`, and a corpus folder with
 * subfolders, a worker thread starts at once on the subfolders, one at a time, while this thread
 * does whatever it has to do before it asks for the listing; then it takes the subfolders left
 * alongside the worker (a shared counter hands each out once). The listing is the one
 * `listCorpus` gives: the same folders, in the same order, with the same digests. A worker that
 * cannot start or fails leaves its subfolders to this thread.
 */
export function startListing(dir: string, threads: boolean): { listing(): Promise<Listing> } {
  const alone = { listing: async () => listCorpus(dir) };
  const file = threads ? workerFile() : undefined;
  if (!file || !existsSync(dir)) return alone;
  const entries = readdirSync(dir, { withFileTypes: true });
  const subfolders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  if (subfolders.length < 2) return alone;
  const next = new SharedArrayBuffer(4);
  const walked: Folder[][] = new Array(subfolders.length);
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { dir, sep, subfolders, next } });
  } catch {
    return alone;
  }
  const ended = new Promise<void>((resolve) => {
    worker.on('message', (m: { i?: number; folders?: Folder[]; done?: true; error?: string }) => {
      if (m.folders) walked[m.i!] = m.folders;
      else resolve();
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  return {
    async listing() {
      const { folder: root } = readFolder(dir, sep, entries);
      const counter = new Int32Array(next);
      for (;;) {
        const i = Atomics.add(counter, 0, 1);
        if (i >= subfolders.length) break;
        walked[i] = walkTree(dir + sep + subfolders[i], sep);
      }
      await ended;
      // A subfolder the worker took but did not send back (it failed) is walked here.
      for (let i = 0; i < subfolders.length; i++) walked[i] ??= walkTree(dir + sep + subfolders[i], sep);
      return listingOf([root, ...walked.flat()]);
    },
  };
}

/** The worker's file: beside this one in the sources, an entry point of its own in dist/. */
function workerFile(): URL | undefined {
  const here = import.meta.url;
  if (!here.startsWith('file:')) return undefined;
  if (!here.endsWith('.js')) return new URL('./listing-worker.mjs', here);
  return new URL(here.includes('/chunks/') ? '../listing-worker.js' : './listing-worker.js', here);
}

function listingOf(folders: Folder[]): Listing {
  const hash = createHash('sha256');
  let newest = -Infinity;
  let files = 0;
  for (const f of folders) {
    hash.update(f.path).update('\0').update(f.digest);
    if (f.newest > newest) newest = f.newest;
    files += f.stamps.length / 3;
  }
  const digest = hash.digest('hex');
  const namesOf = (f: Folder) => (typeof f.names === 'string' ? (f.names = f.names ? f.names.split('\0') : []) : f.names);

  // Made when first asked for: the paths, and the position of each (the same strings, so a path
  // taken from `entries` is looked up without being hashed again).
  let entries: string[] | undefined;
  let index: Map<string, number> | undefined;
  let all: Float64Array | undefined;
  const made = () => {
    if (entries) return entries;
    entries = [];
    all = new Float64Array(3 * files);
    for (const f of folders) {
      all.set(f.stamps, 3 * entries.length);
      for (const name of namesOf(f)) entries.push(f.path + sep + name);
    }
    return entries;
  };
  return {
    get entries() {
      return made();
    },
    statOf(path) {
      if (!index) {
        index = new Map();
        const paths = made();
        for (let i = 0; i < paths.length; i++) index.set(paths[i], i);
      }
      const i = index.get(path);
      return i === undefined ? undefined : { size: all![3 * i], mtimeMs: all![3 * i + 1], ctimeMs: all![3 * i + 2] };
    },
    digest,
    folders: folders.map((f) => {
      let bytes = 0;
      for (let i = 0; i < f.stamps.length; i += 3) bytes += f.stamps[i];
      return [f.path, f.digest, f.stamps.length / 3, bytes];
    }),
    files,
    newest,
  };
}
