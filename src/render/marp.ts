/**
 * Runs Marp Core over a laid-out deck's Markdown, once per deck, and hands the result to every
 * browser format (the build passes it to the HTML, PDF and handout writers): the per-slide SVG
 * markup and the CSS. Emoji and math are off so nothing is ever fetched from a CDN; raw HTML
 * stays off because our Markdown never needs it. The deck is rendered on `briefdeck-base`
 * (`theme/marp-base.ts`), the written Markdown names `default`.
 *
 * Given a folder, the render and the packed CSS are kept there for the next run (`marp-kept.ts`,
 * whose `marpRender` is what a build calls).
 */
import { Marp } from '@marp-team/marp-core';
import { BASE_THEME_CSS } from '../theme/marp-base.ts';
import { keepCss, keepRender, keptCss, marpInput } from './marp-kept.ts';
import type { LaidOutDeck } from '../model.ts';

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
  /** Where packed CSS is kept between runs, for the render under way. */
  keptIn: string | undefined;

  protected override renderStyle(theme?: string): string {
    const key = `${theme}\u0000${JSON.stringify(this.themeSetPackOptions())}`;
    let css = this.packed.get(key);
    if (css === undefined) {
      css = this.keptIn ? keptCss(this.keptIn, key) : undefined;
      if (css === undefined) {
        css = super.renderStyle(theme);
        if (this.keptIn) keepCss(this.keptIn, key, css);
      }
      if (this.packed.size >= 32) this.packed.delete(this.packed.keys().next().value!);
      this.packed.set(key, css);
    }
    return css;
  }
}

let marp: PackOnceMarp | undefined;

/** Marp's render of a laid-out deck; with `keptIn`, kept there for the next run (`marpRender` reads it). */
export function renderMarp(layout: LaidOutDeck, keptIn?: string): MarpRender {
  const { markdown, input } = marpInput(layout);
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
  marp.keptIn = keptIn;
  const { html, css } = marp.render(input, { htmlAsArray: true });
  if (html.length !== layout.slides.length)
    throw new Error(`Marp made ${html.length} slides from ${layout.slides.length}: a markdown slide may contain a slide break`);
  // The word joiners that keep `:name:` from becoming an emoji in marp-cli are not needed here.
  const slides = html.map((h) => h.replace(/\u2060/g, ''));
  const render = { layout, markdown, slides, css };
  if (keptIn) keepRender(keptIn, input, render);
  return render;
}
