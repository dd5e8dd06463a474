/**
 * What one deck composition reads from the corpus store, read once: the claim list in store order,
 * claims by id and by topic, the quotes, and bm25 searches by their text. Each helper call then
 * costs in proportion to the candidates bm25 (or its topic) returns, not to the corpus: before,
 * every `{{claims}}` re-read and re-parsed every stored claim.
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

export class EvidenceIndex {
  /** Every stored claim, in store order. */
  readonly claims: readonly Claim[];
  readonly byId: ReadonlyMap<string, Claim>;
  private readonly order = new Map<string, number>();
  private readonly byTopic = new Map<string, Claim[]>();
  private readonly searches = new Map<string, readonly SearchHit[]>();
  private quoteList?: readonly Quote[];
  private byDocument?: Map<string, Claim[]>;

  constructor(private readonly store: EvidenceStore) {
    this.claims = store.claims();
    const byId = new Map<string, Claim>();
    this.claims.forEach((c, i) => {
      byId.set(c.id, c);
      this.order.set(c.id, i);
      for (const key of new Set(c.topics.map(topicKey))) {
        (this.byTopic.get(key) ?? this.byTopic.set(key, []).get(key)!).push(c);
      }
    });
    this.byId = byId;
  }

  /** Claims tagged with a topic (any spelling of its name), in store order. */
  tagged(topic: string): readonly Claim[] {
    return this.byTopic.get(topicKey(topic)) ?? [];
  }

  /** bm25 hits for `text` (at most `limit`), asked of the store once per text. */
  search(text: string, limit = 500): readonly SearchHit[] {
    const key = `${limit}\u0000${text}`;
    let hits = this.searches.get(key);
    if (!hits) {
      hits = this.store.searchClaims({ text, limit }).map((c) => ({ id: c.id, score: c.score }));
      this.searches.set(key, hits);
    }
    return hits;
  }

  /** The claims with these ids, in store order (unknown ids are skipped). */
  inStoreOrder(ids: Iterable<string>): Claim[] {
    const positions: number[] = [];
    for (const id of ids) {
      const at = this.order.get(id);
      if (at !== undefined) positions.push(at);
    }
    return positions.sort((a, b) => a - b).map((i) => this.claims[i]);
  }

  /** A document's claims in store order (the map is built on first use). */
  ofDocument(docId: string): readonly Claim[] {
    if (!this.byDocument) {
      this.byDocument = new Map();
      for (const c of this.claims) (this.byDocument.get(c.docId) ?? this.byDocument.set(c.docId, []).get(c.docId)!).push(c);
    }
    return this.byDocument.get(docId) ?? [];
  }

  quotes(): readonly Quote[] {
    return (this.quoteList ??= this.store.quotes());
  }
}
