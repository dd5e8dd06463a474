/**
 * Decks in an organisation's own template, on three templates of different shape: two saved by
 * PowerPoint (4:3 with French layout names; 16:9 with German names and a logo on the master) and
 * one LibreOffice Impress writes in this test from a flat ODP (dark master, layouts without body
 * placeholders). Import reads their colours, fonts, size and logo; every deck built on them passes
 * the Office Open XML validator, keeps the template's master and layouts, puts titles and bodies in
 * the layouts' placeholders, and opens in LibreOffice with the same slide count. Broken templates
 * get an error naming the file, the problem and the fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { importTemplate, type ImportResult } from '../../src/theme/import.ts';
import { loadTheme } from '../../src/theme/index.ts';
import { readTemplate } from '../../src/theme/template.ts';
import { renderPptx } from '../../src/render/pptx.ts';
import { fitDeck } from '../../src/render/fit.ts';
import { templateGeometry } from '../../src/render/pptx-template.ts';
import { ROOT, fixtureDeck } from '../render/helpers.ts';
import { validatePptx } from '../render/pptx-validate.ts';

const FIXTURES = join(ROOT, 'test/fixtures/templates');
const root = mkdtempSync(join(tmpdir(), 'bd-template-'));
const lo = join(root, 'lo');
const TEMPLATES = {
  coreoz: join(FIXTURES, 'coreoz-4x3.pptx'),
  automizer: join(FIXTURES, 'automizer-16x9-logo.pptx'),
  libreoffice: join(root, 'libreoffice-dark.pptx'),
} as const;
type Name = keyof typeof TEMPLATES;
const imported = {} as Record<Name, ImportResult>;
const decks = {} as Record<Name, { full: JSZip; long: JSZip; bytes: Uint8Array }>;

const soffice = (args: string[]) =>
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${lo}`, ...args], { timeout: 180_000, stdio: 'ignore' });

beforeAll(async () => {
  for (const d of ['themes', 'assets']) cpSync(join(ROOT, d), join(root, d), { recursive: true });
  cpSync(join(FIXTURES, 'libreoffice-dark.fodp'), join(root, 'libreoffice-dark.fodp'));
  soffice(['--convert-to', 'pptx', '--outdir', root, join(root, 'libreoffice-dark.fodp')]);
  for (const name of Object.keys(TEMPLATES) as Name[]) {
    imported[name] = importTemplate({ root, file: TEMPLATES[name], name, extends: name === 'coreoz' ? 'ministry' : undefined });
    const theme = loadTheme(name, { root, classification: 'OFFICIAL' });
    const full = await renderPptx(fixtureDeck('full'), theme);
    const long = await renderPptx(fixtureDeck('long'), theme);
    decks[name] = { full: await JSZip.loadAsync(full), long: await JSZip.loadAsync(long), bytes: full };
  }
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const slideParts = (zip: JSZip) =>
  Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
const layoutOf = async (zip: JSZip, slide: string) => {
  const rels = await zip.file(slide.replace('slides/', 'slides/_rels/') + '.rels')!.async('string');
  const target = /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1];
  return zip.file(`ppt/slideLayouts/${target}`)!.async('string');
};

describe('themes import', () => {
  it('reads slide size, colours, fonts and the master logo', () => {
    expect(imported.coreoz.template.size).toEqual({ w: 720, h: 540 });
    expect(imported.automizer.template.size).toEqual({ w: 960, h: 540 });
    expect(imported.automizer.theme.palette?.accent).toBe('#4472c4');
    expect(imported.automizer.template.fonts).toEqual({ major: 'Calibri Light', minor: 'Calibri' });
    expect(imported.automizer.theme.logo).toBe('automizer-logo.png');
    expect(existsSync(join(root, 'assets/automizer-logo.png'))).toBe(true);
    expect(readFileSync(join(root, 'themes/coreoz/theme.yaml'), 'utf8')).toMatch(/Slide size 4:3 \(720 x 540 pt\)/);
    expect(imported.coreoz.theme.extends).toBe('ministry');
  });

  it('takes light text on a dark master, and reports what the machine or the template lacks', () => {
    const dark = imported.libreoffice;
    expect(dark.theme.palette?.background).toBe('#14213d');
    expect(dark.theme.palette?.text).toBe('#ffffff');
    expect(imported.automizer.notes.join('\n')).toMatch(/font Calibri is not installed.*Carlito/);
    expect(dark.notes.join('\n')).toMatch(/no Title Slide layout \(type title\); title slides use 'Title Slide'/);
    expect(dark.notes.join('\n')).toMatch(/contrast: .* below WCAG AA/);
  });

  it('builds on a .potx as on a .pptx: the package becomes a presentation, 0 validator errors', async () => {
    soffice(['--convert-to', 'potx', '--outdir', root, join(root, 'libreoffice-dark.fodp')]);
    const r = importTemplate({ root, file: join(root, 'libreoffice-dark.potx'), name: 'potx' });
    expect(r.files.some((f) => f.endsWith('themes/potx/template.potx'))).toBe(true);
    const bytes = await renderPptx(fixtureDeck('full'), loadTheme('potx', { root }));
    const types = await (await JSZip.loadAsync(bytes)).file('[Content_Types].xml')!.async('string');
    expect(types).toContain('presentationml.presentation.main+xml');
    expect(types).not.toContain('presentationml.template.main+xml');
    expect(validatePptx(bytes).errors).toEqual([]);
  }, 120_000);

  it('refuses a broken template with the file, the problem and the fix', () => {
    const bad = join(root, 'broken.potx');
    writeFileSync(bad, 'not a zip');
    expect(() => importTemplate({ root, file: bad, name: 'x' })).toThrow(/broken\.potx: it is not a PowerPoint file \(not a ZIP package\)\. Give the path/);
    const docx = join(root, 'letter.pptx');
    writeFileSync(docx, execFileSync('python3', ['-c', "import io,zipfile,sys;b=io.BytesIO();z=zipfile.ZipFile(b,'w');z.writestr('word/document.xml','<w/>');z.close();sys.stdout.buffer.write(b.getvalue())"]));
    expect(() => importTemplate({ root, file: docx, name: 'x' })).toThrow(/letter\.pptx: it has no ppt\/presentation\.xml.*Import a \.potx or \.pptx/);
    expect(() => importTemplate({ root, file: join(root, 'notes.txt'), name: 'x' })).toThrow(/is not a PowerPoint template/);
    expect(() => importTemplate({ root, file: TEMPLATES.coreoz, name: 'coreoz' })).toThrow(/already exists.*--force/);
  });
});

describe.each(Object.keys(TEMPLATES) as Name[])('a deck on the %s template', (name) => {
  it('passes the validator with 0 errors', () => {
    expect(validatePptx(decks[name].bytes).errors).toEqual([]);
  }, 60_000);

  it("keeps the template's one master and its layouts, unchanged", async () => {
    const t = readTemplate(TEMPLATES[name]);
    const zip = decks[name].full;
    expect(Object.keys(zip.files).filter((f) => /^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(f))).toEqual([t.master]);
    for (const l of t.layouts) expect(await zip.file(l.part)!.async('uint8array')).toEqual(t.parts.get(l.part));
  });

  it("puts every title and body in the chosen layout's placeholders, with no box of their own", async () => {
    for (const zip of [decks[name].full, decks[name].long]) {
      for (const part of slideParts(zip)) {
        const xml = await zip.file(part)!.async('string');
        const layout = await layoutOf(zip, part);
        const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="(title|ctrTitle)"[^>]*\/>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/.exec(xml);
        expect(title, part).not.toBeNull();
        expect(layout).toContain(`<p:ph type="${title![1]}"`);
        expect(title![0]).toContain('<p:spPr/>');
        expect(title![0]).not.toMatch(/<a:latin /);
        for (const ph of xml.matchAll(/<p:ph\b([^>]*)\/>/g)) expect(ph[1], part).not.toMatch(/hasCustomPrompt/);
      }
    }
  });

  it('chooses layouts by type: title slide, content on Title and Content, figures on Title Only', async () => {
    const zip = decks[name].full;
    const theme = loadTheme(name, { root });
    const kinds = fitDeck(fixtureDeck('full'), theme, templateGeometry(readTemplate(TEMPLATES[name]), theme)).map((f) => f.slide.kind);
    const types = await Promise.all(slideParts(zip).map(async (p) => /<p:sldLayout\b[^>]*\btype="([^"]+)"/.exec(await layoutOf(zip, p))?.[1]));
    expect(types).toHaveLength(kinds.length);
    expect(types[kinds.indexOf('bullets')]).toBe('obj');
    expect(types[kinds.indexOf('figures')]).toBe('titleOnly');
    expect(types[0]).toBe(name === 'libreoffice' ? 'tx' : 'title');
    if (name !== 'libreoffice') expect(types[kinds.indexOf('section')]).toBe('secHead');
  });

  it("fits against the template's boxes: every box inside the slide, long content continued", () => {
    const t = readTemplate(TEMPLATES[name]);
    const theme = loadTheme(name, { root });
    const g = templateGeometry(t, theme);
    for (const b of [g.title, g.body(1)]) {
      expect(b.x + b.w).toBeLessThanOrEqual(t.size.w);
      expect(b.y + b.h).toBeLessThanOrEqual(t.size.h);
    }
    const long = fixtureDeck('long');
    expect(fitDeck(long, theme, g).length).toBeGreaterThan(long.slides.length);
    expect(slideParts(decks[name].long)).toHaveLength(fitDeck(long, theme, g).length);
  });

  it('opens in LibreOffice with the same slide count', () => {
    const file = join(root, `${name}-deck.pptx`);
    writeFileSync(file, decks[name].bytes);
    soffice(['--convert-to', 'pdf', '--outdir', root, file]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(root, `${name}-deck.pdf`)], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(slideParts(decks[name].full).length);
    const text = execFileSync('pdftotext', [join(root, `${name}-deck.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Virtually every analysis of the relationship');
  }, 200_000);
});
