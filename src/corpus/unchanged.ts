/**
 * The record of the last check that left the store matching the corpus folder: a digest of the
 * folder's listing (every file's path, size, modification and change times, in listing order:
 * `listing.ts`),
 * the files table's version then (`EvidenceBackend.filesVersion`), and what that check reported.
 * While a new listing digests to the same value and the table's version is the same, the folder
 * and the store are as they were when the check found nothing left to do, so the check has
 * nothing to do again: no content key, document id or stored row is looked at. Any file changed
 * in place, added or removed changes the digest; any write to the table, by any process, changes
 * its version; either way the full check runs. A missing or unreadable record only means that.
 *
 * When the table's version is the same but the listing is not, the folders whose own digest is
 * the same still hold the files the check decided on, unchanged: each one's content key is the
 * one stored for it, so only the files of the other folders are hashed (or looked up in the file
 * stamps), though every file still goes through the check's bookkeeping (duplicates, ids).
 *
 * Like the file stamps (`stamps.ts`), a listing with a file written within seconds of the check
 * is not recorded: its time may not tell two writes apart.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Diagnostic } from '../model.ts';

/** Bumped when what the check reports about unchanged files, or how the listing is digested, changes. */
export const CHECK_CODE = '3';

/** Times closer than this to the start of the check are not trusted (as in `stamps.ts`). */
export const RACY_MS = 2000;

export interface CheckRecord {
  /** `CHECK_CODE` of the code that made it: a record of other code is not used. */
  code: string;
  /** The files table's version once the check was done. */
  version: string;
  /** The digest of the folder's listing (`listing.ts`) as the check saw it. */
  listing: string;
  /**
   * The digest of the folder as GNU find listed it just before (`listedByFind`), where there is
   * one: while it is the same, a check need not list the folder itself.
   */
  listed?: string;
  /** Each folder's digest then, by path (`Listing.folders`). */
  folders: Record<string, string>;
  /** The largest article read then (`BRIEFDECK_MAX_ARTICLE_MB`). */
  maxBytes: number;
  /** What the check reported about the files, in order (not the topics file's or the languages' notices). */
  diagnostics: Diagnostic[];
  /** Documents by language, as the store counted them. */
  languages: Array<[string, number]>;
  /** The notices about documents in languages extraction does not read (naming a language loads ICU's names). */
  notices?: Diagnostic[];
  /** Articles the check did not report as files (duplicates, articles over the size limit). */
  quiet: string[];
}

/** The record saved in `file` by the code `code`, if any. */
export function readCheckRecord(file: string, code = CHECK_CODE): CheckRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckRecord>;
    const ok =
      r.code === code && typeof r.version === 'string' && typeof r.listing === 'string' && typeof r.maxBytes === 'number' &&
      typeof r.folders === 'object' && r.folders !== null &&
      Array.isArray(r.diagnostics) && Array.isArray(r.languages) && Array.isArray(r.quiet) &&
      (r.notices === undefined || Array.isArray(r.notices)) &&
      (r.listed === undefined || typeof r.listed === 'string');
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
