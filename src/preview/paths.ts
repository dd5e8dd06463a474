/**
 * Maps a request path to a file the preview may serve. Only two folders are ever exposed — the
 * output folder under `/out/` and the assets folder under `/assets/` — and a path is refused
 * before touching the disk when it holds `..`, `.` or empty segments, backslashes, NUL bytes,
 * an absolute or drive-letter path (also when percent-encoded), or dot-files. What survives is
 * resolved and checked again, through symlinks, to lie inside its folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';

export interface Mount {
  /** URL prefix without slashes, e.g. `out`. */
  prefix: string;
  /** Absolute folder. */
  dir: string;
}

export type ServedPath =
  | { kind: 'file'; path: string; mount: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'missing' };

/** Splits `/out/a/b.html` into `out` and `a/b.html`, refusing anything unsafe. */
export function resolveServedPath(urlPath: string, mounts: readonly Mount[]): ServedPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused', reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { kind: 'refused', reason: 'NUL byte in path' };
  if (decoded.includes('\\')) return { kind: 'refused', reason: 'backslash in path' };
  if (!decoded.startsWith('/')) return { kind: 'refused', reason: 'path must start with /' };
  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '') return { kind: 'refused', reason: 'absolute path or empty segment' };
    if (segment === '..' || segment === '.') return { kind: 'refused', reason: 'relative segment' };
    if (segment.startsWith('.')) return { kind: 'refused', reason: 'hidden file' };
    if (/^[a-zA-Z]:/.test(segment)) return { kind: 'refused', reason: 'absolute path' };
  }
  const [prefix, ...rest] = segments;
  const mount = mounts.find((m) => m.prefix === prefix);
  if (!mount || rest.length === 0) return { kind: 'missing' };
  const base = resolve(mount.dir);
  const full = resolve(base, ...rest);
  if (!full.startsWith(base + sep)) return { kind: 'refused', reason: 'outside the served folder' };
  let real: string;
  try {
    real = realpathSync(full);
    if (!statSync(real).isFile()) return { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
  const realBase = realpathSync(base);
  if (!real.startsWith(realBase + sep)) return { kind: 'refused', reason: 'symlink leaves the served folder' };
  return { kind: 'file', path: real, mount: mount.prefix };
}
