/**
 * A subject (`subject.ts`) as JSON, to keep between runs: its maps and sets as lists in their
 * order, and its query words listed once, the names, the specific words and each word's partner
 * given by their place among them (a sentence's matched words are compared with them as objects).
 * Read back, it is the subject it was: the same words, documents and weights, in the same order.
 */
import type { Subject, SubjectTerm } from './subject.ts';

type StoredTerm = Omit<SubjectTerm, 'partner'> & { partner?: number };

export interface StoredSubject {
  label: string;
  phrases: SubjectTerm[];
  query: StoredTerm[];
  minHits: number;
  /** Places in `query`. */
  specific: number[];
  names: number[];
  namedDocuments: string[];
  headlinedLeads?: string[];
  related: [string, number][];
  documents: [string, number][];
  ledDocuments?: string[];
}

/** The subject as JSON; undefined when it holds a word that is not one of its query words where one must be (then it is not kept). */
export function storedSubject(subject: Subject): StoredSubject | undefined {
  const place = (t: SubjectTerm) => subject.query.indexOf(t);
  const specific = [...subject.specific].map(place);
  const names = subject.names.map(place);
  const query = subject.query.map(({ partner, ...t }) => ({ ...t, ...(partner ? { partner: place(partner) } : {}) }));
  if ([...specific, ...names, ...query.map((t) => t.partner ?? 0)].some((i) => i < 0) || subject.phrases.some((p) => p.partner)) return undefined;
  return {
    label: subject.label,
    phrases: subject.phrases,
    query,
    minHits: subject.minHits,
    specific,
    names,
    namedDocuments: [...subject.namedDocuments],
    ...(subject.headlinedLeads ? { headlinedLeads: [...subject.headlinedLeads] } : {}),
    related: [...subject.related],
    documents: [...subject.documents],
    ...(subject.ledDocuments ? { ledDocuments: [...subject.ledDocuments] } : {}),
  };
}

/** The subject a `storedSubject` was made of. */
export function subjectFrom(stored: StoredSubject): Subject {
  const query: SubjectTerm[] = stored.query.map(({ partner, ...t }) => ({ ...t }));
  stored.query.forEach((t, i) => {
    if (t.partner !== undefined) query[i].partner = query[t.partner];
  });
  return {
    label: stored.label,
    phrases: stored.phrases,
    query,
    minHits: stored.minHits,
    specific: new Set(stored.specific.map((i) => query[i])),
    names: stored.names.map((i) => query[i]),
    namedDocuments: new Set(stored.namedDocuments),
    ...(stored.headlinedLeads ? { headlinedLeads: new Set(stored.headlinedLeads) } : {}),
    related: new Map(stored.related),
    documents: new Map(stored.documents),
    ...(stored.ledDocuments ? { ledDocuments: new Set(stored.ledDocuments) } : {}),
  };
}
