/** Opens a project for a command: reads its config file and settles every setting's source. */
import { resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from './load.ts';
import { resolveSettings, type RunFlags, type RunSettings } from './settings.ts';

export interface OpenProject {
  settings: RunSettings;
  config: LoadedConfig;
}

export function openProject(root: string, flags: RunFlags = {}): OpenProject {
  const abs = resolve(root);
  const config = loadConfig(abs);
  const origin = config.file ? { file: config.file, themes: config.themePositions } : undefined;
  return { config, settings: resolveSettings(abs, config.config, flags, origin) };
}
