/** A topic or file name as a heading: `arms-trade` → "Arms trade", `energy_outlook` → "Energy outlook". */
export function headingOf(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Words in capitals as a name is written ("ST LOUIS" → "St Louis", "AUSTRALIA'S KEATING" → "Australia's Keating"). */
export function fromCapitals(text: string): string {
  return text.toLowerCase().replace(/(^|[\s(\/-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

/**
 * The wire dateline a news lead opens with ("FRANKFURT, March 3 - "): not part of what the
 * sentence says, so a bullet drops it and a reader of the lead skips it.
 */
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

/**
 * Length of the wire dateline that opens a lead ("FRANKFURT, March 3 - ", "AMSTERDAM, 2 March - ",
 * "COLUMBUS, Ohio, Feb 26 - ", "LONDON (Reuters) - ", "Sydney, March 3 - "), or 0. The place is written in capitals, which tells it from a
 * sentence that starts with a name and a comma.
 */
export function datelineLength(text: string): number {
  const m =
    /^\p{Lu}{2,}[\p{Lu}\p{L}.'’ -]{0,30}?(?:,\s+[\p{Lu}][\p{L}.' ]{1,25}?)?,\s+(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?)\s*[-–—]{1,2}\s+/u.exec(text) ??
    // "Sydney, March 3 - ": a place in title case is a dateline only before a month and a day.
    new RegExp(String.raw`^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2},\s+${MONTH}\.?\s+\d{1,2}\s*[-–—]{1,2}\s+`, 'u').exec(text) ??
    /^\p{Lu}{2,}[\p{Lu} ]{0,30}\s*\([^()]{2,30}\)\s*[-–—]{1,2}\s+/u.exec(text);
  return m ? m[0].length : 0;
}

/** Text as a regular-expression pattern that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A wire's markup of companies taken out, as a reader would want the line: a ticker in angle
 * brackets is deleted ("Comalco Ltd <CMAC.S> said" → "Comalco Ltd said") and a name in them is
 * left bare ("<National Bank of Canada> said" → "National Bank of Canada said"). Only characters
 * and a code are deleted, so the line stays a deletion of its sentence.
 */
export function withoutTickers(text: string): string {
  // (Only what a wire writes: a code in capitals, "<CMAC.S>", and a name that starts with one,
  // "<National Bank of Canada>"; never markup such as "<b onmouseover=…>", which stays as text.)
  return text.replace(/\s*<[\p{Lu}\d]{1,8}(?:\.[\p{Lu}]{1,3})?>/gu, '').replace(/<(\p{Lu}[\p{L}\d .,&'’-]{0,78}[\p{L}\d.])>/gu, '$1');
}
