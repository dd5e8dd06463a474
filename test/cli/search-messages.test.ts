/**
 * A search (`claims`, `quotes`) prints the corpus's messages as one line per kind once there are
 * more than a handful; `briefdeck corpus` lists each. Results tables built from Reuters-21578-style
 * earnings briefs, which keep no body text.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/briefdeck.js');
const root = mkdtempSync(join(tmpdir(), 'bd-search-messages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'corpus'));
for (let i = 1; i <= 8; i++) {
  writeFileSync(join(root, 'corpus', `brief-${i}.txt`), `COMPANY ${i} 4TH QTR NET\n\nShr ${i} dlr vs ${i + 70} cts\n    Net ${i}2.6 mln vs 15.${i} mln\n`);
}
writeFileSync(join(root, 'corpus', 'story.txt'), 'Oil prices rise\n\nOil prices rose sharply on Monday after producers agreed to cut their output, traders in London said.\n');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, '-C', root, ...args], { encoding: 'utf8' });

describe('corpus messages beside a search', () => {
  it('are counted by kind, with the command that lists them', () => {
    const claims = run('claims', 'oil');
    expect(claims.status, claims.stderr).toBe(0);
    expect(claims.stdout).toContain('Oil prices rose sharply');
    const lines = claims.stderr.trim().split('\n').filter((l) => l.includes('corpus/no-body'));
    expect(lines).toEqual(['corpus: 8 warnings [corpus/no-body]: no body text left after cleaning; `briefdeck corpus` lists them']);
  }, 60_000);

  it('are listed one by one by `briefdeck corpus`', () => {
    const corpus = run('corpus');
    expect(corpus.status, corpus.stderr).toBe(0);
    expect(corpus.stderr.split('\n').filter((l) => l.includes('corpus/no-body'))).toHaveLength(8);
  }, 60_000);
});
