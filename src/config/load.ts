/**
 * Finds and reads the project configuration file, validating it with the zod schema. Mistakes come
 * back as diagnostics with the line and column of the offending key (YAML) so an editor can jump
 * to them; the loader never throws, and commands stop before building on a config error rather
 * than silently writing somewhere the team did not configure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodIssue } from 'zod';
import { AUDIENCES, type Audience, type Diagnostic } from '../model.ts';
import { ConfigSchema, type ProjectConfig } from './schema.ts';
import { findConfigFile } from './files.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import { message } from '../diagnostics/message.ts';
import { YamlLocator, type Position } from '../diagnostics/yaml-position.ts';

export interface LoadedConfig {
  config: ProjectConfig;
  /** The file read, relative to the root; absent when the project has none. */
  file?: string;
  /** Line and column of each `themes.<audience>` value (YAML only), for messages about a theme. */
  themePositions?: Partial<Record<Audience, { line: number; column: number }>>;
  diagnostics: Diagnostic[];
}

export { findConfigFile };

export function loadConfig(root: string): LoadedConfig {
  const file = findConfigFile(root);
  if (!file) return { config: {}, diagnostics: [] };
  return parseConfig(file, readFileSync(join(root, file), 'utf8'));
}

/** Parses config text; `file` decides YAML or JSON and names the diagnostics. */
export function parseConfig(file: string, text: string): LoadedConfig {
  const lines = new LineCounter();
  let raw: unknown;
  let doc: Document | undefined;
  if (file.endsWith('.json')) {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return failed(file, `not valid JSON: ${(err as Error).message}`);
    }
  } else {
    doc = parseDocument(text, { lineCounter: lines });
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      return failed(file, `not valid YAML: ${error.message.split('\n')[0]}`, pos?.line, pos?.col);
    }
    raw = doc.toJS() ?? {};
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) {
    const themePositions: Partial<Record<Audience, { line: number; column: number }>> = {};
    for (const audience of AUDIENCES) {
      const at = parsed.data.themes?.[audience] !== undefined ? locate(doc, lines, ['themes', audience]) : undefined;
      if (at) themePositions[audience] = at;
    }
    return { config: parsed.data, file, ...(doc ? { themePositions } : {}), diagnostics: [] };
  }
  const diagnostics = parsed.error.issues.map((issue) => toDiagnostic(file, issue, doc, lines));
  return { config: {}, file, diagnostics };
}

function failed(file: string, reason: string, line?: number, column?: number): LoadedConfig {
  return {
    config: {},
    file,
    diagnostics: [message('config/syntax', reason, { file, line, column }, { hint: 'fix the file or delete it to use the defaults' })],
  };
}

const KNOWN_KEYS = Object.keys(ConfigSchema.shape);

function toDiagnostic(file: string, issue: ZodIssue, doc: Document | undefined, lines: LineCounter): Diagnostic {
  const path = issue.path.map(String);
  let where = locate(doc, lines, path);
  let reason = `${path.join('.') || 'config'}: ${issue.message}`;
  let hint = 'see the configuration table in the README';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    where = locate(doc, lines, [...path, key], true) ?? where;
    reason = `unknown key '${[...path, key].join('.')}'`;
    const choices = path.length === 0 ? KNOWN_KEYS : path[0] === 'themes' ? [...AUDIENCES] : [];
    const guess = didYouMean(key, choices);
    hint = guess ? `did you mean '${guess}'?` : `known keys: ${choices.join(', ')}`;
  }
  return message('config/invalid', reason, { file, ...where }, { hint });
}

/** Line and column of the value at `path` (or of its key) in a YAML document. */
function locate(doc: Document | undefined, lines: LineCounter, path: string[], key = false): Position | undefined {
  if (!doc || path.length === 0) return undefined;
  return new YamlLocator(doc, lines).locate(path, key);
}
