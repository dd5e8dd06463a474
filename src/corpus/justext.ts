/**
 * jusText's classifier, on plain text (Pomikálek 2011): each block is first judged on its own by
 * length and stopword density (good / near-good / short / bad), then short and near-good blocks
 * take the class of their good or bad neighbours. A site menu item is short and stopword-free and
 * sits among other menu items, so it goes; a short body paragraph sits among body and stays.
 */
import { ENGLISH, wordsOf, type LanguageProfile } from './language.ts';

export type BlockClass = 'good' | 'neargood' | 'short' | 'bad';

/** jusText's defaults (the same for every language it ships a stoplist for). */
export const JUSTEXT = { lengthLow: 70, lengthHigh: 200, stopwordsLow: 0.3, stopwordsHigh: 0.32, maxLinkDensity: 0.2 } as const;

export function stopwordDensity(text: string, language: LanguageProfile = ENGLISH): number {
  const words = wordsOf(text, language);
  if (words.length === 0 || !language.stopwords) return 0;
  let n = 0;
  for (const w of words) if (language.stopwords.has(w)) n++;
  return n / words.length;
}

/**
 * Context-free class of one block. `linkDensity` (share of the block's characters inside links)
 * is known for HTML only: a block that is mostly links is navigation whatever its words. A
 * language with no stopword list is judged by length alone, and its neighbours do the rest.
 */
export function classifyAlone(text: string, language: LanguageProfile = ENGLISH, linkDensity = 0): BlockClass {
  if (linkDensity > JUSTEXT.maxLinkDensity) return 'bad';
  if (text.length < JUSTEXT.lengthLow) return linkDensity > 0 ? 'bad' : 'short';
  if (!language.stopwords) return text.length > JUSTEXT.lengthHigh ? 'good' : 'neargood';
  const density = stopwordDensity(text, language);
  if (density >= JUSTEXT.stopwordsHigh && text.length > JUSTEXT.lengthHigh) return 'good';
  if (density >= JUSTEXT.stopwordsLow) return 'neargood';
  return 'bad';
}

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
export function isShortProse(text: string, language: LanguageProfile = ENGLISH): boolean {
  return /[.!?。！？…]["'”’»)]?$/u.test(text) && (!language.stopwords || stopwordDensity(text, language) >= JUSTEXT.stopwordsLow);
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
  return afterShort.map((c, i) => {
    if (c === 'good' || c === 'bad') return c;
    if (c === 'short') return 'bad';
    // near-good: bad only when both sides are bad
    const prev = neighbour(afterShort, i, -1, true);
    const next = neighbour(afterShort, i, 1, true);
    return prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  });
}
