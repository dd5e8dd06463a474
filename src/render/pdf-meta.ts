/**
 * PDF finishing: document metadata and an outline (bookmarks) with one entry per slide title.
 * Chromium's own outline follows headings and is unreliable for SVG-wrapped slides, so the
 * outline is written directly: one destination per page. The printed file is read and extended
 * by `pdf-update.ts`.
 */
import { PDFBool, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFString, type PDFRef } from 'pdf-lib';
import { openPdf } from './pdf-update.ts';

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
}

/** An outline entry: a title and the index of the page it opens. */
export interface PdfBookmark {
  title: string;
  page: number;
}

export async function finishPdf(bytes: Uint8Array, info: PdfInfo, bookmarks: readonly PdfBookmark[]): Promise<Uint8Array> {
  const pdf = await openPdf(bytes);
  const { context, catalog, pages } = pdf;
  const fields: Record<string, string | undefined> = {
    Title: info.title,
    Author: info.author,
    Subject: info.subject,
    Keywords: info.keywords?.length ? info.keywords.join(' ') : undefined,
    Creator: 'briefdeck',
    Producer: 'briefdeck (Chromium, pdf-lib)',
  };
  for (const [key, value] of Object.entries(fields)) if (value) pdf.info.set(PDFName.of(key), PDFHexString.fromText(value));
  // Viewers show the title, not the file name, in their window bar.
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  catalog.set(PDFName.of('ViewerPreferences'), prefs);
  // Screen readers pick their voice from the document language (PDF/UA, WCAG 3.1.1); decks are
  // English, as the HTML's lang attribute says.
  if (!catalog.has(PDFName.of('Lang'))) catalog.set(PDFName.of('Lang'), PDFString.of('en'));

  const marks = bookmarks.filter((b) => b.page < pages.length);
  if (marks.length) {
    const outlineRef = context.nextRef();
    const refs: PDFRef[] = marks.map(() => context.nextRef());
    marks.forEach((mark, i) => {
      const item = context.obj({
        Title: PDFHexString.fromText(mark.title),
        Parent: outlineRef,
        Dest: [pages[mark.page], PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
      });
      if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < marks.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
      context.assign(refs[i], item);
    });
    context.assign(outlineRef, context.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: PDFNumber.of(marks.length) }));
    catalog.set(PDFName.of('Outlines'), outlineRef);
    catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  return pdf.save();
}
