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
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync, unlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, sep } from 'node:path';

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
  /** The newest modification or change time of any listed file. */
  newest: number;
}

interface Folder {
  path: string;
  digest: string;
  names: string[];
  /** size, mtimeMs, ctimeMs of `names[i]` at 3i, 3i+1, 3i+2. */
  stamps: Float64Array;
}

/** Lists `dir` (nothing when it does not exist) and stats its files. */
export function listCorpus(dir: string): Listing {
  const folders: Folder[] = [];
  const hash = createHash('sha256');
  let newest = -Infinity;
  let stamps = new Float64Array(3 * 1024);
  const visit = (path: string) => {
    const entries = readdirSync(path, { withFileTypes: true });
    if (stamps.length < 3 * entries.length) stamps = new Float64Array(3 * entries.length);
    const names: string[] = [];
    const subfolders: string[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        subfolders.push(name);
        continue;
      }
      if (!entry.isFile()) continue;
      // A file removed since the folder was read is not listed.
      const s = statSync(path + sep + name, { throwIfNoEntry: false });
      if (!s) continue;
      const i = 3 * names.length;
      stamps[i] = s.size;
      stamps[i + 1] = s.mtimeMs;
      stamps[i + 2] = s.ctimeMs;
      if (s.mtimeMs > newest) newest = s.mtimeMs;
      if (s.ctimeMs > newest) newest = s.ctimeMs;
      names.push(name);
    }
    const own = stamps.slice(0, 3 * names.length);
    // Names and times, each part ended so that no two listings give the same bytes.
    const digest = createHash('sha256').update(names.join('\0')).update(`\0${names.length}\0`).update(own).digest('hex');
    folders.push({ path, digest, names, stamps: own });
    hash.update(path).update('\0').update(digest);
    for (const name of subfolders) visit(path + sep + name);
  };
  if (existsSync(dir)) visit(dir);
  const digest = hash.digest('hex');

  // Made when first asked for: the paths, and the position of each (the same strings, so a path
  // taken from `entries` is looked up without being hashed again).
  let entries: string[] | undefined;
  let index: Map<string, number> | undefined;
  let all: Float64Array | undefined;
  const made = () => {
    if (entries) return entries;
    entries = [];
    all = new Float64Array(folders.reduce((n, f) => n + f.stamps.length, 0));
    for (const f of folders) {
      all.set(f.stamps, 3 * entries.length);
      for (const name of f.names) entries.push(f.path + sep + name);
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
      return [f.path, f.digest, f.names.length, bytes];
    }),
    newest,
  };
}

/**
 * The folder as GNU find lists it, in processes of their own: every entry under `dir` but hidden
 * ones (and none in hidden folders), `dir` itself included, each with its type, size, modification
 * and change times (to the nanosecond) and its path, in the order the folders list them. Its
 * output is written to a file already unlinked and digested as bytes, never parsed, so Node makes
 * no path string or `Stats` object per file: the walk and its `stat`s (one `fstatat` per entry,
 * relative to its folder) cost the kernel's time in another process, while this one opens the
 * store and answers. It sees everything the check's own listing sees (and more: folders' times,
 * links), so two equal digests mean the same files with the same sizes and times.
 *
 * On a machine with more than one core, a folder holding subfolders is walked by two finds at once
 * (`findProcesses`), each given half of them (and the first, the folder's other entries) as its
 * starting points: the digest is made of the folder's path and, for each find in turn, the
 * entries it was given and its output, so it changes as the single walk's does.
 *
 * Undefined where there is no GNU find (not Linux, or a find without `-printf`: BusyBox's), or
 * when it fails (a folder it cannot read): the check's own listing decides then.
 */
export function listedByFind(dir: string): Promise<string | undefined> {
  return startFind(dir).digest;
}

/** GNU find's listing of a folder under way: when it was asked for, and its digest to come. */
export interface FindListing {
  /** `Date.now()` before find started: files whose times are this recent are not trusted. */
  started: number;
  digest: Promise<string | undefined>;
}

/** Listings started before the check that needs them (`listFolderEarly`), by folder. */
const early = new Map<string, FindListing & { hold(): void }>();

/**
 * Starts GNU find's listing of `dir` now, for the next check of `dir` in this process to take
 * (`folderListing`): `briefdeck claims` starts it before the command line is loaded. It keeps
 * nothing waiting for it: a process that never checks `dir` exits as it would have.
 */
export function listFolderEarly(dir: string): void {
  if (!early.has(dir)) early.set(dir, startFind(dir, true));
}

/** GNU find's listing of `dir`: the one started early for it, else one started now. */
export function folderListing(dir: string): FindListing {
  const listing = early.get(dir);
  if (!listing) return startFind(dir);
  early.delete(dir);
  listing.hold();
  return listing;
}

/**
 * Finds walking one folder at once: two halve the time of the walk (its `stat`s) where two cores
 * are free; one where there is one. `BRIEFDECK_FIND_PROCESSES` sets it (1: one walk of the whole folder).
 */
const findProcesses = () => Math.max(1, Math.min(Math.floor(Number(process.env.BRIEFDECK_FIND_PROCESSES)) || Math.min(2, availableParallelism()), 8));
/** A folder with more entries of its own than this is walked by one find (its entries would all be arguments). */
const MOST_STARTS = 4096;
/** Each entry's type, size, times and path (relative to where its find started), each ended by a NUL. */
const FORMAT = '%y %s %T@ %C@ %P\\0';

/**
 * The starting points of each find over `dir`: its subfolders dealt out in turn, its other entries
 * to the first; undefined when one find walks `dir` itself (one process wanted, fewer than two
 * subfolders, too many entries, or `dir` unreadable: the find then says so).
 */
function startingPoints(dir: string): string[][] | undefined {
  const processes = findProcesses();
  if (processes < 2) return undefined;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  if (entries.length > MOST_STARTS) return undefined;
  const folders: string[] = [];
  const others: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    (entry.isDirectory() ? folders : others).push(dir + sep + entry.name);
  }
  if (folders.length < 2) return undefined;
  const groups: string[][] = Array.from({ length: Math.min(processes, folders.length) }, () => []);
  groups[0].push(...others);
  folders.forEach((path, i) => groups[i % groups.length].push(path));
  return groups;
}

function startFind(dir: string, detached = false): FindListing & { hold(): void } {
  const started = Date.now();
  const none = { started, digest: Promise.resolve(undefined), hold: () => {} };
  if (process.platform !== 'linux' || process.env.BRIEFDECK_FIND_LISTING === '0') return none;
  // `-H`: a corpus folder that is a link is followed, as the check's own listing follows it
  // (links inside are not, there either). `-mindepth 1` keeps `dir` itself out of the pruning
  // of hidden names (it is listed whatever its name). Starting points inside it are named by
  // their path, not followed (`-P`), and are never hidden.
  const groups = startingPoints(dir);
  const walks = groups
    ? groups.map((starts) => runFind(['-P', ...starts, '(', '-name', '.*', '-prune', ')', '-o', '-printf', FORMAT], detached))
    : [runFind(['-H', dir, '(', '-mindepth', '1', '-name', '.*', '-prune', ')', '-o', '-printf', FORMAT], detached)];
  const digest = Promise.all(walks.map((w) => w.output)).then((outputs) => {
    if (outputs.some((o) => o === undefined)) return undefined;
    // The folder's own path first: another folder of the same tree is another listing.
    const hash = createHash('sha256').update(dir).update('\0');
    outputs.forEach((output, i) => hash.update(groups ? `${groups[i].join('\0')}\0\0` : '').update(output!).update('\0'));
    return hash.digest('hex');
  });
  return { started, digest, hold: () => walks.forEach((w) => w.hold()) };
}

/** One find with `args`, its output written to a scratch file: the sha-256 of the output once it exited well. */
function runFind(args: string[], detached: boolean): { output: Promise<string | undefined>; hold(): void } {
  let fd: number;
  try {
    const scratch = join(tmpdir(), `briefdeck-listing-${process.pid}-${randomBytes(6).toString('hex')}`);
    fd = openSync(scratch, 'wx+', 0o600);
    unlinkSync(scratch);
  } catch {
    return { output: Promise.resolve(undefined), hold: () => {} };
  }
  let child: ChildProcess | undefined;
  const output = new Promise<string | undefined>((done) => {
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      let digest: string | undefined;
      try {
        if (ok) digest = digestOf(fd);
      } catch {
        // Unreadable output: no digest.
      }
      closeSync(fd);
      done(digest);
    };
    try {
      child = spawn('find', args, { stdio: ['ignore', fd, 'ignore'], env: { ...process.env, LC_ALL: 'C' } });
    } catch {
      return finish(false);
    }
    child.on('error', () => finish(false));
    child.on('exit', (code, signal) => finish(code === 0 && signal === null));
    if (detached) child.unref();
  });
  return { output, hold: () => child?.ref() };
}

/** The sha-256 of what was written to `fd`, read from its start (the child moved the shared offset). */
function digestOf(fd: number): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (let at = 0; ; ) {
    const n = readSync(fd, chunk, 0, chunk.length, at);
    if (n === 0) break;
    hash.update(chunk.subarray(0, n));
    at += n;
  }
  return hash.digest('hex');
}
