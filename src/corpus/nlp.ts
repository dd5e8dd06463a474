/**
 * The one place wink-nlp is touched. The model loads once per process, lazily (a warm run over an
 * unchanged corpus never pays for it), and a paragraph is read in one call: its sentences come back
 * as character spans into the paragraph text, each with its tokens (text, part of speech,
 * negation), so later stages never re-tokenise.
 */
import { createRequire } from 'node:module';

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

function load(): Wink {
  if (!wink) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    const model = require('wink-eng-lite-web-model') as unknown;
    wink = winkNLP(model, ['sbd', 'negation', 'pos']);
  }
  return wink;
}

/** Splits a paragraph into sentences with tokens; offsets are into `text`. */
export function readSentences(text: string): Sentence[] {
  const nlp = load();
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
  return spans
    .map(([a, b]) => tokens.slice(a, b + 1))
    .filter((t) => t.length > 0)
    .map((t) => ({ start: t[0].start, end: t[t.length - 1].end, tokens: t }));
}
