/**
 * `npm run bench:preview`: how long after a save the open page shows the change, in a real
 * `briefdeck preview` process (the compiled CLI, every format) and a real Chromium page.
 *
 *   npm run bench:preview -- [--runs N] [--baseline DIR]
 *
 * A temporary project holds the real corpus, themes and the sample briefings. The bench opens
 * the first sample's HTML, then edits its spec's title RUNS times (default 7) and times, from the
 * moment the file is written:
 * - page: the page shows the new title (watcher, compose, fit, HTML, live reload, page load),
 *   split at the moment the page starts loading again (the reload message has arrived): before
 *   it, the preview process's work; after it, fetching, parsing and painting the page;
 * - all formats: every output of the deck (PDF, PPTX, handout…) is on disk: the moment the page
 *   used to reload, the baseline of the ratio.
 * With `--baseline DIR` (a folder holding the `bin/` and `dist/` of another build), a second
 * preview of its own copy of the project runs beside this one and the saves alternate between
 * the two, so both are measured at the same load; the ratios compare them.
 * Also reports what the index page shows while the first build runs, and the load average.
 *
 * Target (issue #16): page ≤ 0.25 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { BrowserSession } from '../src/render/browser.ts';

const repo = join(import.meta.dirname, '..');
const RUNS = Math.max(1, Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7);
const baselineAt = process.argv.indexOf('--baseline');
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const deck = 'energy-arms-dependence';

interface Preview {
  name: string;
  root: string;
  spec: string;
  child: ChildProcess;
  url: string;
  during: string;
  page?: Page;
  shown: number[];
  /** CPU time of the preview process from the save until the page shows the change. */
  cpu: number[];
  before: number[];
  after: number[];
  all: number[];
}

/** Starts `preview` of a fresh copy of the project with the CLI in `bin`, and waits for its first build. */
async function start(name: string, bin: string): Promise<Preview> {
  const root = mkdtempSync(join(tmpdir(), 'briefdeck-bench-preview-'));
  for (const dir of ['corpus', 'themes', 'assets', 'briefings']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  const child = spawn(process.execPath, [bin, '-C', root, 'preview'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  let url = '';
  for (let i = 0; i < 600 && !url; i++) {
    url = /preview: (http:\/\/\S+)/.exec(stderr)?.[1] ?? '';
    if (!url) await sleep(10);
  }
  if (!url) throw new Error(`${name}: preview did not start: ${stderr}`);
  // The index during the first build.
  const index = await (await fetch(url)).text();
  const during = /No briefing specs yet/.test(index) ? 'No briefing specs yet' : `${(index.match(/building…<\/span>/g) ?? []).length} specs shown as building`;
  return { name, root, spec: join(root, 'briefings', `${deck}.md`), child, url, during, shown: [], cpu: [], before: [], after: [], all: [] };
}

/** User + system CPU time of a process so far, in ms (Linux; NaN elsewhere), at the kernel's 10 ms ticks. */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const outputs = (p: Preview) => ['.html', '.pdf', '.pptx', '.handout.pdf'].map((s) => join(p.root, 'out', deck + s)).filter(existsSync);

async function ready(p: Preview, browser: BrowserSession): Promise<void> {
  while (outputs(p).length < 4 || /<p class="muted">rebuilding/.test(await (await fetch(p.url)).text())) await sleep(50);
  p.page = await browser.browser.newPage();
  await p.page.goto(`${p.url}out/${deck}.html`, { waitUntil: 'load' });
}

/** Saves the spec with a new title and times the page and the files. */
async function save(p: Preview, original: string, i: number): Promise<void> {
  const title = `Edited title number ${i} ${Date.now() % 100000}`;
  const before = new Map(outputs(p).map((f) => [f, statSync(f).mtimeMs]));
  const t0 = performance.now();
  const savedAt = Date.now();
  const cpu0 = cpuOf(p.child.pid);
  writeFileSync(p.spec, original.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
  await p.page!.waitForFunction((t: string) => document.body?.innerText.includes(t), { polling: 5, timeout: 30_000 }, title);
  const shown = performance.now() - t0;
  p.cpu.push(cpuOf(p.child.pid) - cpu0);
  // When the page showing the change started loading: the reload message had arrived.
  const loadStarted = await p.page!.evaluate(() => performance.timeOrigin);
  p.shown.push(shown);
  p.before.push(loadStarted - savedAt);
  p.after.push(shown - (loadStarted - savedAt));
  while ([...before].some(([f, m]) => !existsSync(f) || statSync(f).mtimeMs === m)) await sleep(5);
  p.all.push(performance.now() - t0);
}

const previews: Preview[] = [];
const browser = await BrowserSession.launch();
const load: number[] = [];
try {
  previews.push(await start('this build', join(repo, 'bin/briefdeck.js')));
  if (baselineAt !== -1) previews.push(await start('baseline', join(resolve(process.argv[baselineAt + 1]), 'bin/briefdeck.js')));
  for (const p of previews) await ready(p, browser);
  await sleep(300);
  const original = readFileSync(previews[0].spec, 'utf8');
  for (let i = 0; i < RUNS; i++) {
    // Alternate which build goes first, so neither always follows the other's PDF printing.
    for (const p of i % 2 ? [...previews].reverse() : previews) {
      load.push(loadavg()[0]);
      await save(p, original, i);
      await sleep(400);
    }
  }
  const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
  console.log(`preview of ${deck} (all formats), ${RUNS} saves each, medians; load average ${median(load).toFixed(1)} (${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)})`);
  for (const p of previews) {
    console.log(`${p.name}: during the first build the index showed: ${p.during}`);
    console.log(`  save → page shows the change: ${ms(median(p.shown))} (min ${ms(Math.min(...p.shown))}, max ${ms(Math.max(...p.shown))})`);
    console.log(`    save → page starts loading (watcher, compose, fit, HTML, reload message): ${ms(median(p.before))}`);
    console.log(`    page starts loading → shows the change (fetch, parse, paint):          ${ms(median(p.after))}`);
    console.log(`  CPU of the preview process from the save to the page: ${ms(median(p.cpu))}`);
    console.log(`  save → all formats written:   ${ms(median(p.all))}`);
    console.log(`  ratio all formats / page: ${(median(p.all) / median(p.shown)).toFixed(1)}×; target page ≤ 0.25 s ${median(p.shown) <= 250 ? 'met' : 'MISSED'}`);
  }
  if (previews.length === 2) {
    const [ours, base] = previews;
    const r = (f: (p: Preview) => number[]) => `${(median(f(base)) / median(f(ours))).toFixed(2)}×`;
    console.log(`baseline / this build: page ${r((p) => p.shown)}, before the page loads ${r((p) => p.before)}, its CPU ${r((p) => p.cpu)}, all formats ${r((p) => p.all)}`);
  }
} finally {
  await browser.close();
  for (const p of previews) {
    p.child.kill('SIGINT');
    await new Promise((r) => p.child.once('exit', r));
    rmSync(p.root, { recursive: true, force: true });
  }
}
