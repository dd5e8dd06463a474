/**
 * A copy of the store's files table (each corpus file's content key, document and messages),
 * saved beside the store with the table's version (`EvidenceBackend.filesVersion`). An unchanged
 * corpus is checked against the copy instead of reading the table row by row, which at 100,000
 * files costs more than statting them. The copy is used only while the store's version is the
 * one it was saved with: any write to the table, by any process, gives the table a new version.
 * A missing, unreadable or stale copy only means the table is read.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Diagnostic } from '../../model.ts';
import type { StoredFile } from './types.ts';

type Row = [path: string, key: string, docId: string | null, diagnostics: Diagnostic[]];

/** The files table as saved with `version`, or undefined when no copy of that version is saved. */
export function readFileTable(file: string, version: string | undefined): Map<string, StoredFile> | undefined {
  if (version === undefined) return undefined;
  let saved: { version?: unknown; rows?: unknown };
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
  } catch {
    return undefined;
  }
  if (saved.version !== version || !Array.isArray(saved.rows)) return undefined;
  const out = new Map<string, StoredFile>();
  for (const [path, key, docId, diagnostics] of saved.rows as Row[]) out.set(path, { path, key, docId, diagnostics });
  return out;
}

/** Saves the files table as read at `version` (nothing when the backend keeps no version). */
export function saveFileTable(file: string, version: string | undefined, files: ReadonlyMap<string, StoredFile>): void {
  if (version === undefined) return;
  const rows: Row[] = [];
  for (const f of files.values()) rows.push([f.path, f.key, f.docId, f.diagnostics]);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify({ version, rows }));
    renameSync(tmp, file);
  } catch {
    // A copy that cannot be written only means the table is read next time.
  }
}
