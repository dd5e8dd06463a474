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
  /**
   * What in the markup marks the block as page furniture, when something does: an element made
   * for it (`<nav>`, `<aside>`, `<footer>`), a landmark role, or a class or id of a well-known
   * kind of box (share bar, sidebar, comments, related stories, newsletter, cookie notice…).
   */
  furniture?: string;
  /**
   * A block of the page between the article's title and the start of Readability's article
   * (standfirst, dateline, byline), read with the article but kept only when it reads as prose.
   */
  lead?: boolean;
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
const SKIPPED = new Set(['script', 'style', 'template', 'svg', 'iframe', 'head', 'button', 'select', 'option', 'textarea']);

/** Elements HTML made for page furniture, as a reason. */
const FURNITURE_TAGS: Record<string, string> = { nav: '<nav>', aside: '<aside>', footer: '<footer>' };
/** ARIA landmark and widget roles of page furniture. */
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'dialog', 'alertdialog']);
/**
 * Words of class names and ids that name a kind of page furniture, as web pages commonly spell
 * them (one word of the name: "share" in `entry-share-bar`, "comments" in `commentsList`).
 * Not "widget": page builders (Elementor, WPBakery) call every block of the article one.
 */
const FURNITURE_WORDS =
  /^(?:nav|navbar|navigation|subnav|menu|menubar|breadcrumbs?|pagination|pager|footer|sidebar|banner|share|shares|sharing|sharebar|sharedaddy|sharethis|social|sociable|related|recommended|recommendations|popular|trending|newsletter|subscribe|subscription|signup|cookies?|consent|gdpr|comments?|respond|replies|disqus|advert|advertisement|advertising|ads|adsense|sponsor|sponsored|promo|promotion|outbrain|taboola|author|authors|byline|bio|tags|tagcloud|taglist|meta|caption|credits?|popup|modal|overlay|lightbox|rating|toolbar|print)$/;
/** A box holding more than this share of the whole text is a wrapper of the page, whatever its name. */
const WRAPPER_SHARE = 0.5;
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
  showNoscript(document as unknown as DomParent);
  markFurniture(document as unknown as DomNode);
  const article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: true }).parse();
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
  // The whole document, not its body alone: on malformed pages (no `<html>` tag, a second
  // `<body>` opened after an empty one) the parser leaves text outside the body.
  const pageParts = blockTexts(parseHTML(html).document as unknown as DomNode);
  const page = textOf(pageParts, hints.title);
  if (!article?.content) return { ...page, hints, fromReadability: false };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const parts = blockTexts(content.body);
  return { ...textOf([...leadOf(pageParts, parts, hints.title), ...parts], hints.title), hints, fromReadability: true, page };
}

/**
 * The page's blocks between the article's title and the first block of Readability's article:
 * the standfirst, dateline and byline a page sets in the article's header, which Readability
 * leaves out when they sit apart from the body. None when the page shows no title heading
 * before the article.
 */
/**
 * How far before the article a top-level heading may sit to be taken for its title: an article's
 * header holds a few blocks (standfirst, byline, date, picture and caption), not a page's worth.
 */
const LEAD_BLOCKS = 12;

function leadOf(page: readonly Part[], article: readonly Part[], title: string | undefined): Part[] {
  if (!title) return [];
  const key = (p: Part) => flat(p.text).toLowerCase();
  const heading = flat(title).toLowerCase();
  const isTitle = (p: Part) => {
    const t = key(p);
    return t.length > 0 && (t === heading || (t.length >= 0.5 * heading.length && heading.includes(t)) || (heading.length >= 0.5 * t.length && t.includes(heading)));
  };
  const first = article.find((p) => !isTitle(p) && key(p).length > 0);
  if (!first) return [];
  const start = page.findIndex((p) => key(p) === key(first));
  if (start <= 0) return [];
  // The article's title: the heading that reads as the page's title, or else the page's last
  // top-level heading before the article, when it is close enough to be the article's own.
  let at = -1;
  for (let i = start - 1; i >= 0 && at === -1; i--) if (page[i].kind === 'heading' && isTitle(page[i])) at = i;
  for (let i = start - 1; i >= Math.max(0, start - 1 - LEAD_BLOCKS) && at === -1; i--) if (page[i].h1) at = i;
  if (at === -1) return [];
  const inArticle = new Set(article.map(key));
  return page.slice(at + 1, start).filter((p) => !inArticle.has(key(p))).map((p) => ({ ...p, lead: true }));
}

type DomParent = { querySelectorAll(sel: string): ArrayLike<DomNode & { replaceWith(...nodes: unknown[]): void }> };

/**
 * Text a page keeps in `<noscript>` is what a reader without scripts sees, often the whole article
 * when the page builds it with a script; Readability drops every `<noscript>`, so one that holds
 * text is unwrapped first (one holding only an image is Readability's to handle).
 */
function showNoscript(document: DomParent): void {
  for (const el of Array.from(document.querySelectorAll('noscript'))) if (flat(el.textContent)) el.replaceWith(...Array.from(el.childNodes));
}

/** The text of blocks, one a paragraph, after the title; blocks keep their offsets. */
function textOf(parts: readonly Part[], title: string | undefined): { text: string; blocks: HtmlBlock[] } {
  let text = title ? `${title}\n\n` : '';
  const blocks: HtmlBlock[] = [];
  for (const part of parts) {
    const t = flat(part.text);
    if (!t) continue;
    blocks.push({
      start: text.length,
      kind: part.kind,
      linkDensity: Math.min(1, flat(part.linked).length / t.length),
      ...(part.furniture ? { furniture: part.furniture } : {}),
      ...(part.lead ? { lead: true } : {}),
    });
    text += `${t}\n\n`;
  }
  return { text: text.replace(/\n\n$/, '\n'), blocks };
}

interface Part {
  text: string;
  linked: string;
  kind: HtmlBlock['kind'];
  furniture?: string;
  lead?: boolean;
  /** The block is an `<h1>`: the page's title heading, most often. */
  h1?: boolean;
}

type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
  hasAttribute?: (name: string) => boolean;
  setAttribute?: (name: string, value: string) => void;
};

/** Attribute that carries a furniture reason through Readability, which drops the boxes' classes. */
const FURNITURE_MARK = 'data-briefdeck-furniture';

/**
 * Marks every element inside page furniture with the reason, before Readability reads the page:
 * Readability keeps data attributes but replaces a box holding one paragraph by that paragraph,
 * and with it the class that named the box.
 */
function markFurniture(root: DomNode): void {
  const lengths = new WeakMap<DomNode, number>();
  const whole = readableLength(root, lengths);
  const mark = (node: DomNode, reason: string | undefined) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toLowerCase();
      if (SKIPPED.has(tag)) continue;
      let inner = reason;
      if (!inner) {
        const found = furnitureOf(child, tag);
        if (found && readableLength(child, lengths) <= WRAPPER_SHARE * whole) inner = found;
      }
      if (inner) child.setAttribute?.(FURNITURE_MARK, inner);
      mark(child, inner);
    }
  };
  mark(root, undefined);
}

/** An element a browser does not show: `hidden`, `aria-hidden`, or an inline style that hides it. */
function isHidden(el: DomNode): boolean {
  if (el.hasAttribute?.('hidden') || el.getAttribute?.('aria-hidden') === 'true') return true;
  const style = el.getAttribute?.('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * Characters of text a reader is shown in a subtree (scripts, styles and the head left out),
 * remembered per element: a page's nested boxes are each measured once.
 */
function readableLength(node: DomNode, known: WeakMap<DomNode, number>): number {
  if (node.nodeType === 3) return node.textContent?.length ?? 0;
  if (node.nodeType !== 1 && node.nodeType !== 9) return 0;
  if (node.nodeType === 1 && SKIPPED.has(node.nodeName.toLowerCase())) return 0;
  const seen = known.get(node);
  if (seen !== undefined) return seen;
  let n = 0;
  for (const c of Array.from(node.childNodes)) n += readableLength(c, known);
  known.set(node, n);
  return n;
}

/** Why the markup says an element is page furniture (see `HtmlBlock.furniture`), or undefined. */
function furnitureOf(el: DomNode, tag: string): string | undefined {
  const marked = el.getAttribute?.(FURNITURE_MARK);
  if (marked) return marked;
  if (FURNITURE_TAGS[tag]) return FURNITURE_TAGS[tag];
  const role = el.getAttribute?.('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return `role "${role}"`;
  for (const attr of ['class', 'id']) {
    const value = el.getAttribute?.(attr);
    if (!value) continue;
    for (const name of value.split(/\s+/)) {
      // A BEM modifier (`--ads`) says how a box looks or what it holds nearby, not what it is.
      const words = name
        .replace(/--.*$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z]+/);
      if (words.some((w) => FURNITURE_WORDS.test(w))) return `${attr} "${name}"`;
    }
  }
  return undefined;
}

/**
 * The page's text as a reader sees it: a block element (or a line break) starts a new block, and
 * inline text, wherever it sits, joins the block it is in; text inside links is counted apart.
 */
function blockTexts(root: DomNode | null | undefined): Part[] {
  const parts: Part[] = [];
  const lengths = new WeakMap<DomNode, number>();
  const whole = root ? readableLength(root, lengths) : 0;
  let furniture: string | undefined;
  // The reason of the nearest box taken for a wrapper: the elements inside it carry its mark too.
  let declined: string | undefined;
  let current: Part = { text: '', linked: '', kind: 'text' };
  const flush = (kind: Part['kind']) => {
    if (current.text.trim()) parts.push(current);
    current = { text: '', linked: '', kind, ...(furniture ? { furniture } : {}) };
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
      if (SKIPPED.has(tag) || isHidden(child)) continue;
      if (tag === 'br') {
        // Lines broken by hand (a list, a recipe, verse, an address) are items of one block.
        if (current.kind === 'text') current.kind = 'item';
        flush(kind === 'text' ? 'item' : kind);
        continue;
      }
      const outer = furniture;
      const outerDeclined = declined;
      if (!furniture) {
        const found = furnitureOf(child, tag);
        if (found && found !== declined) {
          if (readableLength(child, lengths) <= WRAPPER_SHARE * whole) {
            flush(current.kind);
            furniture = found;
            current.furniture = found;
          } else declined = found;
        }
      }
      if (BLOCK_TAGS.has(tag)) {
        const inner: Part['kind'] = /^h[1-6]$/.test(tag)
          ? 'heading'
          : tag === 'li' || tag === 'dt' || tag === 'dd' || tag === 'td' || tag === 'th' || tag === 'pre'
            ? 'item'
            : tag === 'figcaption' || tag === 'caption'
              ? 'caption'
              : kind;
        flush(inner);
        if (tag === 'h1') current.h1 = true;
        walk(child, inner, inLink);
        furniture = outer;
        declined = outerDeclined;
        flush(kind);
      } else {
        walk(child, kind, inLink || tag === 'a');
        declined = outerDeclined;
        if (furniture !== outer) {
          furniture = outer;
          flush(current.kind);
        }
      }
    }
  };
  if (root) walk(root, 'text', false);
  flush('text');
  return parts;
}

const flat = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
