/**
 * A seeded generator of malformed and odd briefing specs: broken YAML, wrong types, huge values,
 * unknown and misspelt helpers, unbalanced `{{`, binary bytes, empty files, and valid specs with odd
 * values (limits, markup in strings, no matching evidence) that must still build.
 */

import { prng } from '../support/prng.ts';

const KEYS = ['title', 'subtitle', 'date', 'presenter', 'organisation', 'audience', 'theme', 'formats', 'length',
  'topics', 'sources', 'since', 'until', 'include', 'exclude', 'classification', 'notes', 'accent', 'logo', 'footer',
  'audiance', 'temes', 'lenght', 'policy'];
const VALUES = ['executive', 'exec', 'analyst', 'expert', 'public', 'ministry', 'nonesuch', '42', '-1', '1e309',
  '0', 'true', 'null', '~', '[]', '{}', '[html, pdf]', '[docx]', '"2023-05-22"', '2023-13-45', '"yesterday"',
  '[energy, arms trade]', '[[nested]]', '{ a: 1 }', '"' + 'x'.repeat(5000) + '"', '99999999999', '"../../etc/passwd"',
  '"/etc/passwd"', '"#zzzzzz"', '"#1f4e79"', '!!binary aGVsbG8=', '&anchor value', '*nope', '"\\u0000"', "'unclosed",
  '"unclosed', '| \n  block', '> \n  folded', '[unclosed', '{unclosed', '@reserved', '`tick`', '%percent'];
const HELPERS = ['{{claims "energy pipelines" limit=3}}', '{{claims}}', '{{claims "zzzqqq nothing matches"}}',
  '{{figures topic="arms trade"}}', '{{figures topic="nonexistent"}}', '{{quote speaker="Putin"}}',
  '{{quote speaker="Nobody Atall"}}', '{{judgements}}', '{{scenarios}}', '{{timeline}}', '{{sources}}',
  '{{claim "energy"}}', '{{figurez}}', '{{#each x}}', '{{/if}}', '{{', '}}', '{{{claims "x"}}}', '{{> partial}}',
  '{{claims limit="ten"}}', '{{claims "energy" limit=-5}}', '{{claims "energy" limit=100000}}', '{{!-- comment --}}',
  '{{lookup this "constructor"}}', '{{constructor}}', '{{__proto__}}', '{{claims "a" "b" "c" kind="nope"}}'];
const LINES = ['# Section', '## Sub section', '### deep', 'Plain text paragraph.', '- a bullet', '---', '***',
  '<!-- theme: gaia -->', '<script>alert(1)</script>', '![img](http://example.com/x.png)', '', '    code', '> quote'];

/** Valid values for each key, some at their limits, for specs that should build. */
const ODD_BUT_VALID: Record<string, readonly string[]> = {
  audience: ['executive', 'analyst', 'expert', 'public'],
  theme: ['ministry', 'analyst', 'public'],
  length: ['3', '60', '7'],
  topics: ['[energy]', '[alliance, energy]', '[]', '[nonexistent-topic]'],
  formats: ['[html]', '[pptx, html]'],
  notes: ['true', 'false'],
  since: ['"1990-01-01"', '"2023-01-01"'],
  until: ['"2030-12-31"'],
  classification: ['"OFFICIAL-SENSITIVE"', '"<b>SECRET</b> {{x}}"'],
  subtitle: ['"' + 'long '.repeat(400) + '"', '"中俄 — الغاز — 🐻"', '"<script>alert(1)</script>"', '""'],
  footer: ['"--- <!-- theme: gaia --> ---"'],
  presenter: ['"[x](javascript:alert(1))"'],
  policy: ['{ bullets: 1, words: 6 }', '{ bullets: 10, words: 120, compress: true }', '{ citations: sources-slide }'],
  exclude: ['["energy"]', '["zzz"]'],
};
const VALID_HELPERS = ['{{claims "energy pipelines" limit=3}}', '{{claims topic="energy"}}', '{{figures}}',
  '{{quote speaker="Putin"}}', '{{judgements limit=1}}', '{{bluf limit=3}}', '{{scenarios}}', '{{timeline}}',
  '{{claims "zzzqqq nothing matches"}}', '{{claims "energy" limit=50}}', 'Plain <b>author</b> text.'];

export function generateSpecs(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const specs: string[] = [];
  const frontMatter = () => {
    const n = Math.floor(rnd() * 8);
    const lines = ['title: Fuzzed briefing ' + Math.floor(rnd() * 1e6)];
    for (let i = 0; i < n; i++) lines.push(`${pick(KEYS)}: ${pick(VALUES)}`);
    if (rnd() < 0.1) lines.push('  bad indentation: here');
    if (rnd() < 0.1) lines.push('- a list where a map belongs');
    if (rnd() < 0.05) lines.push('title: duplicate key');
    return lines.join('\n');
  };
  const body = () => {
    const n = Math.floor(rnd() * 12);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(rnd() < 0.5 ? pick(HELPERS) : pick(LINES));
    return out.join('\n');
  };
  const validButOdd = () => {
    const keys = Object.keys(ODD_BUT_VALID).filter(() => rnd() < 0.35);
    const lines = [`title: "Odd but valid ${Math.floor(rnd() * 1e6)}"`, ...keys.map((k) => `${k}: ${pick(ODD_BUT_VALID[k])}`)];
    const sections = Array.from({ length: Math.floor(rnd() * 6) }, (_, k) => `## Part ${k}\n\n${pick(VALID_HELPERS)}`);
    return `---\n${lines.join('\n')}\n---\n\n${sections.join('\n\n')}\n`;
  };
  for (let i = 0; specs.length < count; i++) {
    const shape = rnd();
    let s: string;
    if (shape < 0.05) s = '';
    else if (shape < 0.1) s = Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(rnd() * 256))).join('');
    else if (shape < 0.15) s = `---\n${frontMatter()}\n`; // unterminated front-matter
    else if (shape < 0.2) s = `${body()}\n`; // no front-matter at all
    else if (shape < 0.25) s = `---\n---\n${body()}`;
    else if (shape < 0.3) s = `---\ntitle: ${'"'.repeat(1 + Math.floor(rnd() * 3))}\n---\n${body()}`;
    else if (shape < 0.35) s = `---\ntitle: Huge\ntopics: [${Array.from({ length: 500 }, (_, k) => 't' + k).join(', ')}]\nlength: ${Math.floor(rnd() * 1e6)}\n---\n`;
    else if (shape < 0.55) s = validButOdd();
    else s = `---\n${frontMatter()}\n---\n${body()}\n`;
    if (rnd() < 0.05) s = s.replace(/\n/g, '\r\n');
    if (rnd() < 0.05) s = '\uFEFF' + s;
    if (rnd() < 0.03) s += '\u0000\u0001\u0002';
    specs.push(s + `\n<!-- ${i} -->`.repeat(shape < 0.1 ? 0 : 1));
  }
  return specs;
}
