/**
 * Reading, cleaning and extraction of one file in this thread, as a worker thread does it
 * (`ingest-worker.ts`): the document, its claims and quotes, and what the store would otherwise
 * work out from them. Loaded only when a file has to be processed.
 */
import type { CorpusDocument } from '../model.ts';
import { metaOf } from './store/types.ts';
import { workedOut } from './worked.ts';
import { extractSections } from './claims.ts';
import { ClaimStream } from './claim-stream.ts';
import { readsEnglish } from './extracted.ts';
import { ingestFile, type IngestInput } from './read.ts';
import { topicMatcher, type TopicTable } from './topic-matcher.ts';
import type { Ingested } from './pool.ts';

/** What extraction gives for a document read and cleaned. */
export type Extracted = Omit<Ingested, 'result'>;

/**
 * Ingests files one at a time in this thread, topics tagged from `topics`; with `elsewhere`, the
 * claims and quotes of an ordinary English document are extracted there (another thread) while
 * this one reads the next file. A very long document's are extracted here, as the store writes them.
 */
export function ingestHere(topics: TopicTable, elsewhere?: (doc: CorpusDocument) => Promise<Extracted>): (input: IngestInput) => Promise<Ingested> {
  const topicsOf = topicMatcher(topics);
  // Files are read one after the other, in the order sent: the listing sends many before the
  // first is read, and read side by side (each of them going on at every await of another) the
  // first document reached another thread only once most of those had been read too, which
  // left it waiting a quarter of a second at the start of a newswire corpus.
  let reading: Promise<unknown> = Promise.resolve();
  return async (input) => {
    const read = reading.then(() => ingestFile(input));
    reading = read.catch(() => undefined);
    const result = await read;
    const doc = result.document;
    if (doc && readsEnglish(doc) && ClaimStream.wanted(doc)) {
      const stream = new ClaimStream(doc, topicsOf);
      return { result, claims: stream, quotes: stream.quotes, worked: { meta: metaOf(doc), get words() { return stream.words; } } };
    }
    if (doc && readsEnglish(doc) && elsewhere) {
      const { claims, quotes, worked } = await elsewhere(doc);
      return { result, claims, quotes, worked };
    }
    const { claims, quotes } = doc && readsEnglish(doc) ? extractSections(doc, topicsOf) : { claims: [], quotes: [] };
    return { result, claims, quotes, worked: workedOut(doc, claims) };
  };
}
