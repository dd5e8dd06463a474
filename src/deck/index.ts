/**
 * Deck composition: turns a parsed `BriefingSpec` and the corpus `EvidenceStore` into a `Deck`.
 * Each body section's helpers (read by the spec stage) are resolved into slides for the audience
 * (the bottom line first, so later slides do not repeat it), empty sections are left out with a
 * warning, the deck is kept to its slide budget, and a Sources slide closes it. The budget goes
 * with the deck: the layout stage keeps to it again once slides are split to fit. Same spec and
 * corpus, same deck.
 */
import type { BodySection, BriefingSpec, Deck, Diagnostic, EvidenceStore, HelperCall, Slide } from '../model.ts';
import { suggestion } from '../diagnostics/suggest.ts';
import { message } from '../diagnostics/message.ts';
import { createSelectionContext, entryMatches, storiesInScope, topicCoverage, type SelectionMemory } from '../select/index.ts';
import { assembleDeck, callTitles, helperCalls, sectionsOf, type Evidence } from './assemble.ts';
import { SourceBook } from './citations.ts';
import { keptTexts, type ComposeEnv, type TextMemory } from './env.ts';
import { withTagMemory, type TagMemory } from './grammar.ts';
import { policyFor } from './policy.ts';
import { resolveClaims, resolveFigures, resolveJudgements } from './resolve-claims.ts';
import { resolveQuote, resolveScenarios, resolveTimeline } from './resolve-other.ts';
import { resolveBottomLine } from './resolve-bluf.ts';
import { posTags } from './grammar.ts';

export { AUDIENCE_POLICIES, policyFor, type AudiencePolicy } from './policy.ts';
export { compressSentence, isDeletionOf, wordCount } from './compress.ts';
export { assembleDeck, sectionsOf, type Evidence } from './assemble.ts';

export interface ComposeOptions {
  /** Empty sections and unmatched queries become errors instead of warnings. */
  strict?: boolean;
  /**
   * Part-of-speech tags remembered from earlier runs, which composition reads and adds to (the
   * caller keeps them: `build/tag-file.ts`); without, this process's own memory.
   */
  tags?: TagMemory;
  /**
   * Claims' compressed and shown texts remembered from earlier runs over the same corpus, for the
   * same compression settings and document filters, which composition reads and adds to (the
   * caller keeps them: `build/text-file.ts`); without, those this process worked out.
   */
  texts?: TextMemory;
  /**
   * What selection worked out from the corpus in earlier runs (subjects of queries and topics,
   * sentence and document vectors), for the same document filters, which it reads and adds to
   * (the caller keeps it: `build/selection-file.ts`); without, what this process worked out.
   */
  selection?: SelectionMemory;
}

export function composeDeck(spec: BriefingSpec, store: EvidenceStore, options: ComposeOptions = {}): { deck: Deck; diagnostics: Diagnostic[] } {
  const policy = policyFor(spec);
  const sections = sectionsOf(spec, store, policy);
  const evidence = gatherEvidence(spec, store, sections, options);
  return assembleDeck(spec, sections, policy, evidence, !!options.strict);
}

/**
 * What the deck's helper calls find in the corpus (`Evidence`): each call resolved into slides
 * for the audience, the bottom line first, so later slides do not repeat it. `sections` are
 * `sectionsOf(spec, store, policyFor(spec))`.
 */
export function gatherEvidence(spec: BriefingSpec, store: EvidenceStore, sections: readonly BodySection[], options: ComposeOptions = {}): Evidence {
  return withTagMemory(options.tags, () => gather(spec, store, sections, options));
}

function gather(spec: BriefingSpec, store: EvidenceStore, sections: readonly BodySection[], options: ComposeOptions): Evidence {
  const policy = policyFor(spec);
  const book = new SourceBook(store);
  const select = createSelectionContext(store, spec, { kinds: policy.kinds, plain: policy.plain }, posTags, options.selection);
  const env: ComposeEnv = { spec, policy, select, book, strict: !!options.strict, diagnostics: [], coverage: [], ...(options.texts ?? keptTexts(store, policy)) };
  const at = (key: string) => ({ file: spec.file, ...(spec.locations?.[key] ?? { line: 1, column: 1 }) });

  if (!select.allowed.size) {
    const key = spec.sources?.length ? 'sources' : 'since';
    const names = [...new Set(store.documents().flatMap((d) => [d.publisher, ...d.authors].filter((n): n is string => !!n)))].sort();
    env.diagnostics.push(message('select/no-documents',
      `no document in the corpus passes the spec's ${spec.sources?.length ? '`sources`' : 'date'} filter`, at(key),
      { hint: spec.sources?.length ? suggestion(spec.sources[0], names) : 'widen `since`/`until`' }));
  }

  const calls = helperCalls(sections);
  env.coverage = calls.filter((c) => c.query || c.topic).map((c) => ({ query: c.query, topic: c.topic }));
  if (!env.coverage.length) env.coverage = spec.topics.map((topic) => ({ topic }));

  // The bottom line is chosen first, from the strongest judgements across every section's
  // subject, so no later slide repeats it.
  const resolved = new Map<HelperCall, Slide[]>();
  const order = [...calls.filter((c) => c.helper === 'bluf'), ...calls.filter((c) => c.helper !== 'bluf')];
  const titles = callTitles(sections);
  for (const call of order) resolved.set(call, resolve(env, call, titles.get(call)!));

  const index = select.index;
  // The topics that are the place the deck is scoped to ("Mexico" in "Mexico's oil, debt and the banks").
  const scoping = new Set((select.scope()?.terms ?? []).map((t) => t.text.toLowerCase()));
  return {
    slides: calls.map((call) => resolved.get(call) ?? []),
    diagnostics: env.diagnostics,
    sources: book.sources(),
    allowed: select.allowed.size,
    coverage: spec.topics.map((topic) => ({ ...topicCoverage(select, topic), ...storiesInScope(select, topic), ...(scoping.has(topic.replace(/[-_]+/g, ' ').toLowerCase()) ? { scope: true } : {}) })),
    includes: (spec.include ?? []).map((entry) => {
      const named = index.inStoreOrder([entry])[0];
      let exists = !!named;
      if (!exists) for (const c of index.all()) if (entryMatches(c, entry)) { exists = true; break; }
      return { ...(named ? { named: named.text } : {}), exists };
    }),
  };
}

function resolve(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  switch (call.helper) {
    case 'claims': return resolveClaims(env, call, title);
    case 'figures': return resolveFigures(env, call, title);
    case 'judgements': return resolveJudgements(env, call, title);
    case 'bluf': return resolveBottomLine(env, call, title);
    case 'quote': return resolveQuote(env, call, title);
    case 'scenarios': return resolveScenarios(env, call, title);
    case 'timeline': return resolveTimeline(env, call, title);
    case 'sources': return [{ kind: 'sources', title: call.title ?? 'Sources', sources: [], notes: [] }];
    default: return [];
  }
}
