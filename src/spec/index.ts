/**
 * Parses a briefing spec (Markdown with YAML front-matter) into a `BriefingSpec`, collecting every
 * mistake as a `Diagnostic` with file, line, column and a suggestion rather than throwing: a bad
 * audience, a misspelt key or helper, a wrong type, malformed YAML. The body is read here, once,
 * into the sections the deck stage composes from (`body.ts`).
 */
import matter from 'gray-matter';
import { basename, extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ZodIssue } from 'zod';
import { AUDIENCES, FORMATS, type Audience, type BriefingSpec, type Diagnostic } from '../model.ts';
import { parseBody } from './body.ts';
import { message } from '../diagnostics/message.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { YamlLocator, type Position } from '../diagnostics/yaml-position.ts';
import { FRONT_MATTER_KEYS, FrontMatterSchema } from './schema.ts';
import { suggestion } from '../diagnostics/suggest.ts';
import { chooseFormats, chooseTheme, type SpecDefaults } from './defaults.ts';
import { checkLogo } from './logo.ts';

export interface ParseOptions {
  /** Project root; `file` is reported relative to it when it lies inside. */
  root: string;
  /** Names of the themes available (folders under themes/); empty skips the theme check. */
  themes: string[];
  /** Command-line overrides for one run (`build --audience A --theme T`). */
  overrides?: { audience?: Audience; theme?: string };
  /** Project defaults (the config file) for what the front-matter leaves out: below the spec, above the built-ins. */
  defaults?: SpecDefaults;
}

export interface ParseResult {
  spec?: BriefingSpec;
  diagnostics: Diagnostic[];
}

export { parseBody } from './body.ts';
export { HELPERS, HELPER_NAMES, type HelperCall, type HelperName } from './helpers.ts';
export { briefingJsonSchema, FrontMatterSchema } from './schema.ts';
export { didYouMean } from '../diagnostics/suggest.ts';
export { defaultThemeFor } from './themes.ts';
export { chooseFormats, chooseTheme, type SettingSource, type SpecDefaults } from './defaults.ts';

export function parseBriefing(file: string, source: string, options: ParseOptions): ParseResult {
  const rel = relativeTo(options.root, file);
  const diagnostics: Diagnostic[] = [];
  const report = (code: DiagnosticCode, reason: string, pos?: Position, hint?: string) =>
    diagnostics.push(message(code, reason, { file: rel, ...pos }, { hint }));

  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(text)) {
    report('spec/no-front-matter', 'the spec has no YAML front-matter', { line: 1, column: 1 },
      'start the file with a block between two "---" lines holding at least `title:`');
    return { diagnostics };
  }
  const split = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
  const fmText = split.matter;
  const fmStart = text.indexOf(fmText, 3);
  const lineOffset = text.slice(0, fmStart).split('\n').length - 1;
  const bodyStart = text.length - split.content.length;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;

  const counter = new LineCounter();
  const doc = parseDocument(fmText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(doc, counter, lineOffset);
  for (const err of doc.errors) {
    report('spec/yaml-syntax', `malformed YAML: ${err.message.split('\n')[0]}`, locator.at(err.pos[0]),
      'check indentation, the colon after each key and quotes around values holding ":" or "#"');
  }
  if (doc.errors.length) return { diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    // Unresolved or exploding aliases (`*name`) only fail when the YAML is turned into values.
    const reason = err instanceof Error ? err.message : String(err);
    const alias = /alias.*?:\s*(\S+)\s*$/i.exec(reason)?.[1];
    const at = alias ? fmText.indexOf(`*${alias}`) : -1;
    report('spec/yaml-syntax', `malformed YAML: ${reason}`, at >= 0 ? locator.at(at) : { line: lineOffset + 1, column: 1 },
      'define an anchor (&name) before using it as *name, or quote values that start with * or &');
    return { diagnostics };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report('spec/front-matter-shape', 'the front-matter must be a list of `key: value` lines',
      { line: lineOffset + 1, column: 1 });
    return { diagnostics };
  }
  const fm = data as Record<string, unknown>;

  for (const key of Object.keys(fm)) {
    if (!FRONT_MATTER_KEYS.includes(key)) {
      report('spec/unknown-key', `unknown front-matter key '${key}' is ignored`,
        locator.locate([key], true), suggestion(key, FRONT_MATTER_KEYS));
    }
  }
  checkEnum(fm, 'audience', AUDIENCES, 'spec/unknown-audience', 'audience', locator, report);
  checkEnum(fm, 'formats', FORMATS, 'spec/unknown-format', 'format', locator, report);

  const parsed = FrontMatterSchema.safeParse(fm);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (alreadyReported(issue, diagnostics)) continue;
      const key = issue.path.join('.');
      report(issue.path.length ? 'spec/invalid-value' : 'spec/front-matter-shape',
        issue.path.length ? `'${key}': ${describe(issue)}` : describe(issue),
        locator.locate(issue.path) ?? locator.locate(issue.path.slice(0, 1), true) ?? { line: lineOffset + 1, column: 1 },
        hintFor(issue));
    }
  }

  const override = options.overrides ?? {};
  if (override.audience && !(AUDIENCES as readonly string[]).includes(override.audience)) {
    report('spec/unknown-audience', `unknown audience '${override.audience}' given with --audience`,
      undefined, suggestion(override.audience, AUDIENCES));
  }
  const audience: Audience = override.audience ?? (parsed.success ? parsed.data.audience : 'analyst');
  const themeFromSpec = typeof fm.theme === 'string' ? fm.theme : undefined;
  const { theme, source: themeSource } = chooseTheme(audience, override.theme, themeFromSpec, options.defaults);
  if (options.themes.length && !options.themes.includes(theme)) {
    const hint = suggestion(theme, options.themes);
    if (themeSource === 'config') {
      // The name was written in the config file: point there, not at the spec.
      const origin = options.defaults?.origin;
      diagnostics.push(message('spec/unknown-theme', `unknown theme '${theme}' set for the ${audience} audience under \`themes:\``,
        { file: origin?.file ?? rel, ...origin?.themes?.[audience] }, { hint }));
    } else {
      const from = themeSource === 'flag' ? ' given with --theme' : themeSource === 'default' ? ` (the default for ${audience})` : '';
      report('spec/unknown-theme', `unknown theme '${theme}'${from}`,
        themeSource === 'spec' ? locator.locate(['theme']) : undefined, hint);
    }
  }
  if (typeof fm.logo === 'string') {
    const refused = checkLogo(options.root, fm.logo);
    if (refused) report('spec/bad-logo', refused.message, locator.locate(['logo']), refused.hint);
  }

  const body = parseBody(rel, split.content, bodyLine);
  diagnostics.push(...body.diagnostics);

  if (parsed.success) {
    const d = parsed.data;
    if (d.since && d.until && d.since > d.until) {
      report('spec/date-range', `'since' (${d.since}) is after 'until' (${d.until})`, locator.locate(['since']),
        'swap the two dates');
    }
    const noBody = body.sections.length === 0;
    if (noBody && !d.topics?.length) {
      report('spec/empty-briefing', 'the spec has neither a body nor `topics:`; every corpus topic is used',
        { line: lineOffset + 1, column: 1 }, 'add `topics: [energy, arms trade]` or write sections in the body');
    }
  }
  if (diagnostics.some((d) => d.severity === 'error') || !parsed.success) return { diagnostics };

  const d = parsed.data;
  const spec: BriefingSpec = {
    file: rel,
    name: basename(file, extname(file)),
    title: d.title,
    subtitle: d.subtitle,
    date: d.date,
    presenter: d.presenter,
    organisation: d.organisation,
    audience,
    theme,
    formats: chooseFormats(d.formats, options.defaults),
    length: d.length,
    topics: d.topics ?? [],
    sources: d.sources,
    since: d.since,
    until: d.until,
    include: d.include,
    exclude: d.exclude,
    classification: d.classification,
    notes: d.notes,
    overrides: { accent: d.accent, logo: d.logo, footer: d.footer },
    policy: d.policy,
    locations: keyLocations(fm, locator),
    sections: body.sections,
  };
  return { spec: stripUndefined(spec), diagnostics };
}

function checkEnum(
  fm: Record<string, unknown>,
  key: string,
  allowed: readonly string[],
  code: DiagnosticCode,
  noun: string,
  locator: YamlLocator,
  report: (code: DiagnosticCode, reason: string, pos?: Position, hint?: string) => void,
): void {
  const value = fm[key];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  values.forEach((v, i) => {
    if (typeof v === 'string' && !allowed.includes(v)) {
      report(code, `unknown ${noun} '${v}'`, locator.locate(Array.isArray(value) ? [key, i] : [key]),
        suggestion(v, allowed));
    }
  });
}

function alreadyReported(issue: ZodIssue, diagnostics: Diagnostic[]): boolean {
  const top = issue.path[0];
  return (
    (top === 'audience' && diagnostics.some((d) => d.code === 'spec/unknown-audience')) ||
    (top === 'formats' && diagnostics.some((d) => d.code === 'spec/unknown-format'))
  );
}

function describe(issue: ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.received === 'undefined' ? 'is required' : `expected ${issue.expected}, got ${issue.received}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_union') return 'has the wrong type';
  return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
}

function hintFor(issue: ZodIssue): string | undefined {
  const key = String(issue.path[0] ?? '');
  const hints: Record<string, string> = {
    title: 'add `title: "Your deck title"`',
    length: 'a whole number of slides, e.g. `length: 10`',
    notes: 'write `notes: true` or `notes: false`',
    date: 'write the date as 2024-05-17',
    since: 'write the date as 2022-02-24',
    until: 'write the date as 2023-12-31',
    accent: 'a hex colour such as "#1f4e79" (quoted, since # starts a YAML comment)',
    policy: 'policy takes bullets, words, compress and citations',
  };
  if (issue.code === 'unrecognized_keys' && key === 'policy') {
    return suggestion(issue.keys[0] ?? '', ['bullets', 'words', 'compress', 'citations']);
  }
  return hints[key];
}

function keyLocations(fm: Record<string, unknown>, locator: YamlLocator): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const key of Object.keys(fm)) {
    const pos = locator.locate([key]) ?? locator.locate([key], true);
    if (pos) out[key] = pos;
  }
  return out;
}

function relativeTo(root: string, file: string): string {
  const r = root.endsWith('/') ? root : root + '/';
  return file.startsWith(r) ? file.slice(r.length) : file;
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  const o = (value as { overrides?: Record<string, unknown> }).overrides;
  if (o) for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return value;
}
