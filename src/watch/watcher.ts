/**
 * Watches the project's inputs (specs, corpus, themes, assets, config) with chokidar and hands
 * changes over in batches: editors save in bursts (write, rename, chmod), and one rebuild per
 * burst is what a briefer wants. Output folders and editor temporaries are never watched, so a
 * build cannot trigger itself.
 */
import { watch, type FSWatcher } from 'chokidar';
import { basename, dirname, resolve, sep } from 'node:path';
import type { FileChange, ProjectLayout } from './affected.ts';

export interface InputWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchInputsOptions {
  /** Folders never to report (the output folder). */
  ignore?: string[];
  /** Quiet time before a batch is delivered. */
  debounceMs?: number;
  /** Use polling (network drives, some containers). */
  usePolling?: boolean;
}

/**
 * Quiet time that closes a burst: an editor's save (write, rename, chmod) lands within a few
 * milliseconds, and a change arriving during a rebuild is batched into the next one anyway.
 */
const DEBOUNCE_MS = 10;

const TEMP_FILE = /(^\.#|~$|\.swp$|\.swx$|\.tmp$|^4913$|\.crdownload$)/;

export function watchInputs(
  layout: ProjectLayout,
  onChanges: (changes: FileChange[]) => void,
  options: WatchInputsOptions = {},
): InputWatcher {
  const ignored = (options.ignore ?? []).map((p) => resolve(p));
  const skip = (path: string) => {
    const p = resolve(path);
    if (ignored.some((i) => p === i || p.startsWith(i + sep))) return true;
    return p.includes(`${sep}node_modules`) || p.includes(`${sep}.git`) || TEMP_FILE.test(basename(p));
  };
  // chokidar 4 watches paths, not globs; spec files are watched through their folder so a spec
  // that an editor replaces by rename is still seen. Missing folders are picked up when created.
  const folders = [
    ...layout.specs.map((s) => (s.toLowerCase().endsWith('.md') ? dirname(resolve(s)) : resolve(s))),
    layout.corpusDir,
    layout.themesDir,
    layout.assetsDir,
  ];
  const inputs = watch([...new Set(folders)], { ignoreInitial: true, usePolling: options.usePolling, interval: 100, ignored: skip });
  // Config files may not exist yet: watch the root itself, one level deep, for them only.
  const configs = watch(layout.root, {
    ignoreInitial: true,
    depth: 0,
    usePolling: options.usePolling,
    interval: 100,
    ignored: (path: string) => resolve(path) !== layout.root && !layout.configFiles.includes(resolve(path)),
  });
  let pending = new Map<string, FileChange>();
  let timer: NodeJS.Timeout | undefined;
  const record = (event: FileChange['event']) => (path: string) => {
    const p = resolve(path);
    pending.set(p, { path: p, event });
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...pending.values()];
      pending = new Map();
      onChanges(batch);
    }, options.debounceMs ?? DEBOUNCE_MS);
  };
  for (const w of [inputs, configs]) {
    w.on('add', record('add')).on('change', record('change')).on('unlink', record('unlink'));
  }
  const readyOf = (w: FSWatcher) => new Promise<void>((done) => w.once('ready', () => done()));
  return {
    ready: Promise.all([readyOf(inputs), readyOf(configs)]).then(() => undefined),
    async close() {
      clearTimeout(timer);
      await Promise.all([inputs.close(), configs.close()]);
    },
  };
}
