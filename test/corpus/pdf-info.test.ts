/**
 * A PDF's info dictionary names the document only when its values are a title and an author, not
 * what a producing tool left there (TAMReview.pdf in pdf.js's test files has the author
 * "ARRAY(0x2c7cf020)").
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { infoText } from '../../src/corpus/formats/pdf.ts';
import { ingestFile } from '../../src/corpus/read.ts';

describe('PDF info dictionary', () => {
  it('passes real titles and authors, and sets aside tool leftovers', () => {
    expect(infoText('Trace-based Just-in-Time Type Specialization for Dynamic Languages')).toBe(
      'Trace-based Just-in-Time Type Specialization for Dynamic Languages',
    );
    expect(infoText('  Andreas Gal ')).toBe('Andreas Gal');
    for (const junk of ['ARRAY(0x2c7cf020)', 'HASH(0x55d0c8a1b2c8)', '<object object at 0x7f3a2c1b2d30>', 'Microsoft Word - draft3.doc', 'paper.tex', 'untitled', '1234', '', 42])
      expect(infoText(junk), String(junk)).toBeUndefined();
  });

  it('reads the byline from the text when the Author entry is an object reference', async () => {
    const doc = await PDFDocument.create();
    doc.setAuthor('ARRAY(0x2c7cf020)');
    doc.setTitle('Microsoft Word - review.doc');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([600, 800]);
    const lines = [
      'Grain exports in review',
      '',
      'The ministry will review the harvest figures again in the spring, because the',
      'first estimate was made before the grain had been counted in all of the regions.',
    ];
    lines.forEach((l, i) => page.drawText(l, { x: 50, y: 740 - i * 16, size: 11, font }));
    const { document } = await ingestFile({ path: 'review.pdf', bytes: await doc.save() });
    expect(document!.authors.join(' ')).not.toContain('ARRAY');
    expect(document!.title).not.toContain('Microsoft Word');
  });
});
