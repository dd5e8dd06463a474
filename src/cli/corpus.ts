/**
 * `briefdeck corpus [--json]` lists the documents with their metadata; `briefdeck corpus show <id>`
 * prints one document's metadata, clean text and every dropped block with the reason.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { formatDiagnostic } from '../diagnostics/format.ts';
import { CODES, isDiagnosticCode } from '../diagnostics/codes.ts';
import type { Diagnostic } from '../model.ts';
import { table } from '../corpus/report.ts';
import type { CorpusDocument, DocumentMeta, EvidenceStore } from '../model.ts';
import type { CorpusStore } from '../corpus/load.ts';

/** The `--json` shape of one document. */
/** One line of the listing: a stored document's metadata, or a whole document. */
export function documentSummary(d: DocumentMeta & Partial<Pick<CorpusDocument, 'paragraphs' | 'dropped'>> & { paragraphCount?: number; droppedCount?: number }) {
  return {
    id: d.id,
    path: d.path,
    title: d.title,
    authors: d.authors,
    date: d.date ?? null,
    publisher: d.publisher ?? null,
    paragraphs: d.paragraphs?.length ?? d.paragraphCount ?? 0,
    dropped: d.dropped?.length ?? d.droppedCount ?? 0,
    format: d.format,
    language: d.language ?? null,
    words: d.words,
    droppedWords: d.droppedWords ?? null,
    originalPublisher: d.originalPublisher ?? null,
    republishedBy: d.republishedBy ?? null,
    url: d.url ?? null,
  };
}

/** Dropped words and their share of the document's words: "1204 (62%)", so a gutted page stands out. */
export function droppedShare(kept: number, dropped: number | null): string {
  if (dropped === null) return '—';
  const total = kept + dropped;
  return `${dropped} (${total ? Math.round((100 * dropped) / total) : 0}%)`;
}

export async function openCorpus(cmd: Command): Promise<CorpusStore> {
  return (await openCorpusWith(cmd, () => undefined)).store;
}

/**
 * The project's store brought up to date, and `work` done on it: while the corpus folder is
 * listed, on the store as it stands, kept when nothing changed (`loadCorpusWith`).
 */
export async function openCorpusWith<T>(
  cmd: Command,
  work: (store: CorpusStore) => T,
  /** `summary`: a search prints the corpus's messages as one line per kind, not one per file. */
  messages: 'each' | 'summary' = 'each',
): Promise<{ store: CorpusStore; result: T }> {
  const root = resolve(cmd.optsWithGlobals().root as string);
  // The project's corpus folder and store, as `build` reads them.
  const [{ loadCorpusWith }, settings] = await Promise.all([import('../corpus/load.ts'), import('../config/files.ts').then((m) => m.projectSettings(root))]);
  const opened = await loadCorpusWith({ root, corpusDir: settings.corpusDir, store: settings.store }, work);
  const shown = opened.store.diagnostics.filter((d) => d.severity !== 'info' && !d.verbose);
  // One write for all of them: a large corpus can hold thousands of messages (each file's own).
  const color = process.stderr.isTTY;
  const lines = messages === 'each' || shown.length <= SEARCH_MESSAGES ? shown.map((d) => formatDiagnostic(d, color)) : summaryOf(shown);
  if (lines.length) process.stderr.write(`${lines.join('\n')}\n`);
  return opened;
}

/** Messages a search prints one by one; more are counted by kind (`briefdeck corpus` lists them all). */
const SEARCH_MESSAGES = 5;

/** "corpus: 116 warnings [corpus/no-body] no body text left after cleaning; `briefdeck corpus` lists them". */
function summaryOf(diagnostics: readonly Diagnostic[]): string[] {
  const byCode = new Map<string, { severity: string; count: number; message: string }>();
  for (const d of diagnostics) {
    const key = `${d.severity}\u0000${d.code ?? ''}`;
    const known = byCode.get(key);
    if (known) known.count++;
    else byCode.set(key, { severity: d.severity, count: 1, message: d.code && isDiagnosticCode(d.code) ? CODES[d.code].when : d.message });
  }
  return [...byCode.entries()].map(([key, { severity, count, message }]) => {
    const code = key.split('\u0000')[1];
    return `corpus: ${count} ${severity}${count === 1 ? '' : 's'}${code ? ` [${code}]` : ''}: ${message}; \`briefdeck corpus\` lists them`;
  });
}

export function register(program: Command): void {
  const corpus = program
    .command('corpus')
    .description('list the corpus documents: title, authors, date, publisher, language, kept and dropped words')
    .option('--json', 'print JSON: {"documents":[…]}')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      // The documents are listed while the corpus folder is, and kept when nothing changed.
      const { store, result: docs } = await openCorpusWith(cmd, (s) => s.documents().map(documentSummary));
      try {
        if (opts.json) console.log(JSON.stringify({ documents: docs }, null, 2));
        else
          console.log(
            table(
              ['ID', 'DATE', 'AUTHORS', 'PUBLISHER', 'LANG', '¶', 'WORDS', 'DROPPED', 'TITLE'],
              docs.map((d) => [
                d.id,
                d.date ?? '—',
                d.authors.join(', ') || '—',
                d.publisher ?? '—',
                d.language ?? '—',
                String(d.paragraphs),
                String(d.words),
                droppedShare(d.words, d.droppedWords),
                d.title,
              ]),
              [20, 10, 18, 16, 4, 3, 6, 11, 44],
            ),
          );
      } finally {
        store.close();
      }
    });

  corpus
    .command('show')
    .description('one document: metadata, clean text, and what was dropped and why')
    .argument('<id>', 'document id (path under the corpus folder without extension, e.g. business/001)')
    .option('--json', 'print the whole document as JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const store = await openCorpus(cmd);
      try {
        const doc = store.document(id) ?? store.document(store.documents().find((d) => d.id.startsWith(id))?.id ?? '');
        if (!doc) {
          console.error(`unknown document '${id}' (see \`briefdeck corpus\`)`);
          process.exitCode = 2;
          return;
        }
        // `--json` after the id is read by the parent `corpus` command, which has the same option.
        if (opts.json || cmd.parent?.opts().json) {
          const { text: _text, ...rest } = doc;
          console.log(JSON.stringify(rest, null, 2));
          return;
        }
        const s = documentSummary(doc);
        console.log(`${doc.title}\n`);
        for (const [k, v] of Object.entries(s)) if (v !== null && k !== 'title') console.log(`  ${k.padEnd(18)}${Array.isArray(v) ? v.join(', ') : v}`);
        console.log('\n── clean text ──\n');
        for (const p of doc.paragraphs) console.log(`¶${p.index}  ${p.text}\n`);
        console.log('── dropped ──\n');
        for (const d of doc.dropped) console.log(`[${d.reason}] ${d.start}–${d.end}\n    ${d.text.replace(/\n+/g, ' ⏎ ').slice(0, 300)}\n`);
      } finally {
        store.close();
      }
    });
}
