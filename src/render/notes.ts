/**
 * Speaker notes of a fitted slide, as every format that shows notes prints them: the author's
 * notes (when the deck shows notes) and then each pulled line's full source sentence and source.
 * PowerPoint's notes pages and the HTML presenter view read the same paragraphs.
 */
import type { Citation, Deck, Slide } from '../model.ts';
import { sourceLine } from './fit.ts';

export function slideCitations(slide: Slide): Citation[] {
  const all: Array<Citation | undefined> = (() => {
    switch (slide.kind) {
      case 'bullets': return slide.bullets.map((b) => b.citation);
      case 'judgements': return slide.judgements.map((b) => b.citation);
      case 'quote': return [slide.citation];
      case 'figures': return slide.figures.map((f) => f.citation);
      case 'scenarios': return slide.scenarios.map((s) => s.citation);
      case 'timeline': return slide.events.map((e) => e.citation);
      default: return [];
    }
  })();
  return all.filter((c): c is Citation => Boolean(c));
}

/** One string per paragraph. */
export function speakerNotes(slide: Slide, deck: Deck): string[] {
  const cites = slideCitations(slide).map((c) => {
    const src = deck.sources.find((s) => s.docId === c.docId);
    return `${c.tag} “${c.sentence}”${src ? ` — ${sourceLine(src)}` : ''}`;
  });
  return [...(deck.notes ? slide.notes : []), ...cites];
}
