/**
 * The few parts of a printed PDF that finishing changes (catalog, document information, the page
 * list the outline points at), and saving those changes.
 *
 * Chromium writes a classic cross-reference table, so its file is read lazily: the table gives
 * each object's offset, and only the trailer, catalog, information dictionary and page tree are
 * parsed (pdf-lib's object parser). The changes are then appended as an incremental update
 * (PDF 32000-1 §7.5.6): the printed bytes stay as they are, the changed and new objects follow
 * with a cross-reference section of their own. Parsing every object and re-serialising the file
 * (deflating object streams in JavaScript) cost far more than the printing it followed.
 *
 * Any other file (cross-reference streams, earlier updates, anything unexpected) is loaded and
 * saved in full by pdf-lib.
 */
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFRef, type PDFObject } from 'pdf-lib';

/** PDF syntax is bytes: pdf-lib's objects print one character per byte. */
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const textAt = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

export interface PdfParts {
  context: PDFContext;
  catalog: PDFDict;
  /** The document information dictionary (created empty when the file has none). */
  info: PDFDict;
  /** Every page, in order. */
  pages: PDFRef[];
  /** The file with the changes made to `catalog`, `info` and new objects registered in `context`. */
  save(): Promise<Uint8Array>;
}

/** Offset of the file's last cross-reference section, when it is a classic `xref` table. */
export function lastXrefTable(bytes: Uint8Array): number | undefined {
  const found = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(textAt(bytes, Math.max(0, bytes.length - 1024), bytes.length));
  const offset = found ? Number(found[1]) : -1;
  return offset >= 0 && textAt(bytes, offset, offset + 4) === 'xref' ? offset : undefined;
}

/** The parts of a printed PDF: read lazily when it can be extended, else by pdf-lib in full. */
export async function openPdf(bytes: Uint8Array): Promise<PdfParts> {
  return readPrinted(bytes) ?? loadWhole(bytes);
}

async function loadWhole(bytes: Uint8Array): Promise<PdfParts> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const existing = pdf.context.lookup(pdf.context.trailerInfo.Info);
  const info = existing instanceof PDFDict ? existing : pdf.context.obj({});
  if (!(existing instanceof PDFDict)) pdf.context.trailerInfo.Info = pdf.context.register(info);
  return { context: pdf.context, catalog: pdf.catalog, info, pages: pdf.getPages().map((p) => p.ref), save: () => pdf.save() };
}

/** Offsets and generations of the objects a classic table lists as in use. */
type Xref = Map<number, { offset: number; gen: number }>;

/** The table at `offset` and the offset of the trailer dictionary after it. */
function readXref(bytes: Uint8Array, offset: number): { xref: Xref; trailerAt: number } | undefined {
  const xref: Xref = new Map();
  let at = offset + 4;
  for (;;) {
    const head = /^\s*(\d+) (\d+)[ \t]*\r?\n/.exec(textAt(bytes, at, at + 40));
    if (!head) break;
    at += head[0].length;
    const [first, count] = [Number(head[1]), Number(head[2])];
    const rows = textAt(bytes, at, at + count * 20);
    for (let i = 0; i < count; i++) {
      const row = /^(\d{10}) (\d{5}) ([nf])/.exec(rows.slice(i * 20, i * 20 + 20));
      if (!row) return undefined;
      if (row[3] === 'n') xref.set(first + i, { offset: Number(row[1]), gen: Number(row[2]) });
    }
    at += count * 20;
  }
  const trailer = /^\s*trailer\s*/.exec(textAt(bytes, at, at + 40));
  return trailer ? { xref, trailerAt: at + trailer[0].length } : undefined;
}

function readPrinted(bytes: Uint8Array): PdfParts | undefined {
  const xrefAt = lastXrefTable(bytes);
  if (xrefAt === undefined) return undefined;
  try {
    const table = readXref(bytes, xrefAt);
    if (!table) return undefined;
    const context = PDFContext.create();
    const parseAt = (at: number) => PDFObjectParser.forBytes(bytes.subarray(at), context).parseObject();
    const trailer = parseAt(table.trailerAt);
    if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Prev'))) return undefined;
    const objects = new Map<number, PDFObject>();
    const resolve = (ref: PDFObject | undefined): PDFObject | undefined => {
      if (!(ref instanceof PDFRef)) return ref;
      const entry = table.xref.get(ref.objectNumber);
      if (!entry) return undefined;
      let found = objects.get(ref.objectNumber);
      if (!found) {
        const head = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(textAt(bytes, entry.offset, entry.offset + 40));
        if (!head || Number(head[1]) !== ref.objectNumber) throw new Error(`object ${ref.objectNumber} is not where the table says`);
        found = parseAt(entry.offset + head[0].length);
        objects.set(ref.objectNumber, found);
      }
      return found;
    };
    const dict = (ref: PDFObject | undefined) => {
      const found = resolve(ref);
      if (!(found instanceof PDFDict)) throw new Error('expected a dictionary');
      return found;
    };
    const rootRef = trailer.get(PDFName.of('Root'));
    if (!(rootRef instanceof PDFRef)) return undefined;
    const catalog = dict(rootRef);
    const pages: PDFRef[] = [];
    const walk = (node: PDFObject | undefined, depth: number): void => {
      const kids = dict(node).get(PDFName.of('Kids'));
      if (!(kids instanceof PDFArray)) {
        // An outline entry points at a page by reference: a page written inline cannot be named.
        if (!(node instanceof PDFRef)) throw new Error('a page that is not an indirect object');
        pages.push(node);
        return;
      }
      if (depth > 32) throw new Error('page tree too deep');
      for (const kid of kids.asArray()) walk(kid, depth + 1);
    };
    walk(catalog.get(PDFName.of('Pages')), 0);
    const declared = trailer.get(PDFName.of('Size'));
    const size = Math.max(declared instanceof PDFNumber ? declared.asNumber() : 0, ...[...table.xref.keys()].map((n) => n + 1));
    context.largestObjectNumber = size - 1;
    let infoRef = trailer.get(PDFName.of('Info'));
    const info = infoRef instanceof PDFRef ? dict(infoRef) : context.obj({});
    if (!(infoRef instanceof PDFRef)) infoRef = context.register(info);
    const changed = (): Map<number, [PDFRef, PDFObject]> => {
      const out = new Map<number, [PDFRef, PDFObject]>();
      out.set(rootRef.objectNumber, [rootRef, catalog]);
      out.set((infoRef as PDFRef).objectNumber, [infoRef as PDFRef, info]);
      for (const [ref, object] of context.enumerateIndirectObjects()) if (ref.objectNumber >= size) out.set(ref.objectNumber, [ref, object]);
      return out;
    };
    const save = async () => {
      const newTrailer = context.obj({ Size: context.largestObjectNumber + 1, Root: rootRef, Info: infoRef as PDFRef, Prev: xrefAt });
      const id = trailer.get(PDFName.of('ID'));
      if (id) newTrailer.set(PDFName.of('ID'), id);
      return appendUpdate(bytes, changed(), newTrailer);
    };
    return { context, catalog, info, pages, save };
  } catch {
    // Not the file this reader expects: pdf-lib reads it in full.
    return undefined;
  }
}

/** `bytes` followed by `objects` (by number), their cross-reference section and `trailer`. */
function appendUpdate(bytes: Uint8Array, objects: Map<number, [PDFRef, PDFObject]>, trailer: PDFDict): Uint8Array {
  const parts: string[] = [bytes[bytes.length - 1] === 0x0a ? '' : '\n'];
  let offset = bytes.length + parts[0].length;
  const numbers = [...objects.keys()].sort((a, b) => a - b);
  const rows = new Map<number, string>();
  for (const n of numbers) {
    const [ref, object] = objects.get(n)!;
    const text = `${n} ${ref.generationNumber} obj\n${object.toString()}\nendobj\n`;
    rows.set(n, `${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n \n`);
    parts.push(text);
    offset += latin1(text).length;
  }
  const xref = offset;
  parts.push('xref\n');
  // One subsection per run of consecutive object numbers; every row is exactly 20 bytes.
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    parts.push(`${numbers[i]} ${j - i + 1}\n`, ...numbers.slice(i, j + 1).map((n) => rows.get(n)!));
    i = j + 1;
  }
  parts.push(`trailer\n${trailer.toString()}\nstartxref\n${xref}\n%%EOF\n`);
  const appended = latin1(parts.join(''));
  const out = new Uint8Array(bytes.length + appended.length);
  out.set(bytes, 0);
  out.set(appended, bytes.length);
  return out;
}
