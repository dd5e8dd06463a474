/**
 * The files a build writes per deck, and which renderer makes each. `deck.json` and `marp.md` are
 * always written: the first is the cited, format-neutral deck; the second opens in marp-cli.
 */
import type { Deck, ResolvedTheme } from '../model.ts';
import type { Printer } from '../render/print.ts';
import { deckToMarpMarkdown } from '../render/marp-markdown.ts';
import { renderHtml } from '../render/html.ts';
import { renderPdf } from '../render/pdf.ts';
import { renderHandout } from '../render/handout.ts';
import { renderPptx } from '../render/pptx.ts';

export const ARTIFACTS = {
  'deck.json': { suffix: '.deck.json', label: 'deck JSON' },
  'marp.md': { suffix: '.marp.md', label: 'Marp Markdown' },
  html: { suffix: '.html', label: 'HTML' },
  pdf: { suffix: '.pdf', label: 'PDF' },
  pptx: { suffix: '.pptx', label: 'PowerPoint' },
  handout: { suffix: '.handout.pdf', label: 'PDF handout' },
} as const;

export type ArtifactKind = keyof typeof ARTIFACTS;

export interface RenderContext {
  /** The run's one browser, started on first use. */
  browser: () => Promise<Printer>;
  paper?: 'A4' | 'Letter';
}

/**
 * The order a deck's formats start in: the printed ones first, so the browser works on them
 * while this process fits and writes the rest (HTML, PowerPoint), then the cheap text files.
 */
const START_ORDER: readonly ArtifactKind[] = ['handout', 'pdf', 'html', 'pptx', 'marp.md', 'deck.json'];

/** Lets pending browser messages through before the next format's CPU-bound work begins. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One rendered format of a deck, with the time it took from its start. */
export interface RenderedArtifact {
  kind: ArtifactKind;
  content: string | Uint8Array;
  ms: number;
}

/**
 * Renders `kinds` of one deck in memory, concurrently: the browser-bound formats start first and
 * the others follow one by one, each after a turn of the event loop, so the browser is never
 * left waiting for a message while a PowerPoint file is being built. Results come back in the
 * order of `kinds`; `onRendered` hears of each as it finishes. The first failure rejects.
 */
export async function renderArtifacts(
  kinds: readonly ArtifactKind[],
  deck: Deck,
  theme: ResolvedTheme,
  ctx: RenderContext,
  onRendered: (artifact: RenderedArtifact) => void = () => {},
): Promise<RenderedArtifact[]> {
  const started = new Map<ArtifactKind, Promise<RenderedArtifact>>();
  const order = [...kinds].sort((a, b) => START_ORDER.indexOf(a) - START_ORDER.indexOf(b));
  for (const kind of order) {
    if (started.has(kind)) continue;
    const t0 = performance.now();
    const job = renderArtifact(kind, deck, theme, ctx).then((content) => {
      const artifact = { kind, content, ms: performance.now() - t0 };
      onRendered(artifact);
      return artifact;
    });
    // Every job is awaited below; until then a failure must not count as unhandled.
    job.catch(() => {});
    started.set(kind, job);
    await breathe();
  }
  return Promise.all(kinds.map((kind) => started.get(kind)!));
}

export async function renderArtifact(
  kind: ArtifactKind,
  deck: Deck,
  theme: ResolvedTheme,
  ctx: RenderContext,
): Promise<string | Uint8Array> {
  switch (kind) {
    case 'deck.json':
      return JSON.stringify(deck, null, 2) + '\n';
    case 'marp.md':
      return deckToMarpMarkdown(deck, theme);
    case 'html':
      return renderHtml(deck, theme);
    case 'pdf':
      return renderPdf(deck, theme, await ctx.browser());
    case 'handout':
      return renderHandout(deck, theme, await ctx.browser(), { paper: ctx.paper });
    case 'pptx':
      return renderPptx(deck, theme);
  }
}
