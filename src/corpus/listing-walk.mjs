/**
 * The walk behind the corpus check's listing (`listing.ts`): a folder's files (not hidden ones),
 * each with the size, modification and change times of one `stat`, and a digest of their names
 * and times; and a folder with every folder under it, in listing order (a folder's files, then
 * each subfolder in turn). Plain JavaScript, so that a worker thread (`listing-worker.mjs`) runs
 * the same code as the main thread wherever the sources run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';

/**
 * Reads one folder (its entries as `readdirSync(path, { withFileTypes: true })` gives them, read
 * now unless given): its files' names and stamps (size, mtimeMs, ctimeMs of `names[i]` at 3i,
 * 3i+1, 3i+2), their digest and newest time, and the names of its subfolders.
 */
export function readFolder(path, sep, entries = readdirSync(path, { withFileTypes: true })) {
  const stamps = new Float64Array(3 * entries.length);
  const names = [];
  const subfolders = [];
  let newest = -Infinity;
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
  return { folder: { path, digest, names, stamps: own, newest }, subfolders };
}

/** `path` and every folder under it, in listing order. */
export function walkTree(path, sep, out = []) {
  const { folder, subfolders } = readFolder(path, sep);
  out.push(folder);
  for (const name of subfolders) walkTree(path + sep + name, sep, out);
  return out;
}
