/**
 * Words of a sentence as selection compares them (`corpus/words.ts`: the text as written, lower
 * case, a Porter stem). `CorpusWords` holds what the corpus says about its words, read once per
 * deck: how many claims and documents use each stem, and which words it writes as names. It comes
 * from the counts the store keeps at ingest (less the documents a spec leaves out), or, for a
 * store without them, from one pass over the claims.
 */
import { eng } from 'stopword';
import { WordTally, type FormCount, type StemCount } from '../corpus/word-counts.ts';
import { wordsOf, type Word } from '../corpus/words.ts';
import type { Claim, StoredWordCounts } from '../model.ts';

export { stem, wordsOf, type Word } from '../corpus/words.ts';

/**
 * The words of a document's headline. A span in angle brackets is a code, not a word of the
 * headline (a wire's ticker: "REGENCY CRUISES INC <SHIP> ELECTS NEW CHAIRMAN" is not about
 * shipping); it is blanked, so offsets stay those of the title.
 */
export function headlineWords(title: string): Word[] {
  return wordsOf(title.replace(/<[^<>\n]{1,40}>/g, (code) => ' '.repeat(code.length)));
}

const STOP = new Set<string>([...eng, 'also', 'said', 'says', 'would', 'could', 'may', 'might', 'one', 'two', 'new', 'last', 'year', 'per', 'mln', 'pct']);

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
  /** Looks up these stems' counts at once (a store answers many in one request); answers are unchanged. */
  prefetch?(stems: Iterable<string>): void;
}

/**
 * Sentences whose words are kept read at once; beyond it the memory starts again. A deck reads a
 * request's whole pool of sentences once per slide, so the memory holds more than the largest pool
 * (`POOL_CLAIMS` in `index.ts`, 20,000): were it smaller, each slide would start it again before
 * reaching the end, and read every sentence of the pool anew.
 */
export const REMEMBERED = 30_000;

/** Where a deck's counts come from. */
interface Counts {
  documents: number;
  claims: number;
  stem(stem: string): StemCount | undefined;
  form(lower: string): FormCount | undefined;
  prefetch?(stems: Iterable<string>): void;
}

function fromCounts(counts: Counts): CorpusWords {
  let memo = new Map<string, Word[]>();
  // A sentence's words are read again when asked for, and the last few tens of thousands are remembered.
  const words = (c: Claim) => {
    let ws = memo.get(c.id);
    if (!ws) {
      if (memo.size >= REMEMBERED) memo = new Map();
      ws = wordsOf(c.text);
      memo.set(c.id, ws);
    }
    return ws;
  };
  return {
    documents: counts.documents,
    claims: counts.claims,
    claimFrequency: (s) => counts.stem(s)?.claims ?? 0,
    words,
    documentFrequency: (s) => counts.stem(s)?.documents ?? 0,
    isName: (word) => {
      const f = counts.form(word.toLowerCase());
      const u = f?.upper ?? 0;
      return u >= 2 && u >= 4 * (f?.lower ?? 0);
    },
    isStop: (l) => STOP.has(l),
    neverLower: (word) => /^\p{Lu}/u.test(word) && !((counts.form(word.toLowerCase())?.lower ?? 0) > 0),
    ...(counts.prefetch ? { prefetch: counts.prefetch } : {}),
  };
}

/**
 * Word statistics of a set of claims, gathered in one pass that keeps counts only (documents per
 * stem as a count, with the last document seen, since claims come document by document), so a
 * large set costs its vocabulary, not its text.
 */
export function corpusWords(claims: Iterable<Claim>): CorpusWords {
  const tally = new WordTally();
  for (const c of claims) tally.add(c.text, c.docId);
  return corpusWordsOf(tally);
}

/** The statistics of claims already counted. */
export function corpusWordsOf(tally: WordTally): CorpusWords {
  return fromCounts({ documents: tally.documents, claims: tally.claims, stem: (s) => tally.stems.get(s), form: (l) => tally.forms.get(l) });
}

/**
 * The store's word counts over every claim, less `minus` (the counts of the documents a spec
 * leaves out, when it leaves out few): the same numbers a pass over the allowed claims gives,
 * asked of the store for the words a deck looks at, each once.
 */
export function storedCorpusWords(stored: StoredWordCounts, minus?: WordTally): CorpusWords {
  const stems = new Map<string, StemCount | undefined>();
  const forms = new Map<string, FormCount | undefined>();
  const prefetch = (wanted: Iterable<string>) => {
    const missing = [...new Set(wanted)].filter((s) => !stems.has(s));
    if (!missing.length) return;
    const found = stored.stems(missing);
    for (const s of missing) {
      const c = found.get(s);
      const less = minus?.stems.get(s);
      const v = c && less ? { claims: c.claims - less.claims, documents: c.documents - less.documents } : c;
      stems.set(s, v && v.claims > 0 ? v : undefined);
    }
  };
  return fromCounts({
    documents: stored.documents - (minus?.documents ?? 0),
    claims: stored.claims - (minus?.claims ?? 0),
    stem: (s) => {
      if (!stems.has(s)) prefetch([s]);
      return stems.get(s);
    },
    form: (l) => {
      if (!forms.has(l)) {
        const c = stored.forms([l]).get(l);
        const less = minus?.forms.get(l);
        forms.set(l, c && less ? { upper: c.upper - less.upper, lower: c.lower - less.lower } : c);
      }
      return forms.get(l);
    },
    prefetch,
  });
}
