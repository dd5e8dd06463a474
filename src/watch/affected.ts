/**
 * Which briefings a changed file touches, so a rebuild redoes only those: a spec rebuilds itself,
 * a corpus file reloads the corpus and rebuilds every spec, a theme rebuilds the specs wearing it
 * (or a theme that extends it), an asset rebuilds every spec. Pure: the watcher supplies the
 * paths, the last build supplies which theme each spec wore.
 */
import { dirname, extname, relative, resolve, sep } from 'node:path';

export interface ProjectLayout {
  root: string;
  /** Spec files or folders being watched (absolute). */
  specs: string[];
  corpusDir: string;
  themesDir: string;
  assetsDir: string;
  /** Absolute paths of the config files that may exist. */
  configFiles: string[];
}

export type ChangeKind = 'spec' | 'corpus' | 'theme' | 'asset' | 'config' | 'other';

export interface FileChange {
  path: string;
  /** `unlink` when the file was removed. */
  event: 'add' | 'change' | 'unlink';
}

export interface DeckTheme {
  /** Absolute spec path. */
  spec: string;
  /** Theme the last build used; undefined when the spec failed before a theme was chosen. */
  theme?: string;
}

export interface RebuildPlan {
  reloadCorpus: boolean;
  /** Absolute spec paths to build, sorted. */
  build: string[];
  /** Absolute spec paths whose file is gone. */
  removed: string[];
  configChanged: boolean;
}

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir + sep);

export function isSpecPath(path: string, layout: ProjectLayout): boolean {
  if (extname(path).toLowerCase() !== '.md') return false;
  return layout.specs.some((s) => (s.toLowerCase().endsWith('.md') ? resolve(s) === path : dirname(path) === resolve(s)));
}

export function classifyChange(path: string, layout: ProjectLayout): ChangeKind {
  const p = resolve(path);
  if (layout.configFiles.includes(p)) return 'config';
  if (isSpecPath(p, layout)) return 'spec';
  if (inside(layout.corpusDir, p)) return 'corpus';
  if (inside(layout.themesDir, p)) return 'theme';
  if (inside(layout.assetsDir, p)) return 'asset';
  return 'other';
}

/** The theme folder name a path under `themes/` belongs to. */
export function themeOf(path: string, layout: ProjectLayout): string | undefined {
  const rel = relative(layout.themesDir, resolve(path));
  const name = rel.split(sep)[0];
  return name && name !== '..' ? name : undefined;
}

/**
 * @param decks every spec known from the last build
 * @param themeParents theme → the theme it extends, to follow `extends:` chains
 */
export function planRebuild(
  changes: readonly FileChange[],
  layout: ProjectLayout,
  decks: readonly DeckTheme[],
  themeParents: Record<string, string | undefined> = {},
): RebuildPlan {
  const build = new Set<string>();
  const removed = new Set<string>();
  let reloadCorpus = false;
  let configChanged = false;
  const all = () => decks.forEach((d) => build.add(d.spec));
  for (const change of changes) {
    const path = resolve(change.path);
    switch (classifyChange(path, layout)) {
      case 'spec':
        if (change.event === 'unlink') removed.add(path);
        else build.add(path);
        break;
      case 'corpus':
        reloadCorpus = true;
        all();
        break;
      case 'asset':
        all();
        break;
      case 'config':
        configChanged = true;
        break;
      case 'theme': {
        const theme = themeOf(path, layout);
        for (const d of decks) {
          if (d.theme === undefined || (theme !== undefined && wears(d.theme, theme, themeParents))) build.add(d.spec);
        }
        break;
      }
      case 'other':
        break;
    }
  }
  for (const r of removed) build.delete(r);
  return { reloadCorpus, build: [...build].sort(), removed: [...removed].sort(), configChanged };
}

/** Whether a deck in `worn` is affected by a change to `changed` (itself or an ancestor). */
function wears(worn: string, changed: string, parents: Record<string, string | undefined>): boolean {
  const seen = new Set<string>();
  for (let t: string | undefined = worn; t !== undefined && !seen.has(t); t = parents[t]) {
    if (t === changed) return true;
    seen.add(t);
  }
  return false;
}
