/**
 * Ingest on worker threads (compiled CLI, BRIEFDECK_INGEST_THREADS) stores exactly what ingest on
 * the main thread stores: same documents, claims and diagnostics, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '../..');
const cli = join(repo, 'bin/briefdeck.js');

function ingest(threads: number): { corpus: string; claims: string } {
  const root = mkdtempSync(join(tmpdir(), `bd-threads-${threads}-`));
  try {
    cpSync(join(repo, 'corpus'), join(root, 'corpus'), { recursive: true });
    const env = { ...process.env, BRIEFDECK_INGEST_THREADS: String(threads) };
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [cli, '-C', root, ...args], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout + r.stderr;
    };
    return { corpus: run('corpus'), claims: run('claims', 'China', '-n', '1000') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('ingest on worker threads', () => {
  it('stores what the main thread stores', () => {
    const threaded = ingest(2);
    const single = ingest(0);
    expect(threaded.corpus).toBe(single.corpus);
    expect(threaded.claims).toBe(single.claims);
    expect(single.claims.length).toBeGreaterThan(100);
  }, 120_000);
});
