/**
 * Native PowerPoint: editable text in the theme masters' title/body placeholders, native bullets
 * in the accent colour, native bar charts, speaker notes with full citations, hyperlinked
 * sources. Text is sized by `fit.ts` from font metrics (never `fit: 'shrink'`, which PowerPoint
 * applies only after an edit), and content that cannot fit is already split into continuation
 * slides. Line pitch is set in points (not as a multiple of the font's own line height) so lines
 * are exactly as tall as `fit.ts` and the Marp CSS assume. Source tags follow the fitted slide's
 * `cites` (see `citation-line.ts`): a small tag run after each item, or one source line pinned to
 * the bottom of the content box (the room `fit.ts` kept free for it), or none.
 */
import { PptxGenJS, type Presentation, type TextProps } from './pptxgen.ts';
import type { Bullet, Deck, ResolvedTheme } from '../model.ts';
import { citationLineHeight, fitDeck, sourceLine, type FittedSlide } from './fit.ts';
import { shownTag } from './citation-line.ts';
import { LINE, bulletIndent, titleLines, type Box, type Geometry } from './layout.ts';
import { MASTER, contentMaster, defineBareMasters, defineMasters, hex, inch, pptxFont } from './pptx-masters.ts';
import { buildOnTemplate, templateGeometry, type Role } from './pptx-template.ts';
import { readTemplate, type Template } from '../theme/template.ts';
import { authorMarkdownRuns } from './pptx-author.ts';
import { addCanvasContent, styled, type SlideContext } from './pptx-canvas.ts';
import { finishPptx } from './pptx-finish.ts';
import { speakerNotes } from './notes.ts';
import { safeUrl } from './escape.ts';

type Run = TextProps;

export async function renderPptx(deck: Deck, theme: ResolvedTheme): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  const template = theme.pptx?.template ? readTemplate(theme.pptx.template) : undefined;
  if (template) {
    pptx.defineLayout({ name: 'BD_TEMPLATE', width: template.size.w / 72, height: template.size.h / 72 });
    pptx.layout = 'BD_TEMPLATE';
  } else pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  if (deck.presenter) pptx.author = deck.presenter;
  if (deck.organisation) pptx.company = deck.organisation;
  pptx.subject = deck.subtitle ?? `Briefing for ${deck.audience}`;
  const g = template ? templateGeometry(template, theme) : defineMasters(pptx, theme, { classification: deck.classification, footer: theme.footer ?? deck.organisation, organisation: deck.organisation });
  if (template) defineBareMasters(pptx, g);
  const roles = (template ? fitDeck(deck, theme, g) : fitDeck(deck, theme)).map((f) => addSlide(pptx, f, deck, theme, g, template));
  // Written uncompressed, repaired, then compressed once (see pptx-finish.ts).
  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  if (!template) return finishPptx(raw, theme.palette.accent);
  return finishPptx(raw, theme.palette.accent, (parts) => buildOnTemplate(parts, template, roles, theme));
}

/** On a template, the classification marking is drawn on every slide (the template's master has none). */
function addMarking(s: ReturnType<Presentation['addSlide']>, marking: string, theme: ResolvedTheme, template: Template): void {
  const w = template.size.w / 72;
  s.addText(marking, { x: 0, y: 0, w, h: 0.25, align: 'center', valign: 'middle', bold: true, fontSize: 10, margin: 0,
    fontFace: pptxFont(theme.fonts.body), color: hex(theme.palette.bannerText), fill: { color: hex(theme.palette.banner) } });
}

const TEXT_KINDS = new Set(['bullets', 'judgements', 'sources', 'markdown']);

function addSlide(pptx: Presentation, f: FittedSlide, deck: Deck, theme: ResolvedTheme, g: Geometry, template?: Template): Role {
  const { slide, scale } = f;
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
    s.addNotes(speakerNotes(slide, deck).join('\n\n'));
    if (template && deck.classification) addMarking(s, deck.classification, theme, template);
    return slide.kind;
  }
  const lines = titleLines(theme, slide, g);
  const whole = g.body(lines);
  // Charts, cards and columns stop above the source line, in the room fit.ts kept for it.
  const line = f.cites.line;
  const box = line ? { ...whole, h: whole.h - citationLineHeight(line, theme, whole.w) - g.gap } : whole;
  const s = pptx.addSlide({ masterName: TEXT_KINDS.has(slide.kind) ? contentMaster(lines) : MASTER.canvas });
  const heading = theme.sizes.heading * f.titleScale;
  const title = slide.continued ? `${slide.title} (continued)` : slide.title;
  s.addText([{ text: title, options: { fontSize: heading, fontFace: headFont, color: hex(c.heading), bold: true, lineSpacing: heading * LINE.title } }],
    { placeholder: 'title', valign: 'top', align: 'left' });
  const ruleY = g.title.y + lines * theme.sizes.heading * f.titleScale * LINE.title + 4;
  // A template's title layout has its own design; the accent rule is the built-in themes'.
  if (!template) s.addShape(pptx.ShapeType.rect, { x: inch(g.title.x), y: inch(ruleY), w: inch(g.title.w), h: inch(3), fill: { color: hex(c.accent) }, line: { type: 'none' } });
  const base = { fontSize: body, fontFace: pptxFont(theme.fonts.body), color: hex(c.text), lineSpacing: body * LINE.body };
  const para = { paraSpaceAfter: g.gap, valign: 'top' as const };
  const tagRun = (citation?: { tag: string }): Run[] => {
    const tag = shownTag(f, citation);
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
      s.addText(styled(paragraphs(runs), { ...base, fontSize: size, lineSpacing: size * LINE.body }),
        { placeholder: 'body', ...para, paraSpaceAfter: g.gap * 0.5 });
      break;
    }
    case 'markdown':
      s.addText(authorMarkdownRuns(slide.markdown, theme, body).map((r) => ({ ...r, options: { lineSpacing: (r.options?.fontSize ?? body) * LINE.body, ...r.options } })),
        { placeholder: 'body', ...para });
      break;
    default:
      addCanvasContent({ pptx, slide: s, fitted: f, theme, g, box, base, tagRun } satisfies SlideContext);
  }
  if (line) addCitationLine(s, line, theme, whole);
  s.addNotes(speakerNotes(slide, deck).join('\n\n'));
  if (template && deck.classification) addMarking(s, deck.classification, theme, template);
  return TEXT_KINDS.has(slide.kind) ? 'content' : 'canvas';
}

/** The slide's one source line (`slide` citation style), bottom of the content box, small and muted. */
function addCitationLine(s: ReturnType<Presentation['addSlide']>, line: string, theme: ResolvedTheme, box: Box): void {
  const size = theme.sizes.small;
  const h = citationLineHeight(line, theme, box.w);
  s.addText([{ text: line, options: { fontSize: size, fontFace: pptxFont(theme.fonts.body), color: hex(theme.palette.muted), lineSpacing: size * LINE.body } }],
    { x: inch(box.x), y: inch(box.y + box.h - h), w: inch(box.w), h: inch(h), margin: 0, valign: 'bottom', align: 'left' });
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
