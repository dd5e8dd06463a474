/**
 * Time words a bullet cannot carry alone. News is written relative to its own date: "today", "on
 * Thursday", "last week" mean nothing on a slide unless the article's date is shown beside the
 * line; "last year" needs at least the year. Also the dateline a wire story opens with
 * ("FRANKFURT, March 3 - "), which a bullet drops like any other lead-in.
 */

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const DAY_RELATIVE = new RegExp(
  String.raw`\b(?:(?:\d+|a|one|two|three|four|five|six|ten|several|few) (?:days?|weeks?) (?:ago|earlier|later)|today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week|weekend)|last (?:night|week|weekend)|next week|earlier (?:today|this week)|later (?:today|this week)|${WEEKDAY}(?:'s)?|overnight)\b`,
  'i',
);
const YEAR_RELATIVE = /\b(?:(?:\d+|a|one|two|three|several|few) months? (?:ago|earlier)|(?:this|last|next|earlier this|later this|previous|current|coming) (?:year|month|quarter|season|decade|spring|summer|autumn|fall|winter)|a year (?:ago|earlier)|recent(?:ly)?|so far this year|year-(?:ago|earlier))\b/i;

/** `day` when the line needs the article's full date, `year` when its year is enough. */
export function relativeTime(text: string): 'day' | 'year' | undefined {
  // Weekdays are capitalised in running text: "Sunday Times" aside, a capital weekday is a day.
  if (DAY_RELATIVE.test(text.replace(new RegExp(String.raw`\b${WEEKDAY.slice(3, -1).toLowerCase()}\b`, 'g'), ''))) return 'day';
  if (YEAR_RELATIVE.test(text)) return 'year';
  return undefined;
}

/**
 * Length of the wire dateline that opens a lead ("FRANKFURT, March 3 - ", "COLUMBUS, Ohio, Feb 26
 * - ", "LONDON (Reuters) - ", "Sydney, March 3 - "), or 0. The place is written in capitals, which tells it from a
 * sentence that starts with a name and a comma.
 */
export function datelineLength(text: string): number {
  const m =
    /^\p{Lu}{2,}[\p{Lu}\p{L}.'’ -]{0,30}?(?:,\s+[\p{Lu}][\p{L}.' ]{1,25}?)?,\s+\p{L}{3,9}\.?\s+\d{1,2}\s*[-–—]{1,2}\s+/u.exec(text) ??
    // "Sydney, March 3 - ": a place in title case is a dateline only before a month and a day.
    new RegExp(String.raw`^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2},\s+${MONTH}\.?\s+\d{1,2}\s*[-–—]{1,2}\s+`, 'u').exec(text) ??
    /^\p{Lu}{2,}[\p{Lu} ]{0,30}\s*\([^()]{2,30}\)\s*[-–—]{1,2}\s+/u.exec(text);
  return m ? m[0].length : 0;
}
