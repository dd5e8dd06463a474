/**
 * The files a build writes per deck, by kind. Kept apart from the renderers (`artifacts.ts`) so
 * that listing or reporting them loads none of them.
 */
export const ARTIFACTS = {
  'deck.json': { suffix: '.deck.json', label: 'deck JSON' },
  'marp.md': { suffix: '.marp.md', label: 'Marp Markdown' },
  html: { suffix: '.html', label: 'HTML' },
  pdf: { suffix: '.pdf', label: 'PDF' },
  pptx: { suffix: '.pptx', label: 'PowerPoint' },
  handout: { suffix: '.handout.pdf', label: 'PDF handout' },
} as const;

export type ArtifactKind = keyof typeof ARTIFACTS;
