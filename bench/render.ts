/**
 * `npm run bench:render`: briefdeck against marp-cli on the sample briefings, both measured in
 * this one run with the same Chromium.
 *
 * - briefdeck: the library's own build (`buildBriefings`: compose, fit, HTML + PDF + PPTX +
 *   handout, one browser launched for the run, files written) for each sample alone, then for
 *   all samples in one run. Each measurement is a fresh child process that loads the modules and
 *   the corpus first and is timed from the build call on: cold code, a cold browser. Two figures
 *   each: a first build (no part-of-speech tags remembered from an earlier run, so the tagger
 *   loads) and a rebuild (the tags a previous build of the same spec kept in `.cache/`).
 * - marp-cli: the `<name>.marp.md` that build wrote, converted to HTML, PDF and PPTX, one
 *   `marp` process per format as a user runs it.
 * - Whole process, reported first: `node bin/briefdeck.js build` (the compiled CLI) timed from
 *   outside (start-up, corpus check, every format), for each sample and for all in one run,
 *   against the same marp-cli figures. This is what a user waits for.
 *
 * Every time is the median of three runs (`npm run bench:render -- --runs 5` for more).
 * `--baseline DIR` (a folder holding the `bin/` and `dist/` of another build, run on this
 * project) times that build's whole process too, each run right after ours, and prints both
 * against marp-cli; `--whole-only` skips the in-process figures. Our builds keep their composed
 * decks and Marp renders between runs (`.cache/briefdeck/decks`, `.cache/briefdeck/marp`), as a
 * user's rebuilds do; `--forget-decks` removes them before each whole-process run (ours and the
 * baseline's), so each composes and renders as after an edit of its spec. `--edit prose` rewrites
 * the spec before each whole-process run (ours and the baseline's, each on its own copy of the
 * project): a paragraph of prose under its first heading that says which run it is, so every run
 * builds a spec it has not built before, as an author's edit of the prose does; `--edit title`
 * numbers the title instead ("(draft 7)": a number selection does not read, so the deck's kept
 * evidence serves), `--edit title-word` gives it a new word each run ("(draft qhx)": selection
 * reads it, so every run searches the corpus again).
 *
 * Targets (issue #16): whole process ≥ 5× faster than marp-cli for one deck and ≥ 10× for all
 * samples; our PPTX ≤ 1/20 of marp-cli's bytes (issue #6).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');

if (process.argv[2] === '--child') {
  // One timed build in a process of its own: modules and corpus loaded before the clock starts.
  const [mode, outDir, ...specs] = process.argv.slice(3);
  const { buildBriefings } = await import('../src/build/index.ts');
  const { loadCorpus } = await import('../src/corpus/index.ts');
  const store = await loadCorpus({ root });
  const t0 = performance.now();
  const result = await buildBriefings({ root, specs, outDir, store, tagCache: mode === 'rebuild' });
  const ms = performance.now() - t0;
  store.close();
  if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.decks.flatMap((d) => d.diagnostics))}`);
  console.log(JSON.stringify({ ms, decks: result.decks.map((d) => ({ name: d.name, slides: d.slides })) }));
  process.exit(0);
}

const { findBrowser, isHeadlessShell } = await import('../src/render/browser.ts');
const browser = findBrowser();
if (!browser) throw new Error('no Chromium found: set CHROME_PATH');
// The same binary for both; marp-cli is told when it is a headless shell, as its docs say.
const env = { ...process.env, CHROME_PATH: browser.path, ...(isHeadlessShell(browser.path) ? { PUPPETEER_HEADLESS_MODE: 'shell' } : {}) };
const specs = readdirSync(join(root, 'briefings')).filter((f) => f.endsWith('.md')).sort().map((f) => join(root, 'briefings', f));
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));
const marpCli = join(root, 'node_modules/@marp-team/marp-cli/marp-cli.js');

interface Measured {
  ms: number;
  decks: Array<{ name: string; slides: number }>;
}

function child(mode: 'first' | 'rebuild', outDir: string, paths: string[]): Measured {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, outDir, ...paths], { env, encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

/** Every figure is the median of this many runs (`--runs N`); the machine varies run to run. */
const RUNS = Math.max(1, Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const repeat = <T>(run: () => T): T[] => Array.from({ length: RUNS }, run);

/** First builds, then (after one unmeasured build that leaves its tags in `.cache/`) rebuilds. */
function ours(outDir: string, paths: string[]): Measured & { rebuildMs: number } {
  const firsts = repeat(() => child('first', outDir, paths));
  child('rebuild', outDir, paths);
  const rebuilds = repeat(() => child('rebuild', outDir, paths));
  return { ...firsts[0], ms: median(firsts.map((m) => m.ms)), rebuildMs: median(rebuilds.map((m) => m.ms)) };
}

/** Median wall time of `run`. */
function timed(run: () => void): number {
  return median(
    repeat(() => {
      const t0 = performance.now();
      run();
      return performance.now() - t0;
    }),
  );
}

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
const ratio = (theirs: number, mine: number) => `${(theirs / mine).toFixed(1)}×`;
const name = (spec: string) => basename(spec, '.md');

const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt === -1 ? undefined : join(resolve(process.argv[baselineAt + 1]), 'bin/briefdeck.js');
const wholeOnly = process.argv.includes('--whole-only');
const forgetDecks = process.argv.includes('--forget-decks');
const editAt = process.argv.indexOf('--edit');
const editKind = editAt === -1 ? undefined : process.argv[editAt + 1];
if (editKind !== undefined && editKind !== 'prose' && editKind !== 'title' && editKind !== 'title-word') throw new Error('--edit prose, --edit title or --edit title-word');
/** A word of letters that names `n` ("draft qbx"): a new word of the title at each run, which selection reads. */
const wordFor = (n: number): string => `q${n.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')}x`;
// The baseline builds a copy of the project: its corpus store and caches are its own.
const baseRoot = join(tmp, 'baseline-project');
if (baseline)
  for (const entry of readdirSync(root).filter((e) => ['briefings', 'corpus', 'themes', 'assets'].includes(e) || /^briefdeck\.config\./.test(e)))
    cpSync(join(root, entry), join(baseRoot, entry), { recursive: true });
// With --edit, our builds rewrite specs on a copy of the project too, never on the samples.
const thisRoot = editKind ? join(tmp, 'this-project') : root;
if (editKind)
  for (const entry of readdirSync(root).filter((e) => ['briefings', 'corpus', 'themes', 'assets'].includes(e) || /^briefdeck\.config\./.test(e)))
    cpSync(join(root, entry), join(thisRoot, entry), { recursive: true });
/** `--edit`: the spec at `at` rewritten from the sample as the `n`th edit (prose under its first heading, or the title). */
const edit = (at: string, paths: string[], n: number) => {
  for (const p of paths) {
    const text = readFileSync(p, 'utf8');
    const edited =
      editKind === 'title' || editKind === 'title-word'
        ? text.replace(/^title: (.*)$/m, (_, t: string) => `title: ${t} (draft ${editKind === 'title' ? n : wordFor(n)})`)
        : text.replace(/^(---\n[\s\S]*?\n---\n[\s\S]*?^#{1,2} .*\n)/m, `$1\nThis paragraph was written for run ${n} of the benchmark.\n`);
    if (edited === text) throw new Error(`--edit ${editKind}: nothing to edit in ${p}`);
    writeFileSync(join(at, relative(root, p)), edited);
  }
};
const load = [loadavg()[0]];
/** Edits made so far: each run's is new, across every deck and run. */
let edits = 0;

// briefdeck, one deck per run, then all in one run (with --whole-only, one CLI build per deck
// only writes the Markdown marp-cli converts).
const single = wholeOnly
  ? specs.map((spec) => {
      execFileSync(process.execPath, [join(root, 'bin/briefdeck.js'), '--root', root, 'build', spec, '--out', join(tmp, 'one', name(spec)), '-q'], { env });
      return { spec, decks: [{ name: name(spec), slides: 0 }], ms: 0, rebuildMs: 0 };
    })
  : specs.map((spec) => ({ spec, ...ours(join(tmp, 'one', name(spec)), [spec]) }));
const all = wholeOnly ? undefined : ours(join(tmp, 'all'), specs);

// marp-cli on the Markdown each single build wrote.
const marp = single.map(({ spec, decks }) => {
  const deck = decks[0].name;
  const dir = join(tmp, 'one', name(spec));
  const md = join(dir, `${deck}.marp.md`);
  const msMarp = timed(() => {
    for (const [flag, ext] of [['--html', 'html'], ['--pdf', 'pdf'], ['--pptx', 'pptx']] as const)
      execFileSync(process.execPath, [marpCli, '--no-stdin', '--html', flag, md, '-o', join(dir, `${deck}.marp-cli.${ext}`)], { env, stdio: 'ignore' });
  });
  return { ms: msMarp, pptx: statSync(join(dir, `${deck}.marp-cli.pptx`)).size, ourPptx: statSync(join(dir, `${deck}.pptx`)).size };
});
const marpAll = marp.reduce((sum, m) => sum + m.ms, 0);

// The whole CLI as a user runs it: `briefdeck build`, every format, start-up to exit; with a
// baseline, its run follows each of ours, so both see the same machine.
const cli = (paths: string[], out: string): { ms: number; baseMs: number } => {
  const run = (bin: string, dir: string, at = root) => () => {
    // A build that fails on a loaded machine (a browser that did not answer in time) is said and
    // run again: its time is not a build's.
    for (let attempt = 1; ; attempt++) {
      const t0 = performance.now();
      try {
        execFileSync(process.execPath, [bin, '--root', at, 'build', ...paths.map((p) => join(at, relative(root, p))), '--out', dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        return performance.now() - t0;
      } catch (err) {
        const said = String((err as { stderr?: Buffer }).stderr ?? err).trim().split('\n').slice(-3).join(' / ');
        if (attempt === 3) throw err;
        console.error(`(${bin} failed, run again: ${said})`);
      }
    }
  };
  const build = run(join(root, 'bin/briefdeck.js'), out, thisRoot);
  // `--forget-decks`: each run (ours and the baseline's) composes its decks and renders them with
  // Marp, as after an edit of every spec (the packed theme CSS, which an edit leaves as it was,
  // stays kept).
  const forget = (at: string) => {
    rmSync(join(at, '.cache', 'briefdeck', 'decks'), { recursive: true, force: true });
    rmSync(join(at, '.cache', 'briefdeck', 'evidence'), { recursive: true, force: true });
    const marp = join(at, '.cache', 'briefdeck', 'marp');
    for (const f of existsSync(marp) ? readdirSync(marp) : []) if (f.endsWith('.json')) rmSync(join(marp, f), { force: true });
  };
  const baseBuild = baseline ? run(baseline, `${out}-baseline`, baseRoot) : undefined;
  const edited = (at: string, go: () => number) => () => (edit(at, paths, ++edits), go());
  const mine = forgetDecks ? () => (forget(thisRoot), build()) : editKind ? edited(thisRoot, build) : build;
  const theirs = baseBuild && forgetDecks ? () => (forget(baseRoot), baseBuild()) : baseBuild && editKind ? edited(baseRoot, baseBuild) : baseBuild;
  // Each build's caches warm first (a baseline's corpus fingerprint may differ from ours).
  mine();
  theirs?.();
  const pairs = repeat(() => [mine(), theirs?.() ?? 0]);
  load.push(loadavg()[0]);
  return { ms: median(pairs.map((p) => p[0])), baseMs: median(pairs.map((p) => p[1])) };
};
const cliOne = specs.map((spec) => cli([spec], join(tmp, 'cli-one', name(spec))));
const cliAll = cli(specs, join(tmp, 'cli-all'));

console.log(`Chromium: ${browser.path} (${browser.source}); ${specs.length} sample briefings; medians of ${RUNS} runs; ${forgetDecks ? 'decks forgotten before each run' : editKind ? `each spec's ${editKind} edited before each run` : 'decks kept between runs'}; load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}; files in ${tmp}`);
console.log('');
console.log('Whole process: `briefdeck build` (HTML, PDF, PPTX, handout, Marp Markdown, deck JSON) against marp-cli --html, --pdf, --pptx');
const head = ['briefing'.padEnd(24), 'briefdeck build'.padStart(16), 'marp-cli ×3'.padStart(12), 'ratio'.padStart(7)];
if (baseline) head.push('baseline build'.padStart(15), 'ratio'.padStart(7), 'baseline / this'.padStart(16));
console.log(...head);
const cliRow = (label: string, c: { ms: number; baseMs: number }, theirs: number) => {
  const cells = [label.padEnd(24), ms(c.ms).padStart(16), ms(theirs).padStart(12), ratio(theirs, c.ms).padStart(7)];
  if (baseline) cells.push(ms(c.baseMs).padStart(15), ratio(theirs, c.baseMs).padStart(7), ratio(c.baseMs, c.ms).padStart(16));
  console.log(...cells);
};
specs.forEach((spec, i) => cliRow(name(spec), cliOne[i], marp[i].ms));
cliRow('all, one run', cliAll, marpAll);
const worstCli = Math.min(...specs.map((_, i) => marp[i].ms / cliOne[i].ms));
const verdict = (x: number, target: number) => `${x.toFixed(1)}× ${x >= target ? 'met' : 'MISSED'}`;
console.log(`targets (whole process): one deck ≥5× → worst ${verdict(worstCli, 5)}; all samples ≥10× → ${verdict(marpAll / cliAll.ms, 10)}`);
console.log('');
if (!all) process.exit(0);
console.log('Inside a warm process: the build call alone, modules and corpus loaded before the clock starts');
console.log(
  'briefing'.padEnd(24), 'slides'.padStart(6), 'first build'.padStart(12), 'rebuild'.padStart(9), 'marp-cli ×3'.padStart(12),
  'ratio first'.padStart(12), 'rebuild'.padStart(8), 'pptx ours / marp-cli'.padStart(26),
);
const row = (label: string, slides: number, m: { ms: number; rebuildMs: number }, theirs: number, pptx = '') =>
  console.log(
    label.padEnd(24), String(slides).padStart(6), ms(m.ms).padStart(12), ms(m.rebuildMs).padStart(9), ms(theirs).padStart(12),
    ratio(theirs, m.ms).padStart(12), ratio(theirs, m.rebuildMs).padStart(8), pptx.padStart(26),
  );
single.forEach((s, i) => {
  const m = marp[i];
  row(name(s.spec), s.decks[0].slides, s, m.ms, `${(m.ourPptx / 1024).toFixed(0)} KB / ${(m.pptx / 1024).toFixed(0)} KB = 1/${(m.pptx / m.ourPptx).toFixed(0)}`);
});
row('all, one run', all.decks.reduce((n, d) => n + d.slides, 0), all, marpAll);
const worstPptx = Math.min(...marp.map((m) => m.pptx / m.ourPptx));
console.log(`PPTX ≤1/20 of marp-cli's bytes → worst 1/${worstPptx.toFixed(0)} ${worstPptx >= 20 ? 'met' : 'MISSED'}`);
