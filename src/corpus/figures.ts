/**
 * Figures in a sentence: "40% of total arms exports", "approximately 25-30%", "$400 billion",
 * and newswire style, where the unit follows the number: "1.50 dlrs a barrel", "17.5 pct",
 * "68 billion dlrs", "96,000 tonnes", "2.3 mln bpd". A figure is a number with a percent sign or
 * word, a currency sign, a scale word, or a unit: the noun right after the number (capitalised
 * modifiers skipped: "13 million DSL subscribers"), so units need no list. A bare year is not a
 * figure, it is the figure's year; a day after a month name is a date; model names and ordinals
 * ("S-400", "4th", "5G") are not figures either. What the figure measures is taken from the
 * sentence's own words: the "of …" phrase after it, or the noun phrase before a parenthesised one.
 */
import type { Figure } from '../model.ts';

// Wire style spells small numbers ("one mln bpd", "two pct"): spelled, they count only with a
// percent or scale word after them.
const SPELLED: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50,
};
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:${Object.keys(SPELLED).join('|')})(?=\s)`;
// Scale words spelled out and their common abbreviations; the one-letter forms only attached ("$5m").
const SCALE = String.raw`thousand|million|billion|trillion|mln|mn|bln|bn|tln|tn`;
const ATTACHED_SCALE = String.raw`bn|mn|m|b|k|tn`;
const PERCENT = String.raw`%|per\s?cent|percent|pct|pc`;
/** English closed-class words: after a number they start the sentence's next phrase, not a unit. */
const NOT_UNIT = new Set(
  ('a an the and or but nor of in on at to for from by with as than vs versus per over under up down ' +
    'into onto off about around after before since until against between among through during ' +
    'is are was were be been being has have had will would shall should can could may might must do does did ' +
    'it its he she they we you i this that these those which who whom whose what when where while ' +
    'ago earlier later each apiece more less most least no not only also so too very said says say ' +
    'last next previous prior same').split(' '),
);
/** A time phrase after a number ("$639m year-earlier", "2.9m last year") dates it: no unit. */
const DATING = /^(?:year|month|week|quarter|day)-/;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d/.\-])(?!(?:1[89]|20)\d\d\s+to\s)([$€£¥]\s?)?(${NUM})(?:\s?(?:-|–|to)\s?([$€£¥]?)(${NUM}))?` +
    String.raw`(?:(${ATTACHED_SCALE})(?![\p{L}\d])|\s?(${PERCENT})(?![\p{L}\d])|\s+(${SCALE})\b)?` +
    String.raw`((?:[\s-]+(?:\p{Lu}[\p{L}\d&.-]*)){0,2}[\s-]+\p{Ll}[\p{Ll}-]*(?:\s+(?:a|an|per)\s+\p{Ll}+)?)?(?![\p{L}\d])`,
  'gu',
);
const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;
const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;
const CURRENCY: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY' };
/** Currencies written as words after the number, as their signs' units. */
const CURRENCY_WORD: Record<string, string> = Object.assign(Object.create(null), { euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', stg: 'GBP', sterling: 'GBP', yen: 'JPY' });
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, mn: 1e6, m: 1e6,
  billion: 1e9, bln: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tln: 1e12, tn: 1e12,
};
/** Units of time: a count of days or years is a duration or a date, never a key figure. */
export const TIME_UNIT = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centuries|century)$/;
const MEASURE_STOP = /\s(?:going|that|which|who|whom|came|went|is|are|was|were|has|have|had|will|would|and|but|while|to)\b.*$/;

const num = (s: string) => SPELLED[s] ?? Number(s.replace(/,/g, ''));

/** The unit a figure is in, one spelling for one unit: "pct" and "per cent" are "%", "dlrs" is "USD". */
function unitOf(currency: string | undefined, percent: string | undefined, phrase: string | undefined): string | undefined {
  if (percent) return '%';
  const words = phrase?.trim().replace(/^-/, '').split(/\s+/) ?? [];
  const noun = words.find((w) => /^\p{Ll}/u.test(w))?.toLowerCase();
  const qualifier = words.filter((w) => /^\p{Lu}/u.test(w)).join(' ');
  const rate = /\s(?:a|an|per)\s+(\p{Ll}+)$/u.exec(phrase ?? '')?.[1];
  const dollar = noun && /^(?:dlrs?|dollars?)$/.test(noun);
  // (A currency written as a word is the currency its sign is: "5bn euros" and "€5bn" are one unit.)
  const spelled = noun && !qualifier ? CURRENCY_WORD[noun] : undefined;
  let unit = currency ? CURRENCY[currency.trim()] : dollar && !qualifier ? 'USD' : spelled ?? (noun && qualifier ? `${qualifier} ${noun}` : noun);
  if (noun && currency && !dollar) unit = `${unit} ${noun}`;
  return unit && rate && !unit.endsWith(` ${rate}`) ? `${unit}/${rate}` : unit;
}

/** A number (with its scale or unit word) and an opening bracket just before a figure. */
const CONVERSION_BEFORE = /\d(?:[\d.,]*\d)?(?:\s*\p{L}{1,8}){0,2}\s*\($/u;
const isMoney = (unit: string | undefined) => !!unit && (Object.values(CURRENCY).includes(unit) || Object.values(CURRENCY_WORD).includes(unit));

export function findFigures(sentence: string): Figure[] {
  const years = [...sentence.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), at: m.index ?? 0 }));
  const figures: Figure[] = [];
  const found = new RegExp(FIGURE.source, FIGURE.flags);
  for (let m = found.exec(sentence); m; m = found.exec(sentence)) {
    const [, currency, low, , high, attached, percent, spaced] = m;
    let [text] = m;
    let phrase: string | undefined = m[8];
    const at = m.index ?? 0;
    // "fell by 31,000 to 1.42 million", "from $10 to $5": a larger number before a smaller one is
    // a change, not a range. Each is a figure of its own (the first only with its own currency).
    if (high && num(low) > num(high)) {
      found.lastIndex = at + m[0].indexOf(high, (currency?.length ?? 0) + low.length);
      if (m[3]) found.lastIndex -= m[3].length;
      if (currency) figures.push({ text: `${currency}${low}`.trim(), value: num(low), unit: CURRENCY[currency.trim()], ...yearOf(years, at) });
      continue;
    }
    // A percentage's unit is the percent; a closed-class word or a time phrase after the number is no unit.
    const unitWord = phrase?.trim().split(/[\s]+/).find((w) => /^\p{Ll}/u.test(w)) ?? '';
    if (phrase && (percent || NOT_UNIT.has(unitWord.split('-')[0]) || DATING.test(unitWord))) {
      text = text.slice(0, text.length - phrase.length);
      phrase = undefined;
    }
    const scale = attached ?? spaced;
    const value = num(low);
    const bare = !currency && !percent && !scale && !phrase;
    if (bare || MONTH_BEFORE.test(sentence.slice(0, at))) continue;
    // "$25.3m (£13.4m)", "£600m ($1.1bn)": a figure in brackets right after another restates it
    // in another currency or unit; it is the same figure, not a second one.
    const before = figures[figures.length - 1];
    if (currency && before && isMoney(before.unit) && CONVERSION_BEFORE.test(sentence.slice(Math.max(0, at - 40), at))) continue;
    if (SPELLED[low] !== undefined && !percent && !spaced) continue;
    if (!currency && !percent && !scale && !high && value >= 1800 && value <= 2100 && /^\d{4}$/.test(low)) continue;
    const mult = scale ? SCALES[scale.toLowerCase()] : 1;
    const figure: Figure = { text: text.trim(), value: value * mult };
    const unit = unitOf(currency, percent, phrase);
    if (unit) figure.unit = unit;
    if (high) figure.valueHigh = num(high) * mult;
    const measure = measureOf(sentence, at, at + text.length);
    if (measure) figure.measure = measure;
    Object.assign(figure, yearOf(years, at));
    figures.push(figure);
  }
  return figures;
}

function measureOf(sentence: string, start: number, end: number): string | undefined {
  const after = /^\s+((?:of|in|for)\s(?:[^,.;:()“”"]|\.(?=\d)){2,80})/.exec(sentence.slice(end));
  if (after) {
    const words = after[1].replace(MEASURE_STOP, '').trim().split(/\s+/).slice(0, 7).join(' ').replace(/(?:\s+(?:of|in|for|the|a|an|to|at|on|by|and|or))+$/, '');
    if (words.split(' ').length >= 2) return words;
  }
  if (sentence[start - 1] === '(') {
    const before = /((?:[\p{L}’'-]+\s){1,4})\($/u.exec(sentence.slice(Math.max(0, start - 60), start));
    if (before) {
      const words = before[1].trim().split(/\s+/);
      const cut = words.findLastIndex((w) => /’s$|'s$|^(the|a|an|was|is|were|are|and|of)$/i.test(w));
      const phrase = words.slice(cut + 1).join(' ');
      if (phrase) return phrase;
    }
  }
  return undefined;
}

const yearOf = (years: Array<{ year: number; at: number }>, at: number): { year?: number } => {
  const year = nearestYear(years, at);
  return year ? { year } : {};
};

function nearestYear(years: Array<{ year: number; at: number }>, at: number): number | undefined {
  let best: { year: number; at: number } | undefined;
  for (const y of years) if (!best || Math.abs(y.at - at) < Math.abs(best.at - at)) best = y;
  return best?.year;
}
