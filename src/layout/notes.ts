/**
 * Speaker notes of a laid-out slide, as every format that shows notes prints them: the deck's
 * notes (when the deck shows notes), then each pulled line the notes do not already give in full,
 * with its tag, sentence and source. PowerPoint's notes pages, the HTML presenter view, the
 * handout and the Marp Markdown read the same paragraphs. Which line a note is about is read from
 * the note itself (`SpeakerNote.cites`), never from its wording.
 */
import type { Citation, CitedSpan, Deck, Slide, SpeakerNote } from '../model.ts';
import { slideCitations, sourceLine } from './citations.ts';

const sameSpan = (a: CitedSpan, b: CitedSpan) => a.docId === b.docId && a.start === b.start && a.end === b.end;

/** One string per paragraph. */
export function speakerNotes(slide: Slide, deck: Pick<Deck, 'notes' | 'sources'>): string[] {
  const written = deck.notes ? slide.notes : [];
  const covered = (c: Citation) => written.some((n) => n.cites && sameSpan(n.cites, c));
  const cites = slideCitations(slide)
    .filter((c) => !covered(c))
    .map((c) => {
      const src = deck.sources.find((s) => s.docId === c.docId);
      return `${c.tag} “${c.sentence}”${src ? ` — ${sourceLine(src)}` : ''}`;
    });
  return [...written.map((n) => n.text), ...cites];
}

/**
 * The notes a part of a split slide keeps: those about the lines it shows, and on its first part
 * the notes about the slide as a whole (the speaker's cue, competing views, the author's words).
 */
export function notesOfPart(notes: readonly SpeakerNote[], part: Slide, first: boolean): SpeakerNote[] {
  const shown = slideCitations(part);
  return notes.filter((n) => (n.cites ? shown.some((c) => sameSpan(c, n.cites!)) : first));
}
