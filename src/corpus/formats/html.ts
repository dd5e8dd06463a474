/**
 * HTML: the main content through Mozilla's Readability on a linkedom DOM (no browser), then one
 * block per paragraph, heading, list item or hand-broken line, each with what the markup tells
 * (its kind, its share of link text). The whole page is read the same way, for cleaning to fall
 * back on when Readability finds nothing or too little. The document text is the extracted text:
 * offsets point into it, since markup has no place in a claim. Readability's byline, site name
 * and published time become metadata hints.
 */
import type { MetaHints } from '../metadata.ts';
import { normalizeDate } from '../dates.ts';

/** What the markup says of one block of the text, which plain text cannot tell. */
export interface HtmlBlock {
  /** Offset of the block in `text`. */
  start: number;
  kind: 'heading' | 'item' | 'caption' | 'text';
  /** Share of the block's characters inside links (jusText's link density). */
  linkDensity: number;
}

export interface HtmlContent {
  text: string;
  hints: MetaHints;
  blocks: HtmlBlock[];
  /**
   * True when Readability found the article: its blocks are then kept unless they are
   * boilerplate, since Readability already set the page's furniture aside.
   */
  fromReadability: boolean;
  /** The whole page's text, when Readability found an article: the reading to fall back on. */
  page?: { text: string; blocks: HtmlBlock[] };
}

const BLOCK_TAGS = new Set(
  'address article aside blockquote caption dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'button', 'select', 'option']);

/**
 * linkedom builds an empty document when anything (a server's PHP warning, a stray byte) comes
 * before `<!doctype>` or `<html>`; a browser shows that text and reads on. The page is read from
 * its document start instead, so the article is not lost to a line of server noise.
 */
function fromDocumentStart(html: string): string {
  const start = html.search(/<!doctype\s|<html[\s>]/i);
  return start > 0 && !/<body[\s>]/i.test(html.slice(0, start)) ? html.slice(start) : html;
}

export async function readHtml(source: string): Promise<HtmlContent> {
  const html = fromDocumentStart(source);
  const { parseHTML } = await import('linkedom');
  const { Readability } = await import('@mozilla/readability');
  const { document } = parseHTML(html);
  const metaContent = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? undefined;
  const hints: MetaHints = {};
  const ogTitle = metaContent('meta[property="og:title"]');
  const published = metaContent('meta[property="article:published_time"]') ?? metaContent('meta[name="date"]');
  const author = metaContent('meta[name="author"]');
  const site = metaContent('meta[property="og:site_name"]');
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const title = article?.title || ogTitle || document.querySelector('title')?.textContent || undefined;
  if (title) hints.title = title.trim();
  const byline = (article?.byline || author || '').replace(/^\s*by\s+/i, '').trim();
  if (byline) hints.authors = byline.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  const date = normalizeDate(article?.publishedTime ?? published);
  if (date) hints.date = date;
  const publisher = article?.siteName || site;
  if (publisher) hints.publisher = publisher;

  // Readability takes the document apart as it searches: the whole page is read again from its
  // source, so cleaning can judge it block by block where Readability found little or nothing.
  const page = textOf(parseHTML(html).document.body, hints.title);
  if (!article?.content) return { ...page, hints, fromReadability: false };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  return { ...textOf(content.body, hints.title), hints, fromReadability: true, page };
}

/** The text of a DOM subtree, one block a paragraph, after the title; blocks keep their offsets. */
function textOf(root: DomNode | null | undefined, title: string | undefined): { text: string; blocks: HtmlBlock[] } {
  let text = title ? `${title}\n\n` : '';
  const blocks: HtmlBlock[] = [];
  for (const part of blockTexts(root)) {
    const t = flat(part.text);
    if (!t) continue;
    blocks.push({ start: text.length, kind: part.kind, linkDensity: Math.min(1, flat(part.linked).length / t.length) });
    text += `${t}\n\n`;
  }
  return { text: text.replace(/\n\n$/, '\n'), blocks };
}

interface Part {
  text: string;
  linked: string;
  kind: HtmlBlock['kind'];
}

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/**
 * The page's text as a reader sees it: a block element (or a line break) starts a new block, and
 * inline text, wherever it sits, joins the block it is in; text inside links is counted apart.
 */
function blockTexts(root: DomNode | null | undefined): Part[] {
  const parts: Part[] = [];
  let current: Part = { text: '', linked: '', kind: 'text' };
  const flush = (kind: Part['kind']) => {
    if (current.text.trim()) parts.push(current);
    current = { text: '', linked: '', kind };
  };
  const walk = (node: DomNode, kind: Part['kind'], inLink: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        current.text += child.textContent ?? '';
        if (inLink) current.linked += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toLowerCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === 'br') {
        // Lines broken by hand (a list, a recipe, verse, an address) are items of one block.
        if (current.kind === 'text') current.kind = 'item';
        flush(kind === 'text' ? 'item' : kind);
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        const inner: Part['kind'] = /^h[1-6]$/.test(tag)
          ? 'heading'
          : tag === 'li' || tag === 'dt' || tag === 'dd'
            ? 'item'
            : tag === 'figcaption' || tag === 'caption'
              ? 'caption'
              : kind;
        flush(inner);
        walk(child, inner, inLink);
        flush(kind);
      } else walk(child, kind, inLink || tag === 'a');
    }
  };
  if (root) walk(root, 'text', false);
  flush('text');
  return parts;
}

const flat = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
