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
 * reaching the end, and read every sentence of the pool anew. They are kept packed (`SentenceWords`):
 * as objects, 30,000 sentences' words took 80–130 MB of a large corpus's build.
 */
export const REMEMBERED = 30_000;

/**
 * Sentences whose words are also kept as `Word` objects, for the passes that read one sentence
 * several times in a row; the others are unpacked again when asked for.
 */
export const UNPACKED = 2_000;

/** A written form of a word, its lower case and stem: one object for all its occurrences. */
interface Form {
  text: string;
  lower: string;
  stem: string;
}

/**
 * A sentence's words packed: each word's form, start and end in turn (24 bytes a word, against
 * about 120 for a `Word` and its strings).
 */
type SentenceWords = Array<Form | number>;

/**
 * The packed words a sentence's `Word` list was unpacked from: the same sentence's words for as
 * long as they are remembered, whichever list a call returned. Memories keyed by a sentence's
 * words (`subject.ts`) key them by this.
 */
const packedOf = new WeakMap<readonly Word[], object>();

/** What stays the same for a sentence's words while they are remembered: a key for memories of them. */
export function sentenceKey(words: readonly Word[]): object {
  return packedOf.get(words) ?? words;
}

/**
 * Words of sentences by claim id, remembered as `REMEMBERED` says: packed, the last `UNPACKED` also
 * as objects. A function of the text alone: what it returns equals `wordsOf(claim.text)`.
 */
export function rememberedWords(): (claim: Pick<Claim, 'id' | 'text'>) => Word[] {
  let forms = new Map<string, Form>();
  let packed = new Map<string, SentenceWords>();
  let unpacked = new Map<string, Word[]>();
  const pack = (words: readonly Word[]): SentenceWords => {
    // Of its exact length (an array grown by pushing keeps room to spare).
    const out: SentenceWords = new Array(words.length * 3);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      let f = forms.get(w.text);
      if (!f) forms.set(w.text, (f = { text: w.text, lower: w.lower, stem: w.stem }));
      out[3 * i] = f;
      out[3 * i + 1] = w.start;
      out[3 * i + 2] = w.end;
    }
    return out;
  };
  const unpack = (p: SentenceWords): Word[] => {
    const out: Word[] = [];
    for (let i = 0; i < p.length; i += 3) {
      const f = p[i] as Form;
      out.push({ text: f.text, lower: f.lower, stem: f.stem, index: out.length, start: p[i + 1] as number, end: p[i + 2] as number });
    }
    return out;
  };
  return (c) => {
    let ws = unpacked.get(c.id);
    if (ws) return ws;
    let p = packed.get(c.id);
    if (p) ws = unpack(p);
    else {
      ws = wordsOf(c.text);
      if (packed.size >= REMEMBERED) {
        packed = new Map();
        forms = new Map();
      }
      packed.set(c.id, (p = pack(ws)));
    }
    packedOf.set(ws, p);
    if (unpacked.size >= UNPACKED) unpacked = new Map();
    unpacked.set(c.id, ws);
    return ws;
  };
}

/** Where a deck's counts come from. */
interface Counts {
  documents: number;
  claims: number;
  stem(stem: string): StemCount | undefined;
  form(lower: string): FormCount | undefined;
  prefetch?(stems: Iterable<string>): void;
}

function fromCounts(counts: Counts): CorpusWords {
  const words = rememberedWords();
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
