/**
 * Native PowerPoint: editable text in the theme masters' title/body placeholders, native bullets
 * in the accent colour, native bar charts, speaker notes with full citations, hyperlinked
 * sources. The laid-out deck says everything: the type scale of each slide (never `fit:
 * 'shrink'`, which PowerPoint applies only after an edit), its continuation slides, its boxes
 * (`SlideFrame`, or the template's frame on a template) and its notes; this file only writes
 * them. Line pitch is set in points (not as a multiple of the font's own line height) so lines
 * are exactly as tall as the layout and the Marp CSS assume. Source tags follow the slide's
 * `cites`: a small tag run after each item, or one source line pinned to the bottom of the content
 * box (the room the layout kept free for it), or none.
 */
import { PptxGenJS, type Presentation, type TextProps } from './pptxgen.ts';
import type { Box, Bullet, LaidOutDeck, LaidOutSlide, ResolvedTheme, SlideCanvas } from '../model.ts';
import { shownTag, sourceLine } from '../layout/index.ts';
import { LINE, bulletIndent } from '../layout/geometry.ts';
import { MASTER, contentMaster, defineBareMasters, defineMasters, hex, inch, pptxFont } from './pptx-masters.ts';
import { buildOnTemplate } from './pptx-template.ts';
import type { Role, Template } from '../theme/template.ts';
import { authorMarkdownRuns } from './pptx-author.ts';
import { addCanvasContent, styled, type SlideContext } from './pptx-canvas.ts';
import { finishPptx } from './pptx-finish.ts';
import { safeUrl } from './escape.ts';

type Run = TextProps;

/**
 * The PowerPoint file of a laid-out deck; on the theme's `template` (as `theme/template.ts` read
 * it, the same the layout measured) when the theme names one.
 */
export async function renderPptx(layout: LaidOutDeck, template?: Template): Promise<Uint8Array> {
  const { deck, theme } = layout;
  const pptx = new PptxGenJS();
  const onTemplate = template && layout.templateCanvas ? { template, canvas: layout.templateCanvas } : undefined;
  if (onTemplate) {
    pptx.defineLayout({ name: 'BD_TEMPLATE', width: template!.size.w / 72, height: template!.size.h / 72 });
    pptx.layout = 'BD_TEMPLATE';
  } else pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  if (deck.presenter) pptx.author = deck.presenter;
  if (deck.organisation) pptx.company = deck.organisation;
  pptx.subject = deck.subtitle ?? `Briefing for ${deck.audience}`;
  const canvas = onTemplate?.canvas ?? layout.canvas;
  if (onTemplate) defineBareMasters(pptx, canvas);
  else defineMasters(pptx, theme, canvas, { classification: deck.classification, footer: theme.footer ?? deck.organisation, organisation: deck.organisation });
  const roles = layout.slides.map((f) => addSlide(pptx, f, layout, canvas, onTemplate?.template));
  // Written uncompressed, repaired, then compressed once (see pptx-finish.ts).
  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  if (!onTemplate) return finishPptx(raw, theme.palette.accent);
  return finishPptx(raw, theme.palette.accent, (parts) => buildOnTemplate(parts, onTemplate.template, roles, theme));
}

/** On a template, the classification marking is drawn on every slide (the template's master has none). */
function addMarking(s: ReturnType<Presentation['addSlide']>, marking: string, theme: ResolvedTheme, template: Template): void {
  const w = template.size.w / 72;
  s.addText(marking, { x: 0, y: 0, w, h: 0.25, align: 'center', valign: 'middle', bold: true, fontSize: 10, margin: 0,
    fontFace: pptxFont(theme.fonts.body), color: hex(theme.palette.bannerText), fill: { color: hex(theme.palette.banner) } });
}

const TEXT_KINDS = new Set(['bullets', 'judgements', 'sources', 'markdown']);

function addSlide(pptx: Presentation, f: LaidOutSlide, layout: LaidOutDeck, canvas: SlideCanvas, template?: Template): Role {
  const { deck, theme } = layout;
  const { slide } = f;
  const frame = template ? f.templateFrame ?? f.frame : f.frame;
  const { scale } = frame;
  const c = theme.palette;
  const body = theme.sizes.body * scale;
  const headFont = pptxFont(theme.fonts.heading);

  if (slide.kind === 'title' || slide.kind === 'section') {
    const s = pptx.addSlide({ masterName: MASTER.title });
    const size = (slide.kind === 'title' ? theme.sizes.title : theme.sizes.title * 0.9) * scale;
    s.addText([{ text: slide.title, options: { fontSize: size, fontFace: headFont, color: 'FFFFFF', bold: true, lineSpacing: size * LINE.title } }],
      { placeholder: 'title' });
    const sub = slide.kind === 'title'
      ? [slide.subtitle, [slide.presenter, slide.organisation, slide.date].filter(Boolean).join(' · ')]
      : [slide.subtitle];
    const lines = sub.filter((x): x is string => Boolean(x));
    if (lines.length)
      s.addText(styled(lines.map((t, i) => ({ text: t, options: { breakLine: i < lines.length - 1 } })),
        { fontSize: theme.sizes.body, fontFace: pptxFont(theme.fonts.body), color: 'FFFFFF', lineSpacing: theme.sizes.body * LINE.body }),
      { placeholder: 'body' });
    s.addNotes(f.notes.join('\n\n'));
    if (template && deck.classification) addMarking(s, deck.classification, theme, template);
    return slide.kind;
  }
  const s = pptx.addSlide({ masterName: TEXT_KINDS.has(slide.kind) ? contentMaster(frame.titleLines) : MASTER.canvas });
  const heading = theme.sizes.heading * frame.titleScale;
  s.addText([{ text: f.title, options: { fontSize: heading, fontFace: headFont, color: hex(c.heading), bold: true, lineSpacing: heading * LINE.title } }],
    { placeholder: 'title', valign: 'top', align: 'left' });
  const rule = frame.titleRule;
  // A template's title layout has its own design; the accent rule is the built-in themes'.
  if (!template) s.addShape(pptx.ShapeType.rect, { x: inch(rule.x), y: inch(rule.y), w: inch(rule.w), h: inch(rule.h), fill: { color: hex(c.accent) }, line: { type: 'none' } });
  const base = { fontSize: body, fontFace: pptxFont(theme.fonts.body), color: hex(c.text), lineSpacing: body * LINE.body };
  const para = { paraSpaceAfter: canvas.gap, valign: 'top' as const };
  const tagRun = (citation?: { tag: string }): Run[] => {
    const tag = shownTag(f.cites, citation);
    return tag ? [{ text: ` ${tag}`, options: { fontSize: theme.sizes.small, color: hex(c.muted) } }] : [];
  };

  switch (slide.kind) {
    case 'bullets':
    case 'judgements': {
      const items = slide.kind === 'bullets' ? slide.bullets : slide.judgements;
      s.addText(styled(bulletRuns(items, body, theme, tagRun), base), { placeholder: 'body', ...para });
      break;
    }
    case 'sources': {
      const size = Math.max(theme.sizes.small, body * 0.75);
      const runs: Run[][] = slide.sources.map((src, i) => [
        { text: sourceLine({ ...src, url: undefined }) + (src.url ? '. ' : ''), options: { bullet: { type: 'number', numberStartAt: i + 1, indent: 22.5 } } },
        // Only http(s) sources become links; a `javascript:` or `file:` URL from a scraped page stays text.
        ...(src.url ? [{ text: src.url, options: { ...(safeUrl(src.url) ? { hyperlink: { url: safeUrl(src.url)! } } : {}), color: hex(c.accent) } }] : []),
      ]);
      if (slide.caveat) runs.push([{ text: slide.caveat, options: { italic: true, bullet: false } }]);
      s.addText(styled(paragraphs(runs), { ...base, fontSize: size, lineSpacing: size * LINE.body }),
        { placeholder: 'body', ...para, paraSpaceAfter: canvas.gap * 0.5 });
      break;
    }
    case 'markdown':
      s.addText(authorMarkdownRuns(f.paragraphs ?? [], theme, body).map((r) => ({ ...r, options: { lineSpacing: (r.options?.fontSize ?? body) * LINE.body, ...r.options } })),
        { placeholder: 'body', ...para });
      break;
    default:
      addCanvasContent({ pptx, slide: s, laid: f, frame, theme, gap: canvas.gap, base, tagRun } satisfies SlideContext);
  }
  if (f.cites.line && frame.citationLine) addCitationLine(s, f.cites.line, theme, frame.citationLine);
  s.addNotes(f.notes.join('\n\n'));
  if (template && deck.classification) addMarking(s, deck.classification, theme, template);
  return TEXT_KINDS.has(slide.kind) ? 'content' : 'canvas';
}

/** The slide's one source line (`slide` citation style), in its box at the foot of the body, small and muted. */
function addCitationLine(s: ReturnType<Presentation['addSlide']>, line: string, theme: ResolvedTheme, box: Box): void {
  const size = theme.sizes.small;
  s.addText([{ text: line, options: { fontSize: size, fontFace: pptxFont(theme.fonts.body), color: hex(theme.palette.muted), lineSpacing: size * LINE.body } }],
    { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h), margin: 0, valign: 'bottom', align: 'left' });
}

/** Bullets (with likelihood chips and source tags), one paragraph each, marker indent as in CSS. */
function bulletRuns(items: Bullet[], body: number, theme: ResolvedTheme, tagRun: (citation?: { tag: string }) => Run[]): Run[] {
  const c = theme.palette;
  return paragraphs(items.map((b) => [
    ...(b.likelihood ? [{ text: `${b.likelihood.toUpperCase()} `, options: { bold: true, color: hex(c.accent), fontSize: body * 0.72 } }] : []),
    { text: b.text },
    ...tagRun(b.citation),
  ]).map((runs) => [{ ...runs[0], options: { ...runs[0].options, bullet: { indent: bulletIndent(body) } } }, ...runs.slice(1)]));
}

/** Runs grouped by paragraph → one run list, a line break closing every paragraph but the last. */
function paragraphs(groups: Run[][]): Run[] {
  return groups.flatMap((runs, i) =>
    runs.map((r, j) => (j === runs.length - 1 && i < groups.length - 1 ? { ...r, options: { ...r.options, breakLine: true } } : r)));
}
