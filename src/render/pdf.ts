/**
 * The PDF deck: the same Marp render as the HTML, printed by the run's one browser at slide size
 * (one page per slide, fonts embedded by Chromium), then given metadata and a bookmark per slide.
 */
import type { Deck, ResolvedTheme } from '../model.ts';
import type { BrowserSession } from './browser.ts';
import { deckFontFaces, slidesDocument } from './html.ts';
import { renderMarp } from './marp.ts';
import { finishPdf } from './pdf-meta.ts';

export function pdfInfo(deck: Deck) {
  return {
    title: deck.title,
    author: deck.presenter ?? deck.organisation,
    subject: deck.subtitle ?? `Briefing for a${/^[ae]/.test(deck.audience) ? 'n' : ''} ${deck.audience} audience`,
    keywords: ['briefing', deck.audience, ...(deck.classification ? [deck.classification] : [])],
  };
}

export async function renderPdf(deck: Deck, theme: ResolvedTheme, session: BrowserSession): Promise<Uint8Array> {
  const r = renderMarp(deck, theme);
  const fontFaces = await deckFontFaces(r, theme, 'truetype');
  const raw = await session.withPage(`PDF of ${deck.name}`, async (page) => {
    await page.setContent(slidesDocument(deck, r, 'print', fontFaces), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return page.pdf({ width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true, tagged: true });
  });
  const bookmarks = r.fitted.map((f, page) => ({ title: f.slide.continued ? `${f.slide.title} (continued)` : f.slide.title, page }));
  return finishPdf(raw, pdfInfo(deck), bookmarks);
}
