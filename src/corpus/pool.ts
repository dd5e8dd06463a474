/**
 * Reading, cleaning and extraction of new or changed files, on the machine's cores: this thread
 * (`ingest-here.ts`) and, when there is enough to do and the code runs compiled (`dist/`), worker
 * threads on the other cores (`ingest-worker.ts`), each taking whole files, or, for many small
 * files, one worker extracting what this thread reads and cleans. Results come back in the order
 * files were sent, so the store is written exactly as a single-threaded run writes it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Claim, CorpusDocument, Quote } from '../model.ts';
import type { Worked } from './store/types.ts';
import type { IngestInput, IngestResult } from './read.ts';
import { SECTION_CHARS } from './sections.ts';
import type { TopicTable } from './topic-matcher.ts';
import { trace } from '../trace.ts';

export interface Ingested {
  result: IngestResult;
  /** A very long document's are a stream (`claim-stream.ts`): extracted as the store writes them. */
  claims: Iterable<Claim>;
  quotes: Iterable<Quote>;
  /** What the store would otherwise work out on the main thread: the listing entry, the claims' word counts. */
  worked: Worked;
}

export interface IngestPool {
  /** Whether whole files go to worker threads. */
  readonly threaded: boolean;
  /** Whether a worker thread extracts the documents this thread reads. */
  readonly splits: boolean;
  /** Starts work on a file; the promise settles with its result. */
  submit(input: IngestInput): Promise<Ingested>;
  /**
   * The pool for `bytes` of input sent so far: this one, or one that sends whole files to
   * threads once there is enough text for them (it keeps this one's worker).
   */
  grown(bytes: number): IngestPool;
  close(): Promise<void>;
}

/** Below this many bytes to process, starting threads (each loads the language models) costs more than it saves. */
export const MIN_BYTES_FOR_THREADS = 2 * 2 ** 20;

/**
 * From this many files that may need reading on, a worker thread extracts the claims of the
 * documents this thread reads and cleans. Each thread then loads the models of its own stages
 * only (this one the date parsers and the language detector, the worker the sentence tagger and
 * the word list), so the worker costs no second set of them, and the two stages run side by
 * side on two cores.
 */
export const MIN_FILES_FOR_SPLIT = 16;

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

/** Threads wanted for `bytes` of pending input, the main thread included. */
function threadsFor(bytes: number): number {
  const env = process.env.BRIEFDECK_INGEST_THREADS;
  if (env !== undefined) return Number(env) || 0;
  return bytes >= MIN_BYTES_FOR_THREADS ? Math.min(4, availableParallelism()) : 0;
}

/**
 * A pool for `bytes` of pending input, with `filesAhead` more files that may need reading:
 * `BRIEFDECK_INGEST_THREADS` threads when set, else one per core (at most four) when there is
 * enough input. The main thread is one of them: it reads and extracts files too whenever the
 * workers have enough queued, beside hashing and the store. A worker more than the cores would
 * share a core with the main thread, and each isolate pays for its own models, compiled code and
 * collector (on two cores, two workers beside the main thread cost a third more CPU than one).
 * Less input, in many files, on a machine of two cores or more: one worker extracts what this
 * thread reads (`MIN_FILES_FOR_SPLIT`).
 */
export function openIngestPool(topics: TopicTable, bytes: number, filesAhead = 0): IngestPool {
  const file = workerFile();
  const wanted = threadsFor(bytes);
  if (file && wanted >= 2) {
    trace(`corpus: files read on ${wanted} threads`);
    return threaded(file, topics, wanted - 1, true);
  }
  if (file && process.env.BRIEFDECK_INGEST_THREADS === undefined && filesAhead >= MIN_FILES_FOR_SPLIT && availableParallelism() >= 2) {
    trace('corpus: a worker thread extracts what this one reads');
    return threaded(file, topics, 1, false);
  }
  return inThread(topics);
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
  const pool: IngestPool = {
    threaded: false,
    splits: false,
    async submit(input) {
      here ??= import('./ingest-here.ts').then(({ ingestHere }) => ingestHere(topics));
      return (await here)(input);
    },
    grown(bytes) {
      const file = workerFile();
      const wanted = threadsFor(bytes);
      if (!file || wanted < 2) return pool;
      trace(`corpus: files read on ${wanted} threads`);
      return threaded(file, topics, wanted - 1, true);
    },
    async close() {},
  };
  return pool;
}

/**
 * `count` worker threads. With `whole`, each file goes whole to the least busy worker, or to this
 * thread when each has enough waiting; without, this thread reads and cleans every file and the
 * least busy worker extracts its document, until the pool grows to send whole files.
 */
function threaded(file: URL, topics: TopicTable, count: number, whole: boolean): IngestPool {
  type Waiting = { resolve: (v: Ingested) => void; reject: (e: Error) => void };
  const waiting = new Map<number, Waiting>();
  // Jobs sent to each worker, and jobs each has finished (counted by the worker itself: this
  // thread reads its messages only between its own files, and must not wait for them to know
  // that a worker has run out of work).
  const sent: number[] = [];
  const finished: Int32Array[] = [];
  const queued = (i: number) => sent[i] - Atomics.load(finished[i], 0);
  let seq = 0;
  let failure: Error | undefined;
  let here: IngestPool | undefined;
  let reader: Promise<(input: IngestInput) => Promise<Ingested>> | undefined;
  const workers: Worker[] = [];
  const start = (index: number) => {
    finished[index] = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(file, { workerData: { topics, finished: finished[index], extracts: !whole } });
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
    workers[index] = w;
    sent[index] = 0;
  };
  for (let i = 0; i < count; i++) start(i);
  const leastBusy = () => {
    let i = 0;
    for (let j = 1; j < workers.length; j++) if (queued(j) < queued(i)) i = j;
    return i;
  };
  const send = (i: number, message: { input: IngestInput } | { doc: CorpusDocument }) => {
    if (failure) return Promise.reject(failure);
    sent[i]++;
    const id = seq++;
    if (id === 0) trace('corpus: first file sent to a worker');
    return new Promise<Ingested>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      // Bytes and documents are copied; the caller keeps its own.
      workers[i].postMessage({ seq: id, ...message });
    });
  };
  const pool: IngestPool = {
    get threaded() {
      return whole;
    },
    get splits() {
      return !whole;
    },
    submit(input) {
      if (failure) return Promise.reject(failure);
      if (!whole) {
        reader ??= import('./ingest-here.ts').then(({ ingestHere }) => {
          trace('corpus: reading stage loaded');
          return ingestHere(topics, (doc) => send(leastBusy(), { doc }));
        });
        return reader.then((read) => read(input));
      }
      // The least busy worker, unless it has enough waiting: then this thread.
      const i = leastBusy();
      if (input.bytes.length > LARGE_FILE_BYTES || queued(i) >= QUEUED_PER_WORKER) return (here ??= inThread(topics)).submit(input);
      return send(i, { input });
    },
    grown(bytes) {
      const wanted = threadsFor(bytes);
      if (whole || wanted < 2) return pool;
      // Whole files from now on, on as many workers as wanted (this one's among them).
      trace(`corpus: files read on ${wanted} threads`);
      whole = true;
      for (let i = workers.length; i < wanted - 1; i++) start(i);
      return pool;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  return pool;
}
