import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openProject, parseConfig, resolveSettings } from '../../src/config/index.ts';
import { parseBriefing, type SpecDefaults } from '../../src/spec/index.ts';

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
  const themes = ['analyst', 'ministry', 'public'];
  /** Parses like the build does: flags as overrides, the config's part as defaults. */
  const parse = (fm: string, defaults: SpecDefaults, flags: { audience?: 'executive' | 'analyst'; theme?: string } = {}) =>
    parseBriefing('/p/briefings/t.md', spec(fm), { root: '/p', themes, overrides: flags, defaults });
  const defaults = resolveSettings('/p', config).specDefaults;

  it('a spec that names its theme and formats beats the config', () => {
    const { spec: s } = parse('audience: executive\ntheme: ministry\nformats: [pptx]\n', defaults);
    expect([s?.theme, s?.formats]).toEqual(['ministry', ['pptx']]);
  });

  it('a silent spec takes the config theme for its audience and the config formats', () => {
    const { spec: s } = parse('audience: executive\n', defaults);
    expect([s?.theme, s?.formats]).toEqual(['public', ['html']]);
  });

  it('the config mapping only applies to the audiences it names; the rest keep the built-in theme', () => {
    expect(parse('audience: analyst\n', defaults).spec?.theme).toBe('analyst');
    expect(parse('audience: executive\n', {}).spec?.theme).toBe('ministry');
    expect(parse('audience: executive\n', {}).spec?.formats).toEqual(['html', 'pdf', 'pptx', 'handout']);
  });

  it('the --audience flag picks which config theme applies; --theme beats everything', () => {
    expect(parse('audience: analyst\n', defaults, { audience: 'executive' }).spec).toMatchObject({ audience: 'executive', theme: 'public' });
    expect(parse('theme: ministry\n', defaults, { theme: 'analyst' }).spec?.theme).toBe('analyst');
  });
});

describe('a theme the project does not have', () => {
  const spec = '---\ntitle: T\naudience: executive\n---\n# Body\n';
  const themes = ['analyst', 'ministry', 'public'];

  it('named in the config file is reported at its line there, not as a --theme flag', () => {
    const root = tempProject();
    writeFileSync(join(root, 'briefdeck.config.yaml'), 'out: decks\nthemes:\n  analyst: analyst\n  executive: minstry\n');
    const { settings } = openProject(root);
    const { spec: parsed, diagnostics } = parseBriefing(join(root, 'briefings/t.md'), spec, { root, themes, defaults: settings.specDefaults });
    expect(parsed).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'briefdeck.config.yaml', line: 4, column: 14, code: 'spec/unknown-theme', hint: "did you mean 'ministry'?" });
    expect(diagnostics[0].message).not.toContain('--theme');
    expect(diagnostics[0].message).toContain('executive');
  });

  it('is only an error for the audiences that use it', () => {
    const root = tempProject();
    writeFileSync(join(root, 'briefdeck.config.yaml'), 'themes:\n  public: nonesuch\n');
    const { settings } = openProject(root);
    const { diagnostics } = parseBriefing(join(root, 'briefings/t.md'), spec, { root, themes, defaults: settings.specDefaults });
    expect(diagnostics).toEqual([]);
  });

  it('given with --theme or in the spec is reported as such', () => {
    const flag = parseBriefing('/p/briefings/t.md', spec, { root: '/p', themes, overrides: { theme: 'minstry' } });
    expect(flag.diagnostics[0]).toMatchObject({ file: 'briefings/t.md', code: 'spec/unknown-theme' });
    expect(flag.diagnostics[0].message).toContain('given with --theme');
    const own = parseBriefing('/p/briefings/t.md', spec.replace('audience', 'theme: minstry\naudience'), { root: '/p', themes });
    expect(own.diagnostics[0]).toMatchObject({ file: 'briefings/t.md', line: 3, column: 8 });
  });
});
