/**
 * Evidence selection: retrieve claims from the corpus store with bm25, keep what the spec allows
 * (sources, dates, exclusions), rerank for the audience and spread across sources. A `Ledger`
 * shared by one deck remembers what was already shown so no claim, or near-copy, appears twice.
 */
import type { BriefingSpec, Claim, ClaimKind, EvidenceStore } from '../model.ts';
import { centralityIndex } from './centrality.ts';
import { allowedDocuments, isExcluded, isPinned, sourceMatches, type EvidenceFilterSpec } from './filter.ts';
import { diversify, scoreCandidate, type Candidate, type RankedClaim, type RankPreferences } from './rank.ts';
import { contentWords } from './similarity.ts';

export { allowedDocuments, entryMatches, isExcluded, isPinned, sourceMatches } from './filter.ts';
export { diversify, scoreCandidate, type RankedClaim } from './rank.ts';
export { contentWords, jaccard, nearDuplicate } from './similarity.ts';
export { ANAPHORIC, leansOnContext, type StandAloneOptions } from './standalone.ts';
export { centralityIndex, type DeckSubject } from './centrality.ts';

/** What one deck has shown so far. */
export class Ledger {
  readonly ids = new Set<string>();
  readonly words: Set<string>[] = [];
  readonly docs = new Map<string, number>();
  record(item: { id: string; text: string; docId: string }): void {
    this.ids.add(item.id);
    this.words.push(contentWords(item.text));
    this.docs.set(item.docId, (this.docs.get(item.docId) ?? 0) + 1);
  }
}

export interface SelectionContext {
  store: EvidenceStore;
  spec: EvidenceFilterSpec;
  prefs: RankPreferences;
  ledger: Ledger;
  /** Documents the spec allows. */
  allowed: Set<string>;
  /** docId → 0..1 recency. */
  recency: Map<string, number>;
  /** Claim → 0..1 centrality to the deck's subject and the corpus (computed on first use). */
  centrality: (claim: Claim) => number;
}

export interface ClaimRequest {
  query?: string;
  topic?: string;
  /** Only these kinds. */
  kinds?: readonly ClaimKind[];
  /** Only claims with figures. */
  figures?: boolean;
  /** Only documents matching this id, publisher or author. */
  source?: string;
  limit: number;
  /** Further test, e.g. "compresses to the audience's bullet length". */
  accept?: (claim: Claim) => boolean;
  /** Override the context preferences (figures slide prefers figures). */
  prefs?: Partial<RankPreferences>;
  /** Leave the picks unrecorded; the caller records what it finally shows. */
  dryRun?: boolean;
}

export function createSelectionContext(
  store: EvidenceStore,
  spec: EvidenceFilterSpec & Partial<Pick<BriefingSpec, 'title' | 'subtitle' | 'topics'>>,
  prefs: RankPreferences,
): SelectionContext {
  const docs = store.documents();
  const dates = docs.map((d) => d.date).filter((d): d is string => !!d).sort();
  const oldest = Date.parse(dates[0] ?? '2000-01-01');
  const newest = Date.parse(dates[dates.length - 1] ?? '2000-01-01');
  const recency = new Map(
    docs.map((d) => [d.id, d.date && newest > oldest ? (Date.parse(d.date) - oldest) / (newest - oldest) : 0.5]),
  );
  const allowed = allowedDocuments(docs, spec);
  let central: ((claim: Claim) => number) | undefined;
  const centrality = (claim: Claim) => (central ??= centralityIndex(store, allowed, spec))(claim);
  return { store, spec, prefs, ledger: new Ledger(), allowed, recency, centrality };
}

/** The words a request searches for: its query, its topic and the topic's keywords. */
export function searchTerms(store: EvidenceStore, request: Pick<ClaimRequest, 'query' | 'topic'>): string[] {
  const keywords = request.topic ? topicKeywords(store, request.topic) : [];
  const text = [request.query ?? '', request.topic ?? '', ...keywords].join(' ');
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [])].filter((t) => t.length > 2);
}

/** Topic names compare without case, and spaces, hyphens and underscores alike: "arms trade" = "arms-trade". */
export function topicKey(topic: string): string {
  return topic.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

function topicKeywords(store: EvidenceStore, topic: string): string[] {
  const topics = store.topics();
  const key = Object.keys(topics).find((k) => topicKey(k) === topicKey(topic));
  return key ? topics[key].map((k) => k.replace(/\*/g, '')) : [];
}

/** Candidates for a request, each with its relevance; claims outside the spec's filters are gone. */
export function retrieve(ctx: SelectionContext, request: ClaimRequest): Candidate[] {
  const { store, spec } = ctx;
  const terms = searchTerms(store, request);
  const relevance = new Map<string, number>();
  if (terms.length) {
    const full = store.searchClaims({ text: terms.join(' '), limit: 500 });
    const top = Math.max(1e-9, ...full.map((c) => c.score));
    const coverage = new Map<string, number>();
    for (const term of terms) {
      for (const hit of store.searchClaims({ text: term, limit: 500 })) {
        coverage.set(hit.id, (coverage.get(hit.id) ?? 0) + 1);
      }
    }
    for (const hit of full) relevance.set(hit.id, 0.5 * (hit.score / top));
    for (const [id, n] of coverage) relevance.set(id, (relevance.get(id) ?? 0) + 0.5 * Math.min(1, n / Math.min(3, terms.length)));
  }
  const topic = request.topic ? topicKey(request.topic) : undefined;
  const out: Candidate[] = [];
  for (const claim of store.claims()) {
    if (!ctx.allowed.has(claim.docId) || isExcluded(claim, spec)) continue;
    if (ctx.ledger.ids.has(claim.id)) continue;
    if (request.kinds && !request.kinds.includes(claim.kind)) continue;
    if (request.figures && !claim.figures.length) continue;
    if (request.source) {
      const doc = store.document(claim.docId);
      if (!doc || !sourceMatches(doc, request.source)) continue;
    }
    const topicMatch = !!topic && claim.topics.some((t) => topicKey(t) === topic);
    const rel = terms.length ? (relevance.get(claim.id) ?? 0) + (topicMatch ? 0.3 : 0) : 0.5;
    const pinned = isPinned(claim, spec);
    if (rel <= 0 && !pinned) continue;
    if (request.accept && !request.accept(claim)) continue;
    out.push({ claim, relevance: Math.min(1, rel), topicMatch, pinned, recency: ctx.recency.get(claim.docId) ?? 0.5 });
  }
  return out;
}

/** The best `limit` claims for a request, diverse and new to this deck. Records them in the ledger. */
export function selectClaims(ctx: SelectionContext, request: ClaimRequest): RankedClaim[] {
  const prefs = { ...ctx.prefs, ...request.prefs };
  const ranked = retrieve(ctx, request).map((c) => {
    const candidate = prefs.centrality ? { ...c, centrality: ctx.centrality(c.claim) } : c;
    return { ...c.claim, score: scoreCandidate(candidate, prefs) };
  });
  const picked = diversify(ranked, { limit: request.limit, shown: ctx.ledger.words });
  if (!request.dryRun) for (const c of picked) ctx.ledger.record(c);
  return picked;
}
