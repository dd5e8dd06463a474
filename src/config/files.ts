/**
 * Where a project's config file is, and the project's settings without loading the file's parser
 * and schema (YAML, zod) when there is no file: a search loads neither then.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveSettings, type RunSettings } from './settings.ts';

/** The config file names looked for, in order (YAML before JSON). */
export const CONFIG_FILES = ['briefdeck.config.yaml', 'briefdeck.config.yml', 'briefdeck.config.json'] as const;

/** The config file present at `root`, if any (YAML before JSON). */
export function findConfigFile(root: string): string | undefined {
  return CONFIG_FILES.find((f) => existsSync(join(root, f)));
}

/** The settings `openProject(root)` gives, its config file read only when there is one. */
export async function projectSettings(root: string): Promise<RunSettings> {
  const abs = resolve(root);
  if (!findConfigFile(abs)) return resolveSettings(abs, {});
  return (await import('./project.ts')).openProject(abs).settings;
}
