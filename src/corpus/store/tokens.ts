/**
 * Claim text as the embedded store's full-text index sees it, for a store that ranks in the
 * application: the very tokens of SQLite FTS5's `porter unicode61` tokenizer (taken from an
 * in-memory FTS5 table, so both stores agree token for token), and FTS5's bm25 computed from the
 * same statistics, so a query ranks claims identically on every backend.
 */
import Database from 'better-sqlite3';

let tokenizer: { db: Database.Database; insert: Database.Statement; read: Database.Statement } | undefined;

function open() {
  if (tokenizer) return tokenizer;
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61');
           CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
  tokenizer = {
    db,
    insert: db.prepare('INSERT INTO t(rowid, x) VALUES (?, ?)'),
    read: db.prepare('SELECT term, doc, "offset" AS position FROM v ORDER BY doc, "offset"'),
  };
  return tokenizer;
}

/** Each text's tokens, in order. */
export function tokenize(texts: readonly string[]): string[][] {
  const t = open();
  const out: string[][] = texts.map(() => []);
  t.db.transaction(() => {
    texts.forEach((text, i) => t.insert.run(i + 1, text));
    for (const r of t.read.all() as Array<{ term: string; doc: number; position: number }>) out[r.doc - 1][r.position] = r.term;
    t.db.exec('DELETE FROM t');
  })();
  return out.map((tokens) => tokens.filter((x) => x !== undefined));
}

/** A lexeme quoted for a tsvector or tsquery literal. */
const lexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/** PostgreSQL refuses lexemes over 2 KB and positions over 16,383. */
/** The longest token a `tsvector` holds, in bytes (longer ones are left out of it). */
export const MAX_LEXEME_BYTES = 2046;
const MAX_LEXEME = MAX_LEXEME_BYTES;

/** A `tsvector` literal of the tokens with their positions (1-based). */
export function tsvectorOf(tokens: readonly string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (Buffer.byteLength(t) > MAX_LEXEME) return;
    (positions.get(t) ?? positions.set(t, []).get(t)!).push(Math.min(16383, i + 1));
  });
  return [...positions].map(([t, ps]) => `${lexeme(t)}:${[...new Set(ps)].slice(0, 256).join(',')}`).join(' ');
}

/** A `tsquery` literal matching any of the phrases (each a run of tokens). */
export function tsqueryOf(phrases: readonly (readonly string[])[]): string {
  return phrases
    .filter((p) => p.length)
    .map((p) => (p.length === 1 ? lexeme(p[0]) : `(${p.map(lexeme).join(' <-> ')})`))
    .join(' | ');
}

/** How often the phrase occurs in the tokens. */
export function phraseCount(tokens: readonly string[], phrase: readonly string[]): number {
  if (!phrase.length) return 0;
  let n = 0;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) continue outer;
    n++;
  }
  return n;
}

/**
 * FTS5's bm25 (k1 1.2, b 0.75, column weight 1) of rows against phrases, computed as SQLite
 * computes it: `rows` every row matching any phrase, `total` rows and tokens in the whole index.
 * Returns the positive score (SQLite's `-bm25()`) of each row.
 */
export function bm25(
  rows: ReadonlyArray<{ tokens: readonly string[] }>,
  phrases: readonly (readonly string[])[],
  total: { rows: number; tokens: number },
): number[] {
  return bm25Counted(
    rows.map((r) => phrases.map((p) => phraseCount(r.tokens, p))),
    rows.map((r) => r.tokens.length),
    total,
  );
}

/**
 * The same bm25 from counts already made: each row's occurrences of each phrase (`freq[row][phrase]`)
 * and its length in tokens, as a server can count them without sending the tokens.
 */
export function bm25Counted(
  freq: readonly (readonly number[])[],
  lengths: readonly number[],
  total: { rows: number; tokens: number },
  /** The rows holding each phrase, when `freq` is not every matching row. */
  hits?: readonly number[],
): number[] {
  const k1 = 1.2;
  const b = 0.75;
  const avgdl = total.tokens / total.rows;
  const phrases = hits?.length ?? freq[0]?.length ?? 0;
  const idf = Array.from({ length: phrases }, (_, i) => {
    let n = 0;
    if (hits) n = hits[i];
    else for (const f of freq) if (f[i] > 0) n++;
    return bm25Idf(total.rows, n);
  });
  return freq.map((row, j) => {
    const D = lengths[j];
    let score = 0;
    for (let i = 0; i < phrases; i++) {
      const f = row[i];
      score += idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + (b * D) / avgdl)));
    }
    return -1.0 * (-1.0 * score);
  });
}

/** FTS5's idf of a phrase that `hits` of `rows` rows hold (a floor of 1e-6). */
export function bm25Idf(rows: number, hits: number): number {
  const v = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return v <= 0 ? 1e-6 : v;
}
