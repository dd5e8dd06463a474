/**
 * The record of the last check that left the store matching the corpus folder: a digest of the
 * folder's listing (every file's path, size, modification and change times, in listing order),
 * the files table's version then (`EvidenceBackend.filesVersion`), and what that check reported.
 * While a new listing digests to the same value and the table's version is the same, the folder
 * and the store are as they were when the check found nothing left to do, so the check has
 * nothing to do again: no content key, document id or stored row is looked at. Any file changed
 * in place, added or removed changes the digest; any write to the table, by any process, changes
 * its version; either way the full check runs. A missing or unreadable record only means that.
 *
 * Like the file stamps (`stamps.ts`), a listing with a file written within seconds of the check
 * is not recorded: its time may not tell two writes apart.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import type { Diagnostic } from '../model.ts';

/** Bumped when what the check reports about unchanged files changes. */
export const CHECK_CODE = '1';

/** Times closer than this to the start of the check are not trusted (as in `stamps.ts`). */
export const RACY_MS = 2000;

export interface CheckRecord {
  /** `CHECK_CODE` of the code that made it: a record of other code is not used. */
  code: string;
  /** The files table's version once the check was done. */
  version: string;
  /** `listingDigest` of the folder as the check saw it. */
  listing: string;
  /** The largest article read then (`BRIEFDECK_MAX_ARTICLE_MB`). */
  maxBytes: number;
  /** What the check reported about the files, in order (not the topics file's or the languages' notices). */
  diagnostics: Diagnostic[];
  /** Documents by language, as the store counted them. */
  languages: Array<[string, number]>;
  /** Articles the check did not report as files (duplicates, articles over the size limit). */
  quiet: string[];
}

/**
 * A digest of the listing: each file's path, size and times, in order. Undefined when a file is
 * gone, or (with `racyFrom`) when one was written at `racyFrom` or later.
 */
export function listingDigest(files: readonly string[], statOf: (path: string) => Stats | undefined, racyFrom = Infinity): string | undefined {
  const stamps = new Float64Array(files.length * 3);
  for (let i = 0; i < files.length; i++) {
    const s = statOf(files[i]);
    if (!s || Math.max(s.mtimeMs, s.ctimeMs) >= racyFrom) return undefined;
    stamps[3 * i] = s.size;
    stamps[3 * i + 1] = s.mtimeMs;
    stamps[3 * i + 2] = s.ctimeMs;
  }
  return createHash('sha256').update(files.join('\0')).update('\0\0').update(stamps).digest('hex');
}

/** The record saved in `file` by the code `code`, if any. */
export function readCheckRecord(file: string, code = CHECK_CODE): CheckRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckRecord>;
    const ok =
      r.code === code && typeof r.version === 'string' && typeof r.listing === 'string' && typeof r.maxBytes === 'number' &&
      Array.isArray(r.diagnostics) && Array.isArray(r.languages) && Array.isArray(r.quiet);
    return ok ? (r as CheckRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A record stays true for its listing and version whatever happens later (a change to either
 * gives other values), so an older one is only ever replaced, never withdrawn.
 */
export function saveCheckRecord(file: string, record: CheckRecord): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(record));
    renameSync(tmp, file);
  } catch {
    // A record that cannot be written only means the full check runs next time.
  }
}
