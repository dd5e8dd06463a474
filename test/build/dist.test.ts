/**
 * The command line runs compiled output (`bin/briefdeck.js` → `dist/cli.js`): it must be built
 * from the sources as they are, carry the corpus stage's fingerprint the sources compute, and load
 * the heavy stages (browser driver, renderers, SQLite) only when a command asks for them.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// @ts-expect-error plain JavaScript, no declarations
import { corpusPipelineVersion, staleReason } from '../../scripts/dist-stamp.mjs';
import { PIPELINE_VERSION } from '../../src/corpus/pipeline.ts';

const repo = join(import.meta.dirname, '../..');
const dist = join(repo, 'dist');

/** Every module `file` imports statically, itself included, within dist/, and the packages they name. */
function staticGraph(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { seen, packages };
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"/gms)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) staticGraph(join(dirname(file), spec), seen, packages);
    else packages.add(spec);
  }
  return { seen, packages };
}

describe('compiled output', () => {
  it('is built from the current sources (run `npm run build` when this fails)', () => {
    expect(staleReason()).toBeNull();
  });

  it('carries the corpus pipeline version the sources compute', () => {
    expect(corpusPipelineVersion()).toBe(PIPELINE_VERSION);
    const chunks = spawnSync('grep', ['-rl', PIPELINE_VERSION, dist], { encoding: 'utf8' }).stdout;
    expect(chunks).toMatch(/\.js$/m);
  });

  it('runs from bin/ and answers --version', () => {
    const run = spawnSync(process.execPath, [join(repo, 'bin/briefdeck.js'), '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
  });

  it("starts without the browser driver, the renderers, SQLite, PostgreSQL's client or the language models", () => {
    const { seen, packages } = staticGraph(join(dist, 'cli.js'));
    for (const heavy of ['puppeteer', 'better-sqlite3', 'pdfjs-dist', 'fontkit', 'wink-nlp', 'wink-eng-lite-web-model', 'chrono-node', 'subset-font', 'pg'])
      expect([...packages]).not.toContain(heavy);
    const code = [...seen].map((f) => readFileSync(f, 'utf8')).join('\n');
    // Bundled packages show up as their source paths in esbuild's comments.
    for (const bundled of ['node_modules/@marp-team/marp-core', 'node_modules/pptxgenjs', 'node_modules/pdf-lib', 'node_modules/markdown-it'])
      expect(code).not.toContain(`// ${bundled}`);
  });
});
