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

/**
 * One string per paragraph. A pulled line whose full sentence the author's notes already quote
 * (analyst and expert notes carry the evidence) is not repeated.
 */
export function speakerNotes(slide: Slide, deck: Deck): string[] {
  const authored = deck.notes ? slide.notes : [];
  const cites = slideCitations(slide)
    .filter((c) => !authored.some((n) => n.includes(c.sentence)))
    .map((c) => {
      const src = deck.sources.find((s) => s.docId === c.docId);
      return `${c.tag} “${c.sentence}”${src ? ` — ${sourceLine(src)}` : ''}`;
    });
  return [...authored, ...cites];
}
