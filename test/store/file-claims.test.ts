/**
 * Claims of files for ingest (the embedded store, several processes sharing it): several files
 * claimed in one transaction answer as each claimed alone would — a file stored with the same key
 * needs no claim, a file another live process holds is left to it, the others are claimed — and
 * a claim stores its file and ends.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteBackend } from '../../src/corpus/store/sqlite.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setUp(): { db: SqliteBackend; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bd-claims-'));
  dirs.push(dir);
  const file = join(dir, 'evidence.db');
  const db = new SqliteBackend(file);
  db.putFile({ path: 'corpus/stored.txt', key: 'k-stored', docId: null, diagnostics: [] });
  // Held by another process that is alive (this one's parent).
  const other = new Database(file);
  other.prepare('INSERT INTO ingest_claims(path, owner) VALUES (?, ?)').run('corpus/held.txt', `${hostname()}:${process.ppid}`);
  other.close();
  return { db, file };
}

const files = [
  { path: 'corpus/new.txt', key: 'k-new' },
  { path: 'corpus/stored.txt', key: 'k-stored' },
  { path: 'corpus/held.txt', key: 'k-held' },
  { path: 'corpus/changed.txt', key: 'k-changed' },
];

describe('claims of files for ingest', () => {
  it('claimed together answer as claimed one by one', () => {
    const one = setUp();
    const alone = files.map((f) => !!one.db.claimFile(f.path, f.key));
    one.db.close();
    const many = setUp();
    const together = many.db.claimFiles(files).map((c) => !!c);
    expect(together).toEqual(alone);
    expect(together).toEqual([true, false, false, true]);
    many.db.close();
  });

  it('a claim from a batch stores its file and ends', () => {
    const { db, file } = setUp();
    const [claim] = db.claimFiles([files[0]]);
    claim!.put({ path: 'corpus/new.txt', key: 'k-new', docId: null, diagnostics: [] });
    expect(db.files().get('corpus/new.txt')?.key).toBe('k-new');
    db.close();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT path FROM ingest_claims ORDER BY path').all()).toEqual([{ path: 'corpus/held.txt' }]);
    check.close();
  });
});
