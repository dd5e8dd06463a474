/**
 * WCAG 2.2 contrast of a theme's colour pairs, as the slides use them: body text, source tags and
 * links need 4.5:1 (they are set at body and small sizes), headings and large figures 3:1 (large
 * text: 18 pt, or 14 pt bold), accent bullets, rules and chart bars 3:1 (non-text marks, 1.4.11).
 * One table for the test that holds the shipped themes to it, `themes show`, and `themes import`.
 */
import type { ThemeTokens } from '../model.ts';

/** Relative luminance of an sRGB hex colour (WCAG 2.2 definition). */
export function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.replace(/./g, (x) => x + x) : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

export interface ContrastCheck { pair: string; fg: string; bg: string; ratio: number; need: number; ok: boolean }

type Palette = ThemeTokens['palette'];
/** [what, foreground, background, minimum]. Title and section slides are white on the heading colour. */
const PAIRS: Array<[string, (p: Palette) => string, (p: Palette) => string, number]> = [
  ['text on background', (p) => p.text, (p) => p.background, 4.5],
  ['muted (source tags, footer) on background', (p) => p.muted, (p) => p.background, 4.5],
  ['accent (links, likelihood) on background', (p) => p.accent, (p) => p.background, 4.5],
  ['heading on background', (p) => p.heading, (p) => p.background, 3],
  ['text on surface (cards)', (p) => p.text, (p) => p.surface, 4.5],
  ['accent figures on surface (cards)', (p) => p.accent, (p) => p.surface, 3],
  ['white on heading (title slides)', () => '#ffffff', (p) => p.heading, 4.5],
  ['white on accent (inline code)', () => '#ffffff', (p) => p.accent, 4.5],
  ['banner text on banner', (p) => p.bannerText, (p) => p.banner, 4.5],
];

export function themeContrast(palette: Palette): ContrastCheck[] {
  return PAIRS.map(([pair, fg, bg, need]) => {
    const ratio = contrastRatio(fg(palette), bg(palette));
    return { pair, fg: fg(palette), bg: bg(palette), ratio, need, ok: ratio >= need };
  });
}
