/**
 * Compression of a source sentence into a slide bullet by DELETING words only: asides in brackets
 * or dashes, discourse markers, intensifiers, appositives, non-restrictive relative clauses and
 * concessive or circumstantial clauses. What carries the point is never deleted (point.ts):
 * conditions, examples, dates, attributions and the subject of a figure. The only other changes are a capital first letter and a closing full stop.
 * Nothing is added or reworded, words inside quotation marks are never touched, and attributions
 * ("according to", "experts believe") and likelihood words are kept, so a bullet never claims
 * more certainty than its source. Rules run from gentle to severe, stopping once the bullet fits.
 */
import { findFigures } from '../corpus/figures.ts';
import { SAYS } from '../corpus/people.ts';
// (A hypothetical conclusion or example keeps its marker, so the line is seen to point back.)
import { drawnFromBefore } from '../select/index.ts';
import { CALENDAR } from '../select/definite.ts';
import { isClause, posTags, tokens } from './grammar.ts';
import { keepSpans, touchesKept } from './point.ts';
import { dayReferences } from './when.ts';
import { isEnglishWord } from '../select/vocabulary.ts';

const hasVerb = (s: string) => posTags(s).some((t) => t === 'VERB' || t === 'AUX');

type Range = [number, number];
type Rule = (s: string) => Range[];

const DISCOURSE =
  /^(?:however|moreover|furthermore|nevertheless|nonetheless|consequently|therefore|thus|hence|indeed|in fact|in addition|additionally|meanwhile|at the same time|in this manner|in this way|in other words|of course|still|yet|also|instead|similarly|likewise|overall|finally|first|second|third|notably|importantly|as a result|for example|for instance|in turn|accordingly|on the other hand|by contrast|in contrast|to be sure|after all|ultimately|in short|in sum|put simply|simply put|as such|again|then)\s*,\s+|^(?:but|and|so|yet)\s+(?=\S)/i;
const MEDIAL_MARKER =
  /,\s*(?:however|moreover|nevertheless|nonetheless|therefore|though|of course|in fact|indeed|for example|for instance|in turn|in other words|after all|thus|hence),(?=\s)/gi;
const INTENSIFIER = /\s(?:very|really|quite|simply|indeed|truly)(?=\s)/gi;
// Concessive, causal and circumstantial openings only: a condition ("if", "unless", "when") carries
// the point and is never deleted (see point.ts).
// (Not a cause stated as a state of things, "With futures down, processors are finding…": the
// line's point follows from it.)
const SUBORDINATE = /^(?:while|although|though|whereas|despite|even though|against the backdrop of|given|because|as|amid|with(?![^,]{1,60}\s(?:down|up|higher|lower|rising|falling|weaker|stronger|gone|over|unchanged)\s*,)|to|in order to)\b[^,]{3,}?,\s+/i;
const TEMPORAL = /^(?:since|after|following|before|during|in|by|over|for|from|until|throughout|within|at)\b[^,]{2,}?,\s+/i;

// (A wire's reminder, "As previously reported, …", ties the line to an earlier story.)
const BARE_MARKER = /^(?:still|meanwhile|moreover|however|nevertheless|nonetheless|thus|indeed|also|hence|therefore|as\s+(?:previously|earlier|already)\s+(?:reported|announced|stated),?)\s+/i;


const gentle: Rule[] = [
  leadingClause(BARE_MARKER),
  (s) => matches(s, /\s*\([^()]*\)/g).filter((r) => !namesInBrackets(s, r)),
  (s) => matches(s, /\s*\[[^\]]*\]/g),
  (s) => matches(s, /\s+[—–]\s[^—–]+?\s[—–](?=\s)/g),
  (s) => matches(s, /\s*—[^—\s][^—]*?[^—\s]—(?=\s)/g),
  // (closed up on its right: "the Power Siberia pipeline —shipping Siberian gas to China—opened…")
  (s) => matches(s, /(?<=\s)—[^—\s][^—]*?[^—\s]—(?=\p{L})/gu),
  (s) => (concessiveHowever(s) || drawnFromBefore(s) ? [] : matches(s, DISCOURSE)),
  medialMarker,
  (s) => matches(s, INTENSIFIER),
];
/**
 * A name in brackets that is the sentence's own noun, not an aside: "State-owned (Taiwan Power
 * co) will boost…", "(Groupe Cantrex Inc) said…" (a wire's way of marking a company). It is
 * what comes after a word that is no name, or at the start, and before a verb or the end of a
 * noun phrase; "Russia’s Far Eastern (RFE) region" spells out a name before it and may go.
 */
function namesInBrackets(s: string, [a, b]: Range): boolean {
  const inner = s.slice(a, b).trim().slice(1, -1);
  if (!/^\p{Lu}/u.test(inner) || /^\p{Lu}{2,}$/u.test(inner)) return false;
  const words = s.slice(0, a).trim().split(/\s+/).filter(Boolean);
  const before = words.at(-1) ?? '';
  // (The sentence's first word has a capital whatever it is.)
  return words.length <= 1 || !/^\p{Lu}/u.test(before) || /^(?:The|A|An)$/.test(before);
}

/**
 * A contrasting clause that denies or rejects what the sentence reports (", while U.S. Agriculture
 * Department officials said there was no substance to the reports"): without it, a rumour reads
 * as fact, so compression never cuts it.
 */
function denial(clause: string): boolean {
  return CONTRAST.test(clause) && NEGATION.test(clause);
}
const CONTRAST = /^,?\s*(?:while|although|though|whereas)\s/i;
const NEGATION = /\b(?:no|not|never|none|nothing|denied|denies|deny|denial|dismissed|rejected|rejects)\b|n['’]t\b/i;

/**
 * A sentence without what describes a name between commas (", a subsidiary of Newmont Mining
 * Corp,", ", the working interest owner for its oil and natural gas properties," after a wire's
 * "<LLX>", ", which suspended payments on its debt,"): what it says of the name remains. As for the
 * appositive rule below, a phrase on "the" or "a" with a verb of its own is the sentence's clause
 * ("For many analysts in China, the invasion of Ukraine came as a surprise, and…"), and stays.
 */
export function outsideAppositives(text: string): string {
  const spans = matches(text, DESCRIBED_NAME).filter(([a, b]) => /^,\s+(?:which|who|whose)\s/.test(text.slice(a, b)) || !hasVerb(text.slice(a, b)));
  return spans.reduceRight((t, [a, b]) => t.slice(0, a) + t.slice(b), text);
}
const DESCRIBED_NAME = /(?<=\p{Lu}[\p{L}\p{N}.&'’-]*|[>)]),\s+(?:a|an|the|its|their|which|who|whose)\s[^,;:()]{3,160}?,(?=\s)/gu;

/** A participle that says what follows from the clause before: "making it impossible…", "leaving Russia…", "forcing…". */
const CONSEQUENCE = /^,\s+(?:making|leaving|rendering|forcing|allowing|enabling|preventing|causing|giving|meaning|putting|keeping)\s/;

const moderate: Rule[] = [
  // ", the patriarch of geopolitics," after a name
  // (an appositive is a noun phrase: with a verb of its own it is the sentence's clause, as in
  // "For many analysts in China, the invasion of Ukraine came as a surprise, and …")
  (s) => matches(s, /(?<=\p{Lu}\p{Ll}+),\s+(?:the|a|an|who|whose)\s[^,]{3,60},(?=\s)/gu)
    .filter(([a, b]) => /^,\s+(?:who|whose)\s/.test(s.slice(a, b)) || !hasVerb(s.slice(a, b))),
  // ", which carry propagandistic meaning" up to the next comma or the end
  // (a comma or point between digits is part of a number: "362,700 shares" is not cut in two)
  relativeClause,
  leadingClause(SUBORDINATE),
];
const severe: Rule[] = [
  leadingClause(TEMPORAL),
  // After a semicolon, "however"/"but"/"yet" marks the point the sentence is making: keep it.
  (s) => matches(s, /;\s(?!\s*(?:however|but|yet|still|nevertheless|instead)\b).*$/i),
  // Trailing phrases are cut only when they hold no further comma: a comma may close a medial
  // phrase ("…, coupled with X, could influence…") and cutting there would remove the verb.
  (s) => matches(s, /,\s+(?:as|while|because|since|although|though|amid|including|especially|particularly|such as|so that)\s[^"“”,;]*$/),
  // ", in a move analysts say marks the start of a price war", ", in a bid to win customers":
  // what the reporter makes of the news, after the news itself.
  (s) => matches(s, /,\s+in\s+(?:a|an)\s+(?:move|bid|attempt|effort|sign)\s[^"“”,;]*$/),
  // Not right after a relative clause: in "Federal funds, which averaged 6 pct, opened at…" the
  // participle-looking word is the main verb. Nor a clause that states the consequence ("…only
  // go to China, making it impossible for Russia to export gas to other customers"): it is the point.
  // Nor where the clause a conjunction opens has no verb before it: in "…while the Communist-led
  // CGT, the largest of France's unions, declared…" the word is that clause's verb.
  (s) => matches(s, /,\s+(?:\p{Ll}+(?:ed|ing))\s[^"“”,;]*$/u)
    .filter(([a]) => !/,\s+(?:which|who|whose)\s[^,]*$/i.test(s.slice(0, a)) && !CONSEQUENCE.test(s.slice(a)) && !verblessClause(s.slice(0, a))),
  trailingClause(/,\s+and\s[^"“”,;]*$/),
  unmarkedTrailingClause,
  clauseBeforeAttribution,
  (s) => matches(s, /,\s+but\s+not\s[^"“”,;]*$/),
];

/** Whether the text ends in a clause a conjunction opens ("…while the CGT, the largest of France's unions") that has no verb yet. */
function verblessClause(before: string): boolean {
  const m = /\b(?:while|whereas|although|though|because|since|as|when|after|before|if|unless|until|whether)\s+(?![^,]*\b(?:said|says)\b)([^;:"“”]*)$/i.exec(before);
  // (A verb joined by a hyphen makes an adjective: "Communist-led".)
  return !!m && /\p{L}/u.test(m[1]) && !tokens(m[1]).some((t, i, all) => (t.tag === 'VERB' || t.tag === 'AUX') && !(all[i - 1]?.text === '-' && all[i - 1].end === t.start));
}

/**
 * Words that tie a sentence to the one before it and can go without changing what it says:
 * an opening discourse marker ("Second, …", "Moreover, …", "Yet, …") and a bare linking adverb
 * ("Russia also has become…", "Moscow soon became…", "China thereby eliminates…"). Applied to
 * every bullet when `detach` is set, so a bullet read alone does not start mid-argument.
 */
const LINKING_ADVERB = /(?<=[\p{L}’'])\s(?:also|soon|thereby|subsequently|furthermore|moreover)(?=\s\p{L})/gu;
const detaching: Rule[] = [
  leadingClause(BARE_MARKER, true),
  hereAfterNoun,
  (s) => (concessiveHowever(s) ? [] : leadingClause(DISCOURSE, true)(s)),
  (s) => matches(s, LINKING_ADVERB).filter(([a]) => !/\b(?:but|as|not only)\s*$/i.test(s.slice(0, a))),
];

/**
 * "here" after a noun ("dealers here said", "a meeting here", "creditor banks here") is the
 * place the article was filed from, which a slide does not show: the noun reads as well without
 * it. After a verb or a preposition ("based here", "from here") it is an argument and stays.
 */
function hereAfterNoun(s: string): Range[] {
  if (!/\bhere\b/i.test(s)) return [];
  const t = tokens(s);
  const out: Range[] = [];
  for (let i = 1; i < t.length; i++) {
    // (Also where it was said: "Treasurer Paul Keating said here.")
    const said = /^(?:said|says|told|added|stated)$/i.test(t[i - 1].text) && (!t[i + 1] || /^[.,;]$/.test(t[i + 1].text));
    if (t[i].text.toLowerCase() !== 'here' || (!['NOUN', 'PROPN'].includes(t[i - 1].tag) && !said)) continue;
    // Not "here and there", "here or abroad": a pair the sentence contrasts.
    if (t[i + 1] && ['and', 'or'].includes(t[i + 1].text.toLowerCase())) continue;
    out.push([t[i - 1].end, t[i].end]);
  }
  return out;
}

/**
 * ", up from 2.9 pct in December", ", against 1.2 billion dlrs a year earlier", ", the worst since
 * the series began in 1953": a figure's comparison, set off by a comma after the clause that states
 * the figure. It goes before any clause does, and only while another figure stays: the line keeps
 * its own figure and loses the one it was compared with. The dates and names inside it date and
 * place that other figure, so they go with it (see `protect`).
 */
const COMPARISON =
  /(?:,\s+|\s(?=compared\s+(?:with|to)\s))(?:(?:up|down|compared|against|versus|from)\s|(?:the|its|their)\s+(?:\p{Ll}+est|worst|best|most|least)\s(?:[^,;"“”]|,(?=\d))*?\bsince\s)(?:[^,;"“”]|,(?=\d))*(?=[,;.]\s|[,;.]?$)/gu;
function comparison(s: string): Range[] {
  return matches(s, COMPARISON).filter(([a, b]) => {
    const inside = s.slice(a, b);
    const rest = s.slice(0, a) + s.slice(b);
    // (Only where what is left says which way the figure went: "was reported at 21.78 mln bushels"
    // without "down from 22 mln" is a bare number.)
    return (/\bsince\s/.test(inside) || findFigures(inside).length > 0) && findFigures(rest).length > 0 && CHANGE.test(rest);
  });
}
/** Words that say which way a figure went. */
const CHANGE =
  /\b(?:r[io]se[ns]?|rising|f[ae]ll(?:s|en|ing)?|(?:in|de)creas(?:e[ds]?|ing)|drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|declin(?:e[ds]?|ing)|gain(?:s|ed|ing)?|gr[eo]w(?:s|n|ing)?|jump(?:s|ed|ing)?|slip(?:s|ped|ping)?|slump(?:s|ed|ing)?|surg(?:e[ds]?|ing)|soar(?:s|ed|ing)?|plung(?:e[ds]?|ing)|eas(?:e[ds]?|ing)|doubl(?:e[ds]?|ing)|halv(?:e[ds]?|ing)|record|higher|lower|up|down)\b/i;
const comparisons: Rule[] = [comparison];

export const COMPRESSION_LEVELS: readonly (readonly Rule[])[] = [gentle, moderate, comparisons, severe];

export interface CompressOptions {
  /** Most words allowed; `undefined` means no limit. */
  maxWords?: number;
  /** Apply the gentle and moderate rules even when the sentence already fits (executive style). */
  always?: boolean;
  /** Delete words that tie the sentence to the one before ("Second, …", "also", "thereby"). */
  detach?: boolean;
}

export interface Compressed {
  text: string;
  words: number;
  /** True when `maxWords` holds. */
  fits: boolean;
  /** True when any word was deleted. */
  shortened: boolean;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Shortens `sentence` by deletion until it has at most `maxWords` words, if the rules allow. */
/**
 * Compressions already made in this process, by options and sentence: the same sentence and
 * options always compress the same, and a rebuild asks for the very same ones.
 */
let compressions = new Map<string, Compressed>();
const KEPT_COMPRESSIONS = 20_000;

export function compressSentence(sentence: string, options: CompressOptions = {}): Compressed {
  const key = `${options.maxWords ?? ''}|${options.always ? 1 : 0}|${options.detach ? 1 : 0}|${sentence}`;
  let known = compressions.get(key);
  if (!known) {
    if (compressions.size >= KEPT_COMPRESSIONS) compressions = new Map();
    compressions.set(key, (known = compress(sentence, options)));
  }
  return { ...known };
}

function compress(sentence: string, options: CompressOptions): Compressed {
  // No-break spaces (common in scraped text) read as spaces; words are untouched.
  const source = sentence.replace(/[\u00a0\u202f]/g, ' ').trim();
  let text = source;
  if (options.detach) text = withoutDayReferences(source, applyRules(source, text, detaching));
  const limit = options.maxWords ?? Infinity;
  const forced = options.always ? 2 : 0;
  for (let level = 0; level < COMPRESSION_LEVELS.length; level++) {
    if (level >= forced && wordCount(text) <= limit) break;
    text = applyRules(source, text, COMPRESSION_LEVELS[level]);
  }
  const finished = finish(text);
  const safe = isDeletionOf(source, finished) ? finished : finish(source);
  const words = wordCount(safe);
  return { text: safe, words, fits: words <= limit, shortened: words < wordCount(finish(source)) };
}

/**
 * "on Thursday", "today", "over the past few weeks" go from a line (`when.ts`): on a slide they
 * would read as the meeting's week, and the line's tag gives the article's date instead. Words in
 * quotation marks stay; what is left must still be a clause.
 */
function withoutDayReferences(source: string, text: string): string {
  const quoted = quotedSpans(text);
  const t = tokens(text);
  // Not the complement a participle after a noun needs ("the decline in crush ratios seen in the
  // last few weeks, accelerating…" would leave "ratios seen, accelerating").
  const completes = ([a, b]: Range) => {
    if (!/^\s*,/.test(text.slice(b))) return false;
    const before = t.filter((x) => x.end <= a).slice(-2);
    return before.length === 2 && ['NOUN', 'PROPN'].includes(before[0].tag) && before[1].tag === 'VERB';
  };
  const found = dayReferences(text);
  // (Nor inside a relative clause that says what happened: "…follow the example of Brazil, which
  // last week declared a moratorium…" holds the point the main clause only points at; without its
  // day the clause would go as an aside. The line then keeps it, or is not shown.)
  const events = relativeClauseSpans(text);
  const ranges = found.filter((r) => !touchesKept(r, quoted) && !completes(r) && !touchesKept(r, events));
  // (All or none: a line that keeps one is not shown anyway, and reads best whole.)
  if (!ranges.length || ranges.length < found.length) return text;
  const next = tidy(remove(text, ranges));
  return wordCount(next) >= 4 && isDeletionOf(source, next) && isClause(next) ? next : text;
}

function applyRules(source: string, start: string, rules: readonly Rule[]): string {
  let text = start;
  for (const rule of rules) {
    const next = tidy(remove(text, protect(text, rule(text))));
    if (next !== text && wordCount(next) >= 4 && isDeletionOf(source, next) && !losesThePoint(text, next)) text = next;
  }
  return text;
}

/**
 * Whether a deletion takes what the line is for: its only figure or date ("…, which gave Brazil a
 * 30 pct share of a global market"; "In 1996, …"), the only name past its first word, or the
 * reason it gives (", because of their lower exposure"). What is left would be a line about
 * nothing in particular; better the line whole, or not at all.
 */
const FIGURE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|mln|billion|bln|half|quarter)\b/i;
function losesThePoint(before: string, after: string): boolean {
  // (A figure in an opening phrase that only describes, "With 30 years of experience, …", may go;
  // one the line ends on, or a year, is what it reports.)
  const trailing = before.startsWith(after.replace(/[.!?]$/, ''));
  if (FIGURE.test(before) && !FIGURE.test(after) && (trailing || /\b(?:1[89]|20)\d\d\b/.test(before))) return true;
  // (A name the deletion brings to the front still names, "Yet, Russia's strategy…" → "Russia's
  // strategy…", as does a first word that is no English word: "Russian gas flows…". A month or a
  // weekday names no one.)
  const names = (t: string) => (t.match(/(?<=\s)\p{Lu}[\p{L}'’.-]*/gu) ?? []).filter((w) => !CALENDAR.test(w));
  const named = new Set(names(before));
  const first = /^\p{Lu}[\p{L}'’.-]*/u.exec(after)?.[0];
  const stillNamed = names(after).length > 0 || (!!first && (named.has(first) || !isEnglishWord(first.toLowerCase().replace(/['’]s$/, ''))));
  if (named.size && !stillNamed) return true;
  return /,\s+because\s/i.test(before) && !/\bbecause\b/i.test(after);
}

/** True when every word of `bullet` appears in `source` in the same order (case aside for the first). */
export function isDeletionOf(source: string, bullet: string): boolean {
  // (words are compared, so spacing differences such as no-break spaces do not matter)
  const src = words(source);
  const out = words(bullet);
  let i = 0;
  for (let k = 0; k < out.length; k++) {
    const w = out[k];
    while (i < src.length && !(src[i] === w || (k === 0 && src[i].toLowerCase() === w.toLowerCase()))) i++;
    if (i === src.length) return false;
    i++;
  }
  return true;
}

function words(text: string): string[] {
  // "362,700" is one word: a deletion may not keep half of a number.
  return text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}'’%$.-]|,(?=\d))*[\p{L}\p{N}%]|[\p{L}\p{N}]/gu)?.map((w) => w.replace(/\.$/, '')) ?? [];
}

/**
 * ", however," between subject and verb ("Russia, nevertheless, has …") is deleted alone. Between
 * two clauses ("The deal appears beneficial, however, Russia may …") deleting it would splice the
 * clauses, so the first clause goes with it and the contrast's main point remains.
 */
function medialMarker(s: string): Range[] {
  const out: Range[] = [];
  for (const m of s.matchAll(MEDIAL_MARKER)) {
    const at = m.index ?? 0;
    const rest = s.slice(at + m[0].length).trim();
    if (!isClause(rest)) out.push([at, at + m[0].length]);
    else if (isClause(s.slice(0, at)) && !out.length) out.push([0, at + m[0].length]);
    else out.push([at, at + m[0].length - 1]);
  }
  return out;
}

/** The spans of non-restrictive relative clauses (", which …", ", who …"), up to the next comma or the end. */
function relativeClauseSpans(s: string): Range[] {
  return matches(s, /,\s+(?:which|who|whose|where)\s(?:[^,.;]|[,.](?=\d))+(?=[,.;]|$)/g);
}

/**
 * ", which carry propagandistic meaning" up to the next comma or the end (a comma or point between
 * digits is part of a number: "362,700 shares" is not cut in two). When the main verb follows the
 * closing comma ("The trust, which will accept …, said"), that comma goes too.
 */
function relativeClause(s: string): Range[] {
  return relativeClauseSpans(s).map(([a, b]) => {
    // The verb may follow an adverb: "Hutchison, which has …, earlier reported".
    const next = /^,\s+([\p{L}’']+)(?:\s+([\p{L}’']+))?/u.exec(s.slice(b));
    const tags = next ? posTags(next.slice(1).filter(Boolean).join(' ')) : [];
    const verb = (t?: string) => t === 'VERB' || t === 'AUX';
    return next && (verb(tags[0]) || (tags[0] === 'ADV' && verb(tags[1]))) ? [a, b + 1] : [a, b];
  });
}

/**
 * A trailing ", and …" is cut only when it is a clause of its own, never the end of a list: when
 * the item before it (since the previous comma) has no verb, "A, B, and C" is a list whatever the
 * tagger makes of C ("29 dlrs cash, six dlrs in debentures, and warrants for stock").
 */
function trailingClause(pattern: RegExp): Rule {
  return (s) => {
    const m = pattern.exec(s);
    if (!m) return [];
    const before = s.slice(0, m.index);
    const item = /,\s*([^,]*)$/.exec(before)?.[1];
    if (item !== undefined && !hasVerb(item)) return [];
    return isClause(m[0].replace(/^,\s+and\s+/, '')) ? [[m.index, m.index + m[0].length]] : [];
  };
}

/**
 * A closing reason or circumstance with no comma before it: "Crude oil prices fell sharply last week
 * as international oil traders … estimated …", "… no plans for an emergency OPEC meeting after the
 * recent weakness in world oil prices". What stays must be a clause of six words or more; "as",
 * "because" and "while" must open a clause (a verb follows), not a phrase ("as a result", "such
 * as", "as well as", "as much as").
 */
function unmarkedTrailingClause(s: string): Range[] {
  const m = /\s(as|because|while|whereas|amid|after|following)\s[^"“”,;:()]*$/i.exec(s);
  if (!m) return [];
  const head = s.slice(0, m.index);
  if (/\b(?:such|well|much|many|same|so|just|soon|long|far|twice|half|or)\s*$/i.test(head)) return [];
  if (head.split(/\s+/).length < 6 || !isClause(head)) return [];
  if (/^(?:as|because|while|whereas)$/i.test(m[1]) && !hasVerb(m[0].slice(m[1].length + 2))) return [];
  return [[m.index, s.length]];
}

/**
 * A news sentence closes on who said it (", Treasurer Paul Keating said here."): a circumstance
 * just before that ("…, while net exports will account for all of the increase, Treasurer Paul
 * Keating said") goes as it would at the sentence's end, and the attribution stays. What is left
 * before the attribution must be a clause.
 */
function clauseBeforeAttribution(s: string): Range[] {
  const said = CLOSING_ATTRIBUTION.exec(s);
  if (!said || said[1].split(/\s+/).length > 10) return [];
  const head = s.slice(0, said.index);
  const m = /,\s+(?:while|whereas|as|because|since|although|though|amid|including|especially|particularly|such as|after|following|\p{Ll}+ing)\s[^"“”,;:()]*$/iu.exec(head);
  if (!m || !isClause(head.slice(0, m.index))) return [];
  return [[m.index, said.index]];
}
/** ", <speaker> said[ here | on Monday | in a statement]." closing a sentence. */
const CLOSING_ATTRIBUTION = new RegExp(String.raw`,\s+([^,;:"“”()]+?)\s(?:${SAYS}|reported|announced)(?:\s[^,;:"“”()]{1,40})?\.?$`);

/**
 * "However, the crisis ends, one can expect…" is "however the crisis ends": a short clause that
 * ends in its verb before the comma. Deleting "However," there would turn it into a comma splice.
 */
function concessiveHowever(s: string): boolean {
  const m = /^however\s*,\s+([^,]+),\s+/i.exec(s);
  if (!m) return false;
  const words = m[1].trim().split(/\s+/);
  return words.length <= 8 && posTags(m[1]).at(-1) === 'VERB';
}

/** Deletes a leading phrase when what follows is a clause (or, `overPhrase`, phrases before one). */
function leadingClause(pattern: RegExp, overPhrase = false): Rule {
  return (s) => {
    const m = pattern.exec(s);
    if (!m || drawnFromBefore(s)) return [];
    const rest = s.slice(m[0].length);
    return isClause(rest) || (overPhrase && /,/.test(rest) && hasVerb(rest)) ? [[0, m[0].length]] : [];
  };
}

function matches(s: string, pattern: RegExp): Range[] {
  const out: Range[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const m of s.matchAll(re)) if (m[0].length) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return out;
}

/** Words that carry a judgement's likelihood: deleting them would overstate the source's certainty. */
const ESTIMATIVE = /\b(?:likely|unlikely|likelihood|probabl[ey]|possibl[ey]|certain(?:ly)?|doubts?|perhaps|may|might|could|odds|chances?|expected|undoubtedly|doubtless|surely|arguably|definitely|clearly)\b/i;

/**
 * Drops ranges that touch quoted words (quotations are never altered), hold estimative words, or
 * touch words that carry the point (conditions, examples, dates, attributions, a figure's subject).
 */
function protect(s: string, ranges: Range[]): Range[] {
  const figure = findFigures(s).length > 0;
  const kept = keepSpans(s, figure);
  // The names in an appositive describe the name before it, which stays and is what the figure is
  // about: "Magma Copper Co, a subsidiary of Newmont Mining Corp, said it is cutting its price…".
  const keptBesideName = figure ? keepSpans(s, false) : kept;
  const quoted = quotedSpans(s);
  const compared = comparison(s);
  return ranges.filter(
    (r) =>
      !touchesKept(r, quoted) &&
      !ESTIMATIVE.test(s.slice(r[0], r[1])) &&
      !denial(s.slice(r[0], r[1])) &&
      (compared.some(([a, b]) => a === r[0] && b === r[1]) ||
        (!(appositiveAfterName(s, r) ? keptBesideName : kept).some((k) => touchesKept(r, [k]) && !ownedBy(s, r, k)) &&
          !antecedentOf(s, r))),
  );
}

/** Words in quotation marks, which compression never touches. */
function quotedSpans(s: string): Range[] {
  return [...s.matchAll(/“[^”]*”|"[^"]*"/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as Range);
}

/** ", a subsidiary of Newmont Mining Corp," right after a capitalised name, closed by a comma. */
function appositiveAfterName(s: string, [a, b]: Range): boolean {
  return /\p{Lu}[\p{L}.&-]*$/u.test(s.slice(0, a)) && /^,\s+(?:a|an|the)\s[^,]+,$/.test(s.slice(a, b));
}

/**
 * Whether a range holds the name a pronoun left after it points to: "Against the backdrop of
 * Russia's political and economic weakening, China will attempt to replace it" loses who "it" is.
 */
function antecedentOf(s: string, [a, b]: Range): boolean {
  const rest = s.slice(b);
  // A pronoun as the object of a verb or preposition ("replace it", "for them"): never the
  // subject of its own clause, so never the name the clause opens on.
  const pronoun = /(?<=\b(?!(?:said|says|that|and|but|because|if|when|while|as|than)\b)\p{Ll}+\s)(?:it|them|him|her)(?![\p{L}'’])/u.exec(rest);
  if (!pronoun) return false;
  const before = new Set(rest.slice(0, pronoun.index).match(/\p{L}+/gu) ?? []);
  return [...s.slice(a, b).matchAll(/(?<![\p{L}])(\p{Lu}\p{L}+)/gu)].some((m) => a + (m.index ?? 0) > 0 && !before.has(m[1]));
}

/**
 * A kept word inside a later clause of its own that goes whole belongs to that clause, not to the
 * main one ("…only go to China, making it impossible … to other customers such as South Korea"):
 * the range starts before it, after the sentence's opening, and has its own verb before it. An
 * opening phrase ("In 2004,", "In the US,") always frames the main clause and is never owned.
 */
function ownedBy(s: string, [a, b]: Range, [ka, kb]: Range): boolean {
  if (!(a > 0 && a < ka && kb <= b && hasVerb(s.slice(a, ka)))) return false;
  // A clause, not an appositive (", a privately held firm based in Mountain View,"): it opens with
  // a conjunction, a relative pronoun or a participle.
  const first = /^[\s,;:—–-]*([\p{L}’']+)/u.exec(s.slice(a, b))?.[1] ?? '';
  return /^(?:which|who|whose|where|and|but|as|while|because|since|although|though|so|thereby)$/i.test(first) || posTags(first)[0] === 'VERB';
}

function remove(s: string, ranges: Range[]): string {
  let out = s;
  for (const [a, b] of [...ranges].sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + out.slice(b);
  return out;
}

function tidy(s: string): string {
  return s
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])\s*([,.;:])/g, '$2')
    .replace(/^[\s,;:—–-]+/, '')
    .trim();
}

function finish(s: string): string {
  let t = s.replace(/[\s,;:—–-]+$/, '');
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (!/[.!?]["”’)]?$/.test(t)) t += '.';
  return t;
}
