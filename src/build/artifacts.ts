/**
 * The files a build writes per deck, and which renderer makes each. `deck.json` and `marp.md` are
 * always written: the first is the cited, format-neutral deck; the second opens in marp-cli.
 */
import type { Deck, ResolvedTheme } from '../model.ts';
import type { BrowserSession } from '../render/browser.ts';
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
  /** Launches the run's one browser on first use. */
  browser: () => Promise<BrowserSession>;
  paper?: 'A4' | 'Letter';
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
