/**
 * Where each setting of a run comes from: command-line flags beat the spec, the spec beats the
 * project config file, and the config beats the built-in defaults. This module is the one place
 * that order is written down; the README table mirrors it.
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
 */
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AUDIENCES, type Audience, type OutputFormat } from '../model.ts';
import type { ProjectConfig } from './schema.ts';

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

/** Project-wide defaults a spec falls back to when its front-matter is silent. */
export interface SpecDefaults {
  formats?: OutputFormat[];
  /** Audience → theme. */
  themes?: Partial<Record<Audience, string>>;
}

export interface RunSettings {
  root: string;
  /** Absolute folders. */
  corpusDir: string;
  outDir: string;
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

export function resolveSettings(root: string, config: ProjectConfig, flags: RunFlags = {}): RunSettings {
  const abs = resolve(root);
  return {
    root: abs,
    corpusDir: resolve(abs, config.corpus ?? 'corpus'),
    outDir: resolve(abs, flags.out ?? config.out ?? 'out'),
    specs: flags.specs?.length ? flags.specs : [resolve(abs, config.briefings ?? 'briefings')],
    browserPath: flags.browser ?? config.browser,
    formats: flags.formats,
    audience: flags.audience,
    theme: flags.theme,
    paper: flags.paper ?? config.paper ?? 'A4',
    strict: flags.strict ?? false,
    specDefaults: { formats: config.formats, themes: config.themes },
  };
}

/** What the build passes to the spec parser so that project defaults sit below the spec. */
export interface SpecPreset {
  overrides: { audience?: Audience; theme?: string };
  /** Formats to use when the spec names none (config), applied after parsing. */
  formats?: OutputFormat[];
}

/**
 * Reads only the `audience`, `theme` and `formats` keys of a spec's front-matter to decide which
 * project defaults apply. A front-matter that does not parse yields no defaults: the parser
 * reports it properly.
 */
export function specPreset(source: string, defaults: SpecDefaults | undefined, flags: RunFlags = {}): SpecPreset {
  const overrides = { audience: flags.audience, theme: flags.theme };
  if (!defaults || (!defaults.formats && !defaults.themes)) return { overrides };
  const block = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(source);
  let fm: Record<string, unknown>;
  try {
    const data: unknown = block ? parseYaml(block[1]) : undefined;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { overrides };
    fm = data as Record<string, unknown>;
  } catch {
    return { overrides };
  }
  const specAudience = (AUDIENCES as readonly unknown[]).includes(fm.audience) ? (fm.audience as Audience) : undefined;
  const audience = flags.audience ?? specAudience ?? 'analyst';
  const theme = flags.theme ?? (fm.theme === undefined ? defaults.themes?.[audience] : undefined);
  return {
    overrides: { audience: flags.audience, theme },
    formats: fm.formats === undefined ? defaults.formats : undefined,
  };
}
