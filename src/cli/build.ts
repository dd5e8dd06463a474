/** `briefdeck build [paths…]`: builds briefing specs into decks. */
import { Command, Option } from 'commander';
import { AUDIENCES, FORMATS } from '../model.ts';
import { buildBriefings } from '../build/index.ts';
import { startWatchSession } from '../watch/run.ts';
import { pipelineDeps } from '../watch/deps.ts';
import { createReporter } from './progress.ts';
import { parseList } from './options.ts';
import { openForRun, untilInterrupted, verbosityOf } from './preview.ts';

export function register(program: Command): void {
  program
    .command('build')
    .description('build briefing specs (default: every briefings/*.md) into out/')
    .argument('[paths...]', 'spec files or folders')
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
    .option('-v, --verbose', 'print every step')
    .option('-w, --watch', 'rebuild what each change touches until Ctrl-C')
    .option('--poll', 'with --watch: poll for changes (network drives, some containers)')
    .action(async (paths: string[], opts, cmd: Command) => {
      const project = openForRun(cmd, paths, opts);
      if (!project) return;
      const s = project.settings;
      const verbosity = verbosityOf(opts);
      if (opts.watch) {
        const session = await startWatchSession({ settings: s, deps: pipelineDeps, verbosity, usePolling: Boolean(opts.poll) });
        await untilInterrupted();
        await session.close();
        return;
      }
      const reporter = createReporter(s.root, verbosity);
      const result = await buildBriefings({
        root: s.root,
        specs: s.specs,
        outDir: s.outDir,
        corpusDir: s.corpusDir,
        formats: s.formats,
        audience: s.audience,
        theme: s.theme,
        strict: s.strict,
        browserPath: s.browserPath,
        paper: s.paper,
        specDefaults: s.specDefaults,
        onProgress: reporter.onProgress,
      });
      reporter.finish(result);
      process.exitCode = result.ok ? 0 : 1;
    });
}
