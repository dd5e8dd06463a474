/**
 * The corpus stage's own fingerprint: a hash of its source files (cleaning, extraction, the word
 * counts kept at ingest; not the loader and its record of checks, nor the store's backends, whose
 * layouts are versioned on their own). When cleaning or extraction code changes, every stored file is processed again; no
 * version number to forget to bump. `scripts/dist-stamp.mjs` computes the same hash for dist/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Not part of what a stored file holds: the loader (`index.ts`, `load.ts`: which files to read,
 * their ids, which it compares with the stored ones anyway), its listing of the folder
 * (`listing.ts`), the record of its last check that changed nothing (`unchanged.ts`) and this file.
 */
const OWN_BOOKKEEPING = new Set(['index.ts', 'listing.ts', 'load.ts', 'pipeline.ts', 'unchanged.ts']);

/** Whether a file under `src/corpus` counts towards the fingerprint (same rule in dist-stamp.mjs). */
export const inFingerprint = (entry: string): boolean => entry.endsWith('.ts') && !entry.startsWith('store') && !OWN_BOOKKEEPING.has(entry);

declare const __BRIEFDECK_PIPELINE_VERSION__: string | undefined;
export const PIPELINE_VERSION = (() => {
  // Built output carries the hash computed from the sources at build time (scripts/build.mjs).
  if (typeof __BRIEFDECK_PIPELINE_VERSION__ === 'string') return __BRIEFDECK_PIPELINE_VERSION__;
  const dir = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort())
    if (inFingerprint(entry)) hash.update(entry).update(readFileSync(join(dir, entry)));
  return hash.digest('hex').slice(0, 16);
})();
