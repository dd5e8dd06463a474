/**
 * The spec's evidence filters: `sources` (document id, publisher or author), `since`/`until`
 * (document date) and `exclude` (claim ids or phrases). Also `include`: claims pinned by id or
 * phrase. Pure functions over the store's documents.
 */
import type { BriefingSpec, Claim, DocumentMeta, Quote } from '../model.ts';

export type EvidenceFilterSpec = Pick<BriefingSpec, 'sources' | 'since' | 'until' | 'include' | 'exclude'>;

/** Whether a source filter entry names this document (id, publisher, original publisher, author). */
export function sourceMatches(doc: DocumentMeta, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  if (!w) return false;
  if (doc.id.toLowerCase() === w || doc.id.toLowerCase().startsWith(w)) return true;
  const names = [doc.publisher, doc.originalPublisher, ...doc.authors].filter(Boolean) as string[];
  return names.some((n) => n.toLowerCase().includes(w));
}

/** Ids of the documents the spec allows, sorted. */
export function allowedDocuments(docs: readonly DocumentMeta[], spec: EvidenceFilterSpec): Set<string> {
  const out = new Set<string>();
  for (const doc of docs) {
    if (spec.sources?.length && !spec.sources.some((s) => sourceMatches(doc, s))) continue;
    if ((spec.since || spec.until) && !doc.date) continue;
    if (spec.since && doc.date && doc.date.slice(0, spec.since.length) < spec.since) continue;
    if (spec.until && doc.date && doc.date.slice(0, spec.until.length) > spec.until) continue;
    out.add(doc.id);
  }
  return out;
}

/** Whether an `include`/`exclude` entry names this claim or quote: its id, or a phrase in its text. */
export function entryMatches(item: Pick<Claim | Quote, 'id' | 'text'>, entry: string): boolean {
  if (item.id === entry) return true;
  const phrase = entry.trim().toLowerCase();
  return phrase.length >= 3 && item.text.toLowerCase().includes(phrase);
}

export function isExcluded(item: Pick<Claim | Quote, 'id' | 'text'>, spec: EvidenceFilterSpec): boolean {
  return (spec.exclude ?? []).some((e) => entryMatches(item, e));
}

export function isPinned(item: Pick<Claim | Quote, 'id' | 'text'>, spec: EvidenceFilterSpec): boolean {
  return (spec.include ?? []).some((e) => entryMatches(item, e));
}
