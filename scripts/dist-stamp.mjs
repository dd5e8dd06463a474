/**
 * What `dist/` was built from: one hash over the sources and everything else that shapes the
 * bundle (build script, package manifest and lockfile). `dist/stamp.json` records it; the
 * bootstrap rebuilds when it differs, and a test fails when it does. Plain Node: it runs before
 * any dependency exists.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = join(root, 'dist');
export const stampFile = join(distDir, 'stamp.json');

/** Hash of the files under `dir` whose names end in `ext` (and pass `keep`), in path order. */
export function hashTree(dir, ext = '.ts', hash = createHash('sha256'), keep = () => true) {
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort())
    if (entry.endsWith(ext) && keep(entry)) hash.update(entry).update(readFileSync(join(dir, entry)));
  return hash;
}

export function sourceHash() {
  // TypeScript, and the plain JavaScript modules worker threads run as they are.
  const hash = hashTree(join(root, 'src'), '.mjs', hashTree(join(root, 'src')));
  for (const file of ['scripts/build.mjs', 'scripts/dist-stamp.mjs', 'scripts/ngrams.mjs', 'scripts/date-patterns.mjs', 'src/corpus/date-locales.json', 'package.json', 'package-lock.json'])
    hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The corpus stage's fingerprint: stored files are processed again when its code changes. The
 * same files as `src/corpus/pipeline.ts` hashes: not the loader (index.ts, load.ts, listing.ts, unchanged.ts), that file itself, nor
 * the store's backends (store/), whose layouts are versioned on their own.
 */
export function corpusPipelineVersion() {
  const keep = (entry) => !entry.startsWith('store') && !['index.ts', 'listing.ts', 'load.ts', 'pipeline.ts', 'unchanged.ts'].includes(entry);
  return hashTree(join(root, 'src', 'corpus'), '.ts', createHash('sha256'), keep).digest('hex').slice(0, 16);
}

/** Why `dist/` must be rebuilt, or null when it matches the sources. */
export function staleReason() {
  if (!existsSync(stampFile)) return 'dist/ is missing';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return 'dist/stamp.json is unreadable';
  }
  return stamp.source === sourceHash() ? null : 'dist/ is older than src/';
}
