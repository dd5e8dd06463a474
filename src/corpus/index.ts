/**
 * The corpus stage: `loadCorpus()` brings the store up to date with the corpus folder and opens it.
 * Incremental by content: a file whose bytes (and sidecar) hash to what the store already holds is
 * not read again beyond hashing; new or changed files are read, cleaned, extracted and written in
 * their own transaction; files gone from the folder leave the store. A file identical to another
 * counts once. The NLP model and format readers load only when some file needs them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ClaimQuery, CorpusDocument, Diagnostic, DocumentMeta, EvidenceStore } from '../model.ts';
import { extractEvidence } from './claims.ts';
import { formatOf, ingestFile, sha256 } from './read.ts';
import { parseSidecar, type SidecarMeta } from './sidecar.ts';
import { openBackend } from './store/index.ts';
import type { EvidenceBackend, FileClaim } from './store/types.ts';
import { parseTopics, topicMatcher, type TopicTable } from './topics.ts';

export { ingestFile, formatOf, sha256 } from './read.ts';
export { cleanText } from './clean.ts';
export { extractEvidence } from './claims.ts';
export { findDate } from './dates.ts';
export { BOILERPLATE_PATTERNS, END_OF_ARTICLE } from './patterns.ts';
export { parseTopics, topicMatcher } from './topics.ts';
export { PIPELINE_VERSION } from './pipeline.ts';
export { openBackend } from './store/index.ts';
export { SqliteBackend } from './store/sqlite.ts';

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
  /** The store's file, or its server's URL without the password. */
  location: string;
}

export const SIDECAR_SUFFIX = '.meta.yaml';
/** Largest article read, in bytes (default 64 MB; `BRIEFDECK_MAX_ARTICLE_MB` changes it). */
export const MAX_ARTICLE_BYTES = Math.round((Number(process.env.BRIEFDECK_MAX_ARTICLE_MB) || 64) * 2 ** 20);
export const TOPICS_FILE = 'topics.yaml';

/** The corpus files, sorted, and the sidecars beside them. */
function listFiles(dir: string): { files: string[]; sidecars: Set<string> } {
  const sidecars = new Set<string>();
  if (!existsSync(dir)) return { files: [], sidecars };
  const out: string[] = [];
  // Whether a folder is hidden (or inside one), worked out once per folder, not per file.
  const hidden = new Map<string, boolean>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const parent = entry.parentPath ?? dir;
    let skip = hidden.get(parent);
    if (skip === undefined) hidden.set(parent, (skip = relative(dir, parent).split(sep).some((p) => p.startsWith('.'))));
    if (skip) continue;
    const full = join(parent, entry.name);
    if (entry.name.endsWith(SIDECAR_SUFFIX)) sidecars.add(full);
    if (entry.name.endsWith(SIDECAR_SUFFIX) || entry.name === TOPICS_FILE) continue;
    out.push(full);
  }
  return { files: out.sort(), sidecars };
}

const info = (file: string, code: string, message: string): Diagnostic => ({ severity: 'info', file, code, message });

export async function loadCorpus(options: LoadCorpusOptions): Promise<CorpusStore> {
  const root = resolve(options.root);
  const corpusDir = resolve(root, options.corpusDir ?? 'corpus');
  const cacheDir = resolve(root, options.cacheDir ?? join('.cache', 'briefdeck'));
  const db = await openBackend(options.store ?? process.env.BRIEFDECK_STORE_URL, cacheDir);
  try {
    return await updateStore(db, root, corpusDir, options);
  } catch (err) {
    db.close();
    throw err;
  }
}

async function updateStore(db: EvidenceBackend, root: string, corpusDir: string, options: LoadCorpusOptions): Promise<CorpusStore> {
  const diagnostics: Diagnostic[] = [];
  // Paths under the root by slicing off its prefix: relative() per file costs more than the stat.
  const rel = (p: string) => (p.startsWith(root + sep) ? p.slice(root.length + 1) : relative(root, p)).split(sep).join('/');

  const topicsPath = join(corpusDir, TOPICS_FILE);
  let topics: TopicTable = {};
  let topicsKey = 'none';
  if (existsSync(topicsPath)) {
    const source = readFileSync(topicsPath, 'utf8');
    topicsKey = sha256(source);
    try {
      topics = parseTopics(source);
    } catch (err) {
      diagnostics.push({ severity: 'warning', file: rel(topicsPath), code: 'corpus/bad-topics', message: `cannot parse topics: ${(err as Error).message}` });
    }
  }
  const topicsOf = topicMatcher(topics);
  if (db.info('topics') !== topicsKey) {
    db.retag(topicsOf);
    db.setInfo('topics', topicsKey);
  }

  const stored = db.files();
  const seen = new Set<string>();
  const hashOwner = new Map<string, string>();
  const ids = new Set<string>();
  const duplicates: Diagnostic[] = [];
  const { files, sidecars } = listFiles(corpusDir);
  type Job = { path: string; full: string; key: string; id: string; stamp: string };
  const deferred: Job[] = [];
  /** Reads, cleans and extracts one file, and stores it in one transaction (under its claim). */
  const store = async (job: Job, claim: FileClaim | undefined, bytes: Uint8Array, sidecarSource: string) => {
    const { path, key, id, stamp } = job;
    try {
      let sidecar: SidecarMeta | undefined;
      const fileDiagnostics: Diagnostic[] = [];
      if (sidecarSource) {
        try {
          sidecar = parseSidecar(sidecarSource);
        } catch (err) {
          fileDiagnostics.push({ severity: 'warning', file: rel(job.full + SIDECAR_SUFFIX), code: 'corpus/bad-sidecar', message: `cannot parse sidecar: ${(err as Error).message}` });
        }
      }
      const result = await ingestFile({ path, bytes, sidecar, id });
      fileDiagnostics.push(...result.diagnostics);
      diagnostics.push(...fileDiagnostics);
      const doc = result.document;
      const { claims, quotes } = doc ? extractEvidence(doc, topicsOf) : { claims: [], quotes: [] };
      const file = { path, key, docId: doc?.id ?? null, diagnostics: fileDiagnostics, stamp };
      if (claim) claim.put(file, doc, claims, quotes);
      else db.putFile(file, doc, claims, quotes);
    } catch (err) {
      claim?.release();
      throw err;
    }
    options.onFile?.(path, true);
  };
  for (const full of files) {
    const path = rel(full);
    seen.add(path);
    if (!formatOf(full)) continue;
    const stat = statSync(full);
    const size = stat.size;
    if (size > MAX_ARTICLE_BYTES) {
      // Ingest needs about 40 bytes of memory per byte of text; refuse clearly rather than exhaust it.
      const d: Diagnostic = {
        severity: 'warning',
        file: path,
        code: 'corpus/too-large',
        message: `skipped ${path}: ${(size / 2 ** 20).toFixed(0)} MB is over the ${MAX_ARTICLE_BYTES / 2 ** 20} MB limit for one article`,
        hint: 'split it into several files, or raise the limit with BRIEFDECK_MAX_ARTICLE_MB',
      };
      diagnostics.push(d);
      if (stored.get(path)?.key !== `too-large:${size}`) db.putFile({ path, key: `too-large:${size}`, docId: null, diagnostics: [d] });
      continue;
    }
    const sidecarPath = full + SIDECAR_SUFFIX;
    const hasSidecar = sidecars.has(sidecarPath);
    // Size and modification time of the file and its sidecar: when they are what the store
    // recorded, the bytes are too (as for git's index), and the file is neither read nor hashed.
    const sidecarStat = hasSidecar ? statSync(sidecarPath) : undefined;
    const stamp = `${size}:${stat.mtimeMs}:${sidecarStat ? `${sidecarStat.size}:${sidecarStat.mtimeMs}` : '-'}`;
    const previous = stored.get(path);
    let bytes: Buffer | undefined;
    let sidecarSource = '';
    let key: string;
    if (previous?.stamp === stamp && !previous.key.startsWith('too-large:')) {
      key = previous.key;
    } else {
      bytes = readFileSync(full);
      sidecarSource = hasSidecar ? readFileSync(sidecarPath, 'utf8') : '';
      key = `${sha256(bytes)}:${sidecarSource ? sha256(sidecarSource) : '-'}`;
    }
    const hash = key.slice(0, key.indexOf(':'));
    const owner = hashOwner.get(hash);
    if (owner && size > 0) {
      const d = info(path, 'corpus/duplicate-file', `${path} is identical to ${owner}; counted once`);
      duplicates.push(d);
      if (previous?.key !== key || previous.docId !== null) db.putFile({ path, key, docId: null, diagnostics: [d], stamp });
      else if (previous.stamp !== stamp) db.restamp(path, stamp);
      continue;
    }
    hashOwner.set(hash, path);
    const id = documentId(full.startsWith(corpusDir + sep) ? full.slice(corpusDir.length + 1) : relative(corpusDir, full), ids);
    ids.add(id);
    if (previous && previous.key === key && (previous.docId === id || previous.docId === null)) {
      if (previous.stamp !== stamp) db.restamp(path, stamp);
      diagnostics.push(...previous.diagnostics);
      options.onFile?.(path, false);
      continue;
    }
    // With several processes ingesting into one server, each file is processed by the first to
    // claim it; the others go on, and come back at the end to any file whose worker has not
    // stored it (it may have been stopped).
    const claim = db.claimFile?.(path, key);
    if (db.claimFile && !claim) {
      deferred.push({ path, full, key, id, stamp });
      continue;
    }
    await store({ path, full, key, id, stamp }, claim, bytes ?? readFileSync(full), hasSidecar ? (sidecarSource || readFileSync(sidecarPath, 'utf8')) : '');
  }
  for (const job of deferred) {
    const claim = db.claimFile!(job.path, job.key, true);
    if (!claim) options.onFile?.(job.path, false);
    else await store(job, claim, readFileSync(job.full), sidecars.has(job.full + SIDECAR_SUFFIX) ? readFileSync(job.full + SIDECAR_SUFFIX, 'utf8') : '');
  }
  for (const path of stored.keys()) if (!seen.has(path)) db.removeFile(path);
  diagnostics.push(...summariseDuplicates(duplicates, rel(corpusDir)));
  return openStore(db, topics, diagnostics);
}

/**
 * A document's id is its path under the corpus folder without the extension (`business/001`), so
 * `business/001.txt` and `tech/001.txt` are two documents; ids are stable across runs. Two files
 * that differ only by extension (`a.txt`, `a.md`) keep the extension in the second one's id.
 */
export function documentId(pathInCorpus: string, taken: ReadonlySet<string>): string {
  const path = pathInCorpus.split(sep).join('/');
  const id = path.replace(/\.[^./]+$/, '');
  return taken.has(id) ? path : id;
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

function openStore(db: EvidenceBackend, topics: TopicTable, diagnostics: Diagnostic[]): CorpusStore {
  let docs: DocumentMeta[] | undefined;
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
    quotes: () => db.quotes(),
    searchClaims: (query: ClaimQuery) => db.search(query),
    topics: () => topics,
    stats: () => db.stats(),
    location: db.location,
    diagnostics,
    close: () => db.close(),
  };
}
