/**
 * The PowerPoint opens in LibreOffice with the same slide count and text as the fitted deck,
 * every slide has speaker notes with the full source sentences, charts are native, the sources
 * slide links its URLs, and the file stays small (native text, not screenshots).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { renderPptx } from '../../src/render/pptx.ts';
import { fixtureDeck, themeFor, laidOut } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-pptx-'));
const deck = fixtureDeck('full');
const theme = themeFor(deck, 'ministry');
let bytes: Uint8Array;
let zip: JSZip;
beforeAll(async () => {
  bytes = await renderPptx(laidOut(deck, theme));
  zip = await JSZip.loadAsync(bytes);
});

const files = (re: RegExp) => Object.keys(zip.files).filter((f) => re.test(f));

describe('PPTX', () => {
  it('has one slide per fitted slide, each with notes; citations are in the notes', async () => {
    const slides = files(/^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toHaveLength(laidOut(deck, theme).slides.length);
    const notes = files(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    expect(notes).toHaveLength(slides.length);
    const all = (await Promise.all(notes.map((n) => zip.file(n)!.async('string')))).join('');
    expect(all).toContain('the main struggle, which is now underway');
  });

  it('puts text in the masters\u2019 placeholders and draws figures as a native chart', async () => {
    const slide2 = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(slide2).toMatch(/<p:ph\s[^>]*type="title"/);
    expect(slide2).toMatch(/<p:ph\s[^>]*type="body"/);
    expect(files(/^ppt\/charts\/chart\d+\.xml$/).length).toBeGreaterThanOrEqual(1);
    expect(files(/^ppt\/slideMasters\/|^ppt\/slideLayouts\//).length).toBeGreaterThanOrEqual(3);
  });

  it('links source URLs on the sources slide', async () => {
    const rels = (await Promise.all(files(/^ppt\/slides\/_rels\/.+\.rels$/).map((n) => zip.file(n)!.async('string')))).join('');
    expect(rels).toContain('https://example.org/bear-and-dragon');
  });

  it.runIf(existsSync('/usr/bin/soffice'))('opens in LibreOffice with the same slide count and text', () => {
    const file = join(tmp, 'deck.pptx');
    writeFileSync(file, bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/lo`, '--convert-to', 'pdf', '--outdir', tmp, file], { timeout: 120_000, stdio: 'ignore' });
    const info = execFileSync('pdfinfo', [join(tmp, 'deck.pdf')], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(laidOut(deck, theme).slides.length);
    const text = execFileSync('pdftotext', [join(tmp, 'deck.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Virtually every analysis of the relationship concedes');
    expect(text).toContain('After the war: three scenarios');
  }, 150_000);
});
