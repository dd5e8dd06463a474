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
 *
 * Beside each deck, its evidence (`deck/assemble.ts`: what its helper calls found in the corpus)
 * is kept in `.cache/briefdeck/evidence/` under the same key with the spec's wording left out:
 * everything the search reads (title as the search reads it, subtitle, topics, filters, audience
 * and policy, notes, each helper call with the title its slides carry, in order), not what a deck
 * only shows (prose, presenter, date, organisation, classification, theme, formats, where each
 * line stands, a number of one or two digits standing alone in the title: `searched-title.ts`,
 * which gives the search the title with such numbers written 0). A
 * spec whose prose, presenter or date was edited is assembled from its kept evidence, without
 * searching the corpus or loading the selection stage; an edit of what the search reads, or any
 * change of the corpus, searches again. Its messages are kept anchored to the call or
 * front-matter key they are about, and placed where that call or key stands now. A search that
 * runs again reads the claims' texts (`text-file.ts`) and what selection worked out from the
 * corpus alone (`selection-file.ts`) kept from earlier searches over the same corpus.
 */
import { createHash } from 'node:crypto';
import { codeVersion } from '../code-version.ts';
import type { BodySection, BriefingSpec, Deck, Diagnostic, EvidenceStore, HelperCall } from '../model.ts';
import type { ComposeOptions } from '../deck/index.ts';
import { trace } from '../trace.ts';
import { keepFile, readKept } from '../kept.ts';
import { assembleDeck, helperCalls, callTitles, sectionsOf, type Evidence } from '../deck/assemble.ts';
import { policyFor } from '../deck/policy.ts';
import { openTextFiles, type TextFiles } from './text-file.ts';
import { openSelectionFiles, type SelectionFiles } from './selection-file.ts';
import { searchedTitle } from './searched-title.ts';

/** Changed when what is kept, or how its key is made, changes. */
const FORMAT = 2;
/** Decks kept at most; the oldest files go first (evidence likewise). */
export const DECKS_KEPT = 64;
/** What a deck only shows, never searches with: left out of its evidence's key. */
const WORDING: readonly (keyof BriefingSpec)[] = ['name', 'date', 'presenter', 'organisation', 'classification', 'theme', 'overrides', 'formats', 'locations', 'sections'];
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
  return keyOf(JSON.stringify(spec), store, strict, env);
}

/**
 * The key of a deck's evidence: the spec without its wording, and each helper call (without its
 * place in the file) with the title its slides carry; undefined when the store keeps no version.
 */
export function evidenceKey(spec: BriefingSpec, sections: readonly BodySection[], store: EvidenceStore, strict: boolean, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const read: Record<string, unknown> = { ...searchedSpec(spec, helperCalls(sections)) };
  for (const key of WORDING) delete read[key];
  const titles = callTitles(sections);
  read.calls = helperCalls(sections).map((call) => {
    const { line, column, ...written } = call;
    return { ...written, slideTitle: titles.get(call) };
  });
  return keyOf(`evidence\u0000${JSON.stringify(read)}`, store, strict, env);
}

/** The spec as the search is given it: its title as the search reads it (`searched-title.ts`). */
function searchedSpec(spec: BriefingSpec, calls: readonly HelperCall[]): BriefingSpec {
  const title = searchedTitle(spec, calls);
  return title === spec.title ? spec : { ...spec, title };
}

function keyOf(what: string, store: EvidenceStore, strict: boolean, env: NodeJS.ProcessEnv): string | undefined {
  const version = store.version?.();
  if (version === undefined) return undefined;
  const hash = createHash('sha256').update(`${FORMAT}\u0000${codeVersion()}\u0000${strict}\u0000${version}\u0000`);
  for (const name of Object.keys(env).sort())
    if (name.startsWith('BRIEFDECK_') && !QUIET_VARIABLES.has(name)) hash.update(`${name}=${env[name]}\u0000`);
  return hash.update(what).digest('hex');
}

/** Composes a deck from its evidence: kept in `evidenceDir` under its key, else gathered (and kept). */
async function composeNow(spec: BriefingSpec, store: EvidenceStore, options: ComposeOptions, evidenceDir?: string, texts?: TextFiles, selection?: SelectionFiles): Promise<Composed> {
  const policy = policyFor(spec);
  const sections = sectionsOf(spec, store, policy);
  const strict = Boolean(options.strict);
  const key = evidenceDir ? evidenceKey(spec, sections, store, strict) : undefined;
  const name = key && `${key}.json`;
  const calls = helperCalls(sections);
  let evidence = name ? placed(readKept(evidenceDir!, name), spec, calls) : undefined;
  if (evidence) trace(`${spec.file}: evidence remembered`);
  else {
    // The composition stage (selection, the gazetteer, the tagger's rules) loads on the first deck searched for.
    const { gatherEvidence } = await import('../deck/index.ts');
    evidence = gatherEvidence(searchedSpec(spec, calls), store, sections, {
      ...options,
      texts: options.texts ?? texts?.memoryFor(spec, policy, store),
      selection: options.selection ?? selection?.memoryFor(spec, store),
    });
    texts?.save();
    selection?.save();
    // Kept before assembling, which completes the slides it takes.
    const anchored = name ? anchor(evidence, spec, calls) : undefined;
    if (anchored) keepFile(evidenceDir!, name!, JSON.stringify(anchored), DECKS_KEPT, (f) => f.endsWith('.json'));
  }
  return assembleDeck(spec, sections, policy, evidence, strict);
}

/** Where a message of the search stands: at a helper call (by its place among the calls), or at a front-matter key. */
type Anchor = { call: number } | { key: string };
type KeptEvidence = Omit<Evidence, 'diagnostics'> & { diagnostics: Array<{ diagnostic: Diagnostic; at?: Anchor }> };

/** The evidence with each message's line and column replaced by what it is about; undefined when one is about neither. */
function anchor(evidence: Evidence, spec: BriefingSpec, calls: readonly HelperCall[]): KeptEvidence | undefined {
  const diagnostics: KeptEvidence['diagnostics'] = [];
  for (const d of evidence.diagnostics) {
    const { line, column, ...rest } = d;
    if (line === undefined && column === undefined) {
      diagnostics.push({ diagnostic: rest });
      continue;
    }
    const call = calls.findIndex((c) => c.line === line && c.column === column);
    const key = call === -1 ? Object.entries(spec.locations ?? {}).find(([, at]) => at.line === line && at.column === column)?.[0] : undefined;
    if (call === -1 && key === undefined) return undefined;
    diagnostics.push({ diagnostic: rest, at: call !== -1 ? { call } : { key: key! } });
  }
  return { ...evidence, diagnostics };
}

/** Kept evidence with its messages placed where their calls and keys stand in this spec; undefined when unreadable. */
function placed(text: string | undefined, spec: BriefingSpec, calls: readonly HelperCall[]): Evidence | undefined {
  if (text === undefined) return undefined;
  try {
    const kept = JSON.parse(text) as KeptEvidence;
    const diagnostics: Diagnostic[] = [];
    for (const { diagnostic, at } of kept.diagnostics) {
      if (!at) diagnostics.push(diagnostic);
      else {
        const where = 'call' in at ? calls[at.call] : spec.locations?.[at.key];
        if (!where) return undefined;
        diagnostics.push({ ...diagnostic, line: where.line, column: where.column });
      }
    }
    return { ...kept, diagnostics };
  } catch {
    return undefined;
  }
}

/**
 * Decks kept in `dir`, their evidence in `evidenceDir` and claims' texts in `textsDir`
 * (`text-file.ts`); without a folder, every deck is composed (without an evidence folder,
 * searched for; without a texts folder, with the texts this process worked out).
 */
export function openDeckMemory(dir: string | undefined, evidenceDir?: string, textsDir?: string, selectionDir?: string): DeckMemory {
  const texts = textsDir ? openTextFiles(textsDir) : undefined;
  const selection = selectionDir ? openSelectionFiles(selectionDir) : undefined;
  if (!dir) return { compose: (spec, store, options = {}) => composeNow(spec, store, options, evidenceDir, texts, selection) };
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
      const composed = await composeNow(spec, store, options, evidenceDir, texts, selection);
      if (name) keepFile(dir, name, JSON.stringify(composed), DECKS_KEPT, (f) => f.endsWith('.json'));
      return composed;
    },
  };
}
