/**
 * Files a run keeps for the next one in a folder of `.cache/briefdeck/`: each written whole (a
 * temporary renamed into place), the oldest of the same kind dropped beyond a count. A cache only:
 * a file that cannot be read or written is no file, and the work is done again.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The kept file `name` in `dir`, or undefined. */
export function readKept(dir: string, name: string): string | undefined {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
}

/** The bytes of the kept file `name` in `dir`, or undefined. */
export function readKeptBytes(dir: string, name: string): Buffer | undefined {
  try {
    return readFileSync(join(dir, name));
  } catch {
    return undefined;
  }
}

/** Keeps `content` as `dir/name`; beyond `most` files whose names `sameKind` accepts, the oldest go. */
export function keepFile(dir: string, name: string, content: string | Uint8Array, most: number, sameKind: (name: string) => boolean): void {
  const file = join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, file);
    const kept = readdirSync(dir).filter(sameKind);
    if (kept.length > most) {
      const byAge = kept.map((f) => ({ f, t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.t - b.t);
      for (const { f } of byAge.slice(0, kept.length - most)) rmSync(join(dir, f), { force: true });
    }
  } catch {
    rmSync(tmp, { force: true });
  }
}
