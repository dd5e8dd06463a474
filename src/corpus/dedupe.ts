/**
 * Exact and near-duplicate paragraphs. Scraped pages repeat their own text (a teaser of the first
 * paragraphs, a pull quote, the conclusion printed twice). Exact repeats keep the first copy; when
 * one paragraph is (almost) contained in a longer one, the longer keeps its place and the shorter
 * goes, so no sentence is lost and none is counted twice.
 */
export interface DuplicateVerdict {
  /** Index (into the input list) of the paragraph that is dropped. */
  dropped: number;
  /** Index of the paragraph it duplicates. */
  of: number;
  exact: boolean;
}

/** Two paragraphs are near-duplicates when this share of the shorter one's shingles is in the longer. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.8;
const SHINGLE = 4;

export function normalizeForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[^\p{L}\p{N}'"%]+/gu, ' ')
    .trim();
}

/**
 * Each run of SHINGLE words, as the text between them (a normalised text has one space between
 * words): slices of the text, not arrays of its words joined anew.
 */
export function shingles(normalized: string): Set<string> {
  const out = new Set<string>();
  // Where each of the last SHINGLE words starts, in a ring.
  const starts = new Array<number>(SHINGLE).fill(0);
  let words = 0;
  let at = 0;
  for (;;) {
    const space = normalized.indexOf(' ', at);
    const end = space === -1 ? normalized.length : space;
    starts[words % SHINGLE] = at;
    words++;
    if (words >= SHINGLE) out.add(normalized.slice(starts[words % SHINGLE], end));
    if (space === -1) return out;
    at = space + 1;
  }
}

export function findDuplicates(texts: readonly string[]): DuplicateVerdict[] {
  const verdicts: DuplicateVerdict[] = [];
  const dropped = new Set<number>();
  const firstByText = new Map<string, number>();
  const normalized = texts.map(normalizeForComparison);
  normalized.forEach((n, i) => {
    const first = firstByText.get(n);
    if (first === undefined) firstByText.set(n, i);
    else {
      verdicts.push({ dropped: i, of: first, exact: true });
      dropped.add(i);
    }
  });
  const sets = normalized.map((n, i) => (dropped.has(i) ? new Set<string>() : shingles(n)));
  const index = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  for (let i = 0; i < texts.length; i++) {
    if (dropped.has(i) || sets[i].size === 0) continue;
    const overlap = new Map<number, number>();
    for (const s of sets[i]) for (const j of index.get(s) ?? []) if (j !== i) overlap.set(j, (overlap.get(j) ?? 0) + 1);
    for (const [j, shared] of overlap) {
      if (dropped.has(j) || dropped.has(i)) continue;
      const [small, large] = sets[i].size < sets[j].size || (sets[i].size === sets[j].size && i > j) ? [i, j] : [j, i];
      if (shared / sets[small].size >= NEAR_DUPLICATE_CONTAINMENT) {
        verdicts.push({ dropped: small, of: large, exact: false });
        dropped.add(small);
      }
    }
  }
  return verdicts.sort((a, b) => a.dropped - b.dropped);
}
