/**
 * Where each setting of a run comes from: command-line flags beat the spec, the spec beats the
 * project config file, and the config beats the built-in defaults. The run-wide settings are
 * settled here; the per-spec ones (formats, audience, theme) by the spec parser, which receives
 * the config's part as `specDefaults` (see `src/spec/defaults.ts`). The README table mirrors both.
 *
 * | setting  | flag                | spec        | config       | default                   |
 * |----------|---------------------|-------------|--------------|---------------------------|
 * | corpus   | —                   | —           | `corpus`     | `corpus`                  |
 * | specs    | paths               | —           | `briefings`  | `briefings`               |
 * | out      | `--out`             | —           | `out`        | `out`                     |
 * | browser  | `--browser`         | —           | `browser`    | CHROME_PATH, known paths  |
 * | formats  | `--format`          | `formats:`  | `formats`    | all four                  |
 * | audience | `--audience`        | `audience:` | —            | analyst                   |
 * | theme    | `--theme`           | `theme:`    | `themes.<audience>` | the audience's theme |
 * | paper    | `--paper`           | —           | `paper`      | A4                        |
 * | store    | BRIEFDECK_STORE_URL | —           | `store`      | embedded (.cache/briefdeck) |
 */
import { resolve } from 'node:path';
import type { Audience, OutputFormat } from '../model.ts';
import type { SpecDefaults } from '../spec/defaults.ts';
import type { ProjectConfig } from './schema.ts';
import type { BuildOptions } from '../build/index.ts';

export type { SpecDefaults } from '../spec/defaults.ts';

/** What the user typed on the command line; `undefined` means "not given". */
export interface RunFlags {
  specs?: string[];
  out?: string;
  browser?: string;
  formats?: OutputFormat[];
  audience?: Audience;
  theme?: string;
  paper?: 'A4' | 'Letter';
  /** Empty sections are errors. */
  strict?: boolean;
}

export interface RunSettings {
  root: string;
  /** Absolute folders. */
  corpusDir: string;
  outDir: string;
  /** The evidence store's server URL; undefined for the embedded store. */
  store?: string;
  /** Spec files or folders to build. */
  specs: string[];
  browserPath?: string;
  /** Formats forced for every spec (only from `--format`). */
  formats?: OutputFormat[];
  audience?: Audience;
  theme?: string;
  paper: 'A4' | 'Letter';
  strict: boolean;
  specDefaults: SpecDefaults;
}

/**
 * `origin` names the config file and the position of each `themes.<audience>` value, so a theme
 * the project does not have is reported at its line in the config file.
 */
export function resolveSettings(
  root: string,
  config: ProjectConfig,
  flags: RunFlags = {},
  origin?: SpecDefaults['origin'],
): RunSettings {
  const abs = resolve(root);
  return {
    root: abs,
    corpusDir: resolve(abs, config.corpus ?? 'corpus'),
    ...(process.env.BRIEFDECK_STORE_URL || config.store ? { store: process.env.BRIEFDECK_STORE_URL || config.store } : {}),
    outDir: resolve(abs, flags.out ?? config.out ?? 'out'),
    specs: flags.specs?.length ? flags.specs : [resolve(abs, config.briefings ?? 'briefings')],
    browserPath: flags.browser ?? config.browser,
    formats: flags.formats,
    audience: flags.audience,
    theme: flags.theme,
    paper: flags.paper ?? config.paper ?? 'A4',
    strict: flags.strict ?? false,
    specDefaults: {
      ...(config.formats ? { formats: config.formats } : {}),
      ...(config.themes ? { themes: config.themes } : {}),
      ...(origin ? { origin } : {}),
    },
  };
}

/** The build options a run's settings stand for; callers add specs, store, browser and progress. */
export function buildOptionsOf(s: RunSettings): BuildOptions {
  return {
    root: s.root,
    specs: s.specs,
    outDir: s.outDir,
    corpusDir: s.corpusDir,
    ...(s.store ? { storeUrl: s.store } : {}),
    formats: s.formats,
    audience: s.audience,
    theme: s.theme,
    strict: s.strict,
    browserPath: s.browserPath,
    paper: s.paper,
    specDefaults: s.specDefaults,
  };
}
