/**
 * A very long UTF-8 text file, read a section at a time from its bytes: the sections are the ones
 * `sectionsOf` finds in the decoded text, decoded one by one (the bytes are compact, the decoded
 * text takes up to two bytes a character), so reading, cleaning, extraction and the store each
 * hold one section's text at a time, never the whole document's. The bytes are decoded again for
 * each pass over the sections, which costs a fraction of a second for 50 MB.
 */
import { isUtf8 } from 'node:buffer';
import type { CorpusDocument } from '../model.ts';
import { OVERRUN, SECTION_CHARS, sectionsOf } from './sections.ts';

/** One section of a text: its span [start, end) in the whole text, and its text. */
export interface TextSection {
  start: number;
  end: number;
  text: string;
}

/** Bytes decoded at a time. */
const CHUNK_BYTES = 2 ** 20;
const BLANK_LINE = /\n[^\S\n]*\n/g;

/** The text of a UTF-8 file's bytes without its byte order mark, as `decodeText` decodes it. */
export class Utf8Text {
  /** Its length in characters (UTF-16 code units), counted from the bytes. */
  readonly length: number;
  private readonly body: Uint8Array;

  private constructor(body: Uint8Array) {
    this.body = body;
    let n = 0;
    for (let i = 0; i < body.length; i++) {
      const b = body[i];
      // Every byte but a continuation byte starts a character; four-byte ones are two code units.
      if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
    }
    // TextDecoder drops a byte order mark at the start of what it decodes (a second one, after the first is cut off).
    if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) n--;
    this.length = n;
  }

  /** The text of `bytes` when they are valid UTF-8 (its BOM left out), else undefined. */
  static of(bytes: Uint8Array): Utf8Text | undefined {
    let body = bytes;
    if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
    return isUtf8(body) ? new Utf8Text(body) : undefined;
  }

  /** The first `chars` characters or more (whole chunks of the bytes decoded), for a look at the start. */
  head(chars: number): string {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    for (let at = 0; at < this.body.length && text.length < chars; at += CHUNK_BYTES)
      text += decoder.decode(this.body.subarray(at, at + CHUNK_BYTES), { stream: true });
    return text;
  }

  /**
   * The sections `sectionsOf(text, from, text.length, size)` finds, each with its text, decoded as
   * they are reached. The first one's text starts at 0 (what comes before `from` is with it), so
   * the sections' texts put end to end are the whole text.
   */
  *sections(from = 0, size = SECTION_CHARS): Generator<TextSection> {
    const decoder = new TextDecoder('utf-8');
    const total = this.length;
    // The decoded text not yet given out starts at `base`; the current section starts at `start`.
    let pending = '';
    let base = 0;
    let start = from;
    let at = 0;
    const more = () => {
      if (at >= this.body.length) return false;
      const next = at + CHUNK_BYTES;
      pending += decoder.decode(this.body.subarray(at, next), { stream: next < this.body.length });
      at = next;
      return true;
    };
    while (total - start > size) {
      const target = start + size;
      // Enough text to see what `sectionsOf` sees: past the farthest end a blank line may give.
      while (base + pending.length <= target + OVERRUN && more());
      BLANK_LINE.lastIndex = target - base;
      const blank = BLANK_LINE.exec(pending);
      let end: number;
      if (blank && base + blank.index + blank[0].length <= Math.min(total, target + OVERRUN)) end = base + blank.index + blank[0].length;
      else {
        let nl = pending.indexOf('\n', target - base);
        while (nl === -1 && more()) nl = pending.indexOf('\n', target - base);
        end = nl === -1 || base + nl >= total ? total : base + nl + 1;
      }
      yield { start: base === 0 ? 0 : start, end, text: pending.slice(0, end - base) };
      pending = pending.slice(end - base);
      base = start = end;
    }
    while (more());
    if (start < total || base === 0) yield { start: base === 0 ? 0 : start, end: total, text: pending };
  }
}

/**
 * Documents read from their bytes a section at a time (`read.ts`): their `text` is left empty and
 * their paragraphs and dropped blocks hold offsets (the first paragraph, the lead, its text too);
 * their text is here, read again a section at a time by whoever needs it (extraction, the store).
 */
const inSections = new WeakMap<CorpusDocument, { text: Utf8Text; from: number }>();

export function readInSections(doc: CorpusDocument, text: Utf8Text, from: number): void {
  inSections.set(doc, { text, from });
}

/** Whether the document's text is read from its bytes a section at a time (its `text` is empty). */
export const isInSections = (doc: CorpusDocument): boolean => inSections.has(doc);

/**
 * The sections of a document's text, in order, with their texts: decoded from its bytes for a
 * document read in sections, else slices of its text. Their texts put end to end are its text.
 */
export function* textSections(doc: CorpusDocument, size = SECTION_CHARS): Generator<TextSection> {
  const streamed = inSections.get(doc);
  if (streamed) {
    yield* streamed.text.sections(streamed.from, size);
    return;
  }
  const spans = sectionsOf(doc.text, 0, doc.text.length, size);
  for (const [start, end] of spans) yield { start, end, text: spans.length === 1 ? doc.text : doc.text.slice(start, end) };
}

/**
 * A string of its own, not a slice that keeps the whole text it was cut from alive (V8 makes a
 * slice of 13 characters or more a view of its parent): for what is kept longer than a section,
 * such as the words of caches and counts.
 */
export const ownString = (s: string): string => (s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le'));
