/**
 * What each corpus file looked like when it was last hashed (size, modification and change
 * times, and its sidecar's), so an unchanged corpus is checked with `stat` alone instead of
 * reading and hashing every file. A cache beside the store: a missing or unreadable file only
 * means files are hashed again. Like git's index, a file changed within the last seconds before
 * it was recorded is not trusted (its time may not tell two writes apart), so it is hashed again.
 */
import { readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';

type Stamp = [size: number, mtimeMs: number, ctimeMs: number, sidecar: string, key: string];

/** Times closer than this to the moment of recording are not trusted. */
const RACY_MS = 2000;

export interface FileStamps {
  /** The content key recorded for `path` when its stat still matches, else undefined. */
  get(path: string, stat: Stats, sidecar: Stats | undefined): string | undefined;
  set(path: string, stat: Stats, sidecar: Stats | undefined, key: string): void;
  /** Writes the stamps of the files in `keep` (the files still in the corpus). */
  save(keep: ReadonlySet<string>): void;
}

const sidecarStamp = (s: Stats | undefined) => (s ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}` : '-');

export function openFileStamps(file: string): FileStamps {
  let stamps: Record<string, Stamp> = {};
  try {
    stamps = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stamp>;
  } catch {
    // Nothing recorded yet.
  }
  let changed = false;
  const now = Date.now();
  return {
    get(path, stat, sidecar) {
      const s = stamps[path];
      if (!s || s[0] !== stat.size || s[1] !== stat.mtimeMs || s[2] !== stat.ctimeMs || s[3] !== sidecarStamp(sidecar)) return undefined;
      return s[4];
    },
    set(path, stat, sidecar, key) {
      const newest = Math.max(stat.mtimeMs, stat.ctimeMs, sidecar?.mtimeMs ?? 0, sidecar?.ctimeMs ?? 0);
      if (now - newest < RACY_MS) {
        if (stamps[path]) delete stamps[path], (changed = true);
        return;
      }
      stamps[path] = [stat.size, stat.mtimeMs, stat.ctimeMs, sidecarStamp(sidecar), key];
      changed = true;
    },
    save(keep) {
      for (const path of Object.keys(stamps)) if (!keep.has(path)) delete stamps[path], (changed = true);
      if (!changed) return;
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, JSON.stringify(stamps));
        renameSync(tmp, file);
      } catch {
        // A cache that cannot be written is only slower next time.
      }
    },
  };
}
