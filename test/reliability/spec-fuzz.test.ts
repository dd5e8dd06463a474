/**
 * Fuzzes the spec parser and composer with malformed and odd specs: none may crash, and every
 * failure must be a diagnostic naming the file and a line. Through the CLI, a sample of them gives
 * exit code 1 and one `file:line:col  error  message` line per error, never a stack trace; a usage
 * mistake gives exit code 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, join } from 'node:path';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { CLI, tempProject } from './project.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { composeDeck } from '../../src/deck/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { listThemes } from '../../src/theme/index.ts';
import type { EvidenceStore } from '../../src/model.ts';
import { generateSpecs } from './spec-generator.ts';

const root = resolve(import.meta.dirname, '../..');
let store: EvidenceStore;
let themes: string[];

beforeAll(async () => {
  store = await loadCorpus({ root });
  themes = listThemes(root).map((t) => t.name);
});
afterAll(() => store?.close());

describe('spec fuzzing', () => {
  const specs = generateSpecs(1200, 20261124);

  it('generates at least 1,000 distinct odd specs', () => {
    expect(new Set(specs).size).toBeGreaterThanOrEqual(1000);
  });

  it('never crashes, and names file and line in every error', async () => {
    let errors = 0;
    let built = 0;
    for (const [i, source] of specs.entries()) {
      // A turn of the event loop now and then, so the test runner's messages are answered.
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const file = `briefings/fuzz-${i}.md`;
      let parsed: ReturnType<typeof parseBriefing>;
      try {
        parsed = parseBriefing(file, source, { root, themes });
      } catch (err) {
        throw new Error(`parseBriefing threw on spec #${i}:\n${source.slice(0, 400)}\n${(err as Error).stack}`);
      }
      for (const d of parsed.diagnostics) {
        expect(d.file).toBe(file);
        expect(d.message.length).toBeGreaterThan(0);
        if (d.severity === 'error') {
          errors += 1;
          expect(d.line, `spec #${i}: ${d.message}`).toBeGreaterThanOrEqual(1);
        }
      }
      if (!parsed.spec || parsed.diagnostics.some((d) => d.severity === 'error')) continue;
      try {
        const { deck, diagnostics } = composeDeck(parsed.spec, store);
        for (const d of diagnostics) if (d.severity === 'error') expect(d.line, d.message).toBeGreaterThanOrEqual(1);
        expect(deck.slides.length).toBeGreaterThan(0);
        built += 1;
      } catch (err) {
        throw new Error(`composeDeck threw on spec #${i}:\n${source.slice(0, 400)}\n${(err as Error).stack}`);
      }
    }
    // Both paths must be exercised for the test to mean anything.
    expect(errors).toBeGreaterThan(200);
    expect(built).toBeGreaterThan(50);
  });
});

describe('fuzzed specs through the command line', () => {
  /** The command line's exit code and output, awaited without blocking this worker. */
  const run = async (root: string, args: string[]) => {
    const child = spawn(process.execPath, [CLI, '--root', root, ...args], { timeout: 120_000 });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    return { code, out };
  };
  const noStack = (out: string) => expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$|\b(TypeError|RangeError|SyntaxError|ReferenceError)\b/m);

  it('check and build: exit 1, every error line names file and line, no stack trace', async () => {
    const project = tempProject('real', 'bd-fuzz-');
    try {
      rmSync(join(project.root, 'briefings'), { recursive: true });
      mkdirSync(join(project.root, 'briefings'));
      for (const [i, source] of generateSpecs(80, 777).entries()) writeFileSync(join(project.root, `briefings/fuzz-${i}.md`), source);
      for (const args of [['check'], ['build', '--format', 'html,pptx', '--quiet']]) {
        const { code, out } = await run(project.root, args);
        expect(code, out.slice(0, 2000)).toBe(1);
        noStack(out);
        const errors = out.split('\n').filter((l) => /\berror\b/.test(l) && !/^\s*hint:/.test(l));
        expect(errors.length).toBeGreaterThan(10);
        for (const line of errors) expect(line).toMatch(/^briefings\/fuzz-\d+\.md:\d+(:\d+)?  error  \S/);
      }
    } finally {
      project.remove();
    }
  }, 150_000);

  it('usage mistakes: exit 2 with a message, no stack trace', async () => {
    for (const args of [['build', '--format', 'docx'], ['frobnicate'], ['build', '--audience', 'ministers']]) {
      const { code, out } = await run(root, args);
      expect(code, out).toBe(2);
      expect(out).toMatch(/error/i);
      noStack(out);
    }
  }, 60_000);
});
