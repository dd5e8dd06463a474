/**
 * A search leaves out the claims that hold only the query's commonest words when they cannot
 * reach its best few (the embedded store's `rarerRows`, the server's `rarerPhrases`): the answer
 * must be exactly that of ranking every matching claim, scores and the order of ties included,
 * for any query and limit, on both backends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { SqliteBackend } from '../../src/corpus/store/sqlite.ts';
import { PostgresBackend } from '../../src/corpus/store/postgres.ts';
import type { EvidenceBackend } from '../../src/corpus/store/types.ts';
import { startCluster, type Cluster } from '../support/pg-cluster.ts';
import { roundScore } from '../../src/corpus/store/types.ts';
import type { Claim, CorpusDocument } from '../../src/model.ts';
import { prng } from '../support/prng.ts';

/** Words with how often a claim holds each: a few in most claims, some in a few, some rare. */
const WORDS: Array<[string, number]> = [
  ['of', 0.6], ['the', 0.5], ['said', 0.3], ['prices', 0.08], ['oil', 0.05], ['talks', 0.04],
  ['arctic', 0.01], ['siberia', 0.005], ['yukos', 0.003], ['quota', 0.002],
];
const FILLER = ['market', 'week', 'trade', 'group', 'rose', 'fell', 'year', 'bank', 'state', 'plan', 'deal', 'firm'];

let dir: string;
let db: SqliteBackend;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-search-skip-'));
  db = new SqliteBackend(join(dir, 'evidence.db'));
  const random = prng(18);
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) {
    // Every tenth claim repeats an earlier one: equal scores, ordered by id.
    if (i % 10 === 9) {
      texts.push(texts[Math.floor(random() * texts.length)]);
      continue;
    }
    const words: string[] = [];
    for (const [w, p] of WORDS) if (random() < p) for (let k = random() < 0.2 ? 2 : 1; k > 0; k--) words.push(w);
    for (let k = 3 + Math.floor(random() * 12); k > 0; k--) words.push(FILLER[Math.floor(random() * FILLER.length)]);
    words.sort(() => random() - 0.5);
    texts.push(`${words.join(' ')}.`);
  }
  store = (to: EvidenceBackend) => {
    const writes = [];
    for (let d = 0; d < 300; d++) {
      const id = `d${String(d).padStart(3, '0')}`;
      const claims = texts.slice(d * 10, d * 10 + 10).map((text, k) => ({ id: `${id}:c${9 - k}`, docId: id, kind: 'fact', text, topics: [] }) as unknown as Claim);
      const doc = { id, path: `${id}.txt`, format: 'txt', title: id, authors: [], hash: id, words: 3, droppedWords: 0, text: '', paragraphs: [], dropped: [] } as unknown as CorpusDocument;
      writes.push(() => to.putFile({ path: `${id}.txt`, key: id, docId: id, diagnostics: [] }, doc, claims));
    }
    if (to.inOneTransaction) to.inOneTransaction(writes);
    else for (const write of writes) write();
  };
  store(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Fills another backend with the same claims. */
let store: (to: EvidenceBackend) => void;
const QUERIES = ['siberia of', 'of the siberia', 'oil prices yukos', 'quota talks the of', 'of the', 'said said arctic', 'the of said', 'yukos of of'];
const LIMITS = [1, 3, 10, 25];
function queries(): string[] {
  const random = prng(7);
  const out = [...QUERIES];
  for (let i = 0; i < 40; i++) {
    const n = 2 + Math.floor(random() * 3);
    out.push(Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)][0]).join(' '));
  }
  return out;
}

/** Every matching claim ranked: bm25 best first, ties by id (as bytes; ASCII here). */
function everyRow(query: string): Array<{ id: string; score: number }> {
  const match = query.split(' ').map((t) => `"${t}"`).join(' OR ');
  const rows = db.db
    .prepare('SELECT c.id AS id, -bm25(claims_fts) AS score FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid WHERE claims_fts MATCH ?')
    .all(match) as Array<{ id: string; score: number }>;
  return rows.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('a search that leaves out rows holding only common words', () => {
  it('gives exactly the ranking of every row, ties included', () => {
    for (const query of queries())
      for (const limit of LIMITS) {
        const want = everyRow(query).slice(0, limit).map((r) => ({ id: r.id, score: roundScore(r.score) }));
        expect(db.searchIds(query, limit), `${query} (${limit})`).toEqual(want);
        expect(db.search({ text: query, limit }).map((c) => ({ id: c.id, score: c.score })), `${query} (${limit})`).toEqual(want);
      }
  });

  it('ranks only the rows holding a rarer word when the common ones cannot reach the best', () => {
    // A store of its own: statements are prepared anew, and each one is seen.
    const other = new SqliteBackend(db.location);
    const prepared: string[] = [];
    const prepare = other.db.prepare.bind(other.db);
    other.db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof other.db.prepare;
    try {
      const found = other.searchIds('siberia of the', 5);
      expect(found.length).toBe(5);
      expect(prepared.some((sql) => sql.includes('+rowid IN'))).toBe(true);
      // Every row found holds the rare word.
      for (const { id } of found) expect(other.claimsById([id])[0].text).toContain('siberia');
    } finally {
      other.close();
    }
  });
});

describe('a search of the server that leaves out claims holding only common words', () => {
  const required = process.env.BRIEFDECK_REQUIRE_PG === '1';
  let cluster: Cluster | undefined;
  let server: PostgresBackend | undefined;
  let unavailable: string | undefined;
  beforeAll(async () => {
    let url = process.env.BRIEFDECK_TEST_PG_URL;
    try {
      if (!url) url = (cluster = await startCluster()).url;
      const name = `bd_skip_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const u = new URL(url);
      u.pathname = `/${name}`;
      server = PostgresBackend.open(u.toString());
      store(server);
    } catch (err) {
      unavailable = (err as Error).message.split('\n')[0];
      if (required) throw new Error(`BRIEFDECK_REQUIRE_PG=1 but no PostgreSQL server could be used: ${unavailable}`);
      console.warn(`PostgreSQL search tests did not run: ${unavailable}`);
    }
  }, 180_000);
  afterAll(() => {
    server?.close();
    cluster?.stop();
  });

  it('gives exactly the ranking of every row, as the embedded store does', () => {
    if (!server) return;
    for (const query of queries())
      for (const limit of LIMITS) {
        const want = everyRow(query).slice(0, limit).map((r) => ({ id: r.id, score: roundScore(r.score) }));
        expect(server.searchIds(query, limit), `${query} (${limit})`).toEqual(want);
        expect(server.search({ text: query, limit }).map((c) => ({ id: c.id, score: c.score })), `${query} (${limit})`).toEqual(want);
      }
  }, 120_000);

  it('sends only the claims holding a rarer word when the common ones cannot reach the best', () => {
    if (!server) return;
    const q = (server as unknown as { q: (sql: string, params?: unknown[]) => unknown[] }).q.bind(server);
    const sent: Array<[string, number]> = [];
    (server as unknown as { q: typeof q }).q = (sql, params) => {
      const rows = q(sql, params);
      sent.push([sql, rows.length]);
      return rows;
    };
    try {
      const found = server.searchIds('siberia of the', 5);
      expect(found.length).toBe(5);
      // The claims holding "siberia" or "the" travel, not those holding only "of", and the
      // ranking of every matching claim is not asked for after them.
      const last = sent.at(-1)!;
      expect(last[0]).toMatch(/AND tsv @@ \$\d+::tsquery$/);
      expect(last[1]).toBeLessThan(everyRow('siberia of the').length);
      // No claim holding only the common words has its tokens read.
      expect(sent.filter(([sql]) => sql.includes('string_to_array')).length).toBe(1);
      for (const { id } of found) expect(server.claimsById!([id])[0].text).toContain('siberia');
    } finally {
      delete (server as unknown as { q?: unknown }).q;
    }
  });
});
