/** How a scenario card reads, for the layout stage and every writer alike. */
import type { Scenario } from '../model.ts';

/**
 * How a scenario card reads: its name, then the rest of its text. A card whose text opens with
 * its name ("A new leader would have a chance to reassess…") reads as one sentence with the name
 * in bold (`inline`), so the name is not said twice.
 */
export function scenarioParts(s: Pick<Scenario, 'name' | 'text'>): { name: string; rest: string; inline: boolean } {
  const inline = s.name.length > 0 && s.text.startsWith(s.name);
  return { name: s.name, rest: inline ? s.text.slice(s.name.length) : s.text, inline };
}
