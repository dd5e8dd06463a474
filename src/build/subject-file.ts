/**
 * The subjects selection worked out for each query and topic (`select/subject.ts`: the words that
 * name it, the documents about it and how much), kept in `.cache/briefdeck/subjects/` between
 * runs, one file per corpus and document filters: a deck searched for again after an edit of its
 * title reads back the subjects of its topics and calls instead of working each out anew. What a
 * subject depends on is the file's key: the corpus (the store's version: any corpus file stored or
 * removed, or the topics retagged, gives a new one), the documents the spec's filters allow
 * (`sources`, `since`, `until`) and the code's version; the query and topic are each subject's own
 * key. A cache only: a file that cannot be read or written means working the subjects out.
 */
import { createHash } from 'node:crypto';
import { codeVersion } from '../code-version.ts';
import type { BriefingSpec, EvidenceStore } from '../model.ts';
import type { Subject } from '../select/subject.ts';
import { storedSubject, subjectFrom, type StoredSubject } from '../select/subject-json.ts';
import { keepFile, readKept } from '../kept.ts';

/** Changed when what is kept, or how its key is made, changes. */
const FORMAT = 1;
/** Files kept at most (one per corpus version and filters); the oldest go first. */
const FILES_KEPT = 16;
/** Subjects kept per file at most; beyond, the first worked out go. */
const SUBJECTS_KEPT = 2_000;

export interface SubjectFiles {
  /** The subjects kept for this spec's corpus and filters (shared by the run's decks with the same), or undefined without a store version. */
  memoryFor(spec: Pick<BriefingSpec, 'sources' | 'since' | 'until'>, store: EvidenceStore): Map<string, Subject> | undefined;
  /** Writes back each memory selection added to. */
  save(): void;
}

/** The key of the subjects for a spec's filters over a store; undefined without a version. */
export function subjectsKey(spec: Pick<BriefingSpec, 'sources' | 'since' | 'until'>, store: EvidenceStore): string | undefined {
  const version = store.version?.();
  if (version === undefined) return undefined;
  const filters = JSON.stringify([spec.sources ?? null, spec.since ?? null, spec.until ?? null]);
  return createHash('sha256').update(`${FORMAT}\u0000${codeVersion()}\u0000${version}\u0000${filters}`).digest('hex');
}

export function openSubjectFiles(dir: string): SubjectFiles {
  const open = new Map<string, { memory: Map<string, Subject>; size: number }>();
  return {
    memoryFor(spec, store) {
      const key = subjectsKey(spec, store);
      if (!key) return undefined;
      let found = open.get(key);
      if (!found) {
        let memory = new Map<string, Subject>();
        try {
          const text = readKept(dir, `${key}.json`);
          if (text !== undefined) memory = new Map((JSON.parse(text) as [string, StoredSubject][]).map(([k, s]) => [k, subjectFrom(s)]));
        } catch {
          // Unreadable: worked out again.
          memory = new Map();
        }
        open.set(key, (found = { memory, size: memory.size }));
      }
      return found.memory;
    },
    save() {
      for (const [key, kept] of open) {
        if (kept.memory.size === kept.size) continue;
        const stored: [string, StoredSubject][] = [];
        for (const [k, subject] of [...kept.memory].slice(-SUBJECTS_KEPT)) {
          const s = storedSubject(subject);
          if (s) stored.push([k, s]);
        }
        keepFile(dir, `${key}.json`, JSON.stringify(stored), FILES_KEPT, (f) => f.endsWith('.json'));
        kept.size = kept.memory.size;
      }
    },
  };
}
