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
import { classifyAlone, densityScale, isShortProse, JUSTEXT, smooth, type BlockClass } from './justext.ts';
import type { HtmlBlock } from './formats/html.ts';
import { ENGLISH, type LanguageProfile } from './language.ts';
import { dateAlone, holdsFigure } from './lines.ts';
import { readTextMeta, type MetaHints, type TextMeta } from './metadata.ts';
import { END_OF_ARTICLE, matchBoilerplate, TEASER } from './patterns.ts';
import { SECTION_CHARS, sectionsOf } from './sections.ts';

export interface CleanResult {
  paragraphs: Paragraph[];
  dropped: DroppedBlock[];
  meta: TextMeta;
  /** The end-of-article marker met, without its colon: what follows it is dropped. */
  endMarker?: string;
}

/** One section of a long text (`sections.ts`) cleaned on its own: what it must know of the rest. */
export interface SectionContext {
  /** The first section holds the document's header (title, byline, date line). */
  first: boolean;
  /** Text apart after the article is looked for in the last section. */
  last: boolean;
  /** Paragraphs kept in the sections before: this one's are numbered on from them. */
  paragraphsBefore: number;
  /** The whole text's span: an end-of-article marker counts in its last 60%. */
  whole: { from: number; to: number };
  /** The title read in the first section (a repeat of it is dropped as one). */
  title?: string;
  /** An end-of-article marker an earlier section met: all of this one comes after it. */
  afterMarker?: string;
}

export interface CleanOptions {
  /** The document's language: whose stopwords jusText counts. English when not given. */
  language?: LanguageProfile;
  /** What the HTML reader knows of each block (by start offset), and whether Readability found the article. */
  html?: { blocks: readonly HtmlBlock[]; fromReadability: boolean };
  /** The language of a long paragraph written in another language than the document's, when it can tell. */
  languageOf?: (text: string) => LanguageProfile | undefined;
  /** Blocks the reader already knows to be page furniture (PDF small type), by start offset, with the reason. */
  asides?: ReadonlyArray<{ start: number; reason: string }>;
  /** When the text given is one section of a longer one. */
  section?: SectionContext;
}

/**
 * A block of Readability's article that is mostly link text is a list of links (related stories,
 * tags), not prose: more than half of its characters.
 */
const ARTICLE_MAX_LINK_DENSITY = 0.5;

/** Boilerplate a page sets inside its article as readily as beside it. */
const INSERTS = new Set(['link to another article', 'photo or image credit', 'figure caption', 'advertisement marker'].map((r) => `boilerplate: ${r}`));

export function cleanText(text: string, from = 0, to = text.length, hints: MetaHints = {}, options: CleanOptions = {}): CleanResult {
  const blocks = splitBlocks(text, from, to);
  const language = options.language ?? ENGLISH;
  const markup = new Map(options.html?.blocks.map((b) => [b.start, b]));
  // Readability already set the page's furniture aside: its blocks are kept unless boilerplate.
  const article = options.html?.fromReadability ? (i: number) => markup.get(blocks[i].start) : () => undefined;
  const section = options.section;
  const meta = section && !section.first ? readTextMeta(text, blocks, { ...hints, title: hints.title ?? section.title }, false) : readTextMeta(text, blocks, hints);
  const reasons = new Map<number, string>(meta.blockReasons);
  const aside = new Map(options.asides?.map((a) => [a.start, a.reason]));
  blocks.forEach((b, i) => aside.has(b.start) && reasons.set(i, aside.get(b.start)!));

  blocks.forEach((b, i) => {
    const furniture = markup.get(b.start)?.furniture;
    if (furniture && !reasons.has(i)) reasons.set(i, `markup: page furniture (${furniture})`);
  });

  const whole = section?.whole ?? { from, to };
  const span = Math.max(1, whole.to - whole.from);
  // What jusText makes of each block on its own, worked out once, when first asked.
  const scale = densityScale(
    blocks.map((b) => b.text),
    language,
  );
  const classes: Array<BlockClass | undefined> = [];
  const plain = (i: number) =>
    (classes[i] ??= classifyAlone(blocks[i].text, language, markup.get(blocks[i].start)?.linkDensity ?? 0, scale, options.languageOf));
  let endMarker: string | undefined;
  const afterMarker = (end: number, marker: string) => {
    const resumed = articleResumes(blocks, section?.afterMarker ? 0 : end + 1, (i) => !reasons.has(i) && plain(i) === 'good', !!section && !section.last);
    for (let i = end; i < blocks.length; i++)
      if (!reasons.has(i) && !resumed.has(i)) reasons.set(i, i === end && !section?.afterMarker ? 'end-of-article marker' : `after end-of-article marker “${marker}”`);
  };
  if (section?.afterMarker) afterMarker(0, section.afterMarker);
  else {
    const end = blocks.findIndex((b) => (b.start - whole.from) / span > 0.4 && END_OF_ARTICLE.test(b.text));
    if (end !== -1) afterMarker(end, (endMarker = blocks[end].text.replace(/\s*:?\s*$/, '')));
  }
  const patterns = blocks.map((b, i) => (reasons.has(i) ? undefined : matchBoilerplate(b.text)));
  const ownTeaser = pageOwnTeaser(blocks, patterns);
  blocks.forEach((_b, i) => {
    const pattern = patterns[i];
    // In Readability's article a paragraph that trails off ("…") is the author's; a teaser of
    // another page is a link to it.
    if (pattern === TEASER && article(i) && !article(i)!.linkDensity) return;
    if (pattern === TEASER && i === ownTeaser) return;
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
    if (!found || found.lead) return plain(i);
    return found.kind !== 'item' && b.text.length < JUSTEXT.lengthLow ? 'short' : 'good';
  });
  const prose = blocks.map((b, i) => alone[i] === 'short' && isShortProse(b.text, language, scale));
  // A block a pattern matched (a "Read more:" line, a credit, an advertisement label) is an insert
  // the page puts inside its article as readily as beside it: its neighbours are judged by the
  // blocks around it, as if it were not there.
  const inserts = new Set([...reasons].filter(([, r]) => INSERTS.has(r)).map(([i]) => i));
  const rest = blocks.map((_b, i) => i).filter((i) => !inserts.has(i));
  const smoothed = smooth(
    rest.map((i) => alone[i]),
    rest.map((i) => prose[i]),
  );
  const final: Array<'good' | 'bad'> = blocks.map(() => 'bad');
  rest.forEach((i, k) => (final[i] = smoothed[k]));
  // A short line that is not a sentence stays only as a subheading: right before a paragraph of
  // the article. "Leave a comment", "Social share", a lone date among the paragraphs do not.
  const introducesArticleText = (i: number) => i + 1 < blocks.length && article(i + 1) !== undefined && alone[i + 1] === 'good';
  const introducesText = (i: number) =>
    i + 1 < blocks.length && final[i + 1] === 'good' && (alone[i + 1] === 'good' || alone[i + 1] === 'neargood' || prose[i + 1]);
  const body: number[] = [];
  // A row of a table (copied text separates its cells by tabs) that its neighbours keep is a
  // table of the article, not a label, however short; rows of two cells or more are kept among
  // boilerplate too (results, prices, a recipe's quantities): menus and links are not copied so.
  // So is a short line that holds a figure among words ("350 g sugar", "Annual rate: 3.9 %"):
  // a label or a button names no amount. A date alone is a stamp, wherever it stands.
  final.forEach((c, i) => {
    const b = blocks[i];
    if (reasons.has(i)) return;
    if (article(i)?.lead) {
      // The article's header, before what Readability found: its standfirst is prose.
      if (alone[i] === 'good' || alone[i] === 'neargood' || prose[i]) body.push(i);
      else reasons.set(i, "before the article: not prose (label, date, link or button)");
    } else if (article(i)) {
      if (alone[i] === 'good' || prose[i] || introducesArticleText(i)) body.push(i);
      else reasons.set(i, 'short line not followed by article text (label, button or list of links)');
    } else if (c === 'bad' && !(!options.html && tableRows(b.text))) {
      reasons.set(
        i,
        alone[i] === 'bad'
          ? 'jusText: few stopwords (menu, list or label)'
          : alone[i] === 'short'
            ? 'jusText: short block among boilerplate'
            : 'jusText: near-good block among boilerplate',
      );
    } else if (alone[i] === 'short' && !b.text.includes('\t') && dateAlone(b.text)) {
      reasons.set(i, 'a date alone (a stamp, not text)');
    } else if (alone[i] === 'short' && !prose[i] && !introducesText(i) && !b.text.includes('\t') && !holdsFigure(b.text)) {
      reasons.set(i, 'short line not followed by article text (label, button or list of links)');
    } else body.push(i);
  });

  // Plain text (.txt, .md: neither HTML nor a PDF's layout) has no markup to say where the article
  // ends: a little text kept after it, apart from it (an author's box, a site's description of
  // itself, a call to subscribe), is furniture.
  if (!options.html && !options.asides && (!section || section.last)) dropAfterArticle(blocks, body, reasons, inserts);
  if (!options.html) keepTeasersOfTheText(blocks, body, reasons, inserts);
  dropRepeatedLinks(blocks, body, reasons, alone);

  const dupes = findDuplicates(body.map((i) => blocks[i].text));
  const duplicateOf = new Map<number, { of: number; exact: boolean }>();
  for (const d of dupes) duplicateOf.set(body[d.dropped], { of: body[d.of], exact: d.exact });
  const kept = body.filter((i) => !duplicateOf.has(i));
  const before = section?.paragraphsBefore ?? 0;
  const paragraphNumber = new Map(kept.map((blockIndex, k) => [blockIndex, before + k + 1]));
  for (const [i, d] of duplicateOf)
    reasons.set(i, `${d.exact ? 'duplicate' : 'near-duplicate'} of ¶${paragraphNumber.get(d.of) ?? '?'}`);

  const paragraphs: Paragraph[] = kept.map((i, k) => ({ index: before + k + 1, ...pick(blocks[i]) }));
  const result: CleanResult = { paragraphs, dropped: mergeDropped(text, blocks, reasons), meta };
  if (endMarker) result.endMarker = endMarker;
  return result;
}

/**
 * `cleanText` a section at a time (`sections.ts`): a text up to `size` characters is one section,
 * cleaned exactly as a whole; a longer one is cleaned section by section, each knowing what it
 * must of the ones before (the title, paragraphs kept, an end-of-article marker met), so no more
 * than one section's blocks are held at once. The metadata is the first section's.
 */
export function cleanSections(text: string, from = 0, to = text.length, hints: MetaHints = {}, options: CleanOptions = {}, size = SECTION_CHARS): CleanResult {
  const sections = sectionsOf(text, from, to, size);
  if (sections.length === 1) return cleanText(text, from, to, hints, options);
  const paragraphs: Paragraph[] = [];
  const dropped: DroppedBlock[] = [];
  let meta: TextMeta | undefined;
  let endMarker: string | undefined;
  sections.forEach(([start, end], k) => {
    const section: SectionContext = { first: k === 0, last: k === sections.length - 1, paragraphsBefore: paragraphs.length, whole: { from, to } };
    if (meta?.title) section.title = meta.title;
    if (endMarker) section.afterMarker = endMarker;
    const part = cleanText(text, start, end, hints, { ...options, section });
    meta ??= part.meta;
    endMarker ??= part.endMarker;
    for (const p of part.paragraphs) paragraphs.push(p);
    for (const d of part.dropped) dropped.push(d);
  });
  const result: CleanResult = { paragraphs, dropped, meta: meta! };
  if (endMarker) result.endMarker = endMarker;
  return result;
}

/**
 * Kept text after the article and apart from it. The article is the longest run of kept blocks
 * with nothing dropped between them but inserts (a credit, a "Read more:" line); a run after it
 * that is short (under {@link APART_MAX_CHARS} characters and {@link APART_MAX_SHARE} of the
 * article) and that something dropped separates from it is a box beside the text: the author's
 * bio under "About the author", a blog's description of itself, "Follow us on…". Runs before the
 * article are left alone: a standfirst or a lead often sits apart from the body, under the byline.
 */
function dropAfterArticle(blocks: readonly Block[], body: number[], reasons: Map<number, string>, inserts: ReadonlySet<number>): void {
  const runs: number[][] = [];
  let last = -1;
  for (const i of body) {
    let apart = runs.length === 0;
    for (let j = last + 1; j < i && !apart; j++) if (!inserts.has(j)) apart = true;
    if (apart) runs.push([]);
    runs[runs.length - 1].push(i);
    last = i;
  }
  if (runs.length < 2) return;
  const sizes = runs.map((r) => r.reduce((n, i) => n + blocks[i].text.length, 0));
  const article = sizes.indexOf(Math.max(...sizes));
  const dropped = new Set<number>();
  runs.forEach((run, k) => {
    if (k <= article || sizes[k] >= APART_MAX_CHARS || sizes[k] >= APART_MAX_SHARE * sizes[article]) return;
    for (const i of run) reasons.set(i, 'apart from the article, after it (a box beside the text)'), dropped.add(i);
  });
  const kept = body.filter((i) => !dropped.has(i));
  body.splice(0, body.length, ...kept);
}

/**
 * A line of copied text that trails off ("…") right beside a kept paragraph, with words enough
 * to say something, is the author's ("Die Stadt steht schwarz und schweiget…", a question left
 * open): the teasers of other pages come in lists, one after the other, and a link that opens
 * more ("Read more…", "Click to expand…") has {@link TEASER_MIN_WORDS} words at most. Looked at
 * once the article's runs are settled, so a line brought back never joins a box to the article.
 * (In HTML the markup says whether such a line links elsewhere.)
 */
function keepTeasersOfTheText(blocks: readonly Block[], body: number[], reasons: Map<number, string>, inserts: ReadonlySet<number>): void {
  const teaser = (i: number) => reasons.get(i) === `boilerplate: ${TEASER}`;
  /** The neighbour on one side, past inserts: kept, a teaser too, or something else dropped. */
  const beside = (i: number, step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < blocks.length; j += step) if (!inserts.has(j)) return teaser(j) ? 'teaser' : reasons.has(j) ? 'dropped' : 'kept';
    return 'dropped';
  };
  const back = blocks.map((_b, i) => i).filter((i) => {
    if (!teaser(i) || (blocks[i].text.match(/\p{L}+/gu) ?? []).length <= TEASER_MIN_WORDS) return false;
    const sides = [beside(i, -1), beside(i, 1)];
    return sides.includes('kept') && !sides.includes('teaser');
  });
  if (!back.length) return;
  for (const i of back) reasons.delete(i);
  body.push(...back);
  body.sort((a, b) => a - b);
}

/** Words of a link that opens more ("Click to expand…"): a line of the text has more. */
const TEASER_MIN_WORDS = 3;

/**
 * A kept line that is not a paragraph (jusText's good) and comes again further down the page
 * only where cleaning dropped it, in a menu, a list of other stories or a box after the article,
 * is a link there and here: a headline of another story the page shows twice, a menu item, a
 * caption repeated in a gallery. A line the article repeats (a subheading after its table of
 * contents) is kept further down too, and stays.
 */
function dropRepeatedLinks(blocks: readonly Block[], body: number[], reasons: Map<number, string>, alone: readonly BlockClass[]): void {
  // From the end: for each text met, whether every copy met so far (further down) was dropped.
  const droppedBelow = new Map<string, boolean>();
  const repeated: number[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const text = blocks[i].text;
    if (droppedBelow.get(text) && !reasons.has(i) && alone[i] !== 'good') repeated.push(i);
    droppedBelow.set(text, (droppedBelow.get(text) ?? true) && reasons.has(i));
  }
  if (!repeated.length) return;
  for (const i of repeated) reasons.set(i, 'repeated further down among dropped blocks (a headline or menu item)');
  const kept = body.filter((i) => !reasons.has(i));
  body.splice(0, body.length, ...kept);
}

/** Whether every line of a copied block is a row of a table: two cells or more, split by tabs. */
function tableRows(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length > 0 && lines.every((l) => l.split('\t').filter((c) => c.trim()).length >= 2);
}

/**
 * Paragraphs after an end-of-article marker that are the article going on: a "Related" or "Check
 * also" box set inside the text, and the text resuming under it. A run of {@link ARTICLE_RESUMES}
 * good blocks in a row (jusText's good: long, with the stopwords of running text) is that; the
 * headlines and teasers of a list of links are short or trail off, and come one at a time between
 * them. `from` is the first block after the marker. A run that reaches the end of a section
 * the text goes on after (`openEnd`) is cut there by the reading, not by the page: it is kept.
 */
function articleResumes(blocks: readonly Block[], from: number, good: (i: number) => boolean, openEnd: boolean): Set<number> {
  const out = new Set<number>();
  for (let i = from; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && good(j)) j++;
    if (j - i >= ARTICLE_RESUMES || (openEnd && j === blocks.length && j > i)) for (let k = i; k < j; k++) out.add(k);
    i = Math.max(j, i + 1);
  }
  return out;
}

/** Good blocks in a row after an end-of-article marker that say the article goes on. */
const ARTICLE_RESUMES = 3;

/**
 * The page's own paragraph cut short (a paywall's lead, a "read more" that opens the rest), when
 * it is one: teasers of other pages come in lists, so a paragraph that trails off is taken for the
 * page's own when it is the only one on the page that runs past a line ({@link JUSTEXT}'s short
 * block) and is as long as a good block. Its neighbours and its words decide it from there.
 */
function pageOwnTeaser(blocks: readonly Block[], patterns: ReadonlyArray<string | undefined>): number {
  const long = blocks.flatMap((b, i) => (patterns[i] === TEASER && b.text.length >= JUSTEXT.lengthLow ? [i] : []));
  return long.length === 1 && blocks[long[0]].text.length > JUSTEXT.lengthHigh ? long[0] : -1;
}

/** The most text a run after the article can hold and still be a box beside it, in characters. */
const APART_MAX_CHARS = 800;
/** …and as a share of the article's text. */
const APART_MAX_SHARE = 0.35;

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
