/**
 * Cleaning: decoded text → kept body paragraphs + dropped blocks with the reason for each.
 * Order matters and is the one a reader would use: metadata lines (title, byline, date) first,
 * then the end-of-article marker (related posts, share bars), then the documented boilerplate
 * patterns, then jusText's length/stopword classifier with context smoothing, then exact and
 * near-duplicate paragraphs. Subheadings the classifier keeps stay, as paragraphs of the article.
 * Nothing is rewritten: every kept or dropped block is an exact slice of the text.
 */
import type { DroppedBlock, Paragraph } from '../model.ts';
import { splitBlocks, type Block } from './blocks.ts';
import { findDuplicates } from './dedupe.ts';
import { classifyAlone, isShortProse, JUSTEXT, smooth, type BlockClass } from './justext.ts';
import type { HtmlBlock } from './formats/html.ts';
import { ENGLISH, type LanguageProfile } from './language.ts';
import { readTextMeta, type MetaHints, type TextMeta } from './metadata.ts';
import { END_OF_ARTICLE, matchBoilerplate } from './patterns.ts';

export interface CleanResult {
  paragraphs: Paragraph[];
  dropped: DroppedBlock[];
  meta: TextMeta;
}

export interface CleanOptions {
  /** The document's language: whose stopwords jusText counts. English when not given. */
  language?: LanguageProfile;
  /** What the HTML reader knows of each block (by start offset), and whether Readability found the article. */
  html?: { blocks: readonly HtmlBlock[]; fromReadability: boolean };
  /** Blocks the reader already knows to be page furniture (PDF small type), by start offset, with the reason. */
  asides?: ReadonlyArray<{ start: number; reason: string }>;
}

/**
 * A block of Readability's article that is mostly link text is a list of links (related stories,
 * tags), not prose: more than half of its characters.
 */
const ARTICLE_MAX_LINK_DENSITY = 0.5;

export function cleanText(text: string, from = 0, to = text.length, hints: MetaHints = {}, options: CleanOptions = {}): CleanResult {
  const blocks = splitBlocks(text, from, to);
  const language = options.language ?? ENGLISH;
  const markup = new Map(options.html?.blocks.map((b) => [b.start, b]));
  // Readability already set the page's furniture aside: its blocks are kept unless boilerplate.
  const article = options.html?.fromReadability ? (i: number) => markup.get(blocks[i].start) : () => undefined;
  const meta = readTextMeta(text, blocks, hints);
  const reasons = new Map<number, string>(meta.blockReasons);
  const aside = new Map(options.asides?.map((a) => [a.start, a.reason]));
  blocks.forEach((b, i) => aside.has(b.start) && reasons.set(i, aside.get(b.start)!));

  const span = Math.max(1, to - from);
  const end = blocks.findIndex((b) => (b.start - from) / span > 0.4 && END_OF_ARTICLE.test(b.text));
  if (end !== -1) {
    const marker = blocks[end].text.replace(/\s*:?\s*$/, '');
    for (let i = end; i < blocks.length; i++)
      if (!reasons.has(i)) reasons.set(i, i === end ? 'end-of-article marker' : `after end-of-article marker “${marker}”`);
  }
  blocks.forEach((b, i) => {
    if (reasons.has(i)) return;
    const pattern = matchBoilerplate(b.text);
    if (pattern) reasons.set(i, `boilerplate: ${pattern}`);
  });

  blocks.forEach((_b, i) => {
    const found = article(i);
    if (reasons.has(i) || !found) return;
    if (found.linkDensity > ARTICLE_MAX_LINK_DENSITY) reasons.set(i, 'links: mostly link text (a list of links)');
    else if (found.kind === 'caption') reasons.set(i, 'figure caption or credit');
  });

  // In Readability's article a block is good unless it is a short line that is not a sentence: a
  // list item stays with its list, a heading or label must introduce text like a subheading.
  const alone: BlockClass[] = blocks.map((b, i) => {
    if (reasons.has(i)) return 'bad';
    const found = article(i);
    if (!found) return classifyAlone(b.text, language, markup.get(b.start)?.linkDensity ?? 0);
    return found.kind !== 'item' && b.text.length < JUSTEXT.lengthLow ? 'short' : 'good';
  });
  const prose = blocks.map((b, i) => alone[i] === 'short' && isShortProse(b.text, language));
  const final = smooth(alone, prose);
  // A short line that is not a sentence stays only as a subheading: right before a paragraph of
  // the article. "Leave a comment", "Social share", a lone date among the paragraphs do not.
  const introducesArticleText = (i: number) => i + 1 < blocks.length && article(i + 1) !== undefined && alone[i + 1] === 'good';
  const introducesText = (i: number) =>
    i + 1 < blocks.length && final[i + 1] === 'good' && (alone[i + 1] === 'good' || alone[i + 1] === 'neargood' || prose[i + 1]);
  const body: number[] = [];
  final.forEach((c, i) => {
    if (reasons.has(i)) return;
    if (article(i)) {
      if (alone[i] === 'good' || prose[i] || introducesArticleText(i)) body.push(i);
      else reasons.set(i, 'short line not followed by article text (label, button or list of links)');
    } else if (c === 'bad') {
      reasons.set(
        i,
        alone[i] === 'bad'
          ? 'jusText: few stopwords (menu, list or label)'
          : alone[i] === 'short'
            ? 'jusText: short block among boilerplate'
            : 'jusText: near-good block among boilerplate',
      );
    } else if (alone[i] === 'short' && !prose[i] && !introducesText(i)) {
      reasons.set(i, 'short line not followed by article text (label, button or list of links)');
    } else body.push(i);
  });

  const dupes = findDuplicates(body.map((i) => blocks[i].text));
  const duplicateOf = new Map<number, { of: number; exact: boolean }>();
  for (const d of dupes) duplicateOf.set(body[d.dropped], { of: body[d.of], exact: d.exact });
  const kept = body.filter((i) => !duplicateOf.has(i));
  const paragraphNumber = new Map(kept.map((blockIndex, k) => [blockIndex, k + 1]));
  for (const [i, d] of duplicateOf)
    reasons.set(i, `${d.exact ? 'duplicate' : 'near-duplicate'} of ¶${paragraphNumber.get(d.of) ?? '?'}`);

  const paragraphs: Paragraph[] = kept.map((i, k) => ({ index: k + 1, ...pick(blocks[i]) }));
  return { paragraphs, dropped: mergeDropped(text, blocks, reasons), meta };
}

function pick(b: Block): Omit<Paragraph, 'index'> {
  return { start: b.start, end: b.end, text: b.text };
}

/** Neighbouring dropped blocks with the same reason read better as one entry (a whole menu). */
function mergeDropped(text: string, blocks: readonly Block[], reasons: Map<number, string>): DroppedBlock[] {
  const out: DroppedBlock[] = [];
  let lastIndex = -2;
  blocks.forEach((b, i) => {
    const reason = reasons.get(i);
    if (!reason) return;
    const prev = out[out.length - 1];
    if (prev && lastIndex === i - 1 && prev.reason === reason && !reason.startsWith('metadata: title')) {
      prev.end = b.end;
      prev.text = text.slice(prev.start, b.end);
    } else out.push({ start: b.start, end: b.end, text: b.text, reason });
    lastIndex = i;
  });
  return out;
}
