/**
 * Title, authors, date and publisher, read from the text itself the way a person reads a scraped
 * page: the title is the first headline-like line, the byline a bare name near it, the date line
 * the first complete date in the header, the publisher the site named beside that date or in the
 * footer. A republication notice ("republished from The Conversation") and an author bio ("X is a
 * lecturer in…") override the republisher's byline: the real author and original publisher win.
 * The blocks used as metadata are reported so cleaning drops them with that reason.
 */
import type { Block } from './blocks.ts';
import { findDate } from './dates.ts';
import { stopwordDensity } from './justext.ts';
import { matchBoilerplate } from './patterns.ts';

export interface MetaHints {
  title?: string;
  authors?: string[];
  date?: string;
  publisher?: string;
  url?: string;
}

export interface TextMeta {
  title?: string;
  authors: string[];
  date?: string;
  publisher?: string;
  originalPublisher?: string;
  republishedBy?: string;
  /** Block index → why it is metadata, not body. */
  blockReasons: Map<number, string>;
}

const NAME_WORD = /^(\p{Lu}[\p{Ll}'’.-]+|\p{Lu}\.|de|da|di|van|von|der|bin|al|la|le)$/u;
const BYLINE = /^(?:by|di|von|par|written by)\s+(.+)$/i;
const AUTHORS_HEADING = /^(authors?|autori|autore|about the authors?)\s*:?$/i;
const BIO = /^(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3}) (?:is|was) (?:a|an|the)\b/u;
const REPUBLISHED = /\b(?:[Rr]epublished|[Rr]eprinted|[Rr]eproduced|[Oo]riginally published|[Oo]riginally appeared)\s+(?:from|in|on|by|with)\s+((?:[Tt]he\s+)?[\p{L}&.'’-]+(?:\s+[\p{Lu}][\p{L}&.'’-]*){0,4})/u;
const FOOTER_ORG = /^(\p{Lu}{2,10})\s+\(([^)]{6,120})\)/u;
const READ_TIME = /\s*\d+\s*min(?:ute)?s?\s+read\s*$/i;

/**
 * `text` without a reading time at its end ("4 min read"). The expression is tried only on a text
 * that ends in "read" (after white space, as `\s` and `trimEnd` both count it): run on every block
 * of every document, it looked for a figure at every place of every paragraph.
 */
function withoutReadTime(text: string): string {
  const end = text.trimEnd();
  return end.length >= 4 && end.slice(-4).toLowerCase() === 'read' ? text.replace(READ_TIME, '') : text;
}

/** "Omar Adan", "Marcin Kaczmarski", "Jean-Luc de Vries": a bare personal name. */
export function isNameLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (text === text.toUpperCase()) return false;
  return words.every((w) => NAME_WORD.test(w)) && /^\p{Lu}/u.test(words[words.length - 1]);
}

export function titleCase(phrase: string): string {
  return phrase.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
}

function splitNames(s: string): string[] {
  return s
    .split(/\s*(?:,|\band\b|&|;)\s*/)
    .map((n) => n.trim())
    .filter((n) => isNameLike(n));
}

/** The blocks before the article body starts: title, byline, date line, site furniture. */
function headerEnd(blocks: readonly Block[]): number {
  const i = blocks.findIndex((b) => b.text.length >= 150 && stopwordDensity(b.text) >= 0.3);
  return i === -1 ? Math.min(blocks.length, 8) : i;
}

/** `atStart`: the blocks open the document (else a later section of it, which has no header). */
export function readTextMeta(text: string, blocks: readonly Block[], hints: MetaHints = {}, atStart = true): TextMeta {
  const reasons = new Map<number, string>();
  const header = atStart ? headerEnd(blocks) : 0;
  const meta: TextMeta = { authors: [], blockReasons: reasons };
  let site: string | undefined;

  // Date line: the first header block holding a complete date; words before it name the site.
  for (let i = 0; i < header && !meta.date; i++) {
    const b = blocks[i];
    if (b.text.split(/\s+/).length > 10) continue;
    const found = findDate(b.text);
    if (!found) continue;
    meta.date = found.iso;
    reasons.set(i, 'metadata: date line');
    const before = b.text.slice(0, found.index).trim();
    // A label before the date ("Datum:", "Published:") names no site.
    if (before && before.split(/\s+/).length <= 5 && /^\p{Lu}/u.test(before) && !/[:|–—-]$/.test(before)) site = before;
  }

  // Title: the given one (front-matter, HTML), else the first headline-like header block.
  if (hints.title) meta.title = hints.title.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < Math.max(header, atStart ? 1 : 0) && !meta.title; i++) {
    const t = blocks[i]?.text ?? '';
    const words = t.split(/\s+/).length;
    // A wire title may open with a tag in brackets, "(RPT) U.S. SAYS TIN DISPOSALS…", or with a
    // company's name in angle brackets, "<HOECHST AG> COMPLETES CELANESE <CZ> ACQUISITION".
    if (reasons.has(i) || words < 3 || words > 30 || !/^(?:\(\p{Lu}[^()]{0,12}\)\s*|<\p{Lu}[^<>]{0,40}>\s*)?[\p{Lu}"“‘']/u.test(t) || isNameLike(t)) continue;
    if (/^[•·▪►»›]/.test(t)) continue;
    meta.title = withoutReadTime(t).replace(/\s+/g, ' ').trim();
    reasons.set(i, 'metadata: title');
  }
  const titleKey = meta.title?.toLowerCase();
  blocks.forEach((b, i) => {
    const key = withoutReadTime(b.text).replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (!reasons.has(i) && titleKey && key === titleKey)
      reasons.set(i, [...reasons.values()].includes('metadata: title') ? 'metadata: title (repeated)' : 'metadata: title');
  });

  // Byline: "By X" or a bare name in the header; an "Authors" heading names the people after it.
  const bylineAuthors: string[] = [];
  for (let i = 0; i < header; i++) {
    if (reasons.has(i)) continue;
    const t = blocks[i].text;
    const by = BYLINE.exec(t);
    if (matchBoilerplate(t)) continue;
    const names = by ? splitNames(by[1]) : isNameLike(t) ? [t] : [];
    if (names.length) {
      bylineAuthors.push(...names);
      reasons.set(i, 'metadata: byline');
    }
  }
  blocks.forEach((b, i) => {
    if (!AUTHORS_HEADING.test(b.text)) return;
    reasons.set(i, 'metadata: authors heading');
    for (let j = i + 1; j < blocks.length && isNameLike(blocks[j].text); j++) {
      if (!bylineAuthors.includes(blocks[j].text)) bylineAuthors.push(blocks[j].text);
      reasons.set(j, 'metadata: byline');
    }
  });

  // Republication notice and author bio: the original publisher and the real author.
  const bioAuthors: string[] = [];
  for (const b of blocks) {
    const rep = REPUBLISHED.exec(b.text);
    if (rep && !meta.originalPublisher) meta.originalPublisher = titleCase(rep[1].replace(/[.,]$/, ''));
    const bio = b.text.length < 300 ? BIO.exec(b.text) : null;
    if (bio && isNameLike(bio[1]) && /\b(lecturer|professor|fellow|researcher|director|analyst|editor|journalist|correspondent|writer|author|scholar|expert|student|candidate|head)\b/i.test(b.text))
      bioAuthors.push(bio[1]);
  }
  meta.authors = meta.originalPublisher && bioAuthors.length ? bioAuthors : [...new Set([...bylineAuthors, ...bioAuthors])];

  // Footer organisation: "ISPI (Istituto per gli Studi di Politica Internazionale) - …".
  let footerOrg: string | undefined;
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 12) && !footerOrg; i--) {
    const m = FOOTER_ORG.exec(blocks[i].text);
    if (m) footerOrg = m[1];
  }
  meta.publisher = meta.originalPublisher ?? site ?? footerOrg;
  if (meta.originalPublisher && site && site !== meta.originalPublisher) meta.republishedBy = site;

  // Hints (front-matter, HTML meta tags) beat what the text suggests; the sidecar comes later.
  if (hints.title) meta.title = hints.title;
  if (hints.authors?.length) meta.authors = hints.authors;
  if (hints.date) meta.date = hints.date;
  if (hints.publisher) meta.publisher = hints.publisher;
  return meta;
}
