/**
 * Time words a bullet cannot carry alone. News is written relative to its own date: "today", "on
 * Thursday", "last week" mean nothing on a slide unless the article's date is shown beside the
 * line; "last year" needs at least the year. Also the dateline a wire story opens with
 * ("FRANKFURT, March 3 - "), which a bullet drops like any other lead-in (`text.ts`).
 */

/** A time of day with no date: "set for 1900 hours local", "at 10 a.m.". */
const CLOCK = String.raw`(?<![\d,.])\d{4} hours|\d{1,2}(?::\d{2})? ?[ap]\.m(?=\.)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const DAY_RELATIVE = new RegExp(
  String.raw`\b(?:(?:\d+|a|one|two|three|four|five|six|ten|several|few) (?:days?|weeks?) (?:ago|earlier|later)|today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week|weekend)|last (?:night|week|weekend)|next week|earlier (?:today|this week)|later (?:today|this week)|${WEEKDAY}(?:'s)?|overnight|(?:recent|past|coming|next|last) (?:few |several )?(?:days|weeks)|${CLOCK})\b`,
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

export { datelineLength } from '../text.ts';
