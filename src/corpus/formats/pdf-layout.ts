/**
 * Reading order of a PDF page from its positioned text (pdf.js items): a recursive XY-cut. The
 * page's text boxes are projected on both axes and cut at the widest empty band, horizontal or
 * vertical, then each part is cut again; parts are read top to bottom and left to right. A
 * two-column page is cut first at its gutter (wider than any gap between lines), so each column
 * is read whole before the next, where grouping items by baseline reads across both columns.
 * A title or abstract across the page is cut off above the columns by the blank band under it.
 */

/** One positioned run of text, in PDF user space (y grows upwards; `y` is the baseline). */
export interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Line {
  y: number;
  x: number;
  height: number;
  text: string;
  /** Which leaf of the cut the line belongs to: a new region may be a new column. */
  region: number;
}

/** A gutter between columns is at least this many text heights wide; word spaces are far less. */
const MIN_GUTTER_EMS = 1;
/** A band between lines counts when it is at least this share of a text height. */
const MIN_LINE_GAP_EMS = 0.1;

interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  box: TextBox;
}

const extent = (b: TextBox): Extent => ({ x0: b.x, x1: b.x + Math.max(b.width, 0), y0: b.y - 0.2 * b.height, y1: b.y + 0.8 * b.height, box: b });

/** The widest empty band along one axis, or undefined when the extents overlap throughout. */
function widestGap(items: Extent[], lo: (e: Extent) => number, hi: (e: Extent) => number): { at: number; size: number } | undefined {
  const sorted = [...items].sort((a, b) => lo(a) - lo(b));
  let reach = hi(sorted[0]);
  let best: { at: number; size: number } | undefined;
  for (const e of sorted.slice(1)) {
    const gap = lo(e) - reach;
    if (gap > 0 && (!best || gap > best.size)) best = { at: reach + gap / 2, size: gap };
    reach = Math.max(reach, hi(e));
  }
  return best;
}

function cut(items: Extent[], em: number, leaves: Extent[][]): void {
  if (items.length <= 1) {
    if (items.length) leaves.push(items);
    return;
  }
  const across = widestGap(items, (e) => e.x0, (e) => e.x1);
  const down = widestGap(items, (e) => e.y0, (e) => e.y1);
  const vertical = across && across.size >= MIN_GUTTER_EMS * em ? across : undefined;
  const horizontal = down && down.size >= MIN_LINE_GAP_EMS * em ? down : undefined;
  if (vertical && (!horizontal || vertical.size > horizontal.size)) {
    cut(items.filter((e) => e.x1 <= vertical.at), em, leaves);
    cut(items.filter((e) => e.x1 > vertical.at), em, leaves);
  } else if (horizontal) {
    cut(items.filter((e) => e.y0 >= horizontal.at), em, leaves);
    cut(items.filter((e) => e.y0 < horizontal.at), em, leaves);
  } else leaves.push(items);
}

/** Items on one baseline within a region become a line, left to right. */
function linesOf(items: Extent[], region: number): Line[] {
  const lines: Array<Line & { parts: TextBox[] }> = [];
  for (const { box } of [...items].sort((a, b) => b.box.y - a.box.y || a.box.x - b.box.x)) {
    let line = lines.find((l) => Math.abs(l.y - box.y) < box.height * 0.4);
    if (!line) {
      line = { y: box.y, x: box.x, height: box.height, text: '', region, parts: [] };
      lines.push(line);
    }
    line.parts.push(box);
    line.x = Math.min(line.x, box.x);
  }
  return lines.map(({ parts, ...l }) => {
    // The line's type is that of most of its letters, not of its first run: a footnote mark set
    // high and small at its end ("…mode (WGM)⁴") is met first, top to bottom.
    const byHeight = new Map<number, number>();
    for (const p of parts) byHeight.set(p.height, (byHeight.get(p.height) ?? 0) + p.text.length);
    l.height = [...byHeight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? l.height;
    let text = '';
    let end = -Infinity;
    for (const p of parts.sort((a, b) => a.x - b.x)) {
      // A space where the runs do not touch; runs that abut are one word split by the producer.
      if (text && !/\s$/.test(text) && !/^\s/.test(p.text) && p.x - end > p.height * 0.1) text += ' ';
      text += p.text;
      end = p.x + p.width;
    }
    return { ...l, text: text.replace(/\s+/g, ' ').trim() };
  }).filter((l) => l.text);
}

/** The lines of one page in reading order. */
export function readingOrder(boxes: TextBox[]): Line[] {
  const items = boxes.filter((b) => b.text.trim()).map(extent);
  if (!items.length) return [];
  const heights = items.map((e) => e.box.height).sort((a, b) => a - b);
  const em = heights[Math.floor(heights.length / 2)] || 10;
  const leaves: Extent[][] = [];
  cut(items, em, leaves);
  return leaves.flatMap((leaf, i) => linesOf(leaf, i));
}
