/**
 * What the printed formats ask of a browser: a whole HTML document in, a finished PDF out. The
 * PDF deck and the handout describe their documents and PDF settings as plain `PrintJob`s; a
 * `Printer` (the run's `BrowserSession`) prints them. Renderers never touch a browser page.
 */
import type { Page, PDFOptions } from 'puppeteer-core';
import type { PdfBookmark, PdfInfo } from './pdf-meta.ts';

/** One document to print, as plain data. */
export interface PrintJob {
  /** Names the job in errors: "PDF of energy". */
  name: string;
  /** A complete document; it replaces whatever the page held before. */
  html: string;
  pdf: PDFOptions;
  /** Metadata and outline written into the printed file. */
  info: PdfInfo;
  bookmarks: PdfBookmark[];
}

export interface Printer {
  /** `accepted` is called once the document is on its way to a page (the browser is working). */
  print(job: PrintJob, accepted?: () => void): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Prints `job` on `page`, once its fonts are ready; the raw PDF, before `finishPrint`. A face
 * starts loading only when laid-out text needs it, and `document.fonts.ready` asked before the
 * page is laid out answers at once: on a busy machine the print could then catch text whose face
 * (a `local()` face, or the one a script such as Chinese falls back to) was still loading, and
 * print it blank. So the page is laid out first, then its fonts awaited until none is loading.
 */
export async function printOnPage(page: Page, job: PrintJob, accepted?: () => void): Promise<Uint8Array> {
  const loading = page.setContent(job.html, { waitUntil: 'load' });
  // What finishes the PDF loads while the browser lays out and prints it.
  finisher().catch(() => {});
  accepted?.();
  await loading;
  await page.evaluate(async () => {
    for (let round = 0; round < 5; round++) {
      void document.body.getBoundingClientRect();
      await document.fonts.ready;
      if (document.fonts.status === 'loaded') break;
    }
  });
  return page.pdf(job.pdf);
}

/** The raw PDF with the job's metadata and outline. */
export async function finishPrint(raw: Uint8Array, job: PrintJob): Promise<Uint8Array> {
  const { finishPdf } = await finisher();
  return finishPdf(raw, job.info, job.bookmarks);
}

/** pdf-lib (a seventh of the code a build loads), read once a document goes to the browser, not before the browser starts. */
function finisher(): Promise<typeof import('./pdf-meta.ts')> {
  return import('./pdf-meta.ts');
}
