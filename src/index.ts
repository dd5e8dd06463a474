/**
 * briefdeck's library API: the CLI is a thin layer over these functions.
 *
 *   import { buildBriefing, loadCorpus, parseBriefing } from 'briefdeck';
 */
import { buildBriefings, type BuildOptions, type BuildResult, type DeckResult } from './build/index.ts';

export { buildBriefings, findSpecs } from './build/index.ts';
export type { BuildOptions, BuildResult, BuildEvent, DeckResult, OutputFile } from './build/index.ts';
export { loadCorpus, type CorpusStore } from './corpus/index.ts';
export type { Passage } from './corpus/extracted.ts';
export { parseBriefing } from './spec/index.ts';
export { composeDeck } from './deck/index.ts';
export { loadTheme, listThemes, checkThemes } from './theme/index.ts';
export { layoutDeck, type LayoutOptions, type LayoutResult } from './layout/index.ts';
export { formatDiagnostic } from './diagnostics/format.ts';
export { loadConfig, openProject, resolveSettings } from './config/index.ts';
export type { ProjectConfig, RunFlags, RunSettings } from './config/index.ts';
export { newBriefing, type NewBriefingOptions, type NewBriefingResult } from './scaffold/index.ts';
export { startWatchSession, type WatchSession, type WatchSessionOptions } from './watch/run.ts';
export { pipelineDeps } from './watch/deps.ts';
export * from './model.ts';

/** Builds one briefing spec (a path relative to `root` or absolute) and returns its result. */
export async function buildBriefing(
  spec: string,
  options: Omit<BuildOptions, 'specs'>,
): Promise<DeckResult & { corpus: BuildResult['diagnostics'] }> {
  const result = await buildBriefings({ ...options, specs: [spec] });
  const deck = result.decks[0];
  if (!deck) throw new Error(`no briefing spec found at ${spec}`);
  return { ...deck, corpus: result.diagnostics };
}
