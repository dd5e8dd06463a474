/**
 * The slide budget, kept on the slides as laid out: splitting a slide to fit can take a deck over
 * its `length:`, and every output must keep to it. Slides go in a fixed order — continuation
 * slides, then section dividers, then whole slides from the end — never the title, the bottom
 * line or the Sources slide, and never silently.
 */
import type { Slide } from '../model.ts';

/** A laid-out slide as the budget sees it: which deck slide it shows a part of. */
export interface BudgetedSlide {
  slide: Slide;
  /** Index of the deck slide it shows (a part of). */
  source: number;
}

/** Slides that always stay: the title, the bottom line up front, the Sources slide. */
export const keepsItsPlace = (slide: Slide) =>
  slide.kind === 'title' || slide.kind === 'sources' || (slide.kind === 'judgements' && slide.bottomLine === true);

/**
 * Which laid-out slides to keep within `budget`, and which go, in slide order. Only the slides
 * that always stay can keep the kept ones over it.
 */
export function keepToBudget<T extends BudgetedSlide>(slides: readonly T[], budget: number): { kept: T[]; dropped: T[] } {
  let kept = [...slides];
  const dropped: T[] = [];
  const drop = (test: (s: T) => boolean) => {
    for (let i = kept.length - 1; i >= 0 && kept.length > budget; i--) {
      if (!keepsItsPlace(kept[i].slide) && test(kept[i])) dropped.unshift(...kept.splice(i, 1));
    }
  };
  drop((s) => !!s.slide.continued);
  drop((s) => s.slide.kind === 'section');
  // Then a whole deck slide at a time, from the end: all its parts go together.
  while (kept.length > budget) {
    const last = kept.findLastIndex((s) => !keepsItsPlace(s.slide));
    if (last < 0) break;
    const { source } = kept[last];
    dropped.unshift(...kept.filter((s) => s.source === source));
    kept = kept.filter((s) => s.source !== source);
  }
  dropped.sort((a, b) => a.source - b.source);
  return { kept, dropped };
}
