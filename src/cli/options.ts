/** Flag parsing shared by commands. */
import { InvalidArgumentError } from 'commander';
import { distance } from 'fastest-levenshtein';

/** The closest of `choices` to `value`, when it is close enough to be a likely typo. */
export function didYouMean(value: string, choices: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of choices) {
    const d = distance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && (bestDistance <= 2 || best.startsWith(value)) ? best : undefined;
}

/** Parses `a,b,c` and checks each against `choices`. */
export function parseList(value: string, choices: readonly string[], flag: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!choices.includes(item)) {
      const guess = didYouMean(item, choices);
      throw new InvalidArgumentError(
        `${flag}: unknown value '${item}'${guess ? ` — did you mean '${guess}'?` : ''} (choose from ${choices.join(', ')})`,
      );
    }
  }
  return items;
}
