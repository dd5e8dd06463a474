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
export const CHECK_CODE = '4';

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

/**
 * The record's messages as saved: most are about one file each and differ only in it (12,072
 * "no body text left" at 100,000 articles), so each message's fields other than its file are
 * saved once per kind (`kinds`: the message with its file and the text before the rest left
 * empty, and that rest), and each message as its file and its kind (`files`, `of`; a message of
 * no kind is saved whole, of kind -1). A third of the bytes and of the time to read them back.
 */
interface PackedMessages {
  kinds: Array<{ shape: Diagnostic; rest: string }>;
  files: Array<string | Diagnostic>;
  of: number[];
}

function pack(diagnostics: readonly Diagnostic[]): PackedMessages {
  const packed: PackedMessages = { kinds: [], files: [], of: [] };
  const kinds = new Map<string, number>();
  for (const d of diagnostics) {
    if (typeof d.file !== 'string' || typeof d.message !== 'string' || !d.message.startsWith(d.file)) {
      packed.files.push(d);
      packed.of.push(-1);
      continue;
    }
    const shape = { ...d, file: '', message: '' };
    const rest = d.message.slice(d.file.length);
    const key = `${JSON.stringify(shape)}\0${rest}`;
    let kind = kinds.get(key);
    if (kind === undefined) {
      kind = packed.kinds.push({ shape, rest }) - 1;
      kinds.set(key, kind);
    }
    packed.files.push(d.file);
    packed.of.push(kind);
  }
  return packed;
}

/** The messages `pack` saved, each a new object with its fields in their order; undefined when not such. */
function unpack(packed: Partial<PackedMessages> | undefined): Diagnostic[] | undefined {
  const { kinds, files, of } = packed ?? {};
  if (!Array.isArray(kinds) || !Array.isArray(files) || !Array.isArray(of) || files.length !== of.length) return undefined;
  if (!kinds.every((k) => typeof k?.shape === 'object' && k.shape !== null && typeof k.rest === 'string')) return undefined;
  const out: Diagnostic[] = new Array(files.length);
  for (let i = 0; i < files.length; i++) {
    const kind = kinds[of[i]];
    const file = files[i];
    if (of[i] === -1 && typeof file === 'object' && file !== null) out[i] = file;
    else if (kind && typeof file === 'string') {
      const d = { ...kind.shape };
      d.file = file;
      d.message = file + kind.rest;
      out[i] = d;
    } else return undefined;
  }
  return out;
}

/** The record saved in `file` by the code `code`, if any. */
export function readCheckRecord(file: string, code = CHECK_CODE): CheckRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckRecord> & { messages?: Partial<PackedMessages> };
    const ok =
      r.code === code && typeof r.version === 'string' && typeof r.listing === 'string' && typeof r.maxBytes === 'number' &&
      typeof r.folders === 'object' && r.folders !== null &&
      Array.isArray(r.languages) && Array.isArray(r.quiet) &&
      (r.notices === undefined || Array.isArray(r.notices)) &&
      (r.listed === undefined || typeof r.listed === 'string');
    if (!ok) return undefined;
    const diagnostics = unpack(r.messages);
    if (!diagnostics) return undefined;
    delete r.messages;
    return { ...(r as CheckRecord), diagnostics };
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
    const { diagnostics, ...rest } = record;
    writeFileSync(tmp, JSON.stringify({ ...rest, messages: pack(diagnostics) }));
    renameSync(tmp, file);
  } catch {
    // A record that cannot be written only means the full check runs next time.
  }
}
