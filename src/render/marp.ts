/**
 * Runs Marp Core over a fitted deck's Markdown, once, and hands every browser format the result:
 * the per-slide SVG markup, the CSS and the notes. Emoji and math are off so nothing is ever
 * fetched from a CDN; raw HTML stays off because our Markdown never needs it. The deck is
 * rendered on `briefdeck-base` (`theme/marp-base.ts`), the written Markdown names `default`.
 */
import { Marp } from '@marp-team/marp-core';
import { BASE_THEME_CSS, BASE_THEME_NAME } from '../theme/marp-base.ts';
import type { Deck, ResolvedTheme } from '../model.ts';
import { fitDeck, type FittedSlide } from './fit.ts';
import { fittedToMarpMarkdown, onTheme } from './marp-markdown.ts';

export interface MarpRender {
  fitted: FittedSlide[];
  markdown: string;
  /** One `<svg data-marpit-svg>` per slide. */
  slides: string[];
  css: string;
  /** Presenter notes per slide. */
  notes: string[][];
}

/**
 * Marp with its packed CSS remembered: packing runs the theme and the deck's inline styles
 * through PostCSS, a third of a render, and a rebuild of the same deck (preview) packs the same
 * input again. The key is everything `pack` reads besides the theme set, which never changes here.
 */
class PackOnceMarp extends Marp {
  private readonly packed = new Map<string, string>();

  protected override renderStyle(theme?: string): string {
    const key = `${theme}\u0000${JSON.stringify(this.themeSetPackOptions())}`;
    let css = this.packed.get(key);
    if (css === undefined) {
      css = super.renderStyle(theme);
      if (this.packed.size >= 32) this.packed.delete(this.packed.keys().next().value!);
      this.packed.set(key, css);
    }
    return css;
  }
}

let marp: Marp | undefined;
/** HTML, PDF and handout of one deck share one render (same deck and theme objects). */
const cache = new WeakMap<Deck, { theme: ResolvedTheme; render: MarpRender }>();

export function renderMarp(deck: Deck, theme: ResolvedTheme): MarpRender {
  const hit = cache.get(deck);
  if (hit && hit.theme === theme) return hit.render;
  const render = renderMarpUncached(deck, theme);
  cache.set(deck, { theme, render });
  return render;
}

function renderMarpUncached(deck: Deck, theme: ResolvedTheme): MarpRender {
  return renderFittedMarp(deck, theme, fitDeck(deck, theme));
}

/** Renders slides exactly as given (tests feed unfitted slides here to see overflow caught). */
export function renderFittedMarp(deck: Deck, theme: ResolvedTheme, fitted: FittedSlide[]): MarpRender {
  const markdown = fittedToMarpMarkdown(deck, theme, fitted);
  if (!marp) {
    marp = new PackOnceMarp({
      html: false,
      emoji: { shortcode: false, unicode: false },
      math: false,
      script: false,
      minifyCSS: true,
    });
    marp.themeSet.add(BASE_THEME_CSS);
  }
  const { html, css, comments } = marp.render(onTheme(markdown, BASE_THEME_NAME), { htmlAsArray: true });
  if (html.length !== fitted.length)
    throw new Error(`Marp made ${html.length} slides from ${fitted.length}: a markdown slide may contain a slide break`);
  // The word joiners that keep `:name:` from becoming an emoji in marp-cli are not needed here.
  return { fitted, markdown, slides: html.map((h) => h.replace(/\u2060/g, '')), css, notes: comments.map((c) => c.map((n) => n.replace(/\u200b|\u200d/g, ''))) };
}
