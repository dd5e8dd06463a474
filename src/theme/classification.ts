/**
 * Banner colours for protective markings, following the common convention (green for
 * unclassified/official, blue confidential, red secret, orange top secret), so a reader sees
 * the level before reading the word. Unknown markings keep the theme's own banner colours.
 */
import type { ThemeTokens } from '../model.ts';

const MARKINGS: Array<[RegExp, { banner: string; bannerText: string }]> = [
  [/top\s*secret/i, { banner: '#ff8c00', bannerText: '#000000' }],
  [/secret/i, { banner: '#c8102e', bannerText: '#ffffff' }],
  [/confidential|restricted/i, { banner: '#0033a0', bannerText: '#ffffff' }],
  [/unclassified|official|public/i, { banner: '#007a33', bannerText: '#ffffff' }],
];

export function bannerColours(
  classification: string,
  palette: ThemeTokens['palette'],
): Pick<ThemeTokens['palette'], 'banner' | 'bannerText'> {
  for (const [pattern, colours] of MARKINGS) if (pattern.test(classification)) return colours;
  return { banner: palette.banner, bannerText: palette.bannerText };
}
