/**
 * Whether a sentence can stand alone on a slide. A bullet is read without the sentence before it,
 * so one that points back ("This may be because…", "The first of these is…", "Without Putin’s
 * patronage, these business empires…", "Another point of contention…", "Since then, …") or that
 * only names an open question ("What remains uncertain is…") leaves the audience asking "which?".
 * Tested on the text the slide shows, after compression has deleted what it could.
 */
import { findQuotedSpans } from '../corpus/quotes.ts';

/** Openings that lean on the sentence before ("This may be because…"): they read badly alone. */
export const ANAPHORIC = /^(?:this|that|these|those|such|it|they|their|its|he|she|his|her|but|and|so|thus|hence|again|the same|in this case|in that case|against this backdrop|as such|second|third)\b(?!\s+(?:is|was)\s+(?:not\s+)?(?:likely|clear|difficult|possible))|\b(?:this|that|it|them)[.!?]?$|\b(?:about|of|on|for|to) (?:this|that|these|those)\b(?! (?!(?:is|was|has)\b)\w+(?:s|ion|ment|ity)\b)/i;

/** "Another point…", "The latter…", "A third scenario…": one item of a list the slide lacks. */
export const ORDINAL_OPENING = /^(?:another|the latter|the former|(?:a|the)\s+(?:second|third|fourth|fifth|final|last)\b(?!\s+(?:time|round|term|half)\b)|the first of)\b/i;

/**
 * "Each 50,000 Swiss franc note will carry…": one of a set the story introduced ("Each year"
 * and "each of the 13 members" say which).
 */
const EACH_OF_SET = /^each\s+(?!(?:year|month|week|day|time|quarter|season|of)\b)(?:[\d,.]+\s+)?\p{L}/iu;

/**
 * "A recent example was the 15 per cent duty…", "One case in point is…": an example of what the
 * story said before, which the line leaves unsaid ("An example of U.S. duties is…" says it).
 */
const UNSAID_EXAMPLE = /^(?:an?|one|the)\s+(?:\p{Ll}+\s+){0,2}(?:example|instance|illustration|case in point)\b(?!\s+of\b)/iu;

/** "Both firms…", "Both sides…": a pair the sentence does not name ("Both Brazil and Peru" does). */
const UNNAMED_PAIR = /^(?:both)\s+(?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}[\p{Ll}-]*s\b(?!\s+(?:of|and)\b)/u;

/**
 * "Monetary sources described them as…": a pronoun object of the sentence's first verb is never
 * its subject, so it points at someone the slide does not name.
 */
const OBJECT_PRONOUN = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Ll}[\p{L}'’-]*){0,3}\s+\p{Ll}+(?:ed|s)\s+(?:them|him|her)\b/u;

/** Phrases that only make sense after what came before. */
const BACK_REFERENCE =
  /^(?:instead of|unlike (?:this|that|these|those|them|it)|since then|by then|until then|at that time|at the time|in return|in response|on the contrary|to this end|to that end|for this reason|for these reasons|despite this|because of this|in doing so|by doing so|as a result of this|in this (?:way|manner|context|sense|respect))\b/i;

/**
 * "Japanese firms and officials in turn argue…", "In turn, the bank…": the sentence answers the
 * one before (a "which in turn" inside the sentence answers its own clause).
 */
/**
 * "Chang was quoted as saying this would depend on…", "He said these were…": a demonstrative as
 * the subject of what was said points at what the story said before.
 */
const SAID_THIS = /\b(?:said|says|saying|say|added|adding|warned|noted|argued|stressed|believes?|believed|thinks?|thought|expects?|expected)\s+(?:that\s+)?(?:this|these|those)\s+(?:would|will|was|were|is|are|could|can|may|might|should|must|had|has|have|meant|means|did|does)\b/i;

/**
 * "Kerin was referring to the government's underwriting of…": what a speaker meant by words the
 * story quoted before, which the slide does not show.
 */
const REFERRING = /^(?:[^,;:]*?\s)?(?:was|were)\s+referring\s+to\b/i;

const IN_TURN = /^(?:in turn\b|(?:(?!\b(?:which|that|who|whose)\b)[^,;:])+?(?<!\b(?:and|or))\s+in turn\s+\p{Ll})/iu;

/**
 * "As such, Russia's room for manoeuvre would certainly shrink…", "For instance, Moscow would be
 * expected to limit…": a hypothetical conclusion or example drawn from the sentence before. Without
 * its marker it would read as a forecast of its own; with it, it points back.
 */
export function drawnFromBefore(text: string): boolean {
  return /^(?:consequently|therefore|thus|hence|as a result|as such|accordingly|for instance|for example)\b/i.test(text) && /\b(?:would|could|might)\b/i.test(text);
}

/**
 * "A new leader would have a chance to reassess…", "A shareholder list would also be necessary…":
 * a line that opens on something indefinite and says what it would do, with no condition of its
 * own, goes on with a scenario the sentences before set up (after Putin, in a proxy fight). Alone
 * it reads as a forecast about nobody in particular.
 */
const HYPOTHETICAL_SUBJECT = /^(?:An?)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+\s+would\b/u;
const OWN_CONDITION = /\b(?:if|unless|provided|providing|as long as|so long as|in the event|in case|once|when|whenever)\b/i;
const hypotheticalAlone = (t: string) => HYPOTHETICAL_SUBJECT.test(t) && !OWN_CONDITION.test(t);

/**
 * Words someone said that point at what the story said before they spoke: "Now, taking account of
 * *this inflation index*, …", "*Both sides* are showing clear interest…". (First person is a
 * quote's own voice, and is not tested here.)
 */
export function quotePointsBack(text: string): boolean {
  const t = text.replace(/^[“"‘']+/, '').replace(/^(?:now|so|but|and|well|yes|no)\s*,?\s+/i, '');
  const head = t.split(/\s+/).slice(0, 8).join(' ');
  return DEMONSTRATIVE_NOUN.test(head) || EVIDENCE_OF_BEFORE.test(t) || UNNAMED_PAIR.test(t.replace(/^\p{Lu}/u, (c) => c.toLowerCase())) || BACK_REFERENCE.test(t);
}

/**
 * "It suggests the Canada of the immediate post-war period…", "This shows…": what the speaker was
 * shown or asked about is what "it" reads as evidence of, and the slide does not say what that is.
 */
const EVIDENCE_OF_BEFORE = /^(?:it|this|that|these|those)\s+(?:suggests?|shows?|means?|reflects?|indicates?|proves?|confirms?|demonstrates?|underlines?|highlights?)\b/i;

/**
 * "The solution is linked with growth, not recession": a bare "the" + noun as the subject of what
 * the speaker says is the one the story was about ("the solution" to Brazil's debt), which the slide
 * does not say ("The current account deficit will…" and "the main struggle, which…" say more; "the
 * economy" in a deck on the economy is the deck's).
 */
const BARE_DEFINITE_SUBJECT = /^the\s+(\p{Ll}+)\s+(?:is|was|are|were|has|had|will|would|can|could|should|may|might|must|\p{Ll}+ed)\b/iu;

/** The noun of a quote's bare definite subject ("solution" in "The solution is…"), if it opens on one. */
export function bareDefiniteSubject(text: string): string | undefined {
  return BARE_DEFINITE_SUBJECT.exec(text.replace(/^[“"‘']+/, ''))?.[1];
}

/** "within these institutions": near the start, a determiner pointing at something named earlier. */
const DEMONSTRATIVE_NOUN = /\bthese\s+(?!(?:days|two|three)\b)\p{Ll}|\bthis\s+(?!(?:year|century|decade|week|month|time|stage|point|is|was|will|would|may|could|can|has|had|does)\b)\p{Ll}+\b(?!\s+between\b)/u;

/** Explicit pointers into the article: "as noted above", "mentioned earlier", "see below". */
const POINTER = /\b(?:as (?:noted|mentioned|discussed|described|explained|shown|stated|argued|seen)(?: (?:above|earlier|before|previously))?|(?:noted|mentioned|discussed|described) (?:above|earlier|previously)|see (?:above|below))\b/i;

/**
 * "The bank said…", "…, the company said.": a definite noun phrase as the speaker points at an
 * organisation named before ("the company's chairman said" too). A name ("the Bank of Japan
 * said") starts with a capital; a plural ("the delegates said") is a group the story is about,
 * not one body to name.
 */
const DEFINITE_SPEAKER =
  /(?:^|[,;]\s+|\s)[Tt]he\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*(?:['’]s\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*)?(?<!(?<!s)s)\s+(?:(?:also|later|further)\s+)?(?:said|says|added|told|reported|announced|stated|noted|estimated|forecast|predicted)\b/u;

export function definiteSpeaker(text: string): boolean {
  return DEFINITE_SPEAKER.test(text.replace(/“[^”]*”|"[^"]*"/g, '“…”'));
}

/** "such asymmetry", "such a policy": of the kind just described. */
const SUCH = /\bsuch\s+(?!as\b|that\b)(?:an?\s+)?\p{Ll}+/iu;
/** A sentence that ends on "this option", "these regions": which ones? */
const CLOSING_DEMONSTRATIVE = /\b(?:this|these|those|that)\s+\p{Ll}+[.!?]?["”’)]*$/u;
/**
 * "Any other Chinese investments…", "the other three countries", "Other potential candidates
 * include…": the rest of a set the story named before ("other than energy" says which; "on the
 * other hand" is no set).
 */
const OTHER_OF_SET = /\b(?:the|any|all|its|their)\s+other\s+(?!hand\b|side\b|way\b|day\b)(?!.*\bthan\b)|^other\s+(?!than\b)(?:\p{Ll}+\s+){0,2}\p{Ll}+s\b/iu;

/** "On one hand, …" without the other; "As in Central Asia, …" about a place the slide never names. */
const HALF_PAIR = /^(?:on (?:the )?one hand|as (?:in|with|for) [^,]{2,40},)/i;

/**
 * "Hutchison earlier reported…", "The dollar was initially stabler…": earlier than the moment the
 * story has reached, which the slide does not tell. ("A year earlier" says when; "was initially planned"
 * is the plan's own history.)
 */
const STORY_SEQUENCE = /(?<!\b(?:a|one|two|three|\d+)\s+(?:years?|months?|weeks?|days?|quarters?)\s+)\bearlier\s+\p{Ll}+ed\b|\binitially\b(?!\s+\p{Ll}+ed\b)/iu;

/** "NOTE: Company statement said…": a wire's label for a note on the story above it. */
const WIRE_LABEL = /^\p{Lu}{2,}(?:['’]S)?(?:\s+\p{Lu}{2,})*:\s/u;

/**
 * "Exports of soybean oil were 325,900 (338,800), sun oil 172,100 (189,800), rape oil 114,300
 * (103,400)…": a table's row set in prose, each figure beside its comparison in brackets, whose
 * heading (whose exports, which period, what unit) the story gave before.
 */
const TABLE_ROW = /(?:\d[\d,.]*\s*\(\s*\d[\d,.]*\s*\)[^()]{0,40}){3,}/;

/** "a similar scenario" without "to …": similar to what? */
const SIMILAR = /\b(?:a|the)\s+similar\s+\p{L}+\b(?!\s+to\b)/u;

/** "What remains uncertain is what role…": an open question, not a point. */
const OPEN_QUESTION = /^what\s+(?:remains|is|was)\s+(?:still\s+)?(?:uncertain|unclear|unknown|open)\b/i;

/** A leading phrase (not a clause with its own subject) before the main clause. */
const LEADING_PHRASE =
  /^(?:without|with|despite|in|on|at|by|for|to|after|before|given|considering|together|instead|rather|beyond|apart|amid|under|during|from|following|against|like|unlike|through|within|regardless|thanks)\b[^,]{0,150},\s+/i;
/** A relative clause set off by commas after a leading phrase (", where Russia has used force,"). */
const RELATIVE_ASIDE = /^(?:where|which|who|whose|when)\b[^,]{0,150},\s+/i;
/** A leading subordinate clause: its own subject may be what a later pronoun refers to. */
const LEADING_CLAUSE = /^(?:although|though|while|whereas|because|since|as|if|when|once|unless|even though|even if)\b[^,]{0,150},\s+/i;

const DEMONSTRATIVE_SUBJECT = /^(?:(?:this|these|those)\b(?!\s+(?:who|which|that|whose)\b)|such\b(?!\s+as\b))/i;
/** "it is difficult to…", "it would be easier…": the dummy "it" points at nothing. */
const PRONOUN_SUBJECT =
  /^(?:they|he|she|it)\b(?!\s+(?:is|was|would be|will be|seems|seemed|appears|remains|may be|might be|could be)\s+(?:\w+\s+)?(?:to|that|difficult|easy|easier|harder|hard|likely|unlikely|clear|possible|impossible|important|necessary|worth|uncertain|unclear|too early)\b)/i;

export interface StandAloneOptions {
  /** Allow "A second scenario…" openings: a scenarios slide is the list they belong to. */
  allowOrdinal?: boolean;
  /** Allow what something indefinite would do ("A domestic change would…"): a scenarios slide says these are hypotheses. */
  scenario?: boolean;
}

/**
 * A quotation that opens or closes outside the sentence: the sentence is part of someone's longer
 * quote, whose speaker the slide would not show.
 */
export function insideLongerQuote(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/“/g) !== count(/”/g) || count(/"/g) % 2 === 1;
}

/**
 * A direct quotation of four words or more: its words are someone's, and they reach a slide only
 * as a quote, with the speaker named in full. Scare quotes and titles ("multi-vector") are fine.
 */
export function holdsQuotation(text: string): boolean {
  // Four words or more, or an utterance however short: its own punctuation inside the marks.
  return findQuotedSpans(text).some((s) => s.words >= 4 || /[,.!?]\s*$/.test(text.slice(s.start, s.end)));
}

/** "I", "we", "my", "our" outside quotation marks: someone speaks whom the slide does not name. */
const FIRST_PERSON = /(?<![\p{L}'’-])(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|[Oo]urs|ourselves|us|me|[Mm]y|myself)(?![\p{L}'’-])/u;

export function speaksInFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(text.replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, ' '));
}

/** "…, he said.", "she added", "they told reporters": a speaker the slide cannot name. */
const PRONOUN_SPEAKER =
  /(?<![\p{L}])(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+(?:(?:also|later|then|further)\s+)?(?:said|says|added|adds|told|noted|notes|explained|continued|argued|warned|stressed|insisted|replied|wrote|estimated|predicted|forecast|reported)\b/u;

export function unnamedSpeaker(text: string): boolean {
  return PRONOUN_SPEAKER.test(text);
}

/** Sentences already read in this process, by options: the answer depends on the text alone. */
let leaning = new Map<string, boolean>();
const KEPT_READINGS = 50_000;

/**
 * Readings made in earlier runs (`build/selection-file.ts`), by options and text: read, and
 * added to, from now on (with this process's own).
 */
export function keepReadings(readings: Map<string, boolean>): void {
  if (readings === leaning) return;
  for (const [key, known] of leaning) if (!readings.has(key)) readings.set(key, known);
  leaning = readings;
}

/** True when the sentence points back at text the slide does not show. */
export function leansOnContext(text: string, options: StandAloneOptions = {}): boolean {
  const key = `${options.allowOrdinal ? 1 : 0}${options.scenario ? 1 : 0}${text}`;
  let known = leaning.get(key);
  if (known === undefined) {
    if (leaning.size >= KEPT_READINGS) leaning = new Map();
    leaning.set(key, (known = leansOn(text, options)));
  }
  return known;
}

function leansOn(text: string, options: StandAloneOptions): boolean {
  if (insideLongerQuote(text) || holdsQuotation(text)) return true;
  if (speaksInFirstPerson(text) || unnamedSpeaker(text)) return true;
  // An opening "However," left after compression is one that could not go ("However, the crisis
  // ends, one can expect…"): read alone, it looks like a reply to a sentence the slide lacks.
  if (/^however\s*,/i.test(text) || drawnFromBefore(text) || (!options.scenario && hypotheticalAlone(text))) return true;
  const t = text.replace(/[\u00a0\u202f]/g, ' ').replace(/“[^”]*”|"[^"]*"/g, '“…”');
  // "That way, China…" points back; so does "In short, this…" once its short opening is set aside.
  if (ANAPHORIC.test(t) || ANAPHORIC.test(t.replace(/^[\p{L}\s]{2,25},\s+/u, ''))) return true;
  if (!options.allowOrdinal && ORDINAL_OPENING.test(t)) return true;
  const head = t.split(/\s+/).slice(0, 8).join(' ');
  if (OBJECT_PRONOUN.test(t) || UNNAMED_PAIR.test(t.replace(/^\p{Lu}/u, (c) => c.toLowerCase())) || BACK_REFERENCE.test(t) || OPEN_QUESTION.test(t) || SIMILAR.test(t) || DEMONSTRATIVE_NOUN.test(head)) return true;
  // "as noted above", "the bank said", "such asymmetry", "…towards this option.": the text points
  // at a passage the slide lacks.
  if (STORY_SEQUENCE.test(t) || EACH_OF_SET.test(t) || UNSAID_EXAMPLE.test(t) || WIRE_LABEL.test(t) || TABLE_ROW.test(t)) return true;
  if (POINTER.test(t) || definiteSpeaker(t) || SUCH.test(t) || CLOSING_DEMONSTRATIVE.test(t) || HALF_PAIR.test(t) || OTHER_OF_SET.test(t) || IN_TURN.test(t) || SAID_THIS.test(t) || REFERRING.test(t)) return true;
  // Leading phrases may stack ("Unlike in Asia, where …, in Africa, it has…"): set each aside in turn.
  let main = t;
  const aside = (x: string) => LEADING_PHRASE.exec(x) ?? RELATIVE_ASIDE.exec(x);
  for (let phrase = aside(main), n = 0; phrase && n < 4; phrase = aside(main), n++) {
    main = main.slice(phrase[0].length);
    if (DEMONSTRATIVE_SUBJECT.test(main) || PRONOUN_SUBJECT.test(main)) return true;
    // "To preserve a U.S.-Japan pact on semiconductor trade, but major Japanese chipmakers doubt
    // its usefulness.": a phrase, then "but", is the tail of a sentence whose clause came before
    // (the wire wrote "…other than the U.S. To preserve…", and the sentence was cut at "U.S.").
    if (/^(?:but|and|or|yet|nor)\b/i.test(main)) return true;
  }
  const clause = LEADING_CLAUSE.exec(t);
  if (clause && DEMONSTRATIVE_SUBJECT.test(t.slice(clause[0].length))) return true;
  return false;
}

/**
 * A line that only reports a refusal to say ("Delegates would not speculate on prospects for
 * agreement.", "The company declined to comment."): it tells the audience nothing. (One that goes
 * on to what was said, ", but said…", does.)
 */
export function saysNothing(text: string): boolean {
  return REFUSAL.test(text) && !/,?\s+but\b|;/i.test(text.slice(REFUSAL.exec(text)!.index));
}
const REFUSAL = /^(?:[^,;:]*?\s)?(?:would not|wouldn't|will not|declined to|refused to|could not be reached to|were not available to|was not available to)\s+(?:immediately\s+)?(?:speculate|comment|say|elaborate|disclose|be drawn|give details|confirm or deny)\b/i;
