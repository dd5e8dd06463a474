/**
 * Making every slide fit its box before any writer runs. pptxgenjs' `fit: 'shrink'` only acts
 * once PowerPoint edits the text, and CSS cannot split a slide, so the decision is made here from
 * font metrics: first shrink a little (never below the theme's small size), then split the slide
 * into continuation slides (`continued: true`). What is measured is exactly what every format
 * shows: the title as shown, the source tags or source line the citation style asks for.
 */
import type { AuthorParagraph, Box, Bullet, CitationStyle, FigureItem, ResolvedTheme, Slide, SlideCanvas, SourceEntry } from '../model.ts';
import { scenarioParts } from './scenario.ts';
import { chunk } from '../lists.ts';
import { countLines } from '../theme/fonts.ts';
import { joinBlocks, paragraphText, readAuthorMarkdown, type AuthorBlock } from './author-markdown.ts';
import { citationLine, slideCitations, sourceLine } from './citations.ts';
import {
  LINE, QUOTE_PAD, TIMELINE_WHEN, WRAP_SAFETY, bodyBox, bodyStyle, bulletIndent, columns, headingStyle, numberIndent, quoteStyle,
  shownTitle, smallStyle, textHeight, titleLines,
} from './geometry.ts';

/** One slide as fitted on one canvas: what it shows and at what type scale. */
export interface FittedPart {
  slide: Slide;
  /** Multiplier on the body (and quote) font size. */
  scale: number;
  /** Multiplier on the heading size, < 1 only for titles longer than two lines. */
  titleScale: number;
  /** Something on it does not fit even alone at the smallest type: it will run over its box. */
  overflows?: boolean;
}

const SCALES = [1, 0.92, 0.85, 0.78];

/** A bullet's text as shown: likelihood chip, text and (when tags are shown per item) its tag. */
const bulletLine = (b: Bullet, tags = true) =>
  [b.likelihood ? b.likelihood.toUpperCase() : '', b.text, tags ? b.citation?.tag ?? '' : ''].filter(Boolean).join(' ');

/**
 * Figures are drawn as a bar chart when the deck says they compare (`chart`, decided when the deck
 * is composed). A deck written before that field existed falls back to "several, one unit".
 */
export function figuresCompare(slide: { figures: FigureItem[]; chart?: boolean }): boolean {
  const { figures } = slide;
  return figures.length >= 2 && (slide.chart ?? figures.every((f) => (f.unit ?? '') === (figures[0].unit ?? '')));
}

/** The figure rows of a card layout: three cards a row at most. */
export const figureRows = (figures: FigureItem[]) => chunk(figures, 3);

type Measure<T> = (item: T, scale: number, box: Box) => number;
interface Chunk<T> { items: T[]; scale: number; overflows?: boolean }

function fitItems<T>(items: T[], measure: Measure<T>, box: Box, gap: number, minScale: number, maxPerSlide = Infinity): Chunk<T>[] {
  const total = (chunk: T[], s: number) => chunk.reduce((h, it) => h + measure(it, s, box) + gap, -gap);
  const scales = SCALES.filter((s) => s >= minScale);
  if (items.length <= maxPerSlide) {
    for (const s of scales) if (total(items, s) <= box.h) return [{ items, scale: s }];
  }
  const chunks: Chunk<T>[] = [];
  let current: T[] = [];
  for (const item of items) {
    const next = [...current, item];
    if (current.length > 0 && (total(next, 1) > box.h || next.length > maxPerSlide)) {
      chunks.push({ items: current, scale: 1 });
      current = [item];
    } else current = next;
  }
  if (current.length) chunks.push({ items: current, scale: 1 });
  for (const c of chunks) {
    const fits = scales.find((s) => total(c.items, s) <= box.h);
    c.scale = fits ?? scales[scales.length - 1];
    if (fits === undefined) c.overflows = true;
  }
  return chunks;
}

function splitQuote(text: string): string[] {
  const sentences = text.match(/[^.!?]+[.!?]+["'”’)]*\s*|[^.!?]+$/g) ?? [text];
  return sentences.map((s) => s.trim()).filter(Boolean);
}

/** The content box of a slide on a canvas: the body under its title, less the `slide`-style source line. */
export function contentBox(slide: Slide, theme: ResolvedTheme, canvas: SlideCanvas, style: CitationStyle): { body: Box; content: Box; line?: string } {
  const body = bodyBox(canvas, titleLines(theme, slide, canvas));
  const line = style === 'slide' ? citationLine(slideCitations(slide)) : undefined;
  return { body, content: line ? { ...body, h: body.h - citationLineHeight(line, theme, body.w) - canvas.gap } : body, line };
}

/** Height of a slide's source line: small type, full content width, as the CSS and PPTX set it. */
export function citationLineHeight(line: string, theme: ResolvedTheme, width: number): number {
  return textHeight(line, smallStyle(theme), width);
}

/** The heading scale that keeps a title within two lines (down to 70%). */
export function titleScaleOf(theme: ResolvedTheme, slide: Slide, canvas: SlideCanvas): number {
  const full = countLines(shownTitle(slide), headingStyle(theme), canvas.title.w * WRAP_SAFETY);
  return full > 2 ? Math.max(0.7, 2 / full) : 1;
}

/** Height of a quote's words and attribution at a scale. */
export function quoteHeight(slide: Extract<Slide, { kind: 'quote' }>, text: string, theme: ResolvedTheme, scale: number, width: number, gap: number, tags: boolean): number {
  const attribution = `— ${slide.quote.speaker}${slide.quote.role ? ', ' + slide.quote.role : ''}${tags ? ` ${slide.citation.tag}` : ''}`;
  return quoteTextHeight(text, theme, scale, width) + gap * 2 + textHeight(attribution, bodyStyle(theme), width - QUOTE_PAD);
}

/** Height of a quote's words in their marks, as the quote type sets them. */
export const quoteTextHeight = (text: string, theme: ResolvedTheme, scale: number, width: number) =>
  textHeight(`“${text}”`, quoteStyle(theme, scale), width - QUOTE_PAD, LINE.quote);

/** Height of one timeline event beside its date column. */
export const eventHeight = (text: string, theme: ResolvedTheme, scale: number, width: number, gap: number) =>
  Math.max(textHeight(text, bodyStyle(theme, scale), width - TIMELINE_WHEN - gap), bodyStyle(theme, scale).size * LINE.body);

/** Height of a figure card or chart label's text. */
export const figureLabelHeight = (text: string, theme: ResolvedTheme, scale: number, width: number) =>
  textHeight(text, bodyStyle(theme, scale * 0.9), width);

/**
 * Splits one slide into the slides that show all of it on `canvas`, each at the type scale it
 * fits at, under the deck's citation style (absent: `bullet`).
 */
export function fitSlide(slide: Slide, theme: ResolvedTheme, canvas: SlideCanvas, style: CitationStyle = 'bullet'): FittedPart[] {
  const titleScale = titleScaleOf(theme, slide, canvas);
  const g = { gap: canvas.gap };
  const small = smallStyle(theme);
  const { content: box } = contentBox(slide, theme, canvas, style);
  const tags = style === 'bullet';
  const tag = (c?: { tag: string }) => (tags && c ? ` ${c.tag}` : '');
  const minScale = theme.sizes.small / theme.sizes.body;
  const body = (s: number) => bodyStyle(theme, s);
  const one = (scale = 1, overflows = false): FittedPart[] => [{ slide, scale, titleScale, ...(overflows ? { overflows } : {}) }];
  const many = <T>(chunks: Chunk<T>[], make: (items: T[]) => Slide): FittedPart[] =>
    chunks.map((c, i) => ({
      slide: slide.continued || i > 0 ? { ...make(c.items), continued: true } : make(c.items),
      scale: c.scale,
      titleScale,
      ...(c.overflows ? { overflows: true } : {}),
    }));

  switch (slide.kind) {
    case 'title':
    case 'section': {
      const size = slide.kind === 'title' ? theme.sizes.title : theme.sizes.title * 0.9;
      const n = countLines(slide.title, headingStyle(theme, size), canvas.title.w * WRAP_SAFETY);
      return one(n > 3 ? Math.max(0.6, 3 / n) : 1);
    }
    case 'bullets':
    case 'judgements': {
      const items = slide.kind === 'bullets' ? slide.bullets : slide.judgements;
      const m: Measure<Bullet> = (b, s, bx) => textHeight(bulletLine(b, tags), body(s), bx.w - bulletIndent(body(s).size));
      const chunks = fitItems(items, m, box, g.gap, minScale);
      return many(chunks, (part) => (slide.kind === 'bullets' ? { ...slide, bullets: part } : { ...slide, judgements: part }));
    }
    case 'timeline': {
      const m: Measure<(typeof slide.events)[number]> = (e, s, bx) => eventHeight(`${e.text}${tag(e.citation)}`, theme, s, bx.w, g.gap);
      return many(fitItems(slide.events, m, box, g.gap, minScale), (events) => ({ ...slide, events }));
    }
    case 'sources': {
      // The caveat is the list's last item, set full width in the sources' type: it goes on the
      // last of the slides the list takes.
      const { caveat, ...list } = slide;
      type Item = SourceEntry | { caveat: string };
      const m: Measure<Item> = (it, s, bx) =>
        'caveat' in it ? textHeight(it.caveat, sourcesStyle(theme, s), bx.w) : textHeight(sourceLine(it), sourcesStyle(theme, s), bx.w - 30);
      const items: Item[] = [...slide.sources, ...(caveat ? [{ caveat }] : [])];
      return many(fitItems(items, m, box, g.gap * 0.5, minScale), (part) => {
        const shown = part.find((it): it is { caveat: string } => 'caveat' in it);
        return { ...list, sources: part.filter((it): it is SourceEntry => !('caveat' in it)), ...(shown ? { caveat: shown.caveat } : {}) };
      });
    }
    case 'quote': {
      const height = (text: string, s: number) => quoteHeight(slide, text, theme, s, box.w, g.gap, tags);
      for (const s of [1, 0.9, 0.8, 0.7, 0.6]) if (height(slide.quote.text, s) <= box.h) return one(s);
      const parts = fitItems(splitQuote(slide.quote.text), (t, s) => height(t, s), box, 0, 0.6, Infinity);
      return many(
        parts.map((p) => ({ ...p, items: [p.items.join(' ')] })),
        ([text]) => ({ ...slide, quote: { ...slide.quote, text } }),
      );
    }
    case 'figures': {
      if (slide.figures.length === 1) return one(1);
      if (figuresCompare(slide)) {
        const labelW = box.w * 0.42;
        const m: Measure<FigureItem> = (f, s) => Math.max(figureLabelHeight(`${f.label}${tag(f.citation)}`, theme, s, labelW), body(s).size * 1.6);
        return many(fitItems(slide.figures, m, box, g.gap * 0.6, minScale, 8), (figures) => ({ ...slide, figures }));
      }
      const m: Measure<FigureItem[]> = (row, s) => {
        const col = columns(box, row.length, g.gap)[0];
        const tallest = Math.max(...row.map((f) => figureLabelHeight(`${f.label}${tag(f.citation)}`, theme, s, col.w - 24)));
        return theme.sizes.figure * 0.5 * s * LINE.figure + tallest + 24;
      };
      const rows = fitItems(figureRows(slide.figures), m, box, 0, minScale, 1);
      return many(rows.map((r) => ({ ...r, items: r.items.flat() })), (figures) => ({ ...slide, figures }));
    }
    case 'scenarios': {
      for (const per of [3, 2, 1]) {
        const groups = chunk(slide.scenarios, per);
        const m: Measure<typeof slide.scenarios> = (group, s) => {
          const col = columns(box, group.length, g.gap)[0];
          return Math.max(...group.map((sc) => scenarioParts(sc).inline
            ? (sc.likelihood ? small.size * 2 : 0) + textHeight(`${sc.text}${tag(sc.citation)}`, body(s), col.w - 2 * g.gap) + 2 * g.gap
            : textHeight(sc.name, headingStyle(theme, theme.sizes.body * 1.1), col.w - 2 * g.gap) + small.size * 2 +
              textHeight(`${sc.text}${tag(sc.citation)}`, body(s), col.w - 2 * g.gap) + 2 * g.gap));
        };
        const fitted = fitItems(groups, m, box, 0, minScale, 1);
        if (fitted.every((f) => m(f.items[0], f.scale, box) <= box.h) || per === 1)
          return many(fitted.map((f) => ({ ...f, items: f.items[0] })), (scenarios) => ({ ...slide, scenarios }));
      }
      return one();
    }
    case 'markdown': {
      const author = readAuthorMarkdown(slide.markdown, false);
      if (!author.blocks.length) return one();
      const m: Measure<AuthorBlock> = (b, s, bx) =>
        b.paragraphs.reduce((h, p) => h + paragraphHeight(p, theme, s, bx.w) + g.gap, -g.gap);
      const chunks = fitItems(author.blocks, m, box, g.gap, minScale);
      if (chunks.length === 1) return one(chunks[0].scale, chunks[0].overflows);
      return many(chunks, (blocks) => ({ ...slide, markdown: joinBlocks(blocks) }));
    }
  }
}

/** The type of the Sources slide's entries: small, or three quarters of the body where that is larger. */
export function sourcesStyle(theme: ResolvedTheme, scale: number) {
  const small = smallStyle(theme);
  return { ...small, size: Math.max(small.size, bodyStyle(theme, scale).size * 0.75) };
}

/**
 * A slide as the fitting reads it: a markdown slide's leading heading, when the author wrote one,
 * becomes its title (read once, before any fitting; its parts keep their own headings).
 */
export function titledSlide(slide: Slide): Slide {
  if (slide.kind !== 'markdown') return slide;
  const read = readAuthorMarkdown(slide.markdown);
  return read.heading === undefined ? slide : { ...slide, title: read.heading, markdown: joinBlocks(read.blocks) };
}

/** Height of one author paragraph as the Marp CSS and the PPTX writer set it. */
function paragraphHeight(p: AuthorParagraph, theme: ResolvedTheme, s: number, width: number): number {
  const size = theme.sizes.body * s;
  const lines = paragraphText(p).split('\n');
  const sum = (style: Parameters<typeof textHeight>[1], w: number, line: number = LINE.body) =>
    lines.reduce((h, l) => h + Math.max(textHeight(l, style, w, line), style.size * line), 0);
  switch (p.role) {
    case 'heading':
      return p.level! <= 2
        ? sum(headingStyle(theme), width, LINE.title) + 8 + theme.spacing.gap * 72 * 0.5
        : sum(headingStyle(theme, size * 1.1), width, LINE.title);
    case 'bullet':
      return sum(bodyStyle(theme, s), width - bulletIndent(size) * (p.depth + 1));
    case 'number':
      return sum(bodyStyle(theme, s), width - bulletIndent(size) * p.depth - numberIndent(size, p.number));
    case 'code':
      return sum({ family: theme.fonts.mono, size: size * 0.8 }, width - 32) + 32;
    case 'quote':
      return sum(bodyStyle(theme, s), width - 48) + 8;
    default:
      return sum(bodyStyle(theme, s), width - (p.inList ? bulletIndent(size) * (p.depth + 1) : 0));
  }
}
