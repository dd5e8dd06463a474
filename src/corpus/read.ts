/**
 * One file → one cleaned `CorpusDocument`. Reading is per format (txt, md, html, pdf); cleaning
 * and metadata are shared; the sidecar `<file>.meta.yaml` has the last word on metadata. Problems
 * with the user's file (empty, binary, not UTF-8) come back as diagnostics, never as exceptions.
 */
import { basename, extname } from 'node:path';
import type { CorpusDocument, Diagnostic, DocumentFormat } from '../model.ts';
import { countWords } from './blocks.ts';
import { cleanSections, type CleanOptions } from './clean.ts';
import { sectionsOf } from './sections.ts';
import type { HtmlBlock } from './formats/html.ts';
import { JUSTEXT } from './justext.ts';
import { detectLanguage, languageProfile, otherLanguageReader } from './language.ts';
import { declaredCharset, decodeText } from './decode.ts';
import { readFrontMatter } from './formats/markdown.ts';
import type { MetaHints } from './metadata.ts';
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
      const { readPdf } = await import('./formats/pdf.ts');
      const pdf = await readPdf(bytes);
      ({ text, hints, fallbackDate } = pdf);
      asides = pdf.asides;
    } catch (err) {
      return { diagnostics: [warn(path, 'corpus/unreadable-pdf', `skipped ${path}: not a readable PDF (${(err as Error).message})`)] };
    }
    if (!text.trim())
      return { diagnostics: [warn(path, 'corpus/empty-file', `skipped ${path}: the PDF has no text layer`, 'run OCR on it first')] };
  } else {
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
      const { readHtml } = await import('./formats/html.ts');
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
  const side = input.sidecar ?? {};
  const name = basename(path, extname(path));
  const document: CorpusDocument = {
    id: input.id ?? name,
    path,
    format,
    title: side.title ?? meta.title ?? name,
    authors: side.authors ?? meta.authors,
    hash: sha256(bytes),
    words: wordsIn(paragraphs),
    droppedWords: dropped.reduce((n, d) => n + countWords(d.text), 0),
    text,
    paragraphs,
    dropped,
  };
  if (code) document.language = code;
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
