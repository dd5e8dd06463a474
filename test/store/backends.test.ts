/**
 * The evidence store's contract, on both backends from one file: the embedded SQLite store and a
 * PostgreSQL server (a throwaway cluster started here, or BRIEFDECK_TEST_PG_URL). Both must hold
 * the same documents, claims and quotes in the same order, rank every search alike, and give the
 * same deck.json for every sample briefing, on the seed corpus and on the Reuters stories, and
 * keep the word counts one pass over the claims gives. Then what only a server does: several
 * ingest workers at once, a worker killed mid-file, and clear errors for a server that is
 * unreachable or newer than this briefdeck.
 *
 * Without a PostgreSQL server the PostgreSQL half says why it did not run; with
 * BRIEFDECK_REQUIRE_PG=1 (CI) it fails instead.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleOn } from '../support/article.ts';
import pg from 'pg';
import { loadCorpus, type CorpusStore } from '../../src/corpus/index.ts';
import { readFileTable } from '../../src/corpus/store/file-table.ts';
import { PostgresBackend } from '../../src/corpus/store/postgres.ts';
import { redactUrl } from '../../src/corpus/store/types.ts';
import { RACY_MS, readCheckRecord, saveCheckRecord } from '../../src/corpus/unchanged.ts';
import { WordTally } from '../../src/corpus/word-counts.ts';
import { composeDeck } from '../../src/deck/index.ts';
import type { EvidenceStore } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { themeNames } from '../../src/theme/index.ts';
import { startCluster, type Cluster } from '../support/pg-cluster.ts';

const root = resolve(import.meta.dirname, '../..');
// The copy vendored for the evaluation, in every clone (the shared one when this one is absent).
const REUTERS = [resolve(root, 'eval', 'corpora', 'reuters-21578-0'), resolve(root, '..', 'shared', 'corpora', 'reuters-21578-0')].find((d) => existsSync(d)) ?? '';
const NEWSWIRE = resolve(root, 'test', 'fixtures', 'corpus', 'newswire');
const required = process.env.BRIEFDECK_REQUIRE_PG === '1';
const CHILD = resolve(root, 'test', 'support', 'ingest-child.ts');

let cluster: Cluster | undefined;
let serverUrl = process.env.BRIEFDECK_TEST_PG_URL;
let unavailable: string | undefined;
const work = mkdtempSync(join(tmpdir(), 'bd-backends-'));
let databases = 0;

/** A fresh database on the test server. */
async function database(): Promise<string> {
  const name = `bd_test_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  if (!serverUrl) {
    try {
      cluster = await startCluster();
      serverUrl = cluster.url;
    } catch (err) {
      unavailable = (err as Error).message.split('\n')[0];
    }
  }
  if (unavailable) {
    if (required) throw new Error(`BRIEFDECK_REQUIRE_PG=1 but no PostgreSQL server could be started: ${unavailable}`);
    console.warn(`PostgreSQL store tests did not run: ${unavailable} (set BRIEFDECK_TEST_PG_URL, or install postgresql)`);
  }
}, 120_000);

afterAll(() => {
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
});

const corpora = [
  { name: 'seed', project: root, corpusDir: resolve(root, 'corpus') },
  REUTERS
    ? { name: 'reuters-21578-0', project: resolve(REUTERS, '..'), corpusDir: REUTERS }
    : { name: 'newswire fixture (Reuters corpus not found)', project: resolve(NEWSWIRE, '..'), corpusDir: NEWSWIRE },
];

/**
 * Lets the test runner's messages through between synchronous steps: composing a deck on a store
 * blocks this thread, and a thread blocked for a minute on a busy machine loses the runner's RPC.
 */
const tick = () => new Promise((done) => setImmediate(done));

async function samples(store: EvidenceStore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const f of readdirSync(resolve(root, 'briefings')).filter((x) => x.endsWith('.md')).sort()) {
    await tick();
    const path = resolve(root, 'briefings', f);
    const { spec } = parseBriefing(path, readFileSync(path, 'utf8'), { root, themes: themeNames(root) });
    const { deck, diagnostics } = composeDeck(spec!, store, {});
    out[f] = { deck, diagnostics };
  }
  return out;
}

/** Everything a later stage can read from a store, in a comparable form. */
async function contents(store: CorpusStore) {
  const claims = store.claims();
  await tick();
  const ids = claims.filter((_, i) => i % 7 === 0).map((c) => c.id).reverse();
  const topics = Object.keys(store.topics());
  const documents = store.documents();
  const out = {
    stats: store.stats(),
    documents,
    first: documents.slice(0, 3).map((d) => store.document(d.id)),
    claims,
    quotes: store.quotes(),
    byId: store.claimsById!(ids).map((c) => c.id),
    tagged: topics.map((t) => store.claimsTagged!(t).map((c) => c.id)),
    byDocument: documents.filter((_, i) => i % 5 === 0).map((d) => store.claimsOfDocuments!([d.id]).map((c) => c.id)),
    diagnostics: store.diagnostics,
    searches: [] as Array<Array<[string, number]>>,
    filtered: store.searchClaims({ text: 'said', kinds: ['attributed'], limit: 10 }).map((c) => c.id),
  };
  // The word counts kept at ingest: what one pass over the claims counts, on both backends.
  const tally = new WordTally();
  for (const c of claims) tally.add(c.text, c.docId);
  const counts = store.wordCounts();
  const stems = [...tally.stems.keys()];
  const forms = [...tally.forms.keys()];
  expect({ documents: counts.documents, claims: counts.claims }).toEqual({ documents: tally.documents, claims: tally.claims });
  const stemCounts = counts.stems(stems);
  for (const s of stems) expect(stemCounts.get(s), s).toEqual({ claims: tally.stems.get(s)!.claims, documents: tally.stems.get(s)!.documents });
  const formCounts = counts.forms(forms);
  for (const f of forms) expect(formCounts.get(f), f).toEqual({ ...tally.forms.get(f)! });
  await tick();
  for (const q of ['oil prices', 'China Russia partnership', 'sanctions energy exports', 'the', 'dlrs mln pct', 'zzzz nothing']) {
    await tick();
    const found = store.searchClaims({ text: q, limit: 40 }).map((c): [string, number] => [c.id, c.score]);
    // The ids alone, as a deck asks for them, are those of the search.
    expect(store.searchIds!(q, 40).map((h) => [h.id, h.score]), q).toEqual(found);
    out.searches.push(found);
  }
  return out;
}

const pgIt = (name: string, fn: () => Promise<void>, timeout = 480_000) =>
  it(name, async () => {
    if (unavailable) {
      if (required) throw new Error(`PostgreSQL required but unavailable: ${unavailable}`);
      console.warn(`skipped '${name}': ${unavailable}`);
      return;
    }
    await fn();
  }, timeout);

describe.each(corpora)('both backends on the $name corpus', ({ project, corpusDir }) => {
  pgIt('hold the same evidence, rank every search alike and give the same deck.json for every sample', async () => {
    const lite = await loadCorpus({ root: project, corpusDir, cacheDir: mkdtempSync(join(work, 'cache-')) });
    const url = await database();
    const server = await loadCorpus({ root: project, corpusDir, store: url });
    try {
      expect(server.location).toBe(redactUrl(url));
      const a = await contents(lite);
      const b = await contents(server);
      expect(b.stats).toEqual(a.stats);
      expect(b.stats.claims).toBeGreaterThan(50);
      expect(b).toEqual(a);
      expect(a.searches[0].length).toBeGreaterThan(0);
      expect(JSON.stringify(await samples(server))).toBe(JSON.stringify(await samples(lite)));
    } finally {
      lite.close();
      server.close();
    }
    // Reopened unchanged: nothing is read again, and the answers are the same.
    const again = await loadCorpus({ root: project, corpusDir, store: url, onFile: (p, read) => expect(read, p).toBe(false) });
    try {
      expect(again.stats().documents).toBeGreaterThan(0);
    } finally {
      again.close();
    }
  });
});

interface Worker {
  lines: string[];
  exited: Promise<number | null>;
  kill(): void;
}

function worker(project: string, corpusDir: string, url: string, onLine?: (line: string, w: Worker) => void): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, project, corpusDir, url], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const w: Worker = {
    lines: [],
    exited: new Promise((done) => child.on('close', (code) => done(code))),
    kill: () => child.kill('SIGKILL'),
  };
  let rest = '';
  child.stdout.on('data', (b: Buffer) => {
    const parts = (rest + b.toString()).split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      w.lines.push(line);
      onLine?.(line, w);
    }
  });
  let errors = '';
  child.stderr.on('data', (b: Buffer) => (errors += b.toString()));
  child.on('close', (code) => {
    if (code && !child.killed) console.error(errors);
  });
  return w;
}

/** The store's word counts for every stem and word its claims use. */
function wordCountsOf(store: CorpusStore) {
  const tally = new WordTally();
  for (const c of store.claims()) tally.add(c.text, c.docId);
  const counts = store.wordCounts();
  const sorted = <T>(m: Map<string, T>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { documents: counts.documents, claims: counts.claims, stems: sorted(counts.stems([...tally.stems.keys()])), forms: sorted(counts.forms([...tally.forms.keys()])) };
}

describe('a PostgreSQL store filled by several workers', () => {
  const corpus = corpora[1];
  // The first 120 stories (or the whole fixture): enough files for two workers to share, small
  // enough to ingest three times over on a busy CI machine.
  const folder = () => {
    const dir = mkdtempSync(join(work, 'corpus-'));
    const files = (readdirSync(corpus.corpusDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.txt')).sort().slice(0, 120);
    for (const f of files) cpSync(join(corpus.corpusDir, f), join(dir, f));
    return dir;
  };

  pgIt('stores each file once, with the evidence of a single worker', async () => {
    const dir = folder();
    const reference = await loadCorpus({ root: dir, corpusDir: dir, cacheDir: mkdtempSync(join(work, 'cache-')) });
    const url = await database();
    const workers = [worker(dir, dir, url), worker(dir, dir, url)];
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    const read = workers.map((w) => w.lines.filter((l) => l.startsWith('(read)')).map((l) => l.slice(7)));
    // Every file was processed by exactly one of them.
    const all = [...read[0], ...read[1]].sort();
    expect(new Set(all).size).toBe(all.length);
    const shared = await loadCorpus({ root: dir, corpusDir: dir, store: url, onFile: (p, processed) => expect(processed, p).toBe(false) });
    try {
      const byId = (s: CorpusStore) => s.claims().map((c) => JSON.stringify(c)).sort();
      expect(byId(shared)).toEqual(byId(reference));
      expect(shared.quotes().map((q) => q.id).sort()).toEqual(reference.quotes().map((q) => q.id).sort());
      expect(shared.stats()).toEqual(reference.stats());
      expect(wordCountsOf(shared)).toEqual(wordCountsOf(reference));
    } finally {
      shared.close();
      reference.close();
    }
  });

  pgIt('loses nothing and leaves nothing half-stored when a worker is killed mid-ingest', async () => {
    const dir = folder();
    const reference = await loadCorpus({ root: dir, corpusDir: dir, cacheDir: mkdtempSync(join(work, 'cache-')) });
    const url = await database();
    for (const after of [1, 5, 20]) {
      const w = worker(dir, dir, url, (line, self) => {
        if (self.lines.filter((l) => l.startsWith('(read)')).length >= after) self.kill();
      });
      await w.exited;
      // A reader between the kill and the next run sees whole documents only: every stored
      // document has its claims, and every claim its document.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const orphans = await client.query(
          `SELECT (SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.doc_id)) AS claims,
                  (SELECT count(*) FROM files f WHERE f.doc_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.doc_id)) AS files,
                  (SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.doc_id = d.id)) AS documents`,
        );
        expect(orphans.rows[0]).toEqual({ claims: '0', files: '0', documents: '0' });
      } finally {
        await client.end();
      }
    }
    const finished = await loadCorpus({ root: dir, corpusDir: dir, store: url });
    try {
      expect(finished.claims().map((c) => JSON.stringify(c)).sort()).toEqual(reference.claims().map((c) => JSON.stringify(c)).sort());
      expect(finished.stats()).toEqual(reference.stats());
      expect(wordCountsOf(finished)).toEqual(wordCountsOf(reference));
    } finally {
      finished.close();
      reference.close();
    }
  });
});

describe('the files table of a PostgreSQL store', () => {
  const ARTICLE = articleOn;

  pgIt('has a version every write replaces, by any connection, so an unchanged corpus is checked from its saved copy and record', async () => {
    const url = await database();
    const project = mkdtempSync(join(work, 'versioned-'));
    const cache = join(project, '.cache', 'briefdeck');
    mkdirSync(join(project, 'corpus'));
    writeFileSync(join(project, 'corpus', 'one.txt'), ARTICLE('wheat'));
    writeFileSync(join(project, 'corpus', 'two.txt'), ARTICLE('coffee'));
    // Files written moments before a check are not recorded: wait them out.
    await new Promise((done) => setTimeout(done, RACY_MS + 150));
    const check = async () => {
      const store = await loadCorpus({ root: project, store: url });
      try {
        return { ids: store.documents().map((d) => d.id).sort(), fromRecord: store.diagnostics.some((d) => d.code === 'test/from-record') };
      } finally {
        store.close();
      }
    };
    expect((await check()).ids).toEqual(['one', 'two']);
    const db = PostgresBackend.open(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const version = db.filesVersion();
      expect(version).toMatch(/^[0-9a-f]{32}$/);
      expect(db.filesWithVersion()).toEqual({ version, files: db.files() });
      // The copy of the table and the record of the check are saved with that version.
      expect(readFileTable(join(cache, 'file-table.json'), version)).toEqual(db.files());
      const recordFile = join(cache, 'corpus-check.json');
      const record = readCheckRecord(recordFile)!;
      expect(record.version).toBe(version);
      record.diagnostics.push({ severity: 'info', file: 'corpus', code: 'test/from-record', message: 'reported from the record' });
      saveCheckRecord(recordFile, record);
      expect(await check()).toEqual({ ids: ['one', 'two'], fromRecord: true });
      expect(db.filesVersion()).toBe(version);

      // Every statement that writes to the table, from any connection, gives it a new version.
      const versions = [version];
      for (const sql of [
        "UPDATE files SET diagnostics = '[]' WHERE path = 'corpus/one.txt'",
        "INSERT INTO files(path, key, doc_id, diagnostics) VALUES ('corpus/gone.txt', 'k', NULL, '[]')",
        "DELETE FROM files WHERE path = 'corpus/two.txt'",
      ]) {
        await client.query(sql);
        versions.push(db.filesVersion());
      }
      expect(new Set(versions).size).toBe(versions.length);
      // A write rolled back leaves the version as it was.
      await client.query('BEGIN');
      await client.query("DELETE FROM files WHERE path = 'corpus/one.txt'");
      await client.query('ROLLBACK');
      expect(db.filesVersion()).toBe(versions.at(-1));
      // The next check reads the table, and puts back what the other connection changed.
      expect(await check()).toEqual({ ids: ['one', 'two'], fromRecord: false });
      expect([...db.files().keys()].sort()).toEqual(['corpus/one.txt', 'corpus/two.txt']);
    } finally {
      await client.end();
      db.close();
    }
  });
});

describe('a PostgreSQL store that lost documents', () => {
  pgIt('reads again a file whose row names a document the store does not hold', async () => {
    const url = await database();
    const project = mkdtempSync(join(work, 'orphans-'));
    mkdirSync(join(project, 'corpus'));
    writeFileSync(join(project, 'corpus', 'one.txt'), articleOn('wheat'));
    writeFileSync(join(project, 'corpus', 'two.txt'), articleOn('coffee'));
    const ids = async () => {
      const store = await loadCorpus({ root: project, store: url });
      try {
        return store.documents().map((d) => d.id).sort();
      } finally {
        store.close();
      }
    };
    expect(await ids()).toEqual(['one', 'two']);
    const db = PostgresBackend.open(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("DELETE FROM documents WHERE id = 'two'");
      expect(db.filesWithoutDocument()).toEqual(['corpus/two.txt']);
    } finally {
      await client.end();
      db.close();
    }
    rmSync(join(project, '.cache', 'briefdeck', 'corpus-check.json'), { force: true });
    expect(await ids()).toEqual(['one', 'two']);
  });
});

describe('PostgreSQL store errors', () => {
  it('names an unreachable server without its password', async () => {
    const url = 'postgres://analyst:s3cret-pw@127.0.0.1:1/briefings';
    const failure = await loadCorpus({ root, store: url }).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(failure?.message).toContain('postgres://analyst:***@127.0.0.1:1/briefings');
    expect(failure?.message).toMatch(/cannot reach/);
    expect(failure?.message).not.toContain('s3cret');
  });

  it('refuses a store URL of another kind', async () => {
    await expect(loadCorpus({ root, store: 'mysql://u:pw@host/db' })).rejects.toThrow(/mysql:\/\/u:\*\*\*@host\/db.*postgres:\/\//);
  });

  pgIt('refuses a store whose schema is newer than this briefdeck', async () => {
    const url = await database();
    const store = await loadCorpus({ root, corpusDir: resolve(root, 'corpus'), store: url });
    store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('INSERT INTO briefdeck_schema(version) VALUES (999)');
    await client.end();
    await expect(loadCorpus({ root, corpusDir: resolve(root, 'corpus'), store: url })).rejects.toThrow(/schema is version 999, newer/);
  });
});
