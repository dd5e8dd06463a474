/**
 * Marp renders kept between runs in a folder (`.cache/briefdeck/marp/`): each under a hash of
 * everything Marp reads (its input Markdown, the base theme, the code's version, which covers
 * Marp's own through the lockfile), and apart from them the packed CSS of each theme and set of
 * pack options (`css-<hash>.css`). Marp reads no file and no clock, so what is kept is what it
 * would make. A rebuild of an unchanged deck neither loads nor runs Marp (PostCSS, markdown-it:
 * a sixth of the code a build loads, and most of a cold render); one of an edited deck does not
 * pack the theme again.
 */
import { createHash } from 'node:crypto';
import type { LaidOutDeck } from '../model.ts';
import { BASE_THEME_CSS, BASE_THEME_NAME } from '../theme/marp-base.ts';
import { codeVersion } from '../code-version.ts';
import { keepFile, readKept } from '../kept.ts';
import { marpMarkdown, onTheme } from './marp-markdown.ts';
import type { MarpRender } from './marp.ts';

/** Changed when what is kept, or how its key is made, changes. */
const FORMAT = 1;
/** Renders (and, apart, packed style sheets) kept at most; the oldest go first. */
const KEPT = 64;
const CSS_PREFIX = 'css-';

const keyOf = (input: string) =>
  createHash('sha256').update(`${FORMAT}\u0000${codeVersion()}\u0000${BASE_THEME_CSS}\u0000${input}`).digest('hex');

/** What Marp is given for a laid-out deck: its Markdown, on the base theme. */
export function marpInput(layout: LaidOutDeck): { markdown: string; input: string } {
  const markdown = marpMarkdown(layout);
  return { markdown, input: onTheme(markdown, BASE_THEME_NAME) };
}

/** The render kept in `dir` for this input, or undefined. */
export function keptRender(dir: string, layout: LaidOutDeck, markdown: string, input: string): MarpRender | undefined {
  const text = readKept(dir, `${keyOf(input)}.json`);
  if (text === undefined) return undefined;
  try {
    const { slides, css } = JSON.parse(text) as Pick<MarpRender, 'slides' | 'css'>;
    if (Array.isArray(slides) && slides.length === layout.slides.length && typeof css === 'string') return { layout, markdown, slides, css };
  } catch {
    // Unreadable: rendered again.
  }
  return undefined;
}

export function keepRender(dir: string, input: string, render: MarpRender): void {
  keepFile(dir, `${keyOf(input)}.json`, JSON.stringify({ slides: render.slides, css: render.css }), KEPT, (f) => f.endsWith('.json'));
}

/** Packed CSS kept in `dir` under `key` (the theme and its pack options), or undefined. */
export function keptCss(dir: string, key: string): string | undefined {
  return readKept(dir, `${CSS_PREFIX}${keyOf(key)}.css`);
}

export function keepCss(dir: string, key: string, css: string): void {
  keepFile(dir, `${CSS_PREFIX}${keyOf(key)}.css`, css, KEPT, (f) => f.startsWith(CSS_PREFIX) && f.endsWith('.css'));
}

/**
 * The Marp render of a laid-out deck: the one kept in `dir` when there is one, else Marp's
 * (loaded on first use), then kept.
 */
export async function marpRender(layout: LaidOutDeck, dir?: string): Promise<MarpRender> {
  if (dir) {
    const { markdown, input } = marpInput(layout);
    const kept = keptRender(dir, layout, markdown, input);
    if (kept) return kept;
  }
  const { renderMarp } = await import('./marp.ts');
  return renderMarp(layout, dir);
}
