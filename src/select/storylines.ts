/**
 * Storylines: what the corpus says most about the deck's subject. The documents about any of the
 * deck's subjects are grouped by what they share (cosine of their tf-idf word vectors, each joining
 * the storyline it is closest to, above a floor), and a storyline weighs as much as the documents
 * that tell it. Its candidate lines are the sentences of those documents that are about a deck
 * subject, ranked as a desk reads them: close to what the storyline's documents have in common,
 * an article's lead (and the section where an analysis concludes) before its asides, a point other articles of the storyline also make, and a
 * judgement in the author's own voice before a reported one; and lines of the documents most about
 * the deck before those of a brief that joined the storyline.
 */
import type { Claim } from '../model.ts';
import type { CorpusWords, Word } from './words.ts';

export interface Storyline {
  /** Documents that tell it, most relevant first. */
  documents: string[];
  /** Sum of the documents' relevance. */
  weight: number;
  /** Its sentences about the deck's subject, best first, each with its score. */
  lines: Array<{ claim: Claim; score: number }>;
}

export interface StorylineInput {
  /** The claims to look at (read once, in store order). */
  claims: Iterable<Claim>;
  words: CorpusWords;
  /** Document → 0..1 relevance to the deck (the best over its subjects). */
  documents: ReadonlyMap<string, number>;
  /** 0..1: how squarely a sentence is about one of the deck's subjects (0 = not). */
  about: (claim: Claim, words: readonly Word[]) => number;
  /** Weight of an article's lead in a line's score (news says what happened first); 0.2 unless given. */
  leadWeight?: number;
  /** 0..1: how much a sentence's paragraph concludes its article (under "Conclusion"); it then weighs as a lead. */
  concluding?: (claim: Claim) => number;
}

/** How much a line's score follows its document's relevance against the storyline's most relevant one. */
const TOLD_BY = 0.5;

/** How much of a line's score a document of weight `w` keeps beside the most relevant one's `top`. */
function toldBy(w: number, top: number): number {
  return 1 - TOLD_BY + (TOLD_BY * w) / top;
}

/** A document under this share of the most relevant one's weight is a brief beside it. */
const BRIEF = 0.5;

/** Two documents share a storyline when their word vectors' cosine reaches this. */
const SAME_STORY = 0.2;

type Vector = Map<string, number>;

export function storylines(input: StorylineInput): Storyline[] {
  const { words, documents } = input;
  const leadWeight = input.leadWeight ?? 0.2;
  const byDoc = new Map<string, Claim[]>();
  for (const c of input.claims) if (documents.has(c.docId)) (byDoc.get(c.docId) ?? byDoc.set(c.docId, []).get(c.docId)!).push(c);
  // Every stem's document frequency is asked for when a vector is made: from a store, in one
  // request (none when every vector was kept).
  let fetched = !words.prefetch;
  const idf = (stem: string) => {
    if (!fetched) {
      fetched = true;
      words.prefetch!((function* () {
        for (const claims of byDoc.values()) for (const c of claims) for (const w of words.words(c)) yield w.stem;
      })());
    }
    return Math.log((words.documents + 1) / (words.documentFrequency(stem) + 0.5));
  };
  const memo = vectorsOf(words);
  const claimVector = (c: Claim) => memo.claims.get(c.id) ?? memo.claims.set(c.id, pack(vectorOf([c]))).get(c.id)!;
  // A document's vector is of all its sentences passed in: the same sentences, the same vector.
  const documentKey = (d: string, claims: readonly Claim[]) => `${d}\u0000${claims.length}\u0000${claims[0]?.id}\u0000${claims[claims.length - 1]?.id}`;
  const documentVector = (d: string, claims: readonly Claim[]) => {
    const key = documentKey(d, claims);
    let known = memo.documents.get(key);
    if (!known) memo.documents.set(key, (known = { vector: pack(vectorOf(claims)), number: memo.documents.size }));
    return { vector: unpack(known.vector), number: known.number };
  };
  const documentNumbers = new Map<string, number>();
  /** Whether a sentence of document `d` makes the same point as `claim`. */
  const madeIn = (claim: Claim, d: string) => {
    const claims = byDoc.get(d)!;
    const key = `${claim.id}\u0000${documentNumbers.get(d)}`;
    let made = memo.points.get(key);
    if (made === undefined) {
      const v = unpack(claimVector(claim));
      memo.points.set(key, (made = claims.some((x) => cosineOf(claimVector(x), v) >= SAME_POINT)));
    }
    return made;
  };
  const vectorOf = (claims: readonly Claim[]): Vector => {
    const v: Vector = new Map();
    for (const c of claims) for (const w of words.words(c)) if (!words.isStop(w.lower) && w.text.length > 2) v.set(w.stem, (v.get(w.stem) ?? 0) + 1);
    for (const [k, n] of v) v.set(k, (1 + Math.log(n)) * idf(k));
    return normalise(v);
  };
  const docs = [...byDoc.keys()].sort((a, b) => documents.get(b)! - documents.get(a)! || (a < b ? -1 : 1));
  const vectors = new Map(
    docs.map((d) => {
      const { vector, number } = documentVector(d, byDoc.get(d)!);
      documentNumbers.set(d, number);
      return [d, vector];
    }),
  );

  // Each document joins the storyline whose centroid it is closest to, most relevant documents
  // first, so a storyline is seeded by the article that tells it best.
  const stories: Array<{ docs: string[]; centroid: Vector }> = [];
  for (const d of docs) {
    const v = vectors.get(d)!;
    let best: (typeof stories)[number] | undefined;
    let bestSim = SAME_STORY;
    for (const s of stories) {
      const sim = cosine(v, s.centroid);
      if (sim >= bestSim) [best, bestSim] = [s, sim];
    }
    if (best) {
      best.docs.push(d);
      best.centroid = normalise(add(best.centroid, v, best.docs.length));
    } else stories.push({ docs: [d], centroid: v });
  }

  const out: Storyline[] = stories.map((s) => {
    const weight = s.docs.reduce((n, d) => n + documents.get(d)!, 0);
    const top = Math.max(...s.docs.map((d) => documents.get(d)!));
    let lines: Array<Storyline['lines'][number] & { doc: string }> = [];
    for (const d of s.docs) {
      const claims = byDoc.get(d)!;
      const last = claims.reduce((m, c) => Math.max(m, c.paragraph), -Infinity);
      for (const c of claims) {
        const about = input.about(c, words.words(c));
        if (about <= 0) continue;
        const central = cosineOf(claimVector(c), s.centroid);
        const opens = /:s1$/.test(c.id);
        const concludes = input.concluding?.(c) ?? 0;
        const lead = Math.max(c.paragraph === 1 && opens ? 1 : c.paragraph <= 2 ? 0.6 : c.paragraph >= last - 1 ? 0.5 : 0.2, concludes * (opens ? 1 : 0.6));
        const voice = c.kind === 'attributed' ? 0.3 : c.kind === 'assessment' || c.kind === 'forecast' ? 1 : 0.6;
        // A storyline is told best by the documents most about the deck: a brief's lead (one
        // company's notice) does not outrank the lines of the main story it sits beside.
        const told = toldBy(documents.get(d)!, top);
        const score = (0.3 * central + 0.2 * about + leadWeight * lead + 0.15 * voice + 0.05 * documents.get(d)!) * told;
        lines.push({ claim: c, score, doc: d });
      }
    }
    // Corroboration (another article of the storyline makes a similar point) is asked only of
    // the lines near the top: it compares a line with every sentence of the storyline.
    lines.sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? -1 : 1));
    lines = lines.slice(0, CONSIDERED);
    // Other articles of any storyline count: a point several articles make, in their own words,
    // is the corpus's, even when each article tells a storyline of its own (long analyses).
    const others = Math.max(1, Math.min(2, docs.length - 1));
    for (const line of lines) {
      const corroborated = docs.filter((o) => o !== line.doc && madeIn(line.claim, o)).length;
      line.score += 0.2 * Math.min(1, corroborated / others);
    }
    lines.sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? -1 : 1));
    return { documents: s.docs, weight, lines: lines.map(({ claim, score }) => ({ claim, score })) };
  });
  const told = out.filter((s) => s.lines.length);
  // When no two documents share a storyline (long analyses, each arguing its own case), the
  // storylines say nothing: the corpus's points are its best lines across all documents.
  if (told.length > 1 && told.every((s) => s.documents.length === 1)) {
    // Each line was scored within its own document. Across documents, as within a storyline, a
    // brief beside the main story (one company's notice beside the European Community's steel
    // plan: under half its weight) tells less of it; articles of comparable weight stand level.
    const top = Math.max(...told.map((s) => s.weight));
    const lines = told
      .flatMap((s) => s.lines.map((l) => ({ ...l, score: l.score * (s.weight < BRIEF * top ? toldBy(s.weight, top) : 1) })))
      .sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? -1 : 1));
    // The story most about the deck opens it with its best line.
    const main = told.reduce((a, b) => (b.weight > a.weight ? b : a));
    const opening = lines.findIndex((l) => l.claim === main.lines[0].claim);
    if (opening > 0) lines.unshift(...lines.splice(opening, 1));
    return [{ documents: told.flatMap((s) => s.documents), weight: told.reduce((n, s) => n + s.weight, 0), lines }];
  }
  return told.sort((a, b) => b.weight - a.weight || (a.documents[0] < b.documents[0] ? -1 : 1));
}

/**
 * Sentence and document vectors (and which documents make a sentence's point) depend only on their words and the statistics they are weighed
 * by: kept with those statistics, which selection keeps per store and document filter, so the
 * next deck or rebuild over the same corpus reads them back. Read-only once made.
 */
export interface Vectors {
  claims: Map<string, PackedVector>;
  /** By the document's sentences (`documentKey`): its vector, and a number for it in `points`. */
  documents: Map<string, { vector: PackedVector; number: number }>;
  /** Sentence and document (its number) → whether a sentence of the document makes the sentence's point. */
  points: Map<string, boolean>;
}
const vectorMemo = new WeakMap<CorpusWords, Vectors>();

/** Vectors made with these statistics in earlier runs (`build/selection-file.ts`): read, and added to, by storylines over them from now on. */
export function keepVectors(words: CorpusWords, vectors: Vectors): void {
  vectorMemo.set(words, vectors);
}

/** No vectors yet. */
export function noVectors(): Vectors {
  return { claims: new Map(), documents: new Map(), points: new Map() };
}

function vectorsOf(words: CorpusWords): Vectors {
  let memo = vectorMemo.get(words);
  if (!memo || memo.claims.size + memo.points.size > KEPT_VECTORS) vectorMemo.set(words, (memo = noVectors()));
  return memo;
}

/** Sentence vectors and points kept per statistics; beyond, the memory starts over. */
const KEPT_VECTORS = 200_000;

/** Two sentences make the same point when their word vectors' cosine reaches this. */
const SAME_POINT = 0.3;

/** Lines of a storyline ranked in full; enough for a bottom line and its fallbacks. */
const CONSIDERED = 40;

function normalise(v: Vector): Vector {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n) || 1;
  const out: Vector = new Map();
  for (const [k, x] of v) out.set(k, x / n);
  return out;
}

/** The running mean of `count - 1` vectors and one more. */
function add(mean: Vector, v: Vector, count: number): Vector {
  const out: Vector = new Map();
  for (const [k, x] of mean) out.set(k, (x * (count - 1)) / count);
  for (const [k, x] of v) out.set(k, (out.get(k) ?? 0) + x / count);
  return out;
}

/**
 * A vector as it is kept between storylines: its stems and weights in the order of its Map (a
 * third of a Map's memory: a deck over a large corpus keeps tens of thousands of sentences').
 */
export interface PackedVector {
  stems: string[];
  weights: number[];
}

function pack(v: Vector): PackedVector {
  return { stems: [...v.keys()], weights: [...v.values()] };
}

function unpack(p: PackedVector): Vector {
  const v: Vector = new Map();
  for (let i = 0; i < p.stems.length; i++) v.set(p.stems[i], p.weights[i]);
  return v;
}

/** `cosine(unpack(p), b)`, without the Map: the same products added in the same order. */
function cosineOf(p: PackedVector, b: Vector): number {
  const n = p.stems.length;
  let dot = 0;
  if (n < b.size) for (let i = 0; i < n; i++) dot += p.weights[i] * (b.get(p.stems[i]) ?? 0);
  else
    for (const [k, x] of b) {
      const i = p.stems.indexOf(k);
      dot += x * (i < 0 ? 0 : p.weights[i]);
    }
  return dot;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) dot += x * (large.get(k) ?? 0);
  return dot;
}
