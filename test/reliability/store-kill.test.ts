/**
 * The corpus store survives a build killed while it ingests into a fresh cache: SQLite's
 * per-file transactions leave the database intact (integrity check), and the next `loadCorpus`
 * finishes the job with exactly the claims and quotes of an uninterrupted run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/index.ts';
import { count, startBuild } from './child-build.ts';
import { tempProject, type TempProject } from './project.ts';

let project: TempProject;
let reference: string;
const CACHE = '.cache/briefdeck';

/** What a later stage reads from the store, in a comparable form. */
async function evidence(): Promise<string> {
  const store = await loadCorpus({ root: project.root });
  try {
    return JSON.stringify({ claims: store.claims(), quotes: store.quotes(), docs: store.documents().map((d) => d.id) });
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  project = tempProject('real', 'bd-store-');
  reference = await evidence();
  expect(JSON.parse(reference).claims.length).toBeGreaterThan(100);
}, 60_000);
afterAll(() => project?.remove());

describe('a build killed during corpus ingest', () => {
  const moments: Array<[string, (b: ReturnType<typeof startBuild>) => void]> = [
    ...[1, 2, 3, 4].map((n): [string, (b: ReturnType<typeof startBuild>) => void] => [
      `after ${n} file(s) stored`,
      (b) => b.killWhen((t) => count(/\(read\)/)(t) >= n),
    ]),
    ...[0, 1, 3, 8, 15].map((ms): [string, (b: ReturnType<typeof startBuild>) => void] => [
      `${ms} ms after the first file was stored`,
      (b) => b.killWhen((t) => count(/\(read\)/)(t) >= 1, ms),
    ]),
  ];

  it.each(moments)('%s: the store is intact and the next load gives the same evidence', async (_, arm) => {
    rmSync(join(project.root, '.cache'), { recursive: true, force: true });
    const b = startBuild(project.root, ['build', 'briefings/energy-arms-dependence.md', '--format', 'html', '--verbose', '--out', project.out]);
    arm(b);
    const { signal } = await b.exited;
    expect(signal).toBe('SIGKILL');
    const file = join(project.root, CACHE, 'evidence.db');
    if (existsSync(file)) {
      const db = new Database(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }
    expect(await evidence()).toBe(reference);
  }, 30_000);
});
