/**
 * Slide geometry and text heights, in points on a 960 × 540 pt (13.333 × 7.5 in) slide. The Marp
 * CSS (`theme/css.ts`) and the PowerPoint renderer place every box from these same numbers, and
 * `fit.ts` uses the heights to decide where a slide must continue, so "fits" means the same in
 * every format.
 */
import type { ResolvedTheme, Slide } from '../model.ts';
import { countLines, type TextStyle } from '../theme/fonts.ts';

export const SLIDE_W = 960;
export const SLIDE_H = 540;
/** Line heights (multiples of the font size) used by CSS and PPTX alike. */
export const LINE = { title: 1.12, body: 1.3, quote: 1.3, figure: 1.05 } as const;
/** Wrap against a slightly narrower box than the real one: browsers and LibreOffice kern differently. */
const WRAP_SAFETY = 0.94;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Geometry {
  margin: number;
  gap: number;
  /** Height of the classification banner (0 without one). */
  banner: number;
  /** Band at the bottom for logo, footer text and page number. */
  footer: number;
  /** Where slide titles go. */
  title: Box;
  /** Where the content goes for a slide whose title takes `titleLines` lines. */
  body(titleLines: number): Box;
}

export function geometry(theme: ResolvedTheme, hasBanner: boolean): Geometry {
  const margin = theme.spacing.margin * 72;
  const gap = theme.spacing.gap * 72;
  const banner = hasBanner ? 24 : 0;
  const footer = Math.max(28, theme.sizes.small * 2.2);
  const top = banner + margin * 0.75;
  const bottom = SLIDE_H - footer - margin * 0.35;
  const title: Box = { x: margin, y: top, w: SLIDE_W - 2 * margin, h: theme.sizes.heading * LINE.title * 2 };
  return {
    margin,
    gap,
    banner,
    footer,
    title,
    body(titleLines: number) {
      const y = top + titleLines * theme.sizes.heading * LINE.title + 8 + gap * 1.5;
      return { x: margin, y, w: SLIDE_W - 2 * margin, h: bottom - y };
    },
  };
}

export function headingStyle(theme: ResolvedTheme, size = theme.sizes.heading): TextStyle {
  return { family: theme.fonts.heading, bold: true, size };
}
export function bodyStyle(theme: ResolvedTheme, scale = 1, bold = false): TextStyle {
  return { family: theme.fonts.body, bold, size: theme.sizes.body * scale };
}
export function smallStyle(theme: ResolvedTheme): TextStyle {
  return { family: theme.fonts.body, size: theme.sizes.small };
}

/** Height of `text` wrapped in `width` at `style`, with line height `line`. */
export function textHeight(text: string, style: TextStyle, width: number, line: number = LINE.body): number {
  return countLines(text, style, width * WRAP_SAFETY) * style.size * line;
}

/** Lines the slide title takes (titles never shrink; at most two lines are allowed for). */
export function titleLines(theme: ResolvedTheme, slide: Slide, g: Geometry): number {
  const title = slide.continued ? `${slide.title} (continued)` : slide.title;
  return Math.min(2, Math.max(1, countLines(title, headingStyle(theme), g.title.w * WRAP_SAFETY)));
}

/** How scenario/figure cards divide the body width. */
export function columns(box: Box, n: number, gap: number): Box[] {
  const w = (box.w - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: box.x + i * (w + gap), y: box.y, w, h: box.h }));
}

/** Bullet indent (marker column) in points for a font size. */
export const bulletIndent = (size: number) => size * 1.2;
/** Marker column for a numbered item: two-digit numbers need more room than a bullet. */
export const numberIndent = (size: number, n = 1) => (n >= 10 ? size * 1.8 : bulletIndent(size));
/** Width of the "when" column of timelines. */
export const TIMELINE_WHEN = 100;
