/**
 * One file → one cleaned `CorpusDocument`. Reading is per format (txt, md, html, pdf); cleaning
 * and metadata are shared; the sidecar `<file>.meta.yaml` has the last word on metadata. Problems
 * with the user's file (empty, binary, not UTF-8) come back as diagnostics, never as exceptions.
 */
import { basename, extname } from 'node:path';
import type { CorpusDocument, Diagnostic, DocumentFormat, DroppedBlock, Paragraph } from '../model.ts';
import { countWords } from './blocks.ts';
import { cleanSections, cleanText, type CleanOptions, type SectionContext } from './clean.ts';
import { ownString, readInSections, Utf8Text } from './long-text.ts';
import { OVERRUN, SECTION_CHARS, sectionsOf } from './sections.ts';
import type { HtmlBlock } from './formats/html.ts';
import { JUSTEXT } from './justext.ts';
import { detectLanguage, languageProfile, otherLanguageReader } from './language.ts';
import { declaredCharset, decodeText, looksBinary } from './decode.ts';
import { readFrontMatter } from './formats/markdown.ts';
import type { MetaHints, TextMeta } from './metadata.ts';
import type { SidecarMeta } from './sidecar.ts';

export { FORMAT_OF_EXTENSION, formatOf, sha256 } from './file-kind.ts';
import { formatOf, sha256 } from './file-kind.ts';

export interface IngestInput {
  /** Path relative to the project root (for messages and `DocumentMeta.path`). */
  path: string;
  bytes: Uint8Array;
  sidecar?: SidecarMeta;
  /** Defaults to the file name without extension. */
  id?: string;
}

/** The format readers, imported on the first file that needs one, and once (each import resolves the module again). */
let pdfReader: Promise<typeof import('./formats/pdf.ts')> | undefined;
let htmlReader: Promise<typeof import('./formats/html.ts')> | undefined;

export interface IngestResult {
  document?: CorpusDocument;
  diagnostics: Diagnostic[];
}

const warn = (file: string, code: string, message: string, hint?: string): Diagnostic => ({
  severity: 'warning',
  file,
  code,
  message,
  ...(hint ? { hint } : {}),
});

const wordsIn = (blocks: readonly { text: string }[]) => blocks.reduce((n, p) => n + countWords(p.text), 0);
/** How many times more words the whole page must keep to be read instead of Readability's article. */
const PAGE_OVER_ARTICLE = 2;

export async function ingestFile(input: IngestInput): Promise<IngestResult> {
  const { path, bytes } = input;
  const format = formatOf(path);
  const diagnostics: Diagnostic[] = [];
  if (!format) return { diagnostics: [warn(path, 'corpus/unsupported-format', `skipped ${path}: not .txt, .md, .html or .pdf`)] };
  let text: string;
  let from = 0;
  let hints: MetaHints = {};
  let html: CleanOptions['html'];
  let page: { text: string; blocks: HtmlBlock[] } | undefined;
  let asides: CleanOptions['asides'];
  let fallbackDate: string | undefined;
  if (format === 'pdf') {
    if (bytes.length === 0) return { diagnostics: [warn(path, 'corpus/empty-file', `skipped ${path}: the file is empty`)] };
    try {
      const { readPdf } = await (pdfReader ??= import('./formats/pdf.ts'));
      const pdf = await readPdf(bytes);
      ({ text, hints, fallbackDate } = pdf);
      asides = pdf.asides;
    } catch (err) {
      return { diagnostics: [warn(path, 'corpus/unreadable-pdf', `skipped ${path}: not a readable PDF (${(err as Error).message})`)] };
    }
    if (!text.trim())
      return { diagnostics: [warn(path, 'corpus/empty-file', `skipped ${path}: the PDF has no text layer`, 'run OCR on it first')] };
  } else {
    // A very long plain text is read from its bytes a section at a time, never decoded whole.
    if (format !== 'html' && bytes.length > SECTION_CHARS && !looksBinary(bytes)) {
      const long = Utf8Text.of(bytes);
      const read = long && (await readSections(input, format, long));
      if (read) return read;
    }
    const decoded = decodeText(bytes, format === 'html' ? declaredCharset(bytes) : undefined);
    if (!decoded.ok)
      return {
        diagnostics: [
          decoded.reason === 'empty'
            ? warn(path, 'corpus/empty-file', `skipped ${path}: the file is empty`)
            : warn(path, 'corpus/binary-file', `skipped ${path}: the file is binary, not text`),
        ],
      };
    if (decoded.fallback)
      diagnostics.push(
        warn(path, 'corpus/not-utf8', `${path} is not valid UTF-8; decoded as Windows-1252 (Latin-1)`, 'save the file as UTF-8'),
      );
    text = decoded.text;
    if (format === 'md') ({ bodyStart: from, hints } = readFrontMatter(text));
    if (format === 'html') {
      const { readHtml } = await (htmlReader ??= import('./formats/html.ts'));
      let blocks: HtmlBlock[];
      let fromReadability: boolean;
      ({ text, hints, blocks, fromReadability, page } = await readHtml(text));
      html = { blocks, fromReadability };
    }
  }
  // (A very long text is told by its first section.)
  const code = await detectLanguage(text.slice(from, sectionsOf(text, from)[0][1]));
  // Too little text to tell: English, the language extraction reads, as before detection.
  const language = languageProfile(code ?? 'en');
  const languageOf = await otherLanguageReader(text.slice(from), language, JUSTEXT.lengthHigh, JUSTEXT.stopwordsHigh);
  let { paragraphs, dropped, meta } = cleanSections(text, from, text.length, hints, { language, html, asides, languageOf });
  if (page) {
    // Readability sometimes settles on one part of the article (a box, the first section): when
    // jusText over the whole page keeps several times as many words, the page is the better reading.
    const whole = cleanSections(page.text, 0, page.text.length, hints, { language, html: { blocks: page.blocks, fromReadability: false }, languageOf });
    if (wordsIn(whole.paragraphs) > PAGE_OVER_ARTICLE * wordsIn(paragraphs)) ({ text } = page), ({ paragraphs, dropped, meta } = whole);
  }
  const words = wordsIn(paragraphs);
  const droppedWords = dropped.reduce((n, d) => n + countWords(d.text), 0);
  return makeDocument(input, format, { text, paragraphs, dropped, meta, hints, fallbackDate, language: code, words, droppedWords }, diagnostics);
}

/**
 * A plain text longer than a section (`sections.ts`), valid UTF-8, read from its bytes a section at
 * a time: each section is decoded, cleaned as `cleanSections` cleans it and let go, so the text is
 * never held whole. The document's `text` is left empty, its paragraphs (the first one, the lead,
 * aside) and dropped blocks hold their offsets only, and its text stays with the bytes, read again
 * a section at a time by extraction and the store (`long-text.ts`). Undefined when the text is one
 * section after all (front matter taken off): it is then read whole.
 */
async function readSections(input: IngestInput, format: 'txt' | 'md', long: Utf8Text): Promise<IngestResult | undefined> {
  let from = 0;
  let hints: MetaHints = {};
  if (format === 'md') ({ bodyStart: from, hints } = readFrontMatter(long.head(SECTION_CHARS + OVERRUN + 1)));
  if (long.length - from <= SECTION_CHARS) return undefined;
  const first = long.sections(from).next().value!;
  const code = await detectLanguage(first.text.slice(from));
  const language = languageProfile(code ?? 'en');
  // (Not read for an English text: then no section is decoded for it.)
  const texts = function* () {
    for (const s of long.sections(from)) yield s.start === 0 ? s.text.slice(from) : s.text;
  };
  const languageOf = await otherLanguageReader(texts(), language, JUSTEXT.lengthHigh, JUSTEXT.stopwordsHigh);
  const paragraphs: Paragraph[] = [];
  const dropped: DroppedBlock[] = [];
  let meta: TextMeta | undefined;
  let endMarker: string | undefined;
  let words = 0;
  let droppedWords = 0;
  let blank = true;
  for (const { start: base, end, text } of long.sections(from)) {
    blank &&= !/\S/.test(text);
    // Offsets in the section's own text are `base` less than in the whole text.
    const section: SectionContext = { first: base === 0, last: end === long.length, paragraphsBefore: paragraphs.length, whole: { from: from - base, to: long.length - base } };
    if (meta?.title) section.title = meta.title;
    if (endMarker) section.afterMarker = endMarker;
    const part = cleanText(text, base === 0 ? from : 0, text.length, hints, { language, languageOf, section });
    meta ??= part.meta;
    endMarker ??= part.endMarker;
    for (const p of part.paragraphs) {
      words += countWords(p.text);
      const at = { index: p.index, start: p.start + base, end: p.end + base };
      paragraphs.push((paragraphs.length === 0 ? { ...at, text: ownString(p.text) } : at) as Paragraph);
    }
    for (const d of part.dropped) {
      droppedWords += countWords(d.text);
      dropped.push({ start: d.start + base, end: d.end + base, reason: d.reason } as DroppedBlock);
    }
  }
  if (blank) return { diagnostics: [warn(input.path, 'corpus/empty-file', `skipped ${input.path}: the file is empty`)] };
  const result = makeDocument(input, format, { text: '', paragraphs, dropped, meta: meta!, hints, language: code, words, droppedWords }, []);
  const doc = result.document!;
  // Kept with the document: strings of their own, not slices that keep the first section alive.
  doc.title = ownString(doc.title);
  doc.authors = doc.authors.map(ownString);
  for (const key of ['date', 'publisher', 'originalPublisher', 'republishedBy', 'url'] as const) if (doc[key]) doc[key] = ownString(doc[key]!);
  readInSections(doc, long, from);
  return result;
}

/** The document of a file read and cleaned, its metadata from the sidecar first, then the text. */
function makeDocument(
  input: IngestInput,
  format: DocumentFormat,
  parts: { text: string; paragraphs: Paragraph[]; dropped: DroppedBlock[]; meta: TextMeta; hints: MetaHints; fallbackDate?: string; language?: string; words: number; droppedWords: number },
  diagnostics: Diagnostic[],
): IngestResult {
  const { path, bytes } = input;
  const { text, paragraphs, dropped, meta, hints, fallbackDate } = parts;
  const side = input.sidecar ?? {};
  const name = basename(path, extname(path));
  const document: CorpusDocument = {
    id: input.id ?? name,
    path,
    format,
    title: side.title ?? meta.title ?? name,
    authors: side.authors ?? meta.authors,
    hash: sha256(bytes),
    words: parts.words,
    droppedWords: parts.droppedWords,
    text,
    paragraphs,
    dropped,
  };
  if (parts.language) document.language = parts.language;
  const date = side.date ?? meta.date ?? fallbackDate;
  if (date) document.date = date;
  const originalPublisher = side.originalPublisher ?? meta.originalPublisher;
  const publisher = side.publisher ?? originalPublisher ?? meta.publisher;
  if (publisher) document.publisher = publisher;
  if (originalPublisher) document.originalPublisher = originalPublisher;
  if (meta.republishedBy && !side.publisher) document.republishedBy = meta.republishedBy;
  const url = side.url ?? hints.url;
  if (url) document.url = url;
  if (paragraphs.length === 0)
    diagnostics.push(warn(path, 'corpus/no-body', `${path}: no body text left after cleaning`, 'see `briefdeck corpus show` for what was dropped'));
  return { document, diagnostics };
}
