/**
 * The one place wink-nlp is touched. The model loads once per process, lazily (a warm run over an
 * unchanged corpus never pays for it), and a paragraph is read in one call: its sentences come back
 * as character spans into the paragraph text, each with its tokens (text, part of speech,
 * negation), so later stages never re-tokenise.
 */
import { createRequire } from 'node:module';
import { winkModel } from './wink-model.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  pos: string;
  negated: boolean;
}

export interface Sentence {
  /** Offsets into the paragraph text. */
  start: number;
  end: number;
  tokens: Token[];
}

interface WinkDoc {
  tokens(): { out(f?: unknown): unknown[] };
  sentences(): { out(f?: unknown): unknown[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; pos: unknown; negationFlag: unknown; span: unknown };
}

let wink: Wink | undefined;

/** Loads the sentence splitter and tagger now (a worker thread does while its first document is still being read). */
export function loadTagger(): void {
  load();
}

function load(): Wink {
  if (!wink) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    wink = winkNLP(winkModel(), ['sbd', 'negation', 'pos']);
  }
  return wink;
}

/** Splits a paragraph into sentences with tokens; offsets are into `text`. */
/** Whether a text ends inside a bracket (`<`, `(`) opened in its last few words. */
function unclosed(text: string): boolean {
  const tail = text.slice(-60);
  return /[<(][^<>()]*$/.test(tail);
}

export function readSentences(original: string): Sentence[] {
  const nlp = load();
  // A hard-wrapped paragraph keeps its line breaks; the sentence splitter does not see a break
  // as a space, so it reads a copy where they are spaces (same length, so offsets hold).
  const text = original.replace(/[\r\n]/g, ' ');
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(nlp.its.value) as string[];
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  const neg = doc.tokens().out(nlp.its.negationFlag) as boolean[];
  const spans = doc.sentences().out(nlp.its.span) as Array<[number, number]>;
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let at = text.indexOf(v, cursor);
    if (at === -1 || at - cursor > 40) at = cursor;
    const end = Math.min(text.length, at + v.length);
    tokens.push({ text: v, start: at, end, pos: pos[i], negated: Boolean(neg[i]) });
    cursor = end;
  }
  const sentences: Sentence[] = [];
  for (const [a, b] of spans) {
    const t = tokens.slice(a, b + 1);
    if (t.length === 0) continue;
    const prev = sentences[sentences.length - 1];
    // wink ends a sentence after "U.S." even mid-sentence; a "sentence" that starts in lower case
    // or with punctuation continues the previous one.
    // After initials ("the U.S. Is unlikely to…", as a wire in capitals writes it), a verb goes on
    // with the same sentence: a statement does not open on "Is" or "Has". Nor on a preposition, a
    // conjunction or a particle the wire capitalised the same way ("…other than the U.S. To
    // preserve a U.S.-Japan pact…", "…Europe and the U.S. And North America").
    // Nor does a run of words without a verb stand as a sentence of its own after initials: "…giving
    // the U.K. The third largest exposure after the U.S. And Japan." is one sentence.
    const afterInitials = prev && /^(?:\p{Lu}\.){2,}$/u.test(prev.tokens[prev.tokens.length - 1].text) && (['AUX', 'VERB', 'ADP', 'CCONJ', 'SCONJ', 'PART'].includes(t[0].pos) || /^(?:Which|Whose)$/.test(t[0].text) || !t.some((k) => k.pos === 'VERB' || k.pos === 'AUX')) && !/\?\s*$/.test(t[t.length - 1].text);
    // A sentence does not end inside angle brackets or parentheses ("Hutchison Whampoa Ltd <HWHH.HK>").
    const open = prev && unclosed(text.slice(prev.start, prev.end));
    if (prev && (afterInitials || open || !/^[\p{Lu}\d“"‘'(\[]/u.test(t[0].text))) {
      prev.tokens.push(...t);
      prev.end = t[t.length - 1].end;
    } else sentences.push({ start: t[0].start, end: t[t.length - 1].end, tokens: t });
  }
  return sentences;
}
