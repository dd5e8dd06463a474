/** `briefdeck check`: every problem of every spec, parse and composition, without building. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBriefings } from '../../src/cli/check.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { EvidenceStore } from '../../src/model.ts';

const root = resolve(import.meta.dirname, '../..');
/** A flow list that does not end where the YAML says it must: line 3 is the broken one. */
const BROKEN_THEME = 'name: broken\naudiences: [executive,\nanalyst]\n';
let store: EvidenceStore;
beforeAll(async () => { store = await loadCorpus({ root }); });
afterAll(() => store?.close());

describe('briefdeck check', () => {
  it('finds nothing wrong with the sample briefings', async () => {
    const { files, diagnostics } = await checkBriefings(root, [], { store });
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(diagnostics).toEqual([]);
  });

  it('reports parse and composition problems of several specs together, sorted by file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-'));
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\naudience: exec\n---\n{{figurs}}\n');
    writeFileSync(join(dir, 'b.md'), '---\ntitle: B\n---\n## Gas\n{{claims "pipline"}}\n');
    const { diagnostics } = await checkBriefings(root, [dir], { store, strict: true }).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(diagnostics.map((d) => [d.file.replace(/.*\//, ''), d.line, d.code])).toEqual([
      ['a.md', 3, 'spec/unknown-audience'],
      ['a.md', 5, 'spec/unknown-helper'],
      ['b.md', 4, 'deck/empty-section'],
      ['b.md', 5, 'select/no-match'],
    ]);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('says so when a spec file does not exist', async () => {
    const { diagnostics } = await checkBriefings(root, ['briefings/nope.md'], { store });
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'check/missing-file' });
  });

  it('reads briefdeck.config.yaml like build: specs folder, corpus folder, theme per audience', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-config-'));
    try {
      cpSync(join(root, 'corpus'), join(dir, 'articles'), { recursive: true });
      cpSync(join(root, 'themes'), join(dir, 'themes'), { recursive: true });
      cpSync(join(root, 'assets'), join(dir, 'assets'), { recursive: true });
      mkdirSync(join(dir, 'specs'));
      writeFileSync(join(dir, 'briefdeck.config.yaml'), 'briefings: specs\ncorpus: articles\nthemes:\n  executive: minstry\n');
      writeFileSync(join(dir, 'specs/exec.md'), '---\ntitle: E\naudience: executive\n---\n## Gas\n{{claims "gas"}}\n');
      writeFileSync(join(dir, 'specs/exec2.md'), '---\ntitle: E2\naudience: executive\n---\n## Gas\n{{claims "gas"}}\n');
      writeFileSync(join(dir, 'specs/analyst.md'), '---\ntitle: A\naudience: analyst\n---\n## Gas\n{{claims "gas pipelines"}}\n');
      const { files, diagnostics } = await checkBriefings(dir, [], { strict: true });
      expect(files.map((f) => f.replace(/.*\//, ''))).toEqual(['analyst.md', 'exec.md', 'exec2.md']);
      // The bad theme is the config's, reported once at its line there; the analyst spec composes
      // against the configured corpus folder with nothing to say.
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ file: 'briefdeck.config.yaml', line: 4, column: 14, code: 'spec/unknown-theme', hint: "did you mean 'ministry'?" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops at a config file with errors, as build does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-config-'));
    try {
      writeFileSync(join(dir, 'briefdeck.config.yaml'), 'fromats: [html]\n');
      const { files, diagnostics } = await checkBriefings(dir, [], { store });
      expect(files).toEqual([]);
      expect(diagnostics).toMatchObject([{ file: 'briefdeck.config.yaml', line: 1, code: 'config/invalid' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a refused logo at its line, before composing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-'));
    writeFileSync(join(dir, 'logo.md'), '---\ntitle: L\nlogo: ../../etc/passwd\n---\n## Gas\n{{claims "gas"}}\n');
    const { diagnostics } = await checkBriefings(root, [dir], { store }).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 3, column: 7, code: 'spec/bad-logo' });
    expect(diagnostics[0].message).toContain("logo '../../etc/passwd' must be a file under assets/");
  });

  it('reports a theme that does not load, at its file and line, even when no spec wears it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-theme-'));
    try {
      for (const d of ['themes', 'assets', 'briefings']) cpSync(join(root, d), join(dir, d), { recursive: true });
      mkdirSync(join(dir, 'themes/broken'));
      writeFileSync(join(dir, 'themes/broken/theme.yaml'), BROKEN_THEME);
      const { files, diagnostics } = await checkBriefings(dir, [], { store });
      expect(files).toHaveLength(4);
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'themes/broken/theme.yaml', line: 3, code: 'theme/yaml-syntax' })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports what the layout finds: a deck that splits past its budget, at the spec's length line", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-'));
    const body = '## Key points\n{{claims "China Russia energy" limit=6}}\n## More\n{{claims "arms" limit=6}}\n';
    writeFileSync(join(dir, 'tight.md'), `---\ntitle: Tight\naudience: public\nlength: 3\npolicy: { bullets: 6, words: 45 }\n---\n${body}`);
    const { diagnostics } = await checkBriefings(root, [dir], { store }).finally(() => rmSync(dir, { recursive: true, force: true }));
    const layout = diagnostics.filter((d) => d.code.startsWith('layout/'));
    expect(layout.length + diagnostics.filter((d) => d.code === 'deck/over-budget').length).toBeGreaterThan(0);
    for (const d of [...layout, ...diagnostics.filter((x) => x.code === 'deck/over-budget')]) expect(d).toMatchObject({ file: expect.stringMatching(/tight\.md$/), line: 4 });
  });
});
