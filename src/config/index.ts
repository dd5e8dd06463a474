/** Project configuration: the optional `briefdeck.config.yaml` and the precedence of settings. */
export { openProject, type OpenProject } from './project.ts';
export { projectSettings } from './files.ts';
export { loadConfig, parseConfig, findConfigFile, type LoadedConfig } from './load.ts';
export { ConfigSchema, CONFIG_FILES, type ProjectConfig } from './schema.ts';
export {
  resolveSettings,
  type RunFlags,
  type RunSettings,
  type SpecDefaults,
} from './settings.ts';
