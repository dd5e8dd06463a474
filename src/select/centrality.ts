/**
 * How central a claim is to what the deck and the corpus are about, 0..1. A bottom line should
 * state the main judgements about the deck's subject, not a side point that happens to carry a
 * strong likelihood word ("the Arctic is undoubtedly Russia's special zone of interest"). The
 * signals are those of extractive summarisation:
 *
 * - **subject**: how many of the deck's topics it touches, and words shared with its title;
 * - **actors**: naming the corpus's principal actors (the two most documents talk about);
 * - **centroid**: how common its words are across the documents (Radev's centroid): a claim made
 *   of words every article uses is about the corpus's subject, one of rare words is a digression;
 * - **corroboration**: how many other documents make a similar point;
 * - **position**: leads and conclusions carry an article's argument, and a paragraph's first
 *   sentence states its point.
 */
import type { Claim, EvidenceStore } from '../model.ts';
import { contentWords, jaccard } from './similarity.ts';

export interface DeckSubject {
  title?: string;
  subtitle?: string;
  topics?: readonly string[];
}

/**
 * A function claim → 0..1 centrality, over the claims of the allowed documents. Corpus statistics
 * are gathered once; each claim's score is computed when first asked for and remembered, so a deck
 * over a large corpus pays only for the candidates its judgements consider.
 */
export function centralityIndex(
  store: EvidenceStore,
  allowed: ReadonlySet<string>,
  subject: DeckSubject,
  /** The store's claims when the caller has read them already. */
  stored: readonly Claim[] = store.claims(),
): (claim: Claim) => number {
  const claims = stored.filter((c) => allowed.has(c.docId));
  const words = new Map(claims.map((c) => [c.id, contentWords(c.text)]));
  const docs = [...new Set(claims.map((c) => c.docId))];

  const docFreq = new Map<string, Set<string>>();
  for (const c of claims) for (const w of words.get(c.id)!) (docFreq.get(w) ?? docFreq.set(w, new Set()).get(w)!).add(c.docId);
  // Word → positions of the claims that use it, so corroboration looks only at claims sharing words.
  const postings = new Map<string, number[]>();
  claims.forEach((c, i) => {
    for (const w of words.get(c.id)!) (postings.get(w) ?? postings.set(w, []).get(w)!).push(i);
  });
  const centroid = new Map(claims.map((c) => {
    const ws = [...words.get(c.id)!];
    return [c.id, ws.length ? ws.reduce((n, w) => n + docFreq.get(w)!.size, 0) / ws.length / Math.max(1, docs.length) : 0];
  }));
  const [lo, hi] = [Math.min(...centroid.values()), Math.max(...centroid.values())];

  const actorDocs = new Map<string, Set<string>>();
  for (const c of claims) for (const a of c.actors) (actorDocs.get(a) ?? actorDocs.set(a, new Set()).get(a)!).add(c.docId);
  const principal = [...actorDocs].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([a]) => a);

  // The title's own words, less the principal actors' names that every claim shares.
  const actorWords = contentWords(principal.join(' '));
  const titleWords = new Set([...contentWords([subject.title, subject.subtitle].join(' '))].filter((w) => !actorWords.has(w) && w.length > 2));
  const deckTopics = new Set((subject.topics ?? []).map(topicKey));
  const lastParagraph = new Map<string, number>();
  for (const c of claims) lastParagraph.set(c.docId, Math.max(lastParagraph.get(c.docId) ?? 0, c.paragraph));

  const memo = new Map<string, number>();
  return (c: Claim) => {
    const known = memo.get(c.id);
    if (known !== undefined) return known;
    const w = words.get(c.id) ?? contentWords(c.text);
    let shared = 0;
    for (const x of w) if (titleWords.has(x)) shared++;
    const topicsTouched = c.topics.filter((t) => deckTopics.has(topicKey(t))).length;
    const subjectScore = deckTopics.size
      ? 0.6 * Math.min(1, topicsTouched / Math.min(2, deckTopics.size)) + 0.4 * Math.min(1, shared / 2)
      : Math.min(1, shared / 2);
    const actorScore = principal.length ? principal.filter((a) => c.actors.includes(a)).length / principal.length : 0;
    const centroidScore = hi > lo ? ((centroid.get(c.id) ?? lo) - lo) / (hi - lo) : 0;
    const others = new Set<string>();
    // A similar point shares at least four words: count shared words from the postings first.
    const sharedWith = new Map<number, number>();
    for (const x of w) for (const i of postings.get(x) ?? []) sharedWith.set(i, (sharedWith.get(i) ?? 0) + 1);
    for (const [i, n] of sharedWith) {
      const d = claims[i];
      if (n >= 4 && d.docId !== c.docId && !others.has(d.docId) && similarPoint(w, words.get(d.id)!)) others.add(d.docId);
    }
    const corroboration = docs.length > 1 ? Math.min(1, others.size / Math.min(2, docs.length - 1)) : 0;
    const position = positionScore(c, lastParagraph.get(c.docId) ?? c.paragraph);
    const score = 0.35 * subjectScore + 0.1 * actorScore + 0.2 * centroidScore + 0.15 * corroboration + 0.2 * position;
    memo.set(c.id, score);
    return score;
  };
}

/** Two claims make a similar point: a fifth of their words shared, and at least four of them. */
function similarPoint(a: Set<string>, b: Set<string>): boolean {
  if (jaccard(a, b) < 0.2) return false;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n >= 4;
}

const topicKey = (topic: string) => topic.trim().toLowerCase().replace(/[\s_-]+/g, '-');

/** Leads (first two paragraphs) and conclusions (last two) 1; a paragraph's first sentence 0.5. */
function positionScore(c: Claim, last: number): number {
  if (c.paragraph <= 2 || c.paragraph >= last - 1) return 1;
  return /:s1$/.test(c.id) ? 0.5 : 0;
}
