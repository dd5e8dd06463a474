/**
 * A corpus's home: the place its documents take for granted. A national paper's domestic story
 * ("Chancellor Gordon Brown has promised to keep a tight grip on public borrowing…") names no
 * country at all, where a foreign story names its place. The home is the place the most
 * documents name in their headline or first paragraph, when it is named by at least
 * `HOME_SHARE` of the documents read and by more than any other place; none otherwise (a wire of
 * many places, a corpus on two countries' relations: there every story names its places).
 * A document that names no place in any sentence is then the home's, for a deck scoped to it.
 */

/** Share of the documents read whose headline or lead must name the home. */
export const HOME_SHARE = 0.2;
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
  for (const id of read) {
    const { title, lead } = head(id);
    for (const a of new Set(actorsOf(`${title}. ${lead ?? ''}`))) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!first || first[1] < HOME_SHARE * read.length || (second && second[1] === first[1])) return undefined;
  return first[0];
}

/** Whether none of a document's sentences, nor its title, names a place or body (`actorsOf`). */
export function namesNoPlace(title: string, sentences: readonly { text: string }[], actorsOf: (text: string) => string[]): boolean {
  return !actorsOf(title).length && sentences.every((s) => !actorsOf(s.text).length);
}
