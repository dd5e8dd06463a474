/**
 * The HTML deck on a machine without the theme's fonts: Chromium is launched with a fontconfig
 * that sees one unrelated font only (Chromium needs one to start its font system). The slide text
 * must still be set in the embedded faces (CDP `CSS.getPlatformFontsForNode`: the theme family,
 * a web font), nothing may overflow and nothing is fetched. The same page without the embedded
 * faces shows the browser really lacks the fonts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { findBrowser } from '../../src/render/browser.ts';
import { renderHtml, slidesDocument } from '../../src/render/html.ts';
import { renderMarp } from '../../src/render/marp.ts';
import { findOverflow } from './overflow.ts';
import { THEMES, fixtureDeck, themeFor, openStatic, laidOut } from './helpers.ts';

const THEME_FAMILIES = /^(Liberation|DejaVu)/;

/** A fontconfig setup whose only font is one that no theme uses (a Courier-like mono if there is one). */
function bareFontconfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-nofonts-'));
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts);
  const listed = execFileSync('fc-list', ['-f', '%{file}\t%{family[0]}\n'], { encoding: 'utf8' })
    .split('\n').map((l) => l.split('\t')).filter(([file, family]) => file && family && !THEME_FAMILIES.test(family) && /\.(ttf|otf)$/.test(file));
  const pick = listed.find(([, family]) => /mono|courier/i.test(family)) ?? listed[0];
  if (!pick) throw new Error('no font outside the theme families to start Chromium with');
  copyFileSync(pick[0], join(fonts, basename(pick[0])));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`);
  return conf;
}

let browser: Browser;
beforeAll(async () => {
  const env = { ...process.env, FONTCONFIG_FILE: bareFontconfig() };
  browser = await puppeteer.launch({
    executablePath: findBrowser()?.path,
    headless: true,
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => browser?.close());

/** Glyphs drawn per platform font ("family|web" or "family|system") over the slides' text blocks. */
async function fontsDrawn(page: Page): Promise<Map<string, number>> {
  const cdp = await page.createCDPSession();
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'section h1, section h2, section p, section li, section blockquote, section td' });
  const drawn = new Map<string, number>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const f of fonts) {
      const key = `${f.familyName}|${f.isCustomFont ? 'web' : 'system'}`;
      drawn.set(key, (drawn.get(key) ?? 0) + f.glyphCount);
    }
  }
  await cdp.detach();
  return drawn;
}

describe.each(THEMES)('theme %s on a machine without its fonts', (name) => {
  it('sets slide text in the embedded faces, with nothing overflowing and nothing fetched', async () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, name);
    const { page, requests } = await openStatic(browser, await renderHtml(renderMarp(laidOut(deck, theme))));
    try {
      const loaded = await page.evaluate(() =>
        Array.from(document.fonts as unknown as Iterable<FontFace>, (f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`),
      );
      for (const family of new Set([theme.fonts.heading, theme.fonts.body]))
        for (const weight of [400, 700]) expect(loaded).toContain(`${family} ${weight} loaded`);
      const drawn = await fontsDrawn(page);
      expect([...drawn.keys()].sort()).toEqual([...new Set([theme.fonts.heading, theme.fonts.body])].map((f) => `${f}|web`).sort());
      const report = await findOverflow(page);
      expect(report.measured).toBe(laidOut(deck, theme).slides.length);
      expect(report.problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('without the embedded faces falls back to another font (the browser really lacks them)', async () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, name);
    const { page } = await openStatic(browser, slidesDocument(renderMarp(laidOut(deck, theme)), 'screen'));
    try {
      const drawn = [...(await fontsDrawn(page)).keys()];
      expect(drawn.length).toBeGreaterThan(0);
      for (const key of drawn) expect(key).not.toMatch(THEME_FAMILIES);
    } finally {
      await page.close();
    }
  }, 60_000);
});
