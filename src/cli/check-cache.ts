/**
 * What `check` found when it composed and laid out each spec, kept in
 * `.cache/briefdeck/check-results.json` under a key made of everything that finding is made from:
 * the spec's path and text, the store's version (`EvidenceStore.version`: any file stored or
 * removed, by any process, or the topics retagged, gives a new one), and the project around it
 * (`projectKey`): the code's version, the settings and config file, `--strict`, the `BRIEFDECK_*`
 * variables, every file under `themes/` and `assets/` and the themes' PowerPoint templates by
 * content, and where fontconfig finds fonts. A check with none of these changed reports what the
 * last one found without composing; a changed spec is composed again alone; a changed theme,
 * config, corpus or code composes every spec again. A cache only: a file that cannot be read or
 * written means composing.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeVersion } from '../code-version.ts';
import type { Diagnostic, ThemeTokens } from '../model.ts';
import type { LoadedConfig } from '../config/load.ts';
import type { RunSettings } from '../config/settings.ts';
import { fontPlacesDigest } from '../theme/font-places.ts';

/** Changed when what is kept, or how its key is made, changes. */
const FORMAT = 1;
/** Findings kept at most; the ones least recently used go first. */
const MAX_KEPT = 256;
/** Variables that only change what a run prints about itself. */
const QUIET_VARIABLES = new Set(['BRIEFDECK_TRACE', 'BRIEFDECK_DEBUG']);

export interface ProjectInputs {
  root: string;
  settings: RunSettings;
  config: LoadedConfig;
  strict: boolean;
  /** The project's themes as `checkThemes` resolved them (for their templates). */
  themes: readonly ThemeTokens[];
  env?: NodeJS.ProcessEnv;
}

/** Every file under `dir` (hidden ones too), by path and content, in path order. */
function hashTree(hash: Hash, dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    hash.update(`${dir}: none\u0000`);
    return;
  }
  for (const entry of entries) {
    try {
      const bytes = readFileSync(join(dir, entry));
      hash.update(`${entry}\u0000${bytes.length}\u0000`).update(bytes);
    } catch {
      // A folder (or a file gone since it was listed): its files, or its absence, count.
      hash.update(`${entry}/\u0000`);
    }
  }
}

/** The part of every spec's key that is the project around it. */
export function projectKey(inputs: ProjectInputs): string {
  const { root, settings, config, strict, themes, env = process.env } = inputs;
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\u0000${codeVersion()}\u0000${strict}\u0000`);
  hash.update(JSON.stringify({ settings, config: config.config, file: config.file }));
  for (const name of Object.keys(env).sort())
    if (name.startsWith('BRIEFDECK_') && !QUIET_VARIABLES.has(name)) hash.update(`\u0000${name}=${env[name]}`);
  hash.update('\u0000themes\u0000');
  hashTree(hash, join(root, 'themes'));
  hash.update('\u0000assets\u0000');
  hashTree(hash, join(root, 'assets'));
  for (const template of new Set(themes.map((t) => t.pptx?.template).filter((t): t is string => Boolean(t)))) {
    hash.update(`\u0000template\u0000${template}\u0000`);
    try {
      hash.update(readFileSync(template));
    } catch {
      hash.update('missing');
    }
  }
  hash.update(`\u0000fonts\u0000${fontPlacesDigest(env)}`);
  return hash.digest('hex');
}

/** The key of one spec's finding: the project, the store's version, the spec's path and text. */
export function specKey(project: string, storeVersion: string, file: string, source: string): string {
  return createHash('sha256').update(`${project}\u0000${storeVersion}\u0000${file}\u0000`).update(source).digest('hex');
}

export interface CheckCache {
  get(key: string): Diagnostic[] | undefined;
  set(key: string, diagnostics: Diagnostic[]): void;
  /** Writes the file back, atomically, when something was added. */
  save(): void;
}

export function openCheckCache(file: string): CheckCache {
  const kept = new Map<string, Diagnostic[]>();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; findings?: Array<[string, Diagnostic[]]> };
    if (stored.format === FORMAT && Array.isArray(stored.findings)) for (const [key, found] of stored.findings) kept.set(key, found);
  } catch {
    // Nothing kept yet.
  }
  let changed = false;
  return {
    get(key) {
      const found = kept.get(key);
      if (found) {
        // Most recently used last: the first ones go when there are too many.
        kept.delete(key);
        kept.set(key, found);
      }
      return found && structuredClone(found);
    },
    set(key, diagnostics) {
      kept.delete(key);
      kept.set(key, structuredClone(diagnostics));
      changed = true;
    },
    save() {
      if (!changed) return;
      const findings = [...kept].slice(-MAX_KEPT);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(tmp, JSON.stringify({ format: FORMAT, findings }));
        renameSync(tmp, file);
        changed = false;
      } catch {
        // A cache that cannot be written only means composing again next time.
      }
    },
  };
}
