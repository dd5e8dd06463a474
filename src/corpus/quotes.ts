/**
 * Quotation marks in a paragraph → direct quotes and key terms. A quote is four words or more
 * inside marks with a speaker cue in the same sentence: before it ("Russian President Vladimir
 * Putin has stated that, “…”", "according to Gazprom “…”", "One report notes “…”") or after it
 * ("“…”, she said"). Quoted words without a cue are the author's (a title, a slogan) and one to
 * three words in marks are key terms (“multi-vector”, ‘junior partner’), never quotes.
 * Apostrophes are told from closing single quotes by the letters on both sides (Russia’s).
 */
import { asSource, REPORTING_VERB, subjectBefore, type Source } from './attribution.ts';

export interface QuotedSpan {
  /** Offsets of the words inside the marks, relative to the searched text. */
  start: number;
  end: number;
  words: number;
}

export interface FoundQuote {
  start: number;
  end: number;
  speaker: Source;
  cue: string;
}

const PAIRS: Array<{ open: string; close: string }> = [
  { open: '“', close: '”' },
  { open: '"', close: '"' },
  { open: '‘', close: '’' },
  { open: "'", close: "'" },
];
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\d]/u.test(c);

export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const covered = (i: number) => spans.some((s) => i >= s.start - 1 && i <= s.end);
  for (const { open, close } of PAIRS) {
    const single = open === '‘' || open === "'";
    for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i + 1)) {
      if (covered(i) || isLetter(text[i - 1]) || !isLetter(text[i + 1]) && text[i + 1] !== '…') continue;
      let j = text.indexOf(close, i + 1);
      while (j !== -1 && single && isLetter(text[j - 1]) && isLetter(text[j + 1])) j = text.indexOf(close, j + 1);
      if (j === -1) continue;
      if (open === close && isLetter(text[j + 1])) continue;
      const inner = text.slice(i + 1, j);
      if (!single && inner.includes(open === '“' ? '“' : '\n')) continue;
      spans.push({ start: i + 1, end: j, words: inner.trim().split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length });
      i = j;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const CUE_BEFORE = new RegExp(String.raw`\s(${REPORTING_VERB}|notes|note)((?:\s+that)?\s*,?\s*)$`, 'u');
const ACCORDING = /\b(according to)\s+((?:the\s+)?[\p{Lu}][\p{L}\d:'’.&-]*(?:\s+[\p{Lu}][\p{L}\d:'’.&-]*)*)/u;
const CUE_AFTER = new RegExp(String.raw`^[,.]?\s*(?:(${REPORTING_VERB})\s+([^,.;]{2,60})|([^,.;]{2,60}?)\s+(${REPORTING_VERB}))[,.;]`, 'u');

/** Start of the sentence holding `at`: after the last ". " before it, or the paragraph start. */
function sentenceStart(text: string, at: number): number {
  const head = text.slice(0, at);
  const m = /.*[.!?][”"’)]?\s+(?=[\p{Lu}“"‘])/su.exec(head);
  return m ? m[0].length : 0;
}

export function findQuotes(text: string, spans = findQuotedSpans(text)): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  for (const s of spans) {
    if (s.words < 4) continue;
    const from = sentenceStart(text, s.start - 1);
    const before = text.slice(from, s.start - 1);
    const verb = CUE_BEFORE.exec(before);
    if (verb) {
      const speaker = asSource(subjectBefore(before, verb.index));
      if (speaker) {
        quotes.push({ start: s.start, end: s.end, speaker, cue: (verb[1] + verb[2]).trim() });
        continue;
      }
    }
    const acc = ACCORDING.exec(before);
    if (acc) {
      const speaker = asSource(acc[2]);
      if (speaker) {
        quotes.push({ start: s.start, end: s.end, speaker, cue: acc[1] });
        continue;
      }
    }
    const after = CUE_AFTER.exec(text.slice(s.end + 1, s.end + 100));
    if (after) {
      const speaker = asSource(after[2] ?? after[3]);
      if (speaker) quotes.push({ start: s.start, end: s.end, speaker, cue: (after[1] ?? after[4]).trim() });
    }
  }
  return quotes;
}

/** Key terms: one to three words in quotation marks, as written. */
export function keyTerms(text: string, spans: readonly QuotedSpan[]): Array<{ term: string; start: number }> {
  return spans
    .filter((s) => s.words >= 1 && s.words <= 3)
    .map((s) => ({ term: text.slice(s.start, s.end).replace(/[.,;:]+$/, '').trim(), start: s.start }));
}
