/**
 * A document of kept paragraphs for tests, the way cleaning hands it on: each paragraph a slice of
 * the text, joined by `between` (a blank line, or a wire's indented line break).
 */
import type { CorpusDocument } from '../../src/model.ts';

export function documentOf(paragraphs: readonly string[], between = '\n\n'): CorpusDocument {
  let text = '';
  const ps = paragraphs.map((p, i) => {
    const start = text.length;
    text += p + between;
    return { index: i + 1, start, end: start + p.length, text: p };
  });
  return { id: 'd', path: 'corpus/d.txt', format: 'txt', title: 'T', authors: [], hash: '', words: 0, text, paragraphs: ps, dropped: [] };
}
