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
}

/** How many claims' words are remembered at most. */
const MEMO_LIMIT = 50_000;

/**
 * Word statistics of a set of claims, gathered in one pass that keeps counts only (the claims come
 * a document at a time, in store order); a claim's words are remembered once asked for.
 */
export function corpusWords(claims: Iterable<Claim>): CorpusWords {
  const memo = new Map<string, Word[]>();
  const df = new Map<string, number>();
  const lastDoc = new Map<string, string>();
  const cf = new Map<string, number>();
  const upper = new Map<string, number>();
  const lower = new Map<string, number>();
  const docs = new Set<string>();
  let count = 0;
  // Remembered for the claims a deck keeps asking about; a pass over every claim does not fill it.
  const words = (c: Claim) => {
    let ws = memo.get(c.id);
    if (!ws) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(c.id, (ws = wordsOf(c.text)));
    }
    return ws;
  };
  for (const c of claims) {
    docs.add(c.docId);
    count++;
    const ws = wordsOf(c.text);
    for (const st of new Set(ws.map((w) => w.stem))) cf.set(st, (cf.get(st) ?? 0) + 1);
    for (const w of ws) {
      if (lastDoc.get(w.stem) !== c.docId) {
        lastDoc.set(w.stem, c.docId);
        df.set(w.stem, (df.get(w.stem) ?? 0) + 1);
      }
      if (w.index === 0) continue;
      const map = /^\p{Lu}/u.test(w.text) ? upper : lower;
      map.set(w.lower, (map.get(w.lower) ?? 0) + 1);
    }
  }
  return {
    documents: docs.size,
    claims: count,
    claimFrequency: (s) => cf.get(s) ?? 0,
    words,
    documentFrequency: (s) => df.get(s) ?? 0,
    isName: (word) => {
      const l = word.toLowerCase();
      const u = upper.get(l) ?? 0;
      return u >= 2 && u >= 4 * (lower.get(l) ?? 0);
    },
    isStop: (l) => STOP.has(l),
  };
}
