/**
 * Text → blocks, the unit cleaning classifies (jusText's "paragraphs"). Scraped text puts one
 * paragraph per line; newswire, e-mail, Markdown and PDF text may wrap a paragraph over several
 * lines. A line joins the one before when it continues it: the text is hard-wrapped at a column
 * (most lines end near one width) and the line before was full, and this line is not indented
 * as a new paragraph or marked as a list item or heading; in any text, a line also continues one
 * that ends mid-sentence when it starts in lower case. Every block is an exact slice of the text,
 * so offsets survive cleaning untouched.
 */
export interface Block {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[.!?:;"”’)\]…]$/;

export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  const blocks: Block[] = [];
  const lines: Block[] = [];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > to) nl = to;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    pos = nl + 1;
  }
  const width = wrapWidth(text, lines);
  let current: Block | undefined;
  let previous: Block | undefined;
  for (const line of lines) {
    const prev = previous;
    previous = line;
    if (line.text === '') {
      if (current) blocks.push(current);
      current = undefined;
      continue;
    }
    const wrapped =
      width > 0 && prev && prev.text && lineWidth(text, prev) >= 0.75 * width &&
      indentOf(text, line) <= indentOf(text, prev) && !LIST_OR_HEADING.test(line.text);
    if (current && (wrapped || (!SENTENCE_END.test(current.text) && /^[a-z]/.test(line.text) && current.text.length > 40))) {
      current = { start: current.start, end: line.end, text: text.slice(current.start, line.end) };
      continue;
    }
    if (current) blocks.push(current);
    current = { ...line };
  }
  if (current) blocks.push(current);
  return blocks;
}

const LIST_OR_HEADING = /^(?:[-*•+]\s|\d{1,2}[.)]\s|#{1,6}\s|>)/;

/** Columns from the start of the line to the end of its text. */
function lineWidth(text: string, line: Block): number {
  return line.end - (text.lastIndexOf('\n', line.start - 1) + 1);
}

function indentOf(text: string, line: Block): number {
  return line.start - (text.lastIndexOf('\n', line.start - 1) + 1);
}

/**
 * The column a hard-wrapped text breaks at, or 0 when lines are paragraphs. Wrapped text has
 * many lines, most of them ending within a few characters of one width no wider than a page
 * (about 60–100 columns); a text with a paragraph per line has widths all over the place.
 */
function wrapWidth(text: string, lines: readonly Block[]): number {
  // Lines followed by another of the same paragraph: a paragraph's last line is short by nature
  // (and is followed by a blank or an indented line), and lone lines (titles, datelines) say
  // nothing about wrapping.
  const widths = lines
    .filter((l, i) => l.text && lines[i + 1]?.text && indentOf(text, lines[i + 1]) <= indentOf(text, l))
    .map((l) => lineWidth(text, l))
    .sort((a, b) => a - b);
  if (widths.length < 2) return 0;
  const width = widths[Math.floor(widths.length * 0.9)];
  if (width > 120 || width < 30) return 0;
  const near = widths.filter((w) => w >= 0.75 * width && w <= width + 2).length;
  return near >= widths.length * 0.7 ? width : 0;
}

/** Words as cleaning and the benchmark count them. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu);
  return m ? m.length : 0;
}
