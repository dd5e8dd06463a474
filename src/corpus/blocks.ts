/**
 * Text → blocks, the unit cleaning classifies (jusText's "paragraphs"). Scraped text puts one
 * paragraph per line, Markdown and PDF text may wrap a paragraph over several lines: a line joins
 * the next one only when it does not end a sentence and the next starts in lower case (a hard
 * wrap). Every block is an exact slice of the text, so offsets survive cleaning untouched.
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
  let current: Block | undefined;
  for (const line of lines) {
    if (line.text === '') {
      if (current) blocks.push(current);
      current = undefined;
      continue;
    }
    if (current && !SENTENCE_END.test(current.text) && /^[a-z]/.test(line.text) && current.text.length > 40) {
      current = { start: current.start, end: line.end, text: text.slice(current.start, line.end) };
      continue;
    }
    if (current) blocks.push(current);
    current = { ...line };
  }
  if (current) blocks.push(current);
  return blocks;
}

/** Words as cleaning and the benchmark count them. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu);
  return m ? m.length : 0;
}
