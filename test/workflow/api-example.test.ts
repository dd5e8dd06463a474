/**
 * The library example in the README runs as written,
 * against the real corpus, with `from 'briefdeck'` pointed at the built library (dist/index.js).
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newBriefing } from '../../src/scaffold/index.ts';

const repo = join(import.meta.dirname, '../..');
const MARKER = /<!-- api-example -->\s*```ts\n([\s\S]*?)```/;

function exampleSource(): string {
  const found = MARKER.exec(readFileSync(join(repo, 'README.md'), 'utf8'));
  if (!found?.[1]) throw new Error('no <!-- api-example --> block in README.md');
  return found[1];
}

describe('the library API example in the README', () => {
  it('runs, reads the corpus, parses the spec and writes HTML and PPTX', () => {
    const code = exampleSource();
    expect(code).toMatch(/from 'briefdeck'/);
    const root = mkdtempSync(join(tmpdir(), 'bd-api-'));
    try {
      for (const dir of ['corpus', 'themes', 'assets']) {
        if (existsSync(join(repo, dir))) cpSync(join(repo, dir), join(root, dir), { recursive: true });
      }
      newBriefing({ root, name: 'energy', topics: ['energy'], audience: 'executive' });
      const entry = pathToFileURL(join(repo, 'dist/index.js')).href;
      writeFileSync(join(root, 'example.mts'), code.replace(/from 'briefdeck'/g, `from '${entry}'`));
      const run = spawnSync(process.execPath, [join(repo, 'node_modules/tsx/dist/cli.mjs'), 'example.mts'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stderr).not.toMatch(/Error|error /);
      expect(run.status).toBe(0);
      const docs = /(\d+) documents, (\d+) claims/.exec(run.stdout);
      expect(Number(docs?.[1])).toBeGreaterThanOrEqual(5);
      expect(Number(docs?.[2])).toBeGreaterThan(0);
      expect(run.stdout).toMatch(/^- .*Power of Siberia.*\[\d{3}_\w+ ¶\d+\]$/m);
      expect(run.stdout).toContain('Energy for executive, theme ministry');
      expect(run.stdout).toMatch(/\d+ slides/);
      expect(existsSync(join(root, 'out/energy.html'))).toBe(true);
      expect(readFileSync(join(root, 'out/energy.pptx')).subarray(0, 2).toString()).toBe('PK');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 150_000);
});
