/**
 * The embedded store writes the files of a run in batches, one commit for many files: each file
 * stays whole (a write that fails is rolled back alone, those before it are kept), and a run
 * stopped before a commit leaves the store as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteBackend } from '../../src/corpus/store/sqlite.ts';
import type { Claim, CorpusDocument } from '../../src/model.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function store(): SqliteBackend {
  const dir = mkdtempSync(join(tmpdir(), 'bd-one-tx-'));
  dirs.push(dir);
  return new SqliteBackend(join(dir, 'evidence.db'));
}

const doc = (id: string): CorpusDocument =>
  ({ id, path: `${id}.txt`, format: 'txt', title: id, authors: [], hash: id, words: 3, droppedWords: 0, text: 'Oil prices rose.', paragraphs: [{ text: 'Oil prices rose.' }], dropped: [] }) as unknown as CorpusDocument;
const claim = (docId: string, n: number): Claim => ({ id: `${docId}-c${n}`, docId, kind: 'finding', text: `Oil prices rose ${n}.`, topics: [] }) as unknown as Claim;
const put = (db: SqliteBackend, id: string, claims = [claim(id, 1)]) => () => db.putFile({ path: `${id}.txt`, key: id, docId: id, diagnostics: [] }, doc(id), claims);

describe('writes in one transaction', () => {
  it('keep the files before a failing one, and none of the failing one', () => {
    const db = store();
    // Two claims with one id: the second insert fails after the document row went in.
    const broken = put(db, 'b', [claim('b', 1), claim('b', 1)]);
    expect(() => db.inOneTransaction([put(db, 'a'), broken, put(db, 'c')])).toThrow(/UNIQUE/);
    expect([...db.files().keys()]).toEqual(['a.txt']);
    expect(db.documents().map((d) => d.id)).toEqual(['a']);
    expect(db.stats()).toEqual({ documents: 1, claims: 1, quotes: 0 });
    expect(db.wordCounts().claims).toBe(1);
    db.close();
  });

  it('are all stored, in order, once committed', () => {
    const db = store();
    db.inOneTransaction(['a', 'b', 'c'].map((id) => put(db, id)));
    expect([...db.eachClaim()].map((c) => c.id)).toEqual(['a-c1', 'b-c1', 'c-c1']);
    db.close();
  });

  it('leave nothing of a batch that never committed', () => {
    const db = store();
    db.putFile({ path: 'a.txt', key: 'a', docId: 'a', diagnostics: [] }, doc('a'), [claim('a', 1)]);
    // The process stops in the middle of a batch: its transaction is never committed.
    db.db.exec('BEGIN IMMEDIATE');
    put(db, 'b')();
    db.close();
    const again = new SqliteBackend(db.location);
    expect([...again.files().keys()]).toEqual(['a.txt']);
    expect(again.stats().claims).toBe(1);
    again.close();
  });

  it('index their claims for search in one piece, in step with the claims table', () => {
    const db = store();
    const segments = () => db.db.prepare('SELECT count(DISTINCT segid) FROM claims_fts_idx').pluck().get();
    const check = () => db.db.exec("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)");
    const many = (id: string) => [1, 2, 3].map((n) => claim(id, n));
    db.inOneTransaction(Array.from({ length: 20 }, (_, i) => put(db, `d${i}`, many(`d${i}`))));
    // Twenty files, one index segment: FTS5 writes one at each savepoint when given claims as they come.
    expect(segments()).toBe(1);
    check();
    // A file written twice in one batch (its first claims never indexed), a failing write, a file
    // rewritten and one removed later: the index holds exactly the claims the table holds.
    const twice = () => db.putFile({ path: 'd1.txt', key: 'd1b', docId: 'd1', diagnostics: [] }, doc('d1'), [claim('d1', 7)]);
    expect(() => db.inOneTransaction([put(db, 'x', many('x')), () => put(db, 'x', [claim('x', 9)])(), twice, put(db, 'b', [claim('b', 1), claim('b', 1)])])).toThrow(/UNIQUE/);
    check();
    db.putFile({ path: 'd2.txt', key: 'd2b', docId: 'd2', diagnostics: [] }, doc('d2'), [claim('d2', 8)]);
    db.removeFile('d3.txt');
    check();
    const found = db.db.prepare("SELECT c.id FROM claims_fts f JOIN claims c ON c.rowid = f.rowid WHERE claims_fts MATCH 'oil'").pluck().all() as string[];
    expect(found.sort()).toEqual([...db.eachClaim()].map((c) => c.id).sort());
    expect(found).toContain('x-c9');
    expect(found).toContain('d1-c7');
    expect(found).not.toContain('d1-c1');
    expect(found).not.toContain('x-c1');
    expect(found).not.toContain('d3-c1');
    expect(db.db.prepare("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH '\"rose 8\"'").pluck().get()).toBe(1);
    db.close();
  });
});
