/**
 * PDF reports: the text layer through pdfjs-dist, in reading order (columns one after the other,
 * see pdf-layout.ts). Text items become lines (same baseline), lines become paragraphs (a
 * vertical gap wider than the usual line spacing, or a short line ending a
 * sentence, closes a paragraph; a hyphen at a line end is joined; a paragraph flows on into the
 * next column). Small type (footnotes, notices, captions, figure labels) is moved after the text
 * and dropped by cleaning with its reason. Running headers and footers —
 * a line at the top or bottom of most pages, digits aside — and bare page numbers are dropped
 * before the text exists, so no offset ever points at them. The document text is the rebuilt text.
 */
import type { MetaHints } from '../metadata.ts';
import { normalizeDate } from '../dates.ts';
import { readingOrder, type Line, type TextBox } from './pdf-layout.ts';

export interface PdfContent {
  text: string;
  hints: MetaHints;
  pages: number;
  /** Paragraphs of page furniture (by offset) that cleaning drops, with the reason. */
  asides: Array<{ start: number; reason: string }>;
  /** The file's creation date: used only when the text states none. */
  fallbackDate?: string;
}

const PAGE_NUMBER = /^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const shape = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

async function pageLines(page: { getTextContent(): Promise<{ items: unknown[] }> }): Promise<Line[]> {
  const content = await page.getTextContent();
  const boxes: TextBox[] = [];
  for (const raw of content.items) {
    const item = raw as { str?: string; transform?: number[]; height?: number; width?: number };
    if (typeof item.str !== 'string' || !item.transform) continue;
    const height = item.height || Math.abs(item.transform[3]) || 10;
    boxes.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width ?? 0, height });
  }
  return readingOrder(boxes);
}

/** Lines that repeat at the top or bottom edge of at least half the pages. */
function runningLines(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => shape(l.text)));
    for (const s of edge) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const out = new Set<string>();
  if (pages.length < 2) return out;
  for (const [s, n] of counts) if (n >= Math.max(2, pages.length / 2)) out.add(s);
  return out;
}

/** Small type is this much smaller than the body text: footnotes, notices, captions, figure labels. */
const SMALL_TYPE = 0.85;

export interface PdfParagraph {
  text: string;
  /** Set for page furniture moved out of the text's flow: cleaning drops it with this reason. */
  aside?: string;
}

export function paragraphsFromLines(pages: Line[][]): PdfParagraph[] {
  const running = runningLines(pages);
  const paragraphs: PdfParagraph[] = [];
  const asides: PdfParagraph[] = [];
  let current = '';
  const close = () => {
    if (current) paragraphs.push({ text: current });
    current = '';
  };
  // A full line's length: most lines of a column are full; a shorter one ending a sentence ends
  // its paragraph. (The longest line would be a title across two columns.)
  const all = pages.flat();
  const lengths = all.map((l) => l.text.length).sort((a, b) => a - b);
  const widest = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const bodyHeight = typeHeight(all);
  for (const lines of pages) {
    const body = lines.filter((l, i) => {
      const atEdge = i < 2 || i >= lines.length - 2;
      return !(atEdge && running.has(shape(l.text))) && !PAGE_NUMBER.test(l.text);
    });
    // A region set in small type (a footnote, the copyright box under a column, a caption, labels
    // inside a figure) is set aside: the paragraph around it reads on as if it were not there.
    const regions = new Map<number, Line[]>();
    for (const l of body) regions.set(l.region, [...(regions.get(l.region) ?? []), l]);
    const small = new Set([...regions].filter(([, ls]) => typeHeight(ls) < bodyHeight * SMALL_TYPE).map(([r]) => r));
    for (const r of small) asides.push({ text: regions.get(r)!.map((l) => l.text).join(' '), aside: 'PDF: small type (footnote, notice, caption or figure label)' });
    const flow = body.filter((l) => !small.has(l.region));
    const gaps = flow.slice(1).map((l, i) => flow[i].y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
    const usual = gaps[Math.floor(gaps.length / 2)] ?? 14;
    flow.forEach((l, i) => {
      const gap = i > 0 ? flow[i - 1].y - l.y : 0;
      // Up the page is the next column: the paragraph goes on there unless it had ended.
      const flowsOn = gap < 0 && !/[.!?:”"]$/.test(current) && /^\p{Ll}/u.test(l.text);
      if (current && (gap > usual * 1.4 || (gap < 0 && !flowsOn))) close();
      current = !current ? l.text : current.endsWith('-') && /^\p{Ll}/u.test(l.text) ? current.slice(0, -1) + l.text : `${current} ${l.text}`;
      if (/[.!?:”"]$/.test(l.text) && l.text.length < widest * 0.7) close();
    });
    // A paragraph may run over the page break: keep `current` open.
  }
  close();
  return [...paragraphs, ...asides];
}

/** The text height most characters are set in. */
function typeHeight(lines: readonly Line[]): number {
  const byHeight = new Map<number, number>();
  for (const l of lines) byHeight.set(Math.round(l.height * 10) / 10, (byHeight.get(Math.round(l.height * 10) / 10) ?? 0) + l.text.length);
  let best = 0;
  let most = -1;
  for (const [h, n] of byHeight) if (n > most) (best = h), (most = n);
  return best;
}

/**
 * A value of the info dictionary as the producing tool left it, checked before it names the
 * document: tools write a Perl or Python object reference ("ARRAY(0x2c7cf020)"), the source file's
 * name ("Microsoft Word - draft3.doc", "report.tex") or a placeholder ("untitled") as often as a
 * real title or author. Such a value is ignored and the text's own title and byline are used.
 */
export function infoText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!/\p{L}{2}/u.test(text)) return undefined;
  if (/^[\w:.]*\(0x[0-9a-f]+\)$|^<[\w.]+ object at 0x[0-9a-f]+>$/i.test(text)) return undefined;
  if (/^microsoft \w+ - |\.(docx?|rtf|odt|pdf|tex|dvi|ps|indd|qxd|pages|pptx?|xlsx?)$/i.test(text)) return undefined;
  if (/^(untitled|unknown|anonymous|none|null|undefined|title|author|user|admin(istrator)?)$/i.test(text)) return undefined;
  return text;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await pageLines(await pdf.getPage(n)));
    const hints: MetaHints = {};
    const info = ((await pdf.getMetadata()).info ?? {}) as Record<string, unknown>;
    const title = infoText(info.Title);
    if (title) hints.title = title;
    const author = infoText(info.Author);
    if (author) hints.authors = author.split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean);
    const created = typeof info.CreationDate === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(info.CreationDate) : null;
    const fallbackDate = created ? normalizeDate(`${created[1]}-${created[2]}-${created[3]}`) : undefined;
    let text = '';
    const asides: Array<{ start: number; reason: string }> = [];
    for (const p of paragraphsFromLines(pages)) {
      if (p.aside) asides.push({ start: text.length, reason: p.aside });
      text += `${p.text}\n\n`;
    }
    return { text: text.replace(/\n\n$/, '\n'), hints, pages: pdf.numPages, fallbackDate, asides };
  } finally {
    await pdf.destroy();
  }
}
