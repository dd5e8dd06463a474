/**
 * `briefdeck new` writes a spec that builds as it is and never overwrites; the config file's
 * settings reach a real build in the documented order: flags > spec > config > defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBriefings } from '../../src/build/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { openProject, type RunFlags } from '../../src/config/index.ts';
import { buildOptionsOf } from '../../src/config/settings.ts';
import { newBriefing } from '../../src/scaffold/index.ts';
import type { EvidenceStore } from '../../src/model.ts';

const repo = join(import.meta.dirname, '../..');
let root: string;
let store: EvidenceStore;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bd-new-'));
  for (const dir of ['corpus', 'themes', 'assets']) {
    if (existsSync(join(repo, dir))) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  }
  store = await loadCorpus({ root });
}, 60_000);

afterAll(() => {
  store?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Builds like the CLI does: config file read, flags laid over it. */
async function build(specs: string[], flags: RunFlags = {}) {
  const { settings: s, config } = openProject(root, { ...flags, specs });
  expect(config.diagnostics).toEqual([]);
  return buildBriefings({ ...buildOptionsOf(s), store });
}

describe('briefdeck new', () => {
  it.each(['executive', 'analyst', 'expert', 'public'] as const)('writes a %s spec that builds without errors or warnings', async (audience) => {
    const { path, diagnostics } = newBriefing({ root, name: `new-${audience}`, audience, topics: ['energy', 'arms trade'] });
    expect(diagnostics).toEqual([]);
    const text = readFileSync(path!, 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=../schema/briefing.schema.json');
    expect(text).toMatch(/^# Who the deck is for/m);
    expect(text).toContain('{{claims topic="arms-trade" limit=4}}');
    const result = await build([path!], { formats: ['html'] });
    const deck = result.decks[0]!;
    expect(deck.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(deck.ok).toBe(true);
    expect(deck.audience).toBe(audience);
    expect(deck.slides).toBeGreaterThanOrEqual(5);
    expect(readFileSync(join(root, `out/new-${audience}.html`), 'utf8')).toContain('Arms trade');
  }, 60_000);

  it('refuses to overwrite an existing spec and leaves it untouched', () => {
    const first = newBriefing({ root, name: 'kept' });
    writeFileSync(first.path!, 'my edits');
    const again = newBriefing({ root, name: 'kept', audience: 'public' });
    expect(again.path).toBeUndefined();
    expect(again.diagnostics[0]?.code).toBe('new/exists');
    expect(readFileSync(first.path!, 'utf8')).toBe('my edits');
  });

  it('refuses names that would not make a file name', () => {
    expect(newBriefing({ root, name: '../escape' }).diagnostics[0]?.code).toBe('new/bad-name');
  });
});

describe('configuration reaches the build: flags > spec > config > defaults', () => {
  const spec = (name: string, fm: string) => {
    const path = join(root, 'briefings', `${name}.md`);
    writeFileSync(path, `---\ntitle: ${name}\n${fm}topics: [energy]\n---\n`);
    return path;
  };

  it('with no config, output goes to out/ and a silent analyst spec wears the built-in analyst theme', async () => {
    const s = openProject(root).settings;
    expect(s.outDir).toBe(join(root, 'out'));
    const r = await build([spec('plain', 'audience: analyst\n')], { formats: ['html'] });
    expect(r.decks[0]).toMatchObject({ ok: true, theme: 'analyst' });
  }, 60_000);

  it('the config maps the audience to a theme and sets out and formats for a silent spec', async () => {
    writeFileSync(join(root, 'briefdeck.config.yaml'), 'out: decks\nformats: [html]\nthemes:\n  analyst: public\n');
    try {
      const r = await build([spec('silent', 'audience: analyst\n')]);
      expect(r.decks[0]).toMatchObject({ ok: true, theme: 'public' });
      expect(r.decks[0]!.outputs.map((o) => o.artifact)).toEqual(['deck.json', 'marp.md', 'html']);
      expect(existsSync(join(root, 'decks/silent.html'))).toBe(true);

      // the spec beats the config
      const own = await build([spec('own', 'audience: analyst\ntheme: ministry\nformats: [html, pptx]\n')]);
      expect(own.decks[0]).toMatchObject({ ok: true, theme: 'ministry' });
      expect(own.decks[0]!.outputs.map((o) => o.artifact)).toContain('pptx');

      // flags beat the spec and the config
      const flagged = await build([join(root, 'briefings/own.md')], { theme: 'analyst', formats: ['html'], out: 'flagged' });
      expect(flagged.decks[0]).toMatchObject({ ok: true, theme: 'analyst' });
      expect(flagged.decks[0]!.outputs.map((o) => o.artifact)).not.toContain('pptx');
      expect(existsSync(join(root, 'flagged/own.html'))).toBe(true);
    } finally {
      rmSync(join(root, 'briefdeck.config.yaml'));
    }
  }, 60_000);

  it('a theme the config names but the project lacks fails the deck at the config line, not as --theme', async () => {
    writeFileSync(join(root, 'briefdeck.config.yaml'), 'formats: [html]\nthemes:\n  public: pubic\n');
    try {
      const r = await build([spec('config-theme', 'audience: public\n')]);
      expect(r.decks[0]!.ok).toBe(false);
      const errors = r.decks[0]!.diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toMatchObject([{ file: 'briefdeck.config.yaml', line: 3, column: 11, code: 'spec/unknown-theme', hint: "did you mean 'public'?" }]);
      expect(errors[0]!.message).not.toContain('--theme');
    } finally {
      rmSync(join(root, 'briefdeck.config.yaml'));
    }
  }, 60_000);
});
