/**
 * The build stage: for each briefing spec, parse → compose (against one shared corpus store) →
 * lay out → write every requested format → publish the files together. One corpus load and at
 * most one browser per run, however many decks and formats. Errors in one spec (or in the theme it
 * wears) never stop the others and never touch that spec's previous outputs.
 */
import { join, resolve } from 'node:path';
import type { Audience, Diagnostic, EvidenceStore, OutputFormat } from '../model.ts';
import { loadCorpus } from '../corpus/load.ts';
import { openTagFile } from './tag-file.ts';
import { openDeckMemory } from './composed.ts';
import { loadTheme } from '../theme/index.ts';
import { prefetchFontFiles, textFaces } from '../theme/fonts.ts';
import { hasErrors } from '../diagnostics/format.ts';
import { BrowserSession } from '../render/browser.ts';
import type { StartedChromium } from '../render/chromium.ts';
import { planRun, type RunPlan } from './plan.ts';

export { findSpecs, planRun, type RunPlan } from './plan.ts';
import type { Printer } from '../render/print.ts';
import type { SpecDefaults } from '../spec/defaults.ts';
import type { ArtifactKind } from './artifacts.ts';
import { buildOne } from './deck.ts';
import pMap from 'p-map';
import { sweepStaleTemporaries } from './outputs.ts';
import { trace } from '../trace.ts';

/** Decks rendered at once: enough to keep the browser and this process busy together. */
const DECKS_IN_FLIGHT = 2;

export interface BuildOptions {
  /** Project root holding `briefings/`, `corpus/`, `themes/`, `assets/`. */
  root: string;
  /** Spec files or folders; default every `briefings/*.md`. */
  specs?: string[];
  /** Output folder; default `<root>/out`. */
  outDir?: string;
  /** Corpus folder; default `<root>/corpus`. */
  corpusDir?: string;
  /** The evidence store's server (postgres://…); default BRIEFDECK_STORE_URL, else the embedded store. */
  storeUrl?: string;
  /** Formats for this run, overriding each spec's `formats`. */
  formats?: OutputFormat[];
  /** Overrides the spec's audience for this run. */
  audience?: Audience;
  /** Overrides the spec's theme for this run. */
  theme?: string;
  /** Empty sections become errors instead of warnings. */
  strict?: boolean;
  /** Chrome/Chromium executable; default found like marp-cli does. */
  browserPath?: string;
  /** Paper size of PDF handouts. */
  paper?: 'A4' | 'Letter';
  /** Project defaults (config file) used where a spec's front-matter is silent. */
  specDefaults?: SpecDefaults;
  /** An open corpus store to reuse (watch mode); otherwise one is loaded and closed. */
  store?: EvidenceStore;
  /** An open browser to reuse (watch mode); otherwise one is launched when needed and closed. */
  browser?: Printer;
  /**
   * A browser the caller started for this run (the command line starts it before loading the
   * build, when `planRun` says the run prints): driven instead of starting another, and ended
   * with the run either way.
   */
  chromium?: StartedChromium;
  /** This run's `planRun(options)`, when the caller read it already. */
  plan?: RunPlan;
  /**
   * Keep the part-of-speech tags compression asked for in `.cache/briefdeck/pos-tags.json`, so a
   * rebuild need not load the tagger (default true; the decks are the same either way).
   */
  tagCache?: boolean;
  /**
   * Keep each composed deck in `.cache/briefdeck/decks/` under everything composition reads
   * (`composed.ts`), so a rebuild of an unchanged spec against an unchanged corpus does not
   * compose it again, and (in a run that loads its own store) each deck's Marp render and font
   * cuts in `.cache/briefdeck/marp/` and `fonts/` (default true; the files are the same either way).
   */
  deckCache?: boolean;
  /**
   * Render the HTML before the printed formats and report it (with its content) at once, so a
   * preview can show it while PDF and PowerPoint are still on their way (watch mode).
   */
  htmlFirst?: boolean;
  /**
   * With `htmlFirst`: awaited once a deck's HTML is reported, before its other formats start
   * (the preview lets the open pages fetch it while this thread is free to serve them).
   */
  htmlShown?: (deck: string) => Promise<unknown>;
  onProgress?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'corpus-file'; path: string; processed: boolean; files: number; ms: number }
  | { type: 'corpus'; documents: number; claims: number; quotes: number; ms: number }
  | { type: 'deck-start'; spec: string }
  /** A format rendered in memory (its file is written with the deck's others); `content` is the HTML's. */
  | { type: 'artifact'; spec: string; name: string; artifact: ArtifactKind; ms: number; content?: string }
  | { type: 'deck-done'; result: DeckResult }
  | { type: 'diagnostic'; diagnostic: Diagnostic };

export interface OutputFile {
  artifact: ArtifactKind;
  path: string;
  bytes: number;
  ms: number;
}

export interface DeckResult {
  /** Spec path relative to the root. */
  spec: string;
  name: string;
  ok: boolean;
  title?: string;
  audience?: Audience;
  theme?: string;
  /** Slides as laid out: what every output file shows, continuation slides included. */
  slides: number;
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  ms: number;
}

export interface BuildResult {
  ok: boolean;
  decks: DeckResult[];
  /** Diagnostics not tied to one spec (corpus reading). */
  diagnostics: Diagnostic[];
  ms: number;
}

export async function buildBriefings(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = resolve(options.root);
  const outDir = resolve(root, options.outDir ?? 'out');
  const emit = options.onProgress ?? (() => {});
  const plan = options.plan ?? planRun(options);
  const { specFiles, themeNames } = plan;
  trace('specs read');
  sweepStaleTemporaries(outDir);

  // One browser per run. When a spec asks for PDF or a handout it starts now, while the corpus
  // loads (Chromium takes a few hundred milliseconds to come up), unless the caller started it
  // sooner; otherwise on first use. Concurrent formats share the same launch.
  let early = options.browser || !plan.prints ? undefined : options.chromium;
  if (!early) options.chromium?.kill();
  const launch = (): Promise<Printer> => {
    trace('browser launch');
    const started = early;
    early = undefined;
    return BrowserSession.launch({ executablePath: options.browserPath, started }).then((b) => (trace('browser up'), b));
  };
  let browser: Promise<Printer> | undefined = options.browser
    ? Promise.resolve(options.browser)
    : plan.prints
      ? launch()
      : undefined;
  // A launch failure surfaces at the first PDF that awaits it, as before, never as an unhandled rejection.
  browser?.catch(() => {});
  const fontsFound = prefetchThemeFonts(root, plan.themes);
  const ownBrowser = !options.browser;

  const tagFile = options.tagCache === false ? undefined : openTagFile(join(root, '.cache', 'briefdeck', 'pos-tags.json'));
  const deckMemory = options.deckCache === false ? openDeckMemory(undefined) : openDeckMemory(join(root, '.cache', 'briefdeck', 'decks'), join(root, '.cache', 'briefdeck', 'evidence'), join(root, '.cache', 'briefdeck', 'texts'), join(root, '.cache', 'briefdeck', 'selection'));
  // Marp renders and font cuts are kept on disk for the next process; a process that rebuilds
  // with its store open (watch, preview) keeps the packed CSS and the cuts in memory, and its
  // slides change at every save.
  const keepRenders = options.deckCache !== false && !options.store;
  const corpusStarted = performance.now();
  let files = 0;
  const onFile = (path: string, processed: boolean) =>
    emit({ type: 'corpus-file', path, processed, files: ++files, ms: performance.now() - corpusStarted });
  let store: EvidenceStore | undefined;
  const decks: DeckResult[] = [];
  try {
    store = options.store ?? (await loadCorpus({ root, corpusDir: options.corpusDir, store: options.storeUrl, onFile }));
    trace('corpus checked');
    // A reused store (watch mode) was reported when it was loaded.
    if (!options.store) {
      emit({
        type: 'corpus',
        ...storeCounts(store),
        ms: performance.now() - corpusStarted,
      });
    }
    // Two decks at a time: while the browser prints one, the next is composed, fitted and
    // written as HTML and PowerPoint. Results keep the order of the specs.
    const built = await pMap(
      specFiles,
      async (file) => {
        const result = await buildOne(file, {
          ...options,
          root,
          outDir,
          store: store!,
          themeNames,
          planned: plan.parsed,
          fontsFound,
          tags: tagFile?.tags,
          decks: deckMemory,
          marpKept: keepRenders ? join(root, '.cache', 'briefdeck', 'marp') : undefined,
          fontsKept: keepRenders ? join(root, '.cache', 'briefdeck', 'fonts') : undefined,
          browser: () => (browser ??= launch()),
          emit,
        });
        emit({ type: 'deck-done', result });
        return result;
      },
      { concurrency: DECKS_IN_FLIGHT },
    );
    decks.push(...built);
  } finally {
    tagFile?.save();
    early?.kill();
    if (ownBrowser && browser) await (await browser.catch(() => undefined))?.close();
    trace('browser closed');
    if (!options.store) store?.close();
  }
  return {
    ok: decks.every((d) => d.ok) && !hasErrors(store.diagnostics),
    decks,
    diagnostics: store.diagnostics,
    ms: performance.now() - started,
  };
}

/**
 * Starts fontconfig lookups for the themes' faces, so fitting the first deck finds them known.
 * Composition runs without a turn of the event loop, so a deck awaits the returned promise
 * before fitting: the answers arrived long before, and only need reading.
 */
function prefetchThemeFonts(root: string, themes: Iterable<string>): Promise<unknown> {
  const lookups: Promise<void>[] = [];
  for (const name of themes) {
    try {
      lookups.push(prefetchFontFiles(textFaces(loadTheme(name, { root }).fonts)));
    } catch {
      // A theme that does not load is reported when its deck is built.
    }
  }
  return Promise.all(lookups);
}

/** Documents, claims and quotes in the store, counted by the store when it can. */
export function storeCounts(store: EvidenceStore): { documents: number; claims: number; quotes: number } {
  return store.stats?.() ?? { documents: store.documents().length, claims: store.claims().length, quotes: store.quotes().length };
}
