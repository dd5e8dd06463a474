/**
 * A very long text is read a section at a time: cleaning and extraction hold one section's
 * lines, blocks, shingles and sentences, not the whole document's, so memory follows the section
 * size, not the file's. A section ends at a blank line (a block never crosses one), so every
 * block and paragraph is the one a whole reading finds. A text up to {@link SECTION_CHARS} is one
 * section: an ordinary article is read exactly as a whole.
 *
 * What a section cannot see of the others: near-duplicates are found within a section, the
 * header (title, byline, date line) is read in the first, and text apart after the article in the
 * last.
 */
import type { Paragraph } from '../model.ts';

/** Characters of text read at a time (2 Mi: about 350,000 words, several books' chapters). */
export const SECTION_CHARS = 2 * 2 ** 20;

/** How far past the target size a section may run to end at a blank line, else at a line end. */
export const OVERRUN = 2 ** 18;

const BLANK_LINE = /\n[^\S\n]*\n/g;

/**
 * The sections of `text[from, to)`, as [start, end) pairs that tile it: one when it is no longer
 * than `size`, else pieces of about `size` characters, each ending just after a blank line (or a
 * line end, in text without one nearby).
 */
export function sectionsOf(text: string, from = 0, to = text.length, size = SECTION_CHARS): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  while (to - start > size) {
    const target = start + size;
    BLANK_LINE.lastIndex = target;
    const blank = BLANK_LINE.exec(text);
    let end: number;
    if (blank && blank.index + blank[0].length <= Math.min(to, target + OVERRUN)) end = blank.index + blank[0].length;
    else {
      const nl = text.indexOf('\n', target);
      end = nl === -1 || nl >= to ? to : nl + 1;
    }
    out.push([start, end]);
    start = end;
  }
  if (start < to || !out.length) out.push([start, to]);
  return out;
}

/** Paragraphs grouped by the section they start in, in order (empty groups left out). */
export function paragraphsBySection<P extends Pick<Paragraph, 'start'>>(paragraphs: readonly P[], sections: ReadonlyArray<[number, number]>): P[][] {
  if (sections.length <= 1) return paragraphs.length ? [paragraphs as P[]] : [];
  const out: P[][] = [];
  let k = 0;
  let group: P[] = [];
  for (const p of paragraphs) {
    while (k < sections.length - 1 && p.start >= sections[k][1]) {
      if (group.length) out.push(group);
      group = [];
      k++;
    }
    group.push(p);
  }
  if (group.length) out.push(group);
  return out;
}
