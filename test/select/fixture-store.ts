/**
 * A small in-memory EvidenceStore for unit tests: documents written as sentences, claims and
 * quotes cut from them with real offsets, and a bm25-like OR search. The real corpus store is
 * used by the sample tests; this one lets a test say exactly which evidence exists.
 */
import type { Claim, ClaimKind, ClaimQuery, CorpusDocument, EvidenceStore, Figure, Likelihood, Quote, ScoredClaim } from '../../src/model.ts';

export interface FixtureSentence {
  text: string;
  kind?: ClaimKind;
  topics?: string[];
  likelihood?: Likelihood;
  figures?: Figure[];
}

export interface FixtureDocument {
  id: string;
  title?: string;
  authors?: string[];
  publisher?: string;
  date?: string;
  /** One paragraph per entry; each paragraph a list of sentences. */
  paragraphs: FixtureSentence[][];
  quotes?: { text: string; speaker: string; paragraph: number }[];
  /**
   * The article's length in words. Unless given, every fixture counts as a full story of the
   * same length, so that a test about something else is not decided by how many sentences each
   * fixture happens to hold.
   */
  words?: number;
}

/** What every fixture article counts as, unless it says. */
const FIXTURE_WORDS = 500;

export function fixtureStore(docs: FixtureDocument[], topics: Record<string, string[]> = {}): EvidenceStore {
  const documents: CorpusDocument[] = [];
  const claims: Claim[] = [];
  const quotes: Quote[] = [];
  for (const d of docs) {
    let text = '';
    const paragraphs: CorpusDocument['paragraphs'] = [];
    d.paragraphs.forEach((sentences, pi) => {
      const pStart = text.length;
      sentences.forEach((s, si) => {
        if (si) text += ' ';
        const start = text.length;
        text += s.text;
        claims.push({
          id: `${d.id}:p${pi + 1}:s${si + 1}`, text: s.text, kind: s.kind ?? 'fact', docId: d.id, paragraph: pi + 1,
          start, end: text.length, figures: s.figures ?? [], actors: [], topics: s.topics ?? [],
          ...(s.likelihood ? { likelihood: s.likelihood } : {}),
        });
      });
      paragraphs.push({ index: pi + 1, start: pStart, end: text.length, text: text.slice(pStart) });
      text += '\n\n';
    });
    for (const [qi, q] of (d.quotes ?? []).entries()) {
      const para = paragraphs[q.paragraph - 1];
      const at = text.indexOf(q.text, para.start);
      quotes.push({ id: `${d.id}:q${qi + 1}`, text: q.text, speaker: q.speaker, cue: 'said', docId: d.id, paragraph: q.paragraph, start: at, end: at + q.text.length });
    }
    documents.push({
      id: d.id, path: `corpus/${d.id}.txt`, format: 'txt', title: d.title ?? d.id, authors: d.authors ?? [],
      ...(d.publisher ? { publisher: d.publisher } : {}), ...(d.date ? { date: d.date } : {}),
      hash: d.id, words: d.words ?? FIXTURE_WORDS, text, paragraphs, dropped: [],
    });
  }
  const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return {
    documents: () => documents,
    document: (id) => documents.find((d) => d.id === id),
    claims: () => claims,
    quotes: () => quotes,
    topics: () => topics,
    diagnostics: [],
    close: () => {},
    searchClaims(query: ClaimQuery): ScoredClaim[] {
      const terms = new Set(tokens(query.text ?? ''));
      return claims
        .filter((c) => (!query.kinds || query.kinds.includes(c.kind)) && (!query.docIds || query.docIds.includes(c.docId)))
        .map((c) => ({ ...c, score: tokens(c.text).filter((t) => terms.has(t)).length }))
        .filter((c) => c.score > 0 || !terms.size)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, query.limit ?? 50);
    },
  };
}
