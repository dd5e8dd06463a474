/**
 * The embedded evidence store: one SQLite file (WAL, busy timeout, so two processes can share it)
 * holding documents, claims, quotes, claim topics and an FTS5 index of claim text ranked with
 * bm25. Each file's rows are written in one transaction (or one savepoint of a batch's
 * transaction) together with its content key, so a run killed mid-ingest leaves every file either
 * fully stored or not at all, and the next run redoes only the missing. Every write transaction starts as a writer (BEGIN IMMEDIATE), so a second
 * process waits its turn instead of failing on a snapshot another one has moved on. The file is a cache of the corpus folder: a store of an older layout is
 * emptied and filled again.
 */
import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import type { Claim, ClaimQuery, CorpusDocument, DocumentMeta, Quote, ScoredClaim, StoredWordCounts } from '../../model.ts';
import { PIPELINE_VERSION } from '../pipeline.ts';
import { DeltaSum, documentTally, fileDelta, wordDelta, WordTally, type WordDelta } from '../word-counts.ts';
import { documentRow, filterRanked, META_VERSION, metaOf, parseDocument, queryTerms, roundScore, topicKey, type EvidenceBackend, type FileClaim, type StoredFile, type Worked } from './types.ts';

/** Claims matching a full-text query, with their scores (the query's filters and order follow). */
const RANKED = 'SELECT rowid, -bm25(claims_fts) FROM claims_fts WHERE claims_fts MATCH ?';
/**
 * Only the rows of a second query: on `+rowid`, so SQLite checks each row against that query's
 * rows instead of asking FTS5 for the rows one at a time, and bm25 is worked out only for rows
 * that pass (SQLite tests the conditions in the order written: it comes before any on bm25).
 */
const WITHIN = '+rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)';

/** Gives the files table a new version (see the constructor). */
const BUMP_FILES_VERSION = "UPDATE info SET value = lower(hex(randomblob(12))) WHERE name = 'files-version';";

/** The layout of the tables below; a store of another layout is rebuilt from the corpus. */
export const SQLITE_LAYOUT = '7';
const PAGE = 2000;

export class SqliteBackend implements EvidenceBackend {
  readonly db: Database.Database;
  readonly location: string;

  constructor(file: string) {
    this.location = file;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS info (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
    // Rebuilt or emptied in a write transaction, and only if still needed once it holds the write
    // lock: a second process opening the store meanwhile must not empty what the first stores.
    if (this.info('layout') !== SQLITE_LAYOUT) {
      this.db.transaction(() => {
        if (this.info('layout') === SQLITE_LAYOUT) return;
        for (const t of ['claims_fts', 'claims_indexed', 'claim_topics', 'quotes', 'claims', 'document_text', 'documents', 'files', 'word_stems', 'word_forms', 'word_totals'])
          this.db.exec(`DROP TABLE IF EXISTS ${t}`);
        this.db.exec('DELETE FROM info');
        this.createTables();
        this.setInfo('layout', SQLITE_LAYOUT);
      }).immediate();
    }
    // The files table's version: a random value that triggers replace whenever a row of the table
    // is written or deleted, by any process, so a copy of the table saved beside the store
    // (`store/file-table.ts`) can be trusted while the value is the one it was saved with.
    if (this.info('files-version') === undefined) {
      this.db.transaction(() => {
        if (this.info('files-version') !== undefined) return;
        for (const [name, event] of [['files_version_ai', 'INSERT'], ['files_version_au', 'UPDATE'], ['files_version_ad', 'DELETE']])
          this.db.exec(`CREATE TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON files BEGIN ${BUMP_FILES_VERSION} END`);
        this.db.exec("INSERT OR REPLACE INTO info(name, value) VALUES ('files-version', lower(hex(randomblob(12))))");
      }).immediate();
    }
    // Files being ingested, by process: two `briefdeck corpus` on one machine share the work.
    this.db.exec('CREATE TABLE IF NOT EXISTS ingest_claims (path TEXT PRIMARY KEY, owner TEXT NOT NULL)');
    const pipeline = `${PIPELINE_VERSION}/${META_VERSION}`;
    if (this.info('pipeline') !== pipeline) {
      this.db.transaction(() => {
        if (this.info('pipeline') === pipeline) return;
        this.db.exec(`DELETE FROM files; DELETE FROM documents; DELETE FROM document_text; DELETE FROM claims; DELETE FROM quotes; DELETE FROM claim_topics;
          DELETE FROM word_stems; DELETE FROM word_forms; UPDATE word_totals SET documents = 0, claims = 0;`);
        this.setInfo('pipeline', pipeline);
      }).immediate();
    }
  }

  private createTables(): void {
    this.db.exec(`
      CREATE TABLE files (path TEXT PRIMARY KEY, key TEXT NOT NULL, doc_id TEXT, diagnostics TEXT NOT NULL);
      CREATE TABLE documents (id TEXT PRIMARY KEY, hash TEXT NOT NULL, path TEXT NOT NULL, language TEXT, meta TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX documents_path ON documents(path);
      CREATE INDEX documents_language ON documents(language);
      CREATE TABLE document_text (doc_id TEXT NOT NULL, part INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc_id, part));
      CREATE TABLE claims (rowid INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL,
        kind TEXT NOT NULL, text TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX claims_doc ON claims(doc_id);
      CREATE TABLE claim_topics (topic TEXT NOT NULL, claim INTEGER NOT NULL, PRIMARY KEY (topic, claim)) WITHOUT ROWID;
      CREATE INDEX claim_topics_claim ON claim_topics(claim);
      CREATE TABLE quotes (id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, speaker TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX quotes_doc ON quotes(doc_id);
      CREATE TABLE word_stems (stem TEXT PRIMARY KEY, claims INTEGER NOT NULL, documents INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE word_forms (form TEXT PRIMARY KEY, upper INTEGER NOT NULL, lower INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE word_totals (one INTEGER PRIMARY KEY CHECK (one = 1), documents INTEGER NOT NULL, claims INTEGER NOT NULL);
      INSERT INTO word_totals VALUES (1, 0, 0);
      CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid', tokenize='porter unicode61');
      CREATE TABLE claims_indexed (one INTEGER PRIMARY KEY CHECK (one = 1), upto INTEGER NOT NULL);
      INSERT INTO claims_indexed VALUES (1, 0);
      CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text) SELECT 'delete', old.rowid, old.text
          WHERE old.rowid <= (SELECT upto FROM claims_indexed);
        DELETE FROM claim_topics WHERE claim = old.rowid; END;
    `);
  }

  info(name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM info WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }

  setInfo(name: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO info(name, value) VALUES (?, ?)').run(name, value);
  }

  filesWithoutDocument(): string[] {
    return (this.statement('SELECT path FROM files WHERE doc_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents WHERE documents.id = files.doc_id)').all() as Array<{ path: string }>).map((r) => r.path);
  }

  files(): Map<string, StoredFile> {
    // Rows as arrays, and no parsing for the many files without a message: a large corpus's
    // unchanged check reads every row.
    const rows = this.db.prepare('SELECT path, key, doc_id, diagnostics FROM files').raw().all() as Array<[string, string, string | null, string]>;
    const out = new Map<string, StoredFile>();
    for (const [path, key, docId, diagnostics] of rows) out.set(path, { path, key, docId, diagnostics: diagnostics === '[]' ? [] : JSON.parse(diagnostics) });
    return out;
  }

  filesVersion(): string | undefined {
    return (this.statement("SELECT value FROM info WHERE name = 'files-version'").pluck().get() as string | undefined) ?? undefined;
  }

  filesWithVersion(): { version: string | undefined; files: Map<string, StoredFile> } {
    // One read transaction: the version and the rows are of the same moment.
    return this.db.transaction(() => ({ version: this.filesVersion(), files: this.files() }))();
  }

  /**
   * The files table's version after this connection's last write to it, while followed; null
   * once a write found another value (another process wrote between two of ours).
   */
  private followed: string | null | undefined;

  followFilesVersion(from: string): void {
    this.followed = from;
  }

  ownFilesVersion(): string | undefined {
    const now = this.filesVersion();
    return this.followed != null && now === this.followed ? now : undefined;
  }

  /** Within a write's transaction, before it and after it: the version it found, the one it left. */
  private beforeFilesWrite(): void {
    if (this.followed != null && this.filesVersion() !== this.followed) this.followed = null;
  }

  private afterFilesWrite(): void {
    if (this.followed != null) this.followed = this.filesVersion() ?? null;
  }

  putFile(file: StoredFile, doc?: CorpusDocument, claims: Iterable<Claim> = [], quotes: Iterable<Quote> = [], worked: Worked = {}): void {
    this.db.transaction(() => {
      this.beforeFilesWrite();
      const gone = this.deleteFileRows(file.path);
      if (doc) {
        gone.push(this.deleteDocument(doc.id));
        const row = documentRow(doc);
        this.statement('INSERT INTO documents(id, hash, path, language, meta, body) VALUES (?, ?, ?, ?, ?, ?)')
          .run(doc.id, doc.hash, doc.path, doc.language ?? null, JSON.stringify(worked.meta ?? metaOf(doc)), row.body);
        // A long document's text, a section at a time (decoded from its file's bytes as it is written).
        const part = this.statement('INSERT INTO document_text(doc_id, part, text) VALUES (?, ?, ?)');
        let n = 0;
        for (const text of row.parts) part.run(doc.id, n++, text);
        const claim = this.statement('INSERT INTO claims(id, doc_id, kind, text, body) VALUES (?, ?, ?, ?, ?)');
        const topic = this.statement('INSERT OR IGNORE INTO claim_topics(topic, claim) VALUES (?, ?)');
        this.unindexed = true;
        for (const c of claims) {
          const rowid = claim.run(c.id, c.docId, c.kind, c.text, JSON.stringify(c)).lastInsertRowid;
          for (const t of c.topics) topic.run(topicKey(t), rowid);
        }
        const quote = this.statement('INSERT INTO quotes(id, doc_id, speaker, body) VALUES (?, ?, ?, ?)');
        for (const q of quotes) quote.run(q.id, q.docId, q.speaker, JSON.stringify(q));
      }
      this.countFileWords(gone, doc ? claims : undefined, worked.words);
      this.statement('INSERT OR REPLACE INTO files(path, key, doc_id, diagnostics) VALUES (?, ?, ?, ?)')
        .run(file.path, file.key, file.docId, JSON.stringify(file.diagnostics));
      if (!this.heldWords) this.indexClaims();
      this.afterFilesWrite();
    }).immediate();
  }

  /**
   * Adds the claims written in this transaction to the full-text index, in one statement before
   * it commits. FTS5 writes what it was given so far to disk at every savepoint, and each file of
   * a batch is written in its own savepoint: indexed as each was written (a trigger), a batch's
   * claims made as many small index segments as files, each merged again later, most of the
   * store's time. Claims' row ids only grow (AUTOINCREMENT): those above `claims_indexed.upto`
   * are the ones not indexed yet, and a claim deleted before it was indexed leaves the index alone.
   */
  private indexClaims(): void {
    if (!this.unindexed) return;
    this.unindexed = false;
    this.statement('INSERT INTO claims_fts(rowid, text) SELECT rowid, text FROM claims WHERE rowid > (SELECT upto FROM claims_indexed)').run();
    this.statement('UPDATE claims_indexed SET upto = max(upto, COALESCE((SELECT max(rowid) FROM claims), 0))').run();
  }

  /** Whether claims may have been written since the last `indexClaims` (a write rolled back may leave it set: then there is nothing to index). */
  private unindexed = false;

  /**
   * Claims a file for this process (a row naming it, in a short transaction): undefined when it
   * is stored with this key already, or another live process on this machine has it (unless
   * `wait`: then it waits until that process stores it, gives it up or dies).
   */
  claimFile(path: string, key: string, wait = false): FileClaim | undefined {
    const mine = `${hostname()}:${process.pid}`;
    const attempt = this.db.transaction(() => this.claimRow(path, key, mine));
    let outcome = attempt.immediate();
    while (outcome === 'taken' && wait) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      outcome = attempt.immediate();
    }
    return outcome === 'claimed' ? this.claimOf(path, mine) : undefined;
  }

  /** `claimFile` for several files, in one short transaction: a claim or undefined for each, in order. */
  claimFiles(files: ReadonlyArray<{ path: string; key: string }>): Array<FileClaim | undefined> {
    const mine = `${hostname()}:${process.pid}`;
    const outcomes = this.db.transaction(() => files.map(({ path, key }) => this.claimRow(path, key, mine))).immediate();
    return outcomes.map((outcome, i) => (outcome === 'claimed' ? this.claimOf(files[i].path, mine) : undefined));
  }

  /** Inside a transaction: whether the file is stored with this key, held by another live process, or now claimed by `mine`. */
  private claimRow(path: string, key: string, mine: string): 'stored' | 'taken' | 'claimed' {
    const stored = this.statement('SELECT key FROM files WHERE path = ?').get(path) as { key: string } | undefined;
    if (stored?.key === key) return 'stored';
    const held = this.statement('SELECT owner FROM ingest_claims WHERE path = ?').get(path) as { owner: string } | undefined;
    if (held && held.owner !== mine && alive(held.owner)) return 'taken';
    this.statement('INSERT OR REPLACE INTO ingest_claims(path, owner) VALUES (?, ?)').run(path, mine);
    return 'claimed';
  }

  private claimOf(path: string, mine: string): FileClaim {
    const release = () => this.statement('DELETE FROM ingest_claims WHERE path = ? AND owner = ?').run(path, mine);
    return {
      put: (file, doc, claims, quotes, worked) => {
        this.db.transaction(() => {
          this.putFile(file, doc, claims, quotes, worked);
          release();
        }).immediate();
      },
      release: () => void release(),
    };
  }

  /**
   * One commit for many files: each write runs in a savepoint of the batch's transaction, so a
   * write that fails is rolled back alone and the earlier ones are committed before its error is
   * thrown. A run killed before the commit stores none of the batch, and the next run redoes it.
   */
  inOneTransaction(writes: ReadonlyArray<() => void>): void {
    let failure: { error: unknown } | undefined;
    this.db.transaction(() => {
      // The word counts of the batch's files are added up and written once, at its end: counts
      // never go below zero, so the sum leaves the rows one write after the other would.
      const words = new DeltaSum();
      try {
        for (const write of writes) {
          this.heldWords = [];
          try {
            this.db.transaction(write)();
          } catch (error) {
            failure = { error };
            return;
          }
          for (const d of this.heldWords) d instanceof WordTally ? words.addTally(d, 1) : words.add(d);
        }
      } finally {
        this.heldWords = undefined;
        this.countWords(words.delta());
        this.indexClaims();
      }
    }).immediate();
    if (failure) throw failure.error;
  }

  /**
   * Inside a batch: the current write's changes of word counts, added to the batch's once it
   * succeeds; a new document's claims as their tally, which goes into the batch's sum as it is.
   */
  private heldWords: Array<WordDelta | WordTally> | undefined;

  removeFile(path: string): void {
    this.db.transaction(() => {
      this.beforeFilesWrite();
      this.countWords(wordDelta(this.deleteFileRows(path), []));
      this.afterFilesWrite();
    }).immediate();
  }

  /** Deletes a file's rows; returns the texts of the claims its document had. */
  private deleteFileRows(path: string): string[][] {
    const row = this.statement('SELECT doc_id FROM files WHERE path = ?').get(path) as { doc_id: string | null } | undefined;
    const gone = row?.doc_id ? [this.deleteDocument(row.doc_id)] : [];
    this.statement('DELETE FROM files WHERE path = ?').run(path);
    return gone;
  }

  /** Deletes a document's rows; returns the texts of its claims, whose words leave the counts. */
  private deleteDocument(id: string): string[] {
    const texts = (this.statement('SELECT text FROM claims WHERE doc_id = ? ORDER BY rowid').all(id) as Array<{ text: string }>).map((r) => r.text);
    this.statement('DELETE FROM documents WHERE id = ?').run(id);
    this.statement('DELETE FROM document_text WHERE doc_id = ?').run(id);
    this.statement('DELETE FROM claims WHERE doc_id = ?').run(id);
    this.statement('DELETE FROM quotes WHERE doc_id = ?').run(id);
    return texts;
  }

  /**
   * A file's change of word counts: its old documents' claims (`gone`) leave, its new document's
   * `claims` come (counted already on an ingest thread: `counted`). Inside a batch, a file that only
   * adds claims gives their tally, summed with the batch's others without being sorted into rows
   * of its own first (word counts were nearly half of the store's time on a thousand newswire
   * stories).
   */
  private countFileWords(gone: readonly string[][], claims: Iterable<Claim> | undefined, counted: WordDelta | undefined): void {
    if (this.heldWords && claims && !counted && !gone.some((g) => g.length)) {
      const texts = Array.from(claims, (c) => c.text);
      if (texts.length) this.heldWords.push(documentTally(texts));
      return;
    }
    this.countWords(fileDelta(gone, claims, counted));
  }

  /**
   * Adds a change of word counts (inside the file's transaction): one statement for the stems and
   * one for the words, each reading its rows from a JSON array, not a statement a row.
   */
  private countWords(delta: WordDelta): void {
    if (!delta.documents && !delta.claims && !delta.stems.length && !delta.forms.length) return;
    if (this.heldWords) {
      this.heldWords.push(delta);
      return;
    }
    if (delta.stems.length) {
      this.statement(
        `INSERT INTO word_stems(stem, claims, documents)
         SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
         ON CONFLICT(stem) DO UPDATE SET claims = claims + excluded.claims, documents = documents + excluded.documents`,
      ).run(JSON.stringify(delta.stems));
      const less = delta.stems.filter((r) => r[1] < 0).map((r) => r[0]);
      if (less.length) this.statement('DELETE FROM word_stems WHERE stem IN (SELECT value FROM json_each(?)) AND claims <= 0').run(JSON.stringify(less));
    }
    if (delta.forms.length) {
      this.statement(
        `INSERT INTO word_forms(form, upper, lower)
         SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
         ON CONFLICT(form) DO UPDATE SET upper = upper + excluded.upper, lower = lower + excluded.lower`,
      ).run(JSON.stringify(delta.forms));
      const less = delta.forms.filter((r) => r[1] < 0 || r[2] < 0).map((r) => r[0]);
      if (less.length) this.statement('DELETE FROM word_forms WHERE form IN (SELECT value FROM json_each(?)) AND upper <= 0 AND lower <= 0').run(JSON.stringify(less));
    }
    this.statement('UPDATE word_totals SET documents = documents + ?, claims = claims + ?').run(delta.documents, delta.claims);
  }

  private readonly statements = new Map<string, Database.Statement>();
  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  wordCounts(): StoredWordCounts {
    const totals = this.db.prepare('SELECT documents, claims FROM word_totals').get() as { documents: number; claims: number };
    const lookup = <T>(table: string, key: string, columns: string, keys: readonly string[]) => {
      const out = new Map<string, T>();
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const rows = this.db.prepare(`SELECT ${key} AS k, ${columns} FROM ${table} WHERE ${key} IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Array<{ k: string } & T>;
        for (const { k, ...v } of rows) out.set(k, v as T);
      }
      return out;
    };
    return {
      documents: totals.documents,
      claims: totals.claims,
      stems: (stems) => lookup<{ claims: number; documents: number }>('word_stems', 'stem', 'claims, documents', stems),
      forms: (forms) => lookup<{ upper: number; lower: number }>('word_forms', 'form', 'upper, lower', forms),
    };
  }

  /** Rewrites every claim's topics (after `topics.yaml` changed); no text is read again. */
  retag(topicsOf: (text: string) => string[]): void {
    const page = this.db.prepare('SELECT rowid, text, body FROM claims WHERE rowid > ? ORDER BY rowid LIMIT ?');
    const update = this.db.prepare('UPDATE claims SET body = ? WHERE rowid = ?');
    const topic = this.statement('INSERT OR IGNORE INTO claim_topics(topic, claim) VALUES (?, ?)');
    this.db.transaction(() => {
      this.db.exec('DELETE FROM claim_topics');
      let after = 0;
      for (;;) {
        const rows = page.all(after, PAGE) as Array<{ rowid: number; text: string; body: string }>;
        if (!rows.length) break;
        for (const r of rows) {
          const claim = JSON.parse(r.body) as Claim;
          claim.topics = topicsOf(r.text);
          update.run(JSON.stringify(claim), r.rowid);
          for (const t of claim.topics) topic.run(topicKey(t), r.rowid);
        }
        after = rows[rows.length - 1].rowid;
      }
    }).immediate();
  }

  documents(): DocumentMeta[] {
    return (this.db.prepare('SELECT meta FROM documents ORDER BY path').all() as Array<{ meta: string }>).map(
      (r) => JSON.parse(r.meta) as DocumentMeta,
    );
  }

  documentsIn(languages: readonly string[]): DocumentMeta[] {
    if (!languages.length) return [];
    return (
      this.db.prepare(`SELECT meta FROM documents WHERE language IN (${languages.map(() => '?').join(',')}) ORDER BY path`).all(...languages) as Array<{ meta: string }>
    ).map((r) => JSON.parse(r.meta) as DocumentMeta);
  }

  document(id: string): CorpusDocument | undefined {
    const row = this.db.prepare('SELECT body FROM documents WHERE id = ?').get(id) as { body: string } | undefined;
    if (!row) return undefined;
    const parts = this.statement('SELECT text FROM document_text WHERE doc_id = ? ORDER BY part').pluck().all(id) as string[];
    return parseDocument(row.body, parts);
  }

  *eachClaim(): Iterable<Claim> {
    const page = this.db.prepare('SELECT rowid, body FROM claims WHERE rowid > ? ORDER BY rowid LIMIT ?');
    let after = 0;
    for (;;) {
      const rows = page.all(after, PAGE) as Array<{ rowid: number; body: string }>;
      if (!rows.length) return;
      after = rows[rows.length - 1].rowid;
      for (const r of rows) yield JSON.parse(r.body) as Claim;
    }
  }

  claimsById(ids: readonly string[]): Claim[] {
    const rows: Array<{ rowid: number; body: string }> = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const sql = `SELECT rowid, body FROM claims WHERE id IN (${chunk.map(() => '?').join(',')})`;
      // (One long document has hundreds of thousands of claims: no spread into a call.)
      for (const row of this.db.prepare(sql).all(...chunk) as Array<{ rowid: number; body: string }>) rows.push(row);
    }
    rows.sort((a, b) => a.rowid - b.rowid);
    const seen = new Set<number>();
    return rows.filter((r) => !seen.has(r.rowid) && seen.add(r.rowid)).map((r) => JSON.parse(r.body) as Claim);
  }

  claimsTagged(topic: string): Claim[] {
    const rows = this.db
      .prepare('SELECT c.body AS body FROM claim_topics t JOIN claims c ON c.rowid = t.claim WHERE t.topic = ? ORDER BY c.rowid')
      .all(topicKey(topic)) as Array<{ body: string }>;
    return rows.map((r) => JSON.parse(r.body) as Claim);
  }

  claimsOfDocuments(docIds: readonly string[]): Claim[] {
    const rows: Array<{ rowid: number; body: string }> = [];
    for (let i = 0; i < docIds.length; i += 500) {
      const chunk = docIds.slice(i, i + 500);
      const sql = `SELECT rowid, body FROM claims WHERE doc_id IN (${chunk.map(() => '?').join(',')})`;
      // (One long document has hundreds of thousands of claims: no spread into a call.)
      for (const row of this.db.prepare(sql).all(...chunk) as Array<{ rowid: number; body: string }>) rows.push(row);
    }
    rows.sort((a, b) => a.rowid - b.rowid);
    const seen = new Set<number>();
    return rows.filter((r) => !seen.has(r.rowid) && seen.add(r.rowid)).map((r) => JSON.parse(r.body) as Claim);
  }

  leads(docIds: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (let i = 0; i < docIds.length; i += 500) {
      const chunk = docIds.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT id, json_extract(body, '$.paragraphs[0].text') FROM documents WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .raw()
        .all(...chunk) as Array<[string, string | null]>;
      for (const [id, lead] of rows) if (lead !== null) out.set(id, lead);
    }
    return out;
  }

  languages(): Map<string, number> {
    const rows = this.db
      .prepare('SELECT language, count(*) AS n FROM documents WHERE language IS NOT NULL GROUP BY language')
      .all() as Array<{ language: string | null; n: number }>;
    return new Map(rows.filter((r) => r.language).map((r) => [r.language!, r.n]));
  }

  quotes(): Quote[] {
    return (this.db.prepare('SELECT body FROM quotes ORDER BY rowid').all() as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as Quote,
    );
  }

  /**
   * Claims with any of the words (stemmed), best bm25 first, ties by claim id, as rowid and score,
   * up to `limit` (all when none). Ranked by the full-text index alone: joining every match to the
   * claims table costs a lookup a row, a second for 40,000 matches of common words. Only rows that
   * share their score with another have their ids read, to order them; when rows tied with the last
   * one kept lie beyond the limit, every row with that score is read.
   */
  private ranked(terms: readonly string[], limit?: number): Array<{ rowid: number; score: number; id?: string }> {
    const phrases = terms.map((t) => `"${t}"`);
    const match = phrases.join(' OR ');
    const take = limit ? Math.floor(limit) + 1 : -1;
    // The rows that can rank: those holding one of the rarer words, when the best of them are
    // known to beat every row holding only the commoner ones; else every row.
    let within: string | undefined;
    let best: Array<[number, number]> | undefined;
    const rarer = take > 1 ? this.rarerRows(phrases) : undefined;
    if (rarer) {
      const got = this.statement(`${RANKED} AND ${WITHIN} ORDER BY bm25(claims_fts) LIMIT ?`).raw().all(match, rarer.match, take) as Array<[number, number]>;
      if (got.length >= take - 1 && got[take - 2][1] > rarer.ceiling) {
        within = rarer.match;
        best = got;
      }
    }
    best ??= this.statement(`${RANKED} ORDER BY bm25(claims_fts) LIMIT ?`).raw().all(match, take) as Array<[number, number]>;
    let rows = best.map(([rowid, score]) => ({ rowid, score, id: undefined as string | undefined }));
    if (take > 0 && rows.length === take) {
      const last = rows[take - 2].score;
      if (rows[take - 1].score === last) {
        const tied = (
          within
            ? this.statement(`${RANKED} AND ${WITHIN} AND bm25(claims_fts) = ?`).raw().all(match, within, -last)
            : this.statement(`${RANKED} AND bm25(claims_fts) = ?`).raw().all(match, -last)
        ) as Array<[number, number]>;
        rows = [...rows.filter((r) => r.score !== last), ...tied.map(([rowid, score]) => ({ rowid, score, id: undefined }))];
      } else rows.pop();
    }
    rows.sort((a, b) => b.score - a.score);
    const shared: typeof rows = [];
    for (let i = 0; i < rows.length; ) {
      let j = i + 1;
      while (j < rows.length && rows[j].score === rows[i].score) j++;
      if (j - i > 1) for (let k = i; k < j; k++) shared.push(rows[k]);
      i = j;
    }
    if (shared.length) {
      const ids = this.idsOf(shared.map((r) => r.rowid));
      for (const r of shared) r.id = ids.get(r.rowid);
      rows.sort((a, b) => b.score - a.score || (a.id === b.id ? 0 : byBytes(a.id!, b.id!)));
    }
    return limit ? rows.slice(0, limit) : rows;
  }

  /**
   * A way to leave out the rows that hold only the query's commonest words: the MATCH of the rows
   * holding one of the others, and the most a row holding none of them can score. bm25 gives a
   * word at most its idf × (k1 + 1) however often a claim holds it, and a word half the claims
   * hold has an idf near zero, so such rows cannot reach the best few rows of a query that also
   * names a rarer word. The scores of the rows kept are FTS5's own (the same query ranks them;
   * only which rows are ranked changes), so the result is exactly that of ranking every row.
   * The commonest words left out are the fewest that hold more than half of the query's matches
   * (leaving out more only raises the score to beat, and keeps fewer rows to beat it with);
   * nothing is offered for a single word, or when FTS5's row count cannot be read.
   */
  private rarerRows(phrases: readonly string[]): { match: string; ceiling: number } | undefined {
    const times = new Map<string, number>();
    for (const p of phrases) times.set(p, (times.get(p) ?? 0) + 1);
    if (times.size < 2) return undefined;
    const rows = this.indexedRows();
    if (rows === undefined) return undefined;
    const count = this.statement('SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?').pluck();
    const hits = new Map([...times.keys()].map((p) => [p, count.get(p) as number]));
    const k1 = 1.2;
    // The most a phrase adds to a row's score, as FTS5 works out its idf (a floor of 1e-6), as
    // often as the query names it.
    const most = (p: string) => Math.max(Math.log((rows - hits.get(p)! + 0.5) / (hits.get(p)! + 0.5)), 1e-6) * (k1 + 1) * times.get(p)!;
    const byHits = [...times.keys()].sort((a, b) => hits.get(b)! - hits.get(a)!);
    const total = byHits.reduce((n, p) => n + hits.get(p)!, 0);
    let left = 0;
    let ceiling = 0;
    for (let i = 0; i < byHits.length - 1; i++) {
      left += hits.get(byHits[i])!;
      ceiling += most(byHits[i]);
      // Sums of floating-point terms may round up a little: the ceiling is raised well beyond that.
      if (left * 2 > total) return { match: byHits.slice(i + 1).join(' OR '), ceiling: ceiling * (1 + 1e-9) + 1e-9 };
    }
    return undefined;
  }

  /** FTS5's own count of indexed rows (the first number of its averages record), as bm25 reads it. */
  private indexedRows(): number | undefined {
    const block = this.statement('SELECT block FROM claims_fts_data WHERE id = 1').pluck().get() as Buffer | undefined;
    if (!block?.length) return undefined;
    // An SQLite varint: seven bits a byte while the high bit is set, all eight in a ninth byte.
    let n = 0;
    for (let i = 0; i < 9 && i < block.length; i++) {
      const byte = block[i];
      if (i === 8) return n * 256 + byte;
      n = n * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return n;
    }
    return undefined;
  }

  /** Claim ids by rowid. */
  private idsOf(rowids: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    for (let i = 0; i < rowids.length; i += 500) {
      const chunk = rowids.slice(i, i + 500);
      for (const [rowid, id] of this.db.prepare(`SELECT rowid, id FROM claims WHERE rowid IN (${chunk.map(() => '?').join(',')})`).raw().all(...chunk) as Array<[number, string]>)
        out.set(rowid, id);
    }
    return out;
  }

  /**
   * bm25 over claim text (any of the query's words, stemmed), best first, ties by claim id; the
   * query's filters applied after ranking. Claims are read and parsed a page at a time, as far as
   * the filters and the limit need.
   */
  search(query: ClaimQuery): ScoredClaim[] {
    const terms = queryTerms(query.text);
    if (terms.length) {
      const filtered = !!(query.kinds?.length || query.topics?.length || query.docIds?.length);
      const order = this.ranked(terms, filtered ? undefined : query.limit);
      const db = this.db;
      return filterRanked((function* () {
        let size = Math.max(50, Math.min(500, query.limit ?? 500));
        for (let i = 0; i < order.length; i += size, size = 500) {
          const page = order.slice(i, i + size);
          const bodies = new Map(
            (db.prepare(`SELECT rowid, body FROM claims WHERE rowid IN (${page.map(() => '?').join(',')})`).raw().all(...page.map((r) => r.rowid)) as Array<[number, string]>),
          );
          for (const { rowid, score } of page) yield { claim: JSON.parse(bodies.get(rowid)!) as Claim, score };
        }
      })(), query);
    }
    return filterRanked((function* (claims: Iterable<Claim>) {
      for (const claim of claims) yield { claim, score: 0 };
    })(this.eachClaim()), query);
  }

  searchIds(text: string, limit?: number): Array<{ id: string; score: number }> {
    const terms = queryTerms(text);
    if (!terms.length)
      return (this.statement('SELECT id FROM claims ORDER BY rowid LIMIT ?').raw().all(limit ? Math.floor(limit) : -1) as Array<[string]>).map(([id]) => ({ id, score: 0 }));
    const rows = this.ranked(terms, limit);
    const missing = rows.filter((r) => r.id === undefined).map((r) => r.rowid);
    const ids = missing.length ? this.idsOf(missing) : new Map<number, string>();
    return rows.map((r) => ({ id: r.id ?? ids.get(r.rowid)!, score: roundScore(r.score) }));
  }

  stats(): { documents: number; claims: number; quotes: number } {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { documents: count('documents'), claims: count('claims'), quotes: count('quotes') };
  }

  close(): void {
    this.db.close();
  }
}

/** Strings in the order SQLite's BINARY collation puts them: by their UTF-8 bytes. */
function byBytes(a: string, b: string): number {
  // UTF-16 code units order strings as UTF-8 bytes do unless one holds a surrogate pair or a
  // character from U+E000 up: ASCII ids (the usual case) compare directly.
  if (/[^\u0000-\ud7ff]/.test(a) || /[^\u0000-\ud7ff]/.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether the process named `host:pid` still runs (a claim from another machine counts as live). */
function alive(owner: string): boolean {
  const at = owner.lastIndexOf(':');
  if (owner.slice(0, at) !== hostname()) return true;
  try {
    process.kill(Number(owner.slice(at + 1)), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
