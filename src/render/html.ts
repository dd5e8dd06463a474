/**
 * The HTML deck: one self-contained file (inline CSS, logo as data URI, one small inline script
 * of our own, nothing fetched, no remote fonts). With JavaScript it presents one slide at a time
 * (see `present.ts`); without, it shows the slides one under another; printed, one per page.
 * Speaker notes travel as hidden `<aside class="notes">` blocks for the presenter view.
 * The theme's fonts travel inside as subset `@font-face` data (`theme/embed-fonts.ts`), so the
 * slides lay out as they were fitted on any machine. The PDF prints the same slides with the
 * installed faces named by `local()` (see `pdf.ts`).
 */
import { escapeHtml } from './escape.ts';
import type { MarpRender } from './marp.ts';
import { PRESENT_CSS, PRESENT_SCRIPT } from './present.ts';
import { facesUsed, fontFaceCss, shownCharacters } from '../theme/embed-fonts.ts';

/**
 * The `@font-face` rules that carry one render's fonts: every face its slides use, cut to the
 * characters they show, as WOFF.
 */
export function deckFontFaces(r: MarpRender, keptIn?: string): Promise<string> {
  return fontFaceCss(facesUsed(r.layout.theme, r.slides), shownCharacters(r.slides), 'woff', keptIn);
}

/** One hidden `<aside class="notes">` per slide, in slide order, every paragraph escaped. */
function notesBlock(r: MarpRender): string {
  const asides = r.layout.slides.map((f, i) => {
    const paragraphs = f.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
    return `<aside class="notes" data-slide="${i + 1}">${paragraphs}</aside>`;
  });
  return `<div class="bd-notes" hidden>${asides.join('')}</div>`;
}

/**
 * The page around Marp's slides; `print` sizes the page to one slide for PDF output (no script,
 * no notes). `fontFaces` is `deckFontFaces(r)`; without it the page names system fonts only.
 */
export function slidesDocument(r: MarpRender, mode: 'screen' | 'print', fontFaces = ''): string {
  const { deck } = r.layout;
  const screen = `body{margin:0;background:#5a5a5a}div.marpit{display:flex;flex-direction:column;gap:16px;padding:16px;align-items:center}
div.marpit>svg{display:block;width:min(100%,1280px);height:auto;box-shadow:0 2px 10px rgba(0,0,0,.4)}
@media print{body{background:none}div.marpit{padding:0;gap:0}div.marpit>svg{width:100%;box-shadow:none;break-after:page}}`;
  const print = `@page{size:1280px 720px;margin:0}html,body{margin:0;padding:0}
div.marpit>svg{display:block;width:1280px;height:720px;break-after:page;page-break-after:always}div.marpit>svg:last-child{break-after:auto;page-break-after:auto}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(deck.title)}</title>
${deck.presenter ? `<meta name="author" content="${escapeHtml(deck.presenter)}">` : ''}
<meta name="generator" content="briefdeck">
${fontFaces ? `<style>${fontFaces}</style>` : ''}<style>${r.css}</style><style>${mode === 'screen' ? screen + PRESENT_CSS : print}</style>
</head><body><div class="marpit">${r.slides.join('')}</div>${mode === 'screen' ? `${notesBlock(r)}<script>${PRESENT_SCRIPT}</script>` : ''}</body></html>`;
}

/** The HTML deck of a laid-out deck's Marp render; with `fontsKept`, the fonts cut for it are kept there for the next run. */
export async function renderHtml(r: MarpRender, fontsKept?: string): Promise<string> {
  return slidesDocument(r, 'screen', await deckFontFaces(r, fontsKept));
}
