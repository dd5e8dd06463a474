/** Flags and run set-up shared by the commands that build (`build`, `build --watch`, `preview`). */
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { AUDIENCES, FORMATS, type Audience, type OutputFormat } from '../model.ts';
import { openProject, type OpenProject, type RunFlags } from '../config/index.ts';
import { formatDiagnostic, hasErrors } from '../diagnostics/format.ts';
import type { Verbosity } from './progress.ts';
import { parseList } from './choices.ts';

export { parseList };

/** The flags of every command that builds decks; each is absent unless typed, so config applies. */
export function addRunOptions(cmd: Command): Command {
  return cmd
    .option('-f, --format <list>', `formats, comma-separated (${FORMATS.join(', ')})`, (v: string) =>
      parseList(v, FORMATS, '--format'),
    )
    .option('-o, --out <dir>', 'output folder (default: config, else out)')
    .addOption(new Option('-a, --audience <audience>', 'override the audience for this run').choices(AUDIENCES))
    .option('-t, --theme <name>', 'override the theme for this run')
    .addOption(new Option('--paper <size>', 'handout paper size').choices(['A4', 'Letter']))
    .option('--browser <path>', 'Chrome/Chromium executable (default: CHROME_PATH, then known paths)')
    .option('--strict', 'treat empty sections as errors')
    .option('-q, --quiet', 'print errors only')
    .option('-v, --verbose', 'print every step');
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
