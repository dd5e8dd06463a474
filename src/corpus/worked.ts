/** What an ingest thread works out beside a document, so the store need not (`Worked`). */
import type { Claim, CorpusDocument } from '../model.ts';
import { metaOf, type Worked } from './store/types.ts';
import { wordDelta } from './word-counts.ts';

/** The listing entry and word counts of a document and its claims. */
export function workedOut(doc: CorpusDocument | undefined, claims: readonly Claim[]): Worked {
  return doc ? { meta: metaOf(doc), words: wordDelta([], [claims.map((c) => c.text)]) } : {};
}
