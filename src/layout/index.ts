/**
 * The layout stage, between composing a deck and writing it (Pandoc's `Presentation` step to
 * the writers' `Output`): every slide is fitted from font metrics, split into continuation slides
 * where it must be, given its boxes, the source tags or source line its citation style shows and
 * its speaker notes; then the slide budget is kept on the slides as laid out. The `LaidOutDeck`
 * is all any writer sees, so HTML, PDF, handout, PowerPoint and `deck.json` show the same slides.
 *
 * A theme on a PowerPoint template lays each slide out on both canvases: a slide is split where
 * either needs it, so every format still has the same slides, each with its own frame.
 */
import type { Deck, Diagnostic, LaidOutDeck, LaidOutSlide, ResolvedTheme, Slide, SlideCanvas, SourceEntry } from '../model.ts';
import { message, type Place } from '../diagnostics/message.ts';
import { preloadFontFiles, textFaces } from '../theme/fonts.ts';
import type { Template } from '../theme/template.ts';
import { readAuthorMarkdown } from './author-markdown.ts';
import { keepToBudget } from './budget.ts';
import { shownCitations, slideCitations } from './citations.ts';
import { fitSlide, titledSlide, type FittedPart } from './fit.ts';
import { frameOf } from './frame.ts';
import { shownTitle, templateCanvas, themeCanvas } from './geometry.ts';
import { notesOfPart, speakerNotes } from './notes.ts';

// What writers format with: how a figures slide is drawn, and the words of tags and sources.
export { figuresCompare } from './fit.ts';
export { scenarioParts } from './scenario.ts';
export { sourceLine, shownTag, citationLine, slideCitations } from './citations.ts';

export interface LayoutOptions {
  /** The PowerPoint template the theme names, read by the caller (`theme/template.ts`). */
  template?: Template;
  /** Where messages about the deck point: the spec, at its `length:` (else `audience:`) line. */
  at?: Place;
}

export interface LayoutResult {
  layout: LaidOutDeck;
  diagnostics: Diagnostic[];
}

/** A deck slide's parts as shown, each with how it fits every canvas. */
interface Placed {
  slide: Slide;
  source: number;
  fits: FittedPart[];
}

export function layoutDeck(deck: Deck, theme: ResolvedTheme, options: LayoutOptions = {}): LayoutResult {
  preloadFontFiles(textFaces(theme.fonts));
  const canvas = themeCanvas(theme, Boolean(deck.classification));
  const template = options.template ? templateCanvas(options.template, theme) : undefined;
  const canvases = template ? [canvas, template] : [canvas];
  const style = deck.citations ?? 'bullet';
  const at = options.at ?? { file: deck.name };
  const diagnostics: Diagnostic[] = [];

  const place = (slide: Slide, source: number): Placed[] => partsOf(titledSlide(slide), source, theme, canvases, style);
  let placed = deck.slides.flatMap((slide, i) => place(slide, i));
  let sources = deck.sources;
  if (deck.budget !== undefined && placed.length > deck.budget) {
    const { kept, dropped } = keepToBudget(placed, deck.budget);
    placed = kept;
    // Only the documents still cited stay on the Sources slide, which is laid out again.
    const cited = new Set(kept.flatMap((p) => slideCitations(p.slide).map((c) => c.docId)));
    if (deck.sources.some((s) => !cited.has(s.docId))) {
      sources = deck.sources.filter((s) => cited.has(s.docId));
      placed = relaidSources(placed, deck, sources, place);
    }
    diagnostics.push(message('layout/over-budget',
      `laid out to fit, the deck takes ${kept.length + dropped.length} slides, over its budget of ${deck.budget}; ` +
      (dropped.length ? `left out: ${describe(dropped)}` : 'nothing can be left out'),
      at, { hint: 'raise `length:`, or ask for less on a slide (limit=, fewer words with policy: { words: … })' }));
    if (placed.length > deck.budget) {
      diagnostics.push(message('layout/over-budget',
        `the title, bottom line and Sources slides alone take ${placed.length} slides, over the budget of ${deck.budget}`,
        at, { hint: 'raise `length:`, or cite fewer documents' }));
    }
  }
  for (const p of placed) {
    if (p.fits.some((f) => f.overflows)) {
      diagnostics.push(message('layout/overflow',
        `slide '${shownTitle(p.slide)}': an item is too long to fit the slide even alone at the smallest type, and runs over it`,
        at, { hint: 'shorten it (policy: { words: … }), or for your own Markdown split it into shorter paragraphs' }));
    }
  }

  const shown: Deck = { ...deck, slides: placed.map((p) => p.slide), sources };
  const slides = placed.map((p): LaidOutSlide => {
    const cites = shownCitations(p.slide, style);
    const laid: LaidOutSlide = {
      slide: p.slide,
      source: p.source,
      title: shownTitle(p.slide),
      cites,
      notes: speakerNotes(p.slide, shown),
      frame: frameOf(p.fits[0], theme, canvas, cites),
    };
    if (template) laid.templateFrame = frameOf(p.fits[1], theme, template, cites);
    if (p.slide.kind === 'markdown') laid.paragraphs = readAuthorMarkdown(p.slide.markdown, false).blocks.flatMap((b) => b.paragraphs);
    return laid;
  });
  return { layout: { deck: shown, theme, canvas, ...(template ? { templateCanvas: template } : {}), slides }, diagnostics };
}

/**
 * The slides that show all of `slide` on every canvas. Each canvas may split it; a part split on
 * one canvas is fitted again on the others, until every part fits every canvas as one slide.
 */
function partsOf(slide: Slide, source: number, theme: ResolvedTheme, canvases: SlideCanvas[], style: Deck['citations']): Placed[] {
  let parts = [slide];
  for (let round = 0; ; round++) {
    const fits = canvases.map((c) => parts.map((p) => fitSlide(p, theme, c, style)));
    const split = fits.find((perCanvas) => perCanvas.some((f) => f.length > 1));
    if (!split || round > 8) {
      const placed = parts.map((p, i) => ({ slide: p, source, fits: fits.map((perCanvas) => perCanvas[i][0]) }));
      if (placed.length === 1) return placed;
      return placed.map((p, i) => ({ ...p, slide: { ...p.slide, notes: notesOfPart(slide.notes, p.slide, i === 0) } }));
    }
    parts = split.flat().map((f) => f.slide);
  }
}

/** The laid-out slides with the Sources slide laid out again for `sources` (gone when none is left). */
function relaidSources(placed: Placed[], deck: Deck, sources: SourceEntry[], place: (slide: Slide, source: number) => Placed[]): Placed[] {
  const index = placed.findIndex((p) => p.slide.kind === 'sources');
  if (index < 0) return placed;
  const source = placed[index].source;
  const original = deck.slides[source];
  const rest = placed.filter((p) => p.source !== source);
  if (!sources.length || original.kind !== 'sources') return rest;
  return [...rest.slice(0, index), ...place({ ...original, sources }, source), ...rest.slice(index)];
}

function describe(dropped: Placed[]): string {
  return dropped.map((p) => `'${shownTitle(p.slide)}'`).join(', ');
}
