/**
 * Definite references to something the article named before: "The dramatic fall in oil prices last
 * year was responsible for the slump.", "the share had reduced to…", "The price decrease follows…".
 * Read alone, "the slump" asks "which slump?". A "the + noun" points back when nothing after it
 * says which one ("the slump in coffee prices", "the plans that…") and either it opens the line
 * (the subject a sentence opens on carries on from the story, whichever sentence named it) or its
 * noun (any inflection) is in the two sentences before it and not earlier in the sentence itself.
 * Nouns of the deck's topics are known from the deck ("the dollar" in a deck on the dollar, though
 * not "the ship" in one on shipping); a
 * noun the corpus uses with "the" everywhere ("the company") still points back: reviewers read it
 * as "which one?". Only what the slide shows counts: a phrase compression cut points nowhere.
 */
import type { Claim, CorpusDocument } from '../model.ts';
import { stem, wordsOf } from './words.ts';
import { isEnglishWord } from './vocabulary.ts';
import { demonymPlace, findActors, placesIn } from '../corpus/actors.ts';

/** Whether a text names a country or body, by name or adjective ("the Russian elite"). */
const namesPlace = (text: string) => placesIn(text).length > 0 || (text.match(/\p{Lu}\p{Ll}+/gu) ?? []).some((w) => !!demonymPlace(w));

/** "the" and the lower-case words after it, up to three: the noun phrase and what follows. */
const THE_PHRASE = /(?<![\p{L}])[Tt]he((?:\s+\p{Ll}[\p{Ll}-]*){1,3})/gu;
const QUALIFIED = /^\s+(?:of|in|on|for|from|at|to|by|with|between|over|under|that|which|who|whose|where|announced|proposed|planned)\b(?!\s+(?:about\s+|some\s+|around\s+)?\d)/;
/** Words that end a noun phrase: a verb or auxiliary ("the company said"), a preposition, a conjunction, an adverb ("the rumor also was"). */
const BOUNDARY = /^(?:is|was|are|were|be|been|being|has|had|have|will|would|could|should|can|may|might|must|did|does|do|said|says|and|or|but|as|than|so|of|in|on|for|from|at|to|by|with|between|over|under|that|which|who|whose|where|when|while|into|after|before|since|about|also|still|now|already|then|only|even|yet|never|again|often|itself|themselves|himself|herself|\p{Ll}+ed|\p{Ll}{3,}ly)$/u;

/**
 * The head noun of "the …" and where it ends: the last word before a verb, preposition or the end
 * of the run ("the gas pipeline contract was…" → "contract"; "the share had…" → "share").
 */
function headOf(m: RegExpMatchArray, tags?: Tagger): { noun: string; end: number } | undefined {
  const words = [...m[1].matchAll(/\p{Ll}[\p{Ll}-]*/gu)];
  // With a tagger, the phrase also ends at a verb the word list cannot know ("the government
  // develops cocoa plantations" → "government").
  const pos = tags?.(`The ${words.map((w) => w[0]).join(' ')}`).slice(1);
  let at = -1;
  for (const [i, w] of words.entries()) {
    if (BOUNDARY.test(w[0])) break;
    if (at >= 0 && pos?.length === words.length && (pos[i] === 'VERB' || pos[i] === 'AUX')) break;
    at = i;
  }
  if (at < 0) return undefined;
  // "The report forecasts that…", "the ministry expects that…": a singular noun, then a word in
  // -s before "that" is a subject and its verb, which the tagger may read as one compound noun.
  const after = (m.input ?? '').slice((m.index ?? 0) + m[0].length - m[1].length + (words[at].index ?? 0) + words[at][0].length);
  if (at > 0 && /[^s]s$/.test(words[at][0]) && !/s$/.test(words[at - 1][0]) && /^\s+that\b/.test(after)) at--;
  const last = words[at];
  const start = (m.index ?? 0) + m[0].length - m[1].length + (last.index ?? 0);
  return { noun: last[0], end: start + last[0].length };
}

/** "the two countries", "both sides": a count of what the deck names, which its context decides. */
const COUNTED = /^\s+(?:two|three|four|both)\b/;

/** "The two countries", "both sides": the pair a deck on two actors names. */
const THE_TWO = /\b(?:[Tt]he\s+two|[Bb]oth)\s+(?:countries|nations|states|sides|powers|neighbou?rs|governments|capitals|partners)\b/;

/** "the world semiconductor market", "the global economy": there is one, whatever came before. */
const ONE_OF_A_KIND = /^\s+(?:world|world['’]s|global|international)\b/;

/** Part-of-speech tags of a text's words (universal tags), when the caller has a tagger. */
export type Tagger = (text: string) => string[];

/** Whether the words after "the" open on an ordinal or a superlative ("first", "latest", "biggest"). */
function ranks(words: string, tags?: Tagger): boolean {
  const first = /^\s+(\p{Ll}+)/u.exec(words)?.[1];
  if (!first) return false;
  if (ORDINAL.test(first)) return true;
  // (A superlative only where the tagger reads an adjective: "the interest rate" is no rank.)
  return /\p{Ll}{2}est$/u.test(first) && !!tags && tags(`the ${first} one`)[1] === 'ADJ';
}
const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|latest|only|sole|next|most|least)$/;

/** How many words before the sentence are read as its context. */
const CONTEXT_CHARS = 400;

/**
 * Nouns that name a part or measure of something else: "the share", "the rest", "the majority"
 * without "of …" leave out what they are a share of, whatever came before.
 */
const RELATIONAL = new Set(['share', 'rest', 'remainder', 'majority', 'minority', 'proportion', 'percentage', 'bulk', 'balance', 'total', 'latter', 'former', 'others']);

/** Bodies every country or company has: "the government", "the ministry", "the board"; and what every country has: "the economy". */
const INSTITUTION = new Set(['government', 'ministry', 'company', 'firm', 'bank', 'group', 'agency', 'embassy', 'board', 'committee', 'council', 'administration', 'authorities', 'parliament', 'cabinet', 'union', 'court', 'regulator', 'president', 'minister', 'chairman', 'spokesman', 'economy', 'country', 'currency']);

export function pointsBack(
  claim: Claim,
  doc: Pick<CorpusDocument, 'text'> & { paragraphs?: Pick<CorpusDocument['paragraphs'][number], 'start'>[] } | undefined,
  /** Words of what the deck itself is about, in their singular and plural (its topics): "the dollar" in a deck on the dollar is known. */
  known: ReadonlySet<string> = new Set(),
  /** The text the slide shows (a deletion of the claim's): what compression cut cannot point back. */
  shown: string = claim.text,
  tags?: Tagger,
  /** Every form of the words of the deck's topics, plurals included ("quota", "quotas"). */
  deckWords: ReadonlySet<string> = known,
  /** The deck is about two actors its title names: "the two countries" are they. */
  pair = false,
  /**
   * The claim's document is a story of the corpus's home, in a deck scoped to the home
   * (`select/home.ts`): a line that names no one there is the home's when it names what the deck
   * is about ("The annual rate of house price growth slowed to 9.8%" in a deck on the UK economy).
   */
  home = false,
): boolean {
  if (!doc) return false;
  // (A headline restates its lead: "House prices fall for second month" is no earlier mention of
  // the lead's "the second month running". The context starts where the body does.)
  const body = doc.paragraphs?.[0]?.start ?? 0;
  const before = doc.text.slice(Math.max(body <= claim.start ? body : 0, claim.start - CONTEXT_CHARS), claim.start);
  // The two sentences before: from the third sentence end back.
  const ends = [...before.matchAll(/[.!?]["”’)]?\s+/g)];
  const context = ends.length >= 3 ? before.slice((ends[ends.length - 3].index ?? 0) + ends[ends.length - 3][0].length) : before;
  const contextStems = new Set(wordsOf(context).map((w) => w.stem));
  const text = shown;
  // A figure of no one ("Historical cost operating profit was 61 mln stg, up from 16 mln."):
  // whose it is, the story said before.
  const homes = home && wordsOf(text).some((w) => deckWords.has(w.lower));
  if (!homes && claim.figures?.some((f) => text.includes(f.text.replace(/\s+/g, ' '))) && namesNobody(text, doc.text)) return true;
  // So is any line past the lead that names no one and nowhere, nor what the deck is about
  // ("Contract talks broke off in January and a conciliator has been appointed…" in a deck on
  // strikes): whose, the story said before. Readers marked three in four such lines as not
  // standing alone; a lead is written to. ("Producers and consumers could not agree on quota
  // distribution", in a deck on coffee and its export quotas, says whose by the deck's subject.)
  if (claim.paragraph > 1 && namesNobody(text, doc.text) && !wordsOf(text).some((w) => deckWords.has(w.lower)) && !(pair && THE_TWO.test(text))) return true;
  // "Oil and gas pipelines were intended to serve Asian customers, not just China." followed by
  // "Meanwhile China has bought the lion's share…": an intention the story goes on to undo reads,
  // alone, as what happened.
  if (PAST_INTENTION.test(text) && CONTRAST_NEXT.test(doc.text.slice(claim.end, claim.end + 200))) return true;
  // "Sales in 1986 represented 11.8 per cent…", "Investments are being spurred…": a measure of
  // someone's business, bare, leaves whose to the story.
  const measure = BARE_MEASURE.exec(text);
  if (measure && !QUALIFIED.test(text.slice(measure[0].length)) && !/^\s*\(/.test(text.slice(measure[0].length))) return true;
  // "Company said it will increase dividend…": a wire's bare noun for the company it named before.
  if (BARE_SUBJECT.test(text) && commonNoun(text.split(/\s/)[0], doc.text)) return true;
  for (const m of text.matchAll(THE_PHRASE)) {
    const head = headOf(m, tags);
    if (!head) continue;
    const rest = text.slice(head.end);
    // "…, and the scheme's trustees are expected to…" after "The company's pension scheme could
    // also complicate matters": a possessive qualifies what follows it, not the noun it is on;
    // which scheme, the sentences before said.
    // (In a line that names a country, "the regime's security" is that country's regime.)
    if (/^['’]s\b/.test(rest) && !known.has(head.noun) && !ONE_OF_A_KIND.test(m[1]) && !COUNTED.test(m[1]) && contextStems.has(stem(head.noun)) && !wordsOf(text.slice(0, m.index ?? 0)).some((w) => w.stem === stem(head.noun)) && !namesPlace(text)) return true;
    if (QUALIFIED.test(rest) || /^['’]s\b/.test(rest) || /^\s+\p{Ll}+ed\s+by\b/u.test(rest)) {
      // "The interest rate on the rescheduling…": what qualifies the line's opening phrase must
      // say which one itself.
      if (opensLine(text, m.index ?? 0) && vagueQualifier(rest, known, tags)) return true;
      continue;
    }
    // ("…rose to 3.66 mln tonnes from 3.46 mln in the same 1985/86 period": "the same" after a
    // comparison's own words is the line's other half, not an earlier sentence's.)
    if (RELATIONAL.has(head.noun) || (/^\s*same\b/.test(m[1]) && !COMPARED.test(text.slice(0, m.index ?? 0)))) return true;
    // "as the government develops cocoa plantations": whose government, in a line that names no
    // country, company or person at all?
    // (A measure's name in capitals, "M3", names no one.)
    if (INSTITUTION.has(head.noun) && !/\s\p{Lu}(?![\p{Lu}\d]*\d)|^\p{Lu}[\p{L}.]*['’]s\b|^\p{Lu}{2,}\b/u.test(text)) return true;
    const s = stem(head.noun);
    if (known.has(head.noun)) continue;
    // The subject a sentence opens on ("The price decrease follows…", "The embassy's annual
    // report…") is the one it carries on from: unqualified, it is the story's, whichever
    // sentence named it.
    // ("The two countries…" counts what the deck names; its context decides, as for any noun.)
    // So is the one a sentence opens on after a phrase that sets the scene ("After delivering
    // oil to a refinery, the ship lost its steering", "Under the plan, steel output…").
    if (ONE_OF_A_KIND.test(m[1])) continue;
    // ("The first official UK chart for music downloads has been launched", "The biggest rise
    // since 1990": an ordinal or a superlative says which one by itself.)
    if (opensLine(text, m.index ?? 0) && !COUNTED.test(m[1]) && !ranks(m[1], tags)) return true;
    // So is the subject of what a speaker said ("National Bank said the issue is part of a
    // program…") when the story named it anywhere before: the issue its lead announced. (A body
    // every country has is the speaker's own: "Japan's trade minister said the government…".)
    if (REPORTED_SUBJECT.test(text.slice(0, m.index ?? 0)) && !COUNTED.test(m[1]) && !INSTITUTION.has(head.noun) && wordsOf(doc.text.slice(Math.max(0, claim.start - STORY_BEFORE), claim.start)).some((w) => w.stem === s)) return true;
    // A line past the lead that names no one and nowhere says which X only through the story
    // ("The dramatic fall in oil prices last year was responsible for the slump": Indonesia's,
    // which the story gave as near-zero growth).
    if (claim.paragraph > 1 && !homes && !COUNTED.test(m[1]) && namesNobody(text, doc.text)) return true;
    if (!contextStems.has(s)) continue;
    // Named earlier in the same sentence ("a slump … the slump") is its own antecedent.
    if (wordsOf(text.slice(0, m.index ?? 0)).some((w) => w.stem === s)) continue;
    return true;
  }
  // "…if the banks do not grant its request", "the bank said their proposal…": a possessive's noun
  // the two sentences before brought in as something new ("Argentina made a request for…") is
  // that one, and alone the line does not say what it was. ("Their interests", "his ministry" are
  // whoever the line names: the sentences before never brought them in with "a".)
  let introducing: Set<string> | undefined;
  const introduced = () => {
    if (introducing) return introducing;
    introducing = new Set([...context.matchAll(/(?<![\p{L}])(?:a|an|A|An)((?:\s+[\p{L}-]+){1,4})/gu)].flatMap((m) => wordsOf(m[1]).map((w) => w.stem)));
    // (or as a particular one: "his country's request for 2.15 billion dlrs")
    for (const w of wordsOf(context)) if (/^\p{Ll}/u.test(w.text) && INTRODUCED.test(context.slice(w.end))) introducing.add(w.stem);
    return introducing;
  };
  for (const m of text.matchAll(POSSESSIVE_PHRASE)) {
    const head = headOf(m, tags);
    if (!head || known.has(head.noun)) continue;
    const rest = text.slice(head.end);
    if (QUALIFIED.test(rest)) continue;
    const s = stem(head.noun);
    if (introduced().has(s) && !wordsOf(text.slice(0, m.index ?? 0)).some((w) => w.stem === s)) return true;
  }
  return false;
}

/** The words a comparison is made with, earlier in the same line: "rose … from 3.46 mln in the same period". */
const COMPARED = /\b(?:from|against|compared\s+(?:with|to)|than|versus|vs\.?)\s(?:[^.;]|\.(?=\d))*$/i;

/** What makes a noun a particular one where it is brought in: "request for 2.15 billion dlrs". */
const INTRODUCED = /^\s+(?:of|for|to|from|on|by|that|which)\s/;
/** "its", "their", "his", "her" and the lower-case words after it, up to three. */
const POSSESSIVE_PHRASE = /(?<![\p{L}])(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)((?:\s+\p{Ll}[\p{Ll}-]*){1,3})/gu;

/**
 * Whether the phrase qualifying an opening "the …" is itself an unqualified "the …" ("on the
 * rescheduling was…", "of the merger, if…"): "which rescheduling?".
 */
function vagueQualifier(rest: string, known: ReadonlySet<string>, tags?: Tagger): boolean {
  const q = /^\s+(?:of|on|for|in|from|to|over|under|with)\s+(?=[Tt]he\s)/.exec(rest);
  if (!q) return false;
  const inner = rest.slice(q[0].length);
  const m = [...inner.matchAll(THE_PHRASE)][0];
  if (!m || m.index !== 0) return false;
  const head = headOf(m, tags);
  if (!head || known.has(head.noun)) return false;
  const after = inner.slice(head.end);
  return !QUALIFIED.test(after) && !/^['’]s\b/.test(after) && !/^\s+\p{Ll}+ed\s+by\b/u.test(after) && !COUNTED.test(m[1]);
}

/**
 * Whether "the …" at `at` is what the line opens on: its first words, the object of an opening
 * preposition ("Under the plan"), or the subject after an opening phrase and its comma ("After
 * delivering oil to a refinery, the ship…").
 */
function opensLine(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.slice(0, at);
  return OPENING_PREPOSITION.test(before) || SCENE_SETTER.test(before);
}
const OPENERS = 'after|before|while|when|although|though|despite|following|since|as|because|if|unless|under|with|without|during|amid|upon';
const OPENING_PREPOSITION = new RegExp(`^(?:${OPENERS}|in|on|at|for|from|by)\\s+$`, 'i');
// (A comma before a name is a place's: "in Paulsboro, New Jersey, the ship…".)
const SCENE_SETTER = new RegExp(`^(?:${OPENERS})\\b(?:[^,;:]|,\\s+(?=\\p{Lu})){3,120},\\s+$`, 'iu');

/** A measure that is always someone's, opening a line with no owner: "Sales in 1986…", "Exports rose…". */
const BARE_MEASURE = /^(?:Sales|Exports|Imports|Earnings|Profits|Losses|Revenues?|Output|Production|Shipments|Deliveries|Purchases|Investments|Reserves)\b(?!\s+(?:and|or)\s+\p{Ll}+\s+of\b)/u;

/** How far back "before" reaches for a reported clause's subject: a wire story whole, an analysis's section. */
const STORY_BEFORE = 3_000;

/** A speaker and a verb of saying before a reported clause's subject: "National Bank said (that) ". */
const REPORTED_SUBJECT = /^(?:\p{Lu}[\p{L}.'’&-]*\s+){1,5}(?:\p{Ll}+\s+){0,2}(?:said|says|added|stated|reported|announced|noted|told\s+\p{L}+)\s+(?:that\s+)?$/u;

/** A plan or purpose in the past: "were intended to", "was meant to", "was to be". */
const PAST_INTENTION = /\b(?:was|were)\s+(?:(?:originally|initially|once)\s+)?(?:intended|meant|supposed|designed|planned|expected)\s+to\b|\b(?:was|were)\s+to\s+be\b/i;
/** The next sentence turns against it: "Meanwhile…", "But…", "In practice…". */
const CONTRAST_NEXT = /^["”’)]?\s+(?:meanwhile|but|however|yet|instead|in practice|in reality|in fact|in the end|still|nevertheless)\b/i;

/** A month or weekday, written out or short ("Jan.", "Monday's"). */
export const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\.|['’]s)?$/;

/** A singular noun without a determiner, then a verb: "Company said", "Bank will". */
const BARE_SUBJECT = /^(?!(?:The|A|An|It|Its|This|That|There|Here|He|She|They|We|You|What|Which|Who|One|Each|Every|All|Any|No|None|Some|Such|Much|Most|Little|Our|Their|His|Her)\s)\p{Lu}\p{Ll}+(?<!s)\s+(?:said|says|will|would|is|was|has|had|expects|reported|added|plans|declared)\b/u;

/**
 * Whether a capitalised word is a common noun, not a name: the article writes it in lower case
 * too, or it is an English word, not a place, that the article never writes as a name elsewhere
 * ("Company said", where "Shell said" and "Chevron Corp" are names).
 */
function commonNoun(word: string, article: string): boolean {
  if (occurs(`(?<![\\p{L}])${word.toLowerCase()}(?![\\p{L}])`, article)) return true;
  if (!isEnglishWord(word.toLowerCase()) || findActors(word).length) return false;
  // A name shows itself elsewhere: after a word in lower case or a dash, or before another name ("Chevron Corp").
  return !occurs(`(?:[\\p{Ll},;]\\s+|[-–—]\\s*)${word}(?![\\p{L}])|${word}\\s+\\p{Lu}`, article);
}

/**
 * A line that names no one and nowhere: no word in capitals but its first, and that one a common
 * word the article also writes in lower case ("Processors are finding…", "Contract talks broke off…").
 */
export function namesNobody(text: string, article: string): boolean {
  // (A month or a weekday in capitals names no one: "…in September 1984".)
  // ("February exports rose…" opens on one: whose exports?)
  // (An acronym the sentence defines, "crude palm oil (CPO)", names no one either.)
  const all = text.replace(/\s*\(\p{Lu}{2,8}\)/gu, '').match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];
  // ("January-December", a span of months, is one too.)
  const words = all.filter((w) => !w.split('-').every((part) => CALENDAR.test(part)));
  if (words.length < all.length && CALENDAR.test(all[0] ?? '')) return !words.some((w) => /^\p{Lu}/u.test(w));
  if (words.slice(1).some((w) => /^\p{Lu}/u.test(w))) return false;
  const first = words[0];
  // ("A reading above 50 pct…": an article opens it, no name.)
  if (first === 'A') return true;
  if (!first || !/^\p{Lu}\p{Ll}+$/u.test(first)) return !first;
  // A name the article also writes in capitals mid-sentence ("… said Brazil"); a common word it
  // writes in lower case, or never mid-sentence at all.
  if (occurs(`(?<![\\p{L}])${first.toLowerCase()}(?![\\p{L}])`, article)) return true;
  return !occurs(`\\p{Ll}[,;]?\\s+${first}(?![\\p{L}])`, article);
}

/** Articles whose answers are kept: those of the claims being judged, a few at a time. */
const ARTICLES_KEPT = 8;
const answers = new Map<string, Map<string, boolean>>();

/**
 * Whether a pattern (a Unicode regular expression's source) occurs in an article, worked out
 * once per article and pattern: a long article is searched once for a word, not once for every
 * line that opens on it.
 */
function occurs(pattern: string, article: string): boolean {
  let known = answers.get(article);
  if (!known) {
    if (answers.size >= ARTICLES_KEPT) answers.delete(answers.keys().next().value!);
    answers.set(article, (known = new Map()));
  }
  let found = known.get(pattern);
  if (found === undefined) known.set(pattern, (found = new RegExp(pattern, 'u').test(article)));
  return found;
}
