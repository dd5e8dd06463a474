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
import { contentWords } from './similarity.ts';

export interface DeckSubject {
  title?: string;
  subtitle?: string;
  topics?: readonly string[];
}

/**
 * A function claim → 0..1 centrality, over the claims of the allowed documents. Corpus statistics
 * are gathered once, in one pass over the store's claims that keeps numbers only (word ids, document
 * frequencies, postings in typed arrays), never the claims themselves; each claim's score is
 * computed when first asked for and remembered, so a deck over a large corpus pays only for the
 * candidates its judgements consider.
 */
export function centralityIndex(
  store: EvidenceStore,
  allowed: ReadonlySet<string>,
  subject: DeckSubject,
  /** The store's claims, in any order (default: read from the store a page at a time). */
  stored: Iterable<Claim> = store.eachClaim?.() ?? store.claims(),
): (claim: Claim) => number {
  const vocabulary = new Map<string, number>();
  const docIndex = new Map<string, number>();
  const claimDoc = new IntList();
  const words = new IntList();
  const wordStart = new IntList();
  wordStart.push(0);
  const actorDocs = new Map<string, Set<number>>();
  const lastParagraphs = new IntList();
  for (const c of stored) {
    if (!allowed.has(c.docId)) continue;
    let doc = docIndex.get(c.docId);
    if (doc === undefined) {
      docIndex.set(c.docId, (doc = docIndex.size));
      lastParagraphs.push(0);
    }
    claimDoc.push(doc);
    for (const w of contentWords(c.text)) {
      let id = vocabulary.get(w);
      if (id === undefined) vocabulary.set(w, (id = vocabulary.size));
      words.push(id);
    }
    wordStart.push(words.length);
    for (const a of c.actors) (actorDocs.get(a) ?? actorDocs.set(a, new Set()).get(a)!).add(doc);
    if (c.paragraph > lastParagraphs.data[doc]) lastParagraphs.data[doc] = c.paragraph;
  }
  const n = claimDoc.length;
  const docs = docIndex.size;
  const starts = wordStart.data;
  const size = (i: number) => starts[i + 1] - starts[i];
  const lastParagraph = (c: Claim) => {
    const doc = docIndex.get(c.docId);
    return doc === undefined ? undefined : Math.max(0, lastParagraphs.data[doc]);
  };

  // Documents per word: claims visited document by document (a counting sort by document, each
  // document's claims in their order), each word counted once per document.
  const docFreq = new Int32Array(vocabulary.size);
  const lastDoc = new Int32Array(vocabulary.size).fill(-1);
  const byDoc = new Int32Array(n);
  {
    const first = new Int32Array(docs + 1);
    for (let i = 0; i < n; i++) first[claimDoc.data[i] + 1]++;
    for (let d = 0; d < docs; d++) first[d + 1] += first[d];
    for (let i = 0; i < n; i++) byDoc[first[claimDoc.data[i]]++] = i;
  }
  for (const i of byDoc) {
    const d = claimDoc.data[i];
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const w = words.data[k];
      if (lastDoc[w] !== d) {
        lastDoc[w] = d;
        docFreq[w]++;
      }
    }
  }
  // Word → the claims that use it, so corroboration looks only at claims sharing words.
  const postingStart = new Int32Array(vocabulary.size + 1);
  for (let k = 0; k < words.length; k++) postingStart[words.data[k] + 1]++;
  for (let w = 0; w < vocabulary.size; w++) postingStart[w + 1] += postingStart[w];
  const postings = new Int32Array(words.length);
  const fill = postingStart.slice(0, vocabulary.size);
  for (let i = 0; i < n; i++) for (let k = starts[i]; k < starts[i + 1]; k++) postings[fill[words.data[k]]++] = i;

  const centroidOf = (ids: ArrayLike<number>) => {
    let sum = 0;
    for (let k = 0; k < ids.length; k++) sum += docFreq[ids[k]];
    return ids.length ? sum / ids.length / Math.max(1, docs) : 0;
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = centroidOf(words.data.subarray(starts[i], starts[i + 1]));
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }

  const principal = [...actorDocs].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([a]) => a);

  // The title's own words, less the principal actors' names that every claim shares.
  const actorWords = contentWords(principal.join(' '));
  const titleWords = new Set([...contentWords([subject.title, subject.subtitle].join(' '))].filter((w) => !actorWords.has(w) && w.length > 2));
  const deckTopics = new Set((subject.topics ?? []).map(topicKey));

  const shared = new Uint8Array(n);
  const mark = new Uint8Array(vocabulary.size);
  const memo = new Map<string, number>();
  return (c: Claim) => {
    const known = memo.get(c.id);
    if (known !== undefined) return known;
    const w = contentWords(c.text);
    const ids: number[] = [];
    for (const x of w) {
      const id = vocabulary.get(x);
      if (id !== undefined) ids.push(id);
    }
    let sharedTitle = 0;
    for (const x of w) if (titleWords.has(x)) sharedTitle++;
    const topicsTouched = c.topics.filter((t) => deckTopics.has(topicKey(t))).length;
    const subjectScore = deckTopics.size
      ? 0.6 * Math.min(1, topicsTouched / Math.min(2, deckTopics.size)) + 0.4 * Math.min(1, sharedTitle / 2)
      : Math.min(1, sharedTitle / 2);
    const actorScore = principal.length ? principal.filter((a) => c.actors.includes(a)).length / principal.length : 0;
    const centroid = allowed.has(c.docId) ? centroidOf(ids) : lo;
    const centroidScore = hi > lo ? (centroid - lo) / (hi - lo) : 0;
    // A similar point shares at least four words, so it holds one of the claim's words other
    // than its three commonest: only those words' postings are read, rarest first, and each claim
    // found there is compared word by word (a common word's postings run to a fair share of a large
    // corpus). Corroboration counts up to two other documents: the search stops at the second.
    const own = docIndex.get(c.docId) ?? -1;
    const others = new Set<number>();
    const enough = Math.min(2, docs - 1);
    if (ids.length >= 4 && enough > 0) {
      const rare = [...ids].sort((a, b) => postingStart[a + 1] - postingStart[a] - (postingStart[b + 1] - postingStart[b]) || a - b).slice(0, ids.length - 3);
      for (const id of ids) mark[id] = 1;
      const touched: number[] = [];
      search: for (const id of rare) {
        for (let k = postingStart[id]; k < postingStart[id + 1]; k++) {
          const i = postings[k];
          if (shared[i]) continue;
          shared[i] = 1;
          touched.push(i);
          const d = claimDoc.data[i];
          if (d === own || others.has(d)) continue;
          let inter = 0;
          for (let j = starts[i]; j < starts[i + 1]; j++) inter += mark[words.data[j]];
          if (inter >= 4 && similarPoint(inter, w.size, size(i))) {
            others.add(d);
            if (others.size >= enough) break search;
          }
        }
      }
      for (const i of touched) shared[i] = 0;
      for (const id of ids) mark[id] = 0;
    }
    const corroboration = docs > 1 ? Math.min(1, others.size / Math.min(2, docs - 1)) : 0;
    const position = positionScore(c, lastParagraph(c) ?? c.paragraph);
    const score = 0.35 * subjectScore + 0.1 * actorScore + 0.2 * centroidScore + 0.15 * corroboration + 0.2 * position;
    memo.set(c.id, score);
    return score;
  };
}

/** A list of integers in one typed array that grows as it fills: 4 bytes an entry. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Two claims make a similar point: a fifth of their words shared, and at least four of them
 * (from the count of shared words and the sizes of the two word sets).
 */
function similarPoint(inter: number, a: number, b: number): boolean {
  if (!a || !b || inter / (a + b - inter) < 0.2) return false;
  return inter >= 4;
}

const topicKey = (topic: string) => topic.trim().toLowerCase().replace(/[\s_-]+/g, '-');

/** Leads (first two paragraphs) and conclusions (last two) 1; a paragraph's first sentence 0.5. */
function positionScore(c: Claim, last: number): number {
  if (c.paragraph <= 2 || c.paragraph >= last - 1) return 1;
  return /:s1$/.test(c.id) ? 0.5 : 0;
}
