/**
 * A corpus's home: the place its documents take for granted. A national paper's domestic story
 * ("Chancellor Gordon Brown has promised to keep a tight grip on public borrowing…") names no
 * country at all, where a foreign story names its place. The home is the place the most
 * documents name in their headline or first paragraph, when it is named by at least
 * `HOME_SHARE` of the documents read and by more than any other place, or, where most documents
 * name no place up front, by at least twice as many as any other place; none otherwise (a wire of
 * many places, a corpus on two countries' relations: there every story names its places).
 * A document that names no place but the home in any sentence is then the home's, for a deck scoped to it.
 */

import { datelineLength, fromCapitals } from '../text.ts';

/** Share of the documents read whose headline or lead must name the home. */
export const HOME_SHARE = 0.2;
/** Share of the documents read that name no place up front, for a corpus to take one for granted. */
export const PLACELESS_SHARE = 0.5;
/** How many times the next place's count the home's must be, where most documents name none. */
export const LEAD_OVER_NEXT = 2;
/** Documents read to find the home, in the store's order: enough to see which place leads. */
export const HOME_SAMPLE = 2_000;

export function homePlace(
  docIds: readonly string[],
  head: (docId: string) => { title: string; lead?: string },
  actorsOf: (text: string) => string[],
): string | undefined {
  const read = docIds.slice(0, HOME_SAMPLE);
  if (!read.length) return undefined;
  const counts = new Map<string, number>();
  let placeless = 0;
  for (const id of read) {
    const { title, lead } = head(id);
    const places = new Set(actorsOf(`${title}. ${lead ?? ''}`));
    // (A wire's dateline says where the story was filed, named in the gazetteer or not: "FRANKFURT, March 3 - ".)
    if (!places.size && !datelineLength(lead ?? '')) placeless++;
    for (const a of places) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!first || (second && second[1] === first[1])) return undefined;
  if (first[1] >= HOME_SHARE * read.length) return first[0];
  // Where most stories name no place in their headline or lead, the corpus takes one for granted:
  // the place it names clearly more often than any other (a home paper's "UK" in six of 45 stories,
  // beside two naming the US) is that one.
  if (placeless >= PLACELESS_SHARE * read.length && first[1] >= LEAD_OVER_NEXT * (second?.[1] ?? 0) && first[1] >= 2) return first[0];
  return undefined;
}

/**
 * Whether a document's title and sentences name no place or body (`actorsOf`) but the home: a
 * domestic story that names none, or only the home's own places ("estate agents in London").
 */
export function namesNoPlace(title: string, sentences: readonly { text: string }[], actorsOf: (text: string) => string[], home?: string): boolean {
  const other = (text: string) => actorsOf(text).some((a) => a !== home);
  // A dateline names the place a story was filed from, though the gazetteer may not know it.
  const filed = (text: string) => {
    const n = datelineLength(text);
    if (!n) return false;
    const places = actorsOf(fromCapitals(text.slice(0, n)));
    return !places.length || places.some((a) => a !== home);
  };
  return !other(title) && sentences.every((s) => !other(s.text) && !filed(s.text));
}
