/**
 * What selection works out from the corpus alone (`select/index.ts`: `SelectionMemory`), kept in
 * `.cache/briefdeck/selection/` between runs, one file per corpus and document filters: the
 * subject of each query and topic (the words that name it, the documents about it and how much),
 * the sentence and document vectors the bottom line's storylines are weighed by, and whether a
 * line leans on context, carries a judgement or shows a word the corpus does not spell so. A deck
 * searched for again after an edit of its title reads them back instead of working each out anew.
 * What they depend on is the file's key: the corpus (the store's version: any corpus file stored
 * or removed, or the topics retagged, gives a new one), the documents the spec's filters allow
 * (`sources`, `since`, `until`) and the code's version; the query and topic, the sentence and the
 * document are each entry's own key. A cache only: a file that cannot be read or written means
 * working them out.
 */
import { createHash } from 'node:crypto';
import { codeVersion } from '../code-version.ts';
import type { BriefingSpec, EvidenceStore } from '../model.ts';
import type { SelectionMemory } from '../select/index.ts';
import { noVectors, type Vectors } from '../select/storylines.ts';
import { storedSubject, subjectFrom, type StoredSubject } from '../select/subject-json.ts';
import { keepFile, readKept } from '../kept.ts';

/** Changed when what is kept, or how its key is made, changes. */
const FORMAT = 1;
/** Files kept at most (one per corpus version and filters); the oldest go first. */
const FILES_KEPT = 16;
/** Subjects kept per file at most; beyond, the first worked out go. */
const SUBJECTS_KEPT = 2_000;
/** Sentence vectors (and points) kept per file at most; beyond, the first worked out go. */
const VECTORS_KEPT = 50_000;
/** Lines' readings, judgements and spellings kept per file at most, each; beyond, the first made go. */
const LINES_KEPT = 20_000;
/** Document vectors kept per file at most: beyond, no vectors are kept (each is numbered for the points, so none can go alone). */
const DOCUMENTS_KEPT = 5_000;

interface SelectionFile {
  subjects: [string, StoredSubject][];
  vectors: { [K in keyof Vectors]: [string, Vectors[K] extends Map<string, infer V> ? V : never][] };
  readings: [string, boolean][];
  judgements: [string, boolean][];
  spellings: [string, boolean][];
}

export interface SelectionFiles {
  /** What is kept for this spec's corpus and filters (shared by the run's decks with the same), or undefined without a store version. */
  memoryFor(spec: Pick<BriefingSpec, 'sources' | 'since' | 'until'>, store: EvidenceStore): SelectionMemory | undefined;
  /** Writes back each memory selection added to. */
  save(): void;
}

/** The key of what selection keeps for a spec's filters over a store; undefined without a version. */
export function selectionKey(spec: Pick<BriefingSpec, 'sources' | 'since' | 'until'>, store: EvidenceStore): string | undefined {
  const version = store.version?.();
  if (version === undefined) return undefined;
  const filters = JSON.stringify([spec.sources ?? null, spec.since ?? null, spec.until ?? null]);
  return createHash('sha256').update(`${FORMAT}\u0000${codeVersion()}\u0000${version}\u0000${filters}`).digest('hex');
}

const sizeOf = (m: SelectionMemory) => m.subjects.size + m.vectors.claims.size + m.vectors.documents.size + m.vectors.points.size + m.readings.size + m.judgements.size + m.spellings.size;

export function openSelectionFiles(dir: string): SelectionFiles {
  const open = new Map<string, { memory: SelectionMemory; size: number }>();
  return {
    memoryFor(spec, store) {
      const key = selectionKey(spec, store);
      if (!key) return undefined;
      let found = open.get(key);
      if (!found) {
        const memory = read(readKept(dir, `${key}.json`));
        open.set(key, (found = { memory, size: sizeOf(memory) }));
      }
      return found.memory;
    },
    save() {
      for (const [key, kept] of open) {
        if (sizeOf(kept.memory) === kept.size) continue;
        keepFile(dir, `${key}.json`, JSON.stringify(written(kept.memory)), FILES_KEPT, (f) => f.endsWith('.json'));
        kept.size = sizeOf(kept.memory);
      }
    },
  };
}

/** The memory a kept file holds; an empty one when there is none or it is unreadable. */
function read(text: string | undefined): SelectionMemory {
  if (text !== undefined) {
    try {
      const file = JSON.parse(text) as SelectionFile;
      return {
        subjects: new Map(file.subjects.map(([k, s]) => [k, subjectFrom(s)])),
        vectors: { claims: new Map(file.vectors.claims), documents: new Map(file.vectors.documents), points: new Map(file.vectors.points) },
        readings: new Map(file.readings),
        judgements: new Map(file.judgements),
        spellings: new Map(file.spellings),
      };
    } catch {
      // Unreadable: worked out again.
    }
  }
  return { subjects: new Map(), vectors: noVectors(), readings: new Map(), judgements: new Map(), spellings: new Map() };
}

function written(memory: SelectionMemory): SelectionFile {
  const subjects: SelectionFile['subjects'] = [];
  for (const [k, subject] of [...memory.subjects].slice(-SUBJECTS_KEPT)) {
    const s = storedSubject(subject);
    if (s) subjects.push([k, s]);
  }
  const { claims, documents, points } = memory.vectors;
  const lines = {
    readings: [...memory.readings].slice(-LINES_KEPT),
    judgements: [...memory.judgements].slice(-LINES_KEPT),
    spellings: [...memory.spellings].slice(-LINES_KEPT),
  };
  if (documents.size > DOCUMENTS_KEPT) return { subjects, vectors: { claims: [], documents: [], points: [] }, ...lines };
  return { subjects, vectors: { claims: [...claims].slice(-VECTORS_KEPT), documents: [...documents], points: [...points].slice(-VECTORS_KEPT) }, ...lines };
}
