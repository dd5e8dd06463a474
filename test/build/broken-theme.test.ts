/**
 * A theme that does not load stops only the decks that wear it: the others build, and the decks
 * that wear it fail with a message naming the theme file, the line and the fix, never a stack
 * trace or a bare YAML error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBriefings, type BuildResult } from '../../src/build/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { EvidenceStore } from '../../src/model.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'bd-broken-theme-'));
let store: EvidenceStore;
let result: BuildResult;

beforeAll(async () => {
  for (const d of ['themes', 'assets', 'briefings']) cpSync(join(root, d), join(dir, d), { recursive: true });
  mkdirSync(join(dir, 'themes/broken'));
  // The flow list runs past its line: "Flow sequence in block collection must be sufficiently indented".
  writeFileSync(join(dir, 'themes/broken/theme.yaml'), 'name: broken\naudiences: [executive,\nanalyst]\n');
  writeFileSync(join(dir, 'briefings/zz-wears-broken.md'), '---\ntitle: Broken look\ntheme: broken\ntopics: [energy]\n---\n');
  store = await loadCorpus({ root });
  // deck.json and Marp Markdown only: no browser needed to tell a deck that builds from one that does not.
  result = await buildBriefings({ root: dir, store, formats: [], tagCache: false });
}, 300_000);
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a broken theme', () => {
  it('does not stop the decks that wear other themes', () => {
    const others = result.decks.filter((d) => !d.spec.includes('zz-wears-broken'));
    expect(others).toHaveLength(4);
    for (const d of others) {
      expect(d.ok, d.spec).toBe(true);
      expect(existsSync(join(dir, 'out', `${d.name}.deck.json`))).toBe(true);
    }
  });

  it('fails the deck that wears it, with a message at the theme file and line', () => {
    const deck = result.decks.find((d) => d.spec.includes('zz-wears-broken'))!;
    expect(deck.ok).toBe(false);
    const errors = deck.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ file: 'themes/broken/theme.yaml', line: 3, code: 'theme/yaml-syntax' })]);
    expect(errors[0].message).toMatch(/^malformed YAML: Flow sequence in block collection/);
    expect(existsSync(join(dir, 'out', 'zz-wears-broken.deck.json'))).toBe(false);
  });
});
