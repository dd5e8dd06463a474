/**
 * A plain text longer than a section is read from its bytes a section at a time
 * (`src/corpus/long-text.ts`): the sections decoded one by one are the ones `sectionsOf` finds in
 * the whole text, the document read that way is the one a whole reading gives (paragraphs, offsets,
 * words, stored text), its claims and quotes are exact slices of the whole text, and nothing the
 * ingested document holds is longer than a section: memory follows the section, not the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigArticle } from '../../bench/resources.ts';
import { ClaimStream } from '../../src/corpus/claim-stream.ts';
import { cleanSections } from '../../src/corpus/clean.ts';
import { decodeText } from '../../src/corpus/decode.ts';
import { isInSections, ownString, Utf8Text } from '../../src/corpus/long-text.ts';
import { ingestFile, type IngestResult } from '../../src/corpus/read.ts';
import { OVERRUN, SECTION_CHARS, sectionsOf } from '../../src/corpus/sections.ts';
import { SqliteBackend } from '../../src/corpus/store/sqlite.ts';
import { documentBody, documentRow, parseDocument } from '../../src/corpus/store/types.ts';
import { topicMatcher } from '../../src/corpus/topics.ts';
import { prng } from '../support/prng.ts';

/** Text with ASCII, two-, three- and four-byte characters, blank lines, spaces on blank lines and a very long line. */
function mixedText(chars: number, seed: number): string {
  const rnd = prng(seed);
  const words = ['gas', 'Gazprom', 'naïve', 'Zürich', '“quoted”', '—', '北京', '😀', 'oil', 'rouble', 'ÅÉÎ'];
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const r = rnd();
    const piece =
      r < 0.08 ? '\n\n' : r < 0.1 ? '\n  \t\n' : r < 0.25 ? '\n' : r < 0.250005 ? 'x'.repeat(400_000) : `${words[Math.floor(rnd() * words.length)]} `;
    out.push(piece);
    n += piece.length;
  }
  return out.join('');
}

/** The largest string reachable from a value through its own properties. */
function longestString(value: unknown, seen = new Set<unknown>()): number {
  if (typeof value === 'string') return value.length;
  if (!value || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return 0;
  seen.add(value);
  let most = 0;
  for (const v of Object.values(value)) most = Math.max(most, longestString(v, seen));
  return most;
}

describe('a long UTF-8 text read from its bytes', () => {
  it('gives the sections sectionsOf finds in the whole text, with their texts, and its length', () => {
    for (const [seed, size, bom] of [
      [1, 70_000, false],
      [2, 300_000, true],
      [3, 1_000_000, false],
    ] as const) {
      const text = mixedText(3_000_000, seed);
      const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
      const long = Utf8Text.of(bytes)!;
      expect(long.length).toBe(text.length);
      for (const from of [0, 17]) {
        const got = [...long.sections(from, size)];
        const want = sectionsOf(text, from, text.length, size);
        expect(want.length).toBeGreaterThan(2);
        expect(got.map((s) => [s.start, s.end])).toEqual(want.map(([start, end], k) => [k === 0 ? 0 : start, end]));
        expect(got.map((s) => s.text).join('')).toBe(text);
        for (const s of got) expect(s.text).toBe(text.slice(s.start, s.end));
      }
    }
  });

  it('is not taken for UTF-8 when it is not', () => {
    expect(Utf8Text.of(Buffer.from([0x61, 0xe9, 0x62]))).toBeUndefined();
  });

  it('makes strings of their own, not slices', () => {
    const s = 'a long enough string to be sliced';
    expect(ownString(s)).toBe(s);
    expect(ownString('short')).toBe('short');
  });
});

describe('ingesting a plain text longer than a section', () => {
  const whole = bigArticle(SECTION_CHARS + 600_000, 11);
  const bytes = Buffer.from(whole);
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestFile({ path: 'corpus/long.txt', bytes, id: 'long' });
  }, 120_000);

  it('reads it a section at a time and holds no string longer than a section', () => {
    const doc = result.document!;
    expect(isInSections(doc)).toBe(true);
    expect(sectionsOf(whole).length).toBeGreaterThan(1);
    // The ingested document and its diagnostics: no copy of the whole text.
    expect(longestString(result)).toBeLessThanOrEqual(SECTION_CHARS + OVERRUN);
  });

  it('finds the paragraphs, dropped blocks, words and metadata of a whole reading', () => {
    const doc = result.document!;
    const text = (decodeText(bytes) as { text: string }).text;
    expect(text).toBe(whole);
    const clean = cleanSections(text);
    expect(doc.paragraphs.map((p) => [p.index, p.start, p.end])).toEqual(clean.paragraphs.map((p) => [p.index, p.start, p.end]));
    expect(doc.dropped.map((d) => [d.start, d.end, d.reason])).toEqual(clean.dropped.map((d) => [d.start, d.end, d.reason]));
    expect(doc.title).toBe(clean.meta.title);
    expect(doc.authors).toEqual(clean.meta.authors);
    expect(doc.words).toBeGreaterThan(100_000);
  });

  it('stores its text in parts that read back as the whole document', () => {
    const doc = result.document!;
    const row = documentRow(doc);
    const parts = [...row.parts];
    expect(parts.length).toBe(sectionsOf(whole).length);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(SECTION_CHARS + OVERRUN);
    expect(row.body.length).toBeLessThan(whole.length / 10);
    const back = parseDocument(row.body, parts);
    expect(back.text).toBe(whole);
    for (const p of back.paragraphs) expect(p.text).toBe(whole.slice(p.start, p.end));
    // The server's single body holds the same document.
    expect(parseDocument(documentBody(doc))).toEqual(back);
  });

  it('extracts claims and quotes whose offsets point into the whole text, and stores them', () => {
    const doc = result.document!;
    const dir = mkdtempSync(join(tmpdir(), 'bd-long-'));
    try {
      const db = new SqliteBackend(join(dir, 'e.db'));
      const stream = new ClaimStream(doc, topicMatcher({ energy: ['gas', 'oil'] }));
      db.putFile({ path: doc.path, key: 'k', docId: doc.id, diagnostics: [] }, doc, stream, stream.quotes, { get words() { return stream.words; } });
      const claims = [...db.eachClaim()];
      expect(claims.length).toBeGreaterThan(1000);
      for (const c of claims) expect(whole.slice(c.start, c.end)).toBe(c.text);
      const quotes = db.quotes();
      for (const q of quotes) expect(whole.slice(q.start, q.end)).toBe(q.text);
      const stored = db.document(doc.id)!;
      expect(stored.text).toBe(whole);
      expect(stored.paragraphs.length).toBe(doc.paragraphs.length);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

