/**
 * Which documents extraction reads, and what the corpus stage says about the others. Extraction
 * (sentences, reported speech, likelihood words) is written for English; documents in other
 * languages keep their text, title and metadata, and give no claims or quotes yet.
 */
import type { CorpusDocument, Diagnostic, DocumentMeta } from '../model.ts';

export const readsEnglish = (doc: Pick<CorpusDocument, 'language'>) => !doc.language || doc.language === 'en';

/** One line per language that extraction does not read, not one per file. */
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

/** A paragraph of a document extraction does not read that holds words of a search. */
export interface Passage {
  docId: string;
  language: string;
  /** The paragraph's number in the document (1-based), as claims cite it. */
  paragraph: number;
  text: string;
  /** How many of the search's distinct words the paragraph holds. */
  score: number;
}

/** Words as a search compares them: letters and digits of any script, in lower case. */
const wordsOf = (text: string) => (text.toLocaleLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu) ?? []).map((w) => w.replace(/['’-]+$/, ''));

/**
 * The paragraphs of documents in other languages that hold words of `query`, best first: those
 * documents give no claims, so a search of claims alone would never find them. A paragraph
 * scores the number of the query's distinct words it holds (whole words, any case); ties keep
 * the documents' order.
 */
export function searchPassages(
  query: string,
  documents: readonly Pick<DocumentMeta, 'id' | 'language'>[],
  read: (id: string) => CorpusDocument | undefined,
  limit = 20,
): Passage[] {
  const terms = new Set(wordsOf(query));
  if (terms.size === 0) return [];
  const found: Passage[] = [];
  for (const meta of documents) {
    if (!meta.language || readsEnglish(meta)) continue;
    const doc = read(meta.id);
    if (!doc) continue;
    for (const p of doc.paragraphs) {
      const words = new Set(wordsOf(p.text));
      let score = 0;
      for (const t of terms) if (words.has(t)) score++;
      if (score > 0) found.push({ docId: doc.id, language: meta.language, paragraph: p.index, text: p.text, score });
    }
  }
  return found.sort((a, b) => b.score - a.score).slice(0, limit);
}
