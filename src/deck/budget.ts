/**
 * Keeping a deck within its audience's slide budget. Slides are dropped in a fixed order —
 * continuation slides, empty section dividers, second slides of a section, then content from the
 * end — never the title, the bottom line or the Sources slide, and never silently.
 */
import type { Slide } from '../model.ts';

export interface PlannedSlide {
  slide: Slide;
  /** Index of the body section it came from; -1 for title and sources. */
  section: number;
  /** Position among its section's slides. */
  order: number;
  protected: boolean;
}

export function fitBudget(planned: readonly PlannedSlide[], maxSlides: number): { kept: PlannedSlide[]; dropped: PlannedSlide[] } {
  const kept = [...planned];
  const dropped: PlannedSlide[] = [];
  const passes: ((p: PlannedSlide) => boolean)[] = [
    (p) => !!p.slide.continued,
    (p) => p.slide.kind === 'section',
    (p) => p.order > 0 && p.slide.kind !== 'markdown',
    (p) => p.slide.kind !== 'markdown',
    () => true,
  ];
  for (const pass of passes) {
    for (let i = kept.length - 1; i >= 0 && kept.length > maxSlides; i--) {
      const p = kept[i];
      if (!p.protected && pass(p)) dropped.unshift(...kept.splice(i, 1));
    }
  }
  return { kept, dropped };
}
