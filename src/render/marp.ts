/**
 * Runs Marp Core over a laid-out deck's Markdown, once per deck, and hands the result to every
 * browser format (the build passes it to the HTML, PDF and handout writers): the per-slide SVG
 * markup and the CSS. Emoji and math are off so nothing is ever fetched from a CDN; raw HTML
 * stays off because our Markdown never needs it. The deck is rendered on `briefdeck-base`
 * (`theme/marp-base.ts`), the written Markdown names `default`.
 */
import { Marp } from '@marp-team/marp-core';
import { BASE_THEME_CSS, BASE_THEME_NAME } from '../theme/marp-base.ts';
import type { LaidOutDeck } from '../model.ts';
import { marpMarkdown, onTheme } from './marp-markdown.ts';

export interface MarpRender {
  layout: LaidOutDeck;
  markdown: string;
  /** One `<svg data-marpit-svg>` per slide. */
  slides: string[];
  css: string;
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

export function renderMarp(layout: LaidOutDeck): MarpRender {
  const markdown = marpMarkdown(layout);
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
  const { html, css } = marp.render(onTheme(markdown, BASE_THEME_NAME), { htmlAsArray: true });
  if (html.length !== layout.slides.length)
    throw new Error(`Marp made ${html.length} slides from ${layout.slides.length}: a markdown slide may contain a slide break`);
  // The word joiners that keep `:name:` from becoming an emoji in marp-cli are not needed here.
  return { layout, markdown, slides: html.map((h) => h.replace(/\u2060/g, '')), css };
}
