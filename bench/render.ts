/**
 * Render benchmark: for each sample deck, briefdeck's HTML + PDF + PPTX + handout (one browser
 * for the whole run) against marp-cli converting the same `<name>.marp.md` to HTML, PDF and PPTX
 * with the same Chromium. Samples are `out/*.deck.json` from a build, else the fixture decks.
 * Prints both times, the ratios and the PPTX sizes from this one run.
 * Two views: in-process (modules already loaded, one browser for the run) and whole CLI, where
 * `node bin/briefdeck.js build` (startup, corpus, compose, every format, files written) runs as
 * a child process for the first sample's spec and for all of them, against the same marp-cli
 * child processes (three per deck).
 *   npm run bench:render
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deck } from '../src/model.ts';
import { loadTheme } from '../src/theme/index.ts';
import { BrowserSession, findBrowser } from '../src/render/browser.ts';
import { deckToMarpMarkdown } from '../src/render/marp-markdown.ts';
import { renderHtml } from '../src/render/html.ts';
import { renderPdf } from '../src/render/pdf.ts';
import { renderHandout } from '../src/render/handout.ts';
import { renderPptx } from '../src/render/pptx.ts';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'out');
const built = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.deck.json')).map((f) => join(outDir, f)) : [];
const samples = built.length
  ? built
  : readdirSync(join(root, 'test/fixtures/decks')).filter((f) => f.endsWith('.json')).map((f) => join(root, 'test/fixtures/decks', f));
const decks = samples.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Deck);
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));
const browser = findBrowser();
if (!browser) throw new Error('no Chromium found: set CHROME_PATH');
const marpCli = join(root, 'node_modules/@marp-team/marp-cli/marp-cli.js');

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
const rows: Array<{ name: string; ours: number; marp: number; ourPptx: number; marpPptx: number }> = [];

// briefdeck: one browser, every deck and format.
const oursStart = performance.now();
// Chromium starts while the first deck is fitted and rendered to Markdown.
const sessionStarting = BrowserSession.launch({ executablePath: browser.path });
const perDeck: number[] = [];
const ourPptxBytes: number[] = [];
for (const [i, deck] of decks.entries()) {
  const t0 = performance.now();
  const theme = loadTheme(deck.theme, { root, overrides: deck.overrides, classification: deck.classification });
  const md = deckToMarpMarkdown(deck, theme);
  writeFileSync(join(tmp, `${deck.name}.marp.md`), md);
  // The formats are independent: render them together (two browser pages at once).
  const [html, pdf, handout, pptx] = await Promise.all([
    renderHtml(deck, theme),
    sessionStarting.then((session) => renderPdf(deck, theme, session)),
    sessionStarting.then((session) => renderHandout(deck, theme, session)),
    renderPptx(deck, theme),
  ]);
  writeFileSync(join(tmp, `${deck.name}.ours.html`), html);
  writeFileSync(join(tmp, `${deck.name}.ours.pdf`), pdf);
  writeFileSync(join(tmp, `${deck.name}.ours.handout.pdf`), handout);
  writeFileSync(join(tmp, `${deck.name}.ours.pptx`), pptx);
  ourPptxBytes[i] = pptx.length;
  perDeck[i] = performance.now() - t0 + (i === 0 ? t0 - oursStart : 0);
}
await (await sessionStarting).close();
const oursTotal = performance.now() - oursStart;

// marp-cli: the same Markdown, one conversion per format, as a user would run it.
const marpStart = performance.now();
for (const [i, deck] of decks.entries()) {
  const t0 = performance.now();
  const md = join(tmp, `${deck.name}.marp.md`);
  for (const [flag, ext] of [['--html', 'html'], ['--pdf', 'pdf'], ['--pptx', 'pptx']] as const) {
    execFileSync(process.execPath, [marpCli, '--no-stdin', '--html', flag, md, '-o', join(tmp, `${deck.name}.marp.${ext}`)], {
      env: { ...process.env, CHROME_PATH: browser.path },
      stdio: 'ignore',
    });
  }
  rows.push({
    name: deck.name,
    ours: perDeck[i],
    marp: performance.now() - t0,
    ourPptx: ourPptxBytes[i],
    marpPptx: statSync(join(tmp, `${deck.name}.marp.pptx`)).size,
  });
}
const marpTotal = performance.now() - marpStart;

// The whole CLI as a user runs it, for the samples that have a briefing spec.
const specs = decks.map((d) => join(root, 'briefings', `${d.name}.md`));
const cli = (paths: string[], out: string): number => {
  const t0 = performance.now();
  execFileSync(process.execPath, [join(root, 'bin/briefdeck.js'), '--root', root, 'build', ...paths, '--out', out], {
    env: { ...process.env, CHROME_PATH: browser.path },
    stdio: 'ignore',
  });
  return performance.now() - t0;
};
const cliTimes = specs.every((s) => existsSync(s))
  ? { one: cli(specs.slice(0, 1), join(tmp, 'cli-one')), all: cli(specs, join(tmp, 'cli-all')) }
  : undefined;

console.log(`Chromium: ${browser.path} (${browser.source}); ${decks.length} sample deck(s); files in ${tmp}`);
console.log('deck'.padEnd(24), 'briefdeck (4 formats)'.padStart(22), 'marp-cli (3 formats)'.padStart(21), 'ratio'.padStart(7), 'pptx ours/marp'.padStart(22));
for (const r of rows)
  console.log(
    r.name.padEnd(24), ms(r.ours).padStart(22), ms(r.marp).padStart(21), `${(r.marp / r.ours).toFixed(1)}×`.padStart(7),
    `${(r.ourPptx / 1024).toFixed(0)} KB / ${(r.marpPptx / 1024).toFixed(0)} KB = 1/${(r.marpPptx / r.ourPptx).toFixed(0)}`.padStart(22),
  );
console.log('all'.padEnd(24), ms(oursTotal).padStart(22), ms(marpTotal).padStart(21), `${(marpTotal / oursTotal).toFixed(1)}×`.padStart(7));
const first = rows[0];
console.log(`targets (in process): one deck ≥5× → ${(first.marp / first.ours).toFixed(1)}×; all ≥8× → ${(marpTotal / oursTotal).toFixed(1)}×; PPTX ≤1/20 → worst 1/${Math.min(...rows.map((r) => r.marpPptx / r.ourPptx)).toFixed(0)}`);
if (cliTimes) {
  console.log('whole CLI, child processes'.padEnd(24), 'briefdeck build'.padStart(22), 'marp-cli ×3 per deck'.padStart(21), 'ratio'.padStart(7));
  console.log(`cli ${first.name}`.padEnd(24), ms(cliTimes.one).padStart(22), ms(first.marp).padStart(21), `${(first.marp / cliTimes.one).toFixed(1)}×`.padStart(7));
  console.log('cli all'.padEnd(24), ms(cliTimes.all).padStart(22), ms(marpTotal).padStart(21), `${(marpTotal / cliTimes.all).toFixed(1)}×`.padStart(7));
} else {
  console.log('whole CLI: skipped (the sample decks have no briefings/<name>.md spec)');
}
