/**
 * Word-set similarity between claims, used to keep near-identical claims out of a deck and to
 * spread a slide across sources (MMR). Content words only, lower-cased, crudely stemmed.
 */
const STOP = new Set(
  ('a an the and or but of to in on at by for with from as is are was were be been being has have had ' +
    'it its this that these those their there they them which who whose what when where while will would ' +
    'can could may might should than then so such not no nor also into over about after before between both ' +
    'each more most other some any only own same very s')
    .split(' '),
);

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP.has(raw) || raw.length < 2) continue;
    out.add(stem(raw));
  }
  return out;
}

function stem(w: string): string {
  return w.replace(/(?:ies|es|s|ing|ed|ly)$/, '').slice(0, 8) || w;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Near-identical: the same sentence repeated, lightly edited, or quoted inside another. */
export function nearDuplicate(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return nearDuplicateBy(inter, a.size, b.size);
}

/** `nearDuplicate` from the counts alone: `inter` words shared by sets of `a` and `b` words. */
export function nearDuplicateBy(inter: number, a: number, b: number): boolean {
  if (!a || !b) return false;
  return inter / (a + b - inter) >= 0.6 || (Math.min(a, b) >= 5 && Math.max(inter / a, inter / b) >= 0.85);
}
