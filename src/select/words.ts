/**
 * Words of a sentence as selection compares them: the text as written (its case tells a name from
 * a common word), lower case, and a Porter stem ("prices" = "price"). Dots inside abbreviations go
 * ("U.S." = "US"). `CorpusWords` holds what the corpus says about its words, read once per deck:
 * how many documents use each stem, and which words it writes as names.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import type { Claim } from '../model.ts';

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

const STOP = new Set<string>([...eng, 'also', 'said', 'says', 'would', 'could', 'may', 'might', 'one', 'two', 'new', 'last', 'year', 'per', 'mln', 'pct']);
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’&-]|\.(?=\p{L}))*\.?/gu;

export function stem(word: string): string {
  const w = word.toLowerCase().replace(/\./g, '').replace(/['’]s$/, '');
  return /\p{N}/u.test(w) ? w : stemmer(w);
}

export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    // "U.S." keeps its dots as one word; a full stop after an ordinary word is punctuation.
    let t = m[0];
    if (t.endsWith('.') && !/\.\p{L}\.$/u.test(t)) t = t.slice(0, -1);
    const clean = t.replace(/\./g, '');
    const start = m.index ?? 0;
    out.push({ text: clean, lower: clean.toLowerCase(), stem: stem(clean), index: out.length, start, end: start + t.length });
  }
  return out;
}

/** Whether a word is written as a name: an acronym, or the corpus capitalises it mid-sentence. */
export function isName(word: string, corpus?: CorpusWords): boolean {
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  return !!corpus && corpus.isName(word);
}

export interface CorpusWords {
  documents: number;
  claims: number;
  /** How many claims use the stem. */
  claimFrequency(stem: string): number;
  words(claim: Claim): Word[];
  documentFrequency(stem: string): number;
  /** The corpus writes this word capitalised in the middle of sentences nearly every time. */
  isName(word: string): boolean;
  isStop(lower: string): boolean;
  /** The corpus never writes this word in lower case: it has no common-noun reading here. */
  neverLower(word: string): boolean;
}

/** Sentences whose words are kept read at once; beyond it the memory starts again. */
const REMEMBERED = 50_000;

/**
 * Word statistics of a set of claims, gathered in one pass that keeps counts only (documents per
 * stem as a count, with the last document seen, since claims come document by document), so a
 * large corpus costs its vocabulary, not its text. A sentence's words are read again when asked
 * for, and the last few tens of thousands are remembered.
 */
export function corpusWords(claims: Iterable<Claim>): CorpusWords {
  let memo = new Map<string, Word[]>();
  const stems = new Map<string, string>();
  const df = new Map<string, { n: number; last: string }>();
  const cf = new Map<string, number>();
  const upper = new Map<string, number>();
  const lower = new Map<string, number>();
  const docs = new Set<string>();
  const words = (c: Claim) => {
    let ws = memo.get(c.id);
    if (!ws) {
      if (memo.size >= REMEMBERED) memo = new Map();
      ws = wordsOf(c.text);
      memo.set(c.id, ws);
    }
    return ws;
  };
  let count = 0;
  for (const c of claims) {
    count++;
    docs.add(c.docId);
    const seen = new Set<string>();
    let first = true;
    for (const m of c.text.matchAll(WORD)) {
      let t = m[0];
      if (t.endsWith('.') && !/\.\p{L}\.$/u.test(t)) t = t.slice(0, -1);
      const clean = t.replace(/\./g, '');
      const l = clean.toLowerCase();
      let st = stems.get(l);
      if (st === undefined) stems.set(l, (st = stem(clean)));
      if (!seen.has(st)) {
        seen.add(st);
        cf.set(st, (cf.get(st) ?? 0) + 1);
        const d = df.get(st);
        if (!d) df.set(st, { n: 1, last: c.docId });
        else if (d.last !== c.docId) {
          d.n++;
          d.last = c.docId;
        }
      }
      if (first) {
        first = false;
        continue;
      }
      const map = /^\p{Lu}/u.test(clean) ? upper : lower;
      map.set(l, (map.get(l) ?? 0) + 1);
    }
  }
  return {
    documents: docs.size,
    claims: count,
    claimFrequency: (s) => cf.get(s) ?? 0,
    words,
    documentFrequency: (s) => df.get(s)?.n ?? 0,
    isName: (word) => {
      const l = word.toLowerCase();
      const u = upper.get(l) ?? 0;
      return u >= 2 && u >= 4 * (lower.get(l) ?? 0);
    },
    isStop: (l) => STOP.has(l),
    neverLower: (word) => /^\p{Lu}/u.test(word) && !lower.has(word.toLowerCase()),
  };
}
