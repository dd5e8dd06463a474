/**
 * Deck composition: turns a parsed `BriefingSpec` and the corpus `EvidenceStore` into a `Deck`.
 * Each body section's helpers (read by the spec stage) are resolved into slides for the audience
 * (the bottom line first, so later slides do not repeat it), empty sections are left out with a
 * warning, the deck is kept to its slide budget, and a Sources slide closes it. The budget goes
 * with the deck: the layout stage keeps to it again once slides are split to fit. Same spec and
 * corpus, same deck.
 */
import type { BodySection, BriefingSpec, Deck, Diagnostic, EvidenceStore, HelperCall, Slide, SourceEntry } from '../model.ts';
import { suggestion } from '../diagnostics/suggest.ts';
import { message } from '../diagnostics/message.ts';
import { createSelectionContext, entryMatches, topicCoverage } from '../select/index.ts';
import { fitBudget, type PlannedSlide } from './budget.ts';
import { SourceBook } from './citations.ts';
import { keptTexts, type ComposeEnv } from './env.ts';
import { defaultSections } from './plan.ts';
import { withTagMemory, type TagMemory } from './grammar.ts';
import { policyFor } from './policy.ts';
import { resolveClaims, resolveFigures, resolveJudgements } from './resolve-claims.ts';
import { resolveQuote, resolveScenarios, resolveTimeline } from './resolve-other.ts';
import { resolveBottomLine } from './resolve-bluf.ts';
import { posTags } from './grammar.ts';

export { AUDIENCE_POLICIES, policyFor, type AudiencePolicy } from './policy.ts';
export { compressSentence, isDeletionOf, wordCount } from './compress.ts';

export interface ComposeOptions {
  /** Empty sections and unmatched queries become errors instead of warnings. */
  strict?: boolean;
  /**
   * Part-of-speech tags remembered from earlier runs, which composition reads and adds to (the
   * caller keeps them: `build/tag-file.ts`); without, this process's own memory.
   */
  tags?: TagMemory;
}

const DEFAULT_TITLES: Record<HelperCall['helper'], string> = {
  claims: 'Key points',
  figures: 'Key figures',
  quote: 'In their words',
  judgements: 'Key judgements',
  scenarios: 'Scenarios',
  timeline: 'Timeline',
  sources: 'Sources',
  bluf: 'Bottom line up front',
};

export function composeDeck(spec: BriefingSpec, store: EvidenceStore, options: ComposeOptions = {}): { deck: Deck; diagnostics: Diagnostic[] } {
  return withTagMemory(options.tags, () => compose(spec, store, options));
}

function compose(spec: BriefingSpec, store: EvidenceStore, options: ComposeOptions): { deck: Deck; diagnostics: Diagnostic[] } {
  const policy = policyFor(spec);
  const book = new SourceBook(store);
  const select = createSelectionContext(store, spec, { kinds: policy.kinds, plain: policy.plain }, posTags);
  const env: ComposeEnv = { spec, policy, select, book, strict: !!options.strict, diagnostics: [], coverage: [], ...keptTexts(store, policy) };
  const at = (key: string) => ({ file: spec.file, ...(spec.locations?.[key] ?? { line: 1, column: 1 }) });

  if (!select.allowed.size) {
    const key = spec.sources?.length ? 'sources' : 'since';
    const names = [...new Set(store.documents().flatMap((d) => [d.publisher, ...d.authors].filter((n): n is string => !!n)))].sort();
    env.diagnostics.push(message('select/no-documents',
      `no document in the corpus passes the spec's ${spec.sources?.length ? '`sources`' : 'date'} filter`, at(key),
      { hint: spec.sources?.length ? suggestion(spec.sources[0], names) : 'widen `since`/`until`' }));
  }

  const sections: BodySection[] = spec.sections.length ? spec.sections : defaultSections(spec, store, policy);
  const calls = sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'helper' ? [b.call] : [])));
  env.coverage = calls.filter((c) => c.query || c.topic).map((c) => ({ query: c.query, topic: c.topic }));
  if (!env.coverage.length) env.coverage = spec.topics.map((topic) => ({ topic }));

  // The bottom line is chosen first, from the strongest judgements across every section's
  // subject, so no later slide repeats it.
  const resolved = new Map<HelperCall, Slide[]>();
  const order = [...calls.filter((c) => c.helper === 'bluf'), ...calls.filter((c) => c.helper !== 'bluf')];
  const titles = new Map<HelperCall, string>();
  for (const s of sections) for (const b of s.blocks) if (b.kind === 'helper') titles.set(b.call, b.call.title ?? (s.title || DEFAULT_TITLES[b.call.helper]));
  for (const call of order) resolved.set(call, resolve(env, call, titles.get(call)!));

  const planned: PlannedSlide[] = [{ slide: titleSlide(spec), section: -1, order: 0, protected: true }];
  sections.forEach((section, index) => {
    const slides: PlannedSlide[] = [];
    const push = (slide: Slide, isProtected = false) => slides.push({ slide, section: index, order: slides.length, protected: isProtected });
    for (const block of section.blocks) {
      if (block.kind === 'markdown') push({ kind: 'markdown', title: section.title || spec.title, markdown: block.block.markdown, notes: [] });
      else for (const slide of resolved.get(block.call) ?? []) push(slide, block.call.helper === 'bluf' || block.call.helper === 'sources');
    }
    const hasHelpers = section.blocks.some((b) => b.kind === 'helper');
    if (!section.blocks.length && section.level > 0) push({ kind: 'section', title: section.title, notes: [] });
    else if (!slides.length && hasHelpers) {
      env.diagnostics.push(message('deck/empty-section', `section '${section.title || '(before the first heading)'}' has no evidence and is left out`,
        { file: spec.file, line: section.line, column: 1 },
        { hint: 'broaden its queries, or remove the section', severity: env.strict ? 'error' : 'warning' }));
    }
    planned.push(...slides);
  });
  if (!calls.some((c) => c.helper === 'sources')) {
    planned.push({ slide: { kind: 'sources', title: 'Sources', sources: [], notes: [] }, section: -1, order: 0, protected: true });
  }

  const { kept, dropped } = fitBudget(planned, policy.maxSlides);
  if (dropped.length) {
    env.diagnostics.push(message('deck/over-budget',
      `the ${policy.audience} budget is ${policy.maxSlides} slides; left out: ${dropped.map((p) => `'${p.slide.title}'`).join(', ')}`,
      at(spec.length ? 'length' : 'audience'), { hint: 'raise `length:`, or ask for fewer slides (limit=, fewer sections)' }));
  }
  const slides = kept.map((p) => p.slide);
  const sources = citedSources(book, slides);
  for (const slide of slides) if (slide.kind === 'sources') slide.sources = sources;
  noteThinTopics(env, spec, slides);
  // A sources slide with nothing cited stays when it says what the corpus lacks.
  const final = slides.filter((s) => s.kind !== 'sources' || s.sources.length || s.caveat);
  checkIncludes(env, final);

  const deck: Deck = {
    name: spec.name, title: spec.title, audience: spec.audience, theme: spec.theme,
    overrides: spec.overrides, notes: spec.notes, citations: policy.citations, budget: policy.maxSlides, slides: final, sources,
  };
  for (const key of ['subtitle', 'presenter', 'organisation', 'date', 'classification'] as const) if (spec[key]) deck[key] = spec[key];
  return { deck, diagnostics: env.diagnostics };
}

/**
 * Fewer documents than this naming a topic, and fewer than this share of the corpus, make its
 * slides thin: the deck and the build say so.
 */
const THIN_DOCUMENTS = 3;
const THIN_SHARE = 0.25;

/**
 * Topics the corpus holds little on: a warning at the spec's `topics:`, and on the closing slide
 * a line under its sources that everyone reads and a speaker note, so that a thin slide is read
 * as the corpus's, not as the whole story.
 */
function noteThinTopics(env: ComposeEnv, spec: BriefingSpec, slides: Slide[]): void {
  const thin: string[] = [];
  for (const topic of spec.topics) {
    const { stories, documents } = topicCoverage(env.select, topic);
    // Documents that name the topic at all are what its slides draw on: five that each name "debt
    // rescheduling" once are evidence, if no story is about it alone. (In a corpus of a handful of
    // long reports, two of five are not thin.)
    if (documents >= THIN_DOCUMENTS || documents >= THIN_SHARE * env.select.allowed.size) continue;
    const passing = documents - stories;
    const named = `${passing} ${passing === 1 ? 'document naming' : 'documents naming'} it in passing`;
    // What was measured: documents that name the topic in these words ("export subsidies"), not
    // those that speak of it otherwise ("subsidized wheat").
    const told = stories ? `${stories} ${stories === 1 ? 'story' : 'stories'} about "${topic}"${passing ? ` and ${named}` : ''}` : passing ? `no story about "${topic}", only ${named}` : `no document that names "${topic}"`;
    thin.push(told);
    env.diagnostics.push(message('deck/thin-topic', `the corpus holds ${told}; its slides show what little there is`,
      { file: spec.file, ...(spec.locations?.topics ?? { line: 1, column: 1 }) },
      { hint: 'add articles on it to the corpus, or drop it from `topics:`' }));
  }
  if (!thin.length) return;
  const closing = [...slides].reverse().find((s) => s.kind === 'sources') ?? slides[0];
  const caveat = `Thin evidence: the corpus holds ${thin.join('; ')}.`;
  if (closing?.kind === 'sources') closing.caveat = caveat;
  closing?.notes.push({ text: `${caveat} Read those slides as what the corpus has, not as the whole story.` });
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

function titleSlide(spec: BriefingSpec): Slide {
  const slide: Slide = { kind: 'title', title: spec.title, notes: [] };
  if (spec.subtitle) slide.subtitle = spec.subtitle;
  if (spec.presenter) slide.presenter = spec.presenter;
  if (spec.organisation) slide.organisation = spec.organisation;
  if (spec.date) slide.date = spec.date;
  return slide;
}

/** Documents cited on the slides that made it into the deck. */
function citedSources(book: SourceBook, slides: readonly Slide[]): SourceEntry[] {
  const ids = new Set<string>();
  for (const s of slides) {
    const cites =
      s.kind === 'bullets' ? s.bullets.map((b) => b.citation) :
      s.kind === 'judgements' ? s.judgements.map((b) => b.citation) :
      s.kind === 'figures' ? s.figures.map((f) => f.citation) :
      s.kind === 'scenarios' ? s.scenarios.map((x) => x.citation) :
      s.kind === 'timeline' ? s.events.map((e) => e.citation) :
      s.kind === 'quote' ? [s.citation] : [];
    for (const c of cites) if (c) ids.add(c.docId);
  }
  return book.sources().filter((e) => ids.has(e.docId));
}

/** Every `include:` entry must have reached a slide; say which did not, and why. */
function checkIncludes(env: ComposeEnv, slides: readonly Slide[]): void {
  const shown: { id: string; text: string }[] = [];
  for (const s of slides) {
    const items = s.kind === 'bullets' ? s.bullets : s.kind === 'judgements' ? s.judgements : [];
    for (const b of items) if (b.citation) shown.push({ id: `${b.citation.docId}:${b.citation.start}`, text: b.citation.sentence });
    if (s.kind === 'quote') shown.push({ id: s.quote.id, text: s.quote.text });
  }
  const index = env.select.index;
  for (const entry of env.spec.include ?? []) {
    if (shown.some((x) => entryMatches(x, entry))) continue;
    const named = index.inStoreOrder([entry])[0];
    if (named && shown.some((x) => x.text === named.text)) continue;
    let exists = !!named;
    if (!exists) for (const c of index.all()) if (entryMatches(c, entry)) { exists = true; break; }
    env.diagnostics.push(message('select/include-unused',
      exists ? `include '${entry}' matches a claim but no section's query reaches it` : `include '${entry}' matches no claim in the corpus`,
      { file: env.spec.file, ...(env.spec.locations?.include ?? { line: 1, column: 1 }) },
      { hint: exists ? 'add a helper whose query shares words with it, e.g. {{claims "…"}}' : 'use a claim id (docId:pN:sM) or a phrase copied from the corpus' }));
  }
}

