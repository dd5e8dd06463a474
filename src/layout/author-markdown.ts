/**
 * The author's own Markdown (a `markdown` slide), read with markdown-it — the parser Marp uses,
 * with Marp's `breaks` and `linkify` — into plain paragraphs with styled runs. The fitting
 * measures them and splits a long slide between top-level blocks, each block keeping the Markdown
 * source it came from so the Marp formats render exactly the same part; the laid-out slide keeps
 * the paragraphs, which PowerPoint draws as native bullets, numbers, bold/italic runs and links.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import type { AuthorParagraph, AuthorRun } from '../model.ts';

export type { AuthorParagraph, AuthorRun } from '../model.ts';

const parser = new MarkdownIt({ html: false, breaks: true, linkify: true });

/** A top-level unit the slide may be split after: a paragraph, heading, list item, quote, table… */
export interface AuthorBlock {
  /** The Markdown source lines of this block. */
  source: string;
  /** Set for list items: blocks of the same list join without a blank line. */
  list?: number;
  /** For items of an ordered list: the item's number. */
  number?: number;
  paragraphs: AuthorParagraph[];
}

export interface AuthorSlide {
  /** A leading `#`/`##` heading, when the author wrote one; it becomes the slide title. */
  heading?: string;
  blocks: AuthorBlock[];
}

function inlineRuns(token: Token): AuthorRun[] {
  const runs: AuthorRun[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  let pendingBreak = false;
  const push = (text: string, extra: Partial<AuthorRun> = {}) => {
    if (!text) return;
    runs.push({
      text,
      ...(bold ? { bold: true } : {}),
      ...(italic ? { italic: true } : {}),
      ...(href ? { href } : {}),
      ...(pendingBreak ? { breakBefore: true } : {}),
      ...extra,
    });
    pendingBreak = false;
  };
  for (const t of token.children ?? []) {
    switch (t.type) {
      case 'text': push(t.content); break;
      case 'code_inline': push(t.content, { code: true }); break;
      case 'softbreak':
      case 'hardbreak': pendingBreak = true; break;
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italic++; break;
      case 'em_close': italic--; break;
      case 'link_open': {
        const url = t.attrGet('href') ?? '';
        href = /^(https?:|mailto:)/i.test(url) ? url : undefined;
        break;
      }
      case 'link_close': href = undefined; break;
      case 'image': push(t.content); break;
      default: if (t.content) push(t.content);
    }
  }
  return runs;
}

/** Paragraphs of the tokens of one top-level block. */
function paragraphsOf(tokens: Token[]): AuthorParagraph[] {
  const out: AuthorParagraph[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let pendingItem: { role: 'bullet' | 'number'; number?: number } | undefined;
  let heading: number | undefined;
  let quote = 0;
  let row: AuthorRun[] | undefined;
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open': lists.push({ ordered: false, next: 1 }); break;
      case 'ordered_list_open': lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1) }); break;
      case 'bullet_list_close':
      case 'ordered_list_close': lists.pop(); break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        pendingItem = list.ordered ? { role: 'number', number: list.next++ } : { role: 'bullet' };
        break;
      }
      case 'heading_open': heading = Number(t.tag.slice(1)); break;
      case 'heading_close': heading = undefined; break;
      case 'blockquote_open': quote++; break;
      case 'blockquote_close': quote--; break;
      case 'tr_open': row = []; break;
      case 'tr_close':
        if (row?.length) out.push({ role: 'text', depth: 0, runs: row });
        row = undefined;
        break;
      case 'fence':
      case 'code_block':
        out.push({
          role: 'code', depth: Math.max(0, lists.length - 1), inList: lists.length > 0,
          runs: t.content.replace(/\n$/, '').split('\n').map((line, i) => ({ text: line || ' ', code: true, ...(i ? { breakBefore: true } : {}) })),
        });
        break;
      case 'inline': {
        const runs = inlineRuns(t);
        if (row) {
          if (row.length) row.push({ text: '   ' });
          row.push(...runs);
          break;
        }
        const depth = Math.max(0, lists.length - 1);
        if (pendingItem) {
          out.push({ role: pendingItem.role, depth, number: pendingItem.number, runs });
          pendingItem = undefined;
        } else if (heading) out.push({ role: 'heading', level: heading, depth: 0, runs });
        else out.push({ role: quote ? 'quote' : 'text', depth, inList: lists.length > 0, runs });
        break;
      }
    }
  }
  return out;
}

/**
 * Reads a markdown slide into blocks; a leading level-1/2 heading is returned apart as the title
 * unless `takeHeading` is false (a part of a slide already titled keeps its headings).
 */
export function readAuthorMarkdown(markdown: string, takeHeading = true): AuthorSlide {
  const tokens = parser.parse(markdown, {});
  const lines = markdown.split('\n');
  const blocks: AuthorBlock[] = [];
  let heading: string | undefined;
  let list = 0;
  for (let i = 0; i < tokens.length; ) {
    const open = tokens[i];
    if (open.type === 'bullet_list_open' || open.type === 'ordered_list_open') {
      list++;
      const listClose = open.type.replace('_open', '_close');
      let j = i + 1;
      while (!(tokens[j].type === listClose && tokens[j].level === open.level)) {
        const item = tokens[j];
        let k = j + 1;
        while (!(tokens[k].type === 'list_item_close' && tokens[k].level === item.level)) k++;
        // Each item is a block; keep the list open/close around it so numbering and depth read right.
        const slice = [open, ...tokens.slice(j, k + 1)];
        const start = Number(open.attrGet('start') ?? 1) + blocks.filter((b) => b.list === list).length;
        const paragraphs = paragraphsOf(slice).map((p) =>
          p.role === 'number' && p.depth === 0 ? { ...p, number: start } : p);
        blocks.push({ source: sourceOf(lines, item.map), list, ...(open.type === 'ordered_list_open' ? { number: start } : {}), paragraphs });
        j = k + 1;
      }
      i = j + 1;
      continue;
    }
    let j = i;
    if (open.nesting === 1) {
      while (!(tokens[j].nesting === -1 && tokens[j].level === open.level && tokens[j].type === open.type.replace('_open', '_close'))) j++;
    }
    const slice = tokens.slice(i, j + 1);
    if (takeHeading && blocks.length === 0 && heading === undefined && open.type === 'heading_open' && (open.tag === 'h1' || open.tag === 'h2')) {
      heading = inlineRuns(tokens[i + 1]).map((r) => r.text).join(' ').trim();
    } else if (open.type !== 'hr') {
      const paragraphs = paragraphsOf(slice);
      if (paragraphs.length) blocks.push({ source: sourceOf(lines, open.map), paragraphs });
    }
    i = j + 1;
  }
  return { heading, blocks };
}

function sourceOf(lines: string[], map: [number, number] | null): string {
  return map ? lines.slice(map[0], map[1]).join('\n').replace(/\s+$/, '') : '';
}

/**
 * Markdown for a run of blocks. Items of one list join line by line; an ordered list that starts
 * mid-way keeps its numbering because CommonMark starts at the first item's number.
 */
export function joinBlocks(blocks: AuthorBlock[]): string {
  return blocks
    .map((b, i) => {
      const sameList = i > 0 && b.list !== undefined && b.list === blocks[i - 1].list;
      // The first item of a list in this part carries its real number ("1." "1." "1." lists included).
      const source = !sameList && b.number !== undefined ? b.source.replace(/^(\s*)\d+(?=[.)])/, `$1${b.number}`) : b.source;
      return (i === 0 ? '' : sameList ? '\n' : '\n\n') + source;
    })
    .join('');
}

/** The visible text of a paragraph, for measuring. */
export function paragraphText(p: AuthorParagraph): string {
  return p.runs.map((r) => (r.breakBefore ? '\n' : '') + r.text).join('');
}
