/**
 * The little grammar compression needs, from wink-nlp's part-of-speech tagger: whether a piece of
 * text still reads as a clause (has a verb) after words before it were deleted.
 *
 * Tags are remembered per text in a `TagMemory`. Composition is handed one (`composeDeck`'s
 * `tags`): a build keeps it in a file between runs (`build/tag-file.ts`), since the tagger's model
 * takes a quarter of a second to load and a rebuild asks about the very same sentences. The same
 * text always gets the same tags from the same model, so what is remembered changes nothing in a
 * deck. Outside a composition, tags are remembered for this process only.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';

let nlp: ReturnType<typeof winkNLP> | undefined;

/** The tagger and its model load on the first text not remembered, not with the module. */
function tagger(): ReturnType<typeof winkNLP> {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    nlp = (require('wink-nlp') as typeof winkNLP)(require('wink-eng-lite-web-model'));
  }
  return nlp;
}

/** Part-of-speech tags per text. A `Map` is one. */
export interface TagMemory {
  get(text: string): string[] | undefined;
  set(text: string, tags: string[]): unknown;
}

/** This process's own memory, used outside a composition that was handed one. */
const processTags: TagMemory = new Map<string, string[]>();
let memory: TagMemory = processTags;

/**
 * Runs `work` (synchronous, as composition is) with `tags` as the memory every tagging reads and
 * adds to; without one, with this process's own.
 */
export function withTagMemory<T>(tags: TagMemory | undefined, work: () => T): T {
  const outer = memory;
  memory = tags ?? processTags;
  try {
    return work();
  } finally {
    memory = outer;
  }
}

/** Part-of-speech tags of the words in `text`. */
export function posTags(text: string): string[] {
  let tags = memory.get(text);
  if (!tags) {
    const n = tagger();
    tags = n.readDoc(text).tokens().out(n.its.pos) as string[];
    memory.set(text, tags);
  }
  return tags;
}

/**
 * Where the tagger's words of a text are remembered, beside its tags: a key no text has (texts
 * never hold control characters).
 */
const WORDS_OF = '\u0001';

/** The tagger's words of `text`, one per tag: remembered like the tags, so a rebuild needs no tagger. */
function tokenValues(text: string): string[] {
  let values = memory.get(WORDS_OF + text);
  if (!values) {
    const n = tagger();
    values = n.readDoc(text).tokens().out(n.its.value) as string[];
    memory.set(WORDS_OF + text, values);
  }
  return values;
}

/** True when `text` has a finite verb and opens like a subject, so it can stand as a sentence. */
export function isClause(text: string): boolean {
  const tags = posTags(text);
  const first = tags[0];
  // (A clause may open on when or where: "In 2019 the Power Siberia pipeline opened…", its subject
  // after the phrase.)
  const scene = (first === 'ADP' || first === 'ADV') && tags.slice(1, tags.findIndex((t) => t === 'VERB' || t === 'AUX')).some((t) => t === 'NOUN' || t === 'PROPN' || t === 'PRON');
  const opens = ['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ'].includes(first ?? '') || scene;
  if (!opens) return false;
  // A participle set off by a comma is an aside, not the verb: "The Gulf oil state of Qatar,
  // recovering slightly from last year's decline in world oil prices." says nothing happened.
  const main = text.replace(/,\s+\p{Ll}+ing\b[^,;]*(?=[,;.]|$)/gu, '');
  return (main === text ? tags : posTags(main)).some((t) => t === 'VERB' || t === 'AUX');
}

/**
 * True when words someone said state something: a finite verb, and not an opening verb whose
 * subject was left outside the quotation marks ("will serve the industry because…"). Unlike
 * `isClause` a statement may open on anything ("Perhaps the same principle should apply…", "If you
 * don't get those seven billion dlrs there is no plan"); a name for something ("the biggest
 * purchase and sale contract in the history of the global gas industry") does not.
 */
export function statesSomething(text: string): boolean {
  const tags = posTags(text);
  if (tags[0] === 'AUX' || (tags[0] === 'VERB' && tags[1] !== 'PRON' && /^\p{Ll}/u.test(text))) return false;
  return tags.some((t) => t === 'VERB' || t === 'AUX');
}

/** The tagger model tags come from: remembered tags of another model are not used. */
export function taggerModel(): string {
  try {
    return `wink-eng-lite-web-model@${(createRequire(import.meta.url)('wink-eng-lite-web-model/package.json') as { version: string }).version}`;
  } catch {
    return 'wink-eng-lite-web-model';
  }
}

export interface Token {
  text: string;
  tag: string;
  start: number;
  end: number;
}

/** The words of `text` with their tags and offsets, for cutting phrases out of a sentence. */
export function tokens(text: string): Token[] {
  const values = tokenValues(text);
  const tags = posTags(text);
  const out: Token[] = [];
  let at = 0;
  values.forEach((v, i) => {
    const start = text.indexOf(v, at);
    if (start < 0 || !v.trim()) return;
    at = start + v.length;
    out.push({ text: v, tag: tags[i] ?? 'X', start, end: at });
  });
  return out;
}

/**
 * The main clause after a sentence's leading phrases, when it opens on one ("Despite…", "Considering…",
 * "While…"): the shortest rest after a comma that is a clause of its own. Undefined otherwise.
 */
export function mainClause(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ');
  if (!LEADING.test(t)) return undefined;
  const commas = [...t.matchAll(/,\s+/g)].map((m) => (m.index ?? 0) + m[0].length).reverse();
  for (const at of commas) {
    const rest = t.slice(at);
    if (isClause(rest) && !/^(?:and|or|but|which|who)\b/i.test(rest)) return rest;
  }
  return undefined;
}
const LEADING = /^(?:despite|although|though|while|whilst|considering|given|amid|amidst|notwithstanding|regardless of|after|following)\b/i;
