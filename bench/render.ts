/**
 * `npm run bench:render`: briefdeck against marp-cli on the sample briefings, both measured in
 * this one run with the same Chromium.
 *
 * - briefdeck: the library's own build (`buildBriefings`: compose, fit, HTML + PDF + PPTX +
 *   handout, one browser launched for the run, files written) for each sample alone, then for
 *   all samples in one run. Each measurement is a fresh child process that loads the modules and
 *   the corpus first and is timed from the build call on: cold code, a cold browser, nothing
 *   carried over from an earlier measurement.
 * - marp-cli: the `<name>.marp.md` that build wrote, converted to HTML, PDF and PPTX, one
 *   `marp` process per format as a user runs it.
 * - Whole CLI: `node bin/briefdeck.js build` timed from outside (start-up, corpus check, every
 *   format), for the first sample and for all, against the same marp-cli figures.
 *
 * Targets (issue #6): one deck ≥ 5× faster than marp-cli, all samples ≥ 8×, our PPTX ≤ 1/20 of
 * marp-cli's bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..');

if (process.argv[2] === '--child') {
  // One timed build in a process of its own: modules and corpus loaded before the clock starts.
  const [outDir, ...specs] = process.argv.slice(3);
  const { buildBriefings } = await import('../src/build/index.ts');
  const { loadCorpus } = await import('../src/corpus/index.ts');
  const store = await loadCorpus({ root });
  const t0 = performance.now();
  const result = await buildBriefings({ root, specs, outDir, store });
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

function ours(outDir: string, paths: string[]): { ms: number; decks: Array<{ name: string; slides: number }> } {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', outDir, ...paths], { env, encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

function timed(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
const ratio = (theirs: number, mine: number) => `${(theirs / mine).toFixed(1)}×`;
const name = (spec: string) => basename(spec, '.md');

// briefdeck, one deck per run, then all in one run.
const single = specs.map((spec) => ({ spec, ...ours(join(tmp, 'one', name(spec)), [spec]) }));
const all = ours(join(tmp, 'all'), specs);

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

// The whole CLI as a user runs it.
const cli = (paths: string[], out: string) =>
  timed(() => execFileSync(process.execPath, [join(root, 'bin/briefdeck.js'), '--root', root, 'build', ...paths, '--out', out], { env, stdio: 'ignore' }));
const cliOne = cli(specs.slice(0, 1), join(tmp, 'cli-one'));
const cliAll = cli(specs, join(tmp, 'cli-all'));

console.log(`Chromium: ${browser.path} (${browser.source}); ${specs.length} sample briefings; files in ${tmp}`);
console.log('briefing'.padEnd(26), 'slides'.padStart(6), 'briefdeck, 4 formats'.padStart(21), 'marp-cli, 3 formats'.padStart(20), 'ratio'.padStart(7), 'pptx ours / marp-cli'.padStart(26));
single.forEach((s, i) => {
  const m = marp[i];
  console.log(
    name(s.spec).padEnd(26), String(s.decks[0].slides).padStart(6), ms(s.ms).padStart(21), ms(m.ms).padStart(20), ratio(m.ms, s.ms).padStart(7),
    `${(m.ourPptx / 1024).toFixed(0)} KB / ${(m.pptx / 1024).toFixed(0)} KB = 1/${(m.pptx / m.ourPptx).toFixed(0)}`.padStart(26),
  );
});
console.log('all, one run'.padEnd(26), String(all.decks.reduce((n, d) => n + d.slides, 0)).padStart(6), ms(all.ms).padStart(21), ms(marpAll).padStart(20), ratio(marpAll, all.ms).padStart(7));
const worstOne = Math.min(...single.map((s, i) => marp[i].ms / s.ms));
const worstPptx = Math.min(...marp.map((m) => m.pptx / m.ourPptx));
console.log(
  `targets: one deck ≥5× → worst ${worstOne.toFixed(1)}× ${worstOne >= 5 ? 'met' : 'MISSED'}; ` +
    `all ≥8× → ${(marpAll / all.ms).toFixed(1)}× ${marpAll / all.ms >= 8 ? 'met' : 'MISSED'}; ` +
    `PPTX ≤1/20 → worst 1/${worstPptx.toFixed(0)} ${worstPptx >= 20 ? 'met' : 'MISSED'}`,
);
console.log('whole CLI (child process)'.padEnd(26), ''.padStart(6), 'briefdeck build'.padStart(21), 'marp-cli ×3 per deck'.padStart(20), 'ratio'.padStart(7));
console.log(`cli ${name(specs[0])}`.padEnd(26), ''.padStart(6), ms(cliOne).padStart(21), ms(marp[0].ms).padStart(20), ratio(marp[0].ms, cliOne).padStart(7));
console.log('cli all'.padEnd(26), ''.padStart(6), ms(cliAll).padStart(21), ms(marpAll).padStart(20), ratio(marpAll, cliAll).padStart(7));
