/**
 * The corpus stage: `loadCorpus()` brings the store up to date with the corpus folder and opens it.
 * Incremental by content: a file whose bytes (and sidecar) hash to what the store already holds is
 * not read again beyond hashing; new or changed files are read, cleaned, extracted and written,
 * each whole or not at all, several to a transaction when their results are ready together; files
 * gone from the folder leave the store. A file identical to another
 * counts once. The NLP model and format readers load only when some file needs them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ClaimQuery, CorpusDocument, Diagnostic, DocumentMeta, EvidenceStore, StoredWordCounts } from '../model.ts';
import { formatOf, sha256 } from './file-kind.ts';
import { LARGE_FILE_BYTES, MIN_BYTES_FOR_THREADS, openIngestPool, type IngestPool } from './pool.ts';
import { openFileStamps, type FileStamps } from './stamps.ts';
import { readFileTable, saveFileTable } from './store/file-table.ts';
import { folderListing, listCorpus } from './listing.ts';
import { CHECK_CODE, RACY_MS, readCheckRecord, saveCheckRecord } from './unchanged.ts';
import { languageNotices, searchPassages, type Passage } from './extracted.ts';
import { parseSidecar, type SidecarMeta } from './sidecar.ts';
import { openBackend } from './store/index.ts';
import type { EvidenceBackend, FileClaim, StoredFile } from './store/types.ts';
import { parseTopics, topicMatcher, type TopicTable } from './topics.ts';
import { PIPELINE_VERSION } from './pipeline.ts';
import { trace } from '../trace.ts';

export interface LoadCorpusOptions {
  root: string;
  /** Default `<root>/corpus`. */
  corpusDir?: string;
  /** Default `<root>/.cache/briefdeck`. */
  cacheDir?: string;
  /**
   * Where the evidence lives: `postgres://user@host/db` for a server shared by a team; default
   * `BRIEFDECK_STORE_URL`, else the embedded store `<cacheDir>/evidence.db`.
   */
  store?: string;
  /** Called after each file that had to be processed (for progress bars). */
  onFile?: (path: string, processed: boolean) => void;
}

/** The store plus counts that cost no document parsing (for progress lines and benchmarks). */
export interface CorpusStore extends EvidenceStore {
  stats(): { documents: number; claims: number; quotes: number };
  /** Paragraphs of the documents in other languages (which give no claims) that hold words of `text`. */
  searchPassages(text: string, limit?: number): Passage[];
  wordCounts(): StoredWordCounts;
  /** The store's file, or its server's URL without the password. */
  location: string;
}

export const SIDECAR_SUFFIX = '.meta.yaml';
/** Largest article read, in bytes (default 64 MB; `BRIEFDECK_MAX_ARTICLE_MB` changes it). */
export const MAX_ARTICLE_BYTES = Math.round((Number(process.env.BRIEFDECK_MAX_ARTICLE_MB) || 64) * 2 ** 20);
export const TOPICS_FILE = 'topics.yaml';
/**
 * Files read ahead of the one being written to the store: this many, or, while a worker thread
 * extracts what this one reads, up to `IN_FLIGHT_SMALL` holding at most `IN_FLIGHT_BYTES` between
 * them. Newswire stories of a kilobyte or two keep the worker busy only when this thread reads far
 * enough ahead of it (it waits for a story's claims before writing it, and cannot read on meanwhile).
 */
const IN_FLIGHT = 16;
const IN_FLIGHT_SMALL = 256;
const IN_FLIGHT_BYTES = 2 ** 20;
/**
 * Files whose results are ready are written to the store together, in one transaction, up to this
 * many (or this many milliseconds after the first of them was ready); a result never waits for
 * one still being worked out, so a stopped run loses at most these. Each transaction adds its
 * files' word counts to the store's in one statement and indexes their claims in one: newswire
 * stories of a kilobyte, 64 to a transaction, wrote the common words' counts 15 times over.
 */
const BATCH_FILES = 256;
const BATCH_MS = 250;
/** Files claimed together, in one transaction, when several processes may share the store. */
const CLAIM_BATCH = 32;
/**
 * When the only files to look at are in folders changed since the last check that left nothing
 * to do, and they are at most this many and bytes, they are hashed: cheaper than reading and
 * writing the stamps of every file in the corpus.
 */
const FEW_FILES = 2000;
const FEW_BYTES = 32 * 2 ** 20;

const isArticle = (full: string) => !full.endsWith(SIDECAR_SUFFIX) && !full.endsWith(sep + TOPICS_FILE);

/** The corpus files (not sidecars, not the topics file), sorted, and the sidecars beside them. */
function splitEntries(entries: readonly string[]): { files: string[]; sidecars: Set<string> } {
  const sidecars = new Set<string>();
  const files: string[] = [];
  for (const full of entries) {
    if (full.endsWith(SIDECAR_SUFFIX)) sidecars.add(full);
    else if (isArticle(full)) files.push(full);
  }
  return { files: files.sort(), sidecars };
}

/**
 * The topics file's table, or why it cannot be parsed: from the copy saved beside the store while
 * the file and the corpus stage's code are those it was parsed with (parsing a few lines of YAML
 * with the parser's code not yet compiled takes 10 ms, a tenth of what a search costs), else
 * parsed and saved. A copy that cannot be read or written only means parsing.
 */
function readTopics(source: string, key: string, cacheDir: string): { topics: TopicTable; error?: string } {
  const file = join(cacheDir, 'topics.json');
  const stamp = `${PIPELINE_VERSION}:${key}`;
  let entries: Array<[string, string[]]> | undefined;
  let error: string | undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: unknown; entries?: Array<[string, string[]]>; error?: string };
    if (saved.stamp === stamp && Array.isArray(saved.entries)) ({ entries, error } = saved);
  } catch {
    // No copy yet, or another one: parsed below.
  }
  if (!entries) {
    try {
      entries = Object.entries(parseTopics(source));
    } catch (err) {
      entries = [];
      error = (err as Error).message;
    }
    try {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ stamp, entries, error }));
      renameSync(tmp, file);
    } catch {
      // A read-only cache folder: parsed again next time.
    }
  }
  const topics: TopicTable = {};
  for (const [topic, keywords] of entries) topics[topic] = keywords;
  return { topics, error };
}

const info = (file: string, code: string, message: string): Diagnostic => ({ severity: 'info', file, code, message });

export async function loadCorpus(options: LoadCorpusOptions): Promise<CorpusStore> {
  return openUpToDate(options);
}

/**
 * `loadCorpus`, and `work` done on the store once it is up to date. When the record of the last
 * check that changed nothing still holds for the files table, `work` runs on the store as it
 * stands while GNU find lists the folder in a process of its own (`folderListing`); its result is
 * kept when the listing is the recorded one and the store's version did not move meanwhile. Else
 * the check brings the store up to date and `work` runs again on it. Either way the result is
 * that of `work` on a store matching the folder: a `claims` query answers in the listing's time.
 */
export async function loadCorpusWith<T>(options: LoadCorpusOptions, work: (store: CorpusStore) => T): Promise<{ store: CorpusStore; result: T }> {
  let early: { store: CorpusStore; version: string | undefined; result: T } | undefined;
  const store = await openUpToDate(options, (provisional) => {
    const version = provisional.version?.();
    try {
      early = { store: provisional, version, result: work(provisional) };
    } catch {
      // Asked again of the store once it is up to date, where it fails or not on its own.
    }
  });
  if (early && early.store === store && early.version !== undefined && store.version?.() === early.version) return { store, result: early.result };
  try {
    return { store, result: work(store) };
  } catch (err) {
    store.close();
    throw err;
  }
}

async function openUpToDate(options: LoadCorpusOptions, meanwhile?: (store: CorpusStore) => void): Promise<CorpusStore> {
  const root = resolve(options.root);
  const corpusDir = resolve(root, options.corpusDir ?? 'corpus');
  const cacheDir = resolve(root, options.cacheDir ?? join('.cache', 'briefdeck'));
  // GNU find lists the folder in its own process while this one opens the store (listing.ts),
  // unless the command line started it already. Files whose times are this close to its start
  // are not trusted to tell two writes apart. A check that reports progress per file makes its
  // own listing whatever happens (it needs the paths): it does without.
  const { started, digest: listed } = options.onFile ? { started: Date.now(), digest: Promise.resolve(undefined) } : folderListing(corpusDir);
  trace('corpus: listing started');
  const db = await openBackend(options.store ?? process.env.BRIEFDECK_STORE_URL, cacheDir);
  trace('corpus: store open');
  try {
    return await updateStore(db, root, corpusDir, cacheDir, options, started, listed, meanwhile);
  } catch (err) {
    db.close();
    throw err;
  }
}

async function updateStore(
  db: EvidenceBackend,
  root: string,
  corpusDir: string,
  cacheDir: string,
  options: LoadCorpusOptions,
  started: number,
  listed: Promise<string | undefined>,
  meanwhile?: (store: CorpusStore) => void,
): Promise<CorpusStore> {
  const diagnostics: Diagnostic[] = [];
  // The caches beside the corpus (file stamps, the table's copy, the record of the last check)
  // live here whichever store holds the evidence; a folder that cannot be made only means none.
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    // A read-only project: every check hashes every file.
  }
  // Paths under the root by slicing off its prefix: relative() per file costs more than the stat.
  const rootPrefix = root + sep;
  const corpusPrefix = corpusDir + sep;
  const rel = (p: string) => {
    const r = p.startsWith(rootPrefix) ? p.slice(rootPrefix.length) : relative(root, p);
    return sep === '/' ? r : r.split(sep).join('/');
  };

  const topicsPath = join(corpusDir, TOPICS_FILE);
  let topics: TopicTable = {};
  let topicsKey = 'none';
  if (existsSync(topicsPath)) {
    const source = readFileSync(topicsPath, 'utf8');
    topicsKey = sha256(source);
    const read = readTopics(source, topicsKey, cacheDir);
    topics = read.topics;
    if (read.error !== undefined)
      diagnostics.push({ severity: 'warning', file: rel(topicsPath), code: 'corpus/bad-topics', message: `cannot parse topics: ${read.error}` });
  }
  const topicsOf = topicMatcher(topics);
  if (db.info('topics') !== topicsKey) {
    db.retag(topicsOf);
    db.setInfo('topics', topicsKey);
  }
  /** Notices for each language but English; the language names load only when there is one. */
  const noticesOf = (languages: Map<string, number>) =>
    [...languages.keys()].some((code) => code !== 'en') ? languageNotices(languages, rel(corpusDir)) : [];
  const finish = (languages: Map<string, number>, notices = noticesOf(languages)) => {
    diagnostics.push(...notices);
    return openStore(db, topics, diagnostics, languages);
  };
  // What is reported from here on is about the files (and recorded with a check that changed nothing).
  const reportedBefore = diagnostics.length;
  const checkFile = join(cacheDir, 'corpus-check.json');
  const record = db.filesVersion ? readCheckRecord(checkFile) : undefined;
  const recordHolds = () => !!record && record.maxBytes === MAX_ARTICLE_BYTES && record.version === db.filesVersion!();

  // Nothing changed since a check that left nothing to do, as GNU find lists the folder (the
  // same entries, sizes and times) and with the same version of the files table: what it
  // reported stands. Meanwhile the caller's work runs on the store as it stands (`loadCorpusWith`).
  // (Progress per file needs the paths: a check that reports it makes its own listing.)
  if (record?.listed && !options.onFile && recordHolds()) {
    const languages = new Map(record.languages);
    const notices = record.notices ?? noticesOf(languages);
    diagnostics.push(...record.diagnostics, ...notices);
    const store = openStore(db, topics, diagnostics, languages);
    meanwhile?.(store);
    trace('corpus: answered on the store as it stands');
    const digest = await listed;
    trace('corpus: folder listed');
    if (digest === record.listed && recordHolds()) {
      if (!record.notices) saveCheckRecord(checkFile, { ...record, notices });
      return store;
    }
    diagnostics.length = reportedBefore;
  }
  // GNU find's listing is recorded with a check that found the folder as the store holds it only
  // when it was made before the check's own: a file changed between the two is then seen by the
  // check's listing (its change time is too recent to be recorded), never the other way round.
  const listedBefore = await listed;

  // Every file but hidden ones, with its size and times (one stat each, taken now).
  const listing = listCorpus(corpusDir);

  // Nothing changed since a check that left nothing to do (the same files, sizes and times, and
  // the same version of the files table): what it reported stands, and nothing else is looked at.
  if (record && recordHolds() && listing.digest === record.listing) {
    diagnostics.push(...record.diagnostics);
    if (options.onFile) {
      const quiet = new Set(record.quiet);
      for (const full of splitEntries(listing.entries).files) {
        const path = rel(full);
        if (formatOf(full) && !quiet.has(path)) options.onFile(path, false);
      }
    }
    // The record's notices, as that check made them (ICU's language names take 20 ms of CPU to
    // load, more on a busy machine); a record of older code, or without GNU find's listing of
    // the same files, is saved once more with them.
    const languages = new Map(record.languages);
    const notices = record.notices ?? noticesOf(languages);
    if (!record.notices || (listedBefore && listedBefore !== record.listed)) saveCheckRecord(checkFile, { ...record, notices, listed: listedBefore ?? record.listed });
    return finish(languages, notices);
  }

  // The store's files table: from the copy saved beside the store while the table is unchanged
  // since (its version), else read from the store and saved for the next run.
  const tableFile = join(cacheDir, 'file-table.json');
  const currentVersion = db.filesVersion?.();
  let stored = readFileTable(tableFile, currentVersion);
  let storedVersion = stored ? currentVersion : undefined;
  const tableSaved = !!stored;
  if (!stored) {
    if (db.filesWithVersion) ({ files: stored, version: storedVersion } = db.filesWithVersion());
    else stored = db.files();
  }
  // Whether this process wrote to the files table (then the saved copy is made again at the end),
  // and the rows it wrote (null: removed). While the table's version follows from the stored
  // one through these writes alone, the table is the stored one with them made: it is not read again.
  let wrote = false;
  const written = new Map<string, StoredFile | null>();
  if (storedVersion !== undefined) db.followFilesVersion?.(storedVersion);
  const putFile: EvidenceBackend['putFile'] = (...args) => {
    wrote = true;
    db.putFile(...args);
    written.set(args[0].path, args[0]);
  };
  const seen = new Set<string>();
  const hashOwner = new Map<string, string>();
  const ids = new Set<string>();
  const duplicates: Diagnostic[] = [];
  const { files, sidecars } = splitEntries(listing.entries);
  // The ids the store gives files still in the folder, and the file each belongs to.
  const keptIds = new Map<string, string>();
  for (const full of files) {
    const row = stored.get(rel(full));
    if (row?.docId) keptIds.set(row.docId, row.path);
  }
  // What the table should hold once this check is done (each article's content key and
  // document), the stats it was decided from, and the articles not reported as files: the
  // record of a check that leaves nothing to do (`unchanged.ts`).
  const decided = new Map<string, [key: string, docId: string | null]>();
  const quiet: string[] = [];
  // Whether another process stored a file this one left to it (its row is not known here).
  let leftToOthers = false;
  // Folders listed as they were when the record of the last check that left nothing to do was
  // made, while the table is still the one it left: each of their files' content key is the one
  // stored for it (`unchanged.ts`). Only the files of the other folders are looked at.
  const keptFolders = new Set<string>();
  let toLook = [files.length, Infinity];
  if (record && record.maxBytes === MAX_ARTICLE_BYTES && storedVersion !== undefined && storedVersion === record.version) {
    toLook = [0, 0];
    for (const [path, digest, count, bytes] of listing.folders)
      if (record.folders[path] === digest) keptFolders.add(path);
      else (toLook[0] += count), (toLook[1] += bytes);
  }
  const stampsFile = join(cacheDir, 'file-stamps.json');
  const stamps: FileStamps | undefined = toLook[0] > FEW_FILES || toLook[1] > FEW_BYTES ? openFileStamps(stampsFile) : undefined;
  type Job = { path: string; full: string; key: string; id: string; bytes?: Buffer; sidecarSource?: string };
  // Files another process had claimed when this one came to them: done at the end.
  const deferred: Job[] = [];
  // Claims this process holds on files read but not yet stored (given up if ingest fails).
  const held = new Set<FileClaim>();
  // Files are read, cleaned and extracted ahead (on other threads when there is enough to do);
  // results are written to the store, and reported, in listing order.
  let pool: IngestPool | undefined;
  let pendingBytes = 0;
  let triedThreads = false;
  // Bytes of the files read ahead whose results are not written yet.
  let inFlightBytes = 0;
  const readAhead = () => (pool?.splits && inFlightBytes <= IN_FLIGHT_BYTES ? IN_FLIGHT_SMALL : IN_FLIGHT);
  // Files of the listing not looked at yet: at most this many more may need reading.
  let ahead = files.length;
  // Steps in listing order, run from `next` on: an unchanged corpus queues one per file, and taking
  // each from the front of the array (shift) would move every later one, 100,000 times over.
  let queue: Array<() => Promise<void> | void> = [];
  let next = 0;
  // Writes of results that are ready, with what to do once they are stored, in listing order.
  let writes: Array<() => void> = [];
  let afterWrites: Array<() => void> = [];
  let firstWrite = 0;
  const flush = () => {
    if (!writes.length) return;
    const batch = writes;
    const after = afterWrites;
    writes = [];
    afterWrites = [];
    if (db.inOneTransaction) db.inOneTransaction(batch);
    else for (const write of batch) write();
    for (const done of after) done();
  };
  /** Queues a write to the store (and what follows it); writes go out in batches, in order. */
  const write = (put: () => void, done?: () => void) => {
    if (!writes.length) firstWrite = performance.now();
    writes.push(put);
    if (done) afterWrites.push(done);
    if (writes.length >= BATCH_FILES || performance.now() - firstWrite >= BATCH_MS) flush();
  };
  const drain = async (keep: number) => {
    while (queue.length - next > keep) {
      const step = queue[next];
      // A step holds its file's document, claims and quotes: let them go once it has run.
      queue[next++] = undefined!;
      const done = step();
      if (done) await done;
    }
    if (next > 4096 && next * 2 > queue.length) {
      queue = queue.slice(next);
      next = 0;
    }
  };
  /** A step with nothing to wait for: now when no earlier step is pending, else after them. */
  const inOrder = (step: () => void) => {
    claimAndIngest();
    if (next === queue.length) step();
    else queue.push(step);
  };
  /** Sends a file to be read, cleaned and extracted, and queues its write (under its claim). */
  const ingest = (job: Job, claim: FileClaim | undefined) => {
    const { path, full, key, id } = job;
    const bytes = job.bytes ?? readFileSync(full);
    const sidecarPath = full + SIDECAR_SUFFIX;
    const sidecarSource = sidecars.has(sidecarPath) ? job.sidecarSource || readFileSync(sidecarPath, 'utf8') : '';
    let sidecar: SidecarMeta | undefined;
    const fileDiagnostics: Diagnostic[] = [];
    if (sidecarSource) {
      try {
        sidecar = parseSidecar(sidecarSource);
      } catch (err) {
        fileDiagnostics.push({ severity: 'warning', file: rel(sidecarPath), code: 'corpus/bad-sidecar', message: `cannot parse sidecar: ${(err as Error).message}` });
      }
    }
    // (A very large file is read in this thread whatever the pool: it does not call for threads.)
    if (bytes.length <= LARGE_FILE_BYTES) pendingBytes += bytes.length;
    // Threads once there is enough to do; what was sent before stays in this thread.
    if (!pool) pool = openIngestPool(topics, pendingBytes, ahead + claimedAhead);
    else if (!pool.threaded && !triedThreads && pendingBytes >= MIN_BYTES_FOR_THREADS) {
      triedThreads = true;
      pool = pool.grown(pendingBytes);
    }
    if (claim) held.add(claim);
    inFlightBytes += bytes.length;
    const work = pool.submit({ path, bytes, sidecar, id });
    let settled = false;
    work.then(
      () => void (settled = true),
      () => void (settled = true),
    );
    queue.push(async () => {
      // Ready results are not held back longer than a batch is while this one is worked out
      // (another thread's result comes back a moment later: waiting that moment keeps the batch).
      if (!settled && writes.length) {
        const left = BATCH_MS - (performance.now() - firstWrite);
        if (left > 0) await settledWithin(work, left);
        if (!settled) flush();
      }
      const { result, claims, quotes, worked } = await work;
      inFlightBytes -= bytes.length;
      fileDiagnostics.push(...result.diagnostics);
      diagnostics.push(...fileDiagnostics);
      const doc = result.document;
      const file = { path, key, docId: doc?.id ?? null, diagnostics: fileDiagnostics };
      decided.set(path, [key, file.docId]);
      write(
        () => {
          if (claim) {
            wrote = true;
            claim.put(file, doc, claims, quotes, worked);
            written.set(path, file);
            held.delete(claim);
          } else putFile(file, doc, claims, quotes, worked);
        },
        () => options.onFile?.(path, true),
      );
    });
  };
  /**
   * Files waiting for their claims, in listing order: each is claimed (all of them in one
   * transaction) and sent to be read, or left to the end when another process has it, before
   * anything that comes after it in the listing is queued.
   */
  let toClaim: Job[] = [];
  // Files claimed with the one being sent, still to be sent after it.
  let claimedAhead = 0;
  const claimAndIngest = () => {
    if (!toClaim.length) return;
    const jobs = toClaim;
    toClaim = [];
    const claims = db.claimFiles ? db.claimFiles(jobs) : jobs.map((job) => db.claimFile!(job.path, job.key));
    for (const claim of claims) if (claim) held.add(claim);
    jobs.forEach((job, i) => {
      claimedAhead = jobs.length - 1 - i;
      const claim = claims[i];
      if (claim) ingest(job, claim);
      else deferred.push({ path: job.path, full: job.full, key: job.key, id: job.id });
    });
  };
  // A row whose document the store does not hold (a store an older version left so, when a file
  // took the id of one gone) is no file stored: it is read again.
  const leave = (path: string) => {
    wrote = true;
    db.removeFile(path);
    written.set(path, null);
    stored.delete(path);
  };
  for (const path of db.filesWithoutDocument?.() ?? []) leave(path);
  // Files gone from the folder leave the store first: a file that takes the id of one gone (the
  // corpus moved, "001.txt" renamed "001.md") must not lose its document when the old row leaves.
  for (const full of files) seen.add(rel(full));
  for (const path of [...stored.keys()]) if (!seen.has(path)) leave(path);
  try {
    for (const full of files) {
      ahead--;
      const path = rel(full);
      if (!formatOf(full)) continue;
      // (The file stamps read a stat's size and times only.)
      const stat = listing.statOf(full) as Stats;
      const size = stat.size;
      if (size > MAX_ARTICLE_BYTES) {
        // Ingest needs up to about 11 bytes of memory per byte of plain text (an HTML page, 40); refuse clearly rather than exhaust it.
        const d: Diagnostic = {
          severity: 'warning',
          file: path,
          code: 'corpus/too-large',
          message: `skipped ${path}: ${(size / 2 ** 20).toFixed(0)} MB is over the ${MAX_ARTICLE_BYTES / 2 ** 20} MB limit for one article`,
          hint: 'split it into several files, or raise the limit with BRIEFDECK_MAX_ARTICLE_MB',
        };
        decided.set(path, [`too-large:${size}`, null]);
        quiet.push(path);
        inOrder(() => {
          diagnostics.push(d);
          if (stored.get(path)?.key !== `too-large:${size}`) write(() => putFile({ path, key: `too-large:${size}`, docId: null, diagnostics: [d] }));
        });
        continue;
      }
      // (Most corpora have no sidecars: then no name is made and looked up for each file.)
      const sidecarPath = sidecars.size ? full + SIDECAR_SUFFIX : '';
      const sidecarStat = sidecars.size && sidecars.has(sidecarPath) ? (listing.statOf(sidecarPath) as Stats) : undefined;
      // An unchanged file (in an unchanged folder, or with the same size and times as when last
      // hashed) is not read again.
      const previous = stored.get(path);
      let key = previous && keptFolders.size && keptFolders.has(full.slice(0, full.lastIndexOf(sep))) ? previous.key : stamps?.get(path, stat, sidecarStat);
      let bytes: Buffer | undefined;
      let sidecarSource = '';
      if (key === undefined) {
        bytes = readFileSync(full);
        sidecarSource = sidecarStat ? readFileSync(sidecarPath, 'utf8') : '';
        key = `${sha256(bytes)}:${sidecarSource ? sha256(sidecarSource) : '-'}`;
        stamps?.set(path, stat, sidecarStat, key);
      }
      const hash = key.slice(0, key.indexOf(':'));
      const owner = hashOwner.get(hash);
      if (owner && size > 0) {
        const d = info(path, 'corpus/duplicate-file', `${path} is identical to ${owner}; counted once`);
        const fileKey = key;
        decided.set(path, [fileKey, null]);
        quiet.push(path);
        inOrder(() => {
          duplicates.push(d);
          // A file that held a document of its own before the other copy came first gives it up.
          if (previous?.key !== fileKey || previous.docId !== null) write(() => putFile({ path, key: fileKey, docId: null, diagnostics: [d] }));
        });
        continue;
      }
      hashOwner.set(hash, path);
      // A file keeps the id the store gives it while that is still one of its own: a file added
      // beside it with the same name and another extension ("one.md" by "one.txt") takes the
      // longer id, and no stored document changes hands.
      const inCorpus = full.startsWith(corpusPrefix) ? full.slice(corpusPrefix.length) : relative(corpusDir, full);
      const own = previous?.docId;
      const id = own && !ids.has(own) && ownIds(inCorpus).includes(own)
        ? own
        : documentId(inCorpus, { has: (x) => ids.has(x) || (keptIds.has(x) && keptIds.get(x) !== path) });
      ids.add(id);
      // (A file that gave no document is unchanged; one that was a copy of a file gone since is not.)
      const gaveNone = previous?.docId === null && !previous.diagnostics.some((d) => d.code === 'corpus/duplicate-file');
      if (previous && previous.key === key && (previous.docId === id || gaveNone)) {
        decided.set(path, [previous.key, previous.docId]);
        inOrder(() => {
          diagnostics.push(...previous.diagnostics);
          if (writes.length) afterWrites.push(() => options.onFile?.(path, false));
          else options.onFile?.(path, false);
        });
        continue;
      }
      // With several processes ingesting into one store, each file is processed by the first to
      // claim it; the others go on, and come back at the end to any file whose worker has not
      // stored it (it may have been stopped). A copy of a file gone since is stored under its own
      // content key already, so no claim is made for it: it is written over whole, by whoever comes.
      // Claims are asked for several files at once (one short transaction for them all).
      const copyLeft = previous?.key === key;
      if (db.claimFile && !copyLeft) {
        toClaim.push({ path, full, key, id, bytes, sidecarSource });
        if (toClaim.length >= CLAIM_BATCH) claimAndIngest();
      } else {
        claimAndIngest();
        ingest({ path, full, key, id, bytes, sidecarSource }, undefined);
      }
      // A bounded number of files in flight: memory stays that of a few articles.
      await drain(readAhead());
    }
    claimAndIngest();
    trace('corpus: every file read');
    await drain(0);
    flush();
    trace('corpus: every file stored');
    for (const job of deferred) {
      // Waiting for another process's file while holding claims of its own could leave two
      // processes waiting on each other: everything read so far is stored first.
      await drain(0);
      flush();
      const claim = db.claimFile!(job.path, job.key, true);
      if (!claim) {
        leftToOthers = true;
        options.onFile?.(job.path, false);
        continue;
      }
      ingest(job, claim);
      await drain(readAhead());
    }
    await drain(0);
    flush();
  } finally {
    // What was worked out before a failure is stored all the same (unless the store itself failed).
    try {
      flush();
    } catch {
      writes = [];
    }
    await pool?.close();
    for (const claim of held) claim.release();
  }
  // (Stamps not read are left as they were: those of files changed since are only out of date.)
  stamps?.save(seen);
  // The table's version once the check is done, when the table holds what this check decided
  // (and nothing else): then a check of the same files would have nothing to do.
  let doneVersion: string | undefined;
  const own = wrote ? db.ownFilesVersion?.() : undefined;
  if (own !== undefined) {
    // Only this process wrote to the table since it was read: it is the stored one with those writes.
    for (const [path, row] of written) row ? stored.set(path, row) : stored.delete(path);
    saveFileTable(tableFile, own, stored);
    if (!leftToOthers && holds(stored, decided)) doneVersion = own;
  } else if (wrote && db.filesWithVersion) {
    const now = db.filesWithVersion();
    saveFileTable(tableFile, now.version, now.files);
    if (!leftToOthers && holds(now.files, decided)) doneVersion = now.version;
  } else {
    if (!tableSaved) saveFileTable(tableFile, storedVersion, stored);
    // Nobody wrote to the table meanwhile: it is still the one every decision was made against.
    if (!wrote && !leftToOthers && storedVersion !== undefined && db.filesVersion?.() === storedVersion) doneVersion = storedVersion;
  }
  diagnostics.push(...summariseDuplicates(duplicates, rel(corpusDir)));
  const languages = db.languages();
  const notices = noticesOf(languages);
  // Decisions were made from the stats of the listing: its digest is what a check of the same
  // files would see (unless a file was written too close to the check for its times to tell).
  if (doneVersion !== undefined && listing.newest < started - RACY_MS) {
    saveCheckRecord(checkFile, {
      code: CHECK_CODE,
      version: doneVersion,
      listing: listing.digest,
      listed: listedBefore,
      folders: Object.fromEntries(listing.folders.map(([path, digest]) => [path, digest])),
      maxBytes: MAX_ARTICLE_BYTES,
      diagnostics: diagnostics.slice(reportedBefore),
      languages: [...languages],
      notices,
      quiet,
    });
  }
  return finish(languages, notices);
}

/** Waits until `work` settles, or `ms` milliseconds at most. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work.then(() => {}, () => {}), late]).finally(() => clearTimeout(timer));
}

/** Whether the files table holds exactly the rows decided: each article's key and document, no other. */
function holds(rows: ReadonlyMap<string, StoredFile>, decided: ReadonlyMap<string, [string, string | null]>): boolean {
  if (rows.size !== decided.size) return false;
  for (const [path, row] of rows) {
    const want = decided.get(path);
    if (!want || want[0] !== row.key || want[1] !== row.docId) return false;
  }
  return true;
}

/**
 * A document's id is its path under the corpus folder without the extension (`business/001`), so
 * `business/001.txt` and `tech/001.txt` are two documents; ids are stable across runs. Two files
 * that differ only by extension (`a.txt`, `a.md`) keep the extension in the second one's id.
 */
export function documentId(pathInCorpus: string, taken: { has(id: string): boolean }): string {
  const [id, path] = ownIds(pathInCorpus);
  return taken.has(id) ? path : id;
}

/** The ids a file may have: its path without the extension, and with it. */
function ownIds(pathInCorpus: string): [string, string] {
  const path = sep === '/' ? pathInCorpus : pathInCorpus.split(sep).join('/');
  return [path.replace(/\.[^./]+$/, ''), path];
}

/**
 * Identical files count once. One line says how many there were; each file's own line is kept
 * at `verbose` severity-info with code `corpus/duplicate-file`, which `--verbose` prints.
 */
function summariseDuplicates(duplicates: Diagnostic[], corpusPath: string): Diagnostic[] {
  if (duplicates.length < 2) return duplicates;
  const summary = info(
    corpusPath,
    'corpus/duplicate-files',
    `${duplicates.length} files are identical to other files in the corpus and count once`,
  );
  summary.hint = 'run with --verbose to list them';
  return [summary, ...duplicates.map((d) => ({ ...d, verbose: true }))];
}

function openStore(db: EvidenceBackend, topics: TopicTable, diagnostics: Diagnostic[], languages: Map<string, number>): CorpusStore {
  let docs: DocumentMeta[] | undefined;
  let foreign: DocumentMeta[] | undefined;
  // Whole documents (text, paragraphs) are read when asked for, a few at a time: citations and
  // `corpus show` need a handful, never the corpus.
  const recent = new Map<string, CorpusDocument | undefined>();
  const document = (id: string) => {
    if (recent.has(id)) {
      const doc = recent.get(id);
      recent.delete(id);
      recent.set(id, doc);
      return doc;
    }
    const doc = db.document(id);
    recent.set(id, doc);
    if (recent.size > 64) recent.delete(recent.keys().next().value!);
    return doc;
  };
  return {
    documents: () => (docs ??= db.documents()),
    document,
    claims: () => [...db.eachClaim()],
    eachClaim: () => db.eachClaim(),
    claimsById: (ids) => db.claimsById(ids),
    claimsTagged: (topic) => db.claimsTagged(topic),
    claimsOfDocuments: (docIds) => db.claimsOfDocuments(docIds),
    leads: (docIds) => db.leads(docIds),
    quotes: () => db.quotes(),
    searchClaims: (query: ClaimQuery) => db.search(query),
    searchIds: (text, limit) => db.searchIds(text, limit),
    // Documents in other languages are few beside the English ones: only they are listed (from
    // the store's index where it has one), and only when a search names words.
    searchPassages: (text, limit) => {
      const others = [...languages.keys()].filter((code) => code !== 'en');
      if (!others.length) return [];
      return searchPassages(text, db.documentsIn ? (foreign ??= db.documentsIn(others)) : (docs ??= db.documents()), (id) => db.document(id), limit);
    },
    topics: () => topics,
    stats: () => db.stats(),
    wordCounts: () => db.wordCounts(),
    location: db.location,
    diagnostics,
    // Every write to the files table gives it a new random version; retagging records the topics file's hash.
    version: () => {
      const files = db.filesVersion?.();
      return files === undefined ? undefined : [db.location, files, db.info('topics') ?? ''].join('\u0000');
    },
    close: () => db.close(),
  };
}
