/**
 * Native PowerPoint: editable text in the theme masters' title/body placeholders, native bar
 * charts, speaker notes with full citations, hyperlinked sources. Text is sized by `fit.ts`
 * from font metrics (never `fit: 'shrink'`, which PowerPoint applies only after an edit), and
 * content that cannot fit is already split into continuation slides.
 */
import { PptxGenJS, type Presentation, type TextProps, type TextPropsOptions } from './pptxgen.ts';
import type { Bullet, Deck, ResolvedTheme, Slide } from '../model.ts';
import { fitDeck, figuresCompare, sourceLine, type FittedSlide } from './fit.ts';
import { LINE, TIMELINE_WHEN, columns, titleLines, type Geometry } from './layout.ts';
import { MASTER, defineMasters, hex, inch, pptxFont } from './pptx-masters.ts';
import { safeUrl } from './escape.ts';

type Run = TextProps;

function notesText(slide: Slide, deck: Deck): string {
  const cites: string[] = [];
  const add = (c?: { tag: string; sentence: string; docId: string }) => {
    if (!c) return;
    const src = deck.sources.find((s) => s.docId === c.docId);
    cites.push(`${c.tag} “${c.sentence}”${src ? ` — ${sourceLine(src)}` : ''}`);
  };
  if (slide.kind === 'bullets') slide.bullets.forEach((b) => add(b.citation));
  if (slide.kind === 'judgements') slide.judgements.forEach((b) => add(b.citation));
  if (slide.kind === 'quote') add(slide.citation);
  if (slide.kind === 'figures') slide.figures.forEach((f) => add(f.citation));
  if (slide.kind === 'scenarios') slide.scenarios.forEach((s) => add(s.citation));
  if (slide.kind === 'timeline') slide.events.forEach((e) => add(e.citation));
  return [...(deck.notes ? slide.notes : []), ...cites].join('\n\n');
}

export async function renderPptx(deck: Deck, theme: ResolvedTheme): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  if (deck.presenter) pptx.author = deck.presenter;
  if (deck.organisation) pptx.company = deck.organisation;
  pptx.subject = deck.subtitle ?? `Briefing for ${deck.audience}`;
  const g = defineMasters(pptx, theme, { classification: deck.classification, footer: theme.footer ?? deck.organisation });
  for (const f of fitDeck(deck, theme)) addSlide(pptx, f, deck, theme, g);
  // Only the STREAM output honours `compression`; the others store the zip uncompressed.
  const out = (await pptx.write({ outputType: 'STREAM', compression: true })) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function addSlide(pptx: Presentation, f: FittedSlide, deck: Deck, theme: ResolvedTheme, g: Geometry): void {
  const { slide, scale } = f;
  const c = theme.palette;
  const body = theme.sizes.body * scale;
  const font = pptxFont(theme.fonts.body);
  const headFont = pptxFont(theme.fonts.heading);
  const tagRun = (tag?: string): Run[] => (tag ? [{ text: ` ${tag}`, options: { fontSize: theme.sizes.small, color: hex(c.muted) } }] : []);
  const chipRun = (l?: string): Run[] =>
    l ? [{ text: `${l.toUpperCase()} `, options: { bold: true, color: hex(c.accent), fontSize: body * 0.72 } }] : [];
  const title = slide.continued ? `${slide.title} (continued)` : slide.title;

  if (slide.kind === 'title' || slide.kind === 'section') {
    const s = pptx.addSlide({ masterName: MASTER.title });
    s.addText(slide.title, { placeholder: 'title', fontSize: (slide.kind === 'title' ? theme.sizes.title : theme.sizes.title * 0.9) * scale });
    const sub = slide.kind === 'title'
      ? [slide.subtitle, [slide.presenter, slide.organisation, slide.date].filter(Boolean).join(' · ')]
      : [slide.subtitle];
    const lines = sub.filter((x): x is string => Boolean(x));
    if (lines.length) s.addText(lines.map((t, i) => ({ text: t, options: { breakLine: i < lines.length - 1 } })), { placeholder: 'body' });
    s.addNotes(notesText(slide, deck));
    return;
  }
  const lines = titleLines(theme, slide, g);
  const box = g.body(lines);
  const place = { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) };
  const usesBody = ['bullets', 'judgements', 'timeline', 'sources', 'quote', 'markdown'].includes(slide.kind);
  const s = pptx.addSlide({ masterName: usesBody ? MASTER.content : MASTER.canvas });
  s.addText(title, { placeholder: 'title', fontSize: theme.sizes.heading * f.titleScale, valign: 'top', align: 'left' });
  const ruleY = g.title.y + lines * theme.sizes.heading * f.titleScale * LINE.title + 4;
  s.addShape(pptx.ShapeType.rect, { x: inch(g.title.x), y: inch(ruleY), w: inch(g.title.w), h: inch(3), fill: { color: hex(c.accent) }, line: { type: 'none' } });
  const para = { fontSize: body, fontFace: font, color: hex(c.text), paraSpaceAfter: g.gap, lineSpacingMultiple: LINE.body };

  const bulletRuns = (items: Bullet[]): Run[] =>
    items.flatMap((b, i) => [
      ...chipRun(b.likelihood).map((r, j) => (j === 0 ? { ...r, options: { ...r.options, bullet: { indent: body * 1.2 } } } : r)),
      { text: b.text, options: b.likelihood ? {} : { bullet: { indent: body * 1.2 } } },
      ...tagRun(b.citation?.tag),
      ...(i < items.length - 1 ? [{ text: '', options: { breakLine: true } }] : []),
    ]);

  switch (slide.kind) {
    case 'bullets':
    case 'judgements': {
      const items = slide.kind === 'bullets' ? slide.bullets : slide.judgements;
      s.addText(fixBullets(bulletRuns(items)), { placeholder: 'body', ...place, ...para, valign: 'top' });
      break;
    }
    case 'timeline': {
      const runs: Run[] = slide.events.flatMap((e, i) => [
        { text: `${e.when}\t`, options: { bold: true, color: hex(c.accent), fontFace: headFont } },
        { text: e.text },
        ...tagRun(e.citation?.tag),
        ...(i < slide.events.length - 1 ? [{ text: '', options: { breakLine: true } }] : []),
      ]);
      s.addShape(pptx.ShapeType.rect, { x: place.x, y: place.y, w: 0.05, h: place.h, fill: { color: hex(c.accent) }, line: { type: 'none' } });
      s.addText(runs, { placeholder: 'body', ...place, ...para, x: place.x + 0.15, w: place.w - 0.15, indentLevel: 0,
        margin: [0, 0, 0, 0], paraSpaceBefore: 0, tabStops: [{ position: inch(TIMELINE_WHEN), alignment: 'l' }] } as TextPropsOptions);
      break;
    }
    case 'sources': {
      const size = Math.max(theme.sizes.small, body * 0.75);
      const runs: Run[] = slide.sources.flatMap((src, i) => [
        { text: sourceLine({ ...src, url: undefined }) + (src.url ? '. ' : ''), options: { bullet: { type: 'number' } } },
        // Only http(s) sources become links; a `javascript:` or `file:` URL from a scraped page stays text.
        ...(src.url ? [{ text: src.url, options: { ...(safeUrl(src.url) ? { hyperlink: { url: safeUrl(src.url)! } } : {}), color: hex(c.accent) } }] : []),
        ...(i < slide.sources.length - 1 ? [{ text: '', options: { breakLine: true } }] : []),
      ]);
      s.addText(fixBullets(runs), { placeholder: 'body', ...place, ...para, fontSize: size, paraSpaceAfter: g.gap * 0.5 });
      break;
    }
    case 'quote': {
      const who = [slide.quote.speaker, slide.quote.role].filter(Boolean).join(', ');
      s.addShape(pptx.ShapeType.rect, { x: place.x, y: place.y, w: 0.08, h: place.h * 0.75, fill: { color: hex(c.accent) }, line: { type: 'none' } });
      s.addText([
        { text: `“${slide.quote.text}”`, options: { fontFace: headFont, fontSize: Math.max(theme.sizes.body, theme.sizes.quote * scale), color: hex(c.heading), breakLine: true, paraSpaceAfter: g.gap * 2, lineSpacingMultiple: LINE.quote } },
        { text: `— ${who}`, options: { bold: true, fontSize: theme.sizes.body } },
        ...tagRun(slide.citation.tag),
      ], { placeholder: 'body', ...place, x: place.x + 0.4, w: place.w - 0.4, fontFace: font, color: hex(c.text), valign: 'top' });
      break;
    }
    case 'figures': {
      if (slide.figures.length === 1) {
        const fig = slide.figures[0];
        s.addText(fig.display, { x: place.x, y: place.y + inch(g.gap * 2), w: place.w, h: inch(theme.sizes.figure * 1.2),
          fontFace: headFont, fontSize: theme.sizes.figure, bold: true, color: hex(c.accent), margin: 0, valign: 'top' });
        s.addText([{ text: fig.label + (fig.year ? ` (${fig.year})` : '') }, ...tagRun(fig.citation.tag)], {
          x: place.x, y: place.y + inch(g.gap * 3 + theme.sizes.figure * 1.2), w: place.w, h: 1, fontFace: font, fontSize: theme.sizes.body, color: hex(c.text), margin: 0, valign: 'top' });
      } else if (figuresCompare(slide.figures)) {
        s.addChart(pptx.ChartType.bar, [{ name: slide.title, labels: [...slide.figures].reverse().map((x) => x.label), values: [...slide.figures].reverse().map((x) => x.valueHigh ?? x.value) }], {
          ...place, barDir: 'bar', chartColors: [hex(c.accent)], showValue: true, valAxisHidden: true, valGridLine: { style: 'none' },
          catAxisLabelFontFace: font, catAxisLabelFontSize: Math.round(body * 0.8), catAxisLabelColor: hex(c.text), 
          dataLabelFontFace: font, dataLabelFontSize: Math.round(body * 0.8), dataLabelColor: hex(c.heading),
          dataLabelFormatCode: `0${slide.figures[0].unit === '%' ? '"%"' : ''}`, showLegend: false,
        });
      } else {
        columns(box, slide.figures.length, g.gap).forEach((col, i) => {
          const fig = slide.figures[i];
          s.addShape(pptx.ShapeType.rect, { x: inch(col.x), y: inch(col.y), w: inch(col.w), h: inch(col.h * 0.8), fill: { color: hex(c.surface) }, line: { type: 'none' } });
          s.addText([
            { text: fig.display, options: { fontFace: headFont, fontSize: theme.sizes.figure * 0.5 * scale, bold: true, color: hex(c.accent), breakLine: true } },
            { text: fig.label, options: { fontSize: body * 0.9 } }, ...tagRun(fig.citation.tag),
          ], { x: inch(col.x), y: inch(col.y), w: inch(col.w), h: inch(col.h * 0.8), fontFace: font, color: hex(c.text), valign: 'top', margin: 8 });
        });
      }
      break;
    }
    case 'scenarios':
      columns(box, slide.scenarios.length, g.gap).forEach((col, i) => {
        const sc = slide.scenarios[i];
        s.addShape(pptx.ShapeType.rect, { x: inch(col.x), y: inch(col.y), w: inch(col.w), h: inch(col.h), fill: { color: hex(c.surface) }, line: { type: 'none' } });
        s.addShape(pptx.ShapeType.rect, { x: inch(col.x), y: inch(col.y), w: inch(col.w), h: 0.08, fill: { color: hex(c.accent) }, line: { type: 'none' } });
        s.addText([
          { text: sc.name, options: { fontFace: headFont, bold: true, fontSize: theme.sizes.body * 1.1, color: hex(c.heading), breakLine: true } },
          ...(sc.likelihood ? [{ text: sc.likelihood.toUpperCase(), options: { bold: true, fontSize: theme.sizes.small, color: hex(c.accent), breakLine: true } }] : []),
          { text: sc.text }, ...tagRun(sc.citation?.tag),
        ], { x: inch(col.x), y: inch(col.y) + 0.1, w: inch(col.w), h: inch(col.h) - 0.1, fontFace: font, fontSize: body, color: hex(c.text),
          valign: 'top', margin: g.gap, lineSpacingMultiple: LINE.body });
      });
      break;
    case 'markdown':
      s.addText(slide.markdown.replace(/^#+\s.*$/m, '').replace(/[*_`#>]/g, '').trim(), { placeholder: 'body', ...place, ...para });
      break;
  }
  s.addNotes(notesText(slide, deck));
}

/** pptxgenjs starts a paragraph at each run carrying `bullet`; break lines before them instead. */
function fixBullets(runs: Run[]): Run[] {
  return runs.filter((r) => r.text !== '' || !r.options?.breakLine).map((r, i, all) => {
    const next = all[i + 1];
    return next?.options?.bullet ? { ...r, options: { ...r.options, breakLine: true } } : r;
  });
}
