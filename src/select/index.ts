/**
 * Evidence selection: retrieve claims from the corpus store with bm25, keep what the spec allows
 * (sources, dates, exclusions), rerank for the audience and spread across sources. A `Ledger`
 * shared by one deck remembers what was already shown so no claim, or near-copy, appears twice;
 * an `EvidenceIndex` shared by one deck reads the store once, so each request costs in
 * proportion to its bm25 candidates.
 *
 * What this file exports is what the deck stage calls; the other files' workings stay inside.
 */
import type { BriefingSpec, Claim, ClaimKind, DocumentMeta, EvidenceStore } from '../model.ts';
import { centralityIndex } from './centrality.ts';
import { filedUnder, otherSense } from './sense.ts';
import { HOME_SAMPLE, homePlace, namesNoPlace } from './home.ts';
import { datelineLength, escapeRegExp } from '../text.ts';
import { EvidenceIndex, topicKey } from './evidence-index.ts';
import { allowedDocuments, isExcluded, isPinned, sourceMatches, type EvidenceFilterSpec } from './filter.ts';
import { diversify, scoreCandidate, type Candidate, type RankedClaim, type RankPreferences } from './rank.ts';
import { contentWords, nearDuplicate, nearDuplicateBy, retells, sameFigure } from './similarity.ts';
import { kinWords } from './kin.ts';
import { aboutness, findTerm, inScope, namesSubject, scopeOf, nounForms, STORY, subjectOf, termOf, toldWith, type Scope, type Subject } from './subject.ts';
import { corpusWords, corpusWordsOf, headlineWords, stem, storedCorpusWords, wordsOf, type CorpusWords, type Word } from './words.ts';
import { WordTally } from '../corpus/word-counts.ts';
import { demonymsOf, findActors, membersOf, placesIn } from '../corpus/actors.ts';
import { pointsBack, type Tagger } from './definite.ts';
import { protagonistWeight } from './protagonist.ts';
import { keepVectors, type Vectors } from './storylines.ts';
import { keepReadings } from './standalone.ts';
import { keepJudgements } from './estimative.ts';
import { misspelling } from './spelling.ts';
import { isEnglishWord } from './vocabulary.ts';

export { entryMatches, isExcluded, isPinned } from './filter.ts';
export { contentWords, nearDuplicate, retells } from './similarity.ts';
export { storylines, type Storyline } from './storylines.ts';
export { drawnFromBefore, leansOnContext, saysNothing, type StandAloneOptions } from './standalone.ts';
export { carriesJudgement, speaksOfFuture } from './estimative.ts';
export { aboutness, inScope, namesSubject, STORY, type Subject } from './subject.ts';
export { headlineWords, stem, wordsOf } from './words.ts';
export { misspelling } from './spelling.ts';
export { selectQuote, type QuoteRequest } from './quotes.ts';
export { competingClaims } from './competing.ts';

/** What one deck has shown so far. */
export class Ledger {
  readonly ids = new Set<string>();
  readonly words: Set<string>[] = [];
  /** What was shown, without a wire's dateline ("NEW YORK, March 2 - "), which is no part of its point. */
  private readonly texts: string[] = [];
  /** Word → indices into `words`, so a repeat is found from shared words, not by comparing with everything shown. */
  private readonly postings = new Map<string, number[]>();
  record(item: { id: string; text: string }): void {
    this.ids.add(item.id);
    const text = item.text.slice(datelineLength(item.text));
    this.texts.push(text);
    const words = contentWords(text);
    for (const w of words) (this.postings.get(w) ?? this.postings.set(w, []).get(w)!).push(this.words.length);
    this.words.push(words);
  }
  /** Whether a claim with these words is a near-copy of something already shown. */
  repeats(words: Set<string>, retold = true): boolean {
    const shared = new Map<number, number>();
    for (const w of words) for (const i of this.postings.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, inter] of shared) if (nearDuplicateBy(inter, words.size, this.words[i].size) || (inter >= 3 && sameFigure(words, this.words[i])) || (retold && retells(words, this.words[i], inter, this.texts[i]))) return true;
    return false;
  }
}

export interface SelectionContext {
  store: EvidenceStore;
  /** The store's claims, quotes and searches, read once for the deck. */
  index: EvidenceIndex;
  spec: EvidenceFilterSpec & Partial<Pick<BriefingSpec, 'title' | 'subtitle' | 'topics'>>;
  prefs: RankPreferences;
  ledger: Ledger;
  /** Documents the spec allows. */
  allowed: Set<string>;
  /** The deck's topics. */
  topics: readonly string[];
  /**
   * docId → what a story weighs against others about the same subject: its length (a notice or a
   * brief weighs less than a full story, `briefWeights`), times LONE_ACTOR when its lead is about a name the corpus hardly writes elsewhere
   * (`protagonist.ts`). Reads the document's lead: prefetch heads first.
   */
  storyWeight: (docId: string) => number;
  /**
   * Whether a document is an aside to the stories the corpus returns to: one actor's news (its
   * lead's first name is one the corpus hardly writes elsewhere, `protagonistWeight`), or a brief
   * under ASIDE_LENGTH of the corpus's median story's length (a dividend declared, a ship count).
   */
  aside: (docId: string) => boolean;
  /** docId → 0..1 recency. */
  recency: Map<string, number>;
  /** docId → the year it was written (its date's, else the corpus's middle year). */
  yearOf: Map<string, number | undefined>;
  /** Claim → 0..1 centrality to the deck's subject and the corpus (computed on first use). */
  centrality: (claim: Claim) => number;
  /** Word statistics of the allowed documents' claims (gathered on first use). */
  words: () => CorpusWords;
  /** What a request is about, worked out once per query and topic. */
  subject: (request: Pick<ClaimRequest, 'query' | 'topic'>) => Subject;
  /** The places and actors the deck's title names; every slide keeps to them. */
  scope: () => Scope | undefined;
  /** A document's title and first paragraph, for scope. */
  head: (docId: string) => { id?: string; title: string; lead?: string };
  /**
   * Whether two documents tell one story: the same headline as `storyKey` reads it (a wire story
   * filed again, "(RPT)", a correction), or the same first sentence under another headline
   * ("FUNARO REJECTS UK SUGGESTION…", "FUNARO REJECTS SUGGESTION…").
   */
  sameStory: (a: string, b: string) => boolean;
  /** Reads the first paragraphs of these documents at once, ahead of `head` asking for each. */
  prefetchHeads: (docIds: Iterable<string>) => void;
  /** Whether a sentence's "the …" points back at the article before it (in `shown`, the text a slide shows of it). */
  pointsBack: (claim: Claim, shown?: string) => boolean;
  /** Whether a line shows a word its source misspelt ("[Dilson Funaro] was reactnng to…"): one the corpus's documents hardly write so. */
  misspelt: (text: string) => boolean;
  /** Part-of-speech tags of a text's words, when the composing stage lent a tagger. */
  tags?: Tagger;
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
  /**
   * The test a line passes when the slide would otherwise run short of FULL_SLIDE lines: a
   * sentence longer than the audience's norm beats an empty space (see `resolve-claims.ts`).
   */
  acceptLonger?: (claim: Claim) => boolean;
  /**
   * The test a line passes when the slide would otherwise hold fewer than THIN_SLIDE lines: a
   * whole news lead the audience's length cannot hold beats a slide with nothing on its subject.
   */
  acceptLongest?: (claim: Claim) => boolean;
  /** Override the context preferences (figures slide prefers figures). */
  prefs?: Partial<RankPreferences>;
  /** Leave the picks unrecorded; the caller records what it finally shows. */
  dryRun?: boolean;
  /** The slide's title as the spec's author wrote it: lines that use its words rank first. */
  title?: string;
}

export function createSelectionContext(
  store: EvidenceStore,
  spec: EvidenceFilterSpec & Partial<Pick<BriefingSpec, 'title' | 'subtitle' | 'topics'>>,
  prefs: RankPreferences,
  /** A part-of-speech tagger the composing stage lends, to read "the X" by its head noun. */
  tags?: Tagger,
  /**
   * What selection worked out for these document filters over this corpus in earlier runs, which
   * it reads and adds to (the caller keeps it: `build/selection-file.ts`); without, what this
   * process worked out.
   */
  memory?: SelectionMemory,
): SelectionContext {
  const docs = store.documents();
  const dates = docs.map((d) => d.date).filter((d): d is string => !!d).sort();
  const oldest = Date.parse(dates[0] ?? '2000-01-01');
  const newest = Date.parse(dates[dates.length - 1] ?? '2000-01-01');
  const recency = new Map(
    docs.map((d) => [d.id, d.date && newest > oldest ? (Date.parse(d.date) - oldest) / (newest - oldest) : 0.5]),
  );
  // The year each document was written: its own date, else the corpus's middle year (an undated
  // article is taken to be of its corpus's time).
  const middle = dates.length ? Number(dates[Math.floor(dates.length / 2)].slice(0, 4)) : undefined;
  const yearOf = new Map(docs.map((d) => [d.id, d.date ? Number(d.date.slice(0, 4)) : middle]));
  const allowed = allowedDocuments(docs, spec);
  const brief = briefWeights(docs);
  const kept = keptFor(store, spec);
  const index = kept.index;
  let central: ((claim: Claim) => number) | undefined;
  const centrality = (claim: Claim) => (central ??= centralityIndex(store, allowed, spec, index.all()))(claim);
  // Storylines weigh sentences by vectors kept with these statistics: those the memory holds.
  let vectorsKept = !memory;
  const words = () => {
    kept.words ??= deckWords(store, index, docs, allowed);
    if (!vectorsKept) (keepVectors(kept.words, memory!.vectors), (vectorsKept = true));
    return kept.words;
  };
  const subjects = memory?.subjects ?? kept.subjects;
  const storedSubject = (request: Pick<ClaimRequest, 'query' | 'topic'>) => {
    const key = `${request.query ?? ''}\u0000${request.topic ?? ''}`;
    let found = subjects.get(key);
    if (!found) {
      const keywords = request.topic ? topicKeywords(store, request.topic) : [];
      // Only the sentences that hold one of the subject's words can name it: the store's index
      // finds them, so working out a subject costs what it matches, not the corpus.
      const hits = index.search(searchText(request, keywords).replace(/["“”*]/g, ' '), SUBJECT_CANDIDATES).map((h) => h.id);
      const candidates = index.inStoreOrder(hits).filter((c) => allowed.has(c.docId));
      const isActor = (name: string) => actorsOf(name).length > 0;
      found = subjectOf(
        { ...request, keywords, keywordsOf: (t) => topicKeywords(store, t), isActor },
        candidates,
        words(),
        (id) => titles.get(id) ?? '',
        (doc) => index.ofDocument(doc),
        (stem) => titledWith(kept, docs, stem).filter((d) => allowed.has(d)),
      );
      subjects.set(key, found);
    }
    return found;
  };
  // A topic's stories in another sense than the deck's count as passing mentions (`otherSense`).
  const inSense = new Map<string, Subject>();
  const subject = (request: Pick<ClaimRequest, 'query' | 'topic'>) => {
    const found = storedSubject(request);
    if (!request.topic || !spec.title) return found;
    let mine = inSense.get(request.topic);
    if (!mine) {
      const off = otherSense({ title: spec.title, topics: spec.topics ?? [] }, request.topic, found, storedSubject, words(), index, head, prefetchHeads);
      mine = off.size ? { ...found, documents: new Map([...found.documents].map(([d, w]) => [d, off.has(d) ? w * OTHER_SENSE : w])) } : found;
      inSense.set(request.topic, mine);
    }
    return mine;
  };
  let scoped: { scope?: Scope } | undefined;
  const scope = () =>
    (scoped ??= { scope: homed(keptScope(kept, scopeOf([spec.title, spec.subtitle].filter(Boolean).join(' — '), spec.topics ?? [], words(), placesOf))) }).scope;
  // A scope that holds the corpus's home takes the documents that name no place (`select/home.ts`).
  const homed = (found: Scope | undefined): Scope | undefined => {
    if (!found) return found;
    if (!kept.home) {
      // (The sample's leads are read at once: a store answers many in one request.)
      const sample = docs.filter((d) => allowed.has(d.id)).slice(0, HOME_SAMPLE).map((d) => d.id);
      prefetchHeads(sample);
      kept.home = { place: homePlace(sample, head, placesOf) };
    }
    const home = kept.home.place;
    if (!home || !found.actors.has(home)) return found;
    const placeless = new Map<string, boolean>();
    const homeStory = (docId: string) => {
      let v = placeless.get(docId);
      if (v === undefined) placeless.set(docId, (v = namesNoPlace(titles.get(docId) ?? '', index.ofDocument(docId), placesOf, home)));
      return v;
    };
    return { ...found, homeStory };
  };
  // Titles come with the document listing; first paragraphs are read when scope needs them, many
  // at once where a request knows which documents it will look at.
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  const heads = new Map<string, { id: string; title: string; lead?: string }>();
  const prefetchHeads = (docIds: Iterable<string>) => {
    const missing = [...new Set(docIds)].filter((id) => !heads.has(id));
    if (!missing.length) return;
    const leads = store.leads ? store.leads(missing) : undefined;
    // (With its id, which scope reads for a story that names no place.)
    for (const id of missing) heads.set(id, { id, title: titles.get(id) ?? '', lead: leads ? leads.get(id) : store.document(id)?.paragraphs[0]?.text });
  };
  const head = (docId: string) => {
    if (!heads.has(docId)) prefetchHeads([docId]);
    return heads.get(docId)!;
  };
  const weights = new Map<string, number>();
  const actors = new Map<string, number>();
  const actorWeight = (docId: string) => {
    let w = actors.get(docId);
    if (w === undefined) actors.set(docId, (w = protagonistWeight(head(docId).lead, words())));
    return w;
  };
  const storyWeight = (docId: string) => {
    let w = weights.get(docId);
    if (w === undefined) weights.set(docId, (w = (brief.get(docId) ?? 1) * actorWeight(docId)));
    return w;
  };
  const aside = (docId: string) => actorWeight(docId) < 1 || (brief.get(docId) ?? 1) < ASIDE_LENGTH;
  let known: Set<string> | undefined;
  let topicForms: Set<string> | undefined;
  const backMemo = new Map<string, boolean>();
  const pointsBackAt = (claim: Claim, shown?: string) => {
    const key = shown === undefined ? claim.id : `${claim.id}\u0000${shown}`;
    let v = backMemo.get(key);
    if (v === undefined) {
      // A topic in the singular names one thing ("the dollar" in a deck on the dollar); in the
      // plural, a kind of which "the merger" is one, and which one the line must say.
      known ??= new Set(
        wordsOf((spec.topics ?? []).flatMap((t) => [t.replace(/[-_]+/g, ' '), ...topicKeywords(store, t)]).join(' '))
          .filter((w) => !words().isStop(w.lower) && !/[^s]s$/.test(w.lower))
          // The topic's own word, not another of its stem: "the ship" in a deck on shipping is one ship.
          .flatMap((w) => nounForms(w.lower)),
      );
      // Every form of the topics' words: a line that names one says what it is about.
      topicForms ??= new Set(
        wordsOf((spec.topics ?? []).map((t) => t.replace(/[-_]+/g, ' ')).join(' '))
          .filter((w) => !words().isStop(w.lower))
          .flatMap((w) => nounForms(w.lower)),
      );
      // A deck on two actors ("Russia and China") says who "the two countries" are.
      v = pointsBack(claim, store.document(claim.docId), known, shown, tags, topicForms, scope()?.actors.size === 2, scope()?.homeStory?.(claim.docId) ?? false);
      backMemo.set(key, v);
    }
    return v;
  };
  const storyOf = (docId: string) => storyKey(head(docId).title) || docId;
  const openings = new Map<string, string>();
  const openingOf = (docId: string) => {
    let o = openings.get(docId);
    if (o === undefined) openings.set(docId, (o = leadKey(head(docId).lead ?? '')));
    return o;
  };
  const sameStory = (a: string, b: string) => a === b || storyOf(a) === storyOf(b) || (!!openingOf(a) && openingOf(a) === openingOf(b));
  const spellings = memory?.spellings ?? kept.spellings;
  const misspelt = (text: string) => {
    let found = spellings.get(text);
    if (found === undefined) {
      const w = words();
      if (spellings.size >= KEPT_SPELLINGS) spellings.clear();
      spellings.set(text, (found = misspelling(text, (word) => w.documentFrequency(stem(word)) >= SPELLED_ALIKE || w.isName(word)) !== undefined));
    }
    return found;
  };
  if (memory) (keepReadings(memory.readings), keepJudgements(memory.judgements));
  return { store, index, spec, prefs, ledger: new Ledger(), allowed, topics: spec.topics ?? [], storyWeight, aside, recency, yearOf, centrality, words, subject, scope, head, prefetchHeads, sameStory, pointsBack: pointsBackAt, misspelt, ...(tags ? { tags } : {}) };
}

/** Documents that write a word alike for it to be the corpus's spelling, not a typo. */
const SPELLED_ALIKE = 3;
/** Lines whose spelling is kept per store and filter; beyond, the memory starts over. */
const KEPT_SPELLINGS = 50_000;

/**
 * What selection works out from a corpus and document filters alone, kept between runs (the
 * caller keeps it: `build/selection-file.ts`): the subjects of queries and topics by query and
 * topic (`${query}\u0000${topic}`), the sentence and document vectors storylines weigh, and what
 * each line's text alone says of it.
 */
export interface SelectionMemory {
  subjects: Map<string, Subject>;
  vectors: Vectors;
  /** Whether a line leans on context (`leansOnContext`), by its options and text. */
  readings: Map<string, boolean>;
  /** Whether a sentence carries a judgement (`carriesJudgement`), by its likelihood and text. */
  judgements: Map<string, boolean>;
  /** Whether a line shows a word the corpus does not spell so (`SelectionContext.misspelt`), by its text. */
  spellings: Map<string, boolean>;
}

/**
 * What selection works out from the store alone, kept with the store object for as long as it
 * lives: a watch session's rebuilds, and a build's decks, read the same corpus through one
 * `EvidenceIndex` (its searches and listings asked of the store once) and, for each set of
 * document filters (`sources`, `since`, `until`), share the word statistics of the documents they
 * allow and the subjects worked out for each query and topic. None of it depends on anything else
 * in the spec, so a deck composes the same with it or without. A store whose corpus changed is a
 * new object (the watch loop reloads it), which starts empty.
 */
interface KeptSelection {
  index: EvidenceIndex;
  words?: CorpusWords;
  subjects: Map<string, Subject>;
  /** Scopes by their terms: a title edited without changing the names it holds keeps its scope, and what was read in it. */
  scopes: Map<string, Scope>;
  /** Title stem → the documents whose title holds it. */
  titles?: Map<string, string[]>;
  /** Line → whether it shows a word the corpus does not spell so. */
  spellings: Map<string, boolean>;
  /** The corpus's home place (`select/home.ts`), once worked out. */
  home?: { place?: string };
}

/** Documents whose title holds a word of this stem: from an index of the listing's titles, made once per store and filter. */
function titledWith(kept: KeptSelection, docs: readonly DocumentMeta[], stem: string): string[] {
  if (!kept.titles) {
    kept.titles = new Map();
    for (const d of docs) {
      // A document without a title of its own is listed by its file name: no headline.
      if (d.title === d.id || d.title === d.id.split('/').pop()) continue;
      for (const s of new Set(headlineWords(d.title).map((w) => w.stem))) (kept.titles.get(s) ?? kept.titles.set(s, []).get(s)!).push(d.id);
    }
  }
  return kept.titles.get(stem) ?? [];
}

function keptScope(kept: KeptSelection, scope: Scope | undefined): Scope | undefined {
  if (!scope) return scope;
  const key = JSON.stringify([scope.terms.map(({ partner, ...t }) => ({ ...t, partner: partner?.text })), [...scope.actors], scope.within.map((t) => t.text)]);
  const known = kept.scopes.get(key);
  if (known) return known;
  if (kept.scopes.size >= 16) kept.scopes.delete(kept.scopes.keys().next().value!);
  kept.scopes.set(key, scope);
  return scope;
}

/**
 * The actors a text names, for every deck of the process: the gazetteer's pattern (every name it
 * knows, in one alternation) is slow on long sentences, and each deck of a run reads the same
 * sentences for its own scope.
 */
const actorsOf = byText(findActors);
/**
 * The places and international bodies a text names (`placesIn`), for scope: a person the text
 * names with an office ("Chancellor Gordon Brown") or a body by its acronym ("the Office for
 * National Statistics (ONS)") is of no place the gazetteer knows, and takes no line out of a deck
 * on the place whose story it is.
 */
const placesOf = byText(placesIn);

/** A text's answer remembered for the process, up to 50,000 texts; then the memory starts again. */
function byText(find: (text: string) => string[]): (text: string) => string[] {
  let memory = new Map<string, string[]>();
  return (text) => {
    let found = memory.get(text);
    if (!found) {
      if (memory.size >= 50_000) memory = new Map();
      memory.set(text, (found = find(text)));
    }
    return found;
  };
}

const keptByStore = new WeakMap<EvidenceStore, { index: EvidenceIndex; byFilter: Map<string, KeptSelection> }>();

/** Document filters whose statistics and subjects are kept per store; the least recently used go first. */
const KEPT_FILTERS = 8;

function keptFor(store: EvidenceStore, spec: EvidenceFilterSpec): KeptSelection {
  let state = keptByStore.get(store);
  if (!state) keptByStore.set(store, (state = { index: new EvidenceIndex(store), byFilter: new Map() }));
  const key = JSON.stringify([spec.sources ?? [], spec.since ?? '', spec.until ?? '']);
  let kept = state.byFilter.get(key);
  if (kept) state.byFilter.delete(key);
  else kept = { index: state.index, subjects: new Map(), scopes: new Map(), spellings: new Map() };
  state.byFilter.set(key, kept);
  if (state.byFilter.size > KEPT_FILTERS) state.byFilter.delete(state.byFilter.keys().next().value!);
  return kept;
}

/** Documents whose claims are read at once when a deck counts the words of some documents itself. */
const COUNTED_DOCUMENTS = 500;

/**
 * The word statistics of the allowed documents' claims. From the counts the store keeps at ingest
 * when the spec allows every document; when it allows only some, the smaller side is counted here:
 * the allowed documents' claims, or the store's counts less those of the documents left out. A
 * store without counts is read in one pass.
 */
function deckWords(store: EvidenceStore, index: EvidenceIndex, docs: readonly DocumentMeta[], allowed: ReadonlySet<string>): CorpusWords {
  const stored = store.wordCounts?.();
  if (!stored) return corpusWords(index.all((c) => allowed.has(c.docId)));
  const left = docs.filter((d) => !allowed.has(d.id)).map((d) => d.id);
  if (!left.length) return storedCorpusWords(stored);
  const tally = new WordTally();
  const count = (ids: readonly string[]) => {
    for (let i = 0; i < ids.length; i += COUNTED_DOCUMENTS)
      for (const claims of index.ofDocuments(ids.slice(i, i + COUNTED_DOCUMENTS)).values()) for (const c of claims) tally.add(c.text, c.docId);
  };
  const kept = docs.filter((d) => allowed.has(d.id)).map((d) => d.id);
  if (kept.length <= left.length) {
    count(kept);
    return corpusWordsOf(tally);
  }
  count(left);
  return storedCorpusWords(stored, tally);
}

/** The words a request searches for: its query, its topic and the topic's keywords. */
export function searchTerms(store: EvidenceStore, request: Pick<ClaimRequest, 'query' | 'topic'>): string[] {
  const text = searchText(request, request.topic ? topicKeywords(store, request.topic) : []);
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [])].filter((t) => t.length > 2);
}

/** A request's query, topic and the topic's keywords as one text, with their words' kin (`kin.ts`). */
function searchText(request: Pick<ClaimRequest, 'query' | 'topic'>, keywords: readonly string[]): string {
  const asked = [request.query ?? '', request.topic ?? '', ...keywords].join(' ');
  // A country's adjective names it too ("the Japanese government", "British exports").
  // A region names its countries ("Latin America": Brazil, Mexico…), by name and adjective.
  const names = [asked, ...(asked.match(/\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*/gu) ?? [])].map((name) => name.trim());
  const members = names.flatMap((name) => membersOf(name));
  const places = [...names, ...members].flatMap((name) => demonymsOf(name));
  return [asked, ...kinWords(asked), ...new Set([...places, ...members])].join(' ');
}

function topicKeywords(store: EvidenceStore, topic: string): string[] {
  const topics = store.topics();
  const key = Object.keys(topics).find((k) => topicKey(k) === topicKey(topic));
  return key ? topics[key].map((k) => k.replace(/\*/g, '')) : [];
}

/**
 * Candidates for a request, each with its relevance; claims outside the spec's filters are gone.
 * With search words, only the claims bm25 returns, those tagged with the topic and pinned ones
 * are looked at; without, every claim is (each then equally relevant).
 */
export function retrieve(ctx: SelectionContext, request: ClaimRequest): Candidate[] {
  const { store, spec, index } = ctx;
  const terms = searchTerms(store, request);
  const topic = request.topic ? topicKey(request.topic) : undefined;
  const subject = terms.length ? ctx.subject(request) : undefined;
  const scope = ctx.scope();
  const bm25 = new Map<string, number>();
  let pool: Iterable<Claim> = index.all();
  if (subject) {
    const full = index.search(terms.join(' '));
    let top = 1e-9;
    for (const c of full) if (c.score > top) top = c.score;
    for (const hit of full) bm25.set(hit.id, hit.score / top);
    const ids = new Set(bm25.keys());
    for (const c of pinnedClaims(index, spec)) ids.add(c.id);
    // Sentences of the documents that name the subject, which may use its related words only,
    // those that name it most first; then the claims tagged with the topic. A large corpus has
    // thousands of such documents: a request reads at most POOL_CLAIMS sentences.
    const named = [...subject.documents.keys()];
    for (let i = 0; i < named.length && ids.size < POOL_CLAIMS; i += DOCUMENTS_READ) {
      for (const claims of index.ofDocuments(named.slice(i, i + DOCUMENTS_READ)).values()) {
        if (ids.size >= POOL_CLAIMS) break;
        for (const c of claims) ids.add(c.id);
      }
    }
    if (request.topic) for (const id of index.taggedIds(request.topic)) {
      if (ids.size >= POOL_CLAIMS) break;
      ids.add(id);
    }
    pool = index.inStoreOrder(ids);
  }
  // The deck's other topics: a story about this slide's subject and another of the deck's ranks
  // above one about this subject alone (export quotas for coffee, in a deck on coffee and quotas).
  const others = subject ? ctx.topics.filter((t) => topicKey(t) !== topic).map((t) => ctx.subject({ topic: t })) : [];
  const words = subject || scope ? ctx.words() : undefined;
  const together = subject && topic ? storiesTogether(ctx, subject, request.topic ?? topic, others) : undefined;
  const nearTitled = subject && topic ? passagesWithin(ctx, request.topic ?? topic, pool) : undefined;
  const titleStems = new Set(
    request.title && words ? wordsOf(request.title).filter((w) => !words.isStop(w.lower) && w.text.length > 2).map((w) => w.stem) : [],
  );
  // Scope and a story's weight read the title and first paragraph of each candidate's document: all at once.
  if (subject) ctx.prefetchHeads([...pool].map((c) => c.docId));
  // The deck title's own angle ("port" in "Shipping and port strikes", "prices" in "Coffee prices
  // and export quotas"): its words that are not a topic's.
  const angle = new Set(words ? [...titleWordsBeyondTopics(ctx)].filter((s) => !titleStems.has(s)) : []);
  const out: Candidate[] = [];
  for (const claim of pool) {
    if (!ctx.allowed.has(claim.docId) || isExcluded(claim, spec)) continue;
    if (ctx.ledger.ids.has(claim.id)) continue;
    if (request.kinds && !request.kinds.includes(claim.kind)) continue;
    if (request.figures && !claim.figures.length) continue;
    if (request.source) {
      const doc = store.document(claim.docId);
      if (!doc || !sourceMatches(doc, request.source)) continue;
    }
    const pinned = isPinned(claim, spec);
    const topicMatch = !!topic && claim.topics.some((t) => topicKey(t) === topic);
    let rel = 0.5;
    if (subject && words) {
      // The sentence itself must be about the subject: a tag from topics.yaml or a bm25 hit on one
      // word is not enough.
      const about = aboutness(subject, words.words(claim), claim.docId, claim.id);
      // A passing mention in a story about something else ("the weaker dollar" in a company's
      // earnings report) counts for less than the same words in a story about the subject.
      const story = subject.documents.get(claim.docId) ?? 0;
      rel = (0.75 * about + 0.25 * (bm25.get(claim.id) ?? 0)) * (PASSING + (1 - PASSING) * story);
      if (together && !together.has(claim.docId) && !pinned) continue;
      if (nearTitled && !nearTitled(claim) && !pinned) continue;
      if (others.length) rel *= ALONE_TOPIC + (1 - ALONE_TOPIC) * Math.max(...others.map((o) => o.documents.get(claim.docId) ?? 0));
      if (titleStems.size && words.words(claim).some((w) => titleStems.has(w.stem))) rel += TITLE_BONUS;
      if (angle.size && words.words(claim).some((w) => angle.has(w.stem))) rel += ANGLE_BONUS;
      if (about <= 0 && !pinned) continue;
      // A figure in a sentence that does not name the subject measures something the line leaves
      // unsaid ("London Metal Exchange stocks fell to 193,100 tons": of which metal?).
      if (claim.figures.length && !pinned && !namesSubject(subject, words.words(claim), claim.docId) && !subject.headlinedLeads?.has(claim.id)) continue;
      rel *= ctx.storyWeight(claim.docId);
    }
    if (scope && !pinned && !inScope(scope, claim.text, ctx.head(claim.docId))) continue;
    // A sentence the scrape broke ("regionhave", "Igor Sechinhead of Rosneft") never reaches a
    // slide unless the spec names it: a bullet fewer reads better than a garbled one.
    if (claim.flaws?.length && !pinned) continue;
    if (request.accept && !request.accept(claim)) continue;
    const age = yearsBefore(claim.text, ctx.yearOf.get(claim.docId));
    out.push({ claim, relevance: Math.min(1, rel), topicMatch, pinned, recency: ctx.recency.get(claim.docId) ?? 0.5, ...(age !== undefined ? { age } : {}) });
  }
  if (subject) for (const c of out) c.passing = !c.pinned && (subject.documents.get(c.claim.docId) ?? 0) < STORY;
  return out;
}

/**
 * How many years before its document's year the latest year a sentence names is ("After the
 * Tienanmen Square Massacre of June 4th, 1989, …" in a 2022 article: 33); undefined when it
 * names none or its document's year is unknown.
 */
export function yearsBefore(text: string, year: number | undefined): number | undefined {
  if (year === undefined) return undefined;
  let latest: number | undefined;
  // (Not a time of day: "set for 1900 hours local".)
  for (const m of text.matchAll(/(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d,.]\d)(?!\s+hours\b)/g)) latest = Math.max(latest ?? 0, Number(m[1]));
  return latest === undefined ? undefined : year - latest;
}

/**
 * A document's weight by its length against the corpus's median: a story of median length or
 * longer weighs 1, one half as long a half (never less than BRIEF). Measured against the corpus
 * itself, so that wire briefs among wire stories weigh less while a corpus of long reports of
 * nearly equal lengths weighs all alike.
 */
export function briefWeights(docs: readonly { id: string; words: number }[]): Map<string, number> {
  const lengths = docs.map((d) => d.words).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return new Map(docs.map((d) => [d.id, median > 0 ? Math.max(BRIEF, Math.min(1, d.words / median)) : 1]));
}

/**
 * A story under four fifths of the corpus's median length is a brief that fills a slide only where
 * others leave it short: readers marked one in seven such Reuters lines key, against three in five.
 */
const ASIDE_LENGTH = 0.8;

/** The weight of the corpus's shortest document against a story of median length. */
export const BRIEF = 0.5;

/**
 * The word a deck's title sets right before a topic to qualify it ("port" in "Shipping and port
 * strikes" for *strikes*), or right after it to say what of it the deck is about ("takeovers" in
 * "Bank takeovers and mergers" for *banks*), as a stem; undefined when the title names the topic
 * bare, or qualifies it with a stopword, a number or another topic's word ("Oil prices and OPEC
 * output"). `after` says which.
 */
export function titleQualifier(title: string, topic: string, topics: readonly string[], words: Pick<CorpusWords, 'isStop'>): string | undefined {
  return titleQualifierOf(title, topic, topics, words)?.stem;
}

function titleQualifierOf(title: string, topic: string, topics: readonly string[], words: Pick<CorpusWords, 'isStop'>): { stem: string; after: boolean; owner?: boolean; linked?: boolean } | undefined {
  const t = wordsOf(title);
  const own = wordsOf(topic.replace(/[-_]+/g, ' '));
  if (!own.length) return undefined;
  const ownStems = new Set(own.map((w) => w.stem));
  // The word right before the topic (not across a comma or "and"), neither a stopword nor the
  // topic's own; another topic's word qualifies it too ("Japan" in "US–Japan semiconductor dispute").
  // ("Taiwan's trade surplus": a possessive qualifies as well.)
  const qualifies = (m: Word, topicStart: Word) =>
    !/[^\s]/.test(title.slice(m.end, topicStart.start)) && !words.isStop(m.lower) && m.text.length >= 3 && /^\p{L}+(?:['’]s)?$/u.test(m.text) && !ownStems.has(m.stem) && !EVERYWHERE_WORDS.test(m.text);
  const topicStems = stemsOf(topics);
  for (let i = 0; i < t.length; i++) {
    if (!nounForms(own[0].lower).includes(t[i].lower)) continue;
    // The topic's other words, as the title writes them ("trade deficits").
    let last = i;
    while (last - i + 1 < own.length && t[last + 1] && nounForms(own[last - i + 1].lower).includes(t[last + 1].lower)) last++;
    if (last - i + 1 < own.length) continue;
    // "port strikes": the word before names which strikes. Before it, another topic's possessive
    // names whose, which says more: "Indonesia's commodity exports" are Indonesia's.
    // (`owner`: the qualifier is another topic's possessive.)
    const owner = (w: Word) => /['’]s$/.test(w.text) && topicStems.has(w.stem);
    if (i > 1 && qualifies(t[i - 1], t[i]) && qualifies(t[i - 2], t[i - 1]) && owner(t[i - 2])) return { stem: t[i - 2].stem, after: false, owner: true };
    if (i > 0 && qualifies(t[i - 1], t[i])) return { stem: t[i - 1].stem, after: false, ...(owner(t[i - 1]) ? { owner: true } : {}) };
    // "Bank takeovers and mergers": a word before the first of two nouns joined by "and" names
    // which of both (the first noun not a topic's: "Consumer prices and inflation" is two topics).
    const [q, first, and] = [t[i - 3], t[i - 2], t[i - 1]];
    if (q && /^(and|or)$/.test(and.lower) && !/[^\s]/.test(title.slice(first.end, and.start) + title.slice(and.end, t[i].start)) && qualifies(first, and) && !topicStems.has(first.stem) && qualifies(q, first) && !isAdverb(first.lower)) {
      return { stem: q.stem, after: false };
    }
    // "Trade with the Soviet Union", "Investment in Central Asia": another topic, a name, after a
    // preposition says whose, as a possessive before it does.
    const linked = linkedOwner(title, t, last, topics, words);
    if (linked) return { stem: linked.stem, after: false, owner: true, linked: true };
    // "Bank takeovers", "central bank policy": the topic names whose; the noun after it, what of them.
    const after = t[last + 1];
    if (after && !/[^\s]/.test(title.slice(t[last].end, after.start)) && qualifies(after, after) && !isAdverb(after.lower)) return { stem: after.stem, after: true };
    return undefined;
  }
  return undefined;
}

/**
 * Whether a word is an adverb made of an adjective ("largely", "happily", "basically"): not a noun
 * that ends the same way ("supply", "family", "assembly").
 */
function isAdverb(word: string): boolean {
  if (!word.endsWith('ly')) return false;
  const base = word.endsWith('ally') ? word.slice(0, -4) : word.endsWith('ily') ? `${word.slice(0, -3)}y` : word.slice(0, -2);
  return (base.length > 3 && isEnglishWord(base)) || (word.endsWith('ally') && isEnglishWord(word.slice(0, -2)));
}

/**
 * Words that place a topic everywhere ("the world's wheat", "global oil supply", "international
 * trade"): they name no part of it to narrow the topic to, whatever the corpus.
 */
const EVERYWHERE_WORDS = /^(?:world|global|worldwide|international)(?:['’]s)?$/i;

/**
 * The first word of another topic that the title sets right after `t[last]` behind a preposition
 * ("with", "in", "of", "between"…, then "the" at most), when that topic is written in capitals
 * (a place, a body): the owner of the topic before it. Undefined otherwise.
 */
function linkedOwner(title: string, t: readonly Word[], last: number, topics: readonly string[], words: Pick<CorpusWords, 'isStop'>): Word | undefined {
  let k = last + 1;
  if (!t[k] || !LINKING.test(t[k].lower) || /[^\s]/.test(title.slice(t[last].end, t[k].start))) return undefined;
  k++;
  if (t[k]?.lower === 'the') k++;
  for (const other of topics) {
    const ws = wordsOf(other.replace(/[-_]+/g, ' ')).filter((w) => !words.isStop(w.lower));
    if (!ws.length || !ws.every((w) => /^\p{Lu}/u.test(w.text))) continue;
    if (ws.every((w, j) => t[k + j] && nounForms(w.lower).includes(t[k + j].lower))) return t[k];
  }
  return undefined;
}
/** Prepositions that tie a topic to whose it is. */
const LINKING = /^(?:with|in|of|on|from|to|between|for|against|toward|towards|within|among)$/;

/**
 * How much the corpus holds on a topic, among the documents the spec allows: the stories about it
 * and the documents that name it at all (a story among them).
 */
export function topicCoverage(ctx: SelectionContext, topic: string): { stories: number; documents: number } {
  let stories = 0;
  let documents = 0;
  for (const [doc, weight] of ctx.subject({ topic }).documents) {
    if (!ctx.allowed.has(doc)) continue;
    documents++;
    if (weight >= STORY) stories++;
  }
  return { stories, documents };
}

/**
 * How many of a topic's stories are within the deck's scope by their headline and lead (all of
 * them when the deck has no scope), and how many name another place there instead: "unemployment"
 * in "The US labour market" over a corpus whose jobless stories are Japan's and Finland's has
 * none within, all elsewhere.
 */
export function storiesInScope(ctx: SelectionContext, topic: string): { within: number; elsewhere: number } {
  const scope = ctx.scope();
  const stories = [...ctx.subject({ topic }).documents].filter(([doc, weight]) => ctx.allowed.has(doc) && weight >= STORY).map(([doc]) => doc);
  if (!scope?.terms.length) return { within: stories.length, elsewhere: 0 };
  ctx.prefetchHeads(stories);
  let within = 0;
  let elsewhere = 0;
  for (const doc of stories) {
    const head = ctx.head(doc);
    if (inScope(scope, '', head)) within++;
    // (Another place named up front: a story that names none is nobody's, not another place's.)
    else if (scope.actorsOf(`${head.title}. ${head.lead ?? ''}`).some((a) => !scope.actors.has(a))) elsewhere++;
  }
  return { within, elsewhere };
}

/**
 * The documents the deck title narrows a topic to ("port strikes" in "Shipping and port
 * strikes"), or undefined when it does not (`storiesTogether`, the title's part only).
 */
export function titledDocuments(ctx: SelectionContext, topic: string): Set<string> | undefined {
  const others = ctx.topics.filter((t) => topicKey(t) !== topicKey(topic)).map((t) => ctx.subject({ topic: t }));
  return storiesTogether(ctx, ctx.subject({ topic }), topic, others, true);
}

/**
 * For a request whose query is the deck's topics, each a phrase (the plan's scenarios and key
 * figures: `"sugar" "production" "prices"`), whether a line is about one of them as the deck means
 * it: it names the topic and comes from a document its slide may draw on (`titledDocuments`). An
 * EC farm-price story's green rates are no *prices* line in "Global sugar supply and prices".
 * Undefined for any other query.
 */
export function asTheDeckMeans(ctx: SelectionContext, query: string | undefined): ((claim: Claim) => boolean) | undefined {
  const phrases = [...(query ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  if (!phrases.length || (query ?? '').replace(/"[^"]+"/g, '').trim()) return undefined;
  if (!phrases.every((p) => ctx.topics.some((t) => topicKey(t) === topicKey(p)))) return undefined;
  const words = ctx.words();
  const each = phrases.map((topic) => ({ subject: ctx.subject({ topic }), docs: titledDocuments(ctx, topic) }));
  return (claim) => each.some(({ subject, docs }) => (!docs || docs.has(claim.docId)) && namesSubject(subject, words.words(claim), claim.docId));
}

/** The documents a topic's slide may draw on, worked out once per subject, deck title and topics. */
const together = new WeakMap<Subject, Map<string, Set<string> | undefined>>();

/**
 * When the deck's topics are told together (`toldWith`), or the deck title qualifies the topic
 * ("port strikes" in "Shipping and port strikes"), the documents a slide on it may draw on;
 * undefined when any document about the topic may serve. A strike story that names no port, nor
 * another of the deck's topics, is another subject. (A corpus filed in folders by subject says
 * so too: `ship/006` is a shipping story, though it speaks of seafarers only.)
 */
/** A topic written as a name among common words: "Harwell takeover bids", "FA Cup giant-killing". */
const namesItsOwn = (topic: string) => /(?:^|\s)\p{Lu}/u.test(topic) && /(?:^|\s)\p{Ll}/u.test(topic);

function storiesTogether(ctx: SelectionContext, subject: Subject, topic: string, others: readonly Subject[], titleOnly = false): Set<string> | undefined {
  const key = `${ctx.spec.title ?? ''}\u0000${ctx.topics.join('\u0000')}\u0000${topic}\u0000${titleOnly}`;
  const known = together.get(subject) ?? together.set(subject, new Map()).get(subject)!;
  if (known.has(key)) return known.get(key);
  const words = ctx.words();
  // A topic the title qualifies with another of the deck's topics ("prices" in "Global sugar
  // supply and prices", "surplus" in "Taiwan's trade surplus") is that one's, before anything the
  // deck's topics tell together: sugar's prices, not the oil prices of every production story.
  const owner = qualifyingTopic(ctx, topic, words);
  let out: Set<string> | undefined;
  if (owner) {
    const of = ctx.subject({ topic: owner });
    const { narrowed } = narrowedTo(ctx, subject, [of], stemsOf([owner]), []);
    // (A story of either: sugar's prices told in a sugar story.)
    if ([...narrowed].some((d) => (subject.documents.get(d) ?? 0) >= STORY || (of.documents.get(d) ?? 0) >= STORY)) out = narrowed;
  }
  // (Told together with what the deck means by its other topics: sugar's prices, not oil's.)
  // (A topic that names its own one among common words, "Harwell takeover bids", says which
  // already: its stories are its own whether or not they name the deck's other topics.)
  if (!out && !titleOnly && !namesItsOwn(topic)) out = toldWith(subject, asTitled(ctx, topic, others, words));
  // Told together with the deck's other topics or with what else its title names: "the Bank of
  // Japan decided to promote interest rate liberalisation" is in "The dollar, interest rates and
  // central banks" though it names neither the dollar nor the Bundesbank.
  // (A story about it: its headline or lead names every word of that angle.)
  if (out && ctx.spec.title) {
    const angle = titleAngle(ctx);
    if (angle.size) {
      const told = out;
      const docs = [...subject.documents.keys()].filter((d) => !told.has(d));
      ctx.prefetchHeads(docs);
      for (const doc of docs) {
        const { title: headline, lead } = ctx.head(doc);
        const stems = new Set(wordsOf(`${headline} ${lead ?? ''}`).map((w) => w.stem));
        if ([...angle].every((a) => stems.has(a))) told.add(doc);
      }
    }
  }
  const qualified = !out && ctx.spec.title ? titleQualifierOf(ctx.spec.title, topic, ctx.topics, words) : undefined;
  const qualifier = qualified?.stem;
  const otherStems = [...stemsOf(ctx.topics.filter((t) => topicKey(t) !== topicKey(topic)))];
  const all = [...subject.documents.values()].filter((v) => v >= STORY).length;
  if (qualifier) {
    const { narrowed, stories } = narrowedTo(ctx, subject, others, new Set([qualifier]), otherStems);
    // A qualifier that leaves the topic fewer than two stories is read as naming its field, not a
    // part of it: "Dock strikes" over a corpus whose strike stories never say "dock" keeps them all.
    // Another of the deck's topics is no field: "US–Japan semiconductor" over one story on Japan's
    // chips is that story, not every Japan trade story.
    // A word after the topic says what of it the deck is about when it picks out a part of its
    // stories ("Bank takeovers": six of 108 bank stories), not most of them ("Arctic shipping"
    // over analyses that all touch on the Arctic's sea routes): then it is the topic's whole field.
    out = stories >= (otherStems.includes(qualifier) ? 1 : NARROWED_STORIES) && (!qualified.after || stories <= all * PART) ? narrowed : undefined;
  }
  if (!out && ctx.spec.title) out = readWithin(ctx, subject, topic, others);
  // The rest of the title says what of the topic the deck is about when a part of its stories
  // names it: in "Iran, the Gulf and oil supplies", Iran's war in the Gulf, not the Iran arms
  // affair of Washington's politics that most Iran stories of a newswire tell.
  if (!out && !qualifier && ctx.spec.title) {
    const angle = titleAngle(ctx);
    if (angle.size) {
      // (Only a topic the title names: "Commodity markets" over topics tea and exports says
      // nothing of which exports.)
      const { narrowed, stories } = narrowedTo(ctx, subject, others, angle, otherStems);
      if (titleNames(ctx.spec.title, topic) && stories >= NARROWED_STORIES && stories <= all * PART) out = narrowed;
    }
  }
  known.set(key, out);
  return out;
}

/**
 * The deck's other topics' subjects (`others`, in the order of the deck's topics), each one the
 * title qualifies with a third topic ("prices" in "Global sugar supply and prices") kept to that
 * topic's documents.
 */
function asTitled(ctx: SelectionContext, topic: string, others: readonly Subject[], words: Pick<CorpusWords, 'isStop'>): Subject[] {
  const names = ctx.topics.filter((t) => topicKey(t) !== topicKey(topic));
  return others.map((o, i) => {
    const owner = names[i] ? qualifyingTopic(ctx, names[i], words) : undefined;
    if (!owner || topicKey(owner) === topicKey(topic)) return o;
    const of = ctx.subject({ topic: owner });
    return { ...o, documents: new Map([...o.documents].filter(([d]) => of.documents.has(d))) };
  });
}

/** The deck's other topic whose word the title sets to qualify this one ("sugar" for *prices* in "Global sugar supply and prices"), if any. */
function qualifyingTopic(ctx: SelectionContext, topic: string, words: Pick<CorpusWords, 'isStop'>): string | undefined {
  const title = ctx.spec.title;
  if (!title) return undefined;
  const stem = titleQualifierOf(title, topic, ctx.topics, words)?.stem;
  if (!stem) return undefined;
  return ctx.topics.find((t) => topicKey(t) !== topicKey(topic) && stemsOf([t]).has(stem));
}

/**
 * The documents of a subject that name one of `stems` or another of the deck's topics (or that a
 * corpus filed under a folder named by them), and how many of them are stories about it.
 */
function narrowedTo(ctx: SelectionContext, subject: Subject, others: readonly Subject[], stems: ReadonlySet<string>, otherStems: readonly string[]): { narrowed: Set<string>; stories: number } {
  const words = ctx.words();
  const deckStems = new Set([...stems, ...otherStems]);
  const narrowed = new Set<string>();
  // (A large corpus has thousands of documents about a topic: those about it most are read, as a
  // slide reads them, `NARROWING_READ` at most.)
  const read = subject.documents.size <= NARROWING_READ ? subject.documents.keys()
    : [...subject.documents].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, NARROWING_READ).map(([doc]) => doc);
  for (const [doc, claims] of ctx.index.ofDocuments(read)) {
    if (others.some((o) => o.documents.has(doc)) || filedUnder(doc, deckStems) || claims.some((c) => words.words(c).some((w) => stems.has(w.stem)))) narrowed.add(doc);
  }
  let stories = 0;
  for (const doc of narrowed) if ((subject.documents.get(doc) ?? 0) >= STORY) stories++;
  return { narrowed, stories };
}

/** The most documents about a topic read to narrow it by the deck title's words. */
const NARROWING_READ = 1_000;

/** Whether a deck title names a topic, in any of its noun forms ("semiconductor" for semiconductors). */
function titleNames(title: string, topic: string): boolean {
  const t = wordsOf(title).map((w) => w.lower.replace(/['’]s$/, ''));
  return wordsOf(topic.replace(/[-_]+/g, ' ')).every((w) => nounForms(w.lower).some((f) => t.includes(f)));
}

/**
 * The deck title's words beyond its topics that are no name of its scope either: "oil" and
 * "supplies" in "Iran, the Gulf and oil supplies".
 */
function titleAngle(ctx: SelectionContext): Set<string> {
  const named = new Set((ctx.scope()?.terms ?? []).flatMap((t) => t.stems));
  return new Set([...titleWordsBeyondTopics(ctx, true)].filter((s) => !named.has(s)));
}

/**
 * A topic the deck title leaves out, beside one it names, is read as the named one's: *exports*
 * in "The tea trade" (topics tea and exports) are tea's exports, not every export story of a
 * newswire; *imports* in "Who buys the world's wheat" are wheat's, not liquefied gas's, though
 * imports are told in only twice as many stories as wheat. The documents both name, when they
 * hold a story; else the topic is left whole.
 */
function readWithin(ctx: SelectionContext, subject: Subject, topic: string, others: readonly Subject[]): Set<string> | undefined {
  if (titleNames(ctx.spec.title ?? '', topic)) return undefined;
  // (A topic the title names as another's, "sugar … prices", is part of that one, not a field of its own.)
  const named = (t: string) => titleNames(ctx.spec.title ?? '', t) && !qualifyingTopic(ctx, t, ctx.words());
  const stories = (s: Subject) => [...s.documents.values()].filter((v) => v >= STORY).length;
  const titled = ctx.topics
    .filter((t) => topicKey(t) !== topicKey(topic))
    .map((t, i) => ({ t, s: others[i] ?? ctx.subject({ topic: t }) }))
    .filter(({ t, s }) => named(t) && stories(s) > 0);
  if (!titled.length) return undefined;
  const within = new Set([...subject.documents.keys()].filter((d) => titled.some(({ s }) => s.documents.has(d))));
  let kept = 0;
  for (const d of within) if ((subject.documents.get(d) ?? 0) >= STORY || titled.some(({ s }) => (s.documents.get(d) ?? 0) >= STORY)) kept++;
  return kept >= WITHIN_STORIES ? within : undefined;
}

/** A title word or phrase as a pattern: its words literal, any spacing or hyphen between them. */
function phrasePattern(t: string): string {
  return t.replace(/[-_]+/g, ' ').trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

/**
 * Whether a title writes a place as what qualifies a topic, right before it: "Iran" and "Iraq"
 * in "The Iran–Iraq war", "UK" in "The UK economy", "Russia" in "Russia's trade with China";
 * or as where it happens, after it: "Europe" in "Unemployment in Europe"; not "Iran" in "Iran,
 * the Gulf and oil supplies".
 */
function qualifies(title: string, place: string, topic: string): boolean {
  const names = '\\p{Lu}[\\p{L}.]*';
  const t = title.replace(/[-_]+(?=\p{Ll})/gu, ' ');
  return new RegExp(`(?<![\\p{L}])${phrasePattern(place)}(?:['’]s)?(?:\\s*[-–—/]\\s*${names}(?:['’]s)?)*\\s+(?:\\p{Ll}+\\s+){0,1}${phrasePattern(topic)}`, 'iu').test(t) || setsIn(title, place, topic);
}

/**
 * Whether a topic is the place the title sets another (common) topic of the deck in ("Europe" in
 * "Unemployment in Europe"): the deck's scope, whose own stories (a car maker's European earnings)
 * are not the deck's.
 */
export function settingPlace(title: string, topics: readonly string[], topic: string): boolean {
  return /^\p{Lu}/u.test(topic) && topics.some((t) => t !== topic && !/^\p{Lu}/u.test(t) && setsIn(title, topic, t));
}

/** Whether a title sets a topic in a place, right after it: "Unemployment in Europe", "Inflation across Asia". */
export function setsIn(title: string, place: string, topic: string): boolean {
  return new RegExp(`(?<![\\p{L}])${phrasePattern(topic)}\\s+(?:in|across|within|throughout)\\s+(?:the\\s+)?${phrasePattern(place)}(?![\\p{L}])`, 'iu').test(title.replace(/[-_]+(?=\p{Ll})/gu, ' '));
}

/** Whether nearly every document the spec allows is a story about a topic (`EVERYWHERE` of them, at least `EVERYWHERE_DOCUMENTS`). */
export function everywhere(ctx: SelectionContext, topic: string): boolean {
  if (ctx.allowed.size < EVERYWHERE_DOCUMENTS) return false;
  return topicCoverage(ctx, topic).stories >= EVERYWHERE * ctx.allowed.size;
}
const EVERYWHERE = 0.8;
const EVERYWHERE_DOCUMENTS = 3;

/**
 * A topic the deck title leaves out, beside places or bodies it names as topics ("influence" in
 * "Russia and China in Central Asia"), is read in the passages about them: a line whose paragraph,
 * or the one before or after it, names one. A long analysis names every topic somewhere; which
 * influence it means, the passage says. Undefined when the title names the topic itself or no
 * other topic that is a name.
 */
function passagesWithin(ctx: SelectionContext, topic: string, pool: Iterable<Claim>): ((claim: Claim) => boolean) | undefined {
  const title = ctx.spec.title ?? '';
  if (!title) return undefined;
  const words = ctx.words();
  // A topic the title gives another topic's possessive is read the same way, near that one only:
  // "Indonesia's commodity exports" are in the passages about Indonesia, not the tin exports of
  // the other producers a story about Indonesia's tin quota goes on to list.
  const owner = titleNames(title, topic) ? titleQualifierOf(title, topic, ctx.topics, words) : undefined;
  // A place nearly every document is about ("Russia" in analyses of Russia and China) picks no
  // line: in "Russia's trade with China", its slide is Russia's side of the trade, read in the
  // lines about what the title asks (the title's topics that are no place, told less widely).
  // So is a place the title names as what qualifies such a topic ("The Iran–Iraq war", "The UK
  // economy"): Iran's slide is Iran at war, not the Iran arms affair of Washington's politics.
  const common = titleNames(title, topic) && termOf(topic.replace(/[-_]+/g, ' '), words).proper
    ? ctx.topics.filter((t) => topicKey(t) !== topicKey(topic) && titleNames(title, t) && !termOf(t.replace(/[-_]+/g, ' '), words).proper)
    : [];
  const widely = common.length && everywhere(ctx, topic);
  const within = widely ? common.filter((t) => !everywhere(ctx, t)).map((t) => ctx.subject({ topic: t })) : [];
  // (A place that qualifies the topic is read in the stories that name it: "war" anywhere in a story on Iran.)
  const qualified = !widely ? common.filter((t) => qualifies(title, topic, t)).map((t) => ctx.subject({ topic: t })) : [];
  if (qualified.length) return (claim) => qualified.some((s) => s.documents.has(claim.docId));
  if (titleNames(title, topic) && !owner?.owner && !within.length) return undefined;
  // (Places and bodies set the scene: "Central Asia", "the Soviet Union"; a common word the title
  // names, "leverage", is one more subject beside the other.)
  const named = within.length ? within : ctx.topics
    .filter((t) => topicKey(t) !== topicKey(topic) && titleNames(title, t) && termOf(t.replace(/[-_]+/g, ' '), words).proper)
    .filter((t) => !owner || stemsOf([t]).has(owner.stem))
    .map((t) => ctx.subject({ topic: t }));
  if (!named.length) return undefined;
  // (The line itself says it: an analysis's paragraph on trade goes on to media and the military.)
  if (within.length) return (claim) => within.some((s) => namesSubject(s, words.words(claim), claim.docId));
  // A document's passages are worked out once per deck and topic (a bottom line asks each topic's
  // slide again for every line it weighs); the pool's new documents are read at once.
  const byTopic = passages.get(ctx) ?? passages.set(ctx, new Map()).get(ctx)!;
  const near = byTopic.get(topicKey(topic)) ?? byTopic.set(topicKey(topic), new Map()).get(topicKey(topic))!;
  const docs = new Set<string>();
  for (const c of pool) if (!near.has(c.docId)) docs.add(c.docId);
  if (docs.size) for (const [doc, claims] of ctx.index.ofDocuments(docs)) {
    const paragraphs = new Set<number>();
    // A story whose headline or lead names the owner is the owner's throughout ("Indonesian tea,
    // cocoa exports seen up": its cocoa exports are Indonesia's).
    if (owner) {
      const { title: headline, lead } = ctx.head(doc);
      if (named.some((s) => namesSubject(s, wordsOf(`${headline} ${lead ?? ''}`), doc))) for (const c of claims) paragraphs.add(c.paragraph);
    }
    for (const c of claims) {
      // (A possessive owner is the paragraph's own: the next one may list another's exports.)
      // (An owner after a preposition, "influence in Central Asia", sets the scene as a place does.)
      if (named.some((s) => namesSubject(s, words.words(c), c.docId))) for (const p of owner && !owner.linked ? [c.paragraph] : [c.paragraph - 1, c.paragraph, c.paragraph + 1]) paragraphs.add(p);
    }
    near.set(doc, paragraphs);
  }
  return (claim) => near.get(claim.docId)?.has(claim.paragraph) ?? false;
}

/** The paragraphs near a place the title names, by deck, topic and document (`passagesWithin`). */
const passages = new WeakMap<SelectionContext, Map<string, Map<string, Set<number>>>>();

/**
 * Stories (of either topic) the documents naming both must hold for a topic to be read within one
 * the title names: one is enough, since the title names the narrow one ("The tea trade" over one tea
 * story is about tea's exports still, not every export story of a newswire).
 */
const WITHIN_STORIES = 1;


/** The most of a topic's stories a word after it in the title may keep and still narrow it. */
const PART = 0.5;

/** Stories about a topic a title's qualifier must leave for it to narrow the topic. */
const NARROWED_STORIES = 2;

/** Sentences read to work out what a subject's documents are. */
const SUBJECT_CANDIDATES = 20_000;
/**
 * The most sentences a request looks at (its bm25 hits and pinned claims always among them);
 * `words.ts` remembers the words of more than these (`REMEMBERED`).
 */
export const POOL_CLAIMS = 20_000;
/** Documents whose sentences are asked of the store at once. */
const DOCUMENTS_READ = 200;

/** What a story about a topic in another sense than the deck's weighs: below a story, as a passing mention (`sense.ts`). */
const OTHER_SENSE = 0.5;

/** The weight of a line from a document that names the subject once, in passing, against one from a story about it. */
const PASSING = 0.4;

/** The weight of a line from a story about none of the deck's other topics, against one about another too. */
const ALONE_TOPIC = 0.6;

/** What using a word of the deck's title that names no topic adds to a line's relevance. */
const ANGLE_BONUS = 0.1;

/** What using a word of the slide's own title adds to a line's relevance. */
const TITLE_BONUS = 0.2;

/** Claims the spec's `include:` names, found once per spec. */
const pinnedCache = new WeakMap<EvidenceIndex, WeakMap<EvidenceFilterSpec, readonly Claim[]>>();
function pinnedClaims(index: EvidenceIndex, spec: EvidenceFilterSpec): readonly Claim[] {
  if (!spec.include?.length) return [];
  const bySpec = pinnedCache.get(index) ?? pinnedCache.set(index, new WeakMap()).get(index)!;
  let pinned = bySpec.get(spec);
  if (!pinned) {
    const found: Claim[] = [];
    for (const c of index.all()) if (isPinned(c, spec)) found.push(c);
    pinned = found;
    bySpec.set(spec, pinned);
  }
  return pinned;
}

/** The best `limit` claims for a request, diverse and new to this deck. Records them in the ledger. */
export function selectClaims(ctx: SelectionContext, request: ClaimRequest): RankedClaim[] {
  const prefs = { ...ctx.prefs, ...request.prefs };
  // The request's own test (compression, standing alone) is costly: it is asked only of the
  // claims ranked high enough to be considered, which picks the same claims.
  const { accept, ...unfiltered } = request;
  const originals = new Map<string, Claim>();
  const passing = new Set<string>();
  const ranked = retrieve(ctx, unfiltered).map((c) => {
    if (c.passing) passing.add(c.claim.id);
    const candidate = prefs.centrality ? { ...c, centrality: ctx.centrality(c.claim) } : c;
    originals.set(c.claim.id, c.claim);
    return { ...c.claim, score: scoreCandidate(candidate, prefs) };
  });
  // A story that names a topic in passing ("the weaker dollar" in a company's results, "ready
  // for shipping in May") is a source only when the corpus has no story about it: where its
  // stories' lines are shown already (in the bottom line) or cannot stand alone, a slide runs
  // short instead.
  const options = {
    sameStory: ctx.sameStory,
    // (A line the spec names with `include:` is the author's: only a near-copy of one shown is a repeat.)
    repeatsShown: (words: Set<string>, c?: Claim) => ctx.ledger.repeats(words, !c || !isPinned(c, ctx.spec)),
    accept: accept && ((c: RankedClaim) => accept(originals.get(c.id) ?? c)),
  };
  // One actor's news (a small company's notice, one mine's reserves: `protagonistWeight`), or a
  // brief, fills a slide only where the stories the corpus returns to leave it short.
  // (A line the spec names with `include:` is the author's call, wherever it comes from.)
  const lone = (c: RankedClaim) => ctx.aside(c.docId) && !isPinned(c, ctx.spec);
  const main = ranked.filter((c) => !passing.has(c.id) && !lone(c));
  const picked = diversify(main, { ...options, limit: request.limit });
  // Further lines from a pool kept back, none repeating one picked already.
  const topUp = (pool: RankedClaim[], test = options.accept, upTo = request.limit) => {
    const first = picked.map((p) => contentWords(p.text));
    const repeatsShown = (words: Set<string>, c?: Claim) => options.repeatsShown(words, c) || first.some((w) => nearDuplicate(words, w));
    picked.push(...diversify(pool, { ...options, accept: test, repeatsShown, limit: upTo - picked.length }));
  };
  const short = () => picked.length < FULL_SLIDE && picked.length < request.limit;
  // A longer sentence from the stories the corpus returns to comes before one actor's news.
  const longer = request.acceptLonger;
  // (Only as many as make the slide: a longer line is not padding.)
  if (short() && longer) topUp(main, (c) => longer(originals.get(c.id) ?? c), Math.min(FULL_SLIDE, request.limit));
  const longest = request.acceptLongest;
  if (picked.length < THIN_SLIDE && picked.length < request.limit && longest) topUp(main, (c) => longest(originals.get(c.id) ?? c), Math.min(THIN_SLIDE, request.limit));
  if (short()) topUp(ranked.filter((c) => !passing.has(c.id) && lone(c)));
  // (A pool asked for without recording, which the caller sifts further, takes both.)
  // (A section's own query, several words the author chose, may take a passing mention that holds them.)
  const stories = !!request.topic && (ranked.length > passing.size || (passing.size > 0 && topicCoverage(ctx, request.topic).stories > 0));
  if ((request.dryRun ? picked.length < request.limit : !picked.length && !stories) && passing.size) {
    topUp(ranked.filter((c) => passing.has(c.id)));
  } else if (!request.dryRun && short() && passing.size && ctx.spec.title) {
    // A passing mention that also says what the deck's title asks about ("Russia has become a
    // major supplier of oil and gas to China" in "China's oil and gas imports from Russia") is
    // about the deck, wherever it is said: it fills a slide the topic's stories leave short.
    const onTitle = titleLines(ctx);
    topUp(ranked.filter((c) => passing.has(c.id) && onTitle(c)));
    // A slide its stories leave empty (their lines in the bottom line, or none standing alone)
    // takes the passing mentions whose subject is the topic in so many words, named as the
    // sentence opens ("AMR Corp's American Airlines said it will buy 40 long-range jet aircraft"
    // on *Airlines*; not "…unless they get the prime minister's job" on *Jobs*): a thin slide
    // rather than none.
    if (!picked.length && request.topic) {
      const subject = ctx.subject(request);
      const words = ctx.words();
      const opensOn = (c: Claim) => {
        const all = words.words(c);
        const at = all.findIndex((w) => w.start >= datelineLength(c.text));
        const ws = (at > 0 ? all.slice(at) : all).slice(0, SUBJECT_WORDS + 1);
        // Before the sentence's first verb, where a tagger says which that is.
        const tagged = ctx.tags?.(ws.map((w) => w.text).join(' '));
        const verb = tagged?.length === ws.length ? tagged.findIndex((t) => t === 'VERB' || t === 'AUX') : -1;
        // (Without one, only a name's words may come before it: "AMR Corp's American Airlines".)
        return subject.phrases.some((t) => {
          const i = findTerm(t, ws);
          return i >= 0 && (tagged?.length === ws.length ? i < (verb >= 0 ? verb : SUBJECT_WORDS) : ws.slice(0, i).every((w) => /^\p{Lu}/u.test(w.text)));
        });
      };
      topUp(ranked.filter((c) => passing.has(c.id) && opensOn(originals.get(c.id) ?? c)), undefined, Math.min(THIN_SLIDE, request.limit));
    }
  }
  // No padding: a line far weaker than the slide's best says the corpus has little more on the
  // subject; the slide runs shorter instead.
  const best = Math.max(...picked.map((c) => c.score));
  const kept = request.dryRun ? picked : picked.filter((c, i) => i === 0 || c.score >= PADDING * best || isPinned(c, ctx.spec));
  if (!request.dryRun) for (const c of kept) ctx.ledger.record(c);
  return kept;
}

/**
 * Whether a line says what the deck's title asks about in TITLE_WORDS_PASSING of the title's words
 * beyond its topics ("Russia's dependence on China" in "What the war in Ukraine changed between
 * Russia and China"; "ready for shipping in May" does not).
 */
function titleLines(ctx: SelectionContext): (c: Claim) => boolean {
  const asked = titleWordsBeyondTopics(ctx);
  return (c) => new Set(ctx.words().words(c).filter((w) => asked.has(w.stem)).map((w) => w.stem)).size >= TITLE_WORDS_PASSING;
}

/** Lines from the stories the corpus returns to that make a slide without one actor's news. */
export const FULL_SLIDE = 3;
/** Fewer lines than this leave a slide without its subject's main story. */
export const THIN_SLIDE = 2;

/**
 * A headline as a story's key: its words' stems, without bracketed notes ("(RPT)", "<CMAC.S>"), so
 * that a story filed again with a word changed ("…lower costs helped return to profits") is one.
 */
export function storyKey(headline: string): string {
  return headlineWords(headline.replace(/\([^()]*\)/g, ' ')).map((w) => w.stem).join(' ');
}

/**
 * A lead's first sentence as a story's key, past any dateline: its words in lower case. Empty when
 * it has fewer than LEAD_KEY_WORDS words (a short opening is common to many stories).
 */
export function leadKey(lead: string): string {
  const text = lead.replace(/\s+/g, ' ');
  const first = text.slice(datelineLength(text)).split(/(?<=[.!?])\s+(?=["“]?\p{Lu})/u)[0] ?? '';
  const words = wordsOf(first).map((w) => w.lower);
  return words.length >= LEAD_KEY_WORDS ? words.join(' ') : '';
}
const LEAD_KEY_WORDS = 8;

/** Share of the slide's best score a further line must reach. */
const PADDING = 0.6;

/** Words of the deck title beyond its topics a passing mention must also name to stand in for the topic's stories. */
const TITLE_WORDS_PASSING = 2;
/** Words a sentence's subject runs to, at most, before its verb ("AMR Corp's American Airlines said"). */
const SUBJECT_WORDS = 6;

/**
 * The stems of the deck title's words that are neither stopwords nor a topic's ("port" in
 * "Shipping and port strikes"); with `lettersOnly`, words of letters alone ("U.S." is no word).
 */
function titleWordsBeyondTopics(ctx: SelectionContext, lettersOnly = false): Set<string> {
  const words = ctx.words();
  const topicStems = stemsOf(ctx.topics);
  return new Set(
    wordsOf(ctx.spec.title ?? '')
      .filter((w) => !words.isStop(w.lower) && w.text.length > 2 && (!lettersOnly || /^\p{L}+$/u.test(w.text)) && !topicStems.has(w.stem))
      .map((w) => w.stem),
  );
}

/** The stems of topics' words ("arms-trade": arm, trade). */
function stemsOf(topics: readonly string[]): Set<string> {
  return new Set(topics.flatMap((t) => wordsOf(t.replace(/[-_]+/g, ' ')).map((w) => w.stem)));
}

/** Records claims picked with `dryRun` as shown, once the caller has settled on them. */
export function recordShown(ctx: SelectionContext, claims: Iterable<Claim>): void {
  for (const c of claims) ctx.ledger.record(c);
}

/**
 * Whether a request matches any claim in the corpus at all: before the spec's filters, whatever
 * the deck already shows. Tells "nothing in the corpus" from "nothing left".
 */
export function matchesAnything(ctx: SelectionContext, request: Pick<ClaimRequest, 'query' | 'topic'>): boolean {
  // The answer depends on the corpus and the words asked for only: a deck whose slides run empty
  // on the same topic asks it once.
  const answers = matched.get(ctx) ?? matched.set(ctx, new Map()).get(ctx)!;
  const key = `${request.query ?? ''}\u0000${request.topic ?? ''}`;
  let found = answers.get(key);
  if (found === undefined) {
    const unfiltered: SelectionContext = { ...ctx, spec: {}, ledger: new Ledger(), allowed: new Set(ctx.store.documents().map((d) => d.id)) };
    found = retrieve(unfiltered, { query: request.query, topic: request.topic, limit: 1 }).length > 0;
    answers.set(key, found);
  }
  return found;
}

/** `matchesAnything`'s answers, by deck and words asked for. */
const matched = new WeakMap<SelectionContext, Map<string, boolean>>();
