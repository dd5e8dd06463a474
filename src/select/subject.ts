/**
 * What a slide is about, and whether a sentence is about it. A bag of words matched anywhere
 * ("80% of my costs are labour." under *Labour*, "palm oil" under *oil prices*, "Union Bank" under
 * *Soviet Union*) is not enough: a sentence is about a subject when it names it.
 *
 * - A topic or quoted phrase matches as a phrase: its words in order, one word between at most
 *   ("oil prices", "prices of crude oil"), each word in any inflection.
 * - A capitalised name matches case-sensitively (Labour the party, not labour costs). At the start
 *   of a sentence, where every word is capitalised, a one-word name counts only when it is an
 *   acronym or the sentence names it again.
 * - A free-text query matches by coverage: at least two of its words (all when it has fewer).
 * - Words the corpus uses with the subject (the topic's keywords in `topics.yaml`, or, without
 *   them, pseudo-relevance feedback: the words most typical of the documents that name the
 *   subject) count when a sentence holds two of them and comes from such a document.
 * - Scope: the places and actors the deck's title names ("UK economy") hold for every slide. A
 *   sentence that names another of the corpus's actors and none of them is out of scope; one that
 *   names none is in scope when its document's title or lead names one.
 */
import type { Claim, CorpusDocument } from '../model.ts';
import { kinWord } from './kin.ts';
import { headlineWords, isName, sentenceKey, stem, wordsOf, type CorpusWords, type Word } from './words.ts';
import { datelineLength, fromCapitals } from '../text.ts';
import { canonicalActor, countriesOf, demonymPlace, membersOf, namesMemberOf, WATERS } from '../corpus/actors.ts';
import { TITLES } from '../corpus/gazetteer.ts';

export interface SubjectTerm {
  /** As the spec or corpus writes it. */
  text: string;
  stems: string[];
  /** Match case-sensitively: a name. */
  proper: boolean;
  /** The corpus never writes the word otherwise ("Russia", unlike "Labour"): a name even at the start of a sentence. */
  alwaysName?: boolean;
  /**
   * For a name the spec writes partly in lower case ("Canadian dollar"): which of its words are
   * capitalised, and so must be in a sentence too; absent, every word must be.
   */
  capitals?: boolean[];
  /**
   * For a common word: the forms of each word that keep its sense, lower case (its plural or
   * singular and possessive: "strike", "strikes"; not "striking" nor "shipped"). Absent: any
   * word with the same stem (a keyword the corpus's topics.yaml writes with `*`, a word of a
   * free-text query, which needs a second word beside it anyway).
   */
  forms?: string[][];
  /**
   * For a common word of a free-text query: the word as written, which a sentence's word must
   * inflect ("changes", "changing" for "change"), not derive from ("success" is not "succession",
   * though both stem to "success").
   */
  inflects?: string;
  /** A query word the corpus writes together with this one ("interest" and "payments"): one counts only with the other. */
  partner?: SubjectTerm;
  /** For a common word: the word of its family a stemmer keeps apart (`kinWord`: "protectionist" for "protectionism"). */
  kin?: Array<{ stem: string; lower: string } | undefined>;
}

export interface Subject {
  label: string;
  /** Phrases a sentence about the subject names (any one). */
  phrases: SubjectTerm[];
  /** Free-text query words; a sentence needs `minHits` of them, or one of the `specific` ones. */
  query: SubjectTerm[];
  minHits: number;
  specific: Set<SubjectTerm>;
  /**
   * Places and bodies among the query words ("Brazil" in "Brazil moratorium"): a line must name
   * one, or come from a document whose title or lead does (`namedDocuments`). Other names
   * ("S-400") are words of the query like any other.
   */
  names: SubjectTerm[];
  namedDocuments: Set<string>;
  /**
   * Lead sentences of documents whose headline names the subject though the lead does not ("JANUARY
   * HOUSING SALES DROP": "Sales of previously owned homes dropped 14.5 pct…"): a headline states
   * what its lead reports, so the lead is about the subject.
   */
  headlinedLeads?: Set<string>;
  /** Words typical of the subject, weighted 0..1. */
  related: Map<string, number>;
  /** Documents that name the subject, with how strongly (0..1). */
  documents: Map<string, number>;
  /**
   * Documents whose headline or lead names the subject: only there do words typical of it speak
   * for it ("approval rating" in a story that says "his job" twice further down is not about jobs).
   */
  ledDocuments?: Set<string>;
}

export interface Scope {
  terms: SubjectTerm[];
  /** The actors the scope terms name, canonical ("US" and "Washington" are both United States). */
  actors: Set<string>;
  /**
   * The deck's topics that are names ("Bundesbank" in "West Germany's economy and the
   * Bundesbank"): a line or story that names one is within the deck, as one naming a scope term.
   */
  within: SubjectTerm[];
  /** The actors a sentence names (canonical), from the corpus stage's gazetteer. */
  actorsOf: (text: string) => string[];
  /**
   * Where the scope holds the corpus's home (`select/home.ts`): whether a document names no place
   * at all, and so is the home's.
   */
  homeStory?: (docId: string) => boolean;
}

/** A phrase as a term: proper when any word is capitalised (as the user wrote it) or the corpus writes it as a name. */
export function termOf(text: string, corpus?: CorpusWords, anyForm = false): SubjectTerm {
  const words = wordsOf(text);
  const proper = words.some((w) => /^\p{Lu}/u.test(w.text)) || (!!corpus && words.length > 0 && words.every((w) => corpus.isName(w.text)));
  const alwaysName = !!corpus && words.length === 1 && (corpus.isName(words[0].text) || corpus.neverLower(words[0].text));
  const capitals = words.map((w) => /^\p{Lu}/u.test(w.text));
  const mixed = proper && capitals.some((c) => !c) && capitals.some((c) => c);
  if (proper || anyForm) return { text, stems: words.map((w) => stem(w.text)), proper, alwaysName, ...(mixed ? { capitals } : {}) };
  return { text, stems: words.map((w) => stem(w.text)), proper, alwaysName, forms: words.map((w) => formsOf(w.lower)), ...kinOf(words.map((w) => w.lower)) };
}

/** The kin of a common term's words (`kinWord`), when any has one. */
function kinOf(lowers: readonly string[]): Pick<SubjectTerm, 'kin'> {
  const kin = lowers.map((l) => {
    const k = kinWord(l);
    return k ? { stem: stem(k), lower: k } : undefined;
  });
  return kin.some(Boolean) ? { kin } : {};
}

/**
 * The forms of a common word that keep its sense: its singular and plural, and for a word in
 * "-ing" that names an activity ("shipping", "banking", "mining") the thing it is done with too
 * ("ships", "bank", "mine"), though not the verb ("shipped").
 */
function formsOf(word: string): string[] {
  const base = word.endsWith('ing') ? stem(word) : undefined;
  return base && base !== word ? [...nounForms(word), ...nounForms(base)] : nounForms(word);
}

/** A word's singular and plural: "quota", "quotas"; "price", "prices"; "economy", "economies". */
export function nounForms(word: string): string[] {
  const out = new Set([word, `${word}s`, `${word}es`]);
  if (word.endsWith('ies')) out.add(`${word.slice(0, -3)}y`);
  if (word.endsWith('y')) out.add(`${word.slice(0, -1)}ies`);
  if (word.endsWith('es')) out.add(word.slice(0, -2));
  if (word.endsWith('s')) out.add(word.slice(0, -1));
  return [...out];
}

/** Where a term occurs in a sentence's words (index of its first word), or -1. */
export function findTerm(term: SubjectTerm, words: readonly Word[]): number {
  const n = term.stems.length;
  if (!n) return -1;
  const first = term.stems[0];
  for (let i = 0; i < words.length; i++) {
    if (!same(term, 0, words[i])) continue;
    // "British and Commonwealth Shipping Plc", "Gold Fields said": a common word in capitals
    // beside another is part of a name, not the subject.
    if (!term.proper && /^\p{Lu}/u.test(words[i].text) && !headline(words) && partOfName(words, i, i + n - 1)) continue;
    // "Gulf Applied Technologies Inc": a place a company is named after is not the company's story.
    if (term.proper && !headline(words) && partOfName(words, i, i + n - 1, true)) continue;
    // "New Mexico", "the Gulf of Mexico": another place named after the term's (as the gazetteer reads them).
    if (term.proper && i > 0 && ((words[i - 1].text === 'New' && words[i].start - words[i - 1].end === 1) || (i > 1 && words[i - 1].text === 'of' && WATERS.test(words[i - 2].text)))) continue;
    // "<TIN>", "IP": a common word written in capitals in running text is a ticker or an acronym.
    if (!term.proper && /^\p{Lu}{2,}$/u.test(words[i].text) && !headline(words)) continue;
    // "188,000 yen", "44 billion dollars", "hundreds of thousands of dollars": a unit after a
    // number measures something else.
    if (i > 0 && MEASURE.test(words[i - 1].lower) && words[i].start - words[i - 1].end <= 2) continue;
    if (i > 1 && words[i - 1].lower === 'of' && MEASURE.test(words[i - 2].lower) && /s$/.test(words[i - 2].lower)) continue;
    // "could influence prospects": a topic noun used as a verb is not the subject.
    if (!term.proper && n === 1 && i > 0 && VERB_BEFORE.test(words[i - 1].lower)) continue;
    if (n === 1) {
      if (term.proper && !term.alwaysName && i === 0 && !/^\p{Lu}{2,}$/u.test(words[i].text.replace(/\./g, '')) && !words.slice(1).some((w) => same(term, 0, w))) continue;
      return i;
    }
    // In order, at most one word between each.
    let at = i;
    let ok = true;
    for (let k = 1; k < n && ok; k++) {
      const next = words.slice(at + 1, at + 3).findIndex((w) => same(term, k, w));
      if (next < 0) ok = false;
      else at += next + 1;
    }
    if (ok) return i;
    // "prices of crude oil": a lower-case pair the other way round, across "of".
    if (!term.proper && n === 2 && first) {
      const back = words.slice(Math.max(0, i - 4), i);
      if (back.some((w) => same(term, 1, w)) && back.some((w) => w.lower === 'of')) return i;
    }
  }
  return -1;
}

/** Endings that inflect a word (plural, past, participle), after the letters two forms share. */
const INFLECTION = /^(?:|e|s|es|ed|d|ing|y|ies|ied)$/;

/**
 * Whether two words of one stem are forms of one word: what follows the letters they share is an
 * inflection on both sides ("rate", "rating"; "economy", "economies"; "stop", "stopped"), or an
 * adjective's quality ("reliable", "reliability"), not another derivation ("success", "succession";
 * "compete", "competition").
 */
export function inflection(a: string, b: string): boolean {
  // An adjective's quality keeps its sense: "reliable", "reliability"; "visible", "visibility".
  const quality = (w: string) => w.replace(/(?<=[ai])bilit(?:y|ies)$/, 'ble').replace(/(?<=[ai])bly$/, 'ble');
  [a, b] = [quality(a), quality(b)];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const ending = (rest: string) => INFLECTION.test(rest) || (p > 0 && rest[0] === a[p - 1] && /^.(?:ed|ing)$/.test(rest));
  return ending(a.slice(p)) && ending(b.slice(p));
}

/** A title in capitals or in title case ("ICO PRODUCERS TO PRESENT NEW COFFEE PROPOSAL"): every word looks like a name. */
function headline(words: readonly Word[]): boolean {
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w.text)).length >= 0.75 * words.length;
}

/**
 * Whether words `first`..`last` are part of a company's name: a run of capitalised words that
 * ends in "Plc", "Inc", "Corp"… ("British and Commonwealth Shipping Plc"). A body named after its
 * subject ("International Coffee Organization") is about it, and stays.
 */
function partOfName(words: readonly Word[], first: number, last: number, companyOnly = false): boolean {
  // A capitalised word joined to the one before by a space only ("U.K. Money supply, Sterling M3"
  // is two phrases).
  const joined = (k: number) => k === 0 || words[k].start - words[k - 1].end === 1;
  const cap = (k: number) => k >= 0 && k < words.length && /^\p{Lu}/u.test(words[k].text) && (k === first || joined(k));
  let k = last + 1;
  for (; k <= last + 3 && cap(k); k++) {
    if (COMPANY.test(words[k].text)) return true;
    // "International Coffee Organization", "Brazilian Coffee Institute": named after its subject.
    if (BODY.test(words[k].text)) return false;
  }
  if (companyOnly) return false;
  // Inside a longer name, capitals on both sides ("Consolidated Natural Gas System's", "Alaska
  // Housing Finance"): a company's or an agency's, not the subject.
  return k > last + 1 && first > 0 && cap(first - 1) && joined(first) && !/\.$/.test(words[first - 1].text);
}

/** Names of bodies that are about what they are named after. */
const BODY = /^(?:Organi[sz]ation|Council|Association|Agency|Commission|Board|Federation|Institute|Committee|Exchange|Union|Ministry|Department|Bureau|Authority|Office|Conference|Agreement|Pact|Forum|Society|Centre|Center|Study)s?['’]?s?$/;

const COMPANY = /^(?:Plc|PLC|Inc|Corp|Corporation|Co|Cos|Ltd|Limited|LLC|Group|Holdings|AG|SA|NV|BV|GmbH|Bhd|Berhad|SpA|Oyj|ASA)$/;

const VERB_BEFORE = /^(?:to|will|would|could|can|may|might|must|should|shall|did|does|do|not|cannot)$/;
const MEASURE = /^(?:\d[\d,.]*|mln|millions?|billions?|bln|bn|thousands?|trillions?|hundreds?|dozens?|tens)$/;

function same(term: SubjectTerm, k: number, w: Word): boolean {
  // "protectionist pressure" names protectionism: the kin word, in its own forms (which a
  // stemmer may give the word's own stem: "file-sharers" and "file-sharing").
  const kin = () => {
    const kin = term.kin?.[k];
    return !!kin && kin.stem === w.stem && inflection(kin.lower, w.lower.replace(/['’]s$/, ''));
  };
  if (term.stems[k] !== w.stem) return kin();
  if (!term.proper) {
    // "shipped" is not shipping, "striking" not strikes: the same word, singular or plural.
    if (term.forms && !term.forms[k].includes(w.lower.replace(/['’]s$/, ''))) return kin();
    if (term.inflects && !inflection(term.inflects, w.lower.replace(/['’]s$/, ''))) return false;
    return true;
  }
  // A name: the sentence writes it capitalised too (or all in capitals); a word the spec writes in
  // lower case within it ("dollar" in "Canadian dollar") in either case.
  return term.capitals?.[k] === false || /^\p{Lu}/u.test(w.text);
}

/**
 * A sentence's aboutness, per subject and sentence (`sentenceKey`: a claim's words are one sentence
 * for as long as the statistics that read them remember them: a rebuild over the same corpus asks
 * again for the same).
 */
const aboutnessKnown = new WeakMap<Subject, WeakMap<object, Map<string, number>>>();

/**
 * 0..1: how squarely a sentence is about the subject; 0 when it is not. With the sentence's
 * `claimId`, a headlined story's lead counts (`Subject.headlinedLeads`).
 */
export function aboutness(subject: Subject, words: readonly Word[], docId: string, claimId?: string): number {
  const own = aboutnessIn(subject, words, docId);
  return own === 0 && claimId !== undefined && subject.headlinedLeads?.has(claimId) ? HEADLINED_LEAD : own;
}

function aboutnessIn(subject: Subject, words: readonly Word[], docId: string): number {
  let bySentence = aboutnessKnown.get(subject);
  if (!bySentence) aboutnessKnown.set(subject, (bySentence = new WeakMap()));
  const sentence = sentenceKey(words);
  let byDocument = bySentence.get(sentence);
  if (!byDocument) bySentence.set(sentence, (byDocument = new Map()));
  let known = byDocument.get(docId);
  if (known === undefined) byDocument.set(docId, (known = aboutnessOf(subject, words, docId)));
  return known;
}

/**
 * Whether a sentence names the subject in its own words (a phrase of it, or enough query words),
 * not only through words typical of its stories.
 */
export function namesSubject(subject: Subject, words: readonly Word[], docId: string): boolean {
  return subject.phrases.some((t) => findTerm(t, words) >= 0 || namesHead(t, words, docId, subject) || namesDemonym(t, words) || namesMember(t, words)) || queryHits(subject, words, docId) > 0;
}

/**
 * A story about "export quotas" goes on to say "quotas": in a document about a phrase of several
 * words (`STORY`), its last word alone names it.
 */
function namesHead(term: SubjectTerm, words: readonly Word[], docId: string, subject: Subject): boolean {
  const n = term.stems.length;
  if (n < 2 || term.proper || (subject.documents.get(docId) ?? 0) < STORY) return false;
  const head: SubjectTerm = { text: term.text, stems: [term.stems[n - 1]], proper: false, ...(term.forms ? { forms: [term.forms[n - 1]] } : {}) };
  return findTerm(head, words) >= 0;
}

function aboutnessOf(subject: Subject, words: readonly Word[], docId: string): number {
  if (subject.phrases.some((t) => findTerm(t, words) >= 0)) return 1;
  if (subject.phrases.some((t) => namesDemonym(t, words) || namesMember(t, words))) return DEMONYM_ABOUT;
  const hits = queryHits(subject, words, docId);
  if (hits > 0) return Math.min(1, 0.6 + 0.4 * (hits / Math.min(4, subject.query.length)));
  // Words typical of the subject speak for it only in a story about it, not one that names it once.
  const doc = subject.documents.get(docId) ?? 0;
  if (doc >= STORY && subject.related.size && subject.ledDocuments?.has(docId)) {
    const seen = new Set<string>();
    let weight = 0;
    for (const w of words) {
      const r = subject.related.get(w.stem);
      if (r && !seen.has(w.stem)) {
        seen.add(w.stem);
        weight += r;
      }
    }
    if (seen.size >= RELATED_HITS) return Math.min(0.8, 0.4 + 0.2 * weight) * (0.5 + 0.5 * doc);
  }
  return 0;
}

/** "Chinese", "Russian", "Brazilian" for China, Russia, Brazil: the people or things of a place. */
function namesPeople(name: SubjectTerm, words: readonly Word[]): boolean {
  if (name.stems.length !== 1 || name.text.length < 5) return false;
  const root = name.text.slice(0, -1);
  return words.some((w) => w.text.startsWith(root) && w.text.length > name.text.length);
}

/**
 * Whether a sentence names a place's people or things by the place's adjective: "Japanese
 * chipmakers" for Japan, "Russian gas" for Russia, "Brazilian", "Canadian", "Israeli"; not
 * "Indiana" for India, nor "Chinatown" for China.
 */
function namesDemonym(name: SubjectTerm, words: readonly Word[]): boolean {
  if (!name.proper) return false;
  // The country's own adjective, as the gazetteer gives it ("British" for the UK, "Dutch").
  // (Of the country's own name, not a seat of power standing for it: "Russian" names Russia, not
  // "the Kremlin"; "UK", "Britain", "America" are names of the country.)
  const place = canonicalActor(name.text);
  const countryName = (adjective: string) => name.text === place || /^[\p{Lu}.]+$/u.test(name.text) || name.text.slice(0, 3).toLowerCase() === adjective.slice(0, 3).toLowerCase();
  if (words.some((w, i) => {
    const t = w.text.replace(/['’]s$/, '');
    return demonymPlace(t) === place && countryName(t) && !inName(words, i);
  })) return true;
  if (name.stems.length !== 1 || name.text.length < 5 || !/^\p{Lu}\p{Ll}+$/u.test(name.text)) return false;
  const root = name.text.slice(0, -1);
  return words.some((w, i) => {
    const t = w.text.replace(/['’]s$/, '');
    return ((t.startsWith(root) && DEMONYM.test(t.slice(root.length))) || (t.startsWith(name.text) && DEMONYM.test(t.slice(name.text.length)))) && !inName(words, i);
  });
}

/**
 * Whether a sentence names one of the countries of a region the subject names ("Brazil",
 * "Mexican" for Latin America). (A headline in capitals is read as a name: "BRAZIL" is Brazil.)
 */
function namesMember(name: SubjectTerm, words: readonly Word[]): boolean {
  if (!name.proper || !membersOf(name.text).length) return false;
  return namesMemberOf(name.text, words.map((w) => (/^\p{Lu}{4,}$/u.test(w.text) ? w.text[0] + w.text.slice(1).toLowerCase() : w.text)).join(' '));
}

/**
 * Whether the adjective at `i` opens a name ("American Express", "British Airways"): the next word
 * follows it directly in capitals and is no title ("British Prime Minister" is the country's).
 */
function inName(words: readonly Word[], i: number): boolean {
  const next = words[i + 1];
  return !!next && next.start - words[i].end <= 1 && /^\p{Lu}/u.test(next.text) && !/^\p{Lu}+$/u.test(words[i].text) && !TITLE_WORDS.has(next.text);
}
const TITLE_WORDS = new Set(TITLES.flatMap((t) => t.split(' ').slice(0, 1)));
const DEMONYM = /^(?:n|an|ian|ese|nese|i|ns|ans|ians)$/;

/** How many query words a sentence holds, when they are enough to name the subject; else 0. */
function queryHits(subject: Pick<Subject, 'query' | 'minHits' | 'specific' | 'names' | 'namedDocuments'>, words: readonly Word[], docId?: string): number {
  if (!subject.query.length) return 0;
  const found = subject.query.filter((t) => findTerm(t, words) >= 0);
  const matched = found.filter((t) => !t.partner || found.includes(t.partner));
  // A query that names an actor is about that actor: a moratorium in Ohio is not Brazil's.
  if (subject.names.length && !subject.names.some((t) => matched.includes(t) || namesPeople(t, words)) && !(docId && subject.namedDocuments.has(docId))) return 0;
  return matched.length >= subject.minHits || matched.some((t) => subject.specific.has(t)) ? matched.length : 0;
}

/** A wire dateline names where the story was filed, in capitals ("WASHINGTON, Feb 26 - "): as a name ("Washington"). */
function placeNamed(text: string): string {
  const filed = datelineLength(text);
  if (!filed) return text;
  return fromCapitals(text.slice(0, filed)) + text.slice(filed);
}

/** Whether a sentence is within the deck's scope (always, when the deck names no place or actor). */
export function inScope(scope: Scope | undefined, text: string, doc: Pick<CorpusDocument, 'title'> & { lead?: string; id?: string }): boolean {
  if (!scope?.terms.length) return true;
  const names = (t: string) => {
    const words = wordsOf(t);
    if (scope.terms.some((term) => findTerm(term, words) >= 0) || scope.within.some((term) => findTerm(term, words) >= 0)) return 'in';
    const actors = scope.actorsOf(t);
    if (actors.some((a) => scope.actors.has(a))) return 'in';
    return actors.length ? 'other' : 'none';
  };
  // A sentence's own names are read once per scope (a rebuild over the same corpus keeps its scope).
  let texts = textsInScope.get(scope);
  if (!texts) textsInScope.set(scope, (texts = new Map()));
  let own = texts.get(text);
  if (own === undefined) {
    if (texts.size >= 50_000) texts.clear();
    texts.set(text, (own = names(placeNamed(text))));
  }
  if (own !== 'none') return own === 'in';
  // A document's title and lead are read for each of its sentences: once per scope.
  const head = `${doc.title}. ${placeNamed(doc.lead ?? '')}`;
  let heads = headsInScope.get(scope);
  if (!heads) headsInScope.set(scope, (heads = new Map()));
  let found = heads.get(head);
  if (found === undefined) {
    if (heads.size >= 10_000) heads.clear();
    heads.set(head, (found = names(head) === 'in'));
  }
  // (A home paper's domestic story names no place: it is the home's.)
  return found || (!!doc.id && !!scope.homeStory?.(doc.id));
}

const POSSESSIVE = /['’]s?$/u;
/** A name without the mark of its owning something: "Brazil" of "Brazil's". */
const unowned = (word: string) => word.replace(POSSESSIVE, '');

const headsInScope = new WeakMap<Scope, Map<string, boolean>>();
const textsInScope = new WeakMap<Scope, Map<string, 'in' | 'other' | 'none'>>();

/**
 * The deck's scope: the names in its title and subtitle (words the corpus writes as names, or
 * acronyms) that are not themselves one of its topics ("UK" in "The UK economy", "US" in "US grain
 * exports and the Soviet Union" with the topic "Soviet Union").
 */
export function scopeOf(
  title: string,
  topics: readonly string[],
  corpus: CorpusWords,
  actorsOf: (text: string) => string[],
): Scope | undefined {
  const words = wordsOf(title);
  const topicStems = new Set(topics.flatMap((t) => wordsOf(t.replace(/[-_]+/g, ' ')).map((w) => w.stem)));
  const terms: SubjectTerm[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isName(unowned(words[i].text), corpus) || corpus.isStop(words[i].lower)) continue;
    let j = i;
    // One name is words next to each other ("Soviet Union"), not across a dash ("Russia–China") or
    // past an owner ("Taiwan's Central Bank").
    while (j + 1 < words.length && !POSSESSIVE.test(words[j].text) && isName(unowned(words[j + 1].text), corpus) && !corpus.isStop(words[j + 1].lower) && /^\s+$/.test(title.slice(words[j].end, words[j + 1].start))) j++;
    const run = words.slice(i, j + 1);
    // A name the title makes the owner of its subject ("Brazil's debt moratorium") scopes the deck
    // even when it is one of the topics: the other topics are its debt and its banks.
    // So does one the title sets its subject in ("Unemployment in Europe").
    const owner = (POSSESSIVE.test(run[run.length - 1].text) && j + 1 < words.length) || (i > 0 && /\s(?:in|across|throughout|within)\s+(?:the\s+)?$/i.test(title.slice(0, words[i].start)));
    if (owner || !run.every((w) => topicStems.has(w.stem))) terms.push(termOf(run.map((w) => unowned(w.text)).join(' '), corpus));
    i = j;
  }
  if (!terms.length) return undefined;
  // The deck's topics that are places or bodies are within it too: in "The US–Japan semiconductor
  // dispute" (topics semiconductors and Japan), "Japanese firms … argue" is no other country's line.
  // (A region's countries are within it: Brazil in a deck on Latin America.)
  const named = [...terms, ...topics.map((t) => ({ text: t }))].flatMap((t) => actorsOf(t.text));
  // (So are a continent's the title names, but for those the deck names itself: in "Unemployment
  // in Europe", Switzerland's jobless rate is the deck's, Japan's is not.)
  const actors = new Set([...named, ...named.flatMap((a) => membersOf(a))]);
  for (const t of terms) for (const c of countriesOf(t.text)) if (!named.includes(c)) actors.add(c);
  const within = topics.map((t) => termOf(t.replace(/[-_]+/g, ' '), corpus)).filter((t) => t.proper);
  return { terms: terms.map((t) => ({ ...t, proper: true })), actors, actorsOf, within };
}

export interface SubjectRequest {
  query?: string;
  topic?: string;
  /** The topic's keywords from `topics.yaml`, when the corpus has them. */
  keywords?: readonly string[];
  /** Keywords of a quoted phrase that names a topic of `topics.yaml` (`"arms trade"`). */
  keywordsOf?: (topic: string) => readonly string[];
}

/**
 * The subject of a request. `claims` are the corpus's claims (for feedback); `corpus` its word
 * statistics. Quoted parts of a query ("\"Power of Siberia\" pipeline") are phrases.
 */
export function subjectOf(
  request: SubjectRequest & {
    /** Whether a name is a place or body (a country, an international organisation). */
    isActor?: (name: string) => boolean;
  },
  claims: readonly Claim[],
  corpus: CorpusWords,
  /** A document's title, which says most about what it is about. */
  titleOf: (docId: string) => string = () => '',
  /** A document's sentences, for the words typical of the subject's documents. */
  sentencesOf: (docId: string) => readonly Claim[] = (doc) => claims.filter((c) => c.docId === doc),
  /** Documents whose title holds a word of this stem (a superset: each is checked). */
  titledWith: (stem: string) => Iterable<string> = () => [],
): Subject {
  const phrases: SubjectTerm[] = [];
  if (request.topic) phrases.push(termOf(request.topic.replace(/[-_]+/g, ' '), corpus));
  // ("file-sharing" is also one word, as the stories write it: "31 file-sharers".)
  if (request.topic && /\p{L}-\p{L}/u.test(request.topic) && !/\s/.test(request.topic.trim())) phrases.push(termOf(request.topic.trim(), corpus));
  for (const k of request.keywords ?? []) phrases.push(termOf(k.replace(/\*/g, ''), corpus, k.includes('*')));
  let rest = request.query ?? '';
  for (const m of rest.matchAll(/"([^"]+)"|“([^”]+)”/g)) {
    const phrase = m[1] ?? m[2];
    phrases.push(termOf(phrase.replace(/[-_]+/g, ' '), corpus));
    for (const k of request.keywordsOf?.(phrase) ?? []) phrases.push(termOf(k.replace(/\*/g, ''), corpus, k.includes('*')));
  }
  rest = rest.replace(/"[^"]+"|“[^”]+”/g, ' ');
  for (const t of phrases) pluralSense(t, claims, corpus);
  const query = collocations(queryTerms(rest, corpus), claims, corpus);
  // A word few sentences use ("asymmetry", "moratorium") names the subject alone; a common one
  // ("arms" in a corpus about arms) needs a second query word beside it.
  const names = query.filter((t) => t.proper && (request.isActor?.(t.text) ?? false));
  // A place or body named beside other words says whose subject it is, not what it is: "Brazil"
  // alone is not "Brazil moratorium interest payments".
  // So does any name among common words ("Congress" in "protectionism Congress trade bill"): it
  // says who, and a rare word says what only when it is a common one or a designation ("S-400").
  const common = query.some((t) => !t.proper);
  const whose = (t: SubjectTerm) => t.proper && common && !/\d/.test(t.text);
  const specific = new Set(
    query.filter((t) => (!names.includes(t) || names.length === query.length) && !whose(t) && corpus.claimFrequency(t.stems[0]) <= Math.max(2, SPECIFIC * corpus.claims)),
  );
  const subject: Subject = {
    label: request.topic ?? request.query ?? '',
    phrases: phrases.filter((p) => p.stems.length),
    query,
    minHits: Math.min(2, query.length),
    specific,
    names,
    namedDocuments: new Set(),
    related: new Map(),
    documents: new Map(),
  };
  feedback(subject, claims, corpus, !request.keywords?.length, titleOf, sentencesOf, titledWith);
  // A topic of several words that no document writes as the spec does ("Harwell takeover bids",
  // "pension deficit" where the stories write "a deficit of £320m in its pension scheme") is
  // read as its words: a sentence naming two of them, in any order, as a free-text query is
  // read. A name among them counts once ("West German economy": "West German" and "economy"), a
  // name alone is never loosened, and no word names the topic alone, however rare.
  if (request.topic && !request.query && !request.keywords?.length && !subject.documents.size) {
    const words = topicWords(request.topic.replace(/[-_]+/g, ' '), corpus);
    if (words.length >= 2 && words.some((t) => !t.proper)) {
      const loose: Subject = { ...subject, query: collocations(words, claims, corpus), minHits: 2, specific: new Set(), names: [], namedDocuments: new Set(), related: new Map(), documents: new Map(), headlinedLeads: undefined, ledDocuments: undefined };
      feedback(loose, claims, corpus, true, titleOf, sentencesOf, titledWith);
      if (loose.documents.size) return loose;
    }
  }
  return subject;
}

/** A topic's words as query terms, with the capitalised words next to each other as one name. */
function topicWords(topic: string, corpus: CorpusWords): SubjectTerm[] {
  const out: SubjectTerm[] = [];
  let name: string[] = [];
  const endName = () => {
    if (name.length) out.push({ ...termOf(name.join(' '), corpus), proper: true });
    name = [];
  };
  for (const w of wordsOf(topic)) {
    if (/^\p{Lu}/u.test(w.text) || /\d/.test(w.text)) {
      name.push(w.text);
      continue;
    }
    endName();
    if (corpus.isStop(w.lower) || w.text.length < 3) continue;
    if (!out.some((t) => t.stems.length === 1 && t.stems[0] === w.stem)) out.push({ text: w.text, stems: [w.stem], proper: false, inflects: w.lower, ...kinOf([w.lower]) });
  }
  endName();
  return out;
}

/** How many documents are stories about a subject (not passing mentions). */
const storiesOf = (subject: Subject) => [...subject.documents.values()].filter((w) => w >= STORY).length;

/**
 * A topic written in the plural whose singular the corpus uses in another sense: "futures" (the
 * contracts) and "the future", "arms" and a company's "marketing arm". The corpus says so when
 * both forms are common (`SENSE_DOCUMENTS` documents each) and no document uses both; the
 * singular is then no form of the topic. ("quota" and "quotas", "bank" and "banks" share half
 * their documents.)
 */
function pluralSense(term: SubjectTerm, claims: readonly Claim[], corpus: CorpusWords): void {
  const k = term.stems.length - 1;
  const plural = term.text.toLowerCase().split(/[\s-]+/).pop() ?? '';
  if (!term.forms || k < 0 || !/[^s]s$/.test(plural)) return;
  // (Its singulars: "future" of "futures", and "futur" as a word's plural in -es would have it.)
  const singulars = new Set(term.forms[k].filter((f) => f !== plural && plural.startsWith(f)));
  if (!singulars.size) return;
  const withSingular = new Set<string>();
  const withPlural = new Set<string>();
  for (const c of claims) {
    for (const w of corpus.words(c)) {
      if (w.stem !== term.stems[k]) continue;
      if (singulars.has(w.lower)) withSingular.add(c.docId);
      else if (w.lower === plural) withPlural.add(c.docId);
    }
  }
  if (withSingular.size < SENSE_DOCUMENTS || withPlural.size < SENSE_DOCUMENTS) return;
  for (const d of withSingular) if (withPlural.has(d)) return;
  term.forms[k] = term.forms[k].filter((f) => !singulars.has(f));
}
/** Documents each form must be used in for their never meeting to say they are two senses. */
const SENSE_DOCUMENTS = 5;

/**
 * Two query words next to each other that the corpus writes together ("interest payments") count
 * only together: "interest in a platinum property" is not the interest of "Brazil moratorium
 * interest payments". A pair is written together when most sentences holding both hold them side
 * by side, in at least three sentences.
 */
function collocations(terms: SubjectTerm[], claims: readonly Claim[], corpus: CorpusWords): SubjectTerm[] {
  for (let i = 0; i + 1 < terms.length; i++) {
    const [a, b] = [terms[i], terms[i + 1]];
    if (!a.proper && !b.proper) {
      let both = 0;
      let together = 0;
      for (const c of claims) {
        const words = corpus.words(c);
        if (findTerm(a, words) < 0 || findTerm(b, words) < 0) continue;
        both++;
        if (words.some((w, k) => same(a, 0, w) && words[k + 1] && same(b, 0, words[k + 1]))) together++;
      }
      if (together >= COLLOCATION_MIN && together >= both / 2) {
        a.partner = b;
        b.partner = a;
        i++;
      }
    }
  }
  return terms;
}

/** Sentences a pair of words must be side by side in to be read as one term. */
const COLLOCATION_MIN = 3;

/** Query words: each a term of its own, names (capitalised) matched case-sensitively. */
function queryTerms(text: string, corpus: CorpusWords): SubjectTerm[] {
  const out: SubjectTerm[] = [];
  for (const w of wordsOf(text)) {
    if (corpus.isStop(w.lower) || w.text.length < 3) continue;
    const proper = /^\p{Lu}/u.test(w.text) || isName(w.text, corpus);
    if (!out.some((t) => t.stems[0] === w.stem)) out.push({ text: w.text, stems: [w.stem], proper, alwaysName: corpus.isName(w.text) || corpus.neverLower(w.text), ...(proper ? {} : { inflects: w.lower, ...kinOf([w.lower]) }) });
  }
  return out;
}

/** Query words from which a story must name two of them to tell the subject. */
const SEVERAL_WORDS = 3;
/** Share of the corpus's sentences a query word may appear in and still name the subject alone. */
const SPECIFIC = 0.04;
const FEEDBACK_DOCS = 12;
/** Mentions (lead twice, title three times) from which a document is wholly about a subject. */
const FULL_HITS = 3;
const TITLE_HITS = 3;
/** The most a document whose headline and lead never name the subject weighs for fewer than `FULL_HITS` mentions: less than a story. */
const UNLED = 0.5;
const RELATED_WORDS = 10;
/** Words typical of the subject a sentence must hold to be about it without naming it. */
const RELATED_HITS = 2;

/** How much a sentence naming a place only by its adjective ("Japanese firms") is about the place. */
const DEMONYM_ABOUT = 0.8;

/**
 * Pseudo-relevance feedback: the documents whose sentences name the subject, strongest first,
 * and (when `expand`) the words most typical of them against the whole corpus (in at least two
 * of them, weighted by idf), as in Rocchio's and RM3's expansion.
 */
function feedback(
  subject: Subject,
  claims: readonly Claim[],
  corpus: CorpusWords,
  expand: boolean,
  titleOf: (docId: string) => string,
  sentencesOf: (docId: string) => readonly Claim[],
  titledWith: (stem: string) => Iterable<string>,
): void {
  const titles = new Map<string, Word[]>();
  const titleWords = (doc: string) => titles.get(doc) ?? titles.set(doc, headlineWords(titleOf(doc))).get(doc)!;
  if (subject.names.length) {
    for (const c of claims) {
      if (subject.namedDocuments.has(c.docId)) continue;
      const head = c.paragraph <= 1 ? corpus.words(c) : [];
      if (subject.names.some((t) => findTerm(t, head) >= 0 || findTerm(t, titleWords(c.docId)) >= 0)) subject.namedDocuments.add(c.docId);
    }
  }
  // (A region is named by its countries: a story on Brazil is one on Latin America.)
  const names = (words: readonly Word[], docId: string) => subject.phrases.some((t) => findTerm(t, words) >= 0 || namesMember(t, words)) || queryHits(subject, words, docId) > 0;
  // A place is named by its adjective too ("the Japanese government" in a story on the yen), but a
  // story that only ever uses the adjective ("the Canadian dollar") is no story about the place.
  const byName = new Set<string>();
  const hits = new Map<string, number>();
  // Which of a query's words each document names: a query of several words ("oil companies posted
  // prices refineries") is not told by a story that names one of them only, however rare the word
  // ("refineries" in a story on copper stocks).
  const asked = subject.query.length >= SEVERAL_WORDS && !subject.phrases.length ? new Map<string, Set<SubjectTerm>>() : undefined;
  const note = (doc: string, words: readonly Word[]) => {
    if (!asked) return;
    const seen = asked.get(doc) ?? asked.set(doc, new Set()).get(doc)!;
    for (const t of subject.query) if (!seen.has(t) && findTerm(t, words) >= 0) seen.add(t);
  };
  for (const c of claims) {
    const words = corpus.words(c);
    if (names(words, c.docId)) byName.add(c.docId);
    else if (!subject.phrases.some((t) => namesDemonym(t, words))) continue;
    note(c.docId, words);
    if (!hits.has(c.docId)) {
      const titled = names(titleWords(c.docId), c.docId);
      hits.set(c.docId, titled ? TITLE_HITS : 0);
      if (titled) (subject.ledDocuments ??= new Set()).add(c.docId);
    }
    hits.set(c.docId, hits.get(c.docId)! + (c.paragraph <= 1 ? 2 : 1));
    if (c.paragraph <= 1) (subject.ledDocuments ??= new Set()).add(c.docId);
  }
  // A story whose headline names a phrase is about it, though its sentences use other words
  // ("JANUARY HOUSING SALES DROP": "Sales of previously owned homes…"). Where its sentences use
  // the word only otherwise (in a name: "Alaska Housing Finance Corp"), so does a headline in capitals.
  // One whose sentences name it too has a lead that reports it, in whatever words ("EC
  // COMMISSION GIVEN PLAN TO SAVE STEEL INDUSTRY": "European Community steelmakers presented…").
  for (const t of subject.phrases) {
    for (const doc of new Set(titledWith(t.stems[0]))) {
      if (findTerm(t, titleWords(doc)) < 0) continue;
      if (hits.has(doc)) {
        (subject.headlinedLeads ??= new Set()).add(`${doc}:p1:s1`);
        continue;
      }
      const sentences = sentencesOf(doc);
      if (sentences.some((c) => corpus.words(c).some((w) => t.stems.includes(w.stem)))) continue;
      hits.set(doc, TITLE_HITS);
      byName.add(doc);
      (subject.ledDocuments ??= new Set()).add(doc);
      const lead = sentences.filter((c) => c.paragraph <= 1);
      if (lead.length) (subject.headlinedLeads ??= new Set()).add(lead[0].id);
    }
  }
  const ranked = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // A document is about the subject in proportion to how often it names it (its title and lead
  // count most), up to a few mentions: one passing mention is a third of a story about it.
  // A story whose headline and lead never name the subject is about it only where its body comes
  // back to it again and again: named twice further down ("the prime minister's job" in a story on
  // an Italian coalition) is in passing.
  if (asked) for (const doc of hits.keys()) note(doc, titleWords(doc));
  const told = (doc: string) => byName.has(doc) && (!asked || (asked.get(doc)?.size ?? 0) >= 2);
  for (const [doc, n] of ranked) subject.documents.set(doc, (subject.ledDocuments?.has(doc) || n >= FULL_HITS) && told(doc) ? Math.min(1, n / FULL_HITS) : Math.min(n / FULL_HITS, UNLED));
  if (!expand || ranked.length < 2) return;
  const feedbackDocs = new Set(ranked.slice(0, FEEDBACK_DOCS).map(([d]) => d));
  const inDocs = new Map<string, Set<string>>();
  for (const c of [...feedbackDocs].flatMap(sentencesOf)) {
    for (const w of corpus.words(c)) {
      if (w.text.length < 3 || corpus.isStop(w.lower) || /^\d/.test(w.text)) continue;
      (inDocs.get(w.stem) ?? inDocs.set(w.stem, new Set()).get(w.stem)!).add(c.docId);
    }
  }
  const own = new Set([...subject.phrases, ...subject.query].flatMap((t) => t.stems));
  const counted = [...inDocs].filter(([s, docs]) => !own.has(s) && docs.size >= Math.max(2, feedbackDocs.size * 0.25)).map(([s]) => s);
  corpus.prefetch?.(counted);
  const scored: Array<[string, number]> = [];
  for (const [s, docs] of inDocs) {
    if (own.has(s) || docs.size < Math.max(2, feedbackDocs.size * 0.25)) continue;
    const df = corpus.documentFrequency(s);
    const idf = Math.log((corpus.documents + 1) / (df + 0.5));
    // A word nearly every document uses says nothing about this subject.
    if (df > corpus.documents * 0.2) continue;
    scored.push([s, (docs.size / feedbackDocs.size) * idf]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const best = scored[0]?.[1] ?? 1;
  for (const [s, v] of scored.slice(0, RELATED_WORDS)) subject.related.set(s, v / best);
}

/** How much the lead of a story headlined with the subject is about it. */
const HEADLINED_LEAD = 0.8;

/** From how many mentions a document counts as a story about a subject (`Subject.documents`, 0..1). */
export const STORY = 0.6;

/**
 * Whether the deck's topics are told together: when most of the stories about this subject also
 * name another of the deck's topics (export quotas in a corpus where quotas are mostly coffee's),
 * a deck on both means the subject as that topic has it, and only documents naming both count.
 * Returns the documents that do, or undefined when the topics are told apart (sugar, cocoa).
 */
export function toldWith(subject: Subject, others: readonly Subject[]): Set<string> | undefined {
  const stories = [...subject.documents].filter(([, v]) => v >= STORY).map(([d]) => d);
  if (!stories.length || !others.length) return undefined;
  const share = Math.max(...others.map((o) => stories.filter((d) => o.documents.has(d)).length / stories.length));
  if (share < 0.5) return undefined;
  return new Set([...subject.documents.keys()].filter((d) => others.some((o) => o.documents.has(d))));
}
