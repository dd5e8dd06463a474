/** `briefdeck build [paths…]`: builds briefing specs into decks. */
import { Command } from 'commander';
import { buildBriefings } from '../build/index.ts';
import { buildOptionsOf } from '../config/settings.ts';
import { startWatchSession } from '../watch/run.ts';
import { pipelineDeps } from '../watch/deps.ts';
import { createReporter } from './progress.ts';
import { addRunOptions, openForRun, untilInterrupted, verbosityOf } from './options.ts';

export function register(program: Command): void {
  const build = program
    .command('build')
    .description('build briefing specs (default: every briefings/*.md) into out/')
    .argument('[paths...]', 'spec files or folders')
    .option('-w, --watch', 'rebuild what each change touches until Ctrl-C')
    .option('--poll', 'with --watch: poll for changes (network drives, some containers)');
  addRunOptions(build)
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
      const result = await buildBriefings({ ...buildOptionsOf(s), onProgress: reporter.onProgress });
      reporter.finish(result);
      process.exitCode = result.ok ? 0 : 1;
    });
}
