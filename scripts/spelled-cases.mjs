/**
 * A case-insensitive regular expression written out case by case, for the build: the same
 * expression without the `i` flag, each letter a class of the characters it matches ("a" becomes
 * "[aA]"), so V8 compiles it without asking ICU for the case variants of every letter. chrono-node's
 * expressions are case-insensitive alternations of month names, numbers in words and time units:
 * V8 took 50–75 ms to compile each of the largest of them, a third of a second for the seven
 * locales a date line is tried in; written out, a tenth of that.
 *
 * Exactly equivalent (ECMAScript, non-Unicode `i`): a character of the text matches a pattern
 * character, or a member of a class, when both canonicalise to the same code unit (upper case,
 * unless that takes more than one code unit or takes a character beyond ASCII into it). So each
 * pattern character becomes the class of every code unit with its canonical form, and each class
 * member the same, inside the class, negated or not; `\w`, `\d`, `\s`, their complements, `\b`
 * and `.` hold or exclude whole case classes already, and are left as they are. The groups, and
 * so the captures, stay where they were. An expression with back-references (compared without
 * case) or the `u` or `v` flag (another folding) is not rewritten.
 */
import { RegExpParser } from '@eslint-community/regexpp';

/** The canonical form of a code unit under non-Unicode `i` (ECMAScript's Canonicalize). */
export function canonical(unit) {
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const cu = upper.charCodeAt(0);
  return unit >= 128 && cu < 128 ? unit : cu;
}

let variantsOf;
/** Every code unit with the canonical form of `unit`, in order. */
function variants(unit) {
  if (!variantsOf) {
    variantsOf = new Map();
    for (let u = 0; u <= 0xffff; u++) {
      const c = canonical(u);
      let list = variantsOf.get(c);
      if (!list) variantsOf.set(c, (list = []));
      list.push(u);
    }
  }
  return variantsOf.get(canonical(unit));
}

/** A code unit as it can stand inside a class: letters and digits as they are, others escaped. */
const inClass = (u) => (/[\p{L}\p{N}]/u.test(String.fromCharCode(u)) && u < 0xd800 ? String.fromCharCode(u) : `\\u${u.toString(16).padStart(4, '0')}`);

/**
 * The source of `source` (flags `flags`, holding `i`) without `i`, case by case; undefined when
 * it cannot be written so (see above).
 */
export function spellCases(source, flags) {
  if (!flags.includes('i') || /[uv]/.test(flags)) return undefined;
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: false, unicodeSets: false });
  const edits = [];
  let refused = false;
  const classMembers = (units) => [...new Set(units.flatMap(variants))].sort((a, b) => a - b);
  const visit = (node) => {
    switch (node.type) {
      case 'Backreference':
        refused = true;
        return;
      case 'Character': {
        const all = variants(node.value);
        if (all.length > 1) edits.push([node.start, node.end, `[${all.map(inClass).join('')}]`]);
        return;
      }
      case 'CharacterClass':
        for (const e of node.elements) {
          if (e.type === 'Character') {
            const all = variants(e.value);
            if (all.length > 1) edits.push([e.start, e.end, all.map(inClass).join('')]);
          } else if (e.type === 'CharacterClassRange') {
            // The range as written, and the variants of its members that fall outside it.
            const units = [];
            for (let u = e.min.value; u <= e.max.value; u++) units.push(u);
            const outside = classMembers(units).filter((u) => u < e.min.value || u > e.max.value);
            if (outside.length) edits.push([e.end, e.end, outside.map(inClass).join('')]);
          } else if (e.type !== 'CharacterSet') refused = true;
        }
        return;
      default:
        for (const key of ['alternatives', 'elements']) for (const child of node[key] ?? []) visit(child);
        if (node.element) visit(node.element);
    }
  };
  visit(ast);
  if (refused) return undefined;
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
    out += source.slice(at, start) + text;
    at = end;
  }
  return out + source.slice(at);
}

/**
 * The expressions of the date parsers `locales` names (`src/corpus/date-locales.json`), written
 * out case by case, under `flags/source` of each: what `src/corpus/spelled-patterns.ts` holds once
 * built. `require` loads chrono-node's locale modules as the corpus stage does.
 */
export function spelledTable(require, locales) {
  const table = new Map();
  for (const { module, parser } of locales) {
    const exports = require(`chrono-node/${module}`);
    // The context chrono hands each parser, as a parse of a date line makes it.
    let context;
    new exports.Chrono({ parsers: [{ pattern: (c) => ((context = c), /$^/), extract: () => null }], refiners: [] }).parse('x');
    for (const p of exports[parser].parsers) {
      const own = p.pattern(context);
      const written = spellCases(own.source, own.flags);
      if (written !== undefined) table.set(`${own.flags}/${own.source}`, written);
    }
  }
  return table;
}
