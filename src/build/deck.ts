/**
 * One deck of a build: read and parse its spec, compose the deck, load the theme it wears (and
 * its PowerPoint template), lay it out, write every format in memory, then publish the files
 * together. Every problem on the way is a message in the deck's result; the summary's slide count
 * is the laid-out deck's, the same as every file's.
 */
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Diagnostic, EvidenceStore, LaidOutDeck } from '../model.ts';
import { parseBriefing } from '../spec/index.ts';
import type { TagMemory } from '../deck/grammar.ts';
import type { DeckMemory } from './composed.ts';
import { loadTheme } from '../theme/index.ts';
import { themeTemplate, type Template } from '../theme/template.ts';
import { layoutDeck } from '../layout/index.ts';
import { hasErrors } from '../diagnostics/format.ts';
import { MessageError, message } from '../diagnostics/message.ts';
import type { Printer } from '../render/print.ts';
import { renderArtifacts, ARTIFACTS, type ArtifactKind } from './artifacts.ts';
import { commitOutputs, discardOutputs, outputPath, stageOutput, type PendingOutput } from './outputs.ts';
import { trace } from '../trace.ts';
import type { BuildEvent, BuildOptions, DeckResult } from './index.ts';
import type { RunPlan } from './plan.ts';

export interface BuildContext extends Omit<BuildOptions, 'browser' | 'chromium' | 'plan'> {
  root: string;
  outDir: string;
  store: EvidenceStore;
  themeNames: string[];
  /** The parses `planRun` made. */
  planned: RunPlan['parsed'];
  /** The fontconfig lookups started with the run (never rejects). */
  fontsFound: Promise<unknown>;
  /** Part-of-speech tags kept between runs, which composition reads and adds to. */
  tags?: TagMemory;
  /** Composed decks kept between runs (`composed.ts`). */
  decks: DeckMemory;
  /** Where Marp renders are kept between runs (`render/marp-kept.ts`), when they are. */
  marpKept?: string;
  /** Where the HTML's font cuts are kept between runs (`theme/embed-fonts.ts`), when they are. */
  fontsKept?: string;
  browser: () => Promise<Printer>;
  emit: (event: BuildEvent) => void;
}

export async function buildOne(file: string, ctx: BuildContext): Promise<DeckResult> {
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
  /** Without a message when the parse or compose messages already say what is wrong. */
  const fail = (...diagnostics: Diagnostic[]): DeckResult => {
    result.diagnostics.push(...diagnostics);
    result.ms = performance.now() - started;
    return result;
  };

  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    return fail(message('spec/unreadable', `cannot read the briefing spec: ${(err as Error).message}`, { file: rel },
      { hint: 'check the path; specs live in briefings/*.md' }));
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

  let layout: LaidOutDeck;
  let template: Template | undefined;
  try {
    const composed = await ctx.decks.compose(spec, ctx.store, { strict: ctx.strict, tags: ctx.tags });
    result.diagnostics.push(...composed.diagnostics);
    trace(`${rel}: composed`);
    if (hasErrors(composed.diagnostics)) return fail();
    const deck = composed.deck;
    const at = (key: string) => ({ file: rel, ...spec.locations?.[key] });
    const theme = loadTheme(deck.theme, { root: ctx.root, overrides: deck.overrides, classification: deck.classification, from: at('theme') });
    template = themeTemplate(theme, ctx.root);
    await ctx.fontsFound;
    const laid = layoutDeck(deck, theme, { template, at: at(spec.length ? 'length' : 'audience') });
    result.diagnostics.push(...laid.diagnostics);
    layout = laid.layout;
    trace(`${rel}: laid out`);
  } catch (err) {
    if (err instanceof MessageError) return fail(...err.diagnostics);
    return fail(internal(rel, err));
  }
  result.slides = layout.slides.length;
  const { deck } = layout;

  const formats = ctx.formats ?? spec.formats;
  const kinds: ArtifactKind[] = ['deck.json', 'marp.md', ...formats];
  // Every format renders in memory, and is staged (written to a temporary file beside its target
  // and flushed, in the background) as soon as it is ready; the files are renamed into place only
  // once all formats succeeded, so a failure or a kill mid-render leaves the previous outputs as
  // they were. Formats render concurrently: the printed ones overlap with PPTX and with each other.
  let rendered: { kind: ArtifactKind; path: string; content: string | Uint8Array; ms: number }[];
  const staged = new Map<ArtifactKind, Promise<PendingOutput>>();
  const stage = (kind: ArtifactKind, content: string | Uint8Array) => {
    const job = (async () => stageOutput(outputPath(ctx.outDir, deck.name, ARTIFACTS[kind].suffix), content))();
    job.catch(() => {});
    staged.set(kind, job);
  };
  /** Removes what was staged, once every write has settled. */
  const discard = async () => {
    const settled = await Promise.allSettled(staged.values());
    discardOutputs(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])));
  };
  try {
    const artifacts = await renderArtifacts(kinds, layout, {
        browser: ctx.browser,
        template,
        paper: ctx.paper,
        marpKept: ctx.marpKept,
        fontsKept: ctx.fontsKept,
        htmlFirst: ctx.htmlFirst,
        afterHtml: ctx.htmlShown && (() => ctx.htmlShown!(deck.name)),
      }, (a) => (trace(`${rel}: ${a.kind} rendered`),
      stage(a.kind, a.content),
      ctx.emit({
        type: 'artifact',
        spec: rel,
        name: deck.name,
        artifact: a.kind,
        ms: a.ms,
        ...(a.kind === 'html' && typeof a.content === 'string' ? { content: a.content } : {}),
      })),
    );
    rendered = artifacts.map((a) => ({ ...a, path: outputPath(ctx.outDir, deck.name, ARTIFACTS[a.kind].suffix) }));
  } catch (err) {
    await discard();
    return fail(internal(rel, err));
  }
  try {
    const pending = await Promise.all(rendered.map((r) => staged.get(r.kind)!));
    commitOutputs(pending);
    trace(`${rel}: files written`);
  } catch (err) {
    await discard();
    return fail(internal(rel, err));
  }
  result.outputs = rendered.map((r) => ({ artifact: r.kind, path: r.path, bytes: r.content.length, ms: r.ms }));
  result.ok = true;
  result.ms = performance.now() - started;
  return result;
}

function internal(file: string, err: unknown): Diagnostic {
  const d = message('build/failed', err instanceof Error ? err.message : String(err), { file }, { hint: 'run with --verbose to see where it happened' });
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
