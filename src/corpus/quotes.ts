/**
 * Quotation marks in a paragraph → direct quotes and key terms. A quote is four words or more
 * inside marks with a speaker cue in the same sentence: before it ("Russian President Vladimir
 * Putin has stated that, “…”", "according to Gazprom “…”", "One report notes “…”") or after it
 * ("“…”, she said"). Quoted words without a cue are the author's (a title, a slogan) and one to
 * three words in marks are key terms (“multi-vector”, ‘junior partner’), never quotes.
 * Apostrophes are told from closing single quotes by the letters on both sides (Russia’s).
 */
import { asSource, REPORTING_VERB, resolveSpeaker, subjectBefore, type Source } from './attribution.ts';
import { ABBREVIATION, type People } from './people.ts';

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
      // A hard-wrapped line may run on inside the marks; a blank line or a second opening may not.
      if (!single && (open === '“' ? inner.includes('“') : /\n\s*\n/.test(inner) || inner.length > 1500)) continue;
      spans.push({ start: i + 1, end: j, words: inner.trim().split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length });
      i = j;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

// (Also one who told someone, before a colon: "He told the BBC: "…"", "told reporters:".)
const CUE_BEFORE = new RegExp(String.raw`\s(${REPORTING_VERB}|notes|note|(?:was|were)\s+quoted\s+(?:[^"“]{0,60}?\s+)?as\s+saying|(?:told|tells)\s+[^"“”,:;.]{2,60}?(?=:))((?:\s+that)?\s*[,:]?\s*)$`, 'u');
const ACCORDING = /\b(according to)\s+((?:the\s+)?[\p{Lu}][\p{L}\d:'’.&-]*(?:\s+[\p{Lu}][\p{L}\d:'’.&-]*)*)/u;
const VERB_FIRST = new RegExp(String.raw`^[,!?]?\s*(${REPORTING_VERB})\s+`, 'u');
const VERB_AFTER = new RegExp(String.raw`^[,!?]?\s*(\S[^"“”]{0,120}?)\s+(${REPORTING_VERB})\b`, 'u');
const SENTENCE_END = /[.!?;]["”’)]*(?=\s+["“‘(]?\p{Lu}|\s*$)/gu;

/** Start of the sentence holding `at`: after the last ". " before it, or the paragraph start. */
function sentenceStart(text: string, at: number): number {
  const head = text.slice(0, at);
  const m = /.*[.!?][”"’)]?\s+(?=[\p{Lu}“"‘])/su.exec(head);
  return m ? m[0].length : 0;
}

/** Where the sentence running on at `from` ends (a full stop not after "Sen." or "Inc."). */
function sentenceEnd(text: string, from: number): number {
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (!ABBREVIATION.test(text.slice(from, m.index + 1))) return m.index;
  }
  return text.length;
}

/** The cue words after a closing mark: `"…," said Elliott Schlang, analyst at …` or `"…," he said`. */
function cueAfter(text: string, s: QuotedSpan): { verb: string; phrase: string; at: number } | undefined {
  const inner = text.slice(s.start, s.end).trimEnd();
  const from = s.end + 1;
  // Only a quote that runs into its cue: a comma inside or after the marks, or ! and ?.
  if (!/[,!?]$/.test(inner) && !/^\s*,/.test(text.slice(from))) return undefined;
  const tail = text.slice(from, Math.max(from, sentenceEnd(text, from)));
  const first = VERB_FIRST.exec(tail);
  if (first) return { verb: first[1], phrase: tail.slice(first[0].length), at: from + first[0].length };
  const last = VERB_AFTER.exec(tail);
  if (last) return { verb: last[2], phrase: last[1], at: from + last.index + last[0].indexOf(last[1]) };
  return undefined;
}

/**
 * Where a quote's speaker is read, in the whole document: its people, the paragraph's offset in
 * `doc.text`, and the text itself. Without it a cue is taken at its word (tests of one sentence).
 */
export interface SpeakerContext {
  people: People;
  offset: number;
  docText: string;
}

export function findQuotes(text: string, spans = findQuotedSpans(text), context?: SpeakerContext): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  const speakerOf = (phrase: string, at: number, quoteAt: number): Source | undefined => {
    if (!context) return asSource(phrase);
    return resolveSpeaker({ text: phrase, start: context.offset + at }, context.offset + quoteAt, context.people, context.docText);
  };
  for (const s of spans) {
    if (s.words < 4) continue;
    const from = sentenceStart(text, s.start - 1);
    const before = text.slice(from, s.start - 1);
    const verb = CUE_BEFORE.exec(before);
    if (verb) {
      const phrase = subjectBefore(before, verb.index);
      if (phrase) {
        const at = from + before.lastIndexOf(phrase, verb.index);
        const speaker = speakerOf(phrase, at, s.start - 1);
        if (speaker) quotes.push({ start: s.start, end: s.end, speaker, cue: (verb[1] + verb[2]).replace(/\s+/g, ' ').trim() });
        if (speaker || context) continue;
      }
    }
    const acc = ACCORDING.exec(before);
    if (acc) {
      const speaker = speakerOf(acc[2], from + acc.index + acc[0].length - acc[2].length, s.start - 1);
      if (speaker) quotes.push({ start: s.start, end: s.end, speaker, cue: acc[1] });
      if (speaker || context) continue;
    }
    const after = cueAfter(text, s);
    if (after) {
      const speaker = speakerOf(after.phrase, after.at, s.start - 1);
      if (speaker) quotes.push({ start: s.start, end: s.end, speaker, cue: after.verb.replace(/\s+/g, ' ').trim() });
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
