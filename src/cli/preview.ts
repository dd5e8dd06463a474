/**
 * `briefdeck preview [spec|dir]`: builds, serves the decks on 127.0.0.1 and rebuilds what each
 * saved change touches, reloading the open pages.
 */
import { Command, InvalidArgumentError } from 'commander';
import { addRunOptions, openForRun, untilInterrupted, verbosityOf } from './options.ts';

export function register(program: Command): void {
  const preview = program
    .command('preview')
    .description('serve the decks on 127.0.0.1 and rebuild + reload them as specs, corpus, themes or assets change')
    .argument('[paths...]', 'spec files or folders (default: the briefings folder)')
    .option('-p, --port <port>', 'port to listen on (default: a free one)', parsePort)
    .option('--poll', 'poll for changes (network drives, some containers)');
  addRunOptions(preview)
    .action(async (paths: string[], opts, cmd: Command) => {
      const project = openForRun(cmd, paths, opts);
      if (!project) return;
      const port = (opts.port as number | undefined) ?? 0;
      const [{ startWatchSession }, { pipelineDeps }] = await Promise.all([import('../watch/run.ts'), import('../watch/deps.ts')]);
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
