/**
 * The part-of-speech tags composition asked for, kept in `.cache/briefdeck/pos-tags.json` between
 * runs so a rebuild need not load the tagger. The file names the tagger model and is ignored when
 * it differs. A cache only: any failure to read or write it is ignored.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { taggerModel } from '../deck/grammar.ts';

/** Texts kept on disk at most; the oldest go first. */
const MAX_REMEMBERED = 40_000;

interface TagFile {
  model: string;
  tags: Record<string, string[]>;
}

export interface OpenTagFile {
  /** What the file remembered; composition adds to it. */
  tags: Map<string, string[]>;
  /** Writes the file back, atomically, when composition added to it. */
  save(): void;
}

export function openTagFile(file: string): OpenTagFile {
  const model = taggerModel();
  const tags = new Map<string, string[]>();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as TagFile;
    if (stored.model === model) for (const [text, t] of Object.entries(stored.tags)) tags.set(text, t);
  } catch {
    // Nothing remembered yet.
  }
  let saved = tags.size;
  return {
    tags,
    save() {
      if (tags.size === saved) return;
      const entries = [...tags].slice(-MAX_REMEMBERED);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(tmp, JSON.stringify({ model, tags: Object.fromEntries(entries) } satisfies TagFile));
        renameSync(tmp, file);
        saved = tags.size;
      } catch {
        // A cache that cannot be written is only slower next time.
      }
    },
  };
}
