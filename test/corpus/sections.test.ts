/**
 * A very long text is cleaned and extracted a section at a time (`src/corpus/sections.ts`): the
 * sections tile the text at blank lines, an ordinary article is one section read exactly as a
 * whole, and a long one keeps the paragraphs, numbering, claims and word counts a whole reading
 * gives where nothing crosses a section (no repeats between sections, no header after the first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimStream } from '../../src/corpus/claim-stream.ts';
import { extractEvidence } from '../../src/corpus/claims.ts';
import { cleanSections, cleanText } from '../../src/corpus/clean.ts';
import { paragraphsBySection, SECTION_CHARS, sectionsOf } from '../../src/corpus/sections.ts';
import { SqliteBackend } from '../../src/corpus/store/sqlite.ts';
import { documentBody, parseDocument } from '../../src/corpus/store/types.ts';
import { topicMatcher } from '../../src/corpus/topics.ts';
import { wordDelta } from '../../src/corpus/word-counts.ts';
import type { CorpusDocument } from '../../src/model.ts';

const SUBJECTS = ['The ministry', 'Gazprom', 'The central bank', 'Exporters', 'The government in Beijing', 'Analysts in Moscow'];
const VERBS = ['said that exports of gas rose', 'expects the new pipeline to carry more oil', 'reported that trade with China grew', 'will review the tariffs on steel'];

/** An article of distinct paragraphs, each a few distinct sentences (no two alike, so no repeats). */
function article(paragraphs: number): string {
  const out = ['Gas and oil: a long report', '', 'By Jane Smith', ''];
  for (let i = 0; i < paragraphs; i++) {
    const sentences = [0, 1, 2].map((k) => `${SUBJECTS[(i + k) % SUBJECTS.length]} ${VERBS[(i * 3 + k) % VERBS.length]} by ${i * 7 + k + 11} percent in the quarter to March ${1990 + (i % 30)}, according to figures published on day ${i}.`);
    out.push(sentences.join(' '), '');
  }
  return out.join('\n');
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('sections of a text', () => {
  it('tile it, each ending just after a blank line', () => {
    const text = article(200);
    const sections = sectionsOf(text, 0, text.length, 5000);
    expect(sections.length).toBeGreaterThan(5);
    expect(sections[0][0]).toBe(0);
    expect(sections.at(-1)![1]).toBe(text.length);
    for (let k = 1; k < sections.length; k++) {
      expect(sections[k][0]).toBe(sections[k - 1][1]);
      expect(text.slice(sections[k][0] - 2, sections[k][0])).toBe('\n\n');
    }
  });

  it('are one for a text up to the section size', () => {
    const text = article(20);
    expect(sectionsOf(text)).toEqual([[0, text.length]]);
    expect(text.length).toBeLessThan(SECTION_CHARS);
  });

  it('group paragraphs by the section they start in', () => {
    const groups = paragraphsBySection([{ start: 1 }, { start: 9 }, { start: 10 }, { start: 25 }], [[0, 10], [10, 20], [20, 30]]);
    expect(groups).toEqual([[{ start: 1 }, { start: 9 }], [{ start: 10 }], [{ start: 25 }]]);
  });
});

describe('cleaning a section at a time', () => {
  it('reads an ordinary article exactly as a whole', () => {
    const text = article(30);
    expect(cleanSections(text)).toEqual(cleanText(text));
  });

  it('keeps the paragraphs, offsets and numbers of a whole reading, and the header of the first section', () => {
    const text = article(300);
    const whole = cleanText(text);
    const parts = cleanSections(text, 0, text.length, {}, {}, 6000);
    expect(sectionsOf(text, 0, text.length, 6000).length).toBeGreaterThan(10);
    expect(parts.paragraphs).toEqual(whole.paragraphs);
    expect(parts.meta.title).toBe('Gas and oil: a long report');
    expect(parts.meta.authors).toEqual(['Jane Smith']);
  });

  it('numbers a repeat within a section by the paragraphs of the sections before', () => {
    const base = article(200).split('\n\n');
    // The 150th block again right after itself: dropped as a duplicate of the paragraph before.
    base.splice(151, 0, base[150]);
    const text = base.join('\n\n');
    const parts = cleanSections(text, 0, text.length, {}, {}, 6000);
    const repeat = parts.dropped.find((d) => d.reason.startsWith('duplicate of'));
    const kept = parts.paragraphs.find((p) => p.text === repeat?.text);
    expect(repeat?.reason).toBe(`duplicate of ¶${kept?.index}`);
    expect(parts.paragraphs.map((p) => p.index)).toEqual(parts.paragraphs.map((_p, i) => i + 1));
  });
});

describe('claims of a long document', () => {
  const topicsOf = topicMatcher({ energy: ['gas', 'oil'] });
  const docOf = (text: string): CorpusDocument => {
    const { paragraphs, dropped } = cleanText(text);
    return { id: 'long', path: 'corpus/long.txt', format: 'txt', title: 'Long', authors: [], hash: 'h', words: 0, droppedWords: 0, text, paragraphs, dropped };
  };

  it('come a section at a time, with the quotes and word counts read after them', () => {
    const doc = docOf(article(120));
    const stream = new ClaimStream(doc, topicsOf, 4000);
    expect(() => stream.words).toThrow(/once its claims are read/);
    const claims = [...stream];
    const expected = paragraphsBySection(doc.paragraphs, sectionsOf(doc.text, 0, doc.text.length, 4000)).flatMap((paragraphs) => extractEvidence({ ...doc, paragraphs }, topicsOf).claims);
    expect(claims.length).toBeGreaterThan(100);
    expect(claims).toEqual(expected);
    expect(stream.words).toEqual(wordDelta([], [claims.map((c) => c.text)]));
    expect([...stream.quotes]).toEqual([]);
    expect(() => [...stream]).toThrow(/read once/);
  });

  it('are stored from the stream as from a list', () => {
    const doc = docOf(article(120));
    const dir = mkdtempSync(join(tmpdir(), 'bd-sections-'));
    dirs.push(dir);
    const listed = new SqliteBackend(join(dir, 'a.db'));
    const streamed = new SqliteBackend(join(dir, 'b.db'));
    const file = { path: doc.path, key: 'k', docId: doc.id, diagnostics: [] };
    const { claims, quotes } = extractEvidence(doc, topicsOf);
    listed.putFile(file, doc, claims, quotes);
    const stream = new ClaimStream(doc, topicsOf);
    streamed.putFile(file, doc, stream, stream.quotes, { get words() { return stream.words; } });
    expect([...streamed.eachClaim()]).toEqual([...listed.eachClaim()]);
    expect(streamed.wordCounts().claims).toBe(listed.wordCounts().claims);
    expect(streamed.wordCounts().stems(['ga', 'oil', 'export'])).toEqual(listed.wordCounts().stems(['ga', 'oil', 'export']));
    listed.close();
    streamed.close();
  });
});

describe('the stored body of a document', () => {
  it('is its JSON up to a section long', () => {
    const text = article(20);
    const { paragraphs, dropped } = cleanText(text);
    const doc = { id: 'a', text, paragraphs, dropped } as unknown as CorpusDocument;
    expect(documentBody(doc)).toBe(JSON.stringify(doc));
  });

  it('keeps offsets without the text of paragraphs and dropped blocks beyond, and reads back the same', () => {
    let text = article(200);
    while (text.length <= SECTION_CHARS) text += `\n\n${text}`;
    // Blocks as cleaning gives them (exact slices), every tenth one dropped.
    const blocks = [...text.matchAll(/[^\n]+/g)].map((m, i) => ({ index: i + 1, start: m.index!, end: m.index! + m[0].length, text: m[0] }));
    const paragraphs = blocks.filter((_b, i) => i % 10);
    const dropped = blocks.filter((_b, i) => !(i % 10)).map(({ start, end, text }) => ({ start, end, text, reason: 'jusText: few stopwords' }));
    const doc = { id: 'a', title: 'A', text, paragraphs, dropped } as unknown as CorpusDocument;
    const body = documentBody(doc);
    expect(body.length).toBeLessThan(JSON.stringify(doc).length * 0.6);
    expect(JSON.parse(body).paragraphs[0].text).toBe(paragraphs[0].text);
    expect(parseDocument(body)).toEqual(doc);
  });
});
