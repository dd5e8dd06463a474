/**
 * Reading a figure in its sentence: is it a key figure, what does it measure, of whom and when.
 * The label is cut from the sentence by deleting words ("Taiwan's trade surplus with the United
 * States hit 13.6 billion dlrs last year" → "Taiwan's trade surplus with the United States, last
 * year"), never written: the subject noun phrase before the verb, the noun phrase between verb and
 * figure ("has an output ceiling of …"), the "of …" or "in <place>" phrase after it, and the date.
 *
 * Not key: a count of time ("10 days ago", "50 years"), a number whose "unit" is not a noun
 * ("12 large banks"), a figure in a line with no verb (wire tables: "Shr 12 cts vs 14 cts"), and a
 * figure whose label names nobody (no proper noun: "Net income rose 12 pct" says not whose).
 */
import { findFigures, TIME_UNIT } from '../corpus/figures.ts';
import type { Figure } from '../model.ts';
import { isDeletionOf } from './compress.ts';
import { tokens, type Token } from './grammar.ts';
import { DATE } from './point.ts';

export interface FigureReading {
  figure: Figure;
  /** What is measured, of what and when: words of the sentence, in its order. */
  label: string;
  /** Content words of the measure without names or dates ("trade surplus"): like compares with like. */
  measure: string;
  /** The names the label holds ("Taiwan United States"). */
  subject: string;
  /** The date phrase, when the sentence gives one. */
  when?: string;
}

// "DOHA, March 1 - " opening a wire story, or an upper-case lead-in such as "NOTE: ".
const DATELINE = /^(?:\p{Lu}[\p{Lu}\s.,'’-]+,\s+\p{Lu}\p{Ll}{2,}\.?\s+\d{1,2}\s+-\s+|\p{Lu}{2,}:\s+)/u;
const NP = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const NP_LINK = /^(?:of|with|in|for|and|'s|’s)$/i;
const VERBAL = new Set(['VERB', 'AUX', 'PART', 'ADV']);

const join = (ts: Token[]) => ts.map((t) => t.text).join(' ').replace(/\s+(['’]s)\b/g, '$1');
let isName = (t: Token) => t.tag === 'PROPN' && /^\p{Lu}/u.test(t.text);

/**
 * The tagger calls any capitalised first word a proper noun ("Net income rose…"): the first word
 * is a name only if it stays one with its capital lowered.
 */
function namesIn(s: string, ts: Token[]): (t: Token) => boolean {
  const lowered = tokens(s.charAt(0).toLowerCase() + s.slice(1));
  const firstIsName = lowered[0]?.tag === 'PROPN';
  const calendar = new RegExp(`^(?:${DATE.source})$`, 'i');
  return (t) => t.tag === 'PROPN' && /^\p{Lu}/u.test(t.text) && (t !== ts[0] || firstIsName) && !calendar.test(t.text);
}

/** The noun phrase that ends just before token `end` (exclusive), skipping an appositive. */
function nounPhraseBefore(ts: Token[], end: number): Token[] {
  let i = end;
  // "the bilateral trade imbalance, which last year amounted to …": the subject of a relative
  // clause is the noun phrase the pronoun stands for (a date in between is read as the date).
  const rel = ts.slice(Math.max(0, i - 3), i).findLastIndex((t) => /^(?:which|who|that)$/i.test(t.text));
  if (rel >= 0) {
    const at = Math.max(0, i - 3) + rel;
    if (at > 0 && ts.slice(at + 1, i).every((t) => NP.has(t.tag))) i = ts[at - 1].text === ',' ? at - 1 : at;
  }
  // "Qatar, an OPEC member, has …": step over the appositive to the name before it.
  if (ts[i - 1]?.text === ',') {
    const open = ts.slice(0, i - 1).findLastIndex((t) => t.text === ',');
    if (open > 0 && ts[open + 1]?.tag === 'DET') i = open;
  }
  let start = i;
  while (start > 0 && (NP.has(ts[start - 1].tag) || NP_LINK.test(ts[start - 1].text))) start--;
  while (start < i && (ts[start].tag === 'ADP' || ts[start].tag === 'CCONJ' || ts[start].tag === 'PART')) start++;
  // A subject opens its clause; a noun phrase after a preposition or ending in "and" belongs to
  // another verb ("was for April shipments and comprised …"): no subject is better than a wrong one.
  const before = ts[start - 1];
  if (start === i || ts[i - 1].tag === 'CCONJ' || (before && !['PUNCT', 'SCONJ', 'VERB'].includes(before.tag))) return [];
  return ts.slice(start, i);
}

/** The phrase after the figure that says of what or where: "of China's arms imports", "in the US". */
function phraseAfter(ts: Token[], from: number): Token[] {
  const first = ts[from];
  if (!first || !/^(?:of|in|for|from|at)$/i.test(first.text)) return [];
  let end = from + 1;
  const inPhrase = (t: Token) => NP.has(t.tag) || (t.tag === 'VERB' && /(?:ed|ing)$/.test(t.text)) || /^(?:'s|’s|and|of|in|from)$/i.test(t.text);
  while (end < ts.length && ts[end].tag !== 'NUM' && inPhrase(ts[end]) && end - from < 8) end++;
  while (end > from + 1 && !['NOUN', 'PROPN'].includes(ts[end - 1].tag)) end--;
  const phrase = ts.slice(from, end);
  const useful = first.text.toLowerCase() === 'of' ? phrase.some((t) => t.tag === 'NOUN' || isName(t)) : phrase.some(isName);
  return useful && phrase.length > 1 ? phrase : [];
}

/**
 * A figure in the subject says what it measures in its predicate ("nearly 90% of exports from
 * Amur Oblast, which borders Heilongjiang Province, went to China"): the verb and a few words
 * after it, past a relative clause, up to the next punctuation.
 */
function predicateAfter(ts: Token[], from: number): Token[] {
  let j = from;
  if (ts[j]?.text === ',' && /^(?:which|who)$/i.test(ts[j + 1]?.text ?? '')) {
    const close = ts.findIndex((t, k) => k > j + 1 && t.text === ',');
    if (close < 0) return [];
    j = close + 1;
  }
  if (!['VERB', 'AUX'].includes(ts[j]?.tag ?? '')) return [];
  let end = j;
  while (end < ts.length && ts[end].tag !== 'PUNCT' && ts[end].tag !== 'NUM' && end - j < 6) end++;
  while (end > j + 1 && ['ADP', 'DET', 'CCONJ'].includes(ts[end - 1].tag)) end--;
  return ts.slice(j, end);
}

function dateNear(s: string, at: number): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const m of s.matchAll(new RegExp(DATE.source, DATE.flags))) {
    const start = m.index ?? 0;
    // The figure's period, not a deadline: "today" means nothing on a slide read weeks later, and a
    // weekday or a day of a month ("expires March 25", "payable April 14") dates an event.
    if (/^(?:yesterday|today|tomorrow)$/i.test(m[0]) || /day$/i.test(m[0]) || /^\p{Lu}\p{Ll}+\.?\s+\d/u.test(m[0])) continue;
    if (/^\s*\d{1,2}\b/.test(s.slice(start + m[0].length))) continue;
    if (!best || Math.abs(start - at) < Math.abs(best.start - at)) best = { start, end: start + m[0].length };
  }
  if (!best) return undefined;
  const prep = /\b(?:in|on|during|since|by|at|for|from|until)\s+$/i.exec(s.slice(0, best.start));
  return prep ? { start: prep.index, end: best.end } : best;
}

const MAX_LABEL_WORDS = 12;
const stem = (w: string) => w.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?<=[^s])s$/, '');

export function readFigure(sentence: string, figure: Figure): FigureReading | undefined {
  const s = sentence.replace(/\s+/g, ' ').trim().replace(DATELINE, '');
  const display = figure.text.replace(/\s+/g, ' ');
  const at = s.indexOf(display);
  if (at < 0) return undefined;
  const unitWord = figure.unit?.split(/[\s/]/).at(-1) ?? '';
  if (TIME_UNIT.test(figure.unit?.split('/')[0] ?? '')) return undefined;
  const ts = tokens(s);
  if (!ts.some((t) => t.tag === 'VERB' || t.tag === 'AUX')) return undefined;
  const first = ts.findIndex((t) => t.start >= at);
  const last = ts.findLastIndex((t) => t.end <= at + display.length);
  if (first < 0 || last < first) return undefined;
  // A count's unit must be a noun: "12 large banks" is no figure of "large".
  const unitToken = ts.slice(first, last + 1).find((t) => t.text.toLowerCase() === unitWord.toLowerCase());
  if (unitToken && /^\p{Ll}/u.test(unitWord) && !['NOUN', 'PROPN', 'X'].includes(unitToken.tag)) return undefined;
  // "the 15 dlrs a barrel average assumed": a figure inside a noun phrase modifies the noun after
  // it, which this reading cannot name; better no label than the wrong one.
  if (['DET', 'PRON'].includes(ts[first - 1]?.tag ?? '') && ['NOUN', 'ADJ'].includes(ts[last + 1]?.tag ?? '')) return undefined;
  isName = namesIn(s, ts);
  // Other figures in the sentence: the words between verb and figure start after them.
  const othersStart = findFigures(s).map((f) => s.indexOf(f.text.replace(/\s+/g, ' '))).filter((o) => o >= 0 && o < at);

  // Verb group before the figure, within its clause.
  let v = first - 1;
  while (v >= 0 && !['VERB', 'AUX'].includes(ts[v].tag) && ![';', ':', '-', ','].includes(ts[v].text)) v--;
  const pieces: Token[][] = [];
  if (v >= 0 && ['VERB', 'AUX'].includes(ts[v].tag)) {
    let g = v;
    while (g > 0 && VERBAL.has(ts[g - 1].tag)) g--;
    // An infinitive ("to partly finance …") has no subject of its own in front of it.
    const subject = /^to$/i.test(ts[g].text) ? [] : nounPhraseBefore(ts, g);
    // Between verb and figure: the object's noun phrase ("has an output ceiling of …"), up to any
    // figure that comes first ("raised the price by 1.50 dlrs a barrel to 18 dlrs": both are the price).
    let m1 = v + 1;
    while (m1 < first && !othersStart.some((o) => o <= ts[m1].start)) m1++;
    const middle = ts.slice(v + 1, m1);
    const noun = middle.findIndex((t) => t.tag === 'NOUN');
    const lastNoun = middle.findLastIndex((t) => t.tag === 'NOUN' || isName(t));
    let object = noun >= 0 ? middle.slice(Math.max(0, middle.slice(0, noun).findLastIndex((t) => !NP.has(t.tag)) + 1), lastNoun + 1) : [];
    // "China was Russia’s top export destination (11%) and top import origin (20%)": a figure in
    // brackets measures the noun phrase just before it.
    if (ts[first - 1]?.text === '(') {
      let k = first - 1;
      while (k > v + 1 && (NP.has(ts[k - 1].tag) || /^(?:'s|’s)$/.test(ts[k - 1].text))) k--;
      if (k < first - 1) object = ts.slice(k, first - 1);
    }
    pieces.push(subject.filter((t) => t.tag !== 'DET' || subject.indexOf(t) > 0));
    // An actor's figure needs its verb ("Brazil exported …"); a quantity's does not ("surplus hit").
    const link = subject.findIndex((t) => NP_LINK.test(t.text) && !/['’]s/.test(t.text));
    const head = (link > 0 ? subject.slice(0, link) : subject).at(-1);
    // An object of names only ("analysts estimate OPEC [is producing] …") is the subject of a
    // clause the figure belongs to, not what the figure measures.
    if (object.length && !object.some((t) => t.tag === 'NOUN')) object = [];
    // Two noun phrases side by side ("officials the January data") read as nothing: keep the verb.
    if ((head && isName(head)) || (object.length && subject.length)) pieces.push(ts.slice(g, v + 1).filter((t) => t.tag !== 'ADV'));
    pieces.push(object);
  }
  let after = phraseAfter(ts, last + 1);
  const predicate = pieces.some((p) => p.length) ? [] : predicateAfter(ts, last + 1 + after.length);
  // With nothing before or after it, "of Malaysian palm olein" names the measure without its "of";
  // with a predicate the "of" stays: "90% of exports from Amur Oblast … went to China".
  if (!pieces.some((p) => p.length) && !predicate.length && /^of$/i.test(after[0]?.text ?? '')) after = after.slice(1);
  pieces.push(after, predicate);
  for (let k = 0; k < pieces.length; k++) pieces[k] = pieces[k].filter((t) => /[\p{L}\d]/u.test(t.text));
  const used = pieces.flat();
  const names = used.filter(isName);
  if (!names.length || !used.some((t) => t.tag === 'NOUN')) return undefined;

  const date = dateNear(s, at);
  const whenText = date && !used.some((t) => t.start >= date.start && t.end <= date.end) ? s.slice(date.start, date.end) : undefined;
  const parts = pieces.filter((p) => p.length).map((p) => ({ at: p[0].start, end: p.at(-1)!.end, text: join(p), date: false }));
  if (whenText) parts.push({ at: date!.start, end: date!.end, text: whenText, date: true });
  parts.sort((x, y) => x.at - y.at);
  // Pieces that were adjacent in the sentence stay joined; where the figure was cut out, "…";
  // a date, or any other gap, after a comma.
  const label = parts
    .map((p, i) => {
      if (i === 0) return p.text;
      const prev = parts[i - 1];
      const acrossFigure = prev.end <= at && p.at >= at + display.length && /^(?:of|in|for|from|at)\b/i.test(p.text);
      if (acrossFigure) return `${prev.date ? ',' : ''} … ${p.text}`;
      return p.date || prev.date ? `, ${p.text}` : ` ${p.text}`;
    })
    .join('');
  const tidy = label.charAt(0).toUpperCase() + label.slice(1);
  // A label longer than a short line is a misread sentence, not a name for a bar or a card.
  if (!isDeletionOf(s, tidy) || tidy.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length > MAX_LABEL_WORDS) return undefined;
  const measure = used
    .filter((t) => (t.tag === 'NOUN' || t.tag === 'ADJ') && !isName(t) && !/\d/.test(t.text))
    .map((t) => stem(t.text))
    .join(' ');
  return { figure, label: tidy, measure, subject: names.map((t) => t.text).join(' '), ...(whenText ? { when: whenText } : {}) };
}

/**
 * A chart compares like with like: the same unit and the same measure, for different subjects
 * or different dates (one series over time). Anything else is shown as number cards.
 */
export function chartable(readings: readonly FigureReading[]): boolean {
  if (readings.length < 2) return false;
  const [a] = readings;
  if (!readings.every((r) => r.figure.unit === a.figure.unit && r.measure === a.measure && r.measure)) return false;
  const distinct = (key: (r: FigureReading) => string | undefined) => new Set(readings.map(key)).size === readings.length;
  return distinct((r) => r.subject) || distinct((r) => r.when);
}
