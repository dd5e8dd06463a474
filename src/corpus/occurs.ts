import { escapeRegExp } from '../text.ts';

/**
 * Whether a text holds a name with the right words around it, as an expression built for the name
 * would answer (`new RegExp(lookbehind + name + rest, 'u').test(text)`), without building one: a
 * corpus names thousands of different people and firms, and each new expression's Unicode letter
 * classes are compiled anew, which cost more than every search they made. The parts around the
 * name are compiled once, sticky (`uy`), and tried at each place the name occurs.
 */

/** A Unicode expression never matches from inside a surrogate pair: a name that starts or ends with half of one is searched the slow way. */
const HALF_PAIR = /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/;

/**
 * Whether `text` holds `name` where `before` (a lookbehind, or undefined) holds at its start and
 * `after` (what follows the name in the expression, or undefined) matches from its end: what
 * `new RegExp(before.source + escaped name + after.source, 'u').test(text)` answers.
 */
export function occursBetween(text: string, name: string, before: RegExp | undefined, after: RegExp | undefined): boolean {
  if (!name || HALF_PAIR.test(name)) return new RegExp(`${before?.source ?? ''}${escapeRegExp(name)}${after?.source ?? ''}`, 'u').test(text);
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (before) {
      before.lastIndex = at;
      if (!before.test(text)) continue;
    }
    if (!after) return true;
    after.lastIndex = at + name.length;
    if (after.test(text)) return true;
  }
  return false;
}

/** `source` compiled for {@link occursBetween}: Unicode, sticky. */
export const part = (source: string): RegExp => new RegExp(source, 'uy');
