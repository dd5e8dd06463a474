/**
 * chrono-node's regular expressions rewritten for V8's compiler, for the build: the same matches
 * (at the same places, with the same groups) from expressions V8 compiles in a fraction of the
 * time. chrono's expressions are case-insensitive alternations of month names, numbers in words
 * and time units; V8 took 50–75 ms to compile each of the largest of them, a third of a second for
 * the seven locales a date line is tried in (a newswire title with a figure in it is tried in all
 * seven). Two rewrites, each exact:
 *
 * - Cases written out (`spellCases`): the expression without the `i` flag, each letter a class of
 *   the characters it matches ("a" becomes "[aA]"), so V8 does not ask ICU for every letter's case
 *   variants. Under non-Unicode `i` (ECMAScript), a character of the text matches a pattern
 *   character, or a member of a class, when both canonicalise to the same code unit (upper case,
 *   unless that takes more than one code unit or takes a character beyond ASCII into it). So each
 *   pattern character becomes the class of every code unit with its canonical form, and each class
 *   member the same, inside the class, negated or not; `\w`, `\d`, `\s`, their complements, `\b`
 *   and `.` hold or exclude whole case classes already, and are left as they are. An expression
 *   with back-references (compared without case) or the `u` or `v` flag (another folding) is not
 *   rewritten.
 * - Alternatives sharing a start factored out (`factorAlternatives`): in a group whose
 *   alternatives are plain runs of characters and classes, "gennaio|gen\.|gen" becomes
 *   "gen(?:naio|\.|)". Alternatives are tried in order; those whose first characters can never be
 *   the same character cannot both match at one place, so only the order among alternatives with
 *   the same start counts, and it is kept (recursively, for what follows the shared start). A
 *   group where two starts overlap without being the same is left as it is, and an empty
 *   alternative (which matches anywhere) keeps the ones before and after it on their sides.
 */
import { RegExpParser } from '@eslint-community/regexpp';

const parse = (source) => new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: false, unicodeSets: false });

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

/** `source` with `edits` ([start, end, text]) made, in order. */
function edited(source, edits) {
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
    out += source.slice(at, start) + text;
    at = end;
  }
  return out + source.slice(at);
}

/**
 * The source of `source` (flags `flags`, holding `i`) without `i`, case by case; undefined when
 * it cannot be written so (see above).
 */
export function spellCases(source, flags) {
  if (!flags.includes('i') || /[uv]/.test(flags)) return undefined;
  const edits = [];
  let refused = false;
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
            const outside = new Set();
            for (let u = e.min.value; u <= e.max.value; u++) for (const v of variants(u)) if (v < e.min.value || v > e.max.value) outside.add(v);
            if (outside.size) edits.push([e.end, e.end, [...outside].sort((a, b) => a - b).map(inClass).join('')]);
          } else if (e.type !== 'CharacterSet') refused = true;
        }
        return;
      default:
        for (const key of ['alternatives', 'elements']) for (const child of node[key] ?? []) visit(child);
        if (node.element) visit(node.element);
    }
  };
  visit(parse(source));
  return refused ? undefined : edited(source, edits);
}

/** A character or a class of plain characters, as the set of code units it matches (no `i`), with its source; else undefined. */
function atomOf(node) {
  if (node.type === 'Character') return { units: [node.value], raw: node.raw };
  if (node.type === 'CharacterClass' && !node.negate && node.elements.every((e) => e.type === 'Character'))
    return { units: [...new Set(node.elements.map((e) => e.value))].sort((a, b) => a - b), raw: node.raw };
  return undefined;
}

const sameUnits = (a, b) => a.length === b.length && a.every((u, i) => u === b[i]);
const overlap = (a, b) => a.some((u) => b.includes(u));

/** Alternatives (each a list of atoms) factored: the sources of the alternatives left, or undefined when two starts overlap without being the same. */
function factored(alternatives) {
  const parts = [];
  // Runs between empty alternatives are factored on their own: nothing crosses an empty one.
  let run = [];
  const close = () => {
    if (!run.length) return true;
    const groups = [];
    for (const alt of run) {
      const group = groups.find((g) => sameUnits(g.first.units, alt[0].units));
      if (group) group.rest.push(alt.slice(1));
      else groups.push({ first: alt[0], rest: [alt.slice(1)] });
    }
    for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) if (overlap(groups[i].first.units, groups[j].first.units)) return false;
    for (const g of groups) {
      const inner = g.rest.length === 1 ? [g.rest[0].map((a) => a.raw).join('')] : factored(g.rest);
      if (inner === undefined) return false;
      parts.push(inner.length === 1 ? g.first.raw + inner[0] : `${g.first.raw}(?:${inner.join('|')})`);
    }
    run = [];
    return true;
  };
  for (const alt of alternatives) {
    if (alt.length) run.push(alt);
    else if (close()) parts.push('');
    else return undefined;
  }
  return close() ? parts : undefined;
}

/** `source` with the alternatives of each group of plain runs factored by their starts (see above). */
export function factorAlternatives(source) {
  const edits = [];
  const visit = (node) => {
    if ((node.type === 'Group' || node.type === 'CapturingGroup') && node.alternatives.length > 1) {
      const alternatives = node.alternatives.map((alt) => alt.elements.map(atomOf));
      if (alternatives.every((alt) => alt.every(Boolean))) {
        const inner = factored(alternatives);
        if (inner !== undefined) {
          const last = node.alternatives[node.alternatives.length - 1];
          edits.push([node.alternatives[0].start, last.end, inner.join('|')]);
          return;
        }
      }
    }
    for (const key of ['alternatives', 'elements']) for (const child of node[key] ?? []) visit(child);
    if (node.element) visit(node.element);
  };
  visit(parse(source));
  return edited(source, edits);
}

/** What an expression of chrono's is rewritten to (its source and flags), or undefined when it is kept. */
export function rewritten(source, flags) {
  const spelled = spellCases(source, flags);
  if (spelled === undefined) return undefined;
  return { source: factorAlternatives(spelled), flags: flags.replace('i', '') };
}

/**
 * The expressions of the date parsers `locales` names (`src/corpus/date-locales.json`),
 * rewritten, under `flags/source` of each: what `src/corpus/date-patterns.ts` holds once built.
 * `require` loads chrono-node's locale modules as the corpus stage does.
 */
export function rewrittenTable(require, locales) {
  const table = new Map();
  for (const { module, parser } of locales) {
    const exports = require(`chrono-node/${module}`);
    // The context chrono hands each parser, as a parse of a date line makes it.
    let context;
    new exports.Chrono({ parsers: [{ pattern: (c) => ((context = c), /$^/), extract: () => null }], refiners: [] }).parse('x');
    for (const p of exports[parser].parsers) {
      const own = p.pattern(context);
      const written = rewritten(own.source, own.flags);
      if (written !== undefined) table.set(`${own.flags}/${own.source}`, [written.source, written.flags]);
    }
  }
  return table;
}
