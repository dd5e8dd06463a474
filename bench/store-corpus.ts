/**
 * A large corpus of real text for `npm run bench:store`: the five seed articles and the 925
 * Reuters stories (vendored in `eval/corpora/reuters-21578-0`, or BENCH_REUTERS), each copy varied so no
 * two files are identical: the body's paragraphs rotated, years shifted, a capital and a figure
 * changed, and an edition line. Files go a thousand to a folder.
 *
 *   tsx bench/store-corpus.ts <dir> <articles>
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
export const REUTERS = process.env.BENCH_REUTERS ?? join(root, 'eval', 'corpora', 'reuters-21578-0');

function sources(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(root, 'corpus')).sort()) if (f.endsWith('.txt')) out.push(readFileSync(join(root, 'corpus', f), 'utf8'));
  if (existsSync(REUTERS)) {
    const files = (readdirSync(REUTERS, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) out.push(readFileSync(join(REUTERS, f), 'utf8'));
  }
  return out;
}

const CAPITALS = ['Moscow', 'Beijing', 'Washington', 'Brussels', 'Delhi', 'Tokyo', 'Ankara'];

/** Writes `articles` files under `<dir>/corpus`; returns their paths relative to `dir`. */
export function generateCorpus(dir: string, articles: number, from = 0): string[] {
  const texts = sources();
  const written: string[] = [];
  for (let i = from; i < from + articles; i++) {
    const base = texts[i % texts.length];
    const k = Math.floor(i / texts.length);
    const blocks = base.split(/\n\s*\n|\n(?= {4})/);
    const head = blocks.slice(0, 2);
    const body = blocks.slice(2);
    const r = body.length > 1 ? k % body.length : 0;
    const rotated = [...body.slice(r), ...body.slice(0, r)];
    const text = [...head, ...rotated]
      .join('\n\n')
      .replace(/\b(19|20)(\d\d)\b/g, (_m, c: string, y: string) => `${c}${String((Number(y) + k) % 100).padStart(2, '0')}`)
      .replace(/\b(Moscow|NEW YORK|LONDON)\b/g, CAPITALS[k % CAPITALS.length])
      .replace(/\b(\d+)\.(\d\d)\b/, (_m, a: string, b: string) => `${a}.${String((Number(b) + k) % 100).padStart(2, '0')}`);
    const folder = join(dir, 'corpus', `part${String(Math.floor(i / 1000)).padStart(4, '0')}`);
    if (i % 1000 === 0 || i === from) mkdirSync(folder, { recursive: true });
    const file = join(folder, `a${String(i).padStart(7, '0')}.txt`);
    writeFileSync(file, `${text}\n\nEdition ${i}.\n`);
    written.push(relative(dir, file));
  }
  return written;
}

if (import.meta.filename === process.argv[1]) {
  const [dir, n] = process.argv.slice(2);
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  const topics = join(root, 'corpus', 'topics.yaml');
  if (existsSync(topics)) writeFileSync(join(dir, 'corpus', 'topics.yaml'), readFileSync(topics));
  const files = generateCorpus(dir, Number(n));
  console.log(`${files.length} articles in ${dir}/corpus`);
}
