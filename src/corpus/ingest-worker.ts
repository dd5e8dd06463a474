/**
 * A worker thread of the corpus stage: reads, cleans and extracts the files the main thread
 * sends (it does the same with the others), one message per file, and answers with the document, claims, quotes and diagnostics.
 * The main thread keeps hashing, the store and the order of writes (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractSections } from './claims.ts';
import { readsEnglish } from './extracted.ts';
import { ingestFile, type IngestInput } from './read.ts';
import { workedOut } from './ingest-here.ts';
import { topicMatcher, type TopicTable } from './topics.ts';

const { topics, finished, index } = workerData as { topics: TopicTable; finished: Int32Array; index: number };
const topicsOf = topicMatcher(topics);

parentPort!.on('message', async ({ seq, input }: { seq: number; input: IngestInput }) => {
  try {
    const result = await ingestFile(input);
    const doc = result.document;
    const { claims, quotes } = doc && readsEnglish(doc) ? extractSections(doc, topicsOf) : { claims: [], quotes: [] };
    parentPort!.postMessage({ seq, result, claims, quotes, worked: workedOut(doc, claims) });
  } catch (err) {
    parentPort!.postMessage({ seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  // Told at once, not when the main thread reads the message: it hands out files meanwhile.
  Atomics.add(finished, index, 1);
});
