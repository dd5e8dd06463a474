/**
 * PDF finishing appends its changes (metadata, outline) to the printed bytes as an incremental
 * update, and falls back to a full save for a file it cannot extend that way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { finishPdf } from '../../src/render/pdf-meta.ts';
import { lastXrefTable } from '../../src/render/pdf-update.ts';

const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-pdf-update-'));

/** A three-page PDF with some text, as a printer would hand it over. */
async function printed(useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const word of ['first', 'second', 'third']) pdf.addPage([960, 540]).drawText(`the ${word} slide`, { x: 50, y: 270, font });
  return pdf.save({ useObjectStreams });
}

function outline(pdf: PDFDocument): string[] {
  const titles: string[] = [];
  let item = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    titles.push((item.lookup(PDFName.of('Title')) as PDFHexString).decodeText());
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return titles;
}

const info = { title: 'Russia – China: «the bear and the dragon»', author: 'Policy unit', subject: 'Briefing', keywords: ['energy'] };
const bookmarks = [
  { title: 'Bottom line', page: 0 },
  { title: 'Énergie & arms', page: 1 },
  { title: 'Sources', page: 2 },
];

describe('finishing a printed PDF', () => {
  it('appends metadata and outline after the untouched printed bytes, readable by poppler and pdf-lib', async () => {
    const raw = await printed(false);
    expect(lastXrefTable(raw)).toBeGreaterThan(0);
    const done = await finishPdf(raw, info, bookmarks);
    expect(Buffer.from(done.subarray(0, raw.length)).equals(Buffer.from(raw))).toBe(true);
    expect(done.length).toBeGreaterThan(raw.length);
    // The update points back at the printed file's own cross-reference table.
    expect(Buffer.from(done.subarray(raw.length)).toString('latin1')).toContain(`/Prev ${lastXrefTable(raw)}`);

    const file = join(tmp, 'incremental.pdf');
    writeFileSync(file, done);
    const pdfinfo = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: 'pipe' });
    expect(pdfinfo).toContain(`Title:           ${info.title}`);
    expect(pdfinfo).toContain('Author:          Policy unit');
    expect(pdfinfo).toMatch(/Pages:\s+3/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('the second slide');

    const reread = await PDFDocument.load(done);
    expect(reread.getTitle()).toBe(info.title);
    expect(reread.getSubject()).toBe('Briefing');
    expect(outline(reread)).toEqual(bookmarks.map((b) => b.title));
    // The document language screen readers choose their voice by.
    expect(String(reread.catalog.lookup(PDFName.of('Lang')))).toBe('(en)');
    // Each entry opens its own page.
    const first = reread.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'), PDFDict);
    expect(String(first.lookup(PDFName.of('Dest')))).toContain(reread.getPage(0).ref.toString());
  });

  it('saves in full a file whose cross-references are a stream', async () => {
    const raw = await printed(true);
    expect(lastXrefTable(raw)).toBeUndefined();
    const done = await finishPdf(raw, info, bookmarks);
    const reread = await PDFDocument.load(done);
    expect(reread.getAuthor()).toBe('Policy unit');
    expect(outline(reread)).toEqual(bookmarks.map((b) => b.title));
  });

  it('finishes an already updated file again, in full, keeping the latest metadata', async () => {
    const once = await finishPdf(await printed(false), info, bookmarks);
    const twice = await finishPdf(once, { ...info, title: 'Second edition' }, bookmarks.slice(0, 1));
    const reread = await PDFDocument.load(twice);
    expect(reread.getTitle()).toBe('Second edition');
    expect(reread.getAuthor()).toBe('Policy unit');
    expect(outline(reread)).toEqual(['Bottom line']);
    expect(reread.getPageCount()).toBe(3);
  });

  it('finds no table in bytes that are not a finished PDF', () => {
    expect(lastXrefTable(new TextEncoder().encode('%PDF-1.4\nnot finished'))).toBeUndefined();
    expect(lastXrefTable(new TextEncoder().encode('startxref\n999999\n%%EOF\n'))).toBeUndefined();
  });
});
