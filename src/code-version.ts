/**
 * The version of the code that is running: a hash of its sources, the build script, the package
 * manifest and lockfile (the dependencies' versions), the same value `dist/stamp.json` records.
 * What is remembered from an earlier run (`check`'s results) is used only by the same code.
 * Built output carries it from build time (scripts/build.mjs); the sources, run directly (tests,
 * tsx), hash themselves the first time it is asked for.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __BRIEFDECK_CODE_VERSION__: string | undefined;

let computed: string | undefined;

export function codeVersion(): string {
  if (typeof __BRIEFDECK_CODE_VERSION__ === 'string') return __BRIEFDECK_CODE_VERSION__;
  return (computed ??= hashSources(dirname(fileURLToPath(import.meta.url))));
}

/** As `sourceHash()` in scripts/dist-stamp.mjs: every `.ts` file under `src/`, then the build's own files. */
function hashSources(src: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort())
    if (entry.endsWith('.ts')) hash.update(entry).update(readFileSync(join(src, entry)));
  const root = join(src, '..');
  for (const file of ['scripts/build.mjs', 'scripts/dist-stamp.mjs', 'package.json', 'package-lock.json']) {
    try {
      hash.update(file).update(readFileSync(join(root, file)));
    } catch {
      // Sources copied without the build's files: their hash alone names them.
    }
  }
  return hash.digest('hex').slice(0, 16);
}
