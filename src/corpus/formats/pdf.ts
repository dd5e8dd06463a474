/**
 * PDF reports: the text layer through pdfjs-dist. Text items become lines (same baseline), lines
 * become paragraphs (a vertical gap wider than the usual line spacing, or a short line ending a
 * sentence, closes a paragraph; a hyphen at a line end is joined). Running headers and footers —
 * a line at the top or bottom of most pages, digits aside — and bare page numbers are dropped
 * before the text exists, so no offset ever points at them. The document text is the rebuilt text.
 */
import type { MetaHints } from '../metadata.ts';
import { normalizeDate } from '../dates.ts';

interface Line {
  y: number;
  x: number;
  height: number;
  text: string;
}

export interface PdfContent {
  text: string;
  hints: MetaHints;
  pages: number;
  /** The file's creation date: used only when the text states none. */
  fallbackDate?: string;
}

const PAGE_NUMBER = /^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const shape = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

async function pageLines(page: { getTextContent(): Promise<{ items: unknown[] }> }): Promise<Line[]> {
  const content = await page.getTextContent();
  const lines: Line[] = [];
  for (const raw of content.items) {
    const item = raw as { str?: string; transform?: number[]; height?: number };
    if (typeof item.str !== 'string' || !item.transform) continue;
    const y = item.transform[5];
    const x = item.transform[4];
    const h = item.height || Math.abs(item.transform[3]) || 10;
    let line = lines.find((l) => Math.abs(l.y - y) < h * 0.4);
    if (!line) {
      line = { y, x, height: h, text: '' };
      lines.push(line);
    }
    if (item.str) line.text += (line.text && !/\s$/.test(line.text) && !/^\s/.test(item.str) && x > line.x ? ' ' : '') + item.str;
    line.x = Math.min(line.x, x);
  }
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text)
    .sort((a, b) => b.y - a.y || a.x - b.x);
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

export function paragraphsFromLines(pages: Line[][]): string[] {
  const running = runningLines(pages);
  const paragraphs: string[] = [];
  let current = '';
  let widest = 0;
  for (const lines of pages) for (const l of lines) widest = Math.max(widest, l.text.length);
  for (const lines of pages) {
    const body = lines.filter((l, i) => {
      const atEdge = i < 2 || i >= lines.length - 2;
      return !(atEdge && running.has(shape(l.text))) && !PAGE_NUMBER.test(l.text);
    });
    const gaps = body.slice(1).map((l, i) => body[i].y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
    const usual = gaps[Math.floor(gaps.length / 2)] ?? 14;
    body.forEach((l, i) => {
      const gap = i > 0 ? body[i - 1].y - l.y : 0;
      if (current && (gap > usual * 1.4 || gap < 0)) {
        paragraphs.push(current);
        current = '';
      }
      current = !current ? l.text : current.endsWith('-') && /^\p{Ll}/u.test(l.text) ? current.slice(0, -1) + l.text : `${current} ${l.text}`;
      if (/[.!?:”"]$/.test(l.text) && l.text.length < widest * 0.7) {
        paragraphs.push(current);
        current = '';
      }
    });
    // A paragraph may run over the page break: keep `current` open.
  }
  if (current) paragraphs.push(current);
  return paragraphs;
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
    const paragraphs = paragraphsFromLines(pages);
    return { text: paragraphs.join("\n\n") + "\n", hints, pages: pdf.numPages, fallbackDate };
  } finally {
    await pdf.destroy();
  }
}
