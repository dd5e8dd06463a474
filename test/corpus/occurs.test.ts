/**
 * A name with the right words around it: `occursBetween` must answer what the expression built
 * for the name answers, for the lookbehinds and continuations the corpus stage uses, on the seed
 * articles, the Reuters stories and random text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { occursBetween, part } from '../../src/corpus/occurs.ts';
import { prng } from '../support/prng.ts';

const ORG = String.raw`(?:the\s+)?(?:\p{Lu}[\p{L}&.-]*\s+){0,4}(?:Inc|Corp|Bank|Group|Oil|Trust)\b`;
const PARTS: Array<[string, string]> = [
  [String.raw`(?<![\p{L}])`, String.raw`\s+(?:and|or)\s+${ORG}`],
  [String.raw`(?<=${ORG}\s+(?:and|or)\s+)`, String.raw`(?![\p{L}])`],
  [String.raw`(?<![\p{L}])`, String.raw`(?:\s+\p{Lu}[\p{L}&.-]*){0,3}\s+(?:<[A-Z.]+>|\(\p{Lu}{2,8}\))`],
  [String.raw`(?<![\p{L}])`, String.raw`\s+(?:said|says|told|added|stated)\b`],
  [String.raw`(?<=\bsaid\s+)`, String.raw`(?![\p{L}])`],
  [String.raw`(?<![\p{L}-]\s?)`, String.raw`(?![\p{L}'’-]|\s+\p{Lu})`],
  ['', ''],
];
const compiled = PARTS.map(([b, a]) => [b ? part(b) : undefined, a ? part(a) : undefined] as const);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const check = (text: string, name: string) => {
  PARTS.forEach(([b, a], k) => {
    const expected = new RegExp(`${b}${escape(name)}${a}`, 'u').test(text);
    expect(occursBetween(text, name, ...compiled[k]), JSON.stringify([k, name, text.slice(0, 80)])).toBe(expected);
  });
};

describe('occursBetween', () => {
  it('answers as the expression built for the name, on hand-picked cases', () => {
    const cases: Array<[string, string]> = [
      ['xxx said', 'xx'],
      ['-x x x said', 'x x'],
      ['Mobil Corp and Exxon, said Exxon', 'Exxon'],
      ['the Exxon Oil Corp <XON>', 'Exxon'],
      ['said\n  Brock. Brock-x Brock Said', 'Brock'],
      ['𝐀Exxon and First Bank', 'Exxon'],
    ];
    for (const [text, name] of cases) check(text, name);
  });

  it('answers as the expression built for the name, on random text', () => {
    const rand = prng(5);
    const pieces = ['Exxon', 'Ex', 'Corp', 'Inc', 'Bank', 'and', 'or', 'said', 'says', 'the', ' ', ' ', '\n', '-', "'", '<', 'XON', '>', '(', 'XO', ')', '.', 'é', '𝐀', '\uD835', '\uDC00', 'x'];
    const names = ['Exxon', 'Ex', 'Exxon Corp', 'said', '\uDC00x', 'x\uD835', '𝐀', '', 'xx', 'x x'];
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: Math.floor(rand() * 16) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      check(text, names[Math.floor(rand() * names.length)]);
    }
  });

  it('answers as the expression built for the name, on the seed articles and the Reuters stories', () => {
    const dirs = [join(import.meta.dirname, '../../corpus'), join(import.meta.dirname, '../../eval/corpora/reuters-21578-0')].filter(existsSync);
    let found = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort().slice(0, 80)) {
        const text = readFileSync(join(dir, f), 'utf8');
        for (const name of new Set([...text.matchAll(/\p{Lu}[\p{L}&'’.-]*(?: \p{Lu}[\p{L}]+)?/gu)].map((m) => m[0]).slice(0, 8))) {
          check(text, name);
          found += PARTS.filter(([b, a]) => new RegExp(`${b}${escape(name)}${a}`, 'u').test(text)).length;
        }
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});
