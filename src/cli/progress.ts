/**
 * Reports build progress: a spinner on a terminal, plain lines when output is piped or in CI,
 * nothing but errors with `--quiet`, and a summary table at the end.
 */
import ora, { type Ora } from 'ora';
import pc from 'picocolors';
import { relative } from 'node:path';
import type { BuildEvent, BuildResult } from '../build/index.ts';
import { ARTIFACTS } from '../build/formats.ts';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/format.ts';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface Reporter {
  onProgress(event: BuildEvent): void;
  finish(result: BuildResult): void;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

export function createReporter(root: string, verbosity: Verbosity, stream: NodeJS.WriteStream = process.stderr): Reporter {
  // A terminal that reports no width (some pseudo-terminals) would make the spinner redraw forever.
  const tty = Boolean(stream.isTTY) && !process.env.CI && (stream.columns ?? 0) > 0;
  const color = tty;
  let spinner: Ora | undefined;
  const line = (text: string) => {
    if (spinner) spinner.clear();
    stream.write(text + '\n');
    if (spinner) spinner.render();
  };
  const started = performance.now();
  let done = 0;
  let read = 0;
  let lastCorpusLine = 0;
  return {
    onProgress(event) {
      if (verbosity === 'quiet') return;
      switch (event.type) {
        case 'corpus-file': {
          read += event.processed ? 1 : 0;
          const text = `corpus: ${event.files} files, ${read} read (${secs(event.ms)})`;
          if (tty) (spinner ??= ora({ text, stream }).start()).text = text;
          else if (verbosity === 'verbose') line(`  ${event.path}${event.processed ? ' (read)' : ' (cached)'}`);
          // (Off a terminal, a line every few seconds of a long read: an unchanged corpus, checked
          // in a fraction of a second, prints only its summary.)
          else if (event.ms - lastCorpusLine >= CORPUS_LINE_MS) {
            lastCorpusLine = event.ms;
            line(text);
          }
          break;
        }
        case 'corpus':
          if (spinner) spinner.stop();
          spinner = undefined;
          line(
            `corpus: ${event.documents} documents, ${event.claims} claims, ${event.quotes} quotes (${secs(event.ms)})`,
          );
          break;
        case 'deck-start':
          if (tty) spinner = ora({ text: `${event.spec}`, stream }).start();
          else line(`building ${event.spec}`);
          break;
        case 'artifact':
          if (spinner) spinner.text = `${event.spec}: ${ARTIFACTS[event.artifact].label} (${secs(event.ms)})`;
          else if (verbosity === 'verbose' || !tty)
            line(`  ${event.spec}: ${ARTIFACTS[event.artifact].label} in ${secs(event.ms)}`);
          break;
        case 'deck-done': {
          done += 1;
          const r = event.result;
          const text = `${r.spec}: ${r.ok ? `${r.slides} slides` : 'failed'} in ${secs(r.ms)} [${done}, ${secs(performance.now() - started)} elapsed]`;
          if (spinner) {
            if (r.ok) spinner.succeed(text);
            else spinner.fail(text);
            spinner = undefined;
          } else line(`${r.ok ? 'ok' : 'FAILED'} ${text}`);
          break;
        }
        case 'diagnostic':
          line(formatDiagnostic(event.diagnostic, color, verbosity === 'verbose'));
          break;
      }
    },
    finish(result) {
      const diagnostics = sortDiagnostics([
        ...result.diagnostics,
        ...result.decks.flatMap((d) => d.diagnostics),
      ]).filter((d) => (verbosity !== 'quiet' || d.severity === 'error') && (!d.verbose || verbosity === 'verbose'));
      for (const d of diagnostics) stream.write(formatDiagnostic(d, color, verbosity === 'verbose') + '\n');
      if (verbosity === 'quiet') return;
      const rows: string[][] = [['briefing', 'audience', 'theme', 'slides', 'time', 'outputs']];
      for (const d of result.decks) {
        rows.push([
          d.spec,
          d.audience ?? '-',
          d.theme ?? '-',
          d.ok ? String(d.slides) : 'FAILED',
          secs(d.ms),
          d.outputs.map((o) => relative(root, o.path)).join(' ') || '-',
        ]);
      }
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      stream.write('\n');
      rows.forEach((r, i) => {
        const text = r.map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j]))).join('  ');
        stream.write((i === 0 && color ? pc.bold(text) : text) + '\n');
      });
      const failed = result.decks.filter((d) => !d.ok).length;
      stream.write(
        `\n${result.decks.length - failed} built, ${failed} failed in ${secs(result.ms)}\n`,
      );
    },
  };
}

/** How often a corpus read reports its progress off a terminal. */
const CORPUS_LINE_MS = 2000;
