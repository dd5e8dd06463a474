/**
 * `briefdeck preview [spec|dir]`: builds, serves the decks on 127.0.0.1 and rebuilds what each
 * saved change touches, reloading the open pages. Also home of the flags `preview` shares with
 * `build --watch` and the wait-for-Ctrl-C loop both use.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { AUDIENCES, FORMATS, type Audience, type OutputFormat } from '../model.ts';
import { openProject, type OpenProject, type RunFlags } from '../config/index.ts';
import { formatDiagnostic, hasErrors } from '../diagnostics/format.ts';
import { startWatchSession } from '../watch/run.ts';
import { pipelineDeps } from '../watch/deps.ts';
import type { Verbosity } from './progress.ts';
import { parseList } from './options.ts';

export function register(program: Command): void {
  program
    .command('preview')
    .description('serve the decks on 127.0.0.1 and rebuild + reload them as specs, corpus, themes or assets change')
    .argument('[paths...]', 'spec files or folders (default: the briefings folder)')
    .option('-p, --port <port>', 'port to listen on (default: a free one)', parsePort)
    .option('-f, --format <list>', `formats, comma-separated (${FORMATS.join(', ')})`, (v: string) =>
      parseList(v, FORMATS, '--format'),
    )
    .option('-o, --out <dir>', 'output folder (default: config, else out)')
    .addOption(new Option('-a, --audience <audience>', 'override the audience for this run').choices(AUDIENCES))
    .option('-t, --theme <name>', 'override the theme for this run')
    .addOption(new Option('--paper <size>', 'handout paper size').choices(['A4', 'Letter']))
    .option('--browser <path>', 'Chrome/Chromium executable')
    .option('--poll', 'poll for changes (network drives, some containers)')
    .option('-q, --quiet', 'print errors only')
    .option('-v, --verbose', 'print every step')
    .action(async (paths: string[], opts, cmd: Command) => {
      const project = openForRun(cmd, paths, opts);
      if (!project) return;
      const port = (opts.port as number | undefined) ?? 0;
      let session;
      try {
        session = await startWatchSession({
          settings: project.settings,
          deps: pipelineDeps,
          verbosity: verbosityOf(opts),
          previewPort: port,
          usePolling: Boolean(opts.poll),
        });
      } catch (err) {
        const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
        process.stderr.write(
          inUse ? `error: port ${port} on 127.0.0.1 is in use; pick another with --port, or omit it\n` : `error: ${(err as Error).message}\n`,
        );
        process.exitCode = 1;
        return;
      }
      await untilInterrupted();
      await session.close();
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0-65535');
  return port;
}

export function verbosityOf(opts: { quiet?: boolean; verbose?: boolean }): Verbosity {
  return opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal';
}

/** Flags common to build and preview, as the config precedence wants them: absent when not given. */
export function runFlags(paths: string[], opts: Record<string, unknown>): RunFlags {
  return {
    specs: paths,
    out: opts.out as string | undefined,
    browser: opts.browser as string | undefined,
    formats: opts.format as OutputFormat[] | undefined,
    audience: opts.audience as Audience | undefined,
    theme: opts.theme as string | undefined,
    paper: opts.paper as 'A4' | 'Letter' | undefined,
    strict: opts.strict === true ? true : undefined,
  };
}

/** Reads the config file and prints its problems; undefined (exit code 1) when it has errors. */
export function openForRun(cmd: Command, paths: string[], opts: Record<string, unknown>): OpenProject | undefined {
  const root = resolve(cmd.optsWithGlobals().root as string);
  const project = openProject(root, runFlags(paths, opts));
  const color = Boolean(process.stderr.isTTY) && !process.env.CI;
  for (const d of project.config.diagnostics) process.stderr.write(formatDiagnostic(d, color) + '\n');
  if (hasErrors(project.config.diagnostics)) {
    process.exitCode = 1;
    return undefined;
  }
  return project;
}

/** Resolves on Ctrl-C or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
