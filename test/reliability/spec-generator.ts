/**
 * A seeded generator of malformed and odd briefing specs: broken YAML, wrong types, huge values,
 * unknown and misspelt helpers, unbalanced `{{`, binary bytes, empty files, and valid ones mutated.
 */

/** mulberry32: small, fast, seedable; the same seed always gives the same specs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    else s = `---\n${frontMatter()}\n---\n${body()}\n`;
    if (rnd() < 0.05) s = s.replace(/\n/g, '\r\n');
    if (rnd() < 0.05) s = '\uFEFF' + s;
    if (rnd() < 0.03) s += '\u0000\u0001\u0002';
    specs.push(s + `\n<!-- ${i} -->`.repeat(shape < 0.1 ? 0 : 1));
  }
  return specs;
}
