/**
 * A spec's `logo:` is checked when the spec is read, by the theme stage's own rule, so a refused
 * logo is a message at its line with a fix — from `parseBriefing`, `briefdeck check` and the build
 * alike — rather than a build failure that names only the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBriefing } from '../../src/spec/index.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bd-logo-'));
  mkdirSync(join(root, 'assets/img'), { recursive: true });
  writeFileSync(join(root, 'assets/crest.svg'), '<svg/>');
  writeFileSync(join(root, 'assets/notes.txt'), 'not an image');
  writeFileSync(join(root, 'secret.svg'), '<svg/>');
  symlinkSync(join(root, 'secret.svg'), join(root, 'assets/secret.svg'));
  symlinkSync(join(root, 'assets/crest.svg'), join(root, 'assets/crest-link.svg'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const parse = (logo: string) =>
  parseBriefing(join(root, 'briefings/x.md'), `---\ntitle: T\naudience: analyst\nlogo: ${JSON.stringify(logo)}\n---\n# One\n`, { root, themes: [] });

describe('logo in a spec', () => {
  it.each([
    ['../../etc/passwd', /must be a file under assets\//, /copy the file into assets\//],
    ['/etc/passwd', /must be a file under assets\//, /crest\.svg/],
    ['assets/../../secret.svg', /must be a file under assets\//, /copy the file/],
    ['secret.svg', /link leading outside assets\//, /copy the file into assets\//],
    ['crest.png', /not found/, /did you mean 'crest\.svg'\?/],
    ['notes.txt', /must be \.svg, \.png or \.jpg/, /SVG, PNG or JPEG/],
    ['img', /not found|\.svg/, /./],
  ])('refuses %s at the logo line, with a hint', (logo, message, hint) => {
    const { spec, diagnostics } = parse(logo);
    expect(spec).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'spec/bad-logo', file: 'briefings/x.md', line: 4, column: 7 });
    expect(diagnostics[0].message).toMatch(message);
    expect(diagnostics[0].message).toContain(logo);
    expect(diagnostics[0].hint).toMatch(hint);
  });

  it.each(['crest.svg', 'assets/crest.svg', 'crest-link.svg'])('accepts %s under assets/', (logo) => {
    const { spec, diagnostics } = parse(logo);
    expect(diagnostics).toEqual([]);
    expect(spec?.overrides.logo).toBe(logo);
  });
});
