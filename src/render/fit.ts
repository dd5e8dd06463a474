/**
 * Making every slide fit its box before any renderer runs. pptxgenjs' `fit: 'shrink'` only acts
 * once PowerPoint edits the text, and CSS cannot split a slide, so the decision is made here from
 * font metrics: first shrink a little (never below the theme's small size), then split the slide
 * into continuation slides (`continued: true`). HTML, PDF and PPTX all render the fitted deck.
 * The deck's citation style is decided here too (`FittedSlide.cites`, see `citation-line.ts`), so
 * what is measured is exactly what every renderer shows.
 */
import type { Bullet, CitationStyle, Deck, FigureItem, ResolvedTheme, Slide } from '../model.ts';
import { countLines, preloadFontFiles, textFaces } from '../theme/fonts.ts';
import { joinBlocks, paragraphText, readAuthorMarkdown, type AuthorBlock, type AuthorParagraph } from './author-markdown.ts';
import { shownCitations, slideCitations, citationLine, type ShownCitations } from './citation-line.ts';
import {
  LINE, TIMELINE_WHEN, bodyStyle, bulletIndent, numberIndent, columns, geometry, headingStyle, smallStyle, textHeight, titleLines,
  type Box, type Geometry,
} from './layout.ts';

export interface FittedSlide {
  slide: Slide;
  /** Multiplier on the body (and quote) font size for this slide. */
  scale: number;
  /** Multiplier on the heading size, < 1 only for titles longer than two lines. */
  titleScale: number;
  /** Index of the deck slide this one came from. */
  source: number;
  /** Which source tags this slide shows: after each item, in one line under the content, or none. */
  cites: ShownCitations;
}

/** A fitted slide before its citations are decided. */
type Fitted = Omit<FittedSlide, 'cites'>;

const SCALES = [1, 0.92, 0.85, 0.78];

/** A bullet's text as shown: likelihood chip, text and (when tags are shown per item) its tag. */
export const bulletLine = (b: Bullet, tags = true) =>
  [b.likelihood ? b.likelihood.toUpperCase() : '', b.text, tags ? b.citation?.tag ?? '' : ''].filter(Boolean).join(' ');

/**
 * Figures are drawn as a bar chart when the deck says they compare (`chart`, decided when the deck
 * is composed). A deck written before that field existed falls back to "several, one unit".
 */
export function figuresCompare(slide: { figures: FigureItem[]; chart?: boolean }): boolean {
  const { figures } = slide;
  return figures.length >= 2 && (slide.chart ?? figures.every((f) => (f.unit ?? '') === (figures[0].unit ?? '')));
}

type Measure<T> = (item: T, scale: number, box: Box) => number;

function fitItems<T>(
  items: T[], measure: Measure<T>, box: Box, gap: number, minScale: number, maxPerSlide = Infinity,
): Array<{ items: T[]; scale: number }> {
  const total = (chunk: T[], s: number) => chunk.reduce((h, it) => h + measure(it, s, box) + gap, -gap);
  const scales = SCALES.filter((s) => s >= minScale);
  if (items.length <= maxPerSlide) {
    for (const s of scales) if (total(items, s) <= box.h) return [{ items, scale: s }];
  }
  const chunks: Array<{ items: T[]; scale: number }> = [];
  let current: T[] = [];
  for (const item of items) {
    const next = [...current, item];
    if (current.length > 0 && (total(next, 1) > box.h || next.length > maxPerSlide)) {
      chunks.push({ items: current, scale: 1 });
      current = [item];
    } else current = next;
  }
  if (current.length) chunks.push({ items: current, scale: 1 });
  for (const c of chunks) c.scale = scales.find((s) => total(c.items, s) <= box.h) ?? scales[scales.length - 1];
  return chunks;
}

function splitQuote(text: string): string[] {
  const sentences = text.match(/[^.!?]+[.!?]+["'”’)]*\s*|[^.!?]+$/g) ?? [text];
  return sentences.map((s) => s.trim()).filter(Boolean);
}

/**
 * Splits one slide into the fitted slides that show all of it, and decides for each which source
 * tags it shows under the deck's citation style (absent: `bullet`).
 */
export function fitSlide(original: Slide, theme: ResolvedTheme, g: Geometry, source: number, style: CitationStyle = 'bullet'): FittedSlide[] {
  return fitContent(original, theme, g, source, style).map((f) => ({ ...f, cites: shownCitations(f.slide, style) }));
}

function fitContent(original: Slide, theme: ResolvedTheme, g: Geometry, source: number, style: CitationStyle): Fitted[] {
  const author = original.kind === 'markdown' ? authorParts(original) : undefined;
  const slide = author?.slide ?? original;
  const lines = titleLines(theme, slide, g);
  const full = countLines(slide.title, headingStyle(theme), g.title.w * 0.94);
  const titleScale = full > 2 ? Math.max(0.7, 2 / full) : 1;
  const small = smallStyle(theme);
  const whole = g.body(lines);
  // `slide` style: the content must leave room for the source line under it, measured at its
  // longest (every tag of the unsplit slide; a continuation lists only its own, never more).
  const line = style === 'slide' ? citationLine(slideCitations(slide)) : undefined;
  const box = line ? { ...whole, h: whole.h - citationLineHeight(line, theme, whole.w) - g.gap } : whole;
  const tags = style === 'bullet';
  const tag = (c?: { tag: string }) => (tags && c ? ` ${c.tag}` : '');
  const minScale = theme.sizes.small / theme.sizes.body;
  const body = (s: number) => bodyStyle(theme, s);
  const one = (scale = 1): Fitted[] => [{ slide, scale, titleScale, source }];
  const many = <T>(chunks: Array<{ items: T[]; scale: number }>, make: (items: T[]) => Slide): Fitted[] =>
    chunks.map((c, i) => ({
      slide: { ...make(c.items), continued: slide.continued || i > 0 },
      scale: c.scale,
      titleScale,
      source,
    }));

  switch (slide.kind) {
    case 'title':
    case 'section': {
      const size = slide.kind === 'title' ? theme.sizes.title : theme.sizes.title * 0.9;
      const n = countLines(slide.title, headingStyle(theme, size), g.title.w * 0.94);
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
      const m: Measure<(typeof slide.events)[number]> = (e, s, bx) =>
        Math.max(textHeight(`${e.text}${tag(e.citation)}`, body(s), bx.w - TIMELINE_WHEN - g.gap), body(s).size * LINE.body);
      return many(fitItems(slide.events, m, box, g.gap, minScale), (events) => ({ ...slide, events }));
    }
    case 'sources': {
      const m: Measure<(typeof slide.sources)[number]> = (src, s, bx) =>
        textHeight(sourceLine(src), { ...small, size: Math.max(small.size, body(s).size * 0.75) }, bx.w - 30);
      return many(fitItems(slide.sources, m, box, g.gap * 0.5, minScale), (sources) => ({ ...slide, sources }));
    }
    case 'quote': {
      const q = (s: number) => ({ family: theme.fonts.heading, size: Math.max(theme.sizes.body, theme.sizes.quote * s) });
      const attribution = `— ${slide.quote.speaker}${slide.quote.role ? ', ' + slide.quote.role : ''}${tag(slide.citation)}`;
      const height = (text: string, s: number) =>
        textHeight(`“${text}”`, q(s), box.w - 40, LINE.quote) + g.gap * 2 + textHeight(attribution, body(1), box.w - 40);
      for (const s of [1, 0.9, 0.8, 0.7, 0.6]) if (height(slide.quote.text, s) <= box.h) return one(s);
      const parts = fitItems(splitQuote(slide.quote.text), (t, s) => height(t, s), box, 0, 0.6, Infinity);
      return many(
        parts.map((p) => ({ items: [p.items.join(' ')], scale: p.scale })),
        ([text]) => ({ ...slide, quote: { ...slide.quote, text } }),
      );
    }
    case 'figures': {
      if (slide.figures.length === 1) return one(1);
      if (figuresCompare(slide)) {
        const labelW = box.w * 0.42;
        const m: Measure<FigureItem> = (f, s) =>
          Math.max(textHeight(`${f.label}${tag(f.citation)}`, body(s * 0.9), labelW), body(s).size * 1.6);
        return many(fitItems(slide.figures, m, box, g.gap * 0.6, minScale, 8), (figures) => ({ ...slide, figures }));
      }
      const m: Measure<FigureItem[]> = (row, s) => {
        const col = columns(box, row.length, g.gap)[0];
        const tallest = Math.max(...row.map((f) => textHeight(`${f.label}${tag(f.citation)}`, body(s * 0.9), col.w - 24)));
        return theme.sizes.figure * 0.5 * s * LINE.figure + tallest + 24;
      };
      const rows = fitItems([slide.figures.slice(0, 3), ...chunk(slide.figures.slice(3), 3)].filter((r) => r.length), m, box, 0, minScale, 1);
      return many(rows.map((r) => ({ items: r.items.flat(), scale: r.scale })), (figures) => ({ ...slide, figures }));
    }
    case 'scenarios': {
      for (const per of [3, 2, 1]) {
        const groups = chunk(slide.scenarios, per);
        const m: Measure<typeof slide.scenarios> = (group, s) => {
          const col = columns(box, group.length, g.gap)[0];
          return Math.max(...group.map((sc) =>
            textHeight(sc.name, headingStyle(theme, theme.sizes.body * 1.1), col.w - 2 * g.gap) + small.size * 2 +
            textHeight(`${sc.text}${tag(sc.citation)}`, body(s), col.w - 2 * g.gap) + 2 * g.gap));
        };
        const fitted = fitItems(groups, m, box, 0, minScale, 1);
        if (fitted.every((f) => m(f.items[0], f.scale, box) <= box.h) || per === 1)
          return many(fitted.map((f) => ({ items: f.items[0], scale: f.scale })), (scenarios) => ({ ...slide, scenarios }));
      }
      return one();
    }
    case 'markdown': {
      if (!author?.blocks.length) return one();
      const m: Measure<AuthorBlock> = (b, s, bx) =>
        b.paragraphs.reduce((h, p) => h + paragraphHeight(p, theme, s, bx.w) + g.gap, -g.gap);
      const chunks = fitItems(author.blocks, m, box, g.gap, minScale);
      if (chunks.length === 1) return one(chunks[0].scale);
      return many(chunks, (blocks) => ({ ...slide, markdown: joinBlocks(blocks) }));
    }
  }
}

/** A markdown slide with its leading heading (if any) moved to the title, and its blocks. */
function authorParts(slide: Extract<Slide, { kind: 'markdown' }>): { slide: Slide; blocks: AuthorBlock[] } {
  const read = readAuthorMarkdown(slide.markdown);
  if (read.heading === undefined) return { slide, blocks: read.blocks };
  return { slide: { ...slide, title: read.heading, markdown: joinBlocks(read.blocks) }, blocks: read.blocks };
}

/** Height of one author paragraph as the Marp CSS and the PPTX renderer set it. */
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

function chunk<T>(items: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

export function sourceLine(s: { authors: string[]; title: string; publisher?: string; date?: string; url?: string; tag: string }): string {
  return [`[${s.tag}]`, s.authors.join(', '), s.title, s.publisher, s.date, s.url].filter(Boolean).join('. ');
}

/** Height of a slide's source line: small type, full content width, as the CSS and PPTX set it. */
export function citationLineHeight(line: string, theme: ResolvedTheme, width: number): number {
  return textHeight(line, smallStyle(theme), width);
}

/** Fitted decks per deck and theme object: Markdown, HTML, PDF, handout and PPTX fit once. */
const fittedDecks = new WeakMap<Deck, { theme: ResolvedTheme; fitted: readonly FittedSlide[] }>();

/**
 * The deck as it will be shown: every slide fitted, continuation slides inserted. Computed once
 * per deck and theme object and shared by every format (callers only read it).
 */
export function fitDeck(deck: Deck, theme: ResolvedTheme, boxes?: Geometry): FittedSlide[] {
  const hit = fittedDecks.get(deck);
  if (!boxes && hit && hit.theme === theme) return [...hit.fitted];
  preloadFontFiles(textFaces(theme.fonts));
  // A PowerPoint template brings its own placeholder boxes (`pptx-template.ts`); fitted apart.
  const g = boxes ?? geometry(theme, Boolean(deck.classification));
  const fitted = deck.slides.flatMap((slide, i) => fitSlide(slide, theme, g, i, deck.citations ?? 'bullet'));
  if (!boxes) fittedDecks.set(deck, { theme, fitted });
  return [...fitted];
}
