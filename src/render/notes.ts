/**
 * Speaker notes of a fitted slide, as every format that shows notes prints them: the author's
 * notes (when the deck shows notes) and then each pulled line's full source sentence and source.
 * PowerPoint's notes pages and the HTML presenter view read the same paragraphs. Notes keep every
 * full citation whatever the deck's citation style shows on the slide.
 */
import type { Deck, Slide } from '../model.ts';
import { slideCitations } from './citation-line.ts';
import { sourceLine } from './fit.ts';

export { slideCitations };

/** One string per paragraph. */
export function speakerNotes(slide: Slide, deck: Deck): string[] {
  const cites = slideCitations(slide).map((c) => {
    const src = deck.sources.find((s) => s.docId === c.docId);
    return `${c.tag} “${c.sentence}”${src ? ` — ${sourceLine(src)}` : ''}`;
  });
  return [...(deck.notes ? slide.notes : []), ...cites];
}
