/**
 * Where a fitted slide's parts go on a canvas: the title's rule, the content box and the source
 * line under it, and the boxes of what a writer draws item by item (the quote's bar and text, each
 * timeline row, each figure card or scenario column). The heights are the ones the fitting
 * measured, so a writer places shapes without measuring anything.
 */
import type { Box, ResolvedTheme, ShownCitations, Slide, SlideCanvas, SlideFrame } from '../model.ts';
import { shownTag } from './citations.ts';
import { citationLineHeight, contentBox, eventHeight, figuresCompare, quoteTextHeight, type FittedPart } from './fit.ts';
import { LINE, QUOTE_BAR, QUOTE_INSET, TIMELINE_RULE, TIMELINE_WHEN, columns, titleLines } from './geometry.ts';

export function frameOf(part: FittedPart, theme: ResolvedTheme, canvas: SlideCanvas, cites: ShownCitations): SlideFrame {
  const { slide, scale, titleScale } = part;
  const lines = titleLines(theme, slide, canvas);
  const { body, content } = contentBox(slide, theme, canvas, cites.line ? 'slide' : 'bullet');
  const frame: SlideFrame = {
    scale,
    titleScale,
    titleLines: lines,
    titleRule: { x: canvas.title.x, y: canvas.title.y + lines * theme.sizes.heading * titleScale * LINE.title + 4, w: canvas.title.w, h: 3 },
    body,
    content: cites.line ? content : body,
  };
  if (cites.line) {
    const h = citationLineHeight(cites.line, theme, body.w);
    frame.citationLine = { x: body.x, y: body.y + body.h - h, w: body.w, h };
  }
  Object.assign(frame, itemBoxes(slide, theme, frame.content, canvas.gap, scale, cites));
  return frame;
}

function itemBoxes(slide: Slide, theme: ResolvedTheme, box: Box, gap: number, scale: number, cites: ShownCitations): Partial<SlideFrame> {
  const tagged = (citation?: { tag: string }) => {
    const tag = shownTag(cites, citation);
    return tag ? ` ${tag}` : '';
  };
  switch (slide.kind) {
    case 'quote': {
      const height = quoteTextHeight(slide.quote.text, theme, scale, box.w);
      return {
        rule: { x: box.x, y: box.y, w: QUOTE_BAR, h: height },
        items: [{ x: box.x + QUOTE_INSET, y: box.y, w: box.w - QUOTE_INSET, h: box.h }],
      };
    }
    case 'timeline': {
      const rows = slide.events.map((e) => eventHeight(`${e.text}${tagged(e.citation)}`, theme, scale, box.w, gap));
      const total = rows.reduce((h, r) => h + r + gap, -gap);
      const textX = box.x + TIMELINE_RULE + TIMELINE_WHEN + gap;
      const items: Box[] = [];
      const labels: Box[] = [];
      let y = box.y;
      rows.forEach((h) => {
        labels.push({ x: box.x + TIMELINE_RULE + gap, y, w: TIMELINE_WHEN - gap, h });
        items.push({ x: textX, y, w: box.x + box.w - textX, h });
        y += h + gap;
      });
      return { rule: { x: box.x, y: box.y, w: TIMELINE_RULE, h: Math.min(total, box.h) }, items, labels };
    }
    case 'figures': {
      if (slide.figures.length === 1) {
        const number = { ...box, y: box.y + gap * 2, h: theme.sizes.figure * 1.2 };
        return { items: [number, { ...box, y: box.y + gap * 3 + theme.sizes.figure * 1.2, h: 72 }] };
      }
      if (figuresCompare(slide)) return {};
      return { items: columns(box, slide.figures.length, gap).map((col) => ({ ...col, h: col.h * 0.8 })) };
    }
    case 'scenarios':
      return { items: columns(box, slide.scenarios.length, gap) };
    default:
      return {};
  }
}
