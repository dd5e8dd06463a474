/**
 * HTML: the main content through Mozilla's Readability on a linkedom DOM (no browser), then one
 * block per paragraph, heading or list item. The document text is that extracted text: offsets
 * point into it, since markup has no place in a claim. Readability's byline, site name and
 * published time become metadata hints.
 */
import type { MetaHints } from '../metadata.ts';
import { normalizeDate } from '../dates.ts';

export interface HtmlContent {
  text: string;
  hints: MetaHints;
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td';

export async function readHtml(html: string): Promise<HtmlContent> {
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

  const contentHtml = article?.content ?? document.body?.innerHTML ?? html;
  const { document: content } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const parts: string[] = [];
  for (const el of Array.from(content.querySelectorAll(BLOCKS))) {
    if (el.querySelector(BLOCKS)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  const text = parts.length ? parts.join('\n\n') : (content.body?.textContent ?? '').trim();
  return { text: (hints.title ? `${hints.title}\n\n` : '') + text + '\n', hints };
}
