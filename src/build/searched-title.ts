/**
 * The deck title as the search reads it. Selection reads the title's words (the names that scope
 * the deck, the word before or after a topic that qualifies it, the words that rank a line, which
 * topics it names), each as a word of three characters or more, a name, a topic's word or a
 * stopword between them, and where only spaces part two words; a number of one or two digits
 * standing alone ("(draft 7)", "No. 12") is none of those, so the search reads "(draft 7)" and
 * "(draft 8)" alike. Such numbers are written 0 in the title the search is given and its kept
 * evidence is keyed on (`composed.ts`), so a title renumbered finds its evidence kept, and one
 * whose words changed searches again. The deck itself shows the title as written.
 *
 * A number is left as written where a reader could tell it apart: joined to a word or another
 * number ("G7", "1987/88", "15.8", "7-day"), followed by a word or a unit ("7 tonnes", "7 %"); in
 * a deck with a topic that holds a digit (a topic is looked for among the title's words as
 * written); and in a deck whose bottom line searches for the title's own words (no topic, no
 * call with a query or topic).
 */
import type { BriefingSpec, HelperCall } from '../model.ts';

/** A number of one or two digits standing alone: after the start, a space or an opening bracket; before the end, a closing bracket, punctuation ending a phrase, or spaces and no word. */
const LONE_NUMBER = /(?<=^|[\s([#])\d{1,2}(?=$|[)\]]|[,;:!?](?:\s|$)|\s+(?:$|[^\s\p{L}\p{N}%]))/gu;

/** The title the search is given for `spec`, whose helper calls are `calls`. */
export function searchedTitle(spec: Pick<BriefingSpec, 'title' | 'topics'>, calls: readonly HelperCall[]): string {
  const title = spec.title ?? '';
  if ([...(spec.topics ?? []), ...calls.map((c) => c.topic ?? '')].some((t) => /\p{N}/u.test(t))) return title;
  if (!spec.topics?.length && !calls.some((c) => c.query || c.topic)) return title;
  return title.replace(LONE_NUMBER, '0');
}
