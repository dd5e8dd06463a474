/**
 * `briefdeck check [paths…] [--strict]`: reads every briefing spec, parses it and composes its
 * deck against the corpus without rendering anything, then prints every diagnostic (file, line,
 * column, message, hint). Exit 1 when any error, so it can guard a commit or a CI step.
 */
import { Command } from 'commander';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadCorpus } from '../corpus/index.ts';
import { composeDeck } from '../deck/index.ts';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics/format.ts';
import type { Diagnostic, EvidenceStore } from '../model.ts';
import { parseBriefing } from '../spec/index.ts';
import { themeNames } from '../theme/index.ts';

export interface CheckResult {
  files: string[];
  diagnostics: Diagnostic[];
}

/** Checks the specs at `paths` (default every `briefings/*.md`); the store is opened on demand. */
export async function checkBriefings(root: string, paths: string[], options: { strict?: boolean; store?: EvidenceStore } = {}): Promise<CheckResult> {
  const files = findSpecs(root, paths);
  const themes = themeNames(root);
  const diagnostics: Diagnostic[] = [];
  let store = options.store;
  try {
    for (const file of files) {
      const rel = relative(root, file).split('\\').join('/');
      if (!existsSync(file)) {
        diagnostics.push({ severity: 'error', file: rel, code: 'check/missing-file', message: 'no such spec file', hint: 'specs live in briefings/*.md' });
        continue;
      }
      const parsed = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes });
      diagnostics.push(...parsed.diagnostics);
      if (!parsed.spec) continue;
      store ??= await loadCorpus({ root });
      diagnostics.push(...composeDeck(parsed.spec, store, { strict: options.strict }).diagnostics);
    }
  } finally {
    if (store && store !== options.store) store.close();
  }
  return { files, diagnostics: sortDiagnostics(diagnostics) };
}

/** Spec files for the given paths (files or folders); default every `briefings/*.md`. Renderers are not loaded. */
function findSpecs(root: string, paths: string[]): string[] {
  const inputs = paths.length ? paths : ['briefings'];
  return inputs.flatMap((p) => {
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
