/**
 * Words of a sentence as briefdeck compares them: the text as written (its case tells a name from
 * a common word), lower case, and a Porter stem ("prices" = "price"). Dots inside abbreviations go
 * ("U.S." = "US"). Selection reads sentences this way (`select/words.ts`), and ingest counts the
 * corpus's words this way (`word-counts.ts`), so both see the same words.
 */
import { stemmer } from 'stemmer';
import { ownString } from './long-text.ts';

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
  return stemOfLower(word.toLowerCase());
}

/** Stems of the words seen lately, by lower case: a deck reads the same words many times over. */
let stems = new Map<string, string>();
const REMEMBERED_STEMS = 200_000;

/** The stem of a word already in lower case. */
export function stemOfLower(lower: string): string {
  let st = stems.get(lower);
  if (st === undefined) {
    const w = lower.replace(/\./g, '').replace(/['’]s$/, '');
    st = /\p{N}/u.test(w) ? w : stemmer(w);
    if (stems.size >= REMEMBERED_STEMS) stems = new Map();
    // (Kept across documents: a word of its own, not a slice that keeps a whole text alive.)
    stems.set(ownString(lower), ownString(st));
  }
  return st;
}

/** A match of WORD as a word: "U.S." keeps its dots as one word; a full stop after an ordinary word is punctuation. */
export function wordText(match: string): { text: string; length: number } {
  const t = match.endsWith('.') && !/\.\p{L}\.$/u.test(match) ? match.slice(0, -1) : match;
  return { text: t.includes('.') ? t.replace(/\./g, '') : t, length: t.length };
}

/** `wordText(match).text`, without the object (ingest counts every word of every claim). */
export function wordTextOf(match: string): string {
  const t = match.charCodeAt(match.length - 1) === 46 && !/\.\p{L}\.$/u.test(match) ? match.slice(0, -1) : match;
  return t.includes('.') ? t.replace(/\./g, '') : t;
}

const UPPER_FIRST = /^\p{Lu}/u;
/** Whether a word starts with a capital letter (`/^\p{Lu}/u`), ASCII answered without the expression. */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(word);
}

export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const { text: clean, length } = wordText(m[0]);
    const start = m.index ?? 0;
    const lower = clean.toLowerCase();
    out.push({ text: clean, lower, stem: stemOfLower(lower), index: out.length, start, end: start + length });
  }
  return out;
}
