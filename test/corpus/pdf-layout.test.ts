/**
 * PDF reports in reading order: columns read one after the other (XY-cut), a paragraph flowing on
 * into the next column, small type (footnotes, notices) set aside with its reason.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { orderScore, sentencesOf } from '../../bench/pdf-order.ts';
import { readingOrder } from '../../src/corpus/formats/pdf-layout.ts';
import { ingestFile } from '../../src/corpus/read.ts';

const LEFT = [
  'The first column opens the report with a long',
  'paragraph that runs down the page and over into',
  'the second column, where it goes on without a',
];
const RIGHT = ['break and ends with a full stop at last.', 'A new paragraph then starts in the second', 'column and ends here.'];

describe('PDF reading order', () => {
  it('reads two columns one after the other, whatever the baselines', () => {
    const box = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 5, height: 10 });
    const boxes = [
      box('A title across the page', 50, 760),
      ...LEFT.map((t, i) => box(t, 50, 700 - i * 12)),
      ...RIGHT.map((t, i) => box(t, 320, 700 - i * 12)),
    ];
    expect(readingOrder(boxes).map((l) => l.text)).toEqual(['A title across the page', ...LEFT, ...RIGHT]);
  });

  it('joins a paragraph across the column break and sets small type aside', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText('Two columns', { x: 50, y: 740, size: 16, font });
    LEFT.forEach((t, i) => page.drawText(t, { x: 50, y: 700 - i * 13, size: 10, font }));
    RIGHT.forEach((t, i) => page.drawText(t, { x: 320, y: 700 - i * 13, size: 10, font }));
    page.drawText('Copyright 2009 ACM, permission to copy without fee.', { x: 50, y: 80, size: 7, font });
    const { document } = await ingestFile({ path: 'columns.pdf', bytes: await doc.save() });
    const text = document!.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('where it goes on without a break and ends with a full stop at last.');
    expect(document!.dropped.find((d) => d.text.includes('Copyright 2009'))?.reason).toMatch(/^PDF: small type/);
  });

  it("reads the TraceMonkey paper's columns in order, without its copyright box", async () => {
    const { document } = await ingestFile({ path: 'tracemonkey.pdf', bytes: readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdfjs', 'tracemonkey.pdf')) });
    const text = document!.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(
      'JavaScript, for example, is the de facto standard for client-side web programming and is used for the application logic of browser-based productivity applications such as Google Mail, Google Docs and Zimbra Collaboration Suite.',
    );
    expect(text).not.toContain('Permission to make digital or hard copies');
    expect(document!.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic');
  }, 60_000);

  it("reads an analyst's report column by column, a sentence running on into the next column whole, and sets its table aside", async () => {
    const file = join(import.meta.dirname, '..', 'fixtures', 'pdfjs', 'equity-report.pdf');
    const { document } = await ingestFile({ path: 'equity-report.pdf', bytes: readFileSync(file) });
    const text = document!.paragraphs.map((p) => p.text).join('\n');
    // The left column ends mid-sentence; the right one carries it on.
    expect(text).toContain('Our revenue forecasts were subject to small upward pressures due to the guidance and outlook, but changes in earnings forecasts were moderate.');
    const order = ['We reiterate our EUR 8.00 target price', 'A successful year overall', 'Growth and profitability improvement expected in guidance', 'We now expect 2025 revenue to grow by 7%', 'Moderate upside in valuation'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((p) => p >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(document!.dropped.find((d) => d.text.includes('EPS (adj.)'))?.reason).toMatch(/^PDF: small type/);
    // Against pdftotext's own reading: most of its sentences come out whole here, nearly all in its order.
    const reference = sentencesOf(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    const { whole, inOrder } = orderScore(reference, document!.text);
    expect(whole).toBeGreaterThanOrEqual(0.7);
    expect(inOrder).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('reads a line by the type of most of its letters: a footnote mark at its end does not make it small type', () => {
    // (the mark sits higher, so it is met first, top to bottom)
    const lines = readingOrder([
      { text: 'escaping by trapping it into a whispering gallery mode (WGM)', x: 50, y: 231.2, width: 240, height: 10 },
      { text: '4', x: 290, y: 234.5, width: 4, height: 7 },
    ]);
    expect(lines.map((l) => [l.text, l.height])).toEqual([['escaping by trapping it into a whispering gallery mode (WGM)4', 10]]);
  });

  it("reads a journal article's two columns in order, a line ending in a footnote mark kept in its paragraph (elsarticle's specimen)", async () => {
    const file = join(import.meta.dirname, '..', 'fixtures', 'pdf-columns', 'elsarticle-5p.pdf');
    const { document } = await ingestFile({ path: 'elsarticle-5p.pdf', bytes: readFileSync(file) });
    const text = document!.paragraphs.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
    // the introduction's left column, then the right column's paragraph that goes on after it
    const order = ['Although quadrupole excitons (QE) in cuprous oxide crystals are good candidates for BEC', 'due to quadrupole origin of the excitons.', 'Therefore in this work we propose to prevent the polariton escaping by trapping it into a whispering gallery mode', 'We develop a model which demonstrates formation of a strongly localized polariton-like quasi-particle.'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((p) => p >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // against pdftotext's reading, which runs footnotes and equations into its sentences
    const reference = sentencesOf(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    const { whole, inOrder } = orderScore(reference, document!.text);
    expect(whole).toBeGreaterThanOrEqual(0.65);
    expect(inOrder).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('measures sentences found whole and in order', () => {
    const reference = sentencesOf('One two three four five six seven eight. Nine ten eleven twelve thirteen four-\nteen fifteen sixteen. Short one.');
    expect(reference).toEqual(['One two three four five six seven eight.', 'Nine ten eleven twelve thirteen fourteen fifteen sixteen.']);
    expect(orderScore(reference, 'Nine ten eleven twelve thirteen fourteen fifteen sixteen. One two three four five six seven eight.')).toEqual({ sentences: 2, whole: 1, inOrder: 0 });
  });
});
