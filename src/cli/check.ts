/**
 * `briefdeck check [paths…] [--strict]`: reads every theme and every briefing spec, parses each
 * spec, composes its deck against the corpus and lays it out in the theme it wears, writing
 * nothing but its caches (`.cache/briefdeck`), then prints every diagnostic (file, line, column, message, hint). Exit 1 when
 * any error, so it can guard a commit or a CI step. A broken theme is reported even when no spec
 * wears it. It reads `briefdeck.config.yaml` exactly as `build` does (specs folder, corpus folder,
 * audience → theme, formats), so a spec that checks clean builds clean. What a spec's composition
 * and layout found is remembered with everything it was made from (`check-cache.ts`): checking
 * again with nothing changed composes nothing.
 */
import { Command } from 'commander';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { openProject } from '../config/index.ts';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics/format.ts';
import { message, MessageError } from '../diagnostics/message.ts';
import type { Diagnostic, EvidenceStore } from '../model.ts';
import { parseBriefing } from '../spec/index.ts';
import { checkThemes, themeNames } from '../theme/index.ts';
import type { OpenTagFile } from '../build/tag-file.ts';
import { openDeckMemory } from '../build/composed.ts';
import { trace } from '../trace.ts';
import { openCheckCache, projectKey, specKey } from './check-cache.ts';

export interface CheckResult {
  files: string[];
  diagnostics: Diagnostic[];
  /**
   * The specs this check composed (or took the deck a build or check kept) and laid out, relative
   * to the root; what it found for the others was remembered.
   */
  rechecked: string[];
}

/**
 * Checks the specs at `paths` (default the config's `briefings` folder, else `briefings/*.md`);
 * the store is opened on demand from the config's corpus folder. A config file with errors is
 * reported and nothing else is checked, as `build` stops too.
 */
export async function checkBriefings(root: string, paths: string[], options: { strict?: boolean; store?: EvidenceStore } = {}): Promise<CheckResult> {
  const { config, settings } = openProject(root, { specs: paths });
  if (hasErrors(config.diagnostics)) return { files: [], diagnostics: sortDiagnostics(config.diagnostics), rechecked: [] };
  const files = findSpecs(root, settings.specs);
  const themes = themeNames(root);
  const themeCheck = checkThemes(root);
  // Every theme, worn or not: a broken one is an error here, as it would be in the build that wears it.
  const diagnostics: Diagnostic[] = [...config.diagnostics, ...themeCheck.diagnostics];
  const cacheDir = join(root, '.cache', 'briefdeck');
  // What an earlier check found for a spec is reused when nothing it was made from has changed
  // (check-cache.ts); the corpus, tagger and layout stages load only for a spec composed anew.
  const findings = openCheckCache(join(cacheDir, 'check-results.json'));
  const decks = openDeckMemory(join(cacheDir, 'decks'), join(cacheDir, 'evidence'), join(cacheDir, 'texts'), join(cacheDir, 'selection'));
  let project: string | undefined;
  let stages: Promise<Stages> | undefined;
  let fontsFound: Promise<unknown> | undefined;
  let tagFile: OpenTagFile | undefined;
  let store = options.store;
  const rechecked: string[] = [];
  try {
    for (const file of files) {
      const rel = relative(root, file).split('\\').join('/');
      if (!existsSync(file)) {
        diagnostics.push(message('check/missing-file', 'no such spec file', { file: rel }, { hint: 'specs live in briefings/*.md' }));
        continue;
      }
      const source = readFileSync(file, 'utf8');
      const parsed = parseBriefing(file, source, { root, themes, defaults: settings.specDefaults });
      diagnostics.push(...parsed.diagnostics);
      if (!parsed.spec) continue;
      if (!store) {
        const { loadCorpus } = await import('../corpus/load.ts');
        store = await loadCorpus({ root, corpusDir: settings.corpusDir, store: settings.store });
        trace('check: corpus up to date');
      }
      const version = store.version?.();
      project ??= projectKey({ root, settings, config, strict: Boolean(options.strict), themes: themeCheck.themes });
      const key = version === undefined ? undefined : specKey(project, version, rel, source);
      const remembered = key === undefined ? undefined : findings.get(key);
      if (remembered) {
        diagnostics.push(...remembered);
        trace(`check: ${rel} as found before`);
        continue;
      }
      const { openTagFile, layoutOf, prefetchThemeFaces } = await (stages ??= loadStages());
      fontsFound ??= prefetchThemeFaces(themeCheck.themes);
      // The part-of-speech tags a build or an earlier check kept: the tagger loads only for new text.
      tagFile ??= openTagFile(join(cacheDir, 'pos-tags.json'));
      // A deck a build or check composed from the same spec and store is not composed again.
      const { deck, diagnostics: found } = await decks.compose(parsed.spec, store, { strict: options.strict, tags: tagFile.tags });
      const own = [...found];
      await fontsFound;
      if (!hasErrors(found)) own.push(...layoutMessages(() => layoutOf(root, parsed.spec!, deck)));
      rechecked.push(rel);
      diagnostics.push(...own);
      if (key !== undefined) findings.set(key, own);
      trace(`check: ${rel} composed and laid out`);
    }
  } finally {
    if (store && store !== options.store) store.close();
    tagFile?.save();
    findings.save();
  }
  return { files, diagnostics: sortDiagnostics(unique(diagnostics)), rechecked };
}

interface Stages {
  openTagFile: typeof import('../build/tag-file.ts').openTagFile;
  layoutOf: typeof import('./check-layout.ts').layoutOf;
  prefetchThemeFaces: typeof import('./check-layout.ts').prefetchThemeFaces;
}

/** The tag file and layout: loaded here rather than with the command line, so other commands start without them. */
async function loadStages(): Promise<Stages> {
  const [{ openTagFile }, { layoutOf, prefetchThemeFaces }] = await Promise.all([import('../build/tag-file.ts'), import('./check-layout.ts')]);
  trace('check: layout loaded');
  return { openTagFile, layoutOf, prefetchThemeFaces };
}

/** The layout's messages for a deck; a theme that does not load speaks through its own. */
function layoutMessages(layout: () => Diagnostic[]): Diagnostic[] {
  try {
    return layout();
  } catch (err) {
    if (err instanceof MessageError) return err.diagnostics;
    throw err;
  }
}


/** One message about the config file is enough, however many specs it reaches. */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = [d.file, d.line, d.column, d.code, d.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Spec files for the given paths (files or folders). Renderers are not loaded. */
function findSpecs(root: string, paths: string[]): string[] {
  return paths.flatMap((p) => {
    const full = resolve(root, p);
    return existsSync(full) && statSync(full).isDirectory()
      ? readdirSync(full).filter((f) => f.endsWith('.md')).sort().map((f) => join(full, f))
      : [full];
  });
}

export function register(program: Command): void {
  program
    .command('check')
    .description('report every problem in briefing specs without building (default: briefings/*.md)')
    .argument('[paths...]', 'spec files or folders')
    .option('--strict', 'treat empty sections and unmatched queries as errors')
    .action(async (paths: string[], opts: { strict?: boolean }, cmd: Command) => {
      const root = resolve(cmd.optsWithGlobals().root as string);
      const { files, diagnostics } = await checkBriefings(root, paths, { strict: opts.strict });
      const color = process.stdout.isTTY === true;
      for (const d of diagnostics) console.log(formatDiagnostic(d, color));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      console.log(`${files.length} spec${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
      process.exitCode = hasErrors(diagnostics) ? 1 : 0;
    });
}
