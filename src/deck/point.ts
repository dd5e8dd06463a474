/**
 * The words of a sentence that carry its point and that compression may never delete: a
 * condition ("If found in contempt of the court order, …"), an example introduced as such
 * ("such as Vietnam or India"), a date ("In 2004,", "early 1990s", "on March 3"), an attribution
 * ("according to SIPRI"), an opening phrase that names a place or actor ("For many analysts in
 * China,"), and, in a sentence that states a figure, the names of what the figure is about ("In the
 * US, growth was 4.7%"). Deleting any of them changes what the sentence claims:
 * a conditional becomes a forecast, one country's figure reads as another's, a dated fact as a
 * current one. The rules are grammatical (function words, capitals, calendar words), so they hold
 * for any English corpus.
 */
import { posTags } from './grammar.ts';

export type Span = [number, number];

const CONDITION =
  /\b(?:if|unless|provided(?:\s+that)?|providing|as\s+long\s+as|so\s+long\s+as|on\s+condition\s+that|in\s+the\s+event\s+(?:of|that)|in\s+case|assuming|whether|when|whenever)\b/gi;
const EXAMPLE = /\b(?:for\s+example|for\s+instance|e\.g\.|such\s+as|including|notably)\b/gi;
const ATTRIBUTION = /\baccording\s+to\b/gi;
const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const WEEKDAY = String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday`;
export const DATE = new RegExp(
  String.raw`\b(?:(?:early|mid|late)[\s-]+)?(?:1[5-9]|20)\d\d(?:'?s)?\b|\b(?:${WEEKDAY})\b|\b(?:${MONTH})\.?\s+\d{1,2}\b|\b(?:January|February|March|April|June|July|August|September|October|November|December)\b|` +
    String.raw`\b(?:last|next|this|previous|coming|past)\s+(?:year|month|week|quarter|decade|century|spring|summer|autumn|fall|winter)\b|\b(?:yesterday|today|tomorrow)\b|\b(?:first|second|third|fourth)\s+quarter\b`,
  'gi',
);

/** The clause a word opens: up to the next comma, semicolon, colon or dash, or the end. */
function clauseFrom(s: string, at: number): Span {
  const rest = s.slice(at);
  const end = /[,;:—–]|\s-\s|[.!?]["”’)]?\s*$/.exec(rest);
  return [at, at + (end ? end.index : rest.length)];
}

const all = (s: string, re: RegExp): RegExpMatchArray[] => [...s.matchAll(new RegExp(re.source, re.flags))];

/** Conditions, from their conjunction to the end of their clause. */
export function conditions(s: string): Span[] {
  return all(s, CONDITION).map((m) => clauseFrom(s, m.index ?? 0));
}

/** A modal that makes the main clause hypothetical: "would", "could", "might". */
const HYPOTHETICAL = /\b(?:would|could|might)\b/i;

/**
 * A sentence that illustrates a scenario stated before it ("For instance, Moscow would be
 * expected to …"): its framing is the example marker, so the marker must stay, or the bullet reads
 * as a plain forecast.
 */
export function isHypotheticalExample(s: string): boolean {
  return /^\W*(?:for\s+example|for\s+instance|e\.g\.)\b/i.test(s) && HYPOTHETICAL.test(s) && !conditions(s).length;
}

/** Capitalised words that are not at a sentence's start and are not calendar words or "I". */
function properNouns(s: string): Array<{ word: string; span: Span }> {
  const out: Array<{ word: string; span: Span }> = [];
  for (const m of s.matchAll(/[\p{Lu}][\p{L}.&-]*/gu)) {
    const at = m.index ?? 0;
    if (/^\W*$/.test(s.slice(0, at))) continue;
    const word = m[0].replace(/\.$/, '');
    if (word === 'I' || new RegExp(`^(?:${MONTH}|${WEEKDAY})$`, 'i').test(word)) continue;
    out.push({ word, span: [at, at + m[0].length] });
  }
  return out;
}

/** Spans of `s` that no deletion may touch. `figure` says the sentence states a figure. */
export function keepSpans(s: string, figure: boolean): Span[] {
  const spans: Span[] = [...conditions(s)];
  for (const m of all(s, EXAMPLE)) {
    const at = m.index ?? 0;
    // "For example" only links a sentence to the one before (at its opening or between commas),
    // unless the sentence illustrates a hypothetical: then the marker is its framing. "Such as",
    // "including", "notably" introduce the example itself, which stays.
    const marker = /^(?:for|e\.g)/i.test(m[0]);
    if (!marker) spans.push(clauseFrom(s, at));
    else if (isHypotheticalExample(s)) spans.push([at, at + m[0].length]);
  }
  for (const m of all(s, ATTRIBUTION)) spans.push(clauseFrom(s, m.index ?? 0));
  for (const m of all(s, DATE)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  if (figure) for (const p of properNouns(s)) spans.push(p.span);
  // An opening prepositional phrase that names a place or actor scopes the whole claim ("For many analysts in
  // China, …", "In Russia, …"): without it the claim reads as general.
  // (places and perspectives: "in", "for", "among"…; a time or circumstance such as "After Western
  // sanctions," is a frame compression may drop)
  const opening = /^\W*(?:in|for|among|across|within|throughout|inside|outside|at)\s[^,;:]{2,80},\s/i.exec(s);
  const tags = opening ? posTags(opening[0]) : [];
  if (opening && tags[0] === 'ADP' && properNouns(opening[0]).length && !tags.some((t) => t === 'VERB' || t === 'AUX'))
    spans.push([0, opening[0].length]);
  return spans;
}

/** True when deleting `range` from `s` would remove a word that carries the point. */
export function touchesKept(range: Span, kept: readonly Span[]): boolean {
  const [a, b] = range;
  return kept.some(([ka, kb]) => a < kb && ka < b);
}
