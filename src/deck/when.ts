/**
 * Time words a bullet cannot carry alone. News is written relative to its own date: "today", "on
 * Thursday", "last week" mean nothing on a slide unless the article's date is shown beside the
 * line; "last year" needs at least the year. Also the dateline a wire story opens with
 * ("FRANKFURT, March 3 - "), which a bullet drops like any other lead-in (`text.ts`).
 */

/** A time of day with no date: "set for 1900 hours local", "at 10 a.m.", "will resume at noon gmt". */
const CLOCK = String.raw`(?<![\d,.])\d{4} hours|\d{1,2}(?::\d{2})? ?[ap]\.m(?=\.)|(?:at|by|until|till|before|after|from)\s+(?:noon|midday|midnight)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const DAY_RELATIVE = new RegExp(
  String.raw`\b(?:(?:\d+|a|one|two|three|four|five|six|ten|several|few) (?:days?|weeks?) (?:ago|earlier|later)|today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week|weekend)|last (?:night|week|weekend)|next week|earlier (?:today|this week)|later (?:today|this week)|${WEEKDAY}(?:'s)?|overnight|(?:recent|past|coming|next|last) (?:few |several )?(?:days|weeks)|${CLOCK})\b`,
  'i',
);
const YEAR_RELATIVE = /\b(?:(?:\d+|a|one|two|three|several|few) months? (?:ago|earlier)|(?:this|last|next|earlier this|later this|previous|current|coming) (?:year|month|quarter|season|decade|spring|summer|autumn|fall|winter)|a year (?:ago|earlier)|recent(?:ly)?|so far this year|year-(?:ago|earlier))\b/i;

/** A weekday in a name or after an article before a noun (not a part of the day): no day. */
const WEEKDAY_NAMING = new RegExp(
  String.raw`\b${WEEKDAY}(?=\s+\p{Lu}(?!(?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)[a-z]*\b)\p{Ll})|\b(?:[Aa]n?|[Tt]he)\s+${WEEKDAY}(?=\s+(?!(?:morning|afternoon|evening|night)\b)\p{Ll})`,
  'gu',
);

/** `day` when the line needs the article's full date, `year` when its year is enough. */
export function relativeTime(text: string): 'day' | 'year' | undefined {
  // Weekdays are capitalised in running text: "Sunday Times" aside, a capital weekday is a day.
  // Nor is a weekday that names a kind of thing: a name's ("the Sunday Courier") or, after an
  // article, a noun's ("a Sunday newspaper", "the Saturday edition").
  const days = text.replace(new RegExp(String.raw`\b${WEEKDAY.slice(3, -1).toLowerCase()}\b`, 'g'), '').replace(WEEKDAY_NAMING, '');
  if (DAY_RELATIVE.test(days)) return 'day';
  if (YEAR_RELATIVE.test(text)) return 'year';
  return undefined;
}

/**
 * Day references a line can lose without losing its claim: "on Thursday", "today", "last week",
 * "over the past few weeks", as an adverbial of their own (a preposition before a weekday, a
 * comma after an opening one). Shown on a slide they would date the line to the meeting's week;
 * deleted, the line's tag gives the article's full date instead. A weekday that names something
 * ("Black Monday", "the Sunday Times"), a possessive ("Thursday's meeting") and a weekday followed
 * by its date ("Thursday, March 5") are not references to delete.
 */
const DAY_PART = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;
const DELETABLE_DAY = new RegExp(
  String.raw`(?:^|(?<=[\p{L}\p{N},;)’'%]))\s*(?:` +
    [
      String.raw`(?:(?:late|early)\s+)?(?:on|by|until|till|from|since|before|after|last|next|this)\s+${WEEKDAY}${DAY_PART}`,
      // (not the object of a word before it: "effective today", "as of today", "than yesterday",
      // "extended into today")
      String.raw`(?<!\b(?:effective|of|from|until|till|since|by|than|through|into|to|past|beyond|starting|beginning|before|after|for)\s+)(?:(?:earlier|later)\s+)?(?:today|tonight|yesterday|tomorrow)`,
      String.raw`(?:earlier|later)\s+this\s+week`,
      String.raw`this\s+(?:morning|afternoon|evening|week|weekend)`,
      String.raw`last\s+(?:night|week|weekend)`,
      String.raw`next\s+week`,
      // (an adverb closing its clause, not "overnight rates")
      String.raw`overnight(?=\s*[.,;])`,
      String.raw`(?:\d+|a|one|two|three|four|five|six|ten|several|few)\s+(?:days?|weeks?)\s+ago`,
      String.raw`(?:in|over|during|within|for)\s+(?:the\s+)?(?:(?:recent|past|last|next|coming)\s+)(?:few\s+|several\s+|two\s+|three\s+)?(?:days|weeks)`,
      String.raw`in\s+recent\s+(?:days|weeks)`,
      // (when a price or rate takes effect, closing the clause: "…0.75 cent a gallon, effective today")
      String.raw`,\s*effective\s+(?:today|tomorrow|${WEEKDAY})(?=\s*[.;])`,
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}’'-])(?!\s*[’']s\b)(?!,?\s+(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)\b)(?:\s*,(?=\s))?`,
  'giu',
);

/** Ranges of `text` holding day references a line may delete (`DELETABLE_DAY`). */
export function dayReferences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(DELETABLE_DAY)) {
    const at = m.index ?? 0;
    const ref = m[0];
    // An opening reference keeps no comma of its own ("On Thursday, the Bundesbank…"); one inside
    // the sentence keeps the comma that closes the clause around it.
    const lead = /^\s*/.exec(ref)![0].length;
    const opening = at + lead === 0 || /^\W*$/.test(text.slice(0, at));
    const end = opening || !ref.endsWith(',') ? at + ref.length : at + ref.length - 1;
    out.push([at, end]);
  }
  return out;
}

export { datelineLength } from '../text.ts';
