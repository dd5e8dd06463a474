/**
 * `npm run bench:corpus`: ingests a generated corpus of 2,000 articles (the five real ones, each
 * copy varied so no two files are identical) and prints words per second and peak memory for a
 * cold run (empty store) and a warm run (unchanged corpus). Each run is its own process, timed
 * from the parent, so the warm figure is what a user waits for: start-up included.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countWords } from '../src/corpus/blocks.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const root = join(import.meta.dirname, '..');

if (process.argv[2] === '--child') {
  const { loadCorpus } = await import('../src/corpus/index.ts');
  const store = await loadCorpus({ root: process.argv[3], cacheDir: process.argv[4] });
  // Count without loading every document body: a warm run should cost what checking costs.
  const { documents } = store.stats();
  store.close();
  console.log(JSON.stringify({ documents, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const NAMES = ['Moscow', 'Beijing', 'Washington', 'Brussels', 'Delhi'];
function generate(dir: string): number {
  const sources = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(root, 'corpus', f), 'utf8'));
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  let words = 0;
  for (let i = 0; i < ARTICLES; i++) {
    const base = sources[i % sources.length];
    // Vary figures, a capital and the paragraph order of the body so every file is distinct text.
    const lines = base.split('\n\n');
    const head = lines.slice(0, 4);
    const body = lines.slice(4);
    const k = Math.floor(i / sources.length);
    const rotated = [...body.slice(k % Math.max(1, body.length)), ...body.slice(0, k % Math.max(1, body.length))];
    const text = [...head, ...rotated]
      .join('\n\n')
      .replace(/\b(19|20)(\d\d)\b/g, (_m, c: string, y: string) => `${c}${String((Number(y) + k) % 100).padStart(2, '0')}`)
      .replace(/\bMoscow\b/g, NAMES[k % NAMES.length]);
    writeFileSync(join(dir, 'corpus', `${String(i).padStart(5, '0')}.txt`), `${text}\n\nEdition ${i}.\n`);
    words += countWords(text);
  }
  return words;
}

function run(dir: string, cache: string) {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', dir, cache], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(child.stderr);
  const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as { documents: number; maxRssMiB: number };
  return { seconds, ...out };
}

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));
const cache = join(dir, 'cache');
try {
  const words = generate(dir);
  console.log(`corpus: ${ARTICLES} articles, ${words.toLocaleString('en')} words`);
  const cold = run(dir, cache);
  console.log(`cold: ${cold.seconds.toFixed(2)} s, ${Math.round(words / cold.seconds).toLocaleString('en')} words/s, peak ${cold.maxRssMiB.toFixed(0)} MiB, ${cold.documents} documents (target ≥ 150,000 words/s)`);
  const warm = run(dir, cache);
  console.log(`warm: ${warm.seconds.toFixed(2)} s, ${Math.round(words / warm.seconds).toLocaleString('en')} words/s, peak ${warm.maxRssMiB.toFixed(0)} MiB (target ≤ 1 s)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
