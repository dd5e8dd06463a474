/**
 * The evidence store's contract, one for every backend (embedded SQLite, PostgreSQL): what ingest
 * writes (a file's document, claims and quotes in one transaction) and what selection reads. Reads
 * are synchronous and work from the store's indexes, so a deck over a large corpus holds only the
 * claims its requests return, never the whole corpus; the corpus's word statistics are counts the
 * store keeps as files come and go, in the same transaction as the file.
 */
import type { Claim, ClaimQuery, CorpusDocument, Diagnostic, DocumentMeta, Quote, ScoredClaim, StoredWordCounts } from '../../model.ts';
import type { WordDelta } from '../word-counts.ts';
import { SECTION_CHARS } from '../sections.ts';
import { isInSections, textSections } from '../long-text.ts';
import { escapeRegExp } from '../../text.ts';

export interface StoredFile {
  path: string;
  key: string;
  docId: string | null;
  diagnostics: Diagnostic[];
}

/** What an ingest thread works out beside a document, so the store need not: `metaOf(doc)`, and its claims' word counts. */
export interface Worked {
  meta?: DocumentMeta;
  words?: WordDelta;
}

/** A file claimed for ingest by this process: store it with `put`, or give it up with `release`. */
export interface FileClaim {
  put(file: StoredFile, doc?: CorpusDocument, claims?: Iterable<Claim>, quotes?: Iterable<Quote>, worked?: Worked): void;
  release(): void;
}

export interface EvidenceBackend {
  /** Where it is, for messages: a file path, or a URL without its password. */
  readonly location: string;
  info(name: string): string | undefined;
  setInfo(name: string, value: string): void;
  files(): Map<string, StoredFile>;
  /**
   * A value that changes whenever the files table changes (a row written or deleted, by any
   * process), or undefined when the backend keeps none: a copy of the table saved with the value
   * is still what the store holds while the value is the same.
   */
  filesVersion?(): string | undefined;
  /** `files()` and `filesVersion()` read together, of one moment. */
  filesWithVersion?(): { version: string | undefined; files: Map<string, StoredFile> };
  /**
   * From now on, follows the files table's version from `from` through this connection's own
   * writes to the table (`putFile`, a claim's `put`, `removeFile`).
   */
  followFilesVersion?(from: string): void;
  /**
   * The table's version now, when every write to the table since `followFilesVersion` was this
   * connection's own (each found the version its previous write left); else undefined. The table
   * then holds what it held at `from` with those writes made, and nothing else.
   */
  ownFilesVersion?(): string | undefined;
  /**
   * Replaces everything stored for one file, atomically. `worked` holds what the caller worked out
   * already (on an ingest thread): the document's listing entry and its claims' word counts.
   * The claims may be a stream read once (`claim-stream.ts`): then the quotes and `worked.words`
   * are read after the claims.
   */
  putFile(file: StoredFile, doc?: CorpusDocument, claims?: Iterable<Claim>, quotes?: Iterable<Quote>, worked?: Worked): void;
  /**
   * Claims a file for ingest when several processes share the store: undefined when another
   * process holds it (unless `wait`: then it waits for it) or has stored it with this key
   * meanwhile. The claim ends with the process.
   */
  claimFile?(path: string, key: string, wait?: boolean): FileClaim | undefined;
  /** `claimFile` (without waiting) for several files at once: a claim or undefined for each, in order. */
  claimFiles?(files: ReadonlyArray<{ path: string; key: string }>): Array<FileClaim | undefined>;
  /**
   * Runs several writes (`putFile`, a claim's `put`), in order, in one transaction: each stays
   * atomic on its own, and when one fails the ones before it are kept and its error is thrown.
   * Without it (a server, where each file's transaction holds its lock) they run one by one.
   */
  inOneTransaction?(writes: ReadonlyArray<() => void>): void;
  removeFile(path: string): void;
  /** The files whose rows name a document the store does not hold (a store an older version left so): they are read again. */
  filesWithoutDocument?(): string[];
  retag(topicsOf: (text: string) => string[]): void;
  /** Every document's metadata (no text), by path. */
  documents(): DocumentMeta[];
  /** The metadata of the documents in these languages, by path (from an index: a few among many). */
  documentsIn?(languages: readonly string[]): DocumentMeta[];
  document(id: string): CorpusDocument | undefined;
  /** Every claim in store order, read a page at a time. */
  eachClaim(): Iterable<Claim>;
  /** The claims with these ids, in store order. */
  claimsById(ids: readonly string[]): Claim[];
  /** The claims tagged with a topic (by `topicKey`), in store order. */
  claimsTagged(topic: string): Claim[];
  /** The claims of these documents, in store order. */
  claimsOfDocuments(docIds: readonly string[]): Claim[];
  /** Each document's first kept paragraph (its lead), read without parsing the rest of it. */
  leads(docIds: readonly string[]): Map<string, string>;
  /** How many documents are in each detected language (documents without one are left out). */
  languages(): Map<string, number>;
  /** The word counts kept with the claims (`word-counts.ts`): totals now, stems and words when asked. */
  wordCounts(): StoredWordCounts;
  quotes(): Quote[];
  search(query: ClaimQuery): ScoredClaim[];
  /** The ids and scores of `search({ text, limit })`, without reading the claims. */
  searchIds(text: string, limit?: number): Array<{ id: string; score: number }>;
  stats(): { documents: number; claims: number; quotes: number };
  close(): void;
}

/** Topic names compare without case, and spaces, hyphens and underscores alike. */
export const topicKey = (topic: string): string => topic.trim().toLowerCase().replace(/[\s_-]+/g, '-');

/** Bumped when `metaOf` changes: stores made before hold other metadata and are filled again. */
export const META_VERSION = 'm2';

/**
 * A document's metadata: everything but its text, paragraphs and dropped blocks (with their
 * counts). A title in capitals (newswire) keeps `tagBody`, the body's spellings of its words,
 * which citation tags read to tell an acronym from a word in capitals ("HK Hotels").
 */
export function metaOf(doc: CorpusDocument): DocumentMeta & { paragraphCount: number; droppedCount: number } {
  const { text, paragraphs, dropped, ...meta } = doc;
  const out: DocumentMeta & { paragraphCount: number; droppedCount: number } = { ...meta, paragraphCount: paragraphs.length, droppedCount: dropped.length };
  if (!/\p{Ll}/u.test(doc.title)) {
    const titleWords = [...new Set(doc.title.split(/[\s:–—]+/).map((x) => x.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$|(?<=\p{L}{2})\.$/gu, '')))].filter(
      (w) => w && /\p{L}/u.test(w),
    );
    // Each title word's spellings in the body, in order; a long document's read a section at a time
    // (sections end at line ends: no word runs from one into the next).
    const found = titleWords.map((): string[] => []);
    const bodies = isInSections(doc)
      ? (function* () {
          for (const s of textSections(doc)) yield s.text;
        })()
      : [text];
    let skip = doc.title.length;
    for (const part of bodies) {
      const body = part.slice(skip);
      skip = Math.max(0, skip - part.length);
      titleWords.forEach((w, i) => {
        for (const m of wordsAlone(body, w)) found[i].push(m);
      });
    }
    out.tagBody = found.flat().join(' ');
  }
  return out;
}

/** Whether a document is longer than a section (`sections.ts`). */
const isLong = (doc: CorpusDocument) => isInSections(doc) || doc.text.length > SECTION_CHARS;

/** A long document's JSON with `text` as given, its paragraphs and dropped blocks as offsets. */
function slicedBody(doc: CorpusDocument, text: string): string {
  const paragraphs = doc.paragraphs.map((p, i) => (i === 0 ? p : { index: p.index, start: p.start, end: p.end }));
  const dropped = doc.dropped.map((d) => ({ start: d.start, end: d.end, reason: d.reason }));
  return JSON.stringify({ ...doc, text, paragraphs, dropped, sliced: true });
}

/**
 * A document as the store keeps it: its JSON. The text of a paragraph or dropped block is a
 * slice of the document's; a document longer than a section (`sections.ts`) is stored with their
 * offsets alone (its lead's text kept, which listings read), and {@link parseDocument} slices them
 * again, so its text is written and read once, not twice.
 */
export function documentBody(doc: CorpusDocument): string {
  if (!isLong(doc)) return JSON.stringify(doc);
  return slicedBody(doc, isInSections(doc) ? [...textSections(doc)].map((s) => s.text).join('') : doc.text);
}

/**
 * A document as the embedded store keeps it: {@link documentBody}, but a long document's text
 * kept apart, in parts (its sections' texts, in order), given one at a time as they are written:
 * never the whole text in one string, nor in the JSON.
 */
export function documentRow(doc: CorpusDocument): { body: string; parts: Iterable<string> } {
  if (!isLong(doc)) return { body: JSON.stringify(doc), parts: [] };
  return {
    body: slicedBody(doc, ''),
    parts: (function* () {
      for (const s of textSections(doc)) yield s.text;
    })(),
  };
}

/** The document a {@link documentBody} holds, or a {@link documentRow}'s body with its text's parts. */
export function parseDocument(body: string, parts: readonly string[] = []): CorpusDocument {
  const doc = JSON.parse(body) as CorpusDocument & { sliced?: boolean };
  if (!doc.sliced) return doc;
  delete doc.sliced;
  if (parts.length) doc.text = parts.join('');
  for (const p of doc.paragraphs) p.text ??= doc.text.slice(p.start, p.end);
  for (const d of doc.dropped) d.text = doc.text.slice(d.start, d.end);
  return doc;
}

/** A letter as a case-insensitive Unicode regular expression sees one (what `(?<!\p{L})` tests under `iu`). */
const LETTER = /\p{L}/iu;
/** Case-insensitive searches for title words, compiled once per word, not once per document. */
const wordSearches = new Map<string, RegExp>();

/**
 * Each occurrence of `word` in `text`, any case, with no letter just before or after it, left to
 * right: what `text.matchAll(new RegExp('(?<!\\p{L})' + escaped + '(?!\\p{L})', 'giu'))` finds, without
 * compiling the letter classes into a new expression for every word of every title (most of the
 * time of a newswire corpus's listing entries).
 */
export function wordsAlone(text: string, word: string): string[] {
  if (/^[\x00-\x7f]+$/.test(word)) {
    const lower = asciiLower(text);
    if (lower !== undefined) return asciiWordsAlone(text, lower, word.replace(/[A-Z]+/g, (s) => s.toLowerCase()));
  }
  let search = wordSearches.get(word);
  if (!search) {
    if (wordSearches.size >= 10_000) wordSearches.clear();
    wordSearches.set(word, (search = new RegExp(escapeRegExp(word), 'giu')));
  }
  const out: string[] = [];
  search.lastIndex = 0;
  for (let m = search.exec(text); m; m = search.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (letterAt(text, end) || letterBefore(text, start)) {
      // The word has a fixed length: the next place it can start is the next character.
      search.lastIndex = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
      continue;
    }
    out.push(m[0]);
  }
  return out;
}

/**
 * An ASCII word under `iu` matches only ASCII text, save two letters that fold to ASCII ones (the
 * Kelvin sign to "k", the long s to "s"): in a text without them, the word's occurrences are where
 * its lower case occurs in the text with A–Z lowered (same length, same offsets); undefined when
 * the text holds one of the two. The last text's lowering is kept: a title's words search one body.
 */
let lowered: { text: string; lower: string | undefined } | undefined;
function asciiLower(text: string): string | undefined {
  if (lowered?.text === text) return lowered.lower;
  const lower = /[\u212a\u017f]/.test(text) ? undefined : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  lowered = { text, lower };
  return lower;
}

/** {@link wordsAlone} of an ASCII word (`lowerWord`, A–Z lowered) in a text without the two letters. */
function asciiWordsAlone(text: string, lowerText: string, lowerWord: string): string[] {
  const out: string[] = [];
  for (let at = lowerText.indexOf(lowerWord); at !== -1; ) {
    const end = at + lowerWord.length;
    if (letterAt(text, end) || letterBefore(text, at)) {
      at = lowerText.indexOf(lowerWord, at + 1);
      continue;
    }
    out.push(text.slice(at, end));
    at = lowerText.indexOf(lowerWord, end);
  }
  return out;
}

const letterAt = (text: string, i: number) => i < text.length && LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
function letterBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  const pair = i >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
  return LETTER.test(pair ? text.slice(i - 2, i) : text[i - 1]);
}

/** The words of a claim query, as the store searches for them (any of them). */
export const queryTerms = (text: string | undefined): string[] => (text ?? '').toLowerCase().match(/[\p{L}\d]+/gu) ?? [];

/** Scores as a search reports them: three decimals. */
export const roundScore = (score: number): number => Math.round(score * 1000) / 1000;

/** The query's filters, applied after ranking, in rank order, up to its limit. */
export function filterRanked(rows: Iterable<{ claim: Claim; score: number }>, query: ClaimQuery): ScoredClaim[] {
  const kinds = query.kinds?.length ? new Set(query.kinds) : undefined;
  const topics = query.topics?.length ? new Set(query.topics) : undefined;
  const docs = query.docIds?.length ? new Set(query.docIds) : undefined;
  const out: ScoredClaim[] = [];
  for (const { claim: c, score } of rows) {
    if (kinds && !kinds.has(c.kind)) continue;
    if (docs && !docs.has(c.docId)) continue;
    if (topics && !c.topics.some((t) => topics.has(t))) continue;
    out.push({ ...c, score: roundScore(score) });
    if (query.limit && out.length >= query.limit) break;
  }
  return out;
}

/** The URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}
