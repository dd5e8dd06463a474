/**
 * Reported speech: who a sentence reports ("Henry Kissinger … has expressed doubts", "As Gabuev
 * observes, …", "according to Gazprom", "…, experts believe.", "suggests an expert from …").
 * A source is a name (capitalised words) or a source noun (experts, report, analysis…); pronouns
 * ("as we have long argued") are the author speaking and are not attributions.
 */
import { canonicalActor } from './actors.ts';
import { SOURCE_NOUNS, TITLES } from './gazetteer.ts';

export const REPORTING_VERB =
  String.raw`(?:(?:has|have|had)\s+)?(?:(?:also|already|previously|long|repeatedly|recently)\s+)?` +
  String.raw`(?:stated|said|says|argued|argues|argue|believed|believes|believe|noted|observed|observes|` +
  String.raw`observe|suggested|suggests|warned|warns|warn|claimed|predicted|predicts|conceded|concedes|admitted|admits|admit|` +
  String.raw`denied|denies|deny|contended|contends|contend|asserted|asserts|insisted|insists|reported|wrote|writes|` +
  String.raw`maintained|expressed\s+(?:doubts?|concerns?|scepticism|skepticism)|voiced|acknowledged|acknowledges|` +
  String.raw`estimated|pointed\s+out|points\s+out|told|described|describes|concluded|concludes|` +
  // Forms that are also nouns ("Korean states", "field notes") count only before "that", a comma or a quote.
  String.raw`(?:states|notes|claims|reports|estimates|maintains)(?=\s+that\b|\s*[,:“"‘]))`;

const PRONOUN = /^(i|we|you|he|she|it|they|this|that|these|those|which|who|one)$/i;
const DETERMINER = /^(the|a|an|some|many|most|other|these|those|virtually|every|all|several|both|certain|various|leading)$/i;
const CLAUSE_BREAK = /(?:^|[,;:(—–]|\b(?:that|where|when|while|because|if|and|but|which|who|whom|what|whereas|although|though|so)\b)\s*$/i;
const TITLE_RE = new RegExp(`^(.*\\b(?:${TITLES.join('|')}))\\s+(.+)$`);

export interface Source {
  /** The name as the text gives it, without determiners or title ("Vladimir Putin", "Chinese experts"). */
  name: string;
  /** Title and nationality when given ("Russian President"). */
  role?: string;
}

/** Words of the noun phrase that ends right before `end` in `text`, back to the clause start. */
export function subjectBefore(text: string, end: number): string | undefined {
  let before = text.slice(0, end).replace(/\s+$/, '');
  if (before.endsWith(',')) {
    // "Henry Kissinger, the patriarch of geopolitics, has…": skip one appositive.
    const inner = before.slice(0, -1).lastIndexOf(',');
    if (inner === -1) return undefined;
    before = before.slice(0, inner);
  }
  const words = before.split(/\s+/);
  const np: string[] = [];
  for (let i = words.length - 1; i >= 0 && np.length < 9; i--) {
    const w = words[i];
    if (/[,;:—–]$/.test(w) || CLAUSE_BREAK.test(w)) break;
    np.unshift(w);
    if (i > 0 && CLAUSE_BREAK.test(words[i - 1] + ' ')) break;
  }
  return np.length ? np.join(' ').replace(/^[“"‘'(]+/, '') : undefined;
}

/** A source when the phrase names one; undefined for pronouns and ordinary nouns. */
export function asSource(phrase: string | undefined): Source | undefined {
  if (!phrase) return undefined;
  let words = phrase.replace(/[.,;:]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 12) return undefined;
  if (words.length === 1 && PRONOUN.test(words[0])) return undefined;
  if (words.some((w) => /^(is|are|was|were|be|been|not|to)$/i.test(w))) return undefined;
  while (words.length > 1 && DETERMINER.test(words[0])) words = words.slice(1);
  if (PRONOUN.test(words[0]) && words.length === 1) return undefined;
  const headIndex = words.findIndex((w) => /^(of|from|at|in)$/i.test(w));
  const head = (headIndex > 0 ? words[headIndex - 1] : words[words.length - 1]).replace(/[’']s$/, '');
  const capitalised = words.some((w) => /^\p{Lu}/u.test(w));
  if (!SOURCE_NOUNS.has(head.toLowerCase()) && !capitalised) return undefined;
  if (!SOURCE_NOUNS.has(head.toLowerCase()) && !/^[\p{Lu}\d(]/u.test(head)) return undefined;
  const name = words.join(' ');
  const titled = TITLE_RE.exec(name);
  if (titled && /^\p{Lu}/u.test(titled[2])) return { name: canonicalActor(titled[2]), role: titled[1] };
  return { name: canonicalActor(name) };
}

const AS_SOURCE = new RegExp(String.raw`(?:^|,\s*)[Aa]s\s+([^,;]{2,60}?)\s+${REPORTING_VERB}\b`, 'u');
const ACCORDING = /\b[Aa]ccording to\s+((?:the\s+)?[\p{Lu}][\p{L}\d:'’.&-]*(?:\s+(?:of\s+|the\s+)?[\p{Lu}][\p{L}\d:'’.&-]*)*|(?:an?\s+|the\s+)?[\p{Ll}]+\s+[\p{Ll}]+)/u;
const INVERTED = new RegExp(String.raw`,\s+${REPORTING_VERB}\s+((?:an?|the|one)\s+[^,;]{2,100}?)[.!]?$`, 'u');
const SUBJECT_VERB = new RegExp(String.raw`\s${REPORTING_VERB}\b`, 'gu');

/** Who the sentence reports, if it is reported speech. */
export function findAttribution(sentence: string): Source | undefined {
  const as = AS_SOURCE.exec(sentence);
  if (as) {
    const s = asSource(as[1]);
    if (s) return s;
  }
  const acc = ACCORDING.exec(sentence);
  if (acc) {
    const s = asSource(acc[1]);
    if (s) return s;
  }
  const inv = INVERTED.exec(sentence);
  if (inv) {
    const s = asSource(inv[1]);
    if (s) return s;
  }
  for (const m of sentence.matchAll(SUBJECT_VERB)) {
    const phrase = subjectBefore(sentence, m.index ?? 0);
    const s = asSource(phrase);
    if (s) return s;
  }
  return undefined;
}
