/**
 * The evidence store on a PostgreSQL server a team shares (`store: postgres://user@host/db`, or
 * `BRIEFDECK_STORE_URL`). Same contract as the embedded store, and the same answers: claim text is
 * indexed as FTS5 tokenizes it (a `tsvector` with a GIN index finds the rows), and bm25 is computed
 * here from the server's term statistics exactly as SQLite computes it, so a spec gives the same
 * deck.json on both. Ties are broken by claim id and store order is document then claim, on both.
 *
 * Several `briefdeck corpus` processes, on one machine or several, can fill one server at once: a
 * file is claimed with a transaction-scoped advisory lock, processed, and stored in that same
 * transaction with its content key. A worker killed mid-file rolls back and releases the lock, and
 * nothing half-stored is ever visible to readers. Reads go through a worker thread so they are
 * synchronous like SQLite's (selection and deck composition are synchronous).
 */
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Claim, ClaimQuery, CorpusDocument, DocumentMeta, Quote, ScoredClaim, StoredWordCounts } from '../../model.ts';
import { PIPELINE_VERSION } from '../pipeline.ts';
import { fileDelta, type WordDelta } from '../word-counts.ts';
import { bm25Counted, bm25Idf, MAX_LEXEME_BYTES, tokenize, tsqueryOf, tsvectorOf } from './tokens.ts';
import { documentBody, filterRanked, META_VERSION, metaOf, parseDocument, queryTerms, redactUrl, roundScore, topicKey, type EvidenceBackend, type FileClaim, type StoredFile, type Worked } from './types.ts';

/** How long one request may take before the store gives up on the server. */
const TIMEOUT_MS = Number(process.env.BRIEFDECK_STORE_TIMEOUT_MS) || 120_000;
const PAGE = 2000;

/**
 * Versioned migrations: the server's `briefdeck_schema` table records which ran. A briefdeck
 * older than the store it meets refuses to write to it.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: documents, claims (FTS5 tokens, tsvector + GIN), topics, quotes, files, totals for bm25.
  `CREATE TABLE info (name text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE files (path text PRIMARY KEY, key text NOT NULL, doc_id text, diagnostics text NOT NULL, stamp text);
   CREATE TABLE documents (seq bigserial UNIQUE, id text PRIMARY KEY, hash text NOT NULL, path text NOT NULL, meta text NOT NULL, body text NOT NULL);
   CREATE INDEX documents_path ON documents (path COLLATE "C");
   CREATE TABLE claims (seq bigserial PRIMARY KEY, doc_seq bigint NOT NULL, id text UNIQUE NOT NULL, doc_id text NOT NULL,
     kind text NOT NULL, text text NOT NULL, body text NOT NULL, tokens text NOT NULL, ntok integer NOT NULL, tsv tsvector NOT NULL);
   CREATE INDEX claims_doc ON claims (doc_id);
   CREATE INDEX claims_order ON claims (doc_seq, seq);
   CREATE INDEX claims_tsv ON claims USING gin (tsv);
   CREATE TABLE claim_topics (topic text NOT NULL, claim bigint NOT NULL REFERENCES claims (seq) ON DELETE CASCADE, PRIMARY KEY (topic, claim));
   CREATE INDEX claim_topics_claim ON claim_topics (claim);
   CREATE TABLE quotes (seq bigserial UNIQUE, id text PRIMARY KEY, doc_id text NOT NULL, speaker text NOT NULL, body text NOT NULL);
   CREATE INDEX quotes_doc ON quotes (doc_id);
   CREATE TABLE totals (one integer PRIMARY KEY DEFAULT 1 CHECK (one = 1), claims bigint NOT NULL, tokens bigint NOT NULL);
   INSERT INTO totals VALUES (1, 0, 0);`,
  // 2: an unchanged file is known from the stamps each machine keeps beside its corpus, not the store.
  `ALTER TABLE files DROP COLUMN stamp;`,
  // 3: the corpus's word counts, kept as files come and go; a store filled before has none, so it is filled again.
  `CREATE TABLE word_stems (stem text PRIMARY KEY, claims bigint NOT NULL, documents bigint NOT NULL);
   CREATE TABLE word_forms (form text PRIMARY KEY, upper bigint NOT NULL, lower bigint NOT NULL);
   ALTER TABLE totals ADD COLUMN documents bigint NOT NULL DEFAULT 0;
   DELETE FROM info WHERE name = 'pipeline';`,
  // 4: documents per language counted from an index, not from every document's metadata.
  `ALTER TABLE documents ADD COLUMN language text;
   UPDATE documents SET language = meta::json->>'language';
   CREATE INDEX documents_language ON documents (language);`,
  // 5: the files table's version: a random value every statement that writes to the table, by any
  // process, replaces in its own transaction, so a copy of the table saved beside the corpus
  // (and the record of a check that changed nothing) is trusted while the value is the same.
  `INSERT INTO info(name, value) VALUES ('files-version', md5(random()::text || clock_timestamp()::text)) ON CONFLICT (name) DO NOTHING;
   CREATE FUNCTION briefdeck_files_version() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       UPDATE info SET value = md5(random()::text || clock_timestamp()::text) WHERE name = 'files-version';
       RETURN NULL;
     END $$;
   CREATE TRIGGER files_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON files
     FOR EACH STATEMENT EXECUTE FUNCTION briefdeck_files_version();`,
];

/**
 * The documents a file's new rows replace: the one the file held, and one with the new id. An
 * array worked out once (an InitPlan), so each delete is an index scan, not a scan of the table.
 */
const GONE = `ARRAY(SELECT doc_id FROM files WHERE path = $1 AND doc_id IS NOT NULL) || $2::text`;

/** Statements that add a change of word counts, rows in key order (two writers lock them alike). */
function wordStatements(delta: WordDelta): Array<{ sql: string; params?: unknown[] }> {
  const out: Array<{ sql: string; params?: unknown[] }> = [];
  // Each table adds its rows' counts to those it holds, and drops rows whose counts fell to nothing.
  const add = (table: string, key: string, [a, b]: [string, string], rows: ReadonlyArray<readonly [string, number, number]>, gone: string) => {
    if (!rows.length) return;
    out.push({
      sql: `INSERT INTO ${table} AS w (${key}, ${a}, ${b})
            SELECT x.${key}, x.${a}, x.${b} FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS x(${key}, ${a}, ${b})
            ORDER BY x.${key} COLLATE "C"
            ON CONFLICT (${key}) DO UPDATE SET ${a} = w.${a} + excluded.${a}, ${b} = w.${b} + excluded.${b}`,
      params: [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    });
    const less = rows.filter((r) => r[1] < 0 || r[2] < 0).map((r) => r[0]);
    if (less.length) out.push({ sql: `DELETE FROM ${table} WHERE ${key} = ANY($1::text[]) AND ${gone}`, params: [less] });
  };
  add('word_stems', 'stem', ['claims', 'documents'], delta.stems, 'claims <= 0');
  add('word_forms', 'form', ['upper', 'lower'], delta.forms, 'upper <= 0 AND lower <= 0');
  if (delta.documents) out.push({ sql: 'UPDATE totals SET documents = documents + $1', params: [delta.documents] });
  return out;
}

/** Advisory lock keys (first half): schema changes, and files being ingested. */
const LOCK_SCHEMA = 0x62726466;
const LOCK_FILE = 0x62726467;

interface Reply {
  rows?: Record<string, unknown>[];
  error?: { message: string; code?: string };
}

/**
 * A `pg` connection driven synchronously: requests block this thread until the worker answers.
 * Each request has a number; the worker posts its answer, then stores that number in a shared
 * cell and wakes this thread. A wake-up alone proves nothing (the wake-up of an earlier answer can
 * arrive late, on a busy machine), so this thread waits until the cell holds its request's number,
 * and takes the answer that carries it.
 */
class SyncConnection {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  private sent = 0;
  private closed = false;

  constructor(url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(connectionThreadFile(), {
      workerData: { url, port: port2, shared: this.answered.buffer },
      // Answers are bounded (pages, chunks of keys): a small heap of its own, collected early.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
      // Plain JavaScript: no loader hooks of the parent (a TypeScript loader takes a second to start).
      execArgv: [],
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
  }

  request(message: object): Record<string, unknown>[] {
    if (this.closed) throw new Error('the store is closed');
    const id = ++this.sent;
    this.port.postMessage({ ...message, id });
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const seen = Atomics.load(this.answered, 0);
      if (seen >= id) break;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no answer in ${TIMEOUT_MS / 1000} s`);
      Atomics.wait(this.answered, 0, seen, left);
    }
    // Answers to requests that timed out come first: they are dropped.
    for (;;) {
      const reply = receiveMessageOnPort(this.port)?.message as (Reply & { id: number }) | undefined;
      if (!reply) throw new Error('the connection thread stopped');
      if (reply.id !== id) continue;
      if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
      return reply.rows ?? [];
    }
  }

  close(): void {
    if (this.closed) return;
    try {
      this.request({ close: true });
    } catch {
      // already gone
    }
    this.closed = true;
    void this.worker.terminate();
  }
}

/** The connection thread's file: beside this one in the sources, an entry point of its own in dist/. */
function connectionThreadFile(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return new URL('./pg-worker.mjs', here);
  return new URL(here.includes('/chunks/') ? '../pg-worker.js' : './pg-worker.js', here);
}

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const num = (v: unknown) => Number(v);

export class PostgresBackend implements EvidenceBackend {
  readonly location: string;
  private readonly conn: SyncConnection;
  private readonly password: string;

  private constructor(url: string) {
    this.location = redactUrl(url);
    try {
      this.password = decodeURIComponent(new URL(url).password);
    } catch {
      this.password = '';
    }
    this.conn = new SyncConnection(url);
  }

  /** Connects, creates or migrates the schema, and empties a store filled by another pipeline. */
  static open(url: string): PostgresBackend {
    const store = new PostgresBackend(url);
    try {
      store.q('SELECT 1');
      store.migrate();
      const pipeline = `${PIPELINE_VERSION}/${META_VERSION}`;
      if (store.info('pipeline') !== pipeline) {
        // Emptied under the schema lock, and only if still filled by another pipeline once the lock
        // is held: a second process opening the store meanwhile must not empty it again while the
        // first is already storing files (nor wait on its tables while it does).
        store.q('BEGIN');
        try {
          store.q('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SCHEMA]);
          if (store.info('pipeline') !== pipeline)
            store.batch(
              [
                { sql: 'TRUNCATE files, documents, claims, claim_topics, quotes, word_stems, word_forms' },
                { sql: 'UPDATE totals SET claims = 0, tokens = 0, documents = 0' },
                { sql: "INSERT INTO info(name, value) VALUES ('pipeline', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value", params: [pipeline] },
              ],
              false,
            );
          store.q('COMMIT');
        } catch (err) {
          store.q('ROLLBACK');
          throw err;
        }
      }
      return store;
    } catch (err) {
      store.conn.close();
      throw store.failure(err);
    }
  }

  /** An error that names the store (never its password) and what went wrong. */
  private failure(err: unknown): Error {
    let message = err instanceof Error ? err.message : String(err);
    if (this.password) message = message.split(this.password).join('***');
    const code = (err as { code?: string }).code;
    const unreachable = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|timeout|no answer/i.test(message);
    const prefix = unreachable ? 'cannot reach the evidence store at' : 'evidence store';
    return Object.assign(new Error(`${prefix} ${this.location}: ${message}`), { code });
  }

  private q(sql: string, params: unknown[] = []): Row[] {
    return this.conn.request({ sql, params });
  }

  private batch(statements: Array<{ sql: string; params?: unknown[] }>, tx: boolean): Row[] {
    return this.conn.request({ batch: statements.map((s) => ({ sql: s.sql, params: s.params ?? [] })), tx });
  }

  private migrate(): void {
    this.batch(
      [
        { sql: 'SELECT pg_advisory_lock($1, 0)', params: [LOCK_SCHEMA] },
        { sql: 'CREATE TABLE IF NOT EXISTS briefdeck_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())' },
      ],
      false,
    );
    try {
      const current = num(this.q('SELECT coalesce(max(version), 0) AS v FROM briefdeck_schema')[0].v);
      if (current > MIGRATIONS.length)
        throw new Error(
          `its schema is version ${current}, newer than this briefdeck knows (${MIGRATIONS.length}); upgrade briefdeck on this machine`,
        );
      for (let v = current + 1; v <= MIGRATIONS.length; v++) {
        this.batch(
          [{ sql: MIGRATIONS[v - 1] }, { sql: 'INSERT INTO briefdeck_schema(version) VALUES ($1)', params: [v] }],
          true,
        );
      }
    } finally {
      this.q('SELECT pg_advisory_unlock($1, 0)', [LOCK_SCHEMA]);
    }
  }

  info(name: string): string | undefined {
    const row = this.q('SELECT value FROM info WHERE name = $1', [name])[0];
    return row ? str(row.value) : undefined;
  }

  setInfo(name: string, value: string): void {
    this.q('INSERT INTO info(name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
  }

  filesWithoutDocument(): string[] {
    return this.guard(() => this.q('SELECT path FROM files f WHERE doc_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.doc_id)').map((r) => str(r.path)));
  }

  files(): Map<string, StoredFile> {
    const out = new Map<string, StoredFile>();
    for (const r of this.pages('SELECT path, key, doc_id, diagnostics FROM files', 'path')) {
      const diagnostics = str(r.diagnostics);
      out.set(str(r.path), { path: str(r.path), key: str(r.key), docId: (r.doc_id as string | null) ?? null, diagnostics: diagnostics === '[]' ? [] : JSON.parse(diagnostics) });
    }
    return out;
  }

  filesVersion(): string | undefined {
    return this.guard(() => this.info('files-version'));
  }

  filesWithVersion(): { version: string | undefined; files: Map<string, StoredFile> } {
    // One snapshot for the version and every page of rows: they are of the same moment.
    this.guard(() => this.q('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'));
    try {
      const out = { version: this.filesVersion(), files: this.files() };
      this.guard(() => this.q('COMMIT'));
      return out;
    } catch (err) {
      try {
        this.q('ROLLBACK');
      } catch {
        // the connection is gone
      }
      throw err;
    }
  }

  /**
   * The rows of a query over a whole table, in `key` order, read a large page at a time (keyset
   * pagination on `key`), so no one answer holds the table.
   */
  private *pages(select: string, key: string): Iterable<Row> {
    let after: string | undefined;
    for (;;) {
      const rows = this.guard(() =>
        this.q(`${select} ${after === undefined ? '' : `WHERE ${key} > $2 `}ORDER BY ${key} LIMIT $1`, after === undefined ? [PAGE * 10] : [PAGE * 10, after]),
      );
      yield* rows;
      if (rows.length < PAGE * 10) return;
      after = str(rows[rows.length - 1][key.replace(/ COLLATE.*/, '')]);
    }
  }

  /** The statements that replace everything stored for one file. */
  private putStatements(file: StoredFile, doc?: CorpusDocument, claims: Claim[] = [], quotes: Quote[] = [], meta?: DocumentMeta) {
    const statements: Array<{ sql: string; params?: unknown[] }> = [];
    const gone = GONE;
    const ids = [file.path, doc?.id ?? null];
    statements.push(
      {
        sql: `WITH gone AS (DELETE FROM claims WHERE doc_id = ANY (${gone}) RETURNING ntok)
              UPDATE totals SET claims = claims - (SELECT count(*) FROM gone), tokens = tokens - (SELECT coalesce(sum(ntok), 0) FROM gone)`,
        params: ids,
      },
      { sql: `DELETE FROM quotes WHERE doc_id = ANY (${gone})`, params: ids },
      { sql: `DELETE FROM documents WHERE id = ANY (${gone})`, params: ids },
      { sql: 'DELETE FROM files WHERE path = $1', params: [file.path] },
    );
    if (doc) {
      statements.push({
        sql: 'INSERT INTO documents(id, hash, path, language, meta, body) VALUES ($1, $2, $3, $4, $5, $6)',
        params: [doc.id, doc.hash, doc.path, doc.language ?? null, JSON.stringify(meta ?? metaOf(doc)), documentBody(doc)],
      });
      if (claims.length) {
        const tokens = tokenize(claims.map((c) => c.text));
        statements.push({
          sql: `INSERT INTO claims(doc_seq, id, doc_id, kind, text, body, tokens, ntok, tsv)
                SELECT d.seq, x.id, x.doc_id, x.kind, x.text, x.body, x.tokens, x.ntok, x.tsv::tsvector
                FROM documents d,
                     unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[])
                       WITH ORDINALITY AS x(id, doc_id, kind, text, body, tokens, ntok, tsv, ord)
                WHERE d.id = $1 ORDER BY x.ord`,
          params: [
            doc.id,
            claims.map((c) => c.id),
            claims.map((c) => c.docId),
            claims.map((c) => c.kind),
            claims.map((c) => c.text),
            claims.map((c) => JSON.stringify(c)),
            tokens.map((t) => t.join(' ')),
            tokens.map((t) => t.length),
            tokens.map((t) => tsvectorOf(t)),
          ],
        });
        statements.push({
          sql: 'UPDATE totals SET claims = claims + $1, tokens = tokens + $2',
          params: [claims.length, tokens.reduce((n, t) => n + t.length, 0)],
        });
        const pairs = claims.flatMap((c) => [...new Set(c.topics.map(topicKey))].map((t) => [c.id, t]));
        if (pairs.length)
          statements.push({
            sql: `INSERT INTO claim_topics(topic, claim) SELECT x.topic, c.seq FROM unnest($1::text[], $2::text[]) AS x(id, topic)
                  JOIN claims c ON c.id = x.id ON CONFLICT DO NOTHING`,
            params: [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
          });
      }
      if (quotes.length)
        statements.push({
          sql: `INSERT INTO quotes(id, doc_id, speaker, body)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(id, doc_id, speaker, body, ord)
                ORDER BY ord`.replace('SELECT *', 'SELECT x.id, x.doc_id, x.speaker, x.body'),
          params: [quotes.map((q) => q.id), quotes.map((q) => q.docId), quotes.map((q) => q.speaker), quotes.map((q) => JSON.stringify(q))],
        });
    }
    statements.push({
      sql: 'INSERT INTO files(path, key, doc_id, diagnostics) VALUES ($1, $2, $3, $4)',
      params: [file.path, file.key, file.docId, JSON.stringify(file.diagnostics)],
    });
    return statements;
  }

  putFile(file: StoredFile, doc?: CorpusDocument, claims: Iterable<Claim> = [], quotes: Iterable<Quote> = [], worked: Worked = {}): void {
    // (A stream of claims is read whole here: the server is sent a file's rows in one batch.)
    const list = [...claims];
    this.guard(() => this.write(file, doc, list, [...quotes], false, worked));
  }

  /**
   * Replaces everything stored for one file in one transaction, under the file's lock: the claims
   * it replaces are read first, so their words leave the counts as the new ones come in. `remove`:
   * the file's rows go and nothing comes.
   */
  private write(file: StoredFile, doc?: CorpusDocument, claims: Claim[] = [], quotes: Quote[] = [], remove = false, worked: Worked = {}): void {
    this.q('BEGIN');
    try {
      this.q('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_FILE, file.path]);
      const rows = this.q(`SELECT doc_id, text FROM claims WHERE doc_id = ANY (${GONE}) ORDER BY doc_seq, seq`, [file.path, doc?.id ?? null]);
      const gone = new Map<string, string[]>();
      for (const r of rows) (gone.get(str(r.doc_id)) ?? gone.set(str(r.doc_id), []).get(str(r.doc_id))!).push(str(r.text));
      const delta = fileDelta([...gone.values()], doc ? claims : undefined, worked.words);
      const statements = this.putStatements(file, doc, claims, quotes, worked.meta);
      this.batch([...(remove ? statements.slice(0, 4) : statements), ...wordStatements(delta), { sql: 'COMMIT' }], false);
    } catch (err) {
      try {
        this.q('ROLLBACK');
      } catch {
        // the connection is gone: the server rolled back
      }
      throw err;
    }
  }

  /**
   * Claims a file: the file's advisory lock, held by this connection until `put` has stored the
   * file in one transaction or `release` gives it up (or the process dies, when the server drops
   * its locks). A process holds several claims at once while files are read ahead. Undefined when
   * another process holds the lock, or stored the file with this key meanwhile.
   */
  claimFile(path: string, key: string, wait = false): FileClaim | undefined {
    return this.guard(() => {
      const locked = wait
        ? (this.q('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_FILE, path]), true)
        : this.q('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_FILE, path])[0].ok === true;
      if (!locked) return undefined;
      const unlock = () => this.q('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_FILE, path]);
      try {
        if (str(this.q('SELECT key FROM files WHERE path = $1', [path])[0]?.key) === key) {
          unlock();
          return undefined;
        }
      } catch (err) {
        unlock();
        throw err;
      }
      let open = true;
      return {
        put: (file, doc, claims = [], quotes = [], worked) => {
          if (!open) throw new Error(`the claim on ${path} has ended`);
          open = false;
          try {
            const list = [...claims];
            this.write(file, doc, list, [...quotes], false, worked);
          } catch (err) {
            throw this.failure(err);
          } finally {
            unlock();
          }
        },
        release: () => {
          if (!open) return;
          open = false;
          unlock();
        },
      };
    });
  }

  removeFile(path: string): void {
    this.guard(() => this.write({ path, key: '', docId: null, diagnostics: [] }, undefined, [], [], true));
  }

  retag(topicsOf: (text: string) => string[]): void {
    this.guard(() => {
      this.q('BEGIN');
      try {
        this.q('DELETE FROM claim_topics');
        let after = 0;
        for (;;) {
          const rows = this.q('SELECT seq, text, body FROM claims WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
          if (!rows.length) break;
          const seqs: number[] = [];
          const bodies: string[] = [];
          const pairs: Array<[number, string]> = [];
          for (const r of rows) {
            const claim = JSON.parse(str(r.body)) as Claim;
            claim.topics = topicsOf(str(r.text));
            seqs.push(num(r.seq));
            bodies.push(JSON.stringify(claim));
            for (const t of new Set(claim.topics.map(topicKey))) pairs.push([num(r.seq), t]);
          }
          this.q('UPDATE claims c SET body = x.body FROM unnest($1::bigint[], $2::text[]) AS x(seq, body) WHERE c.seq = x.seq', [seqs, bodies]);
          if (pairs.length)
            this.q('INSERT INTO claim_topics(topic, claim) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING', [
              pairs.map((p) => p[1]),
              pairs.map((p) => p[0]),
            ]);
          after = num(rows[rows.length - 1].seq);
        }
        this.q('COMMIT');
      } catch (err) {
        this.q('ROLLBACK');
        throw err;
      }
    });
  }

  documents(): DocumentMeta[] {
    const out: DocumentMeta[] = [];
    for (const r of this.pages('SELECT path, meta FROM documents', 'path COLLATE "C"')) out.push(JSON.parse(str(r.meta)) as DocumentMeta);
    return out;
  }

  document(id: string): CorpusDocument | undefined {
    const row = this.guard(() => this.q('SELECT body FROM documents WHERE id = $1', [id])[0]);
    return row ? parseDocument(str(row.body)) : undefined;
  }

  *eachClaim(): Iterable<Claim> {
    let after: [number, number] = [0, 0];
    for (;;) {
      const rows = this.guard(() =>
        this.q('SELECT doc_seq, seq, body FROM claims WHERE (doc_seq, seq) > ($1, $2) ORDER BY doc_seq, seq LIMIT $3', [...after, PAGE]),
      );
      if (!rows.length) return;
      const last = rows[rows.length - 1];
      after = [num(last.doc_seq), num(last.seq)];
      for (const r of rows) yield JSON.parse(str(r.body)) as Claim;
    }
  }

  claimsById(ids: readonly string[]): Claim[] {
    return this.inChunks('id', ids);
  }

  /**
   * Claims whose `column` is one of `keys`, in store order, asked for a few thousand keys at a time
   * so no one answer is large (the connection thread holds it twice, as rows and as a message).
   */
  private inChunks(column: 'id' | 'doc_id', keys: readonly string[]): Claim[] {
    if (!keys.length) return [];
    const size = column === 'id' ? PAGE : PAGE / 10;
    const rows: Array<[number, number, string]> = [];
    this.guard(() => {
      for (let i = 0; i < keys.length; i += size)
        for (const r of this.q(`SELECT doc_seq, seq, body FROM claims WHERE ${column} = ANY($1::text[])`, [keys.slice(i, i + size)]))
          rows.push([num(r.doc_seq), num(r.seq), str(r.body)]);
    });
    rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return rows.map((r) => JSON.parse(r[2]) as Claim);
  }

  claimsTagged(topic: string): Claim[] {
    return this.guard(() =>
      this.q('SELECT c.body FROM claim_topics t JOIN claims c ON c.seq = t.claim WHERE t.topic = $1 ORDER BY c.doc_seq, c.seq', [topicKey(topic)]).map(
        (r) => JSON.parse(str(r.body)) as Claim,
      ),
    );
  }

  claimsOfDocuments(docIds: readonly string[]): Claim[] {
    return this.inChunks('doc_id', docIds);
  }

  leads(docIds: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    this.guard(() => {
      for (let i = 0; i < docIds.length; i += PAGE)
        for (const r of this.q("SELECT id, body::json->'paragraphs'->0->>'text' AS lead FROM documents WHERE id = ANY($1::text[])", [docIds.slice(i, i + PAGE)]))
          if (r.lead !== null) out.set(str(r.id), str(r.lead));
    });
    return out;
  }

  languages(): Map<string, number> {
    const rows = this.guard(() => this.q('SELECT language, count(*) AS n FROM documents WHERE language IS NOT NULL GROUP BY language'));
    return new Map(rows.filter((r) => r.language).map((r) => [str(r.language), num(r.n)]));
  }

  quotes(): Quote[] {
    return this.guard(() => this.q('SELECT body FROM quotes ORDER BY seq').map((r) => JSON.parse(str(r.body)) as Quote));
  }

  /**
   * Every claim with any of the words, ranked as FTS5's bm25 ranks them: the GIN index finds
   * them, their tokens and the index's totals give the score, best first, ties by claim id. With
   * a limit, only the best that many are wanted: when the best of the claims holding one of the
   * query's rarer phrases beat the most a claim holding only the commonest ones can score, only
   * those claims travel and are ranked (as the embedded store leaves them out, `rarerRows`); the
   * server counts each phrase's claims for the idf. The answer is that of ranking every claim.
   */
  private ranked(terms: readonly string[], limit?: number): Array<{ seq: number; id: string; score: number }> {
    const phrases = tokenize(terms);
    const tsquery = tsqueryOf(phrases);
    if (!tsquery) return [];
    const [totals] = this.q('SELECT claims, tokens FROM totals');
    const total = { rows: num(totals.claims), tokens: num(totals.tokens) };
    // Each matching claim's occurrences of each phrase, counted by the server from its tokens (a
    // phrase counts at every position where its tokens follow one another): only numbers travel.
    const params: unknown[] = [tsquery];
    const counts = phrases.map((p) => {
      if (!p.length) return '0';
      const first = `$${params.push(p[0])}::text`;
      if (p.length === 1) return `coalesce(cardinality(array_positions(a, ${first})), 0)`;
      const rest = p.slice(1).map((t, k) => `a[i + ${k + 1}] = $${params.push(t)}::text`).join(' AND ');
      return `(SELECT count(*) FROM unnest(array_positions(a, ${first})) AS p(i) WHERE ${rest})`;
    });
    const matching = `SELECT seq, id, ntok, ARRAY[${counts.join(', ')}]::bigint[] AS freq
       FROM claims CROSS JOIN LATERAL string_to_array(tokens, ' ') AS t(a) WHERE tsv @@ $1::tsquery`;
    const rank = (rows: Array<Record<string, unknown>>, hits?: number[]) => {
      const scores = bm25Counted(
        rows.map((r) => (r.freq as unknown[]).map(num)),
        rows.map((r) => num(r.ntok)),
        total,
        hits,
      );
      const order = rows.map((r, i) => ({ seq: num(r.seq), id: str(r.id), score: scores[i] }));
      order.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return order;
    };
    const rarer = limit && limit >= 1 && new Set(phrases.map((p) => p.join(' '))).size > 1 ? this.rarerPhrases(phrases, total.rows) : undefined;
    if (rarer) {
      const within = `$${params.length + 1}::tsquery`;
      const best = rank(this.q(`${matching} AND tsv @@ ${within}`, [...params, tsqueryOf(rarer.phrases.map((i) => phrases[i]))]), rarer.hits);
      if (best.length >= limit! && best[Math.floor(limit!) - 1].score > rarer.ceiling) return best;
    }
    const rows = this.q(matching, params);
    return rows.length ? rank(rows) : [];
  }

  /**
   * The phrases of the query but its commonest (the fewest held by more than half of the query's
   * matches), each phrase's claims, and the most a claim holding none of those phrases can score:
   * a phrase adds at most its idf × (k1 + 1) however often a claim holds it. For phrases of one
   * token each (a claim's index holds every token it holds, but those over the index's size
   * limit), counted by the index, without reading any claim's tokens; else undefined.
   */
  private rarerPhrases(phrases: readonly (readonly string[])[], rows: number): { phrases: number[]; hits: number[]; ceiling: number } | undefined {
    if (phrases.some((p) => p.length !== 1 || Buffer.byteLength(p[0]) > MAX_LEXEME_BYTES)) return undefined;
    const [r] = this.q(`SELECT ${phrases.map((_, i) => `(SELECT count(*) FROM claims WHERE tsv @@ $${i + 1}::tsquery) AS h${i}`).join(', ')}`, phrases.map((p) => tsqueryOf([p])));
    const hits = phrases.map((_, i) => num(r[`h${i}`]));
    // The same phrase named twice counts twice (as in the score); it is left out or kept whole.
    const byPhrase = new Map<string, number[]>();
    phrases.forEach((p, i) => (byPhrase.get(p.join(' ')) ?? byPhrase.set(p.join(' '), []).get(p.join(' '))!).push(i));
    const groups = [...byPhrase.values()].sort((a, b) => hits[b[0]] - hits[a[0]]);
    const all = groups.reduce((n, g) => n + hits[g[0]], 0);
    let left = 0;
    let ceiling = 0;
    for (let i = 0; i < groups.length - 1; i++) {
      left += hits[groups[i][0]];
      ceiling += bm25Idf(rows, hits[groups[i][0]]) * 2.2 * groups[i].length;
      // Sums of floating-point terms may round up a little: the ceiling is raised well beyond that.
      if (left * 2 > all) return { phrases: groups.slice(i + 1).flat(), hits, ceiling: ceiling * (1 + 1e-9) + 1e-9 };
    }
    return undefined;
  }

  /**
   * bm25 over claim text, as the embedded store ranks (`ranked`); the query's filters applied
   * after ranking. Claims are parsed only as far as the query's filters and limit need.
   */
  search(query: ClaimQuery): ScoredClaim[] {
    const terms = queryTerms(query.text);
    if (!terms.length) {
      const all = this.eachClaim();
      return filterRanked((function* () {
        for (const claim of all) yield { claim, score: 0 };
      })(), query);
    }
    return this.guard(() => {
      const filtered = !!(query.kinds?.length || query.topics?.length || query.docIds?.length);
      const order = this.ranked(terms, filtered ? undefined : query.limit);
      const fetch = (seqs: number[]) => {
        const bodies = new Map(this.q('SELECT seq, body FROM claims WHERE seq = ANY($1::bigint[])', [seqs]).map((r) => [num(r.seq), str(r.body)]));
        return seqs.map((s) => bodies.get(s)!);
      };
      return filterRanked(
        (function* () {
          let size = Math.max(50, Math.min(PAGE, query.limit ?? PAGE));
          for (let i = 0; i < order.length; i += size, size = PAGE) {
            const page = order.slice(i, i + size);
            const bodies = fetch(page.map((p) => p.seq));
            for (let k = 0; k < page.length; k++) yield { claim: JSON.parse(bodies[k]) as Claim, score: page[k].score };
          }
        })(),
        query,
      );
    });
  }

  searchIds(text: string, limit?: number): Array<{ id: string; score: number }> {
    const terms = queryTerms(text);
    if (!terms.length) {
      const rows = this.guard(() => this.q(`SELECT id FROM claims ORDER BY doc_seq, seq${limit ? ' LIMIT $1' : ''}`, limit ? [limit] : []));
      return rows.map((r) => ({ id: str(r.id), score: 0 }));
    }
    const order = this.guard(() => this.ranked(terms, limit));
    return (limit ? order.slice(0, limit) : order).map((r) => ({ id: r.id, score: roundScore(r.score) }));
  }

  wordCounts(): StoredWordCounts {
    const [totals] = this.guard(() => this.q('SELECT documents, claims FROM totals'));
    const lookup = (sql: string, keys: readonly string[]) => (keys.length ? this.guard(() => this.q(sql, [keys])) : []);
    return {
      documents: num(totals.documents),
      claims: num(totals.claims),
      stems: (stems) =>
        new Map(lookup('SELECT stem, claims, documents FROM word_stems WHERE stem = ANY($1::text[])', stems).map((r) => [str(r.stem), { claims: num(r.claims), documents: num(r.documents) }])),
      forms: (forms) =>
        new Map(lookup('SELECT form, upper, lower FROM word_forms WHERE form = ANY($1::text[])', forms).map((r) => [str(r.form), { upper: num(r.upper), lower: num(r.lower) }])),
    };
  }

  stats(): { documents: number; claims: number; quotes: number } {
    const [r] = this.guard(() =>
      this.q('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT claims FROM totals) AS claims, (SELECT count(*) FROM quotes) AS quotes'),
    );
    return { documents: num(r.documents), claims: num(r.claims), quotes: num(r.quotes) };
  }

  close(): void {
    this.conn.close();
  }

  /** Runs a request; a failure names the store. */
  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (err) {
      if (err instanceof Error && err.message.includes(this.location)) throw err;
      throw this.failure(err);
    }
  }
}
