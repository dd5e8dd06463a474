/**
 * The files a build writes per deck, and which writer makes each from the laid-out deck.
 * `deck.json` and `marp.md` are always written: the first is the cited, format-neutral deck as
 * shown (the same slides as every other file); the second opens in marp-cli.
 */
import type { LaidOutDeck } from '../model.ts';
import type { Template } from '../theme/template.ts';
import type { Printer } from '../render/print.ts';
import { renderHtml } from '../render/html.ts';
import { renderPdf } from '../render/pdf.ts';
import { renderHandout } from '../render/handout.ts';
import type { MarpRender } from '../render/marp.ts';
import { marpRender } from '../render/marp-kept.ts';

export { ARTIFACTS, type ArtifactKind } from './formats.ts';
import type { ArtifactKind } from './formats.ts';
import { trace } from '../trace.ts';

export interface RenderContext {
  /** The run's one browser, started on first use. */
  browser: () => Promise<Printer>;
  /** The PowerPoint template the theme names, as read for the layout. */
  template?: Template;
  paper?: 'A4' | 'Letter';
  /** Where Marp renders are kept between runs (`render/marp-kept.ts`); none when undefined. */
  marpKept?: string;
  /** Where the HTML's font cuts are kept between runs (`theme/embed-fonts.ts`); none when undefined. */
  fontsKept?: string;
  /** HTML before everything else (preview: the page reloads while the rest renders). */
  htmlFirst?: boolean;
  /** With `htmlFirst`: awaited after the HTML is reported, before the other formats start. */
  afterHtml?: () => Promise<unknown>;
}

/**
 * The order a deck's formats start in: the printed ones first, so the browser works on them
 * while this thread writes the rest (HTML, PowerPoint), then the cheap text files.
 */
const START_ORDER: readonly ArtifactKind[] = ['pdf', 'handout', 'html', 'pptx', 'marp.md', 'deck.json'];

/** Lets pending browser messages through before the next format's CPU-bound work begins. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const PRINTED = new Set<ArtifactKind>(['pdf', 'handout']);
/**
 * How long the other formats wait for the printed ones to reach the browser. The browser is
 * answered only when this thread is free, so the HTML and PowerPoint work starts once the
 * browser's pages have their documents, or after this long if the browser is slow to come up.
 */
const HANDOVER_MS = 300;

/** One rendered format of a deck, with the time it took from its start. */
export interface RenderedArtifact {
  kind: ArtifactKind;
  content: string | Uint8Array;
  ms: number;
}

/**
 * Renders `kinds` of one laid-out deck in memory, concurrently. Its Marp render comes first (the
 * browser formats and the Markdown start from it); then the printed formats go to the browser, and the
 * others start once the browser holds their documents (see `HANDOVER_MS`), one by one, each
 * after a turn of the event loop, so the browser and this thread work side by side. Results come
 * back in the order of `kinds`; `onRendered` hears of each as it finishes. The first failure
 * rejects.
 */
export async function renderArtifacts(
  kinds: readonly ArtifactKind[],
  layout: LaidOutDeck,
  ctx: RenderContext,
  onRendered: (artifact: RenderedArtifact) => void = () => {},
): Promise<RenderedArtifact[]> {
  const started = new Map<ArtifactKind, Promise<RenderedArtifact>>();
  const rank = (kind: ArtifactKind) => (ctx.htmlFirst && kind === 'html' ? -1 : START_ORDER.indexOf(kind));
  const order = [...kinds].sort((a, b) => rank(a) - rank(b));
  // The browser formats and the Markdown share one Marp render, made before any of them.
  const marp = order.some((kind) => kind === 'marp.md' || kind === 'html' || PRINTED.has(kind)) ? await marpRender(layout, ctx.marpKept) : undefined;
  trace(`${layout.deck.name}: Marp rendered`);
  const handedOver: Promise<void>[] = [];
  let waited = false;
  for (const kind of order) {
    if (started.has(kind)) continue;
    if (!PRINTED.has(kind) && handedOver.length && !waited) {
      waited = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(handedOver), new Promise((resolve) => (timer = setTimeout(resolve, HANDOVER_MS)))]);
      clearTimeout(timer);
    }
    let accepted: (() => void) | undefined;
    if (PRINTED.has(kind)) handedOver.push(new Promise<void>((resolve) => (accepted = resolve)));
    const t0 = performance.now();
    const job = renderArtifact(kind, layout, marp, ctx, accepted).then((content) => {
      const artifact = { kind, content, ms: performance.now() - t0 };
      onRendered(artifact);
      return artifact;
    });
    // Every job is awaited below; until then a failure must not count as unhandled.
    job.catch(() => {});
    started.set(kind, job);
    if (kind === 'html' && ctx.htmlFirst && ctx.afterHtml) await job.then(ctx.afterHtml, () => {});
    await breathe();
  }
  return Promise.all(kinds.map((kind) => started.get(kind)!));
}

/**
 * One format of a laid-out deck, from its Marp render where the format needs one; `accepted`
 * hears when a printed format's document reached the browser.
 */
export async function renderArtifact(
  kind: ArtifactKind,
  layout: LaidOutDeck,
  marp: MarpRender | undefined,
  ctx: RenderContext,
  accepted?: () => void,
): Promise<string | Uint8Array> {
  const rendered = async () => marp ?? (await marpRender(layout, ctx.marpKept));
  switch (kind) {
    case 'deck.json':
      return JSON.stringify(layout.deck, null, 2) + '\n';
    case 'marp.md':
      return (await rendered()).markdown;
    case 'html':
      return renderHtml(await rendered(), ctx.fontsKept);
    case 'pdf':
      return renderPdf(await rendered(), await ctx.browser(), accepted);
    case 'handout':
      return renderHandout(await rendered(), await ctx.browser(), { paper: ctx.paper }, accepted);
    case 'pptx': {
      // pptxgenjs and its zip writer load when the first PowerPoint is asked for, while the browser prints.
      const { renderPptx } = await import('../render/pptx.ts');
      return renderPptx(layout, ctx.template);
    }
  }
}
