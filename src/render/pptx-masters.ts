/**
 * PowerPoint slide masters from the theme tokens: the same background, banner, footer, logo and
 * title/body boxes as the Marp CSS (both placed from `layout.ts`). Liberation fonts are named by
 * their metric-compatible Microsoft twins so PowerPoint lays text out with the widths `fit.ts`
 * measured, and LibreOffice maps them back to Liberation.
 */
import { readFileSync } from 'node:fs';
import type { Presentation, SlideMasterProps } from './pptxgen.ts';
import type { ResolvedTheme } from '../model.ts';
import { officeFontName } from '../theme/fonts.ts';
import { LINE, geometry, type Geometry } from './layout.ts';

/**
 * pptxgenjs places placeholder text where the master's placeholder is, whatever position the
 * slide asks for, so there is one content master per title height: the body starts right under
 * a one-line or a two-line title, as in the Marp CSS.
 */
export const MASTER = { title: 'BD_TITLE', content: ['BD_CONTENT_1', 'BD_CONTENT_2'], canvas: 'BD_CANVAS' } as const;
export const contentMaster = (titleLines: number) => MASTER.content[titleLines > 1 ? 1 : 0];

/** Metric twins come from the one table the CSS stacks use too (`theme/fonts.ts`). */
export const pptxFont = (family: string) => officeFontName(family);
export const hex = (colour: string) => {
  const c = colour.replace('#', '');
  return (c.length === 3 ? c.replace(/./g, (x) => x + x) : c).toUpperCase();
};
/** Points → inches. */
export const inch = (pt: number) => pt / 72;

/**
 * Masters for a deck built on an organisation's template: only the title and body placeholders
 * pptxgenjs needs to write placeholder text. The template's own master and layouts replace them
 * when the file is finished (`pptx-template.ts`), so nothing else is drawn here.
 */
export function defineBareMasters(pptx: Presentation, g: Geometry): void {
  const ph = (name: 'title' | 'body', b: { x: number; y: number; w: number; h: number }) =>
    ({ placeholder: { options: { name, type: name, x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h), margin: 0 }, text: '' } });
  const body = g.body(1);
  for (const title of [MASTER.title, ...MASTER.content])
    pptx.defineSlideMaster({ title, objects: [ph('title', g.title), ph('body', body)] });
  pptx.defineSlideMaster({ title: MASTER.canvas, objects: [ph('title', g.title)] });
}

export function defineMasters(pptx: Presentation, theme: ResolvedTheme, opts: { classification?: string; footer?: string; organisation?: string }): Geometry {
  const g = geometry(theme, Boolean(opts.classification));
  const c = theme.palette;
  const common: NonNullable<SlideMasterProps['objects']> = [];
  if (opts.classification)
    common.push(
      { rect: { x: 0, y: 0, w: 13.333, h: inch(g.banner), fill: { color: hex(c.banner) }, line: { type: 'none' } } },
      { text: { text: opts.classification, options: {
        x: 0, y: 0, w: 13.333, h: inch(g.banner), align: 'center', valign: 'middle', bold: true, charSpacing: 2,
        fontFace: pptxFont(theme.fonts.body), fontSize: Math.min(theme.sizes.small, 10), color: hex(c.bannerText), margin: 0 } } },
    );
  const footY = inch(540 - g.footer * 0.95);
  const logoH = inch(g.footer * 0.8);
  if (theme.logoPath) {
    const type = theme.logoPath.endsWith('.svg') ? 'image/svg+xml' : theme.logoPath.endsWith('.png') ? 'image/png' : 'image/jpeg';
    const data = `${type};base64,${readFileSync(theme.logoPath).toString('base64')}`;
    common.push({ image: { x: inch(g.margin), y: inch(540 - g.footer * 0.9), w: logoH, h: logoH, data, altText: opts.organisation ? `${opts.organisation} logo` : 'Logo' } });
  }
  const footer = (color: string) =>
    opts.footer
      ? [{ text: { text: opts.footer, options: {
          x: inch(g.margin + (theme.logoPath ? g.footer * 1.1 : 0)), y: footY, w: 8, h: inch(g.footer * 0.8),
          fontFace: pptxFont(theme.fonts.body), fontSize: theme.sizes.small, color, valign: 'middle' as const, margin: 0 } } }]
      : [];
  const slideNumber = { x: inch(960 - g.margin - 60), y: footY, w: inch(60), h: inch(g.footer * 0.8), align: 'right' as const,
    fontFace: pptxFont(theme.fonts.body), fontSize: theme.sizes.small, color: hex(c.muted) };
  const titleBox = { x: inch(g.title.x), y: inch(g.title.y), w: inch(g.title.w), h: inch(g.title.h) };

  pptx.defineSlideMaster({
    title: MASTER.title,
    background: { color: hex(c.heading) },
    objects: [
      ...common,
      { rect: { x: inch(g.margin), y: inch(540 * 0.3), w: 0.1, h: inch(theme.sizes.title * LINE.title * 2), fill: { color: hex(c.accent) }, line: { type: 'none' } } },
      { placeholder: { options: { name: 'title', type: 'title', x: inch(g.margin + 20), y: inch(540 * 0.3), w: inch(960 - 2 * g.margin - 20),
        h: inch(theme.sizes.title * LINE.title * 3), fontFace: pptxFont(theme.fonts.heading), fontSize: theme.sizes.title, bold: true,
        color: 'FFFFFF', valign: 'top', align: 'left', margin: 0 }, text: '' } },
      { placeholder: { options: { name: 'body', type: 'body', x: inch(g.margin + 20), y: inch(540 * 0.3 + theme.sizes.title * LINE.title * 3 + g.gap),
        w: inch(960 - 2 * g.margin - 20), h: 1.6, fontFace: pptxFont(theme.fonts.body), fontSize: theme.sizes.body, color: 'FFFFFF',
        valign: 'top', margin: 0 }, text: '' } },
      ...footer('FFFFFF'),
    ],
  });
  const contentObjects = (bodyFor: number | undefined): NonNullable<SlideMasterProps['objects']> => [
    ...common,
    { placeholder: { options: { name: 'title', type: 'title', ...titleBox, fontFace: pptxFont(theme.fonts.heading), fontSize: theme.sizes.heading,
      bold: true, color: hex(c.heading), valign: 'top', align: 'left', margin: 0 }, text: '' } },
    ...(bodyFor
      ? [{ placeholder: { options: { name: 'body', type: 'body' as const, x: inch(g.margin), y: inch(g.body(bodyFor).y), w: inch(960 - 2 * g.margin),
          h: inch(g.body(bodyFor).h), fontFace: pptxFont(theme.fonts.body), fontSize: theme.sizes.body, color: hex(c.text), valign: 'top' as const, margin: 0 },
          text: '' } }]
      : []),
    ...footer(hex(c.muted)),
  ];
  MASTER.content.forEach((title, i) =>
    pptx.defineSlideMaster({ title, background: { color: hex(c.background) }, objects: contentObjects(i + 1), slideNumber }));
  pptx.defineSlideMaster({ title: MASTER.canvas, background: { color: hex(c.background) }, objects: contentObjects(undefined), slideNumber });
  return g;
}
