/**
 * Figures in a sentence: "40% of total arms exports", "approximately 25-30%", "$400 billion",
 * "1,000 days", "(11%)". A bare year is not a figure, it is the figure's year; model names and
 * ordinals ("S-400", "Su-27/30", "4th", "5G") are not figures either. What the figure measures is
 * taken from the sentence's own words: the "of …" phrase after it, or the noun phrase before a
 * parenthesised figure.
 */
import type { Figure } from '../model.ts';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`thousand|million|billion|trillion|bn|mn`;
const UNIT_WORD = String.raw`bcm|tcm|tonnes|tons|barrels|kilometres|kilometers|km|miles|megawatts|MW|GW|troops|soldiers|people|aircraft|jets|tanks|days|weeks|months|years|decades|percentage points`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d/.\-])([$€£¥]\s?)?(${NUM})(?:\s?(?:-|–|to)\s?([$€£¥]?)(${NUM}))?` +
    String.raw`(?:\s?(%|per ?cent|percent)|\s(${SCALE})\b|[\s-](${UNIT_WORD})\b)?(?![\p{L}\d])`,
  'gu',
);
const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;
const CURRENCY: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY' };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const MEASURE_STOP = /\s(?:going|that|which|who|whom|came|went|is|are|was|were|has|have|had|will|would|and|but|while|to)\b.*$/;

const num = (s: string) => Number(s.replace(/,/g, ''));

export function findFigures(sentence: string): Figure[] {
  const years = [...sentence.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), at: m.index ?? 0 }));
  const figures: Figure[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const [text, currency, low, , high, percent, scale, unitWord] = m;
    const at = m.index ?? 0;
    const value = num(low);
    const isYear = !currency && !percent && !scale && !unitWord && !high && value >= 1800 && value <= 2100 && /^\d{4}$/.test(low);
    if (isYear) continue;
    if (!currency && !percent && !scale && !unitWord) continue;
    const mult = scale ? SCALES[scale.toLowerCase()] : 1;
    const unit = percent ? '%' : currency ? CURRENCY[currency.trim()] : unitWord ? unitWord.toLowerCase() : undefined;
    const figure: Figure = { text: text.trim(), value: value * mult, unit };
    if (high) figure.valueHigh = num(high) * mult;
    const measure = measureOf(sentence, at, at + text.length);
    if (measure) figure.measure = measure;
    const year = nearestYear(years, at);
    if (year) figure.year = year;
    figures.push(figure);
  }
  return figures;
}

function measureOf(sentence: string, start: number, end: number): string | undefined {
  const after = /^\s+((?:of|in|for)\s[^,.;:()“”"]{2,80})/.exec(sentence.slice(end));
  if (after) {
    const words = after[1].replace(MEASURE_STOP, '').trim().split(/\s+/).slice(0, 7).join(' ');
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

function nearestYear(years: Array<{ year: number; at: number }>, at: number): number | undefined {
  let best: { year: number; at: number } | undefined;
  for (const y of years) if (!best || Math.abs(y.at - at) < Math.abs(best.at - at)) best = y;
  return best?.year;
}
