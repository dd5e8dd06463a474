/**
 * Which documents extraction reads, and what the corpus stage says about the others. Extraction
 * (sentences, reported speech, likelihood words) is written for English; documents in other
 * languages keep their text, title and metadata, and give no claims or quotes yet.
 */
import type { CorpusDocument, Diagnostic } from '../model.ts';

export const readsEnglish = (doc: CorpusDocument) => !doc.language || doc.language === 'en';

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
