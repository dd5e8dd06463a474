/**
 * The PDF deck: the same Marp render as the HTML, printed by the run's one browser at slide size
 * (one page per slide), then given metadata and a bookmark per slide. The page names the very
 * font files fitting measured (`local()` faces), so Chromium sets and embeds exactly those.
 */
import type { Deck } from '../model.ts';
import { slidesDocument } from './html.ts';
import { facesUsed, localFontFaceCss } from '../theme/embed-fonts.ts';
import type { MarpRender } from './marp.ts';
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
export function pdfJob(r: MarpRender): PrintJob {
  const { deck, theme, slides } = r.layout;
  return {
    name: `PDF of ${deck.name}`,
    html: slidesDocument(r, 'print', localFontFaceCss(facesUsed(theme, r.slides))),
    pdf: { width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true, tagged: true },
    info: pdfInfo(deck),
    bookmarks: slides.map((f, page) => ({ title: f.title, page })),
  };
}

export async function renderPdf(r: MarpRender, printer: Printer, accepted?: () => void): Promise<Uint8Array> {
  return printer.print(pdfJob(r), accepted);
}
