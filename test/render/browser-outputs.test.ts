/**
 * Renders every fixture deck in every shipped theme in real Chromium (one browser for the file):
 * nothing overflows its slide (and the checker that says so does catch a slide that overflows), HTML makes no network request, the PDF has one page per slide,
 * a bookmark per slide, metadata and embedded fonts, and the handout has notes and sources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { PDFDocument, PDFDict, PDFName, PDFHexString, PDFString } from 'pdf-lib';
import { BrowserSession, findBrowser, isHeadlessShell } from '../../src/render/browser.ts';
import { renderHtml, slidesDocument } from '../../src/render/html.ts';
import { renderMarp } from '../../src/render/marp.ts';
import { findOverflow } from './overflow.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { renderHandout } from '../../src/render/handout.ts';
import { THEMES, fixtureDeck, themeFor, openStatic, laidOut } from './helpers.ts';
import type { LaidOutDeck } from '../../src/model.ts';

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

  it("takes Chromium's headless shell before a full browser when both are installed", () => {
    const found = findBrowser({})!;
    if (existsSync('/usr/lib/chromium/chromium-headless-shell')) expect(found.path).toBe('/usr/lib/chromium/chromium-headless-shell');
    expect(isHeadlessShell('/usr/lib/chromium/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/home/me/.cache/puppeteer/chrome-headless-shell/linux-1/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
  });
});

describe('the browser session', () => {
  it('prints job after job on a pool of at most two pages, in one renderer', async () => {
    const s = await BrowserSession.launch();
    try {
      const deck = fixtureDeck('full');
      const theme = themeFor(deck, 'public');
      let running = 0;
      let most = 0;
      const job = () =>
        s.withPage('probe', async (page) => {
          most = Math.max(most, ++running);
          await page.setContent('<p>probe</p>');
          await new Promise((resolve) => setTimeout(resolve, 50));
          running -= 1;
        });
      await Promise.all([job(), job(), job(), job(), renderPdf(renderMarp(laidOut(deck, theme)), s), renderHandout(renderMarp(laidOut(deck, theme)), s)]);
      expect(most).toBe(2);
      expect((await s.browser.pages()).length).toBe(2);
      const renderers = s.process.spawnargs;
      expect(renderers).toContain('--renderer-process-limit=1');
    } finally {
      await s.close();
    }
  }, 60_000);

  it("runs Chromium's headless shell on no profile folder at all, as puppeteer would launch it otherwise", async () => {
    const s = await BrowserSession.launch({ executablePath: '/usr/lib/chromium/chromium-headless-shell' });
    try {
      const args = s.process.spawnargs.slice(1);
      expect(args.some((a) => a.startsWith('--user-data-dir'))).toBe(false);
      // The same command line puppeteer.launch gives, but for the profile folder it would make.
      const ours = ['--in-process-gpu', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
        '--disable-sync', '--font-render-hinting=none', '--renderer-process-limit=1', '--enable-features=NetworkServiceInProcess2'];
      const theirs = puppeteer.defaultArgs({ headless: 'shell', args: ours });
      expect(new Set(args.filter((a) => !/^--(no-sandbox|no-zygote|single-process)$/.test(a)))).toEqual(new Set([...theirs, '--remote-debugging-pipe']));
      await s.withPage('probe', (page) => page.setContent('<p>probe</p>'));
    } finally {
      await s.close();
    }
  }, 60_000);

  it('keeps the profile of a full browser in a folder of its own, removed once it exits, and removes those of dead runs', async (ctx) => {
    if (!existsSync('/usr/bin/chromium')) ctx.skip();
    const profiles = () => readdirSync(tmpdir()).filter((n) => n.startsWith('briefdeck-chromium-'));
    // What a build stopped by Ctrl-C leaves behind: the folder of a process that is gone.
    const dead = mkdtempSync(join(tmpdir(), 'briefdeck-chromium-999999999-'));
    mkdirSync(join(dead, 'Default'));
    const s = await BrowserSession.launch({ executablePath: '/usr/bin/chromium' });
    const own = profiles().filter((n) => n.startsWith(`briefdeck-chromium-${process.pid}-`));
    let closed = false;
    try {
      expect(existsSync(dead)).toBe(false);
      expect(own.length).toBeGreaterThanOrEqual(1);
      const arg = s.process.spawnargs.find((a) => a.startsWith('--user-data-dir='))!;
      expect(arg).toContain(`briefdeck-chromium-${process.pid}-`);
      await s.close();
      closed = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(existsSync(arg.slice('--user-data-dir='.length))).toBe(false);
    } finally {
      if (!closed) await s.close();
    }
  }, 60_000);
});

describe.each(THEMES)('theme %s', (themeName) => {
  it.each(['full', 'long'] as const)('%s deck: no slide content overflows its box, no network request', async (deckName) => {
    const deck = fixtureDeck(deckName);
    const theme = themeFor(deck, themeName);
    const { page, requests } = await openStatic(session.browser, await renderHtml(renderMarp(laidOut(deck, theme))));
    try {
      const report = await findOverflow(page);
      expect(report.measured).toBe(laidOut(deck, theme).slides.length);
      expect(report.problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the overflow checker', () => {
  it('reports the slides of a deck rendered without the fitting step', async () => {
    const deck = fixtureDeck('long');
    const theme = themeFor(deck, 'public');
    // The deck's own slides, each as one slide at full size: what the layout stage would split.
    const layout = laidOut(deck, theme);
    const frame = { ...layout.slides[0].frame, scale: 1, titleScale: 1 };
    const unfitted: LaidOutDeck = { ...layout, slides: deck.slides.map((slide, i) => ({ slide, source: i, title: slide.title, cites: { tags: true }, notes: [], frame })) };
    const { page } = await openStatic(session.browser, slidesDocument(renderMarp(unfitted), 'screen'));
    try {
      const report = await findOverflow(page);
      expect(report.measured).toBe(deck.slides.length);
      // The fitted deck splits these very slides; unsplit, their last items fall off the slide.
      const split = new Set(laidOut(deck, theme).slides.filter((f) => f.slide.continued).map((f) => f.source + 1));
      expect(split.size).toBeGreaterThan(0);
      const reported = new Set(report.problems.map((p) => Number(/^slide (\d+)/.exec(p)![1])));
      for (const n of split) expect(reported).toContain(n);
    } finally {
      await page.close();
    }
  });

  it('reports text pushed past the right edge or the bottom by CSS', async () => {
    const deck = fixtureDeck('full');
    const html = (await renderHtml(renderMarp(laidOut(deck, themeFor(deck, 'analyst'))))).replace(
      '</head>',
      '<style>section.kind-bullets li{font-size:60px}section.kind-figure p strong{white-space:nowrap!important;font-size:600px!important}</style></head>',
    );
    const { page } = await openStatic(session.browser, html);
    try {
      const { problems } = await findOverflow(page);
      expect(problems.some((p) => /<li>/.test(p))).toBe(true);
      expect(problems.some((p) => /<strong>/.test(p))).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('PDF deck', () => {
  it('has one page per slide, a bookmark per slide title, metadata and embedded fonts', async () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, 'ministry');
    const bytes = await renderPdf(renderMarp(laidOut(deck, theme)), session);
    const pdf = await PDFDocument.load(bytes);
    const fitted = laidOut(deck, theme).slides;
    expect(pdf.getPageCount()).toBe(fitted.length);
    expect(outlineTitles(pdf)).toEqual(fitted.map((f) => f.title));
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
    writeFileSync(file, await renderHandout(renderMarp(laidOut(deck, theme)), session));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Key judgements use Kent words');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const lastPage = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' });
    expect(lastPage).toContain('Sources');
    expect(lastPage).toContain(deck.sources[0].title);
    // Nothing is printed in the page margins (12 mm = 34 pt at the sides).
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const lefts = [...bbox.matchAll(/<word xMin="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(lefts.length).toBeGreaterThan(20);
    expect(Math.min(...lefts)).toBeGreaterThanOrEqual(33);
    const letter = join(tmp, 'letter.pdf');
    writeFileSync(letter, await renderHandout(renderMarp(laidOut(deck, theme)), session, { paper: 'Letter' }));
    expect(execFileSync('pdfinfo', [letter], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/);
  }, 60_000);
});
