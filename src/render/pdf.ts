/**
 * The PDF deck: the same Marp render as the HTML, printed by the run's one browser at slide size
 * (one page per slide, fonts embedded by Chromium), then given metadata and a bookmark per slide.
 */
import type { Deck, ResolvedTheme } from '../model.ts';
import { deckFontFaces, slidesDocument } from './html.ts';
import { renderMarp } from './marp.ts';
import type { Printer, PrintJob } from './print.ts';

export function pdfInfo(deck: Deck) {
  return {
    title: deck.title,
    author: deck.presenter ?? deck.organisation,
    subject: deck.subtitle ?? `Briefing for a${/^[ae]/.test(deck.audience) ? 'n' : ''} ${deck.audience} audience`,
    keywords: ['briefing', deck.audience, ...(deck.classification ? [deck.classification] : [])],
  };
}

/** The PDF deck's print job: the slides page, one slide a page, a bookmark per slide. */
export async function pdfJob(deck: Deck, theme: ResolvedTheme): Promise<PrintJob> {
  const r = renderMarp(deck, theme);
  const fontFaces = await deckFontFaces(r, theme, 'truetype');
  return {
    name: `PDF of ${deck.name}`,
    html: slidesDocument(deck, r, 'print', fontFaces),
    pdf: { width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true, tagged: true },
    info: pdfInfo(deck),
    bookmarks: r.fitted.map((f, page) => ({ title: f.slide.continued ? `${f.slide.title} (continued)` : f.slide.title, page })),
  };
}

export async function renderPdf(deck: Deck, theme: ResolvedTheme, printer: Printer): Promise<Uint8Array> {
  return printer.print(await pdfJob(deck, theme));
}
