/**
 * Slide geometry and text heights, in points on a 960 × 540 pt (13.333 × 7.5 in) slide. The Marp
 * CSS (`theme/css.ts`) and the layout stage place every box from these same numbers, and the
 * fitting uses the heights to decide where a slide must continue, so "fits" means the same in
 * every format. A PowerPoint template brings its own boxes (`templateCanvas`).
 */
import type { Box, ResolvedTheme, Slide, SlideCanvas } from '../model.ts';
import { countLines, type TextStyle } from '../theme/fonts.ts';
import { bodiesOf, chooseLayout, titleOf, type Template } from '../theme/template.ts';

export const SLIDE_W = 960;
export const SLIDE_H = 540;
/** Line heights (multiples of the font size) used by CSS and PPTX alike. */
export const LINE = { title: 1.12, body: 1.3, quote: 1.3, figure: 1.05 } as const;
/** Wrap against a slightly narrower box than the real one: browsers and LibreOffice kern differently. */
export const WRAP_SAFETY = 0.94;

/** What a continuation slide's title adds; the Marp CSS shows the same words after the heading. */
export const CONTINUED = ' (continued)';

/** A slide's title as shown: "Energy (continued)" on a continuation. */
export function shownTitle(slide: Pick<Slide, 'title' | 'continued'>): string {
  return slide.continued ? `${slide.title}${CONTINUED}` : slide.title;
}

/** The theme's 16:9 slide, with the banner band when the deck carries a classification. */
export function themeCanvas(theme: ResolvedTheme, hasBanner: boolean): SlideCanvas {
  const margin = theme.spacing.margin * 72;
  const gap = theme.spacing.gap * 72;
  const banner = hasBanner ? 24 : 0;
  const footer = Math.max(28, theme.sizes.small * 2.2);
  const top = banner + margin * 0.75;
  const bottom = SLIDE_H - footer - margin * 0.35;
  const title: Box = { x: margin, y: top, w: SLIDE_W - 2 * margin, h: theme.sizes.heading * LINE.title * 2 };
  const body = (titleLines: number): Box => {
    const y = top + titleLines * theme.sizes.heading * LINE.title + 8 + gap * 1.5;
    return { x: margin, y, w: SLIDE_W - 2 * margin, h: bottom - y };
  };
  return { width: SLIDE_W, height: SLIDE_H, margin, gap, banner, footer, title, body: [body(1), body(2)] };
}

/** Text insets PowerPoint applies inside a placeholder unless the template says otherwise. */
const INSET = { x: 7.2, y: 3.6 };
const inside = (b: Box): Box => ({ x: b.x + INSET.x, y: b.y + INSET.y, w: b.w - 2 * INSET.x, h: b.h - 2 * INSET.y });

/** A PowerPoint template's slide, from its Title and Content layout: the boxes its placeholders give. */
export function templateCanvas(template: Template, theme: ResolvedTheme): SlideCanvas {
  const { layout } = chooseLayout(template, 'content');
  const title = titleOf(layout)?.box ?? { x: 36, y: 24, w: template.size.w - 72, h: 72 };
  const body = bodiesOf(layout)[0]?.box
    ?? template.masterPlaceholders.find((p) => p.type === 'body')?.box
    ?? { x: title.x, y: title.y + title.h + 12, w: title.w, h: template.size.h - title.y - title.h - 60 };
  return {
    width: template.size.w,
    height: template.size.h,
    margin: title.x,
    gap: theme.spacing.gap * 72,
    banner: 0,
    footer: Math.max(0, template.size.h - body.y - body.h),
    title: inside(title),
    body: [inside(body), inside(body)],
  };
}

/** The content area under a title of `titleLines` lines. */
export const bodyBox = (canvas: SlideCanvas, titleLines: number): Box => canvas.body[titleLines > 1 ? 1 : 0];

export function headingStyle(theme: ResolvedTheme, size = theme.sizes.heading): TextStyle {
  return { family: theme.fonts.heading, bold: true, size };
}
export function bodyStyle(theme: ResolvedTheme, scale = 1, bold = false): TextStyle {
  return { family: theme.fonts.body, bold, size: theme.sizes.body * scale };
}
export function smallStyle(theme: ResolvedTheme): TextStyle {
  return { family: theme.fonts.body, size: theme.sizes.small };
}
/** The type of a quote's words: the heading face at the quote size, never below the body size. */
export function quoteStyle(theme: ResolvedTheme, scale = 1): TextStyle {
  return { family: theme.fonts.heading, size: Math.max(theme.sizes.body, theme.sizes.quote * scale) };
}

/** Height of `text` wrapped in `width` at `style`, with line height `line`. */
export function textHeight(text: string, style: TextStyle, width: number, line: number = LINE.body): number {
  return countLines(text, style, width * WRAP_SAFETY) * style.size * line;
}

/** Lines the slide title takes as shown (titles never shrink; at most two lines are allowed for). */
export function titleLines(theme: ResolvedTheme, slide: Pick<Slide, 'title' | 'continued'>, canvas: SlideCanvas): number {
  return Math.min(2, Math.max(1, countLines(shownTitle(slide), headingStyle(theme), canvas.title.w * WRAP_SAFETY)));
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
/** Width of the accent bar beside a quote, and where the quote's text starts (the CSS's padding). */
export const QUOTE_BAR = 6;
export const QUOTE_INSET = 28.5;
/** Room a quote's words and attribution leave on each side, as the CSS pads the block. */
export const QUOTE_PAD = 40;
/** Width of a timeline's accent rule (the CSS's 4 px border). */
export const TIMELINE_RULE = 3;
