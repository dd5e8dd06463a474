/**
 * The build stage: for each briefing spec, parse → compose (against one shared corpus store) →
 * render every requested format → publish the files together. One corpus load and at most one
 * browser per run, however many decks and formats. Errors in one spec never stop the others and
 * never touch that spec's previous outputs.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Audience, Deck, Diagnostic, EvidenceStore, OutputFormat, ResolvedTheme } from '../model.ts';
import { loadCorpus } from '../corpus/index.ts';
import { parseBriefing, type ParseResult } from '../spec/index.ts';
import { composeDeck } from '../deck/index.ts';
import { openTagMemory } from '../deck/grammar.ts';
import { listThemes, loadTheme } from '../theme/index.ts';
import { prefetchFontFiles, textFaces } from '../theme/fonts.ts';
import { hasErrors } from '../diagnostics/format.ts';
import { BrowserSession, letLaunchStart } from '../render/browser.ts';
import type { Printer } from '../render/print.ts';
import type { SpecDefaults } from '../spec/defaults.ts';
import { renderArtifacts, ARTIFACTS, type ArtifactKind } from './artifacts.ts';
import pMap from 'p-map';
import {
  commitOutputs,
  discardOutputs,
  outputPath,
  stageOutput,
  sweepStaleTemporaries,
  type PendingOutput,
} from './outputs.ts';

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
   * Keep the part-of-speech tags compression asked for in `.cache/briefdeck/pos-tags.json`, so a
   * rebuild need not load the tagger (default true; the decks are the same either way).
   */
  tagCache?: boolean;
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

export async function buildBriefings(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = resolve(options.root);
  const outDir = resolve(root, options.outDir ?? 'out');
  const emit = options.onProgress ?? (() => {});
  const specFiles = findSpecs(root, options.specs);
  sweepStaleTemporaries(outDir);

  const themeNames = listThemes(root).map((t) => t.name);
  // One browser per run. When a spec asks for PDF or a handout it starts now, while the corpus
  // loads (Chromium takes a few hundred milliseconds to come up); otherwise on first use.
  // Concurrent formats share the same launch.
  const launch = (): Promise<Printer> => BrowserSession.launch({ executablePath: options.browserPath });
  const plan = planRun(specFiles, root, themeNames, options);
  let browser: Promise<Printer> | undefined = options.browser
    ? Promise.resolve(options.browser)
    : plan.prints
      ? launch()
      : undefined;
  // A launch failure surfaces at the first PDF that awaits it, as before, never as an unhandled rejection.
  browser?.catch(() => {});
  if (browser && !options.browser) await letLaunchStart();
  const fontsFound = prefetchThemeFonts(root, plan.themes);
  const ownBrowser = !options.browser;

  const saveTags = options.tagCache === false ? () => {} : openTagMemory(join(root, '.cache', 'briefdeck', 'pos-tags.json'));
  const corpusStarted = performance.now();
  let files = 0;
  const onFile = (path: string, processed: boolean) =>
    emit({ type: 'corpus-file', path, processed, files: ++files, ms: performance.now() - corpusStarted });
  let store: EvidenceStore | undefined;
  const decks: DeckResult[] = [];
  try {
    store = options.store ?? (await loadCorpus({ root, corpusDir: options.corpusDir, store: options.storeUrl, onFile }));
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
    saveTags();
    if (ownBrowser && browser) await (await browser.catch(() => undefined))?.close();
    if (!options.store) store?.close();
  }
  return {
    ok: decks.every((d) => d.ok) && !hasErrors(store.diagnostics),
    decks,
    diagnostics: store.diagnostics,
    ms: performance.now() - started,
  };
}

/** What a run's specs ask for, read before any deck is built. */
interface RunPlan {
  /** Some spec wants a PDF or a handout. */
  prints: boolean;
  /** The themes the specs wear. */
  themes: Set<string>;
  /** Each spec's text and parse, which its build reuses when the file still reads the same. */
  parsed: Map<string, { source: string; result: ParseResult }>;
}

/**
 * Reads every spec of the run with the same parse the build makes (a spec that does not parse
 * asks for nothing; it is reported when it is built).
 */
function planRun(specFiles: readonly string[], root: string, themeNames: string[], options: BuildOptions): RunPlan {
  const prints = (formats: readonly OutputFormat[]) => formats.some((f) => f === 'pdf' || f === 'handout');
  const plan: RunPlan = { prints: options.formats ? prints(options.formats) : false, themes: new Set(), parsed: new Map() };
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

interface BuildContext extends Omit<BuildOptions, 'browser'> {
  root: string;
  outDir: string;
  store: EvidenceStore;
  themeNames: string[];
  /** The parses `planRun` made. */
  planned: RunPlan['parsed'];
  /** The fontconfig lookups started with the run (never rejects). */
  fontsFound: Promise<unknown>;
  browser: () => Promise<Printer>;
  emit: (event: BuildEvent) => void;
}

async function buildOne(file: string, ctx: BuildContext): Promise<DeckResult> {
  const started = performance.now();
  const rel = relative(ctx.root, file) || file;
  const result: DeckResult = {
    spec: rel,
    name: basename(file).replace(/\.md$/i, ''),
    ok: false,
    slides: 0,
    outputs: [],
    diagnostics: [],
    ms: 0,
  };
  ctx.emit({ type: 'deck-start', spec: rel });
  /** Without a diagnostic when the parse or compose messages already say what is wrong. */
  const fail = (diagnostic?: Diagnostic): DeckResult => {
    if (diagnostic) result.diagnostics.push(diagnostic);
    result.ms = performance.now() - started;
    return result;
  };

  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    return fail({
      severity: 'error',
      file: rel,
      code: 'spec/unreadable',
      message: `cannot read the briefing spec: ${(err as Error).message}`,
      hint: 'check the path; specs live in briefings/*.md',
    });
  }
  const planned = ctx.planned.get(file);
  const parsed =
    planned?.source === source
      ? planned.result
      : parseBriefing(rel, source, {
          root: ctx.root,
          themes: ctx.themeNames,
          overrides: { audience: ctx.audience, theme: ctx.theme },
          defaults: ctx.specDefaults,
        });
  result.diagnostics.push(...parsed.diagnostics);
  if (!parsed.spec || hasErrors(parsed.diagnostics)) return fail();
  const spec = parsed.spec;
  result.name = spec.name;
  result.title = spec.title;
  result.audience = spec.audience;
  result.theme = spec.theme;

  let deck: Deck;
  let theme: ResolvedTheme;
  try {
    const composed = composeDeck(spec, ctx.store, { strict: ctx.strict });
    result.diagnostics.push(...composed.diagnostics);
    if (hasErrors(composed.diagnostics)) return fail();
    deck = composed.deck;
    theme = loadTheme(deck.theme, { root: ctx.root, overrides: deck.overrides, classification: deck.classification });
  } catch (err) {
    return fail(internal(rel, err));
  }
  result.slides = deck.slides.length;
  await ctx.fontsFound;

  const formats = ctx.formats ?? spec.formats;
  const kinds: ArtifactKind[] = ['deck.json', 'marp.md', ...formats];
  // Everything renders in memory first; files are staged and renamed only once all formats
  // succeeded, so a failure or a kill mid-render leaves the previous outputs as they were.
  // Formats render concurrently: the printed ones overlap with PPTX and with each other.
  let rendered: { kind: ArtifactKind; path: string; content: string | Uint8Array; ms: number }[];
  try {
    const artifacts = await renderArtifacts(kinds, deck, theme, {
        browser: ctx.browser,
        paper: ctx.paper,
        htmlFirst: ctx.htmlFirst,
        afterHtml: ctx.htmlShown && (() => ctx.htmlShown!(deck.name)),
      }, (a) =>
      ctx.emit({
        type: 'artifact',
        spec: rel,
        name: deck.name,
        artifact: a.kind,
        ms: a.ms,
        ...(a.kind === 'html' && typeof a.content === 'string' ? { content: a.content } : {}),
      }),
    );
    rendered = artifacts.map((a) => ({ ...a, path: outputPath(ctx.outDir, deck.name, ARTIFACTS[a.kind].suffix) }));
  } catch (err) {
    return fail(internal(rel, err));
  }
  const pending: PendingOutput[] = [];
  try {
    for (const r of rendered) pending.push(stageOutput(r.path, r.content));
    commitOutputs(pending);
  } catch (err) {
    discardOutputs(pending);
    return fail(internal(rel, err));
  }
  result.outputs = rendered.map((r) => ({ artifact: r.kind, path: r.path, bytes: r.content.length, ms: r.ms }));
  result.ok = true;
  result.ms = performance.now() - started;
  return result;
}

function internal(file: string, err: unknown): Diagnostic {
  const message = err instanceof Error ? err.message : String(err);
  const d: Diagnostic = { severity: 'error', file, code: 'build/failed', message, hint: 'run with --verbose to see where it happened' };
  const where = whereFailed(err);
  if (where) d.detail = where;
  return d;
}

/** The frames of an error's stack: the function, file and line it happened at, and its callers. */
export function whereFailed(err: unknown): string | undefined {
  const stack = err instanceof Error ? err.stack : undefined;
  const frames = stack?.split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.trim());
  return frames?.length ? frames.slice(0, 12).join('\n') : undefined;
}

/** Documents, claims and quotes in the store, counted by the store when it can. */
export function storeCounts(store: EvidenceStore): { documents: number; claims: number; quotes: number } {
  return store.stats?.() ?? { documents: store.documents().length, claims: store.claims().length, quotes: store.quotes().length };
}
