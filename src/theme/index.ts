/**
 * Themes: one YAML token file per theme (`themes/<name>/theme.yaml`, optional `theme.css`), from
 * which both the Marp CSS (`./css.ts`) and the PowerPoint masters (`../render/pptx-masters.ts`) are
 * made, so every format wears the same colours, fonts and sizes. Loading resolves `extends:`,
 * applies a spec's overrides (accent, logo, footer) and the classification banner colour.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Audience, Diagnostic, ResolvedTheme, ThemeOverrides, ThemeTokens } from '../model.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { MessageError, message, type Place } from '../diagnostics/message.ts';
import { suggestion } from '../diagnostics/suggest.ts';
import { YamlLocator, type Position } from '../diagnostics/yaml-position.ts';
import { completeTokens, hexColour, mergeTokens, themeFileSchema, type ThemeFile } from './schema.ts';
import { bannerColours } from './classification.ts';

export interface LoadThemeOptions {
  /** Project root holding `themes/` and `assets/`. */
  root: string;
  /** Where the deck names the theme (the spec's `theme:` line), for messages about it. */
  from?: Place;
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
  /** Where each key of `theme.yaml` is, for messages about its values. */
  locator: YamlLocator;
  /** `themes/<name>/theme.yaml`, relative to the project root. */
  path: string;
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

const relativePath = (root: string, path: string) => relative(resolve(root), path).split(sep).join('/') || path;

/** Thrown by the theme stage: the message names the theme file, the line and the fix. */
const fail = (code: DiagnosticCode, reason: string, place: Place, hint?: string): never => {
  throw new MessageError(message(code, reason, place, { hint }));
};

/**
 * A theme's own files, parsed and checked. A run asks for the same themes many times (listing,
 * font lookups, every deck): each file is read again only once it changed on disk.
 */
function readThemeFile(root: string, name: string, from?: Place): ThemeSource {
  const dir = join(themesDir(root), name);
  const yamlPath = join(dir, 'theme.yaml');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !existsSync(yamlPath)) {
    const available = themeNames(root);
    fail('theme/unknown',
      `unknown theme '${name}'; available themes: ${available.length ? available.join(', ') : '(none in ' + themesDir(root) + ')'}`,
      from ?? { file: relativePath(root, themesDir(root)) }, available.length ? suggestion(name, available) : 'make a folder themes/<name>/ with a theme.yaml');
  }
  const cssPath = join(dir, 'theme.css');
  const stamp = `${stampOf(yamlPath)}|${stampOf(cssPath)}`;
  const known = readThemes.get(yamlPath);
  if (known?.stamp === stamp) return known.source;
  const source = parseThemeFiles(relativePath(root, yamlPath), yamlPath, cssPath, name, dir);
  readThemes.set(yamlPath, { stamp, source });
  return source;
}

function parseThemeFiles(path: string, yamlPath: string, cssPath: string, name: string, dir: string): ThemeSource {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(yamlPath, 'utf8'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(doc, counter);
  const at = (where?: Position): Place => ({ file: path, ...(where ?? { line: 1, column: 1 }) });
  const error = doc.errors[0];
  if (error) {
    fail('theme/yaml-syntax', `malformed YAML: ${error.message.split('\n')[0]}`, at(locator.at(error.pos[0])),
      'check the indentation, the colon after each key and the brackets of lists such as `audiences: [executive]`');
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    fail('theme/yaml-syntax', `malformed YAML: ${(err as Error).message}`, at(), 'define an anchor (&name) before using it as *name');
  }
  const parsed = themeFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const diagnostics = issues.map((issue) => {
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const keyPath = unknownKey ? [...issue.path, unknownKey] : issue.path;
      const where = locator.locate(keyPath, Boolean(unknownKey)) ?? locator.locate(issue.path.slice(0, 1), true);
      const reason = unknownKey ? `unknown key '${keyPath.join('.')}'` : `'${issue.path.join('.') || '(top)'}': ${issue.message}`;
      return message('theme/invalid', reason, at(where), { hint: 'see the token table under "Making your own" in the README' });
    });
    throw new MessageError(diagnostics[0], ...diagnostics.slice(1));
  }
  if (parsed.data.name !== name) {
    fail('theme/invalid', `the theme says name '${parsed.data.name}', but its folder is '${name}'`, at(locator.locate(['name'])),
      `write \`name: ${name}\`, or rename the folder`);
  }
  return { file: parsed.data, css: existsSync(cssPath) ? readFileSync(cssPath, 'utf8') : undefined, dir, locator, path };
}

/** A theme's tokens with its `extends:` chain merged in (cycles are an error). */
export function resolveTokens(root: string, name: string, seen: string[] = [], from?: Place): ThemeTokens & { dir: string } {
  const read = readThemeFile(root, name, from);
  const { css, dir } = read;
  const extendsAt = (): Place => ({ file: read.path, ...(read.locator.locate(['extends']) ?? {}) });
  if (read.file.extends && [...seen, name].includes(read.file.extends)) {
    fail('theme/extends-cycle', `theme '${name}' extends itself: ${[...seen, name, read.file.extends].join(' → ')}`, extendsAt(),
      'make one theme of the chain extend none, or a theme outside it');
  }
  // A template is named relative to the theme that names it, whichever theme extends that one.
  const file = read.file.pptx ? { ...read.file, pptx: { template: resolve(dir, read.file.pptx.template) } } : read.file;
  if (!file.extends) {
    const complete = completeTokens(file, css);
    if (!complete.success) {
      const diagnostics = complete.missing.map((token) =>
        message('theme/invalid', `'${token}' is missing: a theme that extends no other must set every token`,
          { file: read.path, ...(read.locator.locate([token.split('.')[0]], true) ?? { line: 1, column: 1 }) },
          { hint: 'add it, or `extends: default` to take the rest from the default theme' }));
      throw new MessageError(diagnostics[0], ...diagnostics.slice(1));
    }
    return { ...complete.tokens, dir };
  }
  const parent = resolveTokens(root, file.extends, [...seen, name], extendsAt());
  return { ...mergeTokens(parent, file, css), dir };
}

/** Every theme in `<root>/themes` that loads, for listings; the others are left out (`checkThemes` says why). */
export function listThemes(root: string): ThemeTokens[] {
  return checkThemes(root).themes;
}

/** Every theme in `<root>/themes`, resolved, and a message for each one that does not load. */
export function checkThemes(root: string): { themes: ThemeTokens[]; diagnostics: Diagnostic[] } {
  const themes: ThemeTokens[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of themeNames(root)) {
    try {
      const { dir: _dir, ...tokens } = resolveTokens(root, name);
      themes.push(tokens);
    } catch (err) {
      if (!(err instanceof MessageError)) throw err;
      diagnostics.push(...err.diagnostics);
    }
  }
  return { themes, diagnostics };
}

/** What is wrong with a logo path: the spec stage words its hint by it. */
export type LogoProblem = 'outside' | 'missing' | 'type' | 'link' | 'not-file';

export class LogoError extends Error {
  constructor(readonly problem: LogoProblem, reason: string) {
    super(reason);
    this.name = 'LogoError';
  }
}

/** A logo path under `assets/`, refusing anything that escapes that folder. */
export function assetPath(root: string, logo: string): string {
  const assets = join(resolve(root), 'assets');
  const full = resolve(assets, logo.replace(/^assets[\\/]/, ''));
  if (!full.startsWith(assets + sep)) throw new LogoError('outside', `logo '${logo}' must be a file under assets/`);
  if (!existsSync(full)) throw new LogoError('missing', `logo '${logo}' not found in ${assets}`);
  if (!/\.(svg|png|jpe?g)$/i.test(full)) throw new LogoError('type', `logo '${logo}' must be .svg, .png or .jpg`);
  // A symlink (the file or a folder on the way) must not lead out of assets/ either.
  if (!realpathSync(full).startsWith(realpathSync(assets) + sep))
    throw new LogoError('link', `logo '${logo}' is a link leading outside assets/; copy the file into assets/ instead`);
  if (!statSync(full).isFile()) throw new LogoError('not-file', `logo '${logo}' is not a file`);
  return full;
}

/**
 * A theme as a deck wears it: tokens with `extends:` merged, the spec's overrides and the banner
 * colours applied. A theme that does not load throws a `MessageError` naming its file and line.
 */
export function loadTheme(name: string, options: LoadThemeOptions): ResolvedTheme {
  const tokens = resolveTokens(options.root, name, [], options.from);
  const overrides = options.overrides ?? {};
  const palette = { ...tokens.palette };
  const themeFile: Place = { file: relativePath(options.root, join(tokens.dir, 'theme.yaml')) };
  if (overrides.accent !== undefined) {
    const ok = hexColour.safeParse(overrides.accent);
    if (!ok.success) fail('theme/bad-accent', `accent override '${overrides.accent}' is not a hex colour like "#13315c"`, options.from ?? themeFile);
    palette.accent = overrides.accent;
  }
  if (options.classification) Object.assign(palette, bannerColours(options.classification, palette));
  const logo = overrides.logo ?? tokens.logo;
  let logoPath: string | undefined;
  try {
    logoPath = logo ? assetPath(options.root, logo) : undefined;
  } catch (err) {
    if (!(err instanceof LogoError)) throw err;
    fail('theme/bad-logo', err.message, overrides.logo ? (options.from ?? themeFile) : themeFile,
      'a .svg, .png or .jpg file under assets/, named by its path from there');
  }
  return { ...tokens, palette, logo, logoPath, footer: overrides.footer };
}
