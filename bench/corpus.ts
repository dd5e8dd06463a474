/**
 * `npm run bench:corpus`: ingest speed of the compiled corpus stage, whole process (start-up
 * included, as a user waits for it), on real text:
 * - reuters: `../shared/corpora/reuters-21578-0` (or BENCH_REUTERS), when present;
 * - seed ×N: the five seed articles replicated until BENCH_WORDS words (default 2,000,000), each
 *   copy varied (figures, a capital, paragraph order) so no two files are identical;
 * - generated: BENCH_ARTICLES (default 2,000) such copies, the figure earlier versions reported.
 * For each: a cold run on worker threads (the default), a cold run on the main thread only
 * (BRIEFDECK_INGEST_THREADS=0, the baseline of the ratio) and a warm run over the unchanged corpus.
 * Peak memory is the child's own maximum RSS (worker threads included).
 *
 *   npm run bench:corpus                  # all three
 *   npm run bench:corpus -- reuters       # only corpora whose name holds "reuters"
 *
 * Targets (issue #16): cold ≥ 150,000 words/s on real text; warm 2,000 articles ≤ 0.5 s.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { countWords } from '../src/corpus/blocks.ts';

const root = join(import.meta.dirname, '..');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const WORDS = Number(process.env.BENCH_WORDS ?? 2_000_000);
const REUTERS = resolve(root, process.env.BENCH_REUTERS ?? '../shared/corpora/reuters-21578-0');
const only = process.argv[2];

const NAMES = ['Moscow', 'Beijing', 'Washington', 'Brussels', 'Delhi'];
/** Writes varied copies of the seed articles into `dir/corpus` until `enough(i, words)`; returns the words written. */
function replicate(dir: string, enough: (articles: number, words: number) => boolean): number {
  const sources = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(root, 'corpus', f), 'utf8'));
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  let words = 0;
  for (let i = 0; !enough(i, words); i++) {
    const lines = sources[i % sources.length].split('\n\n');
    const head = lines.slice(0, 4);
    const body = lines.slice(4);
    const k = Math.floor(i / sources.length);
    const r = k % Math.max(1, body.length);
    const text = [...head, ...body.slice(r), ...body.slice(0, r)]
      .join('\n\n')
      .replace(/\b(19|20)(\d\d)\b/g, (_m, c: string, y: string) => `${c}${String((Number(y) + k) % 100).padStart(2, '0')}`)
      .replace(/\bMoscow\b/g, NAMES[k % NAMES.length]);
    writeFileSync(join(dir, 'corpus', `${String(i).padStart(5, '0')}.txt`), `${text}\n\nEdition ${i}.\n`);
    words += countWords(text);
  }
  return words;
}

function wordsIn(dir: string): number {
  let words = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.txt')) words += countWords(readFileSync(join(e.parentPath, e.name), 'utf8'));
  return words;
}

/** One ingest in its own process, through the compiled library (dist/index.js). */
function run(dir: string, threads?: number) {
  const code = `const { loadCorpus } = await import(${JSON.stringify(join(root, 'dist/index.js'))});
const store = await loadCorpus({ root: ${JSON.stringify(dir)} });
const { documents } = store.stats();
store.close();
console.log(JSON.stringify({ documents, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));`;
  const script = join(dir, 'ingest.mjs');
  writeFileSync(script, code);
  // Plain Node, not the TypeScript loader this bench runs under.
  const { NODE_OPTIONS: _loader, ...inherited } = process.env;
  const env = { ...inherited, ...(threads === undefined ? {} : { BRIEFDECK_INGEST_THREADS: String(threads) }) };
  const started = performance.now();
  const child = spawnSync(process.execPath, [script], { encoding: 'utf8', env });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(child.stderr);
  return { seconds, ...(JSON.parse(child.stdout.trim().split('\n').pop()!) as { documents: number; maxRssMiB: number }) };
}

const corpora: Array<{ name: string; make(dir: string): number }> = [
  {
    name: 'reuters',
    make(dir) {
      if (!existsSync(REUTERS)) return 0;
      cpSync(REUTERS, join(dir, 'corpus'), { recursive: true, filter: (p) => !p.endsWith('README.md') });
      return wordsIn(join(dir, 'corpus'));
    },
  },
  { name: `seed ×N`, make: (dir) => replicate(dir, (_n, words) => words >= WORDS) },
  { name: 'generated', make: (dir) => replicate(dir, (n) => n >= ARTICLES) },
];

const rate = (words: number, s: number) => `${Math.round(words / s).toLocaleString('en')} words/s`;
for (const corpus of corpora) {
  if (only && !corpus.name.includes(only)) continue;
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-bench-corpus-'));
  try {
    const words = corpus.make(dir);
    if (!words) {
      console.log(`${corpus.name}: not found (${REUTERS}), skipped`);
      continue;
    }
    const cache = join(dir, '.cache');
    const single = run(dir, 0);
    rmSync(cache, { recursive: true, force: true });
    const cold = run(dir);
    const warm = run(dir);
    console.log(`${corpus.name}: ${cold.documents.toLocaleString('en')} documents, ${words.toLocaleString('en')} words`);
    console.log(`  cold, threads:      ${cold.seconds.toFixed(2)} s, ${rate(words, cold.seconds)}, peak ${cold.maxRssMiB.toFixed(0)} MiB`);
    console.log(`  cold, main thread:  ${single.seconds.toFixed(2)} s, ${rate(words, single.seconds)}, peak ${single.maxRssMiB.toFixed(0)} MiB (baseline)`);
    console.log(`  ratio threads / main thread: ${(single.seconds / cold.seconds).toFixed(2)}×; target ≥ 150,000 words/s ${words / cold.seconds >= 150_000 ? 'met' : 'MISSED'}`);
    console.log(`  warm, unchanged:    ${warm.seconds.toFixed(2)} s, peak ${warm.maxRssMiB.toFixed(0)} MiB (${(cold.seconds / warm.seconds).toFixed(0)}× faster than cold)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
