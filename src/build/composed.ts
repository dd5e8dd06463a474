/**
 * Composed decks remembered between runs, in `.cache/briefdeck/decks/`, one file per deck under
 * a key made of everything composition reads: the parsed spec (its text as parsed, with the
 * config's defaults and the run's `--audience` and `--theme` in it), `--strict`, the store's
 * version (`EvidenceStore.version`: any file stored or removed, by any process, or the topics
 * retagged, gives a new one), the `BRIEFDECK_*` variables and the code's version. Composition reads
 * nothing else (no file, no clock), so a deck found under its key is the deck composing would make:
 * a build or check of an unchanged spec against an unchanged corpus lays out and renders without
 * composing, and without loading the composition stage at all. Themes, assets and fonts are not
 * part of the key: they shape the layout, which runs every time. A cache only: a file that cannot
 * be read or written means composing.
 */
import { createHash } from 'node:crypto';
import { codeVersion } from '../code-version.ts';
import type { BriefingSpec, Deck, Diagnostic, EvidenceStore } from '../model.ts';
import type { ComposeOptions } from '../deck/index.ts';
import { trace } from '../trace.ts';
import { keepFile, readKept } from '../kept.ts';

/** Changed when what is kept, or how its key is made, changes. */
const FORMAT = 1;
/** Decks kept at most; the oldest files go first. */
export const DECKS_KEPT = 64;
/** Variables that only change what a run prints about itself. */
const QUIET_VARIABLES = new Set(['BRIEFDECK_TRACE', 'BRIEFDECK_DEBUG']);

export interface Composed {
  deck: Deck;
  diagnostics: Diagnostic[];
}

export interface DeckMemory {
  /** The deck `composeDeck(spec, store, options)` makes: remembered when its inputs are, else composed (and kept). */
  compose(spec: BriefingSpec, store: EvidenceStore, options?: ComposeOptions): Promise<Composed>;
}

/** The key of a deck: undefined when the store keeps no version (then it is always composed). */
export function deckKey(spec: BriefingSpec, store: EvidenceStore, strict: boolean, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const version = store.version?.();
  if (version === undefined) return undefined;
  const hash = createHash('sha256').update(`${FORMAT}\u0000${codeVersion()}\u0000${strict}\u0000${version}\u0000`);
  for (const name of Object.keys(env).sort())
    if (name.startsWith('BRIEFDECK_') && !QUIET_VARIABLES.has(name)) hash.update(`${name}=${env[name]}\u0000`);
  return hash.update(JSON.stringify(spec)).digest('hex');
}

async function composeNow(spec: BriefingSpec, store: EvidenceStore, options: ComposeOptions): Promise<Composed> {
  // The composition stage (selection, the gazetteer, the tagger's rules) loads on the first deck composed.
  const { composeDeck } = await import('../deck/index.ts');
  return composeDeck(spec, store, options);
}

/** Decks kept in `dir`; without a folder, every deck is composed. */
export function openDeckMemory(dir: string | undefined): DeckMemory {
  if (!dir) return { compose: (spec, store, options = {}) => composeNow(spec, store, options) };
  return {
    async compose(spec, store, options = {}) {
      const key = deckKey(spec, store, Boolean(options.strict));
      const name = key && `${key}.json`;
      const text = name ? readKept(dir, name) : undefined;
      if (text !== undefined) {
        try {
          const kept = JSON.parse(text) as Composed;
          trace(`${spec.file}: composed deck remembered`);
          return kept;
        } catch {
          // Unreadable: composed below.
        }
      }
      const composed = await composeNow(spec, store, options);
      if (name) keepFile(dir, name, JSON.stringify(composed), DECKS_KEPT, (f) => f.endsWith('.json'));
      return composed;
    },
  };
}
