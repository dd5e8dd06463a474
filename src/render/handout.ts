/**
 * The printable handout: A4 (or Letter) portrait, three slides a page, each beside its speaker
 * notes (which hold the full source sentence of every pulled line), page numbers in the footer, and a final page
 * listing every source. Slides are Marp's own SVGs, so they look exactly like the deck.
 */
import type { Printer, PrintJob } from './print.ts';
import { escapeHtml as h, safeUrl } from './escape.ts';
import { sourceLine } from '../layout/index.ts';
import type { MarpRender } from './marp.ts';
import { fontStack } from '../theme/fonts.ts';
import { pdfInfo } from './pdf.ts';

/**
 * A row is a third of a page at least, so short notes give three slides a page with room to
 * write (ruled where a slide has no notes); long notes run on past the page, the slide picture
 * never split.
 */
const ROW_MIN_HEIGHT = '78mm';
const THUMB_WIDTH_MM = 84;

/** Page margins, in the CSS page rule and for the footer Chromium draws in the bottom one. */
const MARGIN = { top: '12mm', bottom: '16mm', left: '12mm', right: '12mm' };

export interface HandoutOptions {
  paper?: 'A4' | 'Letter';
}

export function handoutDocument(r: MarpRender, paper: 'A4' | 'Letter' = 'A4'): string {
  const { deck, theme } = r.layout;
  const { slides, css } = r;
  const f = theme.fonts;
  const rows = r.layout.slides.map((slide, i) => {
    const notes = slide.notes.map((n) => `<p>${h(n)}</p>`).join('');
    return `<div class="row"><div class="thumb"><div class="marpit">${slides[i]}</div><div class="num">${i + 1}</div></div>
<div class="notes">${notes}</div></div>`;
  });
  const caveat = deck.slides.find((s): s is Extract<typeof s, { kind: 'sources' }> => s.kind === 'sources' && !!s.caveat)?.caveat;
  const sources = deck.sources
    .map((s) => `<li>${h(sourceLine({ ...s, url: undefined }))}${s.url ? ` ${safeUrl(s.url) ? `<a href="${h(safeUrl(s.url)!)}">${h(s.url)}</a>` : h(s.url)}` : ''}</li>`)
    .join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${h(deck.title)} — handout</title>
<style>${css}</style><style>
@page{size:${paper} portrait;margin:${MARGIN.top} ${MARGIN.right} ${MARGIN.bottom} ${MARGIN.left}}
html,body{margin:0;break-inside:auto!important;page-break-inside:auto!important}
div.marpit>svg>foreignObject>section{break-before:auto!important;page-break-before:auto!important}
body{font-family:${fontStack(f.body)};color:${theme.palette.text};font-size:9pt;line-height:1.35}
h1{font-family:${fontStack(f.heading)};color:${theme.palette.heading};font-size:16pt;margin:0 0 2mm}
.meta{color:${theme.palette.muted};margin:0 0 4mm}
.banner{background:${theme.palette.banner};color:${theme.palette.bannerText};text-align:center;font-weight:700;letter-spacing:.1em;padding:1mm;margin-bottom:3mm}
.row{display:flex;gap:5mm;padding:3mm 0;border-bottom:0.3mm solid #ccc;min-height:${ROW_MIN_HEIGHT}}
.thumb{flex:0 0 ${THUMB_WIDTH_MM}mm;position:relative;break-inside:avoid}.thumb svg{display:block;width:${THUMB_WIDTH_MM}mm!important;height:${(THUMB_WIDTH_MM * 9) / 16}mm!important;border:0.3mm solid #999}
.num{color:${theme.palette.muted};font-size:8pt;margin-top:1mm}
.notes{flex:1;min-width:0;overflow-wrap:anywhere;font-size:8.5pt}.notes p{margin:0 0 1.6mm;break-inside:avoid}
.notes:empty{background:repeating-linear-gradient(to bottom,transparent 0 7.4mm,#bbb 7.4mm 7.6mm)}
.sources{break-before:page}.sources li{margin-bottom:2mm;overflow-wrap:anywhere}a{color:${theme.palette.accent}}
</style></head><body>
${deck.classification ? `<div class="banner">${h(deck.classification)}</div>` : ''}
<h1>${h(deck.title)}</h1><p class="meta">${[deck.subtitle, deck.presenter, deck.organisation, deck.date].filter(Boolean).map((s) => h(s!)).join(' · ')}</p>
${rows.join('\n')}
<section class="sources"><h1>Sources</h1><ol>${sources}</ol>${caveat ? `<p><em>${h(caveat)}</em></p>` : ''}</section>
</body></html>`;
}

/** The handout's print job: A4 or Letter pages with a running footer and page numbers. */
export function handoutJob(r: MarpRender, options: HandoutOptions = {}): PrintJob {
  const { deck } = r.layout;
  const label = (deck.classification ? `${deck.classification} · ` : '') + deck.title;
  return {
    name: `handout of ${deck.name}`,
    html: handoutDocument(r, options.paper),
    pdf: {
      format: options.paper ?? 'A4',
      printBackground: true,
      tagged: true,
      margin: MARGIN,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;color:#555"><span>${h(label)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    },
    info: { ...pdfInfo(deck), title: `${deck.title} — handout` },
    bookmarks: [],
  };
}

export function renderHandout(r: MarpRender, printer: Printer, options: HandoutOptions = {}, accepted?: () => void): Promise<Uint8Array> {
  return printer.print(handoutJob(r, options), accepted);
}
