/**
 * jusText's classifier, on plain text (Pomikálek 2011): each block is first judged on its own by
 * length and stopword density (good / near-good / short / bad), then short and near-good blocks
 * take the class of their good or bad neighbours. A site menu item is short and stopword-free and
 * sits among other menu items, so it goes; a short body paragraph sits among body and stays.
 */
import { ENGLISH, wordsOf, type LanguageProfile } from './language.ts';

export type BlockClass = 'good' | 'neargood' | 'short' | 'bad';

/**
 * jusText's defaults (the same for every language it ships a stoplist for), but for the length of
 * a good block: jusText asks for 200 characters, and the paragraphs of two sentences it leaves
 * near-good (130–200) were lost with their neighbours when those were a byline, a date and a
 * share bar. At 130 characters, trafilatura's pages as plain text keep 22 more snippets of
 * articles for 4 more of furniture, in the development half and in the held-out half alike.
 */
export const JUSTEXT = { lengthLow: 70, lengthHigh: 130, stopwordsLow: 0.3, stopwordsHigh: 0.32, maxLinkDensity: 0.2 } as const;

export function stopwordDensity(text: string, language: LanguageProfile = ENGLISH): number {
  const words = wordsOf(text, language);
  if (words.length === 0 || !language.stopwords) return 0;
  let n = 0;
  for (const w of words) if (language.stopwords.has(w)) n++;
  // Names are not the words a stoplist measures: a wire's lead ("LONDON, March 2 - Brazilian
  // Finance Minister Dilson Funaro flatly rejected a U.K. Suggestion that…") is prose with a dozen
  // of them. Running text is read by its other words; a menu or a label, with few words in lower
  // case, keeps its plain density.
  const names = (text.match(NAME_INSIDE) ?? []).length;
  const common = words.length - names;
  return common >= MIN_COMMON_WORDS ? n / common : n / words.length;
}

/** A word in capitals inside a sentence (not after its end, nor the block's first): a name. */
const NAME_INSIDE = /(?<=[^\s.!?:]\s+)\p{Lu}[\p{L}.'’-]*/gu;
/** Words in lower case a block needs to be measured without its names. */
const MIN_COMMON_WORDS = 12;

/**
 * Context-free class of one block. `linkDensity` (share of the block's characters inside links)
 * is known for HTML only: a block that is mostly links is navigation whatever its words. A
 * language with no stopword list is judged by length alone, and its neighbours do the rest.
 */
export function classifyAlone(
  text: string,
  language: LanguageProfile = ENGLISH,
  linkDensity = 0,
  scale = 1,
  languageOf?: (text: string) => LanguageProfile | undefined,
): BlockClass {
  if (linkDensity > JUSTEXT.maxLinkDensity) return 'bad';
  if (text.length < JUSTEXT.lengthLow) return linkDensity > 0 ? 'bad' : 'short';
  if (!language.stopwords) return text.length > JUSTEXT.lengthHigh ? 'good' : 'neargood';
  let density = stopwordDensity(text, language);
  // A paragraph long enough to tell its language, written in another than its document's (an
  // English talk on a German page, a quoted letter in Greek), is read by its own stopwords.
  if (languageOf && text.length > JUSTEXT.lengthHigh && density < scale * JUSTEXT.stopwordsHigh) {
    const own = languageOf(text);
    if (own?.stopwords && own !== language) density = Math.max(density, stopwordDensity(text, own));
  }
  if (density >= scale * JUSTEXT.stopwordsHigh && text.length > JUSTEXT.lengthHigh) return 'good';
  if (density >= scale * JUSTEXT.stopwordsLow) return 'neargood';
  // A block written as sentences is prose however many names it holds: its neighbours decide,
  // as for any near-good block. A menu or a label never runs to a full stop.
  if (isSentences(text)) return 'neargood';
  return 'bad';
}

/** Opens with a capital (or a quote) and ends a sentence, with words enough in lower case to say something. */
function isSentences(text: string): boolean {
  const t = text.trim();
  return /^["“‘'(]?\p{Lu}/u.test(t) && /[.!?]["”’')]?$/u.test(t) && (t.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []).length >= SENTENCE_WORDS;
}

/** Words in lower case that make a block read as sentences rather than a label. */
const SENTENCE_WORDS = 8;

/**
 * jusText's thresholds assume a stoplist that covers about half of ordinary running text, as its
 * own lists and the English one here do. Some lists cover less (an inflected language's list
 * finds fewer function words: Polish prose reads at a third, Chinese at a fifth), and their
 * body text would fall below the thresholds as if it were a menu. For such a list the thresholds
 * are scaled by what the document's long blocks (mostly its prose) show, never raised and never
 * more than halved.
 */
export function densityScale(texts: readonly string[], language: LanguageProfile): number {
  if (!language.stopwords || language === ENGLISH) return 1;
  const long = texts.filter((t) => t.length > LONG_BLOCK).map((t) => stopwordDensity(t, language));
  if (long.length < MIN_LONG_BLOCKS) return 1;
  long.sort((a, b) => a - b);
  const median = long[Math.floor(long.length / 2)];
  return Math.min(1, Math.max(0.5, median / BODY_DENSITY));
}

/** A block long enough to be read as prose when measuring a document's body text (jusText's long block). */
const LONG_BLOCK = 200;
/** Stopword density of body text with a list like jusText's (the English list's median). */
const BODY_DENSITY = 0.5;
/** Long blocks needed to tell what a document's body text reads at. */
const MIN_LONG_BLOCKS = 3;

function neighbour(classes: BlockClass[], i: number, step: 1 | -1, ignoreNeargood: boolean): BlockClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j];
    if (c === 'good' || c === 'bad') return c;
    if (c === 'neargood' && !ignoreNeargood) return c;
  }
  return 'bad';
}

/**
 * A short block that reads as a sentence of prose: it ends as a sentence ends, in any script, and
 * has the stopword density of body text. "Shipping is free." at the end of an article is that; a
 * menu item, a share button or a date line is not.
 */
export function isShortProse(text: string, language: LanguageProfile = ENGLISH, scale = 1): boolean {
  return /[.!?。！？…]["'”’»)]?$/u.test(text) && (!language.stopwords || stopwordDensity(text, language) >= scale * JUSTEXT.stopwordsLow);
}

/**
 * Context-sensitive pass (jusText's, plus one rule). `prose` marks short blocks that read as a
 * sentence: one that touches the article on either side stays with it, where jusText drops a
 * short block unless it sits between two good ones; the article's short closing line is prose.
 */
const body = (c: BlockClass | undefined) => c === 'good' || c === 'neargood';

export function smooth(initial: BlockClass[], prose: readonly boolean[] = []): Array<'good' | 'bad'> {
  // A short document of near-good paragraphs only (a brief, a PDF memo) has no "good" anchor;
  // its near-good blocks then anchor the context instead of all sinking as "among boilerplate".
  const anchorless = !initial.includes('good');
  const classes = initial.map((c) => (anchorless && c === 'neargood' ? 'good' : c));
  const afterShort = [...classes];
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'short') continue;
    const prev = neighbour(classes, i, -1, true);
    const next = neighbour(classes, i, 1, true);
    if (prev === 'good' && next === 'good') afterShort[i] = 'good';
    else if (prose[i] && (body(classes[i - 1]) || body(classes[i + 1]))) afterShort[i] = 'good';
    else if (prev === 'bad' && next === 'bad') afterShort[i] = 'bad';
    else if (
      (prev === 'bad' && neighbour(classes, i, -1, false) === 'neargood') ||
      (next === 'bad' && neighbour(classes, i, 1, false) === 'neargood')
    )
      afterShort[i] = 'good';
    else afterShort[i] = 'bad';
  }
  // Sentences in a row (a recipe's steps, a poem's lines) go with the one that touches the article.
  const chained = (i: number) => classes[i] === 'short' && prose[i] && afterShort[i] === 'good';
  for (const step of [1, -1] as const)
    for (let k = 0; k < classes.length; k++) {
      const i = step === 1 ? k : classes.length - 1 - k;
      if (classes[i] === 'short' && prose[i] && afterShort[i] !== 'good' && chained(i - step)) afterShort[i] = 'good';
    }
  return afterShort.map((c, i) => {
    if (c === 'good' || c === 'bad') return c;
    if (c === 'short') return 'bad';
    // near-good: bad only when both sides are bad
    const prev = neighbour(afterShort, i, -1, true);
    const next = neighbour(afterShort, i, 1, true);
    return prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  });
}
