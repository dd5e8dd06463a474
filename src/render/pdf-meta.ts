/**
 * PDF finishing with pdf-lib: document metadata and an outline (bookmarks) with one entry per
 * slide title. Chromium's own outline follows headings and is unreliable for SVG-wrapped slides,
 * so the outline is written directly: one destination per page. The changes are appended to the
 * printed file (`pdf-update.ts`).
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFNull, type PDFRef } from 'pdf-lib';
import { saveIncrementally } from './pdf-update.ts';

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
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const loadedObjects = pdf.context.largestObjectNumber;
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) pdf.setAuthor(info.author);
  if (info.subject) pdf.setSubject(info.subject);
  if (info.keywords?.length) pdf.setKeywords(info.keywords);
  pdf.setCreator('briefdeck');
  pdf.setProducer('briefdeck (Chromium, pdf-lib)');
  const pages = pdf.getPages();
  const marks = bookmarks.filter((b) => b.page < pages.length);
  if (marks.length) {
    const outlineRef = pdf.context.nextRef();
    const refs: PDFRef[] = marks.map(() => pdf.context.nextRef());
    marks.forEach((mark, i) => {
      const item = pdf.context.obj({
        Title: PDFHexString.fromText(mark.title),
        Parent: outlineRef,
        Dest: [pages[mark.page].ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
      });
      if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < marks.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
      pdf.context.assign(refs[i], item);
    });
    pdf.context.assign(
      outlineRef,
      pdf.context.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: PDFNumber.of(marks.length) }),
    );
    pdf.catalog.set(PDFName.of('Outlines'), outlineRef);
    pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  return saveIncrementally(pdf, bytes, loadedObjects);
}
