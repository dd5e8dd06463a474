/**
 * The slide kinds PowerPoint draws on the blank-bodied master with their own shapes: quote
 * (accent bar beside an inset text box), timeline (an accent rule, a "when" column and the
 * events, row by row), figures (big number, native bar chart or cards) and scenarios (columns).
 * Every box comes from the laid-out slide's frame, placed by the layout stage from the numbers the
 * Marp CSS uses too, so no text box is drawn over a bar or rule and nothing is measured here.
 */
import type { Presentation, TextProps } from './pptxgen.ts';
import type { Box, LaidOutSlide, ResolvedTheme, Slide, SlideFrame } from '../model.ts';
import { figuresCompare, scenarioParts, shownTag } from '../layout/index.ts';
import { LINE, quoteStyle } from '../layout/geometry.ts';
import { hex, inch, pptxFont } from './pptx-masters.ts';

type Run = TextProps;
type RunOptions = NonNullable<TextProps['options']>;
type PptxSlide = ReturnType<Presentation['addSlide']>;

export interface SlideContext {
  pptx: Presentation;
  slide: PptxSlide;
  laid: LaidOutSlide;
  /** Where everything goes on this canvas. */
  frame: SlideFrame;
  theme: ResolvedTheme;
  gap: number;
  /** Body size, face, colour and line pitch every run starts from. */
  base: RunOptions;
  /** The small muted tag run after an item, empty when the slide's citation style hides tags. */
  tagRun: (citation?: { tag: string }) => Run[];
}

/** An item's tag as plain text (" [tag]"), for chart labels; empty when hidden. */
const tagText = (ctx: SlideContext, citation?: { tag: string }) => {
  const tag = shownTag(ctx.laid.cites, citation);
  return tag ? ` ${tag}` : '';
};

/** Every run gets the base options it does not set itself. */
export function styled(runs: Run[], base: RunOptions): Run[] {
  return runs.map((r) => ({ ...r, options: { ...base, ...r.options } }));
}

export function addCanvasContent(ctx: SlideContext): void {
  const { laid: { slide } } = ctx;
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
  const { theme, frame, gap, base } = ctx;
  const size = quoteStyle(theme, frame.scale).size;
  rect(ctx, frame.rule!, theme.palette.accent);
  const who = [slide.quote.speaker, slide.quote.role].filter(Boolean).join(', ');
  ctx.slide.addText(styled([
    { text: `“${slide.quote.text}”`, options: { fontFace: pptxFont(theme.fonts.heading), fontSize: size, color: hex(theme.palette.heading), lineSpacing: size * LINE.quote,
      paraSpaceAfter: gap * 2, breakLine: true } },
    { text: `— ${who}`, options: { bold: true, fontSize: theme.sizes.body } },
    ...ctx.tagRun(slide.citation),
  ], { ...base, fontSize: theme.sizes.body, lineSpacing: theme.sizes.body * LINE.body }),
  { ...at(frame.items![0]), margin: 0, valign: 'top' });
}

function timeline(ctx: SlideContext, slide: Extract<Slide, { kind: 'timeline' }>): void {
  const { theme, frame, base } = ctx;
  rect(ctx, frame.rule!, theme.palette.accent);
  slide.events.forEach((e, i) => {
    ctx.slide.addText(styled([{ text: e.when, options: { bold: true, color: hex(theme.palette.accent), fontFace: pptxFont(theme.fonts.heading) } }], base),
      { ...at(frame.labels![i]), margin: 0, valign: 'top' });
    ctx.slide.addText(styled([{ text: e.text }, ...ctx.tagRun(e.citation)], base),
      { ...at(frame.items![i]), margin: 0, valign: 'top' });
  });
}

function figures(ctx: SlideContext, slide: Extract<Slide, { kind: 'figures' }>): void {
  const { theme, frame, base, pptx } = ctx;
  const box = frame.content;
  const c = theme.palette;
  const body = theme.sizes.body * frame.scale;
  const headFont = pptxFont(theme.fonts.heading);
  if (slide.figures.length === 1) {
    const fig = slide.figures[0];
    const [number, label] = frame.items!;
    ctx.slide.addText(fig.display, { ...at(number), fontFace: headFont, fontSize: theme.sizes.figure, bold: true, color: hex(c.accent), margin: 0, valign: 'top' });
    ctx.slide.addText(styled([{ text: fig.label + (fig.year ? ` (${fig.year})` : '') }, ...ctx.tagRun(fig.citation)],
      { ...base, fontSize: theme.sizes.body, lineSpacing: theme.sizes.body * LINE.body }),
    { ...at(label), margin: 0, valign: 'top' });
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
    frame.items!.forEach((card, i) => {
      const fig = slide.figures[i];
      rect(ctx, card, c.surface);
      ctx.slide.addText(styled([
        { text: fig.display, options: { fontFace: headFont, fontSize: theme.sizes.figure * 0.5 * frame.scale, bold: true, color: hex(c.accent),
          lineSpacing: theme.sizes.figure * 0.5 * frame.scale * LINE.figure, breakLine: true } },
        { text: fig.label, options: { fontSize: body * 0.9 } }, ...ctx.tagRun(fig.citation),
      ], { ...base, lineSpacing: body * 0.9 * LINE.body }), { ...at(card), margin: 8, valign: 'top' });
    });
  }
}

function scenarios(ctx: SlideContext, slide: Extract<Slide, { kind: 'scenarios' }>): void {
  const { theme, frame, gap, base } = ctx;
  const c = theme.palette;
  frame.items!.forEach((col, i) => {
    const sc = slide.scenarios[i];
    rect(ctx, col, c.surface);
    rect(ctx, { ...col, h: 6 }, c.accent);
    const nameSize = theme.sizes.body * 1.1;
    const chip = sc.likelihood ? [{ text: sc.likelihood.toUpperCase(), options: { bold: true, fontSize: theme.sizes.small, color: hex(c.accent), lineSpacing: theme.sizes.small * 2, breakLine: true } }] : [];
    // (A card whose text opens with its name reads as one sentence, the name in bold.)
    const { rest, inline } = scenarioParts(sc);
    const runs = inline
      ? [...chip, { text: sc.name, options: { bold: true, color: hex(c.heading) } }, { text: rest }]
      : [{ text: sc.name, options: { fontFace: pptxFont(theme.fonts.heading), bold: true, fontSize: nameSize, color: hex(c.heading), lineSpacing: nameSize * LINE.body, breakLine: true } }, ...chip, { text: sc.text }];
    ctx.slide.addText(styled([...runs, ...ctx.tagRun(sc.citation)], base), { ...at({ ...col, y: col.y + 6, h: col.h - 6 }), valign: 'top', margin: gap });
  });
}
