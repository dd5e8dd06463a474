/**
 * The HTML deck in every theme, with every slide kind, checked by axe-core in Chromium: no serious
 * or critical WCAG violation (contrast, names, language, structure). The printed PDF is tagged and
 * names its language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { PDFDocument, PDFName } from 'pdf-lib';
import { BrowserSession } from '../../src/render/browser.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { THEMES, fixtureDeck, themeFor } from './helpers.ts';

let session: BrowserSession;
beforeAll(async () => {
  session = await BrowserSession.launch();
}, 60_000);
afterAll(async () => session?.close());

describe('accessibility in the browser', () => {
  for (const theme of [...THEMES, 'default'])
    it(`${theme}: axe-core finds no serious or critical violation on any slide kind`, async () => {
      for (const name of ['full', 'long'] as const) {
        const deck = fixtureDeck(name);
        const html = await renderHtml(deck, themeFor(deck, theme));
        // Without the deck's presenter script every slide is laid out at once (as for a reader
        // without JavaScript), so axe sees them all; axe itself needs JavaScript in the page.
        const page = await session.newPage();
        try {
          await page.setViewport({ width: 1400, height: 800 });
          await page.setContent(html.replace(/<script>[\s\S]*?<\/script>/g, ''), { waitUntil: 'load' });
          const results = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
          // axe really looked at the slides' text: contrast was checked on many elements.
          const contrast = [...results.passes, ...results.violations, ...results.incomplete].filter((r) => r.id === 'color-contrast');
          expect(contrast.reduce((n, r) => n + r.nodes.length, 0)).toBeGreaterThan(20);
          const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), `${name}/${theme}`).toEqual([]);
        } finally {
          await page.close();
        }
      }
    }, 120_000);

  it('prints a tagged PDF that names its language', async () => {
    const deck = fixtureDeck('full');
    const pdf = await PDFDocument.load(await renderPdf(deck, themeFor(deck, 'ministry'), session));
    expect(String(pdf.catalog.lookup(PDFName.of('Lang')))).toMatch(/^\(en/);
    expect(pdf.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
  }, 120_000);
});
