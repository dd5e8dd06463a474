/** Shared fixtures for renderer tests: the hand-made decks and themes loaded from the repo. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import type { Deck, LaidOutDeck, ResolvedTheme } from '../../src/model.ts';
import { loadTheme } from '../../src/theme/index.ts';
import type { Template } from '../../src/theme/template.ts';
import { layoutDeck } from '../../src/layout/index.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const THEMES = ['ministry', 'analyst', 'public'] as const;

export function fixtureDeck(name: 'full' | 'long'): Deck {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/decks', `${name}.json`), 'utf8')) as Deck;
}

export function themeFor(deck: Deck, name: string): ResolvedTheme {
  return loadTheme(name, { root: ROOT, overrides: deck.overrides, classification: deck.classification });
}

/** A deck laid out in a theme (on its template, when given): what every writer is handed. */
export function laidOut(deck: Deck, theme: ResolvedTheme, template?: Template): LaidOutDeck {
  return layoutDeck(deck, theme, { template }).layout;
}

/**
 * Loads an HTML deck as a reader without JavaScript sees it (every slide laid out), noting every
 * request that is not the page itself or a `data:` URI. Takes a browser or a `BrowserSession`.
 */
export async function openStatic(
  browser: { newPage(): Promise<Page> },
  html: string,
): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  await page.setViewport({ width: 1400, height: 800 });
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (!/^(data|about):/.test(req.url())) requests.push(req.url());
    void req.continue();
  });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { page, requests };
}
