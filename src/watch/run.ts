/**
 * A watch session as the CLI runs it: the workspace, a progress reporter per rebuild (spinner on a
 * terminal, plain lines otherwise, summary table at the end of each rebuild) and, for `preview`,
 * the server whose pages reload after each rebuild.
 */
import { basename, relative } from 'node:path';
import type { BuildEvent } from '../build/index.ts';
import { createReporter, type Reporter, type Verbosity } from '../cli/progress.ts';
import type { RunSettings } from '../config/settings.ts';
import { startPreviewServer, type PreviewServer } from '../preview/server.ts';
import { BriefingWorkspace, type WorkspaceDeps, type WorkspaceEvent } from './workspace.ts';

export interface WatchSessionOptions {
  settings: RunSettings;
  deps: WorkspaceDeps;
  verbosity: Verbosity;
  stream?: NodeJS.WriteStream;
  /** Start the preview server on this port (0 for a free one); omit for `build --watch`. */
  previewPort?: number;
  usePolling?: boolean;
  /** Also told every workspace event (after the server and the reporter). */
  onEvent?(event: WorkspaceEvent): void;
}

export interface WatchSession {
  workspace: BriefingWorkspace;
  server?: PreviewServer;
  close(): Promise<void>;
}

export async function startWatchSession(options: WatchSessionOptions): Promise<WatchSession> {
  const stream = options.stream ?? process.stderr;
  const { settings, verbosity } = options;
  let reporter: Reporter = createReporter(settings.root, verbosity, stream);
  let server: PreviewServer | undefined;
  const say = (text: string) => verbosity !== 'quiet' && stream.write(text + '\n');
  const onEvent = (event: WorkspaceEvent) => {
    server?.notify(event);
    switch (event.type) {
      case 'rebuild-start':
        if (event.reason !== 'start') {
          reporter = createReporter(settings.root, verbosity, stream);
          say(`\nchanged: ${event.reason}`);
        }
        break;
      case 'rebuild-done':
        reporter.finish(event.result);
        for (const r of event.removed) say(`removed: ${basename(r)}`);
        break;
      case 'notice':
        say(event.message);
        break;
      case 'failure':
        stream.write(`rebuild failed: ${event.message}\n`);
        break;
    }
    options.onEvent?.(event);
  };
  const workspace = new BriefingWorkspace({
    settings,
    deps: options.deps,
    watch: true,
    usePolling: options.usePolling,
    onEvent,
    htmlShown: async (deck: string) => server?.shown(deck),
    onProgress: (e: BuildEvent) => {
      server?.progress(e);
      reporter.onProgress(e);
    },
  });
  if (options.previewPort !== undefined) {
    server = await startPreviewServer(
      {
        projectName: basename(settings.root),
        outDir: settings.outDir,
        assetsDir: workspace.layout.assetsDir,
        briefings: () => [...workspace.decks.values()].sort((a, b) => a.spec.localeCompare(b.spec)),
        found: () => workspace.found.filter((f) => !workspace.decks.has(f)).map((f) => relative(settings.root, f)),
        diagnostics: () => workspace.corpusDiagnostics.filter((d) => d.severity !== 'info'),
        building: () => workspace.building,
      },
      options.previewPort,
    );
    say(`preview: ${server.url}`);
  }
  try {
    await workspace.start();
  } catch (err) {
    await server?.close();
    await workspace.close();
    throw err;
  }
  say(`watching ${settings.specs.map((s) => s.slice(settings.root.length + 1) || s).join(', ')}, the corpus, themes and assets (Ctrl-C to stop)`);
  return {
    workspace,
    server,
    async close() {
      await server?.close();
      await workspace.close();
    },
  };
}
