/**
 * A worker thread of the corpus stage, one message per file. It reads, cleans and extracts the
 * files the main thread sends whole (`{ input }`: the main thread does the same with others), or
 * extracts the claims and quotes of a document the main thread has read and cleaned
 * (`{ doc }`: each thread then loads only the models of its own stages). It answers with what it
 * worked out; the main thread keeps hashing, the store and the order of writes (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CorpusDocument } from '../model.ts';
import { extractSections } from './claims.ts';
import { readsEnglish } from './extracted.ts';
import type { IngestInput } from './read.ts';
import { workedOut } from './worked.ts';
import { topicMatcher, type TopicTable } from './topic-matcher.ts';
import { loadTagger } from './nlp.ts';
import { englishList } from './vocabulary.ts';

/**
 * Reading and cleaning (the format readers, the date parsers, the language detector's code),
 * loaded with the first whole file sent: a worker that only extracts never loads them, and is
 * ready for the first document sooner.
 */
let reader: Promise<typeof import('./read.ts')> | undefined;

const { topics, finished, extracts } = workerData as { topics: TopicTable; finished: Int32Array; extracts?: boolean };
const topicsOf = topicMatcher(topics);

// A worker that extracts what the main thread reads loads its models while the main thread reads
// and cleans the first documents (it has nothing to do before they come).
if (extracts) {
  loadTagger();
  englishList();
}

parentPort!.on('message', async ({ seq, input, doc }: { seq: number; input?: IngestInput; doc?: CorpusDocument }) => {
  try {
    if (doc) {
      // The main thread, which has the document already, works out its listing entry and word
      // counts as it stores it: extraction is the longer stage of the two.
      const { claims, quotes } = extractSections(doc, topicsOf);
      parentPort!.postMessage({ seq, claims, quotes });
    } else {
      const { ingestFile } = await (reader ??= import('./read.ts'));
      const result = await ingestFile(input!);
      const read = result.document;
      const { claims, quotes } = read && readsEnglish(read) ? extractSections(read, topicsOf) : { claims: [], quotes: [] };
      parentPort!.postMessage({ seq, result, claims, quotes, worked: workedOut(read, claims) });
    }
  } catch (err) {
    parentPort!.postMessage({ seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  // Told at once, not when the main thread reads the message: it hands out files meanwhile.
  Atomics.add(finished, 0, 1);
});
