/**
 * Words of a sentence as briefdeck compares them: the text as written (its case tells a name from
 * a common word), lower case, and a Porter stem ("prices" = "price"). Dots inside abbreviations go
 * ("U.S." = "US"). Selection reads sentences this way (`select/words.ts`), and ingest counts the
 * corpus's words this way (`word-counts.ts`), so both see the same words.
 */
import { stemmer } from 'stemmer';

export interface Word {
  text: string;
  lower: string;
  stem: string;
  /** Index among the sentence's words. */
  index: number;
  /** Offsets in the text it was read from. */
  start: number;
  end: number;
}

export const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’&-]|\.(?=\p{L}))*\.?/gu;

export function stem(word: string): string {
  const w = word.toLowerCase().replace(/\./g, '').replace(/['’]s$/, '');
  return /\p{N}/u.test(w) ? w : stemmer(w);
}

/** A match of WORD as a word: "U.S." keeps its dots as one word; a full stop after an ordinary word is punctuation. */
export function wordText(match: string): { text: string; length: number } {
  const t = match.endsWith('.') && !/\.\p{L}\.$/u.test(match) ? match.slice(0, -1) : match;
  return { text: t.replace(/\./g, ''), length: t.length };
}

export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const { text: clean, length } = wordText(m[0]);
    const start = m.index ?? 0;
    out.push({ text: clean, lower: clean.toLowerCase(), stem: stem(clean), index: out.length, start, end: start + length });
  }
  return out;
}
