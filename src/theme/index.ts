/**
 * Themes: one YAML token file per theme (`themes/<name>/theme.yaml`, optional `theme.css`), from
 * which both the Marp CSS (`./css.ts`) and the PowerPoint masters (`../render/pptx-masters.ts`) are
 * made, so every format wears the same colours, fonts and sizes. Loading resolves `extends:`,
 * applies a spec's overrides (accent, logo, footer) and the classification banner colour.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Audience, ResolvedTheme, ThemeOverrides, ThemeTokens } from '../model.ts';
import { completeTokens, hexColour, mergeTokens, themeFileSchema, type ThemeFile } from './schema.ts';
import { bannerColours } from './classification.ts';

export interface LoadThemeOptions {
  /** Project root holding `themes/` and `assets/`. */
  root: string;
  overrides?: ThemeOverrides;
  /** The deck's classification marking; picks the banner colours. */
  classification?: string;
}

/** Which theme each audience wears unless the spec names one. */
export const DEFAULT_AUDIENCE_THEMES: Record<Audience, string> = {
  executive: 'ministry',
  analyst: 'analyst',
  expert: 'analyst',
  public: 'public',
};

/** The default theme for an audience; `config` (e.g. from project settings) wins over the built-in map. */
export function defaultThemeFor(audience: Audience, config?: Partial<Record<Audience, string>>): string {
  return config?.[audience] ?? DEFAULT_AUDIENCE_THEMES[audience];
}

function themesDir(root: string): string {
  return join(resolve(root), 'themes');
}

/** Names of the theme folders that hold a `theme.yaml`, sorted. */
export function themeNames(root: string): string[] {
  const dir = themesDir(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'theme.yaml')))
    .map((e) => e.name)
    .sort();
}

interface ThemeSource {
  file: ThemeFile;
  css?: string;
  dir: string;
}

/** Theme files read so far, by path and the modification times they were read at. */
const readThemes = new Map<string, { stamp: string; source: ThemeSource }>();

const stampOf = (path: string) => {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return '-';
  }
};

/**
 * A theme's own files, parsed and checked. A run asks for the same themes many times (listing,
 * font lookups, every deck): each file is read again only once it changed on disk.
 */
function readThemeFile(root: string, name: string): ThemeSource {
  const dir = join(themesDir(root), name);
  const yamlPath = join(dir, 'theme.yaml');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !existsSync(yamlPath)) {
    const available = themeNames(root);
    throw new Error(
      `unknown theme '${name}'; available themes: ${available.length ? available.join(', ') : '(none in ' + themesDir(root) + ')'}`,
    );
  }
  const cssPath = join(dir, 'theme.css');
  const stamp = `${stampOf(yamlPath)}|${stampOf(cssPath)}`;
  const known = readThemes.get(yamlPath);
  if (known?.stamp === stamp) return known.source;
  const source = parseThemeFiles(yamlPath, cssPath, name, dir);
  readThemes.set(yamlPath, { stamp, source });
  return source;
}

function parseThemeFiles(yamlPath: string, cssPath: string, name: string, dir: string): ThemeSource {
  const parsed = themeFileSchema.safeParse(parseYaml(readFileSync(yamlPath, 'utf8')) ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`invalid theme file ${yamlPath}: ${issues}`);
  }
  if (parsed.data.name !== name) throw new Error(`theme file ${yamlPath} says name '${parsed.data.name}', expected '${name}'`);
  return { file: parsed.data, css: existsSync(cssPath) ? readFileSync(cssPath, 'utf8') : undefined, dir };
}

/** A theme's tokens with its `extends:` chain merged in (cycles are an error). */
export function resolveTokens(root: string, name: string, seen: string[] = []): ThemeTokens & { dir: string } {
  if (seen.includes(name)) throw new Error(`theme '${name}' extends itself: ${[...seen, name].join(' → ')}`);
  const read = readThemeFile(root, name);
  const { css, dir } = read;
  // A template is named relative to the theme that names it, whichever theme extends that one.
  const file = read.file.pptx ? { ...read.file, pptx: { template: resolve(dir, read.file.pptx.template) } } : read.file;
  if (!file.extends) return { ...completeTokens(file, css), dir };
  const parent = resolveTokens(root, file.extends, [...seen, name]);
  return { ...mergeTokens(parent, file, css), dir };
}

/** Every theme in `<root>/themes`, resolved, for listings and spec validation. */
export function listThemes(root: string): ThemeTokens[] {
  return themeNames(root).map((name) => {
    const { dir: _dir, ...tokens } = resolveTokens(root, name);
    return tokens;
  });
}

/** A logo path under `assets/`, refusing anything that escapes that folder. */
export function assetPath(root: string, logo: string): string {
  const assets = join(resolve(root), 'assets');
  const full = resolve(assets, logo.replace(/^assets[\\/]/, ''));
  if (!full.startsWith(assets + sep)) throw new Error(`logo '${logo}' must be a file under assets/`);
  if (!existsSync(full)) throw new Error(`logo '${logo}' not found in ${assets}`);
  if (!/\.(svg|png|jpe?g)$/i.test(full)) throw new Error(`logo '${logo}' must be .svg, .png or .jpg`);
  // A symlink (the file or a folder on the way) must not lead out of assets/ either.
  if (!realpathSync(full).startsWith(realpathSync(assets) + sep))
    throw new Error(`logo '${logo}' is a link leading outside assets/; copy the file into assets/ instead`);
  if (!statSync(full).isFile()) throw new Error(`logo '${logo}' is not a file`);
  return full;
}

export function loadTheme(name: string, options: LoadThemeOptions): ResolvedTheme {
  const tokens = resolveTokens(options.root, name);
  const overrides = options.overrides ?? {};
  const palette = { ...tokens.palette };
  if (overrides.accent !== undefined) {
    const ok = hexColour.safeParse(overrides.accent);
    if (!ok.success) throw new Error(`accent override '${overrides.accent}' is not a hex colour like "#13315c"`);
    palette.accent = overrides.accent;
  }
  if (options.classification) Object.assign(palette, bannerColours(options.classification, palette));
  const logo = overrides.logo ?? tokens.logo;
  return {
    ...tokens,
    palette,
    logo,
    logoPath: logo ? assetPath(options.root, logo) : undefined,
    footer: overrides.footer,
  };
}
