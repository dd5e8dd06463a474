/**
 * The little grammar compression needs, from wink-nlp's part-of-speech tagger: whether a piece of
 * text still reads as a clause (has a verb) after words before it were deleted.
 *
 * Tags are remembered per text, and a build keeps them between runs (`openTagMemory`): the
 * tagger's model takes a quarter of a second to load, and a rebuild asks about the very same
 * sentences. The same text always gets the same tags from the same model, so what is remembered
 * changes nothing in a deck; the file names the model version and is dropped when it differs.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
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

/** Tags per text, this process's and those read back from disk. */
const remembered = new Map<string, string[]>();
let added = 0;

/** Part-of-speech tags of the words in `text`. */
export function posTags(text: string): string[] {
  let tags = remembered.get(text);
  if (!tags) {
    const n = tagger();
    tags = n.readDoc(text).tokens().out(n.its.pos) as string[];
    remembered.set(text, tags);
    added += 1;
  }
  return tags;
}

/** True when `text` has a finite verb and opens like a subject, so it can stand as a sentence. */
export function isClause(text: string): boolean {
  const tags = posTags(text);
  const first = tags[0];
  const opens = ['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ'].includes(first ?? '');
  return opens && tags.some((t) => t === 'VERB' || t === 'AUX');
}

/** Texts kept on disk at most; the oldest go first. */
const MAX_REMEMBERED = 40_000;

const modelVersion = (): string => {
  try {
    return `wink-eng-lite-web-model@${(createRequire(import.meta.url)('wink-eng-lite-web-model/package.json') as { version: string }).version}`;
  } catch {
    return 'wink-eng-lite-web-model';
  }
};

interface TagFile {
  model: string;
  tags: Record<string, string[]>;
}

/**
 * Reads the tags remembered in `file` (a missing, unreadable or other-model file counts as
 * empty) and returns a function that writes back what this process added, atomically. A cache
 * only: any failure to read or write it is ignored.
 */
export function openTagMemory(file: string): () => void {
  const version = modelVersion();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as TagFile;
    if (stored.model === version)
      for (const [text, tags] of Object.entries(stored.tags)) if (!remembered.has(text)) remembered.set(text, tags);
  } catch {
    // Nothing remembered yet.
  }
  added = 0;
  return () => {
    if (added === 0) return;
    const entries = [...remembered].slice(-MAX_REMEMBERED);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ model: version, tags: Object.fromEntries(entries) } satisfies TagFile));
      renameSync(tmp, file);
      added = 0;
    } catch {
      // A cache that cannot be written is only slower next time.
    }
  };
}

export interface Token {
  text: string;
  tag: string;
  start: number;
  end: number;
}

/** The words of `text` with their tags and offsets, for cutting phrases out of a sentence. */
export function tokens(text: string): Token[] {
  const n = tagger();
  const values = n.readDoc(text).tokens().out(n.its.value) as string[];
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
