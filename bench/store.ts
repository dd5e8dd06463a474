/**
 * `npm run bench:store`: the evidence store at scale, on each backend. A corpus of real text (the
 * seed articles and the Reuters stories, each copy varied; `bench/store-corpus.ts`) grows in steps
 * to BENCH_ARTICLES (default 100,000) and at each step, in fresh child processes:
 *
 * - ingest of the new articles: words/s (one worker; the second step with two workers at once),
 *   peak memory, the store's size;
 * - an unchanged-corpus check (a plain Node process loading the compiled corpus stage, start-up
 *   included; and loadCorpus's own time), median of five, and its ratio to a baseline measured
 *   alongside: a plain Node process that lists the corpus and stats every file;
 * - `claims` queries: p50/p95 over 20 queries of `searchClaims` (each query's median of three
 *   rounds), and `briefdeck claims` (median of three runs);
 * - composing one sample deck (bear-and-dragon, deck.json as `build` makes it): p50/p95 of three
 *   compositions, and the process's peak memory after the first and after all three;
 * - building that deck with the command line (`briefdeck build … --format html`, corpus check
 *   included): wall time and the process's peak memory (`/usr/bin/time`).
 *
 * Children run the compiled library and CLI (dist/, built first), as a user runs them.
 *
 *   npm run bench:store                                   # both backends, 10k → 100k
 *   BENCH_ARTICLES=20000 BENCH_BACKENDS=sqlite npm run bench:store
 *   BENCH_PG_URL=postgres://… npm run bench:store          # an existing server (else a throwaway one)
 *   BENCH_STEPS_SQLITE=10000,30000,100000 BENCH_STEPS_POSTGRES=10000,30000 npm run bench:store
 *   BENCH_KEEP=1 …; BENCH_WORK=/tmp/bd-bench-store-… BENCH_BACKENDS=sqlite BENCH_STEPS=100000 npm run bench:store
 *                                                         # measure a kept corpus again, without ingest
 *
 * Figures print as a Markdown table for the README.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { countWords } from '../src/corpus/blocks.ts';
import { generateCorpus } from './store-corpus.ts';

const repo = resolve(import.meta.dirname, '..');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const STEPS = (process.env.BENCH_STEPS ?? `${ARTICLES / 10},${ARTICLES / 5},${ARTICLES / 2},${ARTICLES}`).split(',').map(Number);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
/** Steps for one backend: BENCH_STEPS_SQLITE / BENCH_STEPS_POSTGRES, else BENCH_STEPS. */
const stepsFor = (backend: string): number[] => {
  const own = process.env[`BENCH_STEPS_${backend.toUpperCase()}`];
  return own ? own.split(',').map(Number) : STEPS;
};
const SPEC = join(repo, 'briefings', 'bear-and-dragon.md');
const QUERIES = [
  'oil prices Yukos', 'China Russia partnership', 'sanctions energy exports', 'crude oil barrel', 'interest rates dollar',
  'arms trade India', 'wheat grain exports', 'coffee quota talks', 'Central Asia influence', 'pipeline gas contract',
  'bank merger offer', 'earnings quarter profit', 'Power of Siberia', 'Arctic friction', 'strategic partnership Soviet Union',
  'trade deficit surplus', 'OPEC output cut', 'shares stake acquisition', 'Putin Xi summit', 'inflation consumer prices',
];

// ─── child processes ────────────────────────────────────────────────────────────────────────────

const DIST = join(repo, 'dist', 'index.js');
/** The corpus stage alone (`briefdeck/corpus`), as a program that only checks or queries the store loads it. */
const CORPUS_DIST = join(repo, 'dist', 'corpus.js');
/** Each query is timed this many times; its median counts (the machine may be busy). */
const QUERY_ROUNDS = Number(process.env.BENCH_QUERY_ROUNDS ?? 3);

if (process.argv[2] === '--child') {
  const [, , , task, root, store] = process.argv;
  const lib = (await import(DIST)) as typeof import('../src/index.ts');
  const { loadCorpus } = lib;
  const options = { root, ...(store !== '-' ? { store } : {}) };
  const started = performance.now();
  const loaded = await loadCorpus(options);
  const loadMs = performance.now() - started;
  const out: Record<string, unknown> = { loadMs, stats: loaded.stats() };
  if (task === 'query') {
    const rounds: number[][] = QUERIES.map(() => []);
    for (let r = 0; r < QUERY_ROUNDS; r++)
      for (const [i, q] of QUERIES.entries()) {
        const t = performance.now();
        loaded.searchClaims({ text: q, limit: 10 });
        rounds[i].push(performance.now() - t);
      }
    out.times = rounds.map((xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
    out.first = rounds.map((xs) => xs[0]);
  }
  if (task === 'compose') {
    const { composeDeck, parseBriefing } = lib;
    const themes = readdirSync(join(repo, 'themes'));
    const { spec } = parseBriefing(SPEC, readFileSync(SPEC, 'utf8'), { root: repo, themes });
    const times: number[] = [];
    // Three compositions, fewer when one takes minutes (a large corpus on a busy machine).
    const began = performance.now();
    for (let i = 0; i < Number(process.env.BENCH_COMPOSE_RUNS ?? 3) && (i === 0 || performance.now() - began < 90_000); i++) {
      const t = performance.now();
      const { deck } = composeDeck(spec!, loaded, {});
      times.push(performance.now() - t);
      out.slides = deck.slides.length;
      // The peak of the process up to the first composition: one deck, as a build composes it.
      if (i === 0) out.firstRssMiB = process.resourceUsage().maxRSS / 1024;
    }
    out.times = times;
  }
  loaded.close();
  out.maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify(out));
  process.exit(0);
}

interface ChildResult {
  seconds: number;
  first?: number[];
  firstRssMiB?: number;
  loadMs: number;
  maxRssMiB: number;
  stats: { documents: number; claims: number; quotes: number };
  times?: number[];
  slides?: number;
}

/**
 * An unchanged-corpus check as a command pays for it: a plain Node process (no TypeScript loader)
 * that loads the compiled corpus stage and brings the store up to date; whole seconds, and
 * loadCorpus's. With `baseline`, the least any check can do instead: a plain Node process that
 * lists the corpus folder and stats every file, in the same run, for a ratio that a busy machine
 * does not move as much as it moves seconds.
 */
function check(root: string, store: string, baseline = false): Promise<{ seconds: number; loadMs: number }> {
  const code = baseline
    ? `const fs = await import('node:fs'); const t = performance.now(); let n = 0;
    for (const e of fs.readdirSync(${JSON.stringify(join(root, 'corpus'))}, { withFileTypes: true, recursive: true }))
      if (e.isFile()) n += fs.statSync(e.parentPath + '/' + e.name).size > 0 ? 1 : 0;
    console.log(JSON.stringify({ loadMs: performance.now() - t, n }));`
    : `const { loadCorpus } = await import(${JSON.stringify(CORPUS_DIST)}); const t = performance.now();
    const s = await loadCorpus(${JSON.stringify({ root, ...(store !== '-' ? { store } : {}) })}); const loadMs = performance.now() - t;
    s.close(); console.log(JSON.stringify({ loadMs }));`;
  return new Promise((done, fail) => {
    const started = performance.now();
    const p = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('close', (code) => {
      if (code !== 0) return fail(new Error(`check failed (${code}): ${stderr.slice(-2000)}`));
      done({ seconds: (performance.now() - started) / 1000, ...(JSON.parse(stdout.trim().split('\n').pop()!) as { loadMs: number }) });
    });
  });
}

function child(task: string, root: string, store: string): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const p = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', task, root, store], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return fail(new Error(`${task} failed (${code}): ${stderr.slice(-2000)}`));
      done({ seconds, ...(JSON.parse(stdout.trim().split('\n').pop()!) as Omit<ChildResult, 'seconds'>) });
    });
  });
}

function cli(args: string[], root: string, store: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const env = { ...process.env, ...(store !== '-' ? { BRIEFDECK_STORE_URL: store } : {}) };
    const p = spawn(process.execPath, [join(repo, 'bin', 'briefdeck.js'), '--root', root, ...args], { stdio: 'ignore', env });
    p.on('close', (code) => (code === 0 ? done((performance.now() - started) / 1000) : fail(new Error(`briefdeck ${args.join(' ')}: exit ${code}`))));
  });
}

/** A whole `briefdeck build` of the sample deck: wall seconds and the process's peak memory (MiB), from /usr/bin/time. */
function build(root: string, store: string): Promise<{ seconds: number; maxRssMiB: number }> {
  return new Promise((done, fail) => {
    const env = { ...process.env, ...(store !== '-' ? { BRIEFDECK_STORE_URL: store } : {}) };
    const args = ['-f', '%e %M', process.execPath, join(repo, 'bin', 'briefdeck.js'), '--root', root, 'build', join(root, 'briefings', 'bear-and-dragon.md'), '--format', 'html', '-q', '-o', join(root, 'out')];
    const p = spawn('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('close', (code) => {
      const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(stderr);
      if (code !== 0 || !m) return fail(new Error(`briefdeck build: exit ${code}: ${stderr.slice(-1500)}`));
      done({ seconds: Number(m[1]), maxRssMiB: Number(m[2]) / 1024 });
    });
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs: number[]) => pct(xs, 50);

// ─── the run ────────────────────────────────────────────────────────────────────────────────────

// BENCH_WORK: a work folder kept by an earlier run (BENCH_KEEP=1); its SQLite corpus and store are
// measured again as they are (a step of the size they hold), without ingesting them again.
const reuse = process.env.BENCH_WORK;
const work = reuse ?? mkdtempSync(join(tmpdir(), 'bd-bench-store-'));
let cluster: { url: string; stop(): void } | undefined;
const rows: string[][] = [];
try {
  let pgBase = process.env.BENCH_PG_URL;
  if (BACKENDS.includes('postgres') && !pgBase) {
    const { startCluster } = await import('../test/support/pg-cluster.ts');
    cluster = await startCluster();
    pgBase = cluster.url;
  }
  for (const backend of BACKENDS) {
    const root = join(work, backend);
    const reused = !!reuse && existsSync(join(root, 'corpus'));
    if (!reused) {
      mkdirSync(join(root, 'corpus'), { recursive: true });
      writeFileSync(join(root, 'corpus', 'topics.yaml'), readFileSync(join(repo, 'corpus', 'topics.yaml')));
      // A project to build the sample in: its spec, and the repository's themes and assets.
      mkdirSync(join(root, 'briefings'), { recursive: true });
      writeFileSync(join(root, 'briefings', 'bear-and-dragon.md'), readFileSync(SPEC));
      for (const dir of ['themes', 'assets']) symlinkSync(join(repo, dir), join(root, dir));
    }
    let store = '-';
    if (backend === 'postgres') {
      if (reused) throw new Error('BENCH_WORK: a PostgreSQL store is not kept between runs; measure SQLite only (BENCH_BACKENDS=sqlite)');
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: pgBase });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS briefdeck_bench');
      await admin.query('CREATE DATABASE briefdeck_bench');
      await admin.end();
      const u = new URL(pgBase!);
      u.pathname = '/briefdeck_bench';
      store = u.toString();
    }
    const size = async (): Promise<number> => {
      if (backend === 'sqlite') {
        const dir = join(root, '.cache', 'briefdeck');
        return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
      }
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: store });
      await c.connect();
      const r = await c.query('SELECT pg_database_size(current_database()) AS n');
      await c.end();
      return Number(r.rows[0].n);
    };
    let have = reused ? (readdirSync(join(root, 'corpus'), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.txt')).length : 0;
    for (const [i, target] of stepsFor(backend).entries()) {
      if (target < have) continue;
      const files = generateCorpus(root, target - have, have);
      const words = files.reduce((n, f) => n + countWords(readFileSync(join(root, f), 'utf8')), 0);
      const workers = i === 1 ? 2 : 1;
      const ingest = files.length ? await Promise.all(Array.from({ length: workers }, () => child('ingest', root, store))) : [];
      const seconds = Math.max(...ingest.map((r) => r.seconds));
      have = target;
      const unchanged: number[] = [];
      const unchangedLoad: number[] = [];
      const floor: number[] = [];
      // The first check after ingest saves what later ones read (the files table's copy): not timed.
      await check(root, store);
      for (let k = 0; k < 5; k++) {
        const r = await check(root, store);
        unchanged.push(r.seconds);
        unchangedLoad.push(r.loadMs / 1000);
        floor.push((await check(root, store, true)).seconds);
      }
      const query = await child('query', root, store);
      const claimsRuns: number[] = [];
      for (let k = 0; k < 3; k++) claimsRuns.push(await cli(['claims', 'oil prices Yukos', '--limit', '10'], root, store));
      const claimsCli = median(claimsRuns);
      const compose = await child('compose', root, store);
      const built = existsSync('/usr/bin/time') ? await build(root, store) : undefined;
      const row = [
        backend,
        target.toLocaleString('en'),
        query.stats.claims.toLocaleString('en'),
        ingest.length ? `${Math.round(words / seconds).toLocaleString('en')} (${workers})` : '— (not ingested again)',
        ingest.length ? `${Math.max(...ingest.map((r) => r.maxRssMiB)).toFixed(0)}` : '—',
        `${((await size()) / 2 ** 20).toFixed(0)}`,
        `${median(unchanged).toFixed(2)} (${median(unchangedLoad).toFixed(2)}) ×${(median(unchanged) / median(floor)).toFixed(1)}`,
        `${pct(query.times!, 50).toFixed(0)} / ${pct(query.times!, 95).toFixed(0)}`,
        `${claimsCli.toFixed(2)}`,
        `${(pct(compose.times!, 50) / 1000).toFixed(2)} / ${(pct(compose.times!, 95) / 1000).toFixed(2)}`,
        `${compose.firstRssMiB?.toFixed(0) ?? '—'} / ${compose.maxRssMiB.toFixed(0)}`,
        built ? `${built.seconds.toFixed(1)} / ${built.maxRssMiB.toFixed(0)}` : '—',
      ];
      rows.push(row);
      console.error(row.join(' | '));
    }
  }
} finally {
  cluster?.stop();
  if (!process.env.BENCH_KEEP && !reuse) rmSync(work, { recursive: true, force: true });
  else console.error(`kept ${work}`);
}

const head = [
  'store', 'articles', 'claims', 'ingest words/s (workers)', 'ingest peak MiB', 'store MiB', 'unchanged check s (of it loadCorpus) × list-and-stat',
  'search p50/p95 ms', '`claims` CLI s', 'compose deck p50/p95 s', 'compose peak MiB (one deck / three)', '`build` one deck s / peak MiB',
];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
if (!existsSync(SPEC)) console.log('(no sample spec)');
