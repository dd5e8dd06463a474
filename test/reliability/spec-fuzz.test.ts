/**
 * Fuzzes the spec parser and composer with malformed and odd specs: none may crash, and every
 * failure must be a diagnostic naming the file and a line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
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

  it('never crashes, and names file and line in every error', () => {
    let errors = 0;
    let built = 0;
    for (const [i, source] of specs.entries()) {
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
