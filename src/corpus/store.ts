/**
 * The evidence store on disk: one SQLite file (WAL, busy timeout, so two processes can share it)
 * holding documents, claims, quotes and an FTS5 index of claim text ranked with bm25. Each file's
 * rows are written in one transaction together with its content key, so a run killed mid-ingest
 * leaves every file either fully stored or not at all, and the next run redoes only the missing.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Claim, ClaimQuery, CorpusDocument, Diagnostic, Quote, ScoredClaim } from '../model.ts';

/**
 * The stage's own fingerprint: a hash of its source files. When cleaning or extraction code
 * changes, every stored file is processed again; no version number to forget to bump.
 */
declare const __BRIEFDECK_PIPELINE_VERSION__: string | undefined;
export const PIPELINE_VERSION = (() => {
  // Built output carries the hash computed from the sources at build time (scripts/build.mjs).
  if (typeof __BRIEFDECK_PIPELINE_VERSION__ === 'string') return __BRIEFDECK_PIPELINE_VERSION__;
  const dir = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort())
    if (entry.endsWith('.ts')) hash.update(entry).update(readFileSync(join(dir, entry)));
  return hash.digest('hex').slice(0, 16);
})();

export interface StoredFile {
  path: string;
  key: string;
  docId: string | null;
  diagnostics: Diagnostic[];
}

export class EvidenceDb {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS info (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, key TEXT NOT NULL, doc_id TEXT, diagnostics TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, hash TEXT NOT NULL, path TEXT NOT NULL, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS claims (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL,
        kind TEXT NOT NULL, text TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
      CREATE TABLE IF NOT EXISTS quotes (id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, speaker TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
      CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(text, content='claims', content_rowid='rowid',
        tokenize='porter unicode61');
      CREATE TRIGGER IF NOT EXISTS claims_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text); END;
      CREATE TRIGGER IF NOT EXISTS claims_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
    `);
    if (this.info('pipeline') !== PIPELINE_VERSION) {
      this.db.transaction(() => {
        this.db.exec('DELETE FROM files; DELETE FROM documents; DELETE FROM claims; DELETE FROM quotes;');
        this.setInfo('pipeline', PIPELINE_VERSION);
      })();
    }
  }

  info(name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM info WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }

  setInfo(name: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO info(name, value) VALUES (?, ?)').run(name, value);
  }

  files(): Map<string, StoredFile> {
    const rows = this.db.prepare('SELECT path, key, doc_id, diagnostics FROM files').all() as Array<{
      path: string;
      key: string;
      doc_id: string | null;
      diagnostics: string;
    }>;
    return new Map(rows.map((r) => [r.path, { path: r.path, key: r.key, docId: r.doc_id, diagnostics: JSON.parse(r.diagnostics) }]));
  }

  /** Replaces everything stored for one file, atomically. */
  putFile(file: StoredFile, doc?: CorpusDocument, claims: Claim[] = [], quotes: Quote[] = []): void {
    this.db.transaction(() => {
      this.deleteFileRows(file.path);
      if (doc) {
        this.deleteDocument(doc.id);
        this.db.prepare('INSERT INTO documents(id, hash, path, body) VALUES (?, ?, ?, ?)').run(doc.id, doc.hash, doc.path, JSON.stringify(doc));
        const claim = this.db.prepare('INSERT INTO claims(id, doc_id, kind, text, body) VALUES (?, ?, ?, ?, ?)');
        for (const c of claims) claim.run(c.id, c.docId, c.kind, c.text, JSON.stringify(c));
        const quote = this.db.prepare('INSERT INTO quotes(id, doc_id, speaker, body) VALUES (?, ?, ?, ?)');
        for (const q of quotes) quote.run(q.id, q.docId, q.speaker, JSON.stringify(q));
      }
      this.db
        .prepare('INSERT OR REPLACE INTO files(path, key, doc_id, diagnostics) VALUES (?, ?, ?, ?)')
        .run(file.path, file.key, file.docId, JSON.stringify(file.diagnostics));
    })();
  }

  removeFile(path: string): void {
    this.db.transaction(() => this.deleteFileRows(path))();
  }

  private deleteFileRows(path: string): void {
    const row = this.db.prepare('SELECT doc_id FROM files WHERE path = ?').get(path) as { doc_id: string | null } | undefined;
    if (row?.doc_id) this.deleteDocument(row.doc_id);
    this.db.prepare('DELETE FROM files WHERE path = ?').run(path);
  }

  private deleteDocument(id: string): void {
    this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    this.db.prepare('DELETE FROM claims WHERE doc_id = ?').run(id);
    this.db.prepare('DELETE FROM quotes WHERE doc_id = ?').run(id);
  }

  /** Rewrites every claim's topics (after `topics.yaml` changed); no text is read again. */
  retag(topicsOf: (text: string) => string[]): void {
    const rows = this.db.prepare('SELECT id, text, body FROM claims').all() as Array<{ id: string; text: string; body: string }>;
    const update = this.db.prepare('UPDATE claims SET body = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const r of rows) {
        const claim = JSON.parse(r.body) as Claim;
        claim.topics = topicsOf(r.text);
        update.run(JSON.stringify(claim), r.id);
      }
    })();
  }

  documents(): CorpusDocument[] {
    return (this.db.prepare('SELECT body FROM documents ORDER BY path').all() as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as CorpusDocument,
    );
  }

  claims(): Claim[] {
    return (this.db.prepare('SELECT body FROM claims ORDER BY rowid').all() as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as Claim,
    );
  }

  quotes(): Quote[] {
    return (this.db.prepare('SELECT body FROM quotes ORDER BY rowid').all() as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as Quote,
    );
  }

  /** bm25 over claim text (any of the query's words, stemmed); filters applied after ranking. */
  search(query: ClaimQuery): ScoredClaim[] {
    const terms = (query.text ?? '').toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
    let rows: Array<{ body: string; score: number }>;
    if (terms.length) {
      const match = terms.map((t) => `"${t}"`).join(' OR ');
      rows = this.db
        .prepare(
          `SELECT c.body AS body, -bm25(claims_fts) AS score FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
           WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts)`,
        )
        .all(match) as Array<{ body: string; score: number }>;
    } else {
      rows = (this.db.prepare('SELECT body, 0 AS score FROM claims ORDER BY rowid').all() as Array<{ body: string; score: number }>);
    }
    const kinds = query.kinds?.length ? new Set(query.kinds) : undefined;
    const topics = query.topics?.length ? new Set(query.topics) : undefined;
    const docs = query.docIds?.length ? new Set(query.docIds) : undefined;
    const out: ScoredClaim[] = [];
    for (const r of rows) {
      const c = JSON.parse(r.body) as Claim;
      if (kinds && !kinds.has(c.kind)) continue;
      if (docs && !docs.has(c.docId)) continue;
      if (topics && !c.topics.some((t) => topics.has(t))) continue;
      out.push({ ...c, score: Math.round(r.score * 1000) / 1000 });
      if (query.limit && out.length >= query.limit) break;
    }
    return out;
  }

  /** How many documents are in each detected language (documents without one are left out). */
  languages(): Map<string, number> {
    const rows = this.db
      .prepare("SELECT json_extract(body, '$.language') AS language, count(*) AS n FROM documents GROUP BY language")
      .all() as Array<{ language: string | null; n: number }>;
    return new Map(rows.filter((r) => r.language).map((r) => [r.language!, r.n]));
  }

  stats(): { documents: number; claims: number; quotes: number } {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { documents: count('documents'), claims: count('claims'), quotes: count('quotes') };
  }

  close(): void {
    this.db.close();
  }
}
