/**
 * The shape of `themes/<name>/theme.yaml`. Every token is optional in the file because a theme
 * may `extends:` another and override only some of them; after merging, `completeTokens` checks
 * that nothing is missing, so renderers never see a half-defined theme.
 */
import { z } from 'zod';
import { AUDIENCES, type ThemeTokens } from '../model.ts';

const colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a hex colour like "#13315c"');

export const paletteSchema = z.object({
  background: colour,
  text: colour,
  heading: colour,
  accent: colour,
  muted: colour,
  surface: colour,
  banner: colour,
  bannerText: colour,
});
export const fontsSchema = z.object({ heading: z.string().min(1), body: z.string().min(1), mono: z.string().min(1) });
const points = z.number().positive().max(400);
export const sizesSchema = z.object({
  title: points,
  heading: points,
  body: points,
  small: points,
  quote: points,
  figure: points,
});
export const spacingSchema = z.object({ margin: z.number().min(0).max(2), gap: z.number().min(0).max(1) });

/** What a theme file may say: any subset of the tokens, plus `extends`. */
export const themeFileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    description: z.string().default(''),
    audiences: z.array(z.enum(AUDIENCES)).default([]),
    extends: z.string().optional(),
    palette: paletteSchema.partial().default({}),
    fonts: fontsSchema.partial().default({}),
    sizes: sizesSchema.partial().default({}),
    spacing: spacingSchema.partial().default({}),
    logo: z.string().optional(),
    /** A PowerPoint template (.potx/.pptx, relative to the theme folder) decks are built on. */
    pptx: z.object({ template: z.string().min(1) }).strict().optional(),
  })
  .strict();

export type ThemeFile = z.infer<typeof themeFileSchema>;

export const hexColour = colour;

/** `child` tokens over `parent` tokens, group by group. */
export function mergeTokens(parent: ThemeTokens, child: ThemeFile, css: string | undefined): ThemeTokens {
  return {
    name: child.name,
    description: child.description || parent.description,
    audiences: child.audiences,
    extends: child.extends,
    palette: { ...parent.palette, ...child.palette },
    fonts: { ...parent.fonts, ...child.fonts },
    sizes: { ...parent.sizes, ...child.sizes },
    spacing: { ...parent.spacing, ...child.spacing },
    logo: child.logo ?? parent.logo,
    pptx: child.pptx ?? parent.pptx,
    css: [parent.css, css].filter(Boolean).join('\n') || undefined,
  };
}

/** Checks a root theme (one without `extends`) defines every token. */
export function completeTokens(file: ThemeFile, css: string | undefined): ThemeTokens {
  return {
    name: file.name,
    description: file.description,
    audiences: file.audiences,
    palette: paletteSchema.parse(file.palette),
    fonts: fontsSchema.parse(file.fonts),
    sizes: sizesSchema.parse(file.sizes),
    spacing: spacingSchema.parse(file.spacing),
    logo: file.logo,
    pptx: file.pptx,
    css,
  };
}
