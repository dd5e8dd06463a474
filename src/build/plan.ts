/**
 * What a run's specs ask for, read before any deck is built: the spec files, their parses (which
 * each deck's build reuses when its file still reads the same), the themes they wear, and whether
 * any wants a PDF or a handout. Loads only the spec parser, so the command line can read the plan
 * and start the browser before it loads the build's stages.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { OutputFormat } from '../model.ts';
import { parseBriefing, type ParseResult } from '../spec/index.ts';
import { themeNames as themeFolders } from '../theme/index.ts';
import type { BuildOptions } from './index.ts';

export interface RunPlan {
  /** The spec files, in build order. */
  specFiles: string[];
  /** The project's theme names (folders only: a theme is read when a deck wears it). */
  themeNames: string[];
  /** Some spec wants a PDF or a handout. */
  prints: boolean;
  /** The themes the specs wear. */
  themes: Set<string>;
  /** Each spec's text and parse, which its build reuses when the file still reads the same. */
  parsed: Map<string, { source: string; result: ParseResult }>;
}

/** Expands the given spec paths (files or folders) to Markdown spec files, sorted. */
export function findSpecs(root: string, specs?: string[]): string[] {
  const inputs = specs && specs.length > 0 ? specs : [join(root, 'briefings')];
  const files: string[] = [];
  for (const input of inputs) {
    const full = resolve(root, input);
    if (existsSync(full) && statSync(full).isDirectory()) {
      for (const f of readdirSync(full).sort()) if (f.endsWith('.md')) files.push(join(full, f));
    } else {
      files.push(full);
    }
  }
  return files;
}

/**
 * Reads every spec of the run with the same parse the build makes (a spec that does not parse
 * asks for nothing; it is reported when it is built).
 */
export function planRun(options: Pick<BuildOptions, 'root' | 'specs' | 'formats' | 'audience' | 'theme' | 'specDefaults'>): RunPlan {
  const root = resolve(options.root);
  const specFiles = findSpecs(root, options.specs);
  const themeNames = themeFolders(root);
  const prints = (formats: readonly OutputFormat[]) => formats.some((f) => f === 'pdf' || f === 'handout');
  const plan: RunPlan = { specFiles, themeNames, prints: options.formats ? prints(options.formats) : false, themes: new Set(), parsed: new Map() };
  for (const file of specFiles) {
    try {
      const source = readFileSync(file, 'utf8');
      const parsed = parseBriefing(relative(root, file) || file, source, {
        root,
        themes: themeNames,
        overrides: { audience: options.audience, theme: options.theme },
        defaults: options.specDefaults,
      });
      plan.parsed.set(file, { source, result: parsed });
      if (!parsed.spec) continue;
      plan.themes.add(parsed.spec.theme);
      if (!options.formats && prints(parsed.spec.formats)) plan.prints = true;
    } catch {
      // Reported when the spec is built.
    }
  }
  return plan;
}
