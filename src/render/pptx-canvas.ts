/**
 * The slide kinds PowerPoint draws on the blank-bodied master with their own shapes: quote
 * (accent bar beside an inset text box), timeline (an accent rule, a "when" column and the
 * events, row by row at the heights `fit.ts` measured), figures (big number, native bar chart or
 * cards) and scenarios (columns). Positions come from `layout.ts`, like the Marp CSS, so no text
 * box is drawn over a bar or rule.
 */
import type { Presentation, TextProps } from './pptxgen.ts';
import type { ResolvedTheme, Slide } from '../model.ts';
import { figuresCompare, type FittedSlide } from './fit.ts';
import { shownTag } from './citation-line.ts';
import { LINE, TIMELINE_WHEN, bodyStyle, columns, textHeight, type Box, type Geometry } from './layout.ts';
import { hex, inch, pptxFont } from './pptx-masters.ts';

type Run = TextProps;
type RunOptions = NonNullable<TextProps['options']>;
type PptxSlide = ReturnType<Presentation['addSlide']>;

export interface SlideContext {
  pptx: Presentation;
  slide: PptxSlide;
  fitted: FittedSlide;
  theme: ResolvedTheme;
  g: Geometry;
  /** The content box under the title (points). */
  box: Box;
  /** Body size, face, colour and line pitch every run starts from. */
  base: RunOptions;
  /** The small muted tag run after an item, empty when the slide's citation style hides tags. */
  tagRun: (citation?: { tag: string }) => Run[];
}

/** An item's tag as plain text (" [tag]"), for measuring and chart labels; empty when hidden. */
const tagText = (ctx: SlideContext, citation?: { tag: string }) => {
  const tag = shownTag(ctx.fitted, citation);
  return tag ? ` ${tag}` : '';
};

/** Every run gets the base options it does not set itself. */
export function styled(runs: Run[], base: RunOptions): Run[] {
  return runs.map((r) => ({ ...r, options: { ...base, ...r.options } }));
}

/** Quote: the bar is as tall as the quote text, and the text starts where the CSS padding puts it. */
const QUOTE_BAR = 6;
const QUOTE_INSET = 28.5;
/** Timeline rule width (the CSS's 4 px border). */
const RULE = 3;

export function addCanvasContent(ctx: SlideContext): void {
  const { fitted: { slide } } = ctx;
  if (slide.kind === 'quote') quote(ctx, slide);
  else if (slide.kind === 'timeline') timeline(ctx, slide);
  else if (slide.kind === 'figures') figures(ctx, slide);
  else if (slide.kind === 'scenarios') scenarios(ctx, slide);
}

function rect(ctx: SlideContext, b: Box, colour: string): void {
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, { x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h), fill: { color: hex(colour) }, line: { type: 'none' } });
}
const at = (b: Box) => ({ x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) });

function quote(ctx: SlideContext, slide: Extract<Slide, { kind: 'quote' }>): void {
  const { theme, box, g, base } = ctx;
  const size = Math.max(theme.sizes.body, theme.sizes.quote * ctx.fitted.scale);
  const text = `“${slide.quote.text}”`;
  const height = textHeight(text, { family: theme.fonts.heading, size }, box.w - 40, LINE.quote);
  rect(ctx, { x: box.x, y: box.y, w: QUOTE_BAR, h: height }, theme.palette.accent);
  const who = [slide.quote.speaker, slide.quote.role].filter(Boolean).join(', ');
  ctx.slide.addText(styled([
    { text, options: { fontFace: pptxFont(theme.fonts.heading), fontSize: size, color: hex(theme.palette.heading), lineSpacing: size * LINE.quote,
      paraSpaceAfter: g.gap * 2, breakLine: true } },
    { text: `— ${who}`, options: { bold: true, fontSize: theme.sizes.body } },
    ...ctx.tagRun(slide.citation),
  ], { ...base, fontSize: theme.sizes.body, lineSpacing: theme.sizes.body * LINE.body }),
  { ...at({ x: box.x + QUOTE_INSET, y: box.y, w: box.w - QUOTE_INSET, h: box.h }), margin: 0, valign: 'top' });
}

function timeline(ctx: SlideContext, slide: Extract<Slide, { kind: 'timeline' }>): void {
  const { theme, box, g, base } = ctx;
  const style = bodyStyle(theme, ctx.fitted.scale);
  const textX = box.x + RULE + TIMELINE_WHEN + g.gap;
  const rows = slide.events.map((e) =>
    Math.max(textHeight(`${e.text}${tagText(ctx, e.citation)}`, style, box.w - TIMELINE_WHEN - g.gap), style.size * LINE.body));
  const total = rows.reduce((h, r) => h + r + g.gap, -g.gap);
  rect(ctx, { x: box.x, y: box.y, w: RULE, h: Math.min(total, box.h) }, theme.palette.accent);
  let y = box.y;
  slide.events.forEach((e, i) => {
    ctx.slide.addText(styled([{ text: e.when, options: { bold: true, color: hex(theme.palette.accent), fontFace: pptxFont(theme.fonts.heading) } }], base),
      { ...at({ x: box.x + RULE + g.gap, y, w: TIMELINE_WHEN - g.gap, h: rows[i] }), margin: 0, valign: 'top' });
    ctx.slide.addText(styled([{ text: e.text }, ...ctx.tagRun(e.citation)], base),
      { ...at({ x: textX, y, w: box.x + box.w - textX, h: rows[i] }), margin: 0, valign: 'top' });
    y += rows[i] + g.gap;
  });
}

function figures(ctx: SlideContext, slide: Extract<Slide, { kind: 'figures' }>): void {
  const { theme, box, g, base, pptx } = ctx;
  const c = theme.palette;
  const body = theme.sizes.body * ctx.fitted.scale;
  const headFont = pptxFont(theme.fonts.heading);
  if (slide.figures.length === 1) {
    const fig = slide.figures[0];
    ctx.slide.addText(fig.display, { ...at({ ...box, y: box.y + g.gap * 2, h: theme.sizes.figure * 1.2 }),
      fontFace: headFont, fontSize: theme.sizes.figure, bold: true, color: hex(c.accent), margin: 0, valign: 'top' });
    ctx.slide.addText(styled([{ text: fig.label + (fig.year ? ` (${fig.year})` : '') }, ...ctx.tagRun(fig.citation)],
      { ...base, fontSize: theme.sizes.body, lineSpacing: theme.sizes.body * LINE.body }),
    { ...at({ ...box, y: box.y + g.gap * 3 + theme.sizes.figure * 1.2, h: 72 }), margin: 0, valign: 'top' });
  } else if (figuresCompare(slide)) {
    const reversed = [...slide.figures].reverse();
    ctx.slide.addChart(pptx.ChartType.bar, [{ name: slide.title, labels: reversed.map((x) => x.label + tagText(ctx, x.citation)), values: reversed.map((x) => x.valueHigh ?? x.value) }], {
      ...at(box), barDir: 'bar', chartColors: [hex(c.accent)], showValue: true, valAxisHidden: true, valGridLine: { style: 'none' },
      catAxisLabelFontFace: base.fontFace, catAxisLabelFontSize: Math.round(body * 0.8), catAxisLabelColor: hex(c.text),
      dataLabelFontFace: base.fontFace, dataLabelFontSize: Math.round(body * 0.8), dataLabelColor: hex(c.heading),
      dataLabelFormatCode: `0${slide.figures[0].unit === '%' ? '"%"' : ''}`, showLegend: false,
      // What a screen reader says for the chart: the data, not only that there is one.
      altText: `Bar chart, ${slide.title}: ${slide.figures.map((x) => `${x.label} ${x.valueHigh ?? x.value}${x.unit ?? ''}`).join('; ')}`,
    });
  } else {
    columns(box, slide.figures.length, g.gap).forEach((col, i) => {
      const fig = slide.figures[i];
      const card = { ...col, h: col.h * 0.8 };
      rect(ctx, card, c.surface);
      ctx.slide.addText(styled([
        { text: fig.display, options: { fontFace: headFont, fontSize: theme.sizes.figure * 0.5 * ctx.fitted.scale, bold: true, color: hex(c.accent),
          lineSpacing: theme.sizes.figure * 0.5 * ctx.fitted.scale * LINE.figure, breakLine: true } },
        { text: fig.label, options: { fontSize: body * 0.9 } }, ...ctx.tagRun(fig.citation),
      ], { ...base, lineSpacing: body * 0.9 * LINE.body }), { ...at(card), margin: 8, valign: 'top' });
    });
  }
}

function scenarios(ctx: SlideContext, slide: Extract<Slide, { kind: 'scenarios' }>): void {
  const { theme, box, g, base } = ctx;
  const c = theme.palette;
  columns(box, slide.scenarios.length, g.gap).forEach((col, i) => {
    const sc = slide.scenarios[i];
    rect(ctx, col, c.surface);
    rect(ctx, { ...col, h: 6 }, c.accent);
    const nameSize = theme.sizes.body * 1.1;
    ctx.slide.addText(styled([
      { text: sc.name, options: { fontFace: pptxFont(theme.fonts.heading), bold: true, fontSize: nameSize, color: hex(c.heading), lineSpacing: nameSize * LINE.body, breakLine: true } },
      ...(sc.likelihood ? [{ text: sc.likelihood.toUpperCase(), options: { bold: true, fontSize: theme.sizes.small, color: hex(c.accent), lineSpacing: theme.sizes.small * 2, breakLine: true } }] : []),
      { text: sc.text }, ...ctx.tagRun(sc.citation),
    ], base), { ...at({ ...col, y: col.y + 6, h: col.h - 6 }), valign: 'top', margin: g.gap });
  });
}
