/**
 * The corpus stage: `loadCorpus()` brings the store up to date with the corpus folder and opens it.
 * Incremental by content: a file whose bytes (and sidecar) hash to what the store already holds is
 * not read again beyond hashing; new or changed files are read, cleaned, extracted and written in
 * their own transaction; files gone from the folder leave the store. A file identical to another
 * counts once. The NLP model and format readers load only when some file needs them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ClaimQuery, CorpusDocument, Diagnostic, EvidenceStore } from '../model.ts';
import { extractEvidence } from './claims.ts';
import { formatOf, ingestFile, sha256 } from './read.ts';
import { parseSidecar, type SidecarMeta } from './sidecar.ts';
import { EvidenceDb } from './store.ts';
import { parseTopics, topicMatcher, type TopicTable } from './topics.ts';

export { ingestFile, formatOf, sha256 } from './read.ts';
export { cleanText } from './clean.ts';
export { extractEvidence } from './claims.ts';
export { findDate } from './dates.ts';
export { BOILERPLATE_PATTERNS, END_OF_ARTICLE } from './patterns.ts';
export { parseTopics, topicMatcher } from './topics.ts';
export { EvidenceDb, PIPELINE_VERSION } from './store.ts';

export interface LoadCorpusOptions {
  root: string;
  /** Default `<root>/corpus`. */
  corpusDir?: string;
  /** Default `<root>/.cache/briefdeck`. */
  cacheDir?: string;
  /** Called after each file that had to be processed (for progress bars). */
  onFile?: (path: string, processed: boolean) => void;
}

/** The store plus counts that cost no document parsing (for progress lines and benchmarks). */
export interface CorpusStore extends EvidenceStore {
  stats(): { documents: number; claims: number; quotes: number };
}

export const SIDECAR_SUFFIX = '.meta.yaml';
/** Largest article read, in bytes (default 64 MB; `BRIEFDECK_MAX_ARTICLE_MB` changes it). */
export const MAX_ARTICLE_BYTES = Math.round((Number(process.env.BRIEFDECK_MAX_ARTICLE_MB) || 64) * 2 ** 20);
export const TOPICS_FILE = 'topics.yaml';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const full = join(entry.parentPath ?? dir, entry.name);
    if (relative(dir, full).split(sep).some((p) => p.startsWith('.'))) continue;
    if (entry.name.endsWith(SIDECAR_SUFFIX) || entry.name === TOPICS_FILE) continue;
    out.push(full);
  }
  return out.sort();
}

const info = (file: string, code: string, message: string): Diagnostic => ({ severity: 'info', file, code, message });

export async function loadCorpus(options: LoadCorpusOptions): Promise<CorpusStore> {
  const root = resolve(options.root);
  const corpusDir = resolve(root, options.corpusDir ?? 'corpus');
  const cacheDir = resolve(root, options.cacheDir ?? join('.cache', 'briefdeck'));
  mkdirSync(cacheDir, { recursive: true });
  const db = new EvidenceDb(join(cacheDir, 'evidence.db'));
  const diagnostics: Diagnostic[] = [];
  const rel = (p: string) => relative(root, p).split(sep).join('/');

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
  for (const full of listFiles(corpusDir)) {
    const path = rel(full);
    seen.add(path);
    if (!formatOf(full)) continue;
    const size = statSync(full).size;
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
    const bytes = readFileSync(full);
    const sidecarPath = full + SIDECAR_SUFFIX;
    const sidecarSource = existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : '';
    const hash = sha256(bytes);
    const key = `${hash}:${sidecarSource ? sha256(sidecarSource) : '-'}`;
    const owner = hashOwner.get(hash);
    if (owner && bytes.length > 0) {
      const d = info(path, 'corpus/duplicate-file', `${path} is identical to ${owner}; counted once`);
      duplicates.push(d);
      if (stored.get(path)?.key !== key) db.putFile({ path, key, docId: null, diagnostics: [d] });
      continue;
    }
    hashOwner.set(hash, path);
    const id = documentId(relative(corpusDir, full), ids);
    ids.add(id);
    const previous = stored.get(path);
    if (previous && previous.key === key && (previous.docId === id || previous.docId === null)) {
      diagnostics.push(...previous.diagnostics);
      options.onFile?.(path, false);
      continue;
    }
    let sidecar: SidecarMeta | undefined;
    const fileDiagnostics: Diagnostic[] = [];
    if (sidecarSource) {
      try {
        sidecar = parseSidecar(sidecarSource);
      } catch (err) {
        fileDiagnostics.push({ severity: 'warning', file: rel(sidecarPath), code: 'corpus/bad-sidecar', message: `cannot parse sidecar: ${(err as Error).message}` });
      }
    }
    const result = await ingestFile({ path, bytes, sidecar, id });
    fileDiagnostics.push(...result.diagnostics);
    diagnostics.push(...fileDiagnostics);
    const doc = result.document;
    const { claims, quotes } = doc && readsEnglish(doc) ? extractEvidence(doc, topicsOf) : { claims: [], quotes: [] };
    db.putFile({ path, key, docId: doc?.id ?? null, diagnostics: fileDiagnostics }, doc, claims, quotes);
    options.onFile?.(path, true);
  }
  for (const path of stored.keys()) if (!seen.has(path)) db.removeFile(path);
  diagnostics.push(...summariseDuplicates(duplicates, rel(corpusDir)));
  diagnostics.push(...languageNotices(db.languages(), rel(corpusDir)));
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

/** Extraction (sentences, reported speech, likelihood words) is written for English. */
const readsEnglish = (doc: CorpusDocument) => !doc.language || doc.language === 'en';

/**
 * One line per language that extraction does not read, not one per file: the documents are
 * kept (text, title, metadata, `briefdeck corpus show`), but give no claims or quotes yet.
 */
export function languageNotices(languages: Map<string, number>, file: string): Diagnostic[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const out: Diagnostic[] = [];
  for (const [code, n] of [...languages].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (code === 'en') continue;
    let name = code;
    try {
      name = names.of(code) ?? code;
    } catch {
      // Not a code ICU knows: print the code.
    }
    out.push({
      severity: 'warning',
      file,
      code: 'corpus/language-not-extracted',
      message: `${n} document${n === 1 ? '' : 's'} in ${name} (${code}): text and metadata kept, but claims, quotes and likelihood are extracted from English text only`,
      hint: 'see `briefdeck corpus` (LANG column) for which documents',
    });
  }
  return out;
}

function openStore(db: EvidenceDb, topics: TopicTable, diagnostics: Diagnostic[]): CorpusStore {
  let docs: CorpusDocument[] | undefined;
  const documents = () => (docs ??= db.documents());
  return {
    documents,
    document: (id) => documents().find((d) => d.id === id),
    claims: () => db.claims(),
    quotes: () => db.quotes(),
    searchClaims: (query: ClaimQuery) => db.search(query),
    topics: () => topics,
    stats: () => db.stats(),
    diagnostics,
    close: () => db.close(),
  };
}
