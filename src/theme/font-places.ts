/**
 * A digest of where fontconfig finds fonts and its settings: every folder under the usual font
 * folders, fontconfig's configuration and cache folders, with its modification and change times.
 * Installing or removing a font (a package, `fc-cache`, a file dropped in `~/.fonts`) adds, removes
 * or renames a file in one of them, which changes that folder's times; so while the digest is the
 * same, `fc-match` finds the same files and text measures as it did. Folders only: no font file
 * is opened, and a machine's few dozen folders take milliseconds.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function fontPlaces(env: NodeJS.ProcessEnv): string[] {
  const home = homedir();
  const data = env.XDG_DATA_HOME || join(home, '.local', 'share');
  const cache = env.XDG_CACHE_HOME || join(home, '.cache');
  return [
    '/usr/share/fonts', '/usr/local/share/fonts', join(home, '.fonts'), join(data, 'fonts'),
    '/etc/fonts', env.FONTCONFIG_PATH ?? '', env.FONTCONFIG_FILE ?? '',
    '/var/cache/fontconfig', join(cache, 'fontconfig'),
    '/Library/Fonts', '/System/Library/Fonts', join(home, 'Library', 'Fonts'),
  ].filter(Boolean);
}

export function fontPlacesDigest(env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  const note = (path: string) => {
    const s = statSync(path, { throwIfNoEntry: false });
    if (s) hash.update(`${path}\u0000${s.mtimeMs}\u0000${s.ctimeMs}\u0000`);
    return s;
  };
  for (const place of fontPlaces(env)) {
    const s = note(place);
    if (!s?.isDirectory()) continue;
    try {
      for (const entry of readdirSync(place, { withFileTypes: true, recursive: true }))
        if (entry.isDirectory()) note(join(entry.parentPath ?? place, entry.name));
    } catch {
      // An unreadable folder counts by its own times.
    }
  }
  return hash.digest('hex').slice(0, 16);
}
