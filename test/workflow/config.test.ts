import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseConfig, resolveSettings, specPreset } from '../../src/config/index.ts';

const made: string[] = [];
const tempProject = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-config-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('briefdeck.config.yaml', () => {
  it('is optional: a project without one gets the defaults', () => {
    const root = tempProject();
    const loaded = loadConfig(root);
    expect(loaded.file).toBeUndefined();
    const s = resolveSettings(root, loaded.config);
    expect(s.outDir).toBe(join(root, 'out'));
    expect(s.corpusDir).toBe(join(root, 'corpus'));
    expect(s.specs).toEqual([join(root, 'briefings')]);
    expect(s.paper).toBe('A4');
    expect(s.formats).toBeUndefined();
  });

  it('reads YAML with corpus, out, browser, formats and an audience → theme mapping', () => {
    const root = tempProject();
    writeFileSync(
      join(root, 'briefdeck.config.yaml'),
      'corpus: articles\nout: decks\nbrowser: /opt/chrome\nformats: [html, pdf]\nthemes:\n  executive: public\n',
    );
    const loaded = loadConfig(root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.file).toBe('briefdeck.config.yaml');
    const s = resolveSettings(root, loaded.config);
    expect(s.corpusDir).toBe(join(root, 'articles'));
    expect(s.outDir).toBe(join(root, 'decks'));
    expect(s.browserPath).toBe('/opt/chrome');
    expect(s.specDefaults).toEqual({ formats: ['html', 'pdf'], themes: { executive: 'public' } });
  });

  it('reads the JSON variant too', () => {
    const root = tempProject();
    writeFileSync(join(root, 'briefdeck.config.json'), JSON.stringify({ out: 'build', formats: 'pptx' }));
    const loaded = loadConfig(root);
    expect(loaded.config).toEqual({ out: 'build', formats: ['pptx'] });
  });

  it('reports a misspelt key at its line with a suggestion, and falls back to defaults', () => {
    const loaded = parseConfig('briefdeck.config.yaml', 'out: decks\nfromats: [html]\n');
    expect(loaded.config).toEqual({});
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ line: 2, column: 1, code: 'config/invalid', hint: "did you mean 'formats'?" });
  });

  it('reports a bad value at the value, and an unknown audience under themes', () => {
    const bad = parseConfig('briefdeck.config.yaml', 'formats: [html, docx]\nthemes:\n  executiv: ministry\n');
    const lines = bad.diagnostics.map((d) => d.line).sort();
    expect(lines).toEqual([1, 3]);
    expect(bad.diagnostics.find((d) => d.line === 3)?.hint).toBe("did you mean 'executive'?");
  });

  it('reports malformed YAML without throwing', () => {
    const loaded = parseConfig('briefdeck.config.yaml', 'out: [decks\n');
    expect(loaded.diagnostics[0]?.code).toBe('config/syntax');
  });
});

describe('precedence: flags > spec > config > defaults', () => {
  const config = { out: 'decks', browser: '/opt/chrome', paper: 'Letter' as const, formats: ['html' as const], themes: { executive: 'public' } };

  it('a flag beats the config', () => {
    const s = resolveSettings('/p', config, { out: 'tmp', browser: '/usr/bin/chromium', paper: 'A4', formats: ['pdf'] });
    expect([s.outDir, s.browserPath, s.paper, s.formats]).toEqual(['/p/tmp', '/usr/bin/chromium', 'A4', ['pdf']]);
  });

  it('the config beats the defaults', () => {
    const s = resolveSettings('/p', config, {});
    expect([s.outDir, s.browserPath, s.paper, s.formats]).toEqual(['/p/decks', '/opt/chrome', 'Letter', undefined]);
  });

  const spec = (fm: string) => `---\ntitle: T\n${fm}---\n# Body\n`;

  it('a spec that names its theme and formats beats the config', () => {
    const p = specPreset(spec('audience: executive\ntheme: ministry\nformats: [pptx]\n'), resolveSettings('/p', config).specDefaults);
    expect(p.overrides.theme).toBeUndefined();
    expect(p.formats).toBeUndefined();
  });

  it('a silent spec takes the config theme for its audience and the config formats', () => {
    const p = specPreset(spec('audience: executive\n'), resolveSettings('/p', config).specDefaults);
    expect(p.overrides.theme).toBe('public');
    expect(p.formats).toEqual(['html']);
  });

  it('the config mapping only applies to the audiences it names', () => {
    const p = specPreset(spec('audience: analyst\n'), resolveSettings('/p', config).specDefaults);
    expect(p.overrides.theme).toBeUndefined();
  });

  it('the --audience flag picks which config theme applies; --theme beats everything', () => {
    const d = resolveSettings('/p', config).specDefaults;
    expect(specPreset(spec('audience: analyst\n'), d, { audience: 'executive' }).overrides).toEqual({ audience: 'executive', theme: 'public' });
    expect(specPreset(spec('theme: ministry\n'), d, { theme: 'analyst' }).overrides.theme).toBe('analyst');
  });
});
