/**
 * What the printed formats ask of a browser: a whole HTML document in, a finished PDF out. The
 * PDF deck and the handout describe their documents and PDF settings as plain `PrintJob`s; a
 * `Printer` (the run's `BrowserSession`) prints them. Renderers never touch a browser page.
 */
import type { Page, PDFOptions } from 'puppeteer';
import { finishPdf, type PdfBookmark, type PdfInfo } from './pdf-meta.ts';

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

/** Prints `job` on `page`, once its fonts are ready; the raw PDF, before `finishPrint`. */
export async function printOnPage(page: Page, job: PrintJob, accepted?: () => void): Promise<Uint8Array> {
  const loading = page.setContent(job.html, { waitUntil: 'load' });
  accepted?.();
  await loading;
  await page.evaluate(() => document.fonts.ready);
  return page.pdf(job.pdf);
}

/** The raw PDF with the job's metadata and outline. */
export function finishPrint(raw: Uint8Array, job: PrintJob): Promise<Uint8Array> {
  return finishPdf(raw, job.info, job.bookmarks);
}
