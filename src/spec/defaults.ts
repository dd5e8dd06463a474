/**
 * Settings a spec falls back to when its front-matter is silent: the project's config file
 * (audience → theme, formats) and, below it, the built-in defaults. The order is written here
 * once — command-line flag > spec > config > built-in — so the parser, `check` and `build` agree,
 * and a bad theme is reported where it was written: the flag, the spec line or the config line.
 */
import { FORMATS, type Audience, type OutputFormat } from '../model.ts';
import type { Position } from '../diagnostics/yaml-position.ts';
import { defaultThemeFor } from './themes.ts';

/** Project-wide defaults (from `briefdeck.config.yaml`) used where a spec's front-matter is silent. */
export interface SpecDefaults {
  /** Formats for specs that list none. */
  formats?: OutputFormat[];
  /** Audience → theme, for specs that name no theme. */
  themes?: Partial<Record<Audience, string>>;
  /** Where the defaults were written, so a bad value is reported at its own line. */
  origin?: {
    /** The config file, relative to the project root. */
    file: string;
    /** Position of each `themes.<audience>` value. */
    themes?: Partial<Record<Audience, Position>>;
  };
}

/** Where a setting's value came from. */
export type SettingSource = 'flag' | 'spec' | 'config' | 'default';

export interface ThemeChoice {
  theme: string;
  source: SettingSource;
}

/** The theme for a spec: `--theme`, else the spec's `theme:`, else the config's, else the audience's. */
export function chooseTheme(
  audience: Audience,
  flag: string | undefined,
  specTheme: string | undefined,
  defaults: SpecDefaults | undefined,
): ThemeChoice {
  if (flag !== undefined) return { theme: flag, source: 'flag' };
  if (specTheme !== undefined) return { theme: specTheme, source: 'spec' };
  const configured = defaults?.themes?.[audience];
  if (configured !== undefined) return { theme: configured, source: 'config' };
  return { theme: defaultThemeFor(audience), source: 'default' };
}

/** The formats for a spec: its own `formats:`, else the config's, else all four. `--format` applies at build time. */
export function chooseFormats(specFormats: OutputFormat[] | undefined, defaults: SpecDefaults | undefined): OutputFormat[] {
  return specFormats ?? defaults?.formats ?? [...FORMATS];
}
