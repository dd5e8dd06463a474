/**
 * What `check` asks of a composed deck beyond composition: the theme it wears loads (and its
 * PowerPoint template reads), and laid out, the deck keeps to its budget and every item fits. The
 * same steps a build takes before writing, so a spec that checks clean builds clean.
 */
import type { BriefingSpec, Deck, Diagnostic, ThemeTokens } from '../model.ts';
import { loadTheme } from '../theme/index.ts';
import { themeTemplate } from '../theme/template.ts';
import { layoutDeck } from '../layout/index.ts';
import { prefetchFontFiles, textFaces } from '../theme/fonts.ts';

export function layoutOf(root: string, spec: BriefingSpec, deck: Deck): Diagnostic[] {
  const at = (key: string) => ({ file: spec.file, ...spec.locations?.[key] });
  const theme = loadTheme(deck.theme, { root, overrides: deck.overrides, classification: deck.classification, from: at('theme') });
  return layoutDeck(deck, theme, { template: themeTemplate(theme, root), at: at(spec.length ? 'length' : 'audience') }).diagnostics;
}

/**
 * Asks fontconfig for the faces of `themes` in the background, so the lookup's child process runs
 * while a deck is composed rather than in front of its layout (awaited before laying out; never rejects).
 */
export function prefetchThemeFaces(themes: readonly ThemeTokens[]): Promise<unknown> {
  return Promise.all(themes.map((t) => prefetchFontFiles(textFaces(t.fonts))));
}
