/**
 * Decks are rendered on `briefdeck-base`, the few rules of Marp's `default` theme that show
 * through a briefdeck theme. In Chromium, every element of every slide (generated kinds and an
 * author Markdown slide with a table, code, quotes and nested lists) must land in the same box
 * with the same look as on `default` itself, which the written `.marp.md` still names; a Marp
 * Core upgrade that changes `default` fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Marp } from '@marp-team/marp-core';
import type { Page } from 'puppeteer';
import { renderMarp } from '../../src/render/marp.ts';
import { BrowserSession } from '../../src/render/browser.ts';
import { THEMES, fixtureDeck, themeFor, laidOut } from './helpers.ts';

const LONG_WORD = 'Supercalifragilistic'.repeat(12);
const AUTHOR_MARKDOWN = [
  '## Author note',
  `Plain text with **bold**, *emphasis*, \`code\`, ~~struck~~, a [link](https://example.org) and ${LONG_WORD}.`,
  '### A smaller heading',
  '| Year | Gas bcm | Oil mt |\n|---|---:|---:|\n| 2021 | 10.4 | 79.6 |\n| 2023 | 22.7 | 107.0 |',
  '> A quotation set by the author.',
  '```\nfenced code\n```',
  '1. one\n2. two\n   - nested\n     1. deeper',
  '#### Fourth level',
].join('\n\n');

let session: BrowserSession;
beforeAll(async () => {
  session = await BrowserSession.launch();
});
afterAll(async () => session?.close());

/** Box and every computed property (custom properties aside) of every element in every slide. */
async function layout(page: Page, css: string, slides: string[]): Promise<string[]> {
  await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body><div class="marpit">${slides.join('')}</div></body></html>`, {
    waitUntil: 'load',
  });
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('section, section *')).map((el) => {
      const box = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const props = Array.from({ length: cs.length }, (_, i) => cs[i]).filter((p) => !p.startsWith('--'));
      return [el.tagName, ...[box.x, box.y, box.width, box.height].map((n) => n.toFixed(1)), ...props.map((p) => `${p}:${cs.getPropertyValue(p)}`)].join(' | ');
    }),
  );
}

describe("the base theme decks are rendered on", () => {
  it.each(THEMES)('%s: lays out and styles every element exactly as Marp default does', async (name) => {
    const deck = fixtureDeck('full');
    deck.slides = deck.slides.map((s) => (s.kind === 'markdown' ? { ...s, markdown: AUTHOR_MARKDOWN } : s));
    // A word longer than a line, in a generated slide too: it must wrap as on default.
    const bullets = deck.slides.find((s) => s.kind === 'bullets');
    if (bullets?.kind === 'bullets') bullets.bullets[0] = { ...bullets.bullets[0], text: `${bullets.bullets[0].text} ${LONG_WORD}` };
    const theme = themeFor(deck, name);
    const ours = renderMarp(laidOut(deck, theme));
    expect(ours.markdown).toMatch(/^---\nmarp: true\ntheme: default\n/);
    expect(ours.css).not.toContain('prettylights');
    const marp = new Marp({ html: false, emoji: { shortcode: false, unicode: false }, math: false, script: false, minifyCSS: true });
    const reference = marp.render(ours.markdown, { htmlAsArray: true });
    expect(reference.html.length).toBe(ours.slides.length);
    const page = await session.browser.newPage();
    try {
      await page.setViewport({ width: 1400, height: 800 });
      const onDefault = await layout(page, reference.css, reference.html);
      const onBase = await layout(page, ours.css, ours.slides);
      expect(onBase.length).toBeGreaterThan(100);
      expect(onBase).toEqual(onDefault);
    } finally {
      await page.close();
    }
  }, 60_000);
});
