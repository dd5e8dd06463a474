/**
 * `briefdeck check` remembers what it found for each spec with everything that finding was made
 * from: checking again with nothing changed composes nothing; a changed spec is composed again
 * alone; a changed theme, asset, config file, corpus or `--strict` composes every spec again.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBriefings } from '../../src/cli/check.ts';
import { projectKey } from '../../src/cli/check-cache.ts';
import { openProject } from '../../src/config/index.ts';
import { fontPlacesDigest } from '../../src/theme/font-places.ts';

const root = resolve(import.meta.dirname, '../..');
const SPEC_A = '---\ntitle: A\naudience: public\n---\n## Gas\n{{claims "gas" limit=3}}\n';
const SPEC_B = '---\ntitle: B\naudience: analyst\n---\n## Arms\n{{claims "arms" limit=3}}\n';
const BOTH = ['briefings/a.md', 'briefings/b.md'];
let dir: string;

const check = (strict = true) => checkBriefings(dir, [], { strict });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-cache-'));
  for (const d of ['corpus', 'themes', 'assets']) cpSync(join(root, d), join(dir, d), { recursive: true });
  mkdirSync(join(dir, 'briefings'));
  writeFileSync(join(dir, 'briefings/a.md'), SPEC_A);
  writeFileSync(join(dir, 'briefings/b.md'), SPEC_B);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check remembers what it found', () => {
  it('composes nothing the second time and reports the same', async () => {
    const first = await check();
    expect(first.rechecked).toEqual(BOTH);
    const again = await check();
    expect(again.rechecked).toEqual([]);
    expect(again.diagnostics).toEqual(first.diagnostics);
  }, 120_000);

  it('composes a changed spec again, alone, and reports what it finds now', async () => {
    writeFileSync(join(dir, 'briefings/a.md'), SPEC_A.replace('"gas"', '"pipline"'));
    const changed = await check();
    expect(changed.rechecked).toEqual(['briefings/a.md']);
    expect(changed.diagnostics).toContainEqual(expect.objectContaining({ code: 'select/no-match', file: expect.stringMatching(/a\.md$/) }));
    writeFileSync(join(dir, 'briefings/a.md'), SPEC_A);
    const back = await check();
    // The finding for the spec as it was is still remembered.
    expect(back.rechecked).toEqual([]);
    expect(back.diagnostics.some((d) => d.code === 'select/no-match')).toBe(false);
  }, 60_000);

  it('composes every spec again when --strict is given or left out', async () => {
    expect((await check(false)).rechecked).toEqual(BOTH);
    expect((await check(true)).rechecked).toEqual([]);
  }, 60_000);

  it('composes every spec again after a theme or an asset changes', async () => {
    const theme = join(dir, 'themes/public/theme.yaml');
    const before = readFileSync(theme, 'utf8');
    writeFileSync(theme, before.replace(/body: \d+/, 'body: 40'));
    expect((await check()).rechecked).toEqual(BOTH);
    writeFileSync(theme, before);
    expect((await check()).rechecked).toEqual([]);
    writeFileSync(join(dir, 'assets/new-mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await check()).rechecked).toEqual(BOTH);
  }, 60_000);

  it('composes every spec again after the config file changes', async () => {
    writeFileSync(join(dir, 'briefdeck.config.yaml'), 'themes:\n  public: analyst\n');
    expect((await check()).rechecked).toEqual(BOTH);
    expect((await check()).rechecked).toEqual([]);
  }, 60_000);

  it('composes every spec again after the corpus changes', async () => {
    const article = join(dir, 'corpus/added.txt');
    writeFileSync(article, 'Gas exports\n\nRussia sold more gas to China in 2023 than in any year before, officials said on Monday.\n');
    expect((await check()).rechecked).toEqual(BOTH);
    expect((await check()).rechecked).toEqual([]);
    appendFileSync(join(dir, 'corpus/topics.yaml'), '\nshipping: [tanker, port]\n');
    expect((await check()).rechecked).toEqual(BOTH);
  }, 120_000);
});

describe("the project's part of the key", () => {
  it('changes with the BRIEFDECK_ variables that can change a deck, not with the trace', () => {
    const { config, settings } = openProject(root);
    const key = (env: NodeJS.ProcessEnv) => projectKey({ root, settings, config, strict: false, themes: [], env });
    expect(key({ BRIEFDECK_TRACE: '1' })).toBe(key({}));
    expect(key({ BRIEFDECK_HELD_CLAIMS: '10' })).not.toBe(key({}));
  });

  it('changes when a font folder gains a folder (a font installed)', () => {
    const data = mkdtempSync(join(tmpdir(), 'briefdeck-fonts-'));
    try {
      mkdirSync(join(data, 'fonts'));
      const before = fontPlacesDigest({ XDG_DATA_HOME: data });
      expect(fontPlacesDigest({ XDG_DATA_HOME: data })).toBe(before);
      mkdirSync(join(data, 'fonts', 'inter'));
      expect(fontPlacesDigest({ XDG_DATA_HOME: data })).not.toBe(before);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
