/**
 * Ingest on worker threads (compiled CLI, BRIEFDECK_INGEST_THREADS) stores exactly what ingest on
 * the main thread stores: same documents, claims and diagnostics, in the same order. So does a
 * corpus of many small files, whose claims a worker extracts from what the main thread reads.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '../..');
const cli = join(repo, 'bin/briefdeck.js');

/** The seed corpus, or `copies` varied copies of its articles in folders of their own. */
function makeCorpus(root: string, copies: number): void {
  cpSync(join(repo, 'corpus'), join(root, 'corpus'), { recursive: true });
  if (!copies) return;
  const articles = readdirSync(join(repo, 'corpus')).filter((f) => f.endsWith('.txt'));
  for (let k = 0; k < copies; k++) {
    mkdirSync(join(root, 'corpus', `edition-${k}`));
    for (const f of articles) writeFileSync(join(root, 'corpus', `edition-${k}`, f), `${readFileSync(join(repo, 'corpus', f), 'utf8')}\n\nEdition ${k}.\n`);
  }
}

function ingest(threads: number | undefined, copies = 0): { corpus: string; claims: string; trace: string } {
  const root = mkdtempSync(join(tmpdir(), `bd-threads-${threads}-`));
  try {
    makeCorpus(root, copies);
    const { BRIEFDECK_INGEST_THREADS: _threads, ...inherited } = process.env;
    const env = { ...inherited, ...(threads === undefined ? {} : { BRIEFDECK_INGEST_THREADS: String(threads) }) };
    let trace = '';
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [cli, '-C', root, ...args], { env: { ...env, BRIEFDECK_TRACE: '1' }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      trace += r.stderr.split('\n').filter((l) => l.startsWith('[trace')).join('\n');
      return r.stdout + r.stderr.split('\n').filter((l) => !l.startsWith('[trace')).join('\n');
    };
    return { corpus: run('corpus'), claims: run('claims', 'China', '-n', '1000'), trace };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('ingest on worker threads', () => {
  it('stores what the main thread stores', () => {
    const threaded = ingest(2);
    const single = ingest(0);
    expect(threaded.trace).toContain('files read on 2 threads');
    expect(threaded.corpus).toBe(single.corpus);
    expect(threaded.claims).toBe(single.claims);
    expect(single.claims.length).toBeGreaterThan(100);
  }, 120_000);

  it('stores what the main thread stores when a worker extracts what the main thread reads', () => {
    const split = ingest(undefined, 4);
    const single = ingest(0, 4);
    if (availableParallelism() >= 2) expect(split.trace).toContain('a worker thread extracts what this one reads');
    expect(single.trace).not.toContain('worker thread');
    expect(split.corpus).toBe(single.corpus);
    expect(split.claims).toBe(single.claims);
    expect(single.corpus.split('\n').length).toBeGreaterThan(25);
  }, 120_000);
});
