/**
 * Reading, cleaning and extraction of new or changed files, on the machine's cores: this thread
 * (`ingest-here.ts`) and, when there is enough to do and the code runs compiled (`dist/`), worker
 * threads on the other cores (`ingest-worker.ts`). Results come back in the order files were
 * sent, so the store is written exactly as a single-threaded run writes it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Claim, Quote } from '../model.ts';
import type { Worked } from './store/types.ts';
import type { IngestInput, IngestResult } from './read.ts';
import { SECTION_CHARS } from './sections.ts';
import type { TopicTable } from './topics.ts';

export interface Ingested {
  result: IngestResult;
  /** A very long document's are a stream (`claim-stream.ts`): extracted as the store writes them. */
  claims: Iterable<Claim>;
  quotes: Iterable<Quote>;
  /** What the store would otherwise work out on the main thread: the listing entry, the claims' word counts. */
  worked: Worked;
}

export interface IngestPool {
  /** Whether work goes to worker threads. */
  readonly threaded: boolean;
  /** Starts work on a file; the promise settles with its result. */
  submit(input: IngestInput): Promise<Ingested>;
  close(): Promise<void>;
}

/** Below this many bytes to process, starting threads (each loads the language models) costs more than it saves. */
export const MIN_BYTES_FOR_THREADS = 2 * 2 ** 20;

/**
 * A file larger than this is read in this thread: sent to another one, its bytes and then its
 * document and claims would be copied across, and held twice at the peak.
 */
export const LARGE_FILE_BYTES = SECTION_CHARS;

/** The worker's compiled file, beside the entry points of dist/ (shared code lives in dist/chunks/). */
function workerFile(): URL | undefined {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return undefined; // running the TypeScript sources: no compiled worker
  return new URL(here.includes('/chunks/') ? '../ingest-worker.js' : './ingest-worker.js', here);
}

/**
 * A pool for `bytes` of pending input: `BRIEFDECK_INGEST_THREADS` threads when set, else one per
 * core (at most four) when there is enough input. The main thread is one of them: it reads and
 * extracts files too whenever the workers have enough queued, beside hashing and the store. A
 * worker more than the cores would share a core with the main thread, and each isolate pays for
 * its own models, compiled code and collector (on two cores, two workers beside the main thread
 * cost a third more CPU than one).
 */
export function openIngestPool(topics: TopicTable, bytes: number): IngestPool {
  const file = workerFile();
  const env = process.env.BRIEFDECK_INGEST_THREADS;
  const wanted = env !== undefined ? Number(env) || 0 : bytes >= MIN_BYTES_FOR_THREADS ? Math.min(4, availableParallelism()) : 0;
  if (!file || wanted < 2) return inThread(topics);
  return threaded(file, topics, wanted - 1);
}

/**
 * Files a worker may have waiting (the one it reads and those queued behind it): more go to the
 * main thread. Deep enough that a worker does not run dry while the main thread reads a file of
 * its own or waits for a core (with two, a busy machine left the worker idle half the time).
 */
const QUEUED_PER_WORKER = 6;

/**
 * This thread's pool: the reading and extraction stages load with the first file sent, so a check
 * of an unchanged corpus never loads them.
 */
function inThread(topics: TopicTable): IngestPool {
  let here: Promise<(input: IngestInput) => Promise<Ingested>> | undefined;
  return {
    threaded: false,
    async submit(input) {
      here ??= import('./ingest-here.ts').then(({ ingestHere }) => ingestHere(topics));
      return (await here)(input);
    },
    async close() {},
  };
}

function threaded(file: URL, topics: TopicTable, count: number): IngestPool {
  type Waiting = { resolve: (v: Ingested) => void; reject: (e: Error) => void };
  const waiting = new Map<number, Waiting>();
  // Files sent to each worker, and files each has finished (counted by the worker itself: this
  // thread reads its messages only between its own files, and must not wait for them to know
  // that a worker has run out of work).
  const sent = new Array<number>(count).fill(0);
  const finished = new Int32Array(new SharedArrayBuffer(4 * count));
  const queued = (i: number) => sent[i] - Atomics.load(finished, i);
  let seq = 0;
  let failure: Error | undefined;
  let here: IngestPool | undefined;
  const workers = Array.from({ length: count }, (_, index) => {
    const w = new Worker(file, { workerData: { topics, finished, index } });
    w.on('message', (m: { seq: number; error?: string } & Partial<Ingested>) => {
      const job = waiting.get(m.seq);
      waiting.delete(m.seq);
      if (m.error !== undefined) job?.reject(new Error(m.error));
      else job?.resolve({ result: m.result!, claims: m.claims!, quotes: m.quotes!, worked: m.worked ?? {} });
    });
    w.on('error', (err) => {
      failure = err;
      for (const job of waiting.values()) job.reject(err);
      waiting.clear();
    });
    return w;
  });
  return {
    threaded: true,
    submit(input) {
      if (failure) return Promise.reject(failure);
      // The least busy worker, unless it has enough waiting: then this thread.
      let i = 0;
      for (let j = 1; j < count; j++) if (queued(j) < queued(i)) i = j;
      if (input.bytes.length > LARGE_FILE_BYTES || queued(i) >= QUEUED_PER_WORKER) return (here ??= inThread(topics)).submit(input);
      sent[i]++;
      const id = seq++;
      return new Promise<Ingested>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // Bytes are copied; the caller keeps its buffer.
        workers[i].postMessage({ seq: id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
