/**
 * Renders every fixture deck in every shipped theme in real Chromium (one browser for the file):
 * nothing overflows its slide, HTML makes no network request, the PDF has one page per slide,
 * a bookmark per slide, metadata and embedded fonts, and the handout has notes and sources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFDict, PDFName, PDFHexString, PDFString } from 'pdf-lib';
import { BrowserSession, findBrowser } from '../../src/render/browser.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { renderHandout } from '../../src/render/handout.ts';
import { fitDeck } from '../../src/render/fit.ts';
import { THEMES, fixtureDeck, themeFor } from './helpers.ts';

let session: BrowserSession;
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-render-'));
beforeAll(async () => {
  session = await BrowserSession.launch();
}, 60_000);
afterAll(async () => session?.close());

function outlineTitles(pdf: PDFDocument): string[] {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const t = item.lookup(PDFName.of('Title'));
    titles.push(t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : String(t));
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return titles;
}

describe('browser lookup', () => {
  it('prefers CHROME_PATH, then known install paths', () => {
    expect(findBrowser({ CHROME_PATH: '/usr/bin/chromium' })).toEqual({ path: '/usr/bin/chromium', source: 'CHROME_PATH' });
    expect(findBrowser({ CHROME_PATH: '/nonexistent/chrome' })?.source).toBe('known path');
  });
});

describe.each(THEMES)('theme %s', (themeName) => {
  it.each(['full', 'long'] as const)('%s deck: no slide content overflows its box, no network request', async (deckName) => {
    const deck = fixtureDeck(deckName);
    const html = await renderHtml(deck, themeFor(deck, themeName));
    const page = await session.newPage();
    const requests: string[] = [];
    try {
      await page.setViewport({ width: 1400, height: 800 });
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (!/^(data|about):/.test(req.url())) requests.push(req.url());
        void req.continue();
      });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        document.querySelectorAll('section').forEach((section, i) => {
          const box = section.getBoundingClientRect();
          const style = getComputedStyle(section);
          const bottom = box.bottom - parseFloat(style.paddingBottom) + 2;
          const right = box.right - parseFloat(style.paddingRight) + 2;
          section.querySelectorAll('h1,h2,p,li,td,blockquote,strong,em,code').forEach((el) => {
            const r = el.getBoundingClientRect();
            if (r.bottom > bottom || r.right > right)
              out.push(`slide ${i + 1} <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 40)}" ends at ${Math.round(r.bottom - box.top)}px (limit ${Math.round(bottom - box.top)})`);
          });
        });
        return out;
      });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('PDF deck', () => {
  it('has one page per slide, a bookmark per slide title, metadata and embedded fonts', async () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, 'ministry');
    const bytes = await renderPdf(deck, theme, session);
    const pdf = await PDFDocument.load(bytes);
    const fitted = fitDeck(deck, theme);
    expect(pdf.getPageCount()).toBe(fitted.length);
    expect(outlineTitles(pdf)).toEqual(fitted.map((f) => f.slide.title + (f.slide.continued ? ' (continued)' : '')));
    expect(pdf.getTitle()).toBe(deck.title);
    expect(pdf.getAuthor()).toBe(deck.presenter);
    expect(pdf.getSubject()).toBe(deck.subtitle);
    const file = join(tmp, 'deck.pdf');
    writeFileSync(file, bytes);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.some((l) => /LiberationSerif-Bold/.test(l))).toBe(true);
    for (const line of fonts) expect(line.split(/\s+/).slice(-5)[0]).toBe('yes');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('the main struggle, which is now underway');
  }, 60_000);
});

describe('PDF handout', () => {
  it('is A4 portrait by default (Letter by option), with notes, full source sentences, page numbers and a sources page', async () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, 'analyst');
    const file = join(tmp, 'handout.pdf');
    writeFileSync(file, await renderHandout(deck, theme, session));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Key judgements use Kent words');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const lastPage = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' });
    expect(lastPage).toContain('Sources');
    expect(lastPage).toContain(deck.sources[0].title);
    const letter = join(tmp, 'letter.pdf');
    writeFileSync(letter, await renderHandout(deck, theme, session, { paper: 'Letter' }));
    expect(execFileSync('pdfinfo', [letter], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/);
  }, 60_000);
});
