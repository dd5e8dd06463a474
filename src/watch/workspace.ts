/**
 * The rebuild loop behind `build --watch` and `preview`: one corpus store and one browser kept
 * open for the whole session, every change batch turned into a plan (see affected.ts), and the
 * latest result of every briefing kept so the preview can show it. Rebuilds run one at a time;
 * changes arriving during a build are batched into the next one.
 */
import { join, relative, resolve } from 'node:path';
import type { Diagnostic, EvidenceStore } from '../model.ts';
import type { BuildEvent, BuildOptions, BuildResult, DeckResult } from '../build/index.ts';
import type { Printer } from '../render/print.ts';
import { buildOptionsOf, type RunSettings } from '../config/settings.ts';
import { CONFIG_FILES } from '../config/schema.ts';
import { classifyChange, planRebuild, type FileChange, type ProjectLayout } from './affected.ts';
import { watchInputs, type InputWatcher } from './watcher.ts';

/** The stages the loop drives; injectable so the loop can be exercised without a browser. */
export interface WorkspaceDeps {
  findSpecs(root: string, specs?: string[]): string[];
  loadStore(settings: RunSettings, onFile?: (path: string, processed: boolean) => void): Promise<EvidenceStore>;
  build(options: BuildOptions): Promise<BuildResult>;
  launchBrowser?(settings: RunSettings): Promise<Printer>;
  /** Theme → the theme it extends. */
  themeParents?(root: string): Record<string, string | undefined>;
}

export interface BriefingState extends DeckResult {
  /** Absolute spec path. */
  file: string;
  builtAt: Date;
}

export type WorkspaceEvent =
  | { type: 'rebuild-start'; specs: string[]; reason: string }
  | { type: 'rebuild-done'; decks: BriefingState[]; removed: string[]; ms: number; result: BuildResult }
  | { type: 'notice'; message: string }
  | { type: 'failure'; message: string };

export interface WorkspaceOptions {
  settings: RunSettings;
  deps: WorkspaceDeps;
  onEvent?(event: WorkspaceEvent): void;
  onProgress?(event: BuildEvent): void;
  /** Awaited after a deck's HTML is reported, before its PDF and PowerPoint start (preview). */
  htmlShown?(deck: string): Promise<unknown>;
  /** Start the file watcher (off for a one-shot build). */
  watch?: boolean;
  usePolling?: boolean;
}

export class BriefingWorkspace {
  readonly settings: RunSettings;
  readonly layout: ProjectLayout;
  /** Latest result per spec, by absolute spec path. */
  readonly decks = new Map<string, BriefingState>();
  corpusDiagnostics: Diagnostic[] = [];
  /** Spec files found when the session started, until the first build is done (absolute paths). */
  found: string[] = [];
  building = false;
  private store?: EvidenceStore;
  private browser?: Printer;
  private watcher?: InputWatcher;
  private pending: FileChange[] = [];
  private running?: Promise<void>;
  private closed = false;

  constructor(private readonly options: WorkspaceOptions) {
    this.settings = options.settings;
    const root = this.settings.root;
    this.layout = {
      root,
      specs: this.settings.specs.map((s) => resolve(root, s)),
      corpusDir: this.settings.corpusDir,
      themesDir: join(root, 'themes'),
      assetsDir: join(root, 'assets'),
      configFiles: CONFIG_FILES.map((f) => join(root, f)),
    };
  }

  /** Loads the corpus, builds every briefing once, then starts watching when asked. */
  async start(): Promise<BuildResult> {
    const { deps, settings } = this.options;
    // Found first, so the preview lists them as building while the corpus loads.
    this.building = true;
    this.found = deps.findSpecs(settings.root, this.layout.specs);
    this.store = await this.loadStore();
    const needsBrowser = !settings.formats || settings.formats.some((f) => f === 'pdf' || f === 'handout');
    if (needsBrowser && deps.launchBrowser) {
      try {
        this.browser = await deps.launchBrowser(settings);
      } catch (err) {
        // Each PDF and handout will report it; HTML and PPTX still build and preview.
        this.emit({ type: 'notice', message: `no browser for PDF and handouts: ${(err as Error).message}` });
      }
    }
    const result = await this.rebuild(this.found, [], 'start');
    // From here the index lists what was built; a spec deleted later must not show as building.
    this.found = [];
    if (this.options.watch) {
      this.watcher = watchInputs(this.layout, (changes) => this.enqueue(changes), {
        ignore: [settings.outDir],
        usePolling: this.options.usePolling,
      });
      await this.watcher.ready;
    }
    return result;
  }

  /** Queues changed files; resolves when every queued change has been built. */
  enqueue(changes: FileChange[]): Promise<void> {
    this.pending.push(...changes);
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves when no rebuild is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.watcher?.close();
    await this.idle();
    this.store?.close();
    await this.browser?.close();
  }

  private async drain(): Promise<void> {
    while (this.pending.length && !this.closed) {
      const batch = this.pending.splice(0);
      const known = [...this.decks.values()].map((d) => ({ spec: d.file, theme: d.theme }));
      const plan = planRebuild(batch, this.layout, known, this.options.deps.themeParents?.(this.settings.root));
      if (plan.configChanged) {
        this.emit({ type: 'notice', message: 'the config file changed: restart to apply it' });
      }
      try {
        if (plan.reloadCorpus) {
          this.store?.close();
          this.store = await this.loadStore();
        }
        const names = batch
          .filter((c) => classifyChange(c.path, this.layout) !== 'other')
          .map((c) => relative(this.settings.root, c.path));
        if (plan.build.length || plan.removed.length) await this.rebuild(plan.build, plan.removed, names.join(', '));
      } catch (err) {
        this.emit({ type: 'failure', message: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  private async rebuild(specs: string[], removed: string[], reason: string): Promise<BuildResult> {
    const started = performance.now();
    for (const r of removed) this.decks.delete(r);
    this.building = true;
    this.emit({ type: 'rebuild-start', specs, reason });
    try {
      const s = this.settings;
      const result: BuildResult =
        specs.length === 0
          ? { ok: true, decks: [], diagnostics: this.store?.diagnostics ?? [], ms: 0 }
          : await this.options.deps.build({
              ...buildOptionsOf(s),
              specs,
              store: this.store,
              browser: this.browser,
              htmlFirst: true,
              htmlShown: this.options.htmlShown && ((deck: string) => this.options.htmlShown!(deck)),
              onProgress: this.options.onProgress,
            });
      this.corpusDiagnostics = result.diagnostics;
      const builtAt = new Date();
      const decks = result.decks.map((d) => {
        const file = resolve(s.root, d.spec);
        // A spec that no longer parses keeps its last known title and audience on the index.
        const last = this.decks.get(file);
        return { ...d, file, builtAt, title: d.title ?? last?.title, audience: d.audience ?? last?.audience };
      });
      for (const d of decks) this.decks.set(d.file, d);
      this.emit({ type: 'rebuild-done', decks, removed, ms: performance.now() - started, result });
      return result;
    } finally {
      this.building = false;
    }
  }

  /** Loads (or refreshes) the corpus store, reporting files and counts like a build does. */
  private async loadStore(): Promise<EvidenceStore> {
    const started = performance.now();
    let files = 0;
    const progress = this.options.onProgress;
    const store = await this.options.deps.loadStore(this.settings, (path, processed) =>
      progress?.({ type: 'corpus-file', path, processed, files: ++files, ms: performance.now() - started }),
    );
    progress?.({
      type: 'corpus',
      ...(store.stats?.() ?? { documents: store.documents().length, claims: store.claims().length, quotes: store.quotes().length }),
      ms: performance.now() - started,
    });
    return store;
  }

  private emit(event: WorkspaceEvent): void {
    this.options.onEvent?.(event);
  }
}
