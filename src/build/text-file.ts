/**
 * Claims' texts as compression and speaker naming made them (`deck/env.ts`: `bulletText`,
 * `shownText`), kept in `.cache/briefdeck/texts/` between runs, one file per corpus and settings:
 * a deck composed again after an edit of what its search reads (its title, topics or calls)
 * reads back the lines it weighs again instead of compressing and naming each anew. What a text
 * depends on is the file's key: the claim and its document (the store's version: any corpus file
 * stored or removed, or the topics retagged, gives a new one), the corpus words of the documents
 * the spec's filters allow (`sources`, `since`, `until`), the audience's compression settings and
 * the code's version; the claim id and length are each text's own key. A cache only: a file that
 * cannot be read or written means working the texts out.
 */
import { createHash } from 'node:crypto';
import { codeVersion } from '../code-version.ts';
import type { BriefingSpec, EvidenceStore } from '../model.ts';
import type { AudiencePolicy } from '../deck/policy.ts';
import type { TextMemory } from '../deck/env.ts';
import { keepFile, readKept } from '../kept.ts';

/** Changed when what is kept, or how its key is made, changes. */
const FORMAT = 1;
/** Files kept at most (one per corpus version and settings); the oldest go first. */
const FILES_KEPT = 16;
/** Texts kept per file at most, each kind; beyond, the first worked out go. */
const TEXTS_KEPT = 20_000;

interface TextFile {
  compressed: [string, unknown][];
  shown: [string, unknown][];
}

export interface TextFiles {
  /** The texts kept for this spec's corpus and settings (shared by the run's decks with the same), or undefined without a store version. */
  memoryFor(spec: BriefingSpec, policy: AudiencePolicy, store: EvidenceStore): TextMemory | undefined;
  /** Writes back each memory composition added to. */
  save(): void;
}

/** The key of the texts for a spec's filters and an audience's compression settings over a store; undefined without a version. */
export function textsKey(spec: Pick<BriefingSpec, 'sources' | 'since' | 'until'>, policy: Pick<AudiencePolicy, 'compress' | 'overrun'>, store: EvidenceStore): string | undefined {
  const version = store.version?.();
  if (version === undefined) return undefined;
  const settings = JSON.stringify([policy.compress, policy.overrun, spec.sources ?? null, spec.since ?? null, spec.until ?? null]);
  return createHash('sha256').update(`${FORMAT}\u0000${codeVersion()}\u0000${version}\u0000${settings}`).digest('hex');
}

export function openTextFiles(dir: string): TextFiles {
  const open = new Map<string, { memory: TextMemory; size: number }>();
  const size = (m: TextMemory) => m.compressed.size + m.shown.size;
  return {
    memoryFor(spec, policy, store) {
      const key = textsKey(spec, policy, store);
      if (!key) return undefined;
      let found = open.get(key);
      if (!found) {
        const memory: TextMemory = { compressed: new Map(), shown: new Map() };
        try {
          const text = readKept(dir, `${key}.json`);
          if (text !== undefined) {
            const kept = JSON.parse(text) as TextFile;
            memory.compressed = new Map(kept.compressed) as TextMemory['compressed'];
            memory.shown = new Map(kept.shown) as TextMemory['shown'];
          }
        } catch {
          // Unreadable: worked out again.
        }
        open.set(key, (found = { memory, size: size(memory) }));
      }
      return found.memory;
    },
    save() {
      for (const [key, kept] of open) {
        if (size(kept.memory) === kept.size) continue;
        const file: TextFile = { compressed: [...kept.memory.compressed].slice(-TEXTS_KEPT), shown: [...kept.memory.shown].slice(-TEXTS_KEPT) };
        keepFile(dir, `${key}.json`, JSON.stringify(file), FILES_KEPT, (f) => f.endsWith('.json'));
        kept.size = size(kept.memory);
      }
    },
  };
}
