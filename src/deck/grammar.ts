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

/**
 * The text with the items of its lists of three or more blanked out ("South Africa's gold,
 * uranium, platinum and coal mines", "in London, Paris and New York"): what the sentence says of
 * something it names only as one of a list. A list item is one or two nouns, names or
 * adjectives; the text is unchanged when it has no such list. Offsets are kept (items become spaces).
 */
export function outsideLists(text: string): string {
  if (!LIST_HINT.test(text)) return text;
  const toks = tokens(text);
  const noun = (t: Token | undefined) => !!t && ITEM_TAGS.has(t.tag);
  const items: Array<[number, number]> = [];
  let i = 0;
  while (i < toks.length) {
    // An item: 1-2 nouns, names or adjectives in a row.
    const item = (from: number): number => {
      let j = from;
      while (j < toks.length && j - from < MAX_ITEM && noun(toks[j])) j++;
      return j > from && !noun(toks[j]) ? j : -1;
    };
    const spans: Array<[number, number]> = [];
    let at = i;
    let end = item(at);
    if (end < 0) {
      i++;
      continue;
    }
    spans.push([at, end]);
    let closed = false;
    while (end < toks.length) {
      const sep = toks[end];
      if (sep.text === ',') {
        const next = toks[end + 1];
        if (next && next.tag === 'CCONJ' && /^(?:and|or)$/i.test(next.text)) {
          const last = item(end + 2);
          if (last > 0) spans.push([end + 2, last]), (closed = true), (end = last);
          break;
        }
        const e = item(end + 1);
        if (e < 0) break;
        spans.push([end + 1, e]);
        end = e;
      } else if (sep.tag === 'CCONJ' && /^(?:and|or)$/i.test(sep.text)) {
        const last = item(end + 1);
        if (last > 0) spans.push([end + 1, last]), (closed = true), (end = last);
        break;
      } else break;
    }
    if (closed && spans.length >= 3) {
      for (const [a, b] of spans) items.push([toks[a].start, toks[b - 1].end]);
      i = end;
    } else i++;
  }
  if (!items.length) return text;
  let out = text;
  for (const [a, b] of items) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return out;
}
/** Two commas or a comma and "and"/"or" with a few words between: a list may be there. */
const LIST_HINT = /,\s*[^,]{1,40}(?:,\s*[^,]{1,40})*,?\s(?:and|or)\s/i;
const ITEM_TAGS = new Set(['NOUN', 'PROPN', 'ADJ']);
const MAX_ITEM = 2;
