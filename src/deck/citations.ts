/**
 * Citations: every item pulled into a deck carries document, paragraph and offsets, a short tag
 * for slides ("Kaczmarski 2022 ¶4") and the full source sentence for notes. The `SourceBook`
 * remembers which documents were cited so the deck can end with a Sources slide.
 */
import type { Citation, CorpusDocument, DocumentMeta, EvidenceStore, SourceEntry } from '../model.ts';
import { isEnglishWord } from '../select/vocabulary.ts';
import { escapeRegExp } from '../text.ts';

export interface Citable {
  docId: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Every document's tag stem, unique across the corpus. Worked out once per document listing: a
 * store keeps its listing, so every deck of a run (and of a watch session, until the corpus
 * changes) shares them.
 */
const tagsByListing = new WeakMap<readonly DocumentMeta[], Map<string, string>>();
function tagsOf(listing: readonly DocumentMeta[]): Map<string, string> {
  let stems = tagsByListing.get(listing);
  if (stems) return stems;
  stems = new Map<string, string>();
  const docs = [...listing].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const [stem, group] of groupBy(docs, (d) => tagStem(d))) {
    if (group.length === 1) stems.set(group[0].id, stem);
    // Documents known by their title take another word of it before a letter: "Coffee Quota
    // Talks 1987", not "Coffee Quota 1987b".
    else for (const [longer, same] of groupBy(group, (d) => tagStem(d, 4))) {
      same.forEach((doc, i) => stems!.set(doc.id, same.length === 1 ? longer : distinguish(longer, i)));
    }
  }
  tagsByListing.set(listing, stems);
  return stems;
}

export class SourceBook {
  private readonly stems: ReadonlyMap<string, string>;
  private readonly cited = new Set<string>();

  constructor(private readonly store: EvidenceStore) {
    this.stems = tagsOf(store.documents());
  }

  /**
   * The citation of a claim or quote; `sentence` defaults to the sentence around it. With
   * `fullDate` the tag shows the article's whole date, for a line that says "today" or "on
   * Thursday".
   */
  cite(item: Citable, sentence?: string, options: { fullDate?: boolean } = {}): Citation {
    this.cited.add(item.docId);
    const stem = this.stems.get(item.docId) ?? item.docId;
    // (The day goes after the paragraph: the tag still opens on the key the Sources slide lists.)
    const date = options.fullDate ? this.store.document(item.docId)?.date : undefined;
    const day = date ? dayOf(date, stem) : undefined;
    return {
      docId: item.docId,
      paragraph: item.paragraph,
      start: item.start,
      end: item.end,
      stem,
      ...(day ? { day } : {}),
      tag: `${stem} ¶${item.paragraph}${day ? `, ${day}` : ''}`,
      sentence: sentence ?? this.sentenceAround(item),
    };
  }

  /** Every cited document, sorted by tag. */
  sources(): SourceEntry[] {
    const out: SourceEntry[] = [];
    for (const id of this.cited) {
      const doc = this.store.document(id);
      if (!doc) continue;
      const entry: SourceEntry = { docId: id, title: doc.title, authors: doc.authors, tag: this.stems.get(id) ?? id };
      if (doc.publisher) entry.publisher = doc.publisher;
      if (doc.date) entry.date = doc.date;
      if (doc.url) entry.url = doc.url;
      out.push(entry);
    }
    return out.sort((a, b) => a.tag.localeCompare(b.tag) || (a.docId < b.docId ? -1 : 1));
  }

  /** A full reference for notes: "Adan, How Russia could rethink… (Global Courant, 2023-05-22), ¶4". */
  reference(c: Citation): string {
    const doc = this.store.document(c.docId);
    if (!doc) return c.tag;
    const who = doc.authors.length ? `${doc.authors.join(', ')}, ` : '';
    const where = [doc.publisher, doc.date].filter(Boolean).join(', ');
    return `${who}“${doc.title}”${where ? ` (${where})` : ''}, ¶${c.paragraph}, chars ${c.start}–${c.end}`;
  }

  /** The sentence of the source that holds the item (for quotes, the words around the quotation). */
  sentenceAround(item: Citable): string {
    const doc = this.store.document(item.docId);
    const para = doc?.paragraphs.find((p) => p.start <= item.start && item.end <= p.end);
    if (!doc || !para) return item.text;
    const before = doc.text.slice(para.start, item.start);
    const after = doc.text.slice(item.end, para.end);
    const head = before.search(/(?:[.!?]["”’]?\s+)(?=[^.!?]*$)/);
    const startAt = head < 0 ? para.start : para.start + head + (/^[.!?]["”’]?\s+/.exec(before.slice(head))?.[0].length ?? 0);
    const tail = /[.!?](?=["”’]?(?:\s|$))["”’]?/.exec(after);
    const endAt = tail ? item.end + tail.index + tail[0].length : para.end;
    return doc.text.slice(startAt, endAt).replace(/\s+/g, ' ').trim();
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Mar" from an ISO date, with its year when the stem does not give it ("2 Mar 1987"); undefined without a month. */
function dayOf(iso: string, stem: string): string | undefined {
  const [y, m, d] = iso.split('-');
  if (!m) return undefined;
  const year = new RegExp(String.raw`\b${y}[a-z]?$`).test(stem) ? '' : y;
  return [d ? String(Number(d)) : '', MONTHS[Number(m) - 1], year].filter(Boolean).join(' ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) (out.get(key(item)) ?? out.set(key(item), []).get(key(item))!).push(item);
  return out;
}

/** Same tag for several documents: "Kaczmarski 2022a", "…2022b" after a year, "(2)" after a word. */
function distinguish(stem: string, i: number): string {
  return /\d$/.test(stem) ? `${stem}${String.fromCharCode(97 + i)}` : i === 0 ? stem : `${stem} (${i + 1})`;
}

const MINOR = /^(?:the|a|an|of|to|in|on|for|and|or|at|by|with|from|as|is|are|was|be|vs?|after|over)$/i;

/**
 * The first `n` words of a title, whole, without punctuation, never ending on a small word
 * ("US to…" takes the next word too): "Continuing Saga", "Coffee Traders". A title in capitals
 * (wire style) reads in title case, except the words the article itself writes in capitals
 * (ICO, U.S.) and short ones it never writes otherwise.
 */
function titleWords(title: string, n = 2, body = ''): string {
  const caps = !/\p{Ll}/u.test(title);
  // A wire's tag before the title ("(RPT) U.S. SAYS…") is not one of its words.
  const words = title
    .replace(/^\([^()]{1,12}\)\s*/, '')
    .split(/[\s:–—]+/)
    // (A ticker in angle brackets, "VIACOM <VIA> RECEIVES…", is none of its words.)
    .filter((w) => !/^<[^<>]*>[^\p{L}\p{N}]*$/u.test(w))
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$|(?<=\p{L}{2})\.$/gu, ''))
    .filter((w) => w);
  // Which words are kept reads them without regard to case, so only the kept ones are cased: a
  // corpus of wire stories asks this of every document.
  let from = 0;
  while (words.length - from > n && /^(the|a|an)$/i.test(words[from])) from++;
  let end = Math.min(n, words.length - from);
  while (end < words.length - from && end < n + 2 && MINOR.test(words[from + end - 1])) end++;
  const cased = (w: string, i: number) => (caps ? (i > 0 && MINOR.test(w) ? w.toLowerCase() : titleCased(w, body)) : w);
  return words
    .slice(from, from + end)
    .map((w, k) => cased(w, from + k))
    .join(' ');
}

/**
 * The patterns `titleCased` looks for a word with, made once per word (a wire corpus's titles repeat
 * their words); the last PATTERNS_KEPT words' are kept (about 6 KB a word: a corpus of many
 * thousands of capitalised titles would otherwise hold a hundred megabytes of them).
 */
let wordPatterns = new Map<string, { exact: RegExp; anyCase: RegExp; every: RegExp }>();
function patternsOf(word: string) {
  let p = wordPatterns.get(word);
  if (!p) {
    const escaped = escapeRegExp(word);
    p = {
      exact: new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u'),
      anyCase: new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'iu'),
      every: new RegExp(escaped, 'gu'),
    };
    if (wordPatterns.size >= PATTERNS_KEPT) wordPatterns = new Map();
    wordPatterns.set(word, p);
  }
  return p;
}

const PATTERNS_KEPT = 2_000;

function titleCased(word: string, body: string): string {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!letters) return word;
  const { exact, anyCase, every } = patternsOf(word);
  const inCaps = exact.test(body);
  const inLower = anyCase.test(body.replace(every, ''));
  if (inCaps && !inLower) return word;
  // (A short word the story never writes otherwise is an acronym, "ICO", "EC", unless it is an
  // English word of three letters: "NEW ZEALAND CANCELS…" is "New Zealand".)
  if (!inLower && letters.length <= 3 && !(letters.length === 3 && isEnglishWord(letters.toLowerCase()))) return word;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** "Kaczmarski 2022": first author's surname, else publisher, else the title's first words; then the year. */
export function tagStem(doc: Pick<CorpusDocument, 'authors' | 'publisher' | 'title' | 'date' | 'id' | 'tagBody'> & { text?: string }, titleLength = 2): string {
  const author = doc.authors[0]?.trim();
  const name = author
    ? (author.split(/\s+/).pop() ?? author)
    : doc.publisher?.trim() || titleWords(doc.title, titleLength, doc.text?.slice(doc.title.length) ?? doc.tagBody ?? '') || doc.id;
  const year = doc.date?.slice(0, 4);
  return year ? `${name} ${year}` : name;
}
