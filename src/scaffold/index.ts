/**
 * `briefdeck new`: writes a new briefing spec from the scaffold, never over an existing file.
 * The file is created with the exclusive flag, so even two runs racing cannot clobber a spec.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Audience, Diagnostic } from '../model.ts';
import { renderSpecScaffold } from './spec-template.ts';
import { headingOf } from '../text.ts';
import { message } from '../diagnostics/message.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';

export interface NewBriefingOptions {
  root: string;
  /** A bare name (`energy-outlook`, written to the briefings folder) or a path ending in `.md`. */
  name: string;
  briefingsDir?: string;
  corpusDir?: string;
  title?: string;
  audience?: Audience;
  theme?: string;
  topics?: string[];
  /** For reproducible output in tests. */
  date?: string;
}

export interface NewBriefingResult {
  /** Absolute path written, when it was. */
  path?: string;
  diagnostics: Diagnostic[];
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

export function newBriefing(options: NewBriefingOptions): NewBriefingResult {
  const root = resolve(options.root);
  const isPath = options.name.endsWith('.md') || options.name.includes('/');
  const target = isPath
    ? resolve(root, options.name)
    : join(resolve(root, options.briefingsDir ?? 'briefings'), `${options.name}.md`);
  const rel = relative(root, target) || target;
  if (isPath && (!target.endsWith('.md') || rel.startsWith('..') || isAbsolute(rel))) {
    return fail(rel, 'new/bad-name', `'${options.name}' is not a spec path inside the project`, 'give a name like energy-outlook, or a path like briefings/energy.md');
  }
  const base = target.slice(dirname(target).length + 1).replace(/\.md$/, '');
  if (!NAME.test(base)) {
    return fail(rel, 'new/bad-name', `'${base}' cannot name a briefing`, 'use letters, digits, "-", "_" or "."; it becomes the output file name');
  }
  if (existsSync(target)) {
    return fail(rel, 'new/exists', 'a briefing spec already exists here; it was left untouched', 'pick another name, or edit the existing spec');
  }
  const known = corpusTopics(resolve(root, options.corpusDir ?? 'corpus'));
  const text = renderSpecScaffold({
    title: options.title ?? humanise(base),
    audience: options.audience ?? 'analyst',
    theme: options.theme,
    // Without --topics, start from the corpus's first topics so the deck has something to say.
    topics: options.topics?.length ? options.topics : known.slice(0, 2),
    corpusTopics: known,
    schemaPath: relative(dirname(target), join(root, 'schema', 'briefing.schema.json')),
    date: options.date ?? new Date().toISOString().slice(0, 10),
  });
  mkdirSync(dirname(target), { recursive: true });
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return fail(rel, 'new/exists', 'a briefing spec already exists here; it was left untouched', 'pick another name');
    }
    throw err;
  }
  return { path: target, diagnostics: [] };
}

/** `energy-outlook` → `Energy outlook`. */
export function humanise(name: string): string {
  return headingOf(name.replace(/\.+/g, ' '));
}

/** The topic names a corpus defines in `topics.yaml`, if it has one. */
export function corpusTopics(corpusDir: string): string[] {
  const file = join(corpusDir, 'topics.yaml');
  if (!existsSync(file)) return [];
  try {
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    return data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  } catch {
    return [];
  }
}

function fail(file: string, code: DiagnosticCode, reason: string, hint: string): NewBriefingResult {
  return { diagnostics: [message(code, reason, { file }, { hint })] };
}

export { renderSpecScaffold, type SpecScaffold } from './spec-template.ts';
