/** A flag's comma-separated values, each one of a fixed set (`--kind`, `--format`). */
import { InvalidArgumentError } from 'commander';
import { didYouMean } from '../diagnostics/suggest.ts';

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
