/**
 * The stat cache that lets an unchanged corpus be checked without reading it: a key comes back
 * only while size, times and sidecar match, and a file written moments before it was recorded is
 * never trusted (its time may not tell two writes apart).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStamps } from '../../src/corpus/stamps.ts';

describe('file stamps', () => {
  it('return the recorded key while the file is unchanged, and nothing once it changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-stamps-'));
    try {
      const file = join(dir, 'a.txt');
      const cache = join(dir, 'stamps.json');
      writeFileSync(file, 'one');
      const old = new Date(Date.now() - 60_000);
      utimesSync(file, old, old);
      const stamps = openFileStamps(cache);
      // ctime is now (utimes changed it): racy, so not recorded.
      stamps.set('a.txt', statSync(file), undefined, 'k1');
      expect(stamps.get('a.txt', statSync(file), undefined)).toBeUndefined();
      const aged = { ...statSync(file), ctimeMs: old.getTime(), mtimeMs: old.getTime(), size: 3 } as Stats;
      stamps.set('a.txt', aged, undefined, 'k1');
      stamps.save(new Set(['a.txt']));
      const again = openFileStamps(cache);
      expect(again.get('a.txt', aged, undefined)).toBe('k1');
      expect(again.get('a.txt', { ...aged, size: 4 } as typeof aged, undefined)).toBeUndefined();
      expect(again.get('a.txt', { ...aged, mtimeMs: aged.mtimeMs + 1 } as typeof aged, undefined)).toBeUndefined();
      expect(again.get('a.txt', aged, aged)).toBeUndefined();
      again.save(new Set());
      expect(openFileStamps(cache).get('a.txt', aged, undefined)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
