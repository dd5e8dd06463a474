/**
 * Reranking retrieved claims for one slide: relevance to the query and topic, the claim kinds the
 * audience is served first, figures, recency and plain wording — then maximal marginal relevance
 * (MMR) so one article does not fill a slide and near-identical claims appear once.
 */
import type { Claim, ClaimKind } from '../model.ts';
import { contentWords, jaccard, nearDuplicate } from './similarity.ts';
import { leansOnContext } from './standalone.ts';
import { carriesJudgement, onlyUncertain } from './estimative.ts';
import { datelineLength } from '../text.ts';

export { ANAPHORIC } from './standalone.ts';

export interface Candidate {
  claim: Claim;
  /** 0..1 match with the query (bm25 and term coverage). */
  relevance: number;
  topicMatch: boolean;
  pinned: boolean;
  /** 0..1, newer documents higher. */
  recency: number;
  /** 0..1: how central to the deck's subject and the corpus (only computed when preferred). */
  centrality?: number;
  /** From a story that names the subject only in passing: used when the others run out. */
  passing?: boolean;
  /** Years between its document's year and the latest year the sentence names, when it names one. */
  age?: number;
}

export interface RankedClaim extends Claim {
  score: number;
}

export interface RankPreferences {
  kinds: readonly ClaimKind[];
  plain: boolean;
  /** Prefer claims with figures (figures helper, analysts). */
  figures?: boolean;
  /** Prefer claims that state a likelihood (judgements, bottom line). */
  likelihood?: boolean;
  /**
   * Weight 0..1 of centrality (bottom line, judgements): the main points about the deck's subject
   * outrank side points, and a likelihood word counts for less as centrality counts for more.
   */
  centrality?: number;
  /**
   * Judgement slides: a claim whose only judgement cue is a size or rank adjective ("a major
   * supplier") is a fact, and ranks below those carried by estimative or evaluative language.
   */
  estimative?: boolean;
  /** A timeline: a sentence about long before its article is what it asks for (see `HISTORY_YEARS`). */
  history?: boolean;
}

/** What opening an article adds to a line's score (half for the two paragraphs after the lead). */
const LEAD_WEIGHT = 0.1;

/** What weighing or foreseeing adds to a line's score on a slide that does not ask for judgements. */
export const JUDGED_WEIGHT = 0.06;

/** How far a judgement slide pushes down a claim that states no judgement. */
export const UNJUDGED_PENALTY = 0.5;

/**
 * 0..1: how much a sentence is a short aside. A sentence of a dozen words states one detail ("China
 * does not publish gold production figures.", "Brazil is the world's largest coffee producer."):
 * readers of both corpora marked sentences under 16 words key half as often as longer ones.
 */
export function brevity(claim: Pick<Claim, 'text'>): number {
  const words = claim.text.slice(datelineLength(claim.text)).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words >= SUBSTANTIAL ? 0 : Math.min(1, (SUBSTANTIAL - words) / 4);
}
/** Words from which a sentence is not an aside by its length. */
const SUBSTANTIAL = 16;
/** What being a short aside takes off a line's score. */
export const BREVITY_WEIGHT = 0.06;

/** Years before its article from which a sentence's latest year makes it history, and what that costs. */
export const HISTORY_YEARS = 10;
export const HISTORY_WEIGHT = 0.1;

export function scoreCandidate(c: Candidate, prefs: RankPreferences): number {
  const kindRank = prefs.kinds.indexOf(c.claim.kind);
  const kindScore = kindRank < 0 ? 0 : 1 - kindRank / Math.max(1, prefs.kinds.length);
  const figureScore = c.claim.figures.length ? (prefs.figures ? 1 : 0.5) : 0;
  let score = 0.55 * c.relevance + 0.15 * (c.topicMatch ? 1 : 0) + 0.15 * kindScore + 0.08 * figureScore + 0.07 * c.recency;
  // An article says first what matters most: its lead, then the paragraphs after it.
  score += LEAD_WEIGHT * (c.claim.paragraph <= 1 ? 1 : c.claim.paragraph <= 3 ? 0.5 : 0);
  score -= BREVITY_WEIGHT * brevity(c.claim);
  // A sentence about a decade or more before its article is its history: background, not news
  // (a timeline asks for it with `history`).
  if (!prefs.history && (c.age ?? 0) >= HISTORY_YEARS) score -= HISTORY_WEIGHT;
  const central = prefs.centrality ?? 0;
  if (central) score = (1 - central) * score + central * (c.centrality ?? 0) * 1.6;
  if (c.claim.likelihood) score += prefs.likelihood ? 0.15 * (1 - central) : 0.03;
  if (prefs.plain) score -= 0.1 * plainPenalty(c.claim.text);
  // A line that weighs or foresees ("could trigger a selloff", "remains vulnerable") tells an
  // audience more than one that reports: readers of both corpora marked such lines key more often.
  if (!prefs.estimative && carriesJudgement(c.claim)) score += JUDGED_WEIGHT;
  if (prefs.estimative && !carriesJudgement(c.claim)) score -= UNJUDGED_PENALTY;
  // "It is difficult to foresee how long sanctions will last": that it is unknown, and no more.
  else if (onlyUncertain(c.claim.text)) score -= UNJUDGED_PENALTY;
  // (What something indefinite would do is left to the slide's own test: a scenarios slide takes it.)
  if (leansOnContext(c.claim.text, { scenario: true })) score -= 0.4;
  if (c.pinned) score += 1;
  return score;
}

/** 0..1: long words and many clauses make a sentence hard to follow aloud. */
function plainPenalty(text: string): number {
  const words = text.split(/\s+/);
  const avg = words.reduce((n, w) => n + w.length, 0) / Math.max(1, words.length);
  const clauses = (text.match(/[,;:—]/g) ?? []).length;
  return Math.min(1, Math.max(0, avg - 5.5) / 2 + clauses / 6);
}

/** Deterministic order: score, then claim id. */
export function byScore(a: RankedClaim, b: RankedClaim): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface DiversifyOptions {
  limit: number;
  /** Trade-off between relevance (1) and novelty (0). */
  lambda?: number;
  /** Word sets of claims already shown elsewhere in the deck. */
  shown?: readonly Set<string>[];
  /** Instead of `shown`: whether a claim's words repeat something shown (the deck's `Ledger`). */
  repeatsShown?: (words: Set<string>, claim: RankedClaim) => boolean;
  /** A further test a claim must pass; asked lazily, in score order, only of claims considered. */
  accept?: (claim: RankedClaim) => boolean;
  /** Whether two documents tell one story (a wire story filed twice is one): two lines of one story are alike. */
  sameStory?: (a: string, b: string) => boolean;
}

/**
 * Greedy MMR: each pick maximises λ·score − (1−λ)·similarity to what is already picked, where
 * similarity counts shared words and a shared source document. Near-duplicates are never picked.
 * Candidates are scanned best score first and the scan stops once no later one can win (its
 * λ·score alone is no better than the best value found), so a pick costs in proportion to the
 * claims near the top, not to every candidate.
 */
export function diversify(ranked: readonly RankedClaim[], options: DiversifyOptions): RankedClaim[] {
  const lambda = options.lambda ?? 0.7;
  const shown = options.shown ?? [];
  const accepted = new Map<string, boolean>();
  const ok = (c: RankedClaim) => {
    if (!options.accept) return true;
    let v = accepted.get(c.id);
    if (v === undefined) accepted.set(c.id, (v = options.accept(c)));
    return v;
  };
  const words = new Map<string, Set<string>>();
  const wordsOf = (c: RankedClaim) => words.get(c.id) ?? words.set(c.id, contentWords(c.text)).get(c.id)!;
  const repeatsShown = new Map<string, boolean>();
  const isRepeat = (c: RankedClaim) => {
    let v = repeatsShown.get(c.id);
    if (v === undefined) {
      const w = wordsOf(c);
      v = options.repeatsShown ? options.repeatsShown(w, c) : shown.some((s) => nearDuplicate(w, s));
      repeatsShown.set(c.id, v);
    }
    return v;
  };

  const sameStory = (a: string, b: string) => a === b || (!!options.sameStory && options.sameStory(a, b));
  let pool = [...ranked].sort(byScore);
  const picked: RankedClaim[] = [];
  const top = pool.find(ok)?.score ?? 1;
  const scale = top || 1;
  while (picked.length < options.limit && pool.length) {
    let bestIndex = -1;
    let best = -Infinity;
    const rejected: number[] = [];
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i];
      // Scores fall along the pool, and similarity only lowers a value: nothing later can win.
      if (scale > 0 && lambda * (c.score / scale) <= best) break;
      if (!ok(c)) {
        rejected.push(i);
        continue;
      }
      const w = wordsOf(c);
      if (isRepeat(c) || picked.some((p) => nearDuplicate(w, wordsOf(p)))) continue;
      const sim = Math.max(0, ...picked.map((p) => 0.6 * jaccard(w, wordsOf(p)) + 0.4 * (sameStory(p.docId, c.docId) ? 1 : 0)));
      const value = lambda * (c.score / scale) - (1 - lambda) * sim;
      if (value > best) {
        best = value;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) break;
    const chosen = pool[bestIndex];
    const drop = new Set([...rejected, bestIndex]);
    pool = pool.filter((_, i) => !drop.has(i));
    picked.push(chosen);
  }
  return picked;
}
