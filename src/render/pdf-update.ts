/**
 * Saves pdf-lib's changes to a Chromium PDF as an incremental update (PDF 32000-1 §7.5.6): the
 * printed bytes stay as they are and the changed and new objects follow them, with a
 * cross-reference section of their own. A full `save()` re-serialises every object and deflates
 * object streams in JavaScript; appending a dozen small dictionaries costs next to nothing.
 *
 * Only the classic cross-reference table Chromium writes is extended this way; a file whose last
 * cross-reference section is a stream (or cannot be found) is saved in full by pdf-lib.
 */
import { PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

/** PDF syntax is bytes: pdf-lib's objects print one character per byte. */
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** Offset of the file's last cross-reference section, when it is a classic `xref` table. */
export function lastXrefTable(bytes: Uint8Array): number | undefined {
  const text = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  const found = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text(Math.max(0, bytes.length - 1024), bytes.length));
  const offset = found ? Number(found[1]) : -1;
  return offset >= 0 && text(offset, offset + 4) === 'xref' ? offset : undefined;
}

/**
 * `bytes` (the file `pdf` was loaded from, whose objects numbered up to `loadedObjects` existed
 * then) with pdf-lib's changes appended: the catalog, the document information dictionary,
 * the catalog's viewer preferences, and every object registered since loading.
 */
export async function saveIncrementally(pdf: PDFDocument, bytes: Uint8Array, loadedObjects: number): Promise<Uint8Array> {
  const prev = lastXrefTable(bytes);
  if (prev === undefined) return pdf.save();
  const { context } = pdf;
  const { Root, Info, ID } = context.trailerInfo;
  const changed = new Map<number, PDFRef>();
  for (const ref of [Root, Info, pdf.catalog.get(PDFName.of('ViewerPreferences'))])
    if (ref instanceof PDFRef) changed.set(ref.objectNumber, ref);
  for (const [ref] of context.enumerateIndirectObjects())
    if (ref.objectNumber > loadedObjects) changed.set(ref.objectNumber, ref);

  const parts: string[] = [bytes[bytes.length - 1] === 0x0a ? '' : '\n'];
  let offset = bytes.length + parts[0].length;
  const offsets = new Map<number, number>();
  for (const ref of [...changed.values()].sort((a, b) => a.objectNumber - b.objectNumber)) {
    const text = `${ref.objectNumber} ${ref.generationNumber} obj\n${context.lookup(ref)!.toString()}\nendobj\n`;
    offsets.set(ref.objectNumber, offset);
    parts.push(text);
    offset += latin1(text).length;
  }
  const xref = offset;
  parts.push('xref\n');
  // One subsection per run of consecutive object numbers; every entry is exactly 20 bytes.
  const numbers = [...offsets.keys()];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    parts.push(`${numbers[i]} ${j - i + 1}\n`);
    for (let k = i; k <= j; k++) {
      const gen = changed.get(numbers[k])!.generationNumber;
      parts.push(`${String(offsets.get(numbers[k])).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`);
    }
    i = j + 1;
  }
  const trailer = context.obj({ Size: context.largestObjectNumber + 1, Root, Info, Prev: prev }) as PDFDict;
  if (ID) trailer.set(PDFName.of('ID'), ID);
  parts.push(`trailer\n${trailer.toString()}\nstartxref\n${xref}\n%%EOF\n`);
  const appended = latin1(parts.join(''));
  const out = new Uint8Array(bytes.length + appended.length);
  out.set(bytes, 0);
  out.set(appended, bytes.length);
  return out;
}
