/** `briefdeck build [paths…]`: builds briefing specs into decks. */
import { Command } from 'commander';
import { buildOptionsOf } from '../config/settings.ts';
import { planRun } from '../build/plan.ts';
import { installedBrowser, startChromium } from '../render/chromium.ts';
import { trace } from '../trace.ts';
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
      // The stages load when the command runs, so `--help` and the other commands start fast.
      if (opts.watch) {
        const [{ startWatchSession }, { pipelineDeps }] = await Promise.all([import('../watch/run.ts'), import('../watch/deps.ts')]);
        const session = await startWatchSession({ settings: s, deps: pipelineDeps, verbosity, usePolling: Boolean(opts.poll) });
        await untilInterrupted();
        await session.close();
        return;
      }
      // When the run prints, the browser starts before the stages load: it is up by the time
      // the first deck is composed and fitted.
      const options = buildOptionsOf(s);
      const plan = planRun(options);
      trace('specs read');
      const browserPath = options.browserPath ?? installedBrowser()?.path;
      const chromium = plan.prints && browserPath ? startChromium(browserPath) : undefined;
      if (chromium) trace('browser started');
      const [{ buildBriefings }, { createReporter }] = await Promise.all([import('../build/index.ts'), import('./progress.ts')]);
      trace('build modules loaded');
      const reporter = createReporter(s.root, verbosity);
      const result = await buildBriefings({ ...options, plan, chromium, onProgress: reporter.onProgress });
      reporter.finish(result);
      trace('summary printed');
      process.exitCode = result.ok ? 0 : 1;
    });
}
