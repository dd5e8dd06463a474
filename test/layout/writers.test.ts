/**
 * Writers only serialize the laid-out deck: nothing in `src/render/` measures text, fits or splits
 * a slide, or keeps a cache keyed on a deck; all of that happens once, in `src/layout/`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const render = resolve(import.meta.dirname, '../../src/render');
const writers = readdirSync(render).filter((f) => f.endsWith('.ts')).map((f) => ({ f, text: readFileSync(join(render, f), 'utf8') }));

describe('the writers', () => {
  it('measure nothing: no text heights, line counts, fitting or canvas arithmetic', () => {
    for (const { f, text } of writers) {
      expect(text, f).not.toMatch(/\b(?:textHeight|countLines|textWidth|fitSlide|titleLines|citationLineHeight|columns|themeCanvas|templateCanvas)\(/);
      expect(text, f).not.toMatch(/from '\.\.\/layout\/(?:fit|frame|budget)\.ts'/);
    }
  });

  it('keep no cache keyed on a deck: what they share is handed to them', () => {
    for (const { f, text } of writers) expect(text, f).not.toMatch(/new WeakMap/);
  });
});
