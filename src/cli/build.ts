/** `briefdeck build [paths…]`: builds briefing specs into decks. */
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { AUDIENCES, FORMATS, type Audience, type OutputFormat } from '../model.ts';
import { buildBriefings } from '../build/index.ts';
import { createReporter, type Verbosity } from './progress.ts';
import { parseList } from './options.ts';

export function register(program: Command): void {
  program
    .command('build')
    .description('build briefing specs (default: every briefings/*.md) into out/')
    .argument('[paths...]', 'spec files or folders')
    .option('-f, --format <list>', `formats, comma-separated (${FORMATS.join(', ')})`, (v: string) =>
      parseList(v, FORMATS, '--format'),
    )
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('-a, --audience <audience>', 'override the audience for this run').choices(AUDIENCES))
    .option('-t, --theme <name>', 'override the theme for this run')
    .addOption(new Option('--paper <size>', 'handout paper size').choices(['A4', 'Letter']).default('A4'))
    .option('--browser <path>', 'Chrome/Chromium executable (default: CHROME_PATH, then known paths)')
    .option('--strict', 'treat empty sections as errors')
    .option('-q, --quiet', 'print errors only')
    .option('-v, --verbose', 'print every step')
    .action(async (paths: string[], opts, cmd: Command) => {
      const root = resolve(cmd.optsWithGlobals().root as string);
      const formats = opts.format as OutputFormat[] | undefined;
      const verbosity: Verbosity = opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal';
      const reporter = createReporter(root, verbosity);
      const result = await buildBriefings({
        root,
        specs: paths,
        outDir: resolve(root, opts.out),
        formats,
        audience: opts.audience as Audience | undefined,
        theme: opts.theme,
        strict: Boolean(opts.strict),
        browserPath: opts.browser,
        paper: opts.paper,
        onProgress: reporter.onProgress,
      });
      reporter.finish(result);
      process.exitCode = result.ok ? 0 : 1;
    });
}
