/**
 * What one deck composition reads from the corpus store: claims by id and by topic, the quotes,
 * and bm25 searches by their text, each asked of the store's indexes once. A helper call costs in
 * proportion to the candidates bm25 (or its topic) returns, not to the corpus, and the deck holds
 * only those claims: never every claim of a large corpus at once.
 */
import type { Claim, EvidenceStore, Quote } from '../model.ts';

/** A bm25 hit: only the id and the score are kept; the claim comes from the index. */
export interface SearchHit {
  id: string;
  score: number;
}

/** Topic names compare without case, and spaces, hyphens and underscores alike: "arms trade" = "arms-trade". */
export function topicKey(topic: string): string {
  return topic.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

/** The most claims a deck holds in memory at once (about 1 KB each); beyond, passes stream. */
export const HELD_CLAIMS = Number(process.env.BRIEFDECK_HELD_CLAIMS) || 50_000;
/** Searches remembered with their hits. */
const KEPT_SEARCHES = 512;
/** Documents whose claims are remembered when asked for one at a time. */
const RECENT_DOCUMENTS = 256;

export class EvidenceIndex {
  /** Ids of the claims tagged with each topic asked for (ids only: a broad topic tags thousands of claims). */
  private readonly byTopic = new Map<string, readonly string[]>();
  private readonly searches = new Map<string, readonly SearchHit[]>();
  private quoteList?: readonly Quote[];
  /** Every claim, for a small corpus or a store that can only list them all (in-memory stores). */
  private everything?: readonly Claim[];
  private held?: boolean;
  /** Every held claim's position in store order, when every claim is held. */
  private positions?: Map<string, number>;
  /** Every held claim by document, when every claim is held. */
  private heldByDocument?: Map<string, Claim[]>;
  /** The last documents asked for one at a time, with their claims. */
  private readonly recentDocuments = new Map<string, readonly Claim[]>();

  constructor(private readonly store: EvidenceStore) {}

  private listed(): readonly Claim[] {
    return (this.everything ??= this.store.claims());
  }

  /**
   * Whether every claim is held for the deck: a corpus of up to HELD_CLAIMS claims is read once,
   * as passes over it are then cheaper than asking the store again; a larger one never is.
   */
  private isHeld(): boolean {
    const store = this.store;
    return (this.held ??= !store.eachClaim || (store.stats?.().claims ?? 0) <= HELD_CLAIMS);
  }

  /**
   * Every stored claim (or those that pass `keep`) in store order, read from the store a page at a
   * time each time it is iterated: a pass over a large corpus holds one page, never every claim.
   */
  all(keep?: (claim: Claim) => boolean): Iterable<Claim> {
    const store = this.store;
    const source = () => (this.isHeld() || !store.eachClaim ? this.listed() : store.eachClaim());
    return {
      *[Symbol.iterator]() {
        for (const c of source()) if (!keep || keep(c)) yield c;
      },
    };
  }

  /** Ids of the claims tagged with a topic (any spelling of its name), in store order. */
  taggedIds(topic: string): readonly string[] {
    const key = topicKey(topic);
    let ids = this.byTopic.get(key);
    if (!ids) {
      const claims =
        this.store.claimsTagged && !this.isHeld()
          ? this.store.claimsTagged(key)
          : this.listed().filter((c) => c.topics.some((t) => topicKey(t) === key));
      ids = claims.map((c) => c.id);
      this.byTopic.set(key, ids);
    }
    return ids;
  }

  /** bm25 hits for `text` (at most `limit`), asked of the store once per text. */
  search(text: string, limit = 500): readonly SearchHit[] {
    const key = `${limit}\u0000${text}`;
    let hits = this.searches.get(key);
    if (!hits) {
      // An index lives as long as its store (a watch session's rebuilds): the searches of specs
      // edited many times over start again rather than pile up.
      if (this.searches.size >= KEPT_SEARCHES) this.searches.clear();
      hits = this.store.searchIds ? this.store.searchIds(text, limit) : this.store.searchClaims({ text, limit }).map((c) => ({ id: c.id, score: c.score }));
      this.searches.set(key, hits);
    }
    return hits;
  }

  /** The claims with these ids, in store order (unknown ids are skipped). */
  inStoreOrder(ids: Iterable<string>): Claim[] {
    const wanted = [...new Set(ids)];
    if (this.store.claimsById && !this.isHeld()) return this.store.claimsById(wanted);
    // Every claim is held: their positions, worked out once, put them in store order.
    if (!this.positions) {
      this.positions = new Map();
      this.listed().forEach((c, i) => this.positions!.set(c.id, i));
    }
    const at: number[] = [];
    for (const id of wanted) {
      const i = this.positions.get(id);
      if (i !== undefined) at.push(i);
    }
    const listed = this.listed();
    return at.sort((a, b) => a - b).map((i) => listed[i]);
  }

  /** A document's claims in store order. */
  ofDocument(docId: string): readonly Claim[] {
    let claims = this.recentDocuments.get(docId);
    if (!claims) {
      claims = this.ofDocuments([docId]).get(docId) ?? [];
      if (this.recentDocuments.size >= RECENT_DOCUMENTS) this.recentDocuments.delete(this.recentDocuments.keys().next().value!);
      this.recentDocuments.set(docId, claims);
    }
    return claims;
  }

  /**
   * The claims of these documents, by document, each in store order: one request to the store's
   * index of claims by document, or from every claim when they are held.
   */
  ofDocuments(docIds: Iterable<string>): ReadonlyMap<string, readonly Claim[]> {
    const wanted = [...new Set(docIds)];
    const out = new Map<string, Claim[]>(wanted.map((d) => [d, []]));
    if (!wanted.length) return out;
    if (this.isHeld() || !this.store.claimsOfDocuments) {
      if (!this.heldByDocument) {
        this.heldByDocument = new Map();
        for (const c of this.listed()) (this.heldByDocument.get(c.docId) ?? this.heldByDocument.set(c.docId, []).get(c.docId)!).push(c);
      }
      for (const d of wanted) out.set(d, this.heldByDocument.get(d) ?? []);
      return out;
    }
    for (const c of this.store.claimsOfDocuments(wanted)) out.get(c.docId)?.push(c);
    return out;
  }

  quotes(): readonly Quote[] {
    return (this.quoteList ??= this.store.quotes());
  }
}
