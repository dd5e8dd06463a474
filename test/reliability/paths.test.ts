/**
 * Paths named in specs and themes stay inside the project: a logo must be a file under `assets/`
 * (no `..`, no absolute path, no symlink leading out), and output names made from spec file names
 * always land inside the output folder. A refused path is an error naming the spec and the path,
 * and the deck's previous outputs are left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildBriefings } from '../../src/build/index.ts';
import { tempProject, type TempProject } from './project.ts';

let project: TempProject;
const spec = (logo: string) =>
  `---\ntitle: Logo test\naudience: analyst\nlogo: ${JSON.stringify(logo)}\n---\n\n## Energy\n\n{{claims topic="energy" limit=2}}\n`;

beforeAll(() => {
  project = tempProject('real', 'bd-paths-');
  rmSync(join(project.root, 'briefings'), { recursive: true });
  mkdirSync(join(project.root, 'briefings'));
  writeFileSync(join(project.root, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>');
  symlinkSync('/etc/passwd', join(project.root, 'assets/passwd.png'));
  symlinkSync(join(project.root, 'secret.svg'), join(project.root, 'assets/secret.svg'));
  symlinkSync(project.root, join(project.root, 'assets/up'));
  symlinkSync(join(project.root, 'assets/crest.svg'), join(project.root, 'assets/crest-link.svg'));
});
afterAll(() => project?.remove());

async function buildLogo(logo: string) {
  writeFileSync(join(project.root, 'briefings/logo.md'), spec(logo));
  const result = await buildBriefings({ root: project.root, specs: ['briefings/logo.md'], formats: ['html', 'pptx'] });
  return result.decks[0];
}

describe('logos named in specs and themes', () => {
  it.each([
    ['../../etc/passwd', /must be a file under assets/],
    ['../secret.svg', /must be a file under assets/],
    ['/etc/passwd', /must be a file under assets/],
    [join(process.cwd(), 'assets/crest.svg'), /must be a file under assets/],
    ['assets/../../secret.svg', /must be a file under assets/],
    ['passwd.png', /link leading outside assets/],
    ['secret.svg', /link leading outside assets/],
    ['up/secret.svg', /link leading outside assets/],
  ])('refuses %s with a clear error naming the spec', async (logo, message) => {
    const before = readdirSync(project.root).includes('out') ? readdirSync(project.out) : [];
    const deck = await buildLogo(logo);
    expect(deck.ok).toBe(false);
    const error = deck.diagnostics.find((d) => d.severity === 'error')!;
    expect(error.file).toBe('briefings/logo.md');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(logo);
    expect(readdirSync(project.root).includes('out') ? readdirSync(project.out) : []).toEqual(before);
  });

  it('accepts a file under assets/, and a link that stays inside assets/', async () => {
    for (const logo of ['crest.svg', 'assets/crest.svg', 'crest-link.svg']) {
      const deck = await buildLogo(logo);
      expect(deck.ok, JSON.stringify(deck.diagnostics)).toBe(true);
      expect(readFileSync(join(project.out, 'logo.html'), 'utf8')).toContain('data:image/svg+xml;base64,');
    }
  });

  it('refuses a theme whose own logo leaves assets/', async () => {
    const dir = join(project.root, 'themes/leaky');
    mkdirSync(dir, { recursive: true });
    const analyst = readFileSync(join(project.root, 'themes/analyst/theme.yaml'), 'utf8');
    writeFileSync(join(dir, 'theme.yaml'), `name: leaky\nextends: analyst\ndescription: leaks\nlogo: ../../../etc/passwd\n`);
    writeFileSync(join(project.root, 'briefings/leaky.md'), spec('crest.svg').replace(/^logo:.*\n/m, 'theme: leaky\n'));
    const result = await buildBriefings({ root: project.root, specs: ['briefings/leaky.md'], formats: ['html'] });
    rmSync(dir, { recursive: true });
    expect(analyst.length).toBeGreaterThan(0);
    expect(result.decks[0].ok).toBe(false);
    expect(result.decks[0].diagnostics.map((d) => d.message).join('\n')).toMatch(/logo '..\/..\/..\/etc\/passwd' must be a file under assets/);
  });
});

describe('output names made from spec names', () => {
  it('stay inside the output folder, whatever the file is called', async () => {
    const names = ['..md', '...md', '-rf.md', '.hidden.md', 'a b <x> & "y".md', '..%2f..%2fescape.md', 'C:evil.md', 'ünïcødé 中文.md', '\\..\\x.md'];
    const dir = join(project.root, 'briefings/odd');
    mkdirSync(dir, { recursive: true });
    for (const n of names) writeFileSync(join(dir, n), spec('crest.svg'));
    const out = join(project.root, 'odd-out');
    const result = await buildBriefings({ root: project.root, specs: ['briefings/odd'], outDir: out, formats: ['html'] });
    const written = result.decks.flatMap((d) => d.outputs.map((o) => o.path));
    expect(written.length).toBeGreaterThanOrEqual(names.length - 1);
    for (const p of written) {
      expect(p.startsWith(out + sep), p).toBe(true);
      expect(relative(out, p)).not.toMatch(/[\\/]/);
    }
    expect(readdirSync(project.root).sort()).toEqual(['.cache', 'assets', 'briefings', 'corpus', 'odd-out', 'out', 'secret.svg', 'themes']);
  });
});
