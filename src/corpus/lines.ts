/**
 * What a short line of copied text holds, read from its shape alone (in any language): a figure
 * among words, or a date and nothing else.
 */

/**
 * A figure among two words or more: a quantity, a price, a result, a time ("350 g Zucker",
 * "Effektiver Jahreszins: 3,9 Prozent", "- 8 pct bonds due July 1, 1990,"). A menu item, a button
 * or a label names a place to go, not an amount: it holds no figure.
 */
export function holdsFigure(line: string): boolean {
  return /\d/.test(line) && (line.match(/\p{L}+/gu) ?? []).length >= 2;
}

/**
 * A date and nothing else, in any language: a day and a year with a month's name at most
 * ("16 marca 2021", "5. Januar 2016 um 20:20"), or a date in figures ("19.10.2019, 05:00 Uhr").
 * A stamp of when something was posted, never a line of the text.
 */
export function dateAlone(line: string): boolean {
  const t = line.trim();
  if (t.length > DATE_MAX_CHARS || (t.match(/\p{L}+/gu) ?? []).length > DATE_MAX_WORDS) return false;
  if (/\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/.test(t)) return true;
  const year = /\b(?:19|20)\d\d\b/;
  return year.test(t) && /(?:^|\D)(?:0?[1-9]|[12]\d|3[01])(?!\d)/.test(t.replace(year, ''));
}

/** The longest line read as a date alone, in characters… */
const DATE_MAX_CHARS = 40;
/** …and its words at most: a month's name and a word such as "um" or "at". */
const DATE_MAX_WORDS = 2;
