/**
 * `npm run bench:corpus`: ingest speed of the compiled corpus stage, whole process (start-up
 * included, as a user waits for it), on real text:
 * - reuters: `../shared/corpora/reuters-21578-0` (or BENCH_REUTERS), when present;
 * - seed ×N: the five seed articles replicated until BENCH_WORDS words (default 2,000,000), each
 *   copy varied (figures, a capital, paragraph order) so no two files are identical;
 * - generated: BENCH_ARTICLES (default 2,000) such copies, the figure earlier versions reported.
 * Each run is `briefdeck corpus` in its own process, as a user types it: a cold run on the main
 * thread only (BRIEFDECK_INGEST_THREADS=0), a cold run as configured by default (worker threads
 * when there is enough text) and a warm run over the unchanged corpus; medians of `--runs N`
 * (default 3). Wall time, CPU time (user + system, threads included: what the work costs on a
 * machine shared with other jobs) and peak RSS, from /usr/bin/time.
 *
 *   npm run bench:corpus                  # all three
 *   npm run bench:corpus -- reuters       # only corpora whose name holds "reuters"
 *   npm run bench:corpus -- reuters --baseline DIR --runs 5
 *                                         # also another build (DIR holds its bin/ and dist/), interleaved
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

/** A build of briefdeck to run: this one, or a baseline (`--baseline DIR`, a folder holding bin/ and dist/ of another build). */
interface Build {
  name: string;
  bin: string;
}
const builds: Build[] = [{ name: 'this build', bin: join(root, 'bin/briefdeck.js') }];
const baselineAt = process.argv.indexOf('--baseline');
if (baselineAt !== -1) builds.push({ name: 'baseline', bin: join(resolve(process.argv[baselineAt + 1]), 'bin/briefdeck.js') });
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt === -1 ? 3 : Number(process.argv[runsAt + 1]);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Run {
  seconds: number;
  /** User + system CPU time of the process and its threads (when /usr/bin/time is there). */
  cpu: number;
  maxRssMiB: number;
}

/** One `briefdeck corpus` in its own process, as a user runs it (the listing goes to /dev/null). */
function run(build: Build, dir: string, threads?: number): Run {
  // Plain Node, not the TypeScript loader this bench runs under.
  const { NODE_OPTIONS: _loader, ...inherited } = process.env;
  const env = { ...inherited, ...(threads === undefined ? {} : { BRIEFDECK_INGEST_THREADS: String(threads) }) };
  const node = [process.execPath, build.bin, '-C', dir, 'corpus'];
  const argv = TIME ? [TIME, '-f', 'BENCH_TIME %U %S %M', ...node] : node;
  const started = performance.now();
  const child = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 2 ** 28 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(child.stderr);
  const m = /BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr ?? '');
  return { seconds, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, maxRssMiB: m ? Number(m[3]) / 1024 : NaN };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Medians of each measure over the runs. */
const summary = (runs: Run[]): Run => ({ seconds: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpu)), maxRssMiB: median(runs.map((r) => r.maxRssMiB)) });

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
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const show = (label: string, words: number, r: Run) =>
  `  ${label.padEnd(34)} ${r.seconds.toFixed(2)} s (${rate(words, r.seconds)}), CPU ${r.cpu.toFixed(2)} s (${rate(words, r.cpu)}), peak ${r.maxRssMiB.toFixed(0)} MiB`;
for (const corpus of corpora) {
  if (only && !only.startsWith('--') && !corpus.name.includes(only)) continue;
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-bench-corpus-'));
  try {
    const words = corpus.make(dir);
    if (!words) {
      console.log(`${corpus.name}: not found (${REUTERS}), skipped`);
      continue;
    }
    const cache = join(dir, '.cache');
    // Runs interleaved, build by build, so a change of load on the machine touches each alike.
    const results = new Map<string, Run[]>();
    const add = (key: string, r: Run) => results.set(key, [...(results.get(key) ?? []), r]);
    let documents = 0;
    const loads: string[] = [load()];
    for (let i = 0; i < RUNS; i++) {
      for (const build of builds) {
        rmSync(cache, { recursive: true, force: true });
        add(`${build.name}: cold, main thread only`, run(build, dir, 0));
        rmSync(cache, { recursive: true, force: true });
        add(`${build.name}: cold`, run(build, dir));
        add(`${build.name}: warm, unchanged`, run(build, dir));
      }
      loads.push(load());
    }
    documents = (readdirSync(join(dir, 'corpus'), { recursive: true }) as string[]).filter((f) => /\.(txt|md|html?|pdf)$/.test(f)).length;
    console.log(`${corpus.name}: ${documents.toLocaleString('en')} files, ${words.toLocaleString('en')} words; medians of ${RUNS} runs; load average ${loads.join(' → ')}`);
    const got = new Map([...results].map(([k, v]) => [k, summary(v)]));
    for (const [k, r] of got) console.log(show(k, words, r));
    const mine = got.get('this build: cold')!;
    console.log(`  target ≥ 150,000 words/s: ${words / mine.seconds >= 150_000 ? 'met' : 'MISSED'} (wall), ${words / mine.cpu >= 150_000 ? 'met' : 'missed'} (CPU)`);
    const warm = got.get('this build: warm, unchanged')!;
    console.log(`  warm ≤ 0.5 s: ${warm.seconds <= 0.5 ? 'met' : 'MISSED'} (wall ${warm.seconds.toFixed(2)} s, CPU ${warm.cpu.toFixed(2)} s)`);
    if (builds.length > 1)
      for (const what of ['cold, main thread only', 'cold', 'warm, unchanged']) {
        const a = got.get(`baseline: ${what}`)!;
        const b = got.get(`this build: ${what}`)!;
        console.log(`  ${what}: baseline / this build = ${(a.seconds / b.seconds).toFixed(2)}× wall, ${(a.cpu / b.cpu).toFixed(2)}× CPU`);
      }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
