/** "Did you mean …?" for misspelt names: the closest known name within a small edit distance. */
import { closest, distance } from 'fastest-levenshtein';

export function didYouMean(input: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = input.toLowerCase();
  const prefixed = known.filter((k) => k.startsWith(lower) || lower.startsWith(k));
  if (prefixed.length === 1) return prefixed[0];
  const best = closest(lower, [...known]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(lower, best) <= limit ? best : undefined;
}

/** The hint text for a misspelt name, or a list of valid names when nothing is close. */
export function suggestion(input: string, known: readonly string[]): string {
  const near = didYouMean(input, known);
  return near ? `did you mean '${near}'?` : `expected one of: ${known.join(', ')}`;
}
