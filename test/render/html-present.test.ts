/**
 * Presenting from the HTML deck in real Chromium: one slide at a time, keys move and write the
 * slide number into the URL hash, a reload (or a link to `#n`) opens that slide, `p` shows the
 * current slide's speaker notes and the next slide's title, and printing still gives every
 * slide. Without JavaScript the page is the plain scrolling view, notes hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { BrowserSession } from '../../src/render/browser.ts';
import { renderHtml } from '../../src/render/html.ts';
import { PRESENT_SCRIPT } from '../../src/render/present.ts';
import { fixtureDeck, themeFor, laidOut } from './helpers.ts';
import { renderMarp } from '../../src/render/marp.ts';

const deck = fixtureDeck('full');
const theme = themeFor(deck, 'ministry');
const fitted = laidOut(deck, theme).slides;
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-present-'));
const file = join(tmp, 'deck.html');
const url = pathToFileURL(file).href;
let session: BrowserSession;

beforeAll(async () => {
  writeFileSync(file, await renderHtml(renderMarp(laidOut(deck, theme))));
  session = await BrowserSession.launch();
}, 60_000);
afterAll(async () => session?.close());

/** 1-based numbers of the slides a viewer can see. */
const visibleSlides = (page: Page) =>
  page.$$eval('div.marpit > svg', (svgs) =>
    svgs.flatMap((svg, i) => (svg.getBoundingClientRect().width > 0 && getComputedStyle(svg).display !== 'none' ? [i + 1] : [])));

async function open(hash = '', options: { javascript?: boolean } = {}): Promise<{ page: Page; requests: string[] }> {
  const page = await session.browser.newPage();
  const requests: string[] = [];
  await page.setViewport({ width: 1280, height: 720 });
  await page.setJavaScriptEnabled(options.javascript ?? true);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().split('#')[0] !== url && !/^(data|about):/.test(req.url())) requests.push(req.url());
    void req.continue();
  });
  await page.goto(url + hash, { waitUntil: 'load' });
  return { page, requests };
}

describe('HTML deck, presenting', () => {
  it('shows one slide fitted to the window; arrow keys move and the hash follows; nothing is fetched', async () => {
    const { page, requests } = await open();
    try {
      expect(await visibleSlides(page)).toEqual([1]);
      const box = await page.$eval('div.marpit > svg.bd-current', (svg) => svg.getBoundingClientRect().toJSON() as DOMRect);
      expect(Math.round(box.width)).toBe(1280);
      expect(Math.round(box.height)).toBe(720);
      await page.keyboard.press('ArrowRight');
      expect(await visibleSlides(page)).toEqual([2]);
      expect(await page.evaluate(() => location.hash)).toBe('#2');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('Space');
      expect(await page.evaluate(() => location.hash)).toBe('#4');
      await page.keyboard.press('ArrowLeft');
      expect(await visibleSlides(page)).toEqual([3]);
      await page.keyboard.press('End');
      expect(await visibleSlides(page)).toEqual([fitted.length]);
      await page.keyboard.press('ArrowRight');
      expect(await visibleSlides(page)).toEqual([fitted.length]);
      await page.keyboard.press('Home');
      expect(await page.evaluate(() => location.hash)).toBe('#1');
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens at the slide in the hash, and a reload keeps the place', async () => {
    const { page } = await open('#5');
    try {
      expect(await visibleSlides(page)).toEqual([5]);
      await page.keyboard.press('ArrowRight');
      await page.reload({ waitUntil: 'load' });
      expect(await visibleSlides(page)).toEqual([6]);
      await page.evaluate(() => (location.hash = '#2'));
      await page.waitForFunction(() => document.querySelector('div.marpit > svg:nth-of-type(2)')?.classList.contains('bd-current'));
      expect(await visibleSlides(page)).toEqual([2]);
    } finally {
      await page.close();
    }
  });

  it('p shows the presenter view: the current slide\u2019s notes and the next slide\u2019s title', async () => {
    const n = fitted.findIndex((f, i) => i > 0 && f.notes.length > 0 && fitted[i + 1]) + 1;
    const notes = fitted[n - 1].notes;
    const { page } = await open(`#${n}`);
    try {
      expect(await page.$eval('.bd-panel', (el) => getComputedStyle(el).display)).toBe('none');
      await page.keyboard.press('p');
      const panel = await page.$eval('.bd-panel', (el) => ({ display: getComputedStyle(el).display, text: (el as HTMLElement).innerText }));
      expect(panel.display).not.toBe('none');
      expect(panel.text).toContain(`Slide ${n} of ${fitted.length}`);
      for (const note of notes) expect(panel.text.replace(/\s+/g, ' ')).toContain(note.replace(/\s+/g, ' '));
      const next = fitted[n];
      expect(panel.text).toContain(next.slide.title);
      // The slide itself is still on screen beside the notes.
      expect(await visibleSlides(page)).toEqual([n]);
      await page.keyboard.press('ArrowRight');
      const after = await page.$eval('.bd-panel .bd-speaker', (el) => (el as HTMLElement).innerText);
      const nextNotes = next.notes;
      if (nextNotes.length) expect(after.replace(/\s+/g, ' ')).toContain(nextNotes[0].replace(/\s+/g, ' '));
      else expect(after.trim()).toBe('');
    } finally {
      await page.close();
    }
  });

  it('prints every slide, one per page, whatever slide is showing', async () => {
    const { page } = await open('#3');
    try {
      await page.emulateMediaType('print');
      expect(await visibleSlides(page)).toEqual(fitted.map((_, i) => i + 1));
      expect(await page.$eval('.bd-panel', (el) => getComputedStyle(el).display)).toBe('none');
      const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true });
      const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBe(fitted.length);
    } finally {
      await page.close();
    }
  });

  it('without JavaScript is the scrolling view with every slide and no notes showing', async () => {
    const { page } = await open('#3', { javascript: false });
    try {
      expect(await visibleSlides(page)).toEqual(fitted.map((_, i) => i + 1));
      expect(await page.$eval('div.bd-notes', (el) => (el as HTMLElement).offsetHeight)).toBe(0);
      expect(await page.$$eval('div.bd-notes > aside.notes', (a) => a.length)).toBe(fitted.length);
    } finally {
      await page.close();
    }
  });
});

describe('HTML deck, notes and script', () => {
  it('carries hostile notes as escaped text, and its only script is our constant one', async () => {
    const hostile = fixtureDeck('full');
    hostile.notes = true;
    hostile.slides = [{ kind: 'bullets', title: 'T', bullets: [{ text: 'x' }], notes: [{ text: '</aside><script>alert(1)</script>' }, { text: 'a `${x}` and \\u0022 quote' }] }];
    const html = await renderHtml(renderMarp(laidOut(hostile, themeFor(hostile, 'analyst'))));
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([PRESENT_SCRIPT]);
    expect(html).toContain('&#60;/aside&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html.match(/<aside class="notes"/g)).toHaveLength(1);
  });
});
