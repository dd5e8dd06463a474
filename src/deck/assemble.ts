/**
 * A deck put together from its evidence: what the helper calls found in the corpus (their slides,
 * their messages, the documents they cited, how much the corpus holds on each topic, which
 * `include:` entries exist) and the spec's own wording (title slide, prose slides, section
 * headings without helpers, the slide budget). Nothing here reads the corpus, so a deck whose
 * evidence was kept (`build/composed.ts`) is assembled without loading the selection stage, and
 * an edit of the spec's prose, presenter or date assembles the same evidence again.
 */
import type { BodySection, BriefingSpec, Deck, Diagnostic, EvidenceStore, HelperCall, Slide, SourceEntry } from '../model.ts';
import { message } from '../diagnostics/message.ts';
import { entryMatches } from '../select/filter.ts';
import { nounForms } from '../select/subject.ts';
import { escapeRegExp, headingOf } from '../text.ts';
import { fitBudget, type PlannedSlide } from './budget.ts';
import { defaultSections } from './plan.ts';
import type { AudiencePolicy } from './policy.ts';

/** What a deck's helper calls found in the corpus: everything assembling reads of it. */
export interface Evidence {
  /** The slides of each helper call, in the order the calls stand in the body (`helperCalls`). */
  slides: Slide[][];
  /** Messages of the search, in the order composing gave them (before assembling's own). */
  diagnostics: Diagnostic[];
  /** Every document a slide cited, as the Sources slide lists them. */
  sources: SourceEntry[];
  /** Documents the spec's filters allow. */
  allowed: number;
  /**
   * For each of the spec's topics: stories about it and documents naming it (`topicCoverage`),
   * its stories within the deck's scope and those about another place (`storiesInScope`), and
   * whether it is a place the deck is scoped to.
   */
  coverage: { stories: number; documents: number; within?: number; elsewhere?: number; scope?: boolean }[];
  /** For each `include:` entry: the text of the claim its id names, and whether any claim matches it. */
  includes: { named?: string; exists: boolean }[];
}

/**
 * Fewer documents than this naming a topic, and fewer than this share of the corpus, make its
 * slides thin: the deck and the build say so.
 */
const THIN_DOCUMENTS = 3;
const THIN_SHARE = 0.25;

/** The body sections a deck is made of: the spec's, or the plan of a spec with topics only. */
export function sectionsOf(spec: BriefingSpec, store: EvidenceStore, policy: AudiencePolicy): BodySection[] {
  // A body of the spec's own words with no helper call ("A short board-level update on where
  // borrowing costs … are heading") says what the deck is for: its slides come first, and the
  // deck is planned from the topics as if there were no body.
  // (Words before any heading are titled as what they are, not with the title slide's title again.)
  if (writesOwnSlides(spec)) return spec.sections;
  return [...spec.sections.map((s) => (s.title || s.level ? s : { ...s, title: PURPOSE })), ...defaultSections(spec, store, policy)];
}

/** The title of a planned deck's opening words, which the spec wrote under no heading. */
const PURPOSE = 'Purpose';

/** Whether the spec's body asks for its evidence itself (a helper call), rather than leaving the plan to its topics. */
export function writesOwnSlides(spec: Pick<BriefingSpec, 'sections'>): boolean {
  return helperCalls(spec.sections).length > 0;
}

/** Every helper call of the sections, in body order. */
export function helperCalls(sections: readonly BodySection[]): HelperCall[] {
  return sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'helper' ? [b.call] : [])));
}

/** The title each helper call's slides carry: its `title=`, else its section's heading, else the helper's. */
export function callTitles(sections: readonly BodySection[]): Map<HelperCall, string> {
  const titles = new Map<HelperCall, string>();
  for (const s of sections) for (const b of s.blocks) if (b.kind === 'helper') titles.set(b.call, b.call.title ?? (s.title || DEFAULT_TITLES[b.call.helper]));
  return titles;
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

/** The deck: title slide, each section's prose and evidence slides, kept to the budget, Sources last. */
export function assembleDeck(
  spec: BriefingSpec,
  sections: readonly BodySection[],
  policy: AudiencePolicy,
  evidence: Evidence,
  strict: boolean,
): { deck: Deck; diagnostics: Diagnostic[] } {
  const diagnostics = [...evidence.diagnostics];
  const at = (key: string) => ({ file: spec.file, ...(spec.locations?.[key] ?? { line: 1, column: 1 }) });
  const calls = helperCalls(sections);
  const resolved = new Map(calls.map((call, i) => [call, evidence.slides[i] ?? []]));

  const planned: PlannedSlide[] = [{ slide: titleSlide(spec), section: -1, order: 0, protected: true }];
  // The bottom line's lines, lower case: a topic they name is told.
  const bottomLine = calls.filter((c) => c.helper === 'bluf').flatMap((c) => resolved.get(c) ?? [])
    .flatMap((sl) => (sl.kind === 'judgements' ? sl.judgements.map((j) => j.text.toLowerCase()) : []));
  // Sections the corpus gave nothing usable for: the closing slide names them.
  const empty: string[] = [];
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
      // (A section the spec writes out, and a topic of a plan made from topics only that the bottom
      // line does not tell either: a topic the bottom line has told gets no slide of its own, and
      // the plan adds a quote or figures slide only where it can.)
      if (section.title && (writesOwnSlides(spec) || untoldTopic(section, bottomLine))) empty.push(section.title);
      diagnostics.push(message('deck/empty-section', `section '${section.title || '(before the first heading)'}' has no evidence and is left out`,
        { file: spec.file, line: section.line, column: 1 },
        { hint: 'broaden its queries, or remove the section', severity: strict ? 'error' : 'warning' }));
    }
    planned.push(...slides);
  });
  if (!calls.some((c) => c.helper === 'sources')) {
    planned.push({ slide: { kind: 'sources', title: 'Sources', sources: [], notes: [] }, section: -1, order: 0, protected: true });
  }

  const { kept, dropped } = fitBudget(planned, policy.maxSlides);
  if (dropped.length) {
    diagnostics.push(message('deck/over-budget',
      `the ${policy.audience} budget is ${policy.maxSlides} slides; left out: ${dropped.map((p) => `'${p.slide.title}'`).join(', ')}`,
      at(spec.length ? 'length' : 'audience'), { hint: 'raise `length:`, or ask for fewer slides (limit=, fewer sections)' }));
  }
  const slides = kept.map((p) => p.slide);
  const sources = citedSources(evidence.sources, slides);
  for (const slide of slides) if (slide.kind === 'sources') slide.sources = sources;
  noteThinTopics(spec, evidence, slides, diagnostics, empty);
  // A sources slide with nothing cited stays when it says what the corpus lacks.
  const final = slides.filter((s) => s.kind !== 'sources' || s.sources.length || s.caveat);
  checkIncludes(spec, evidence, final, diagnostics);

  const deck: Deck = {
    name: spec.name, title: spec.title, audience: spec.audience, theme: spec.theme,
    overrides: spec.overrides, notes: spec.notes, citations: policy.citations, budget: policy.maxSlides, slides: final, sources,
  };
  for (const key of ['subtitle', 'presenter', 'organisation', 'date', 'classification'] as const) if (spec[key]) deck[key] = spec[key];
  return { deck, diagnostics };
}

/**
 * Topics the corpus holds little on: a warning at the spec's `topics:`, and on the closing slide
 * a line under its sources that everyone reads and a speaker note, so that a thin slide is read
 * as the corpus's, not as the whole story. Sections left out for want of evidence are named there
 * too: a deck never drops what its spec asked for without saying so.
 */
function noteThinTopics(spec: BriefingSpec, evidence: Evidence, slides: Slide[], diagnostics: Diagnostic[], empty: readonly string[] = []): void {
  const thin: string[] = [];
  spec.topics.forEach((topic, i) => {
    const { stories, documents, scope } = evidence.coverage[i];
    // Documents that name the topic at all are what its slides draw on: five that each name "debt
    // rescheduling" once are evidence, if no story is about it alone. (In a corpus of a handful of
    // long reports, two of five are not thin.) A place the deck is scoped to is different: every
    // slide is read within its stories, and a story naming it in passing is another place's.
    const drawnOn = scope ? stories : documents;
    if (drawnOn >= THIN_DOCUMENTS || drawnOn >= THIN_SHARE * evidence.allowed) return;
    const passing = documents - stories;
    const named = `${passing} ${passing === 1 ? 'document naming' : 'documents naming'} it in passing`;
    // What was measured: documents that name the topic in these words ("export subsidies"), not
    // those that speak of it otherwise ("subsidized wheat").
    const told = stories ? `${stories} ${stories === 1 ? 'story' : 'stories'} about "${topic}"${passing ? ` and ${named}` : ''}` : passing ? `no story about "${topic}", only ${named}` : `no document that names "${topic}"`;
    thin.push(told);
    diagnostics.push(message('deck/thin-topic', `the corpus holds ${told}; its slides show what little there is`,
      { file: spec.file, ...(spec.locations?.topics ?? { line: 1, column: 1 }) },
      { hint: 'add articles on it to the corpus, or drop it from `topics:`' }));
  });
  if (!thin.length && !empty.length) return;
  const closing = [...slides].reverse().find((s) => s.kind === 'sources') ?? slides[0];
  const quoted = empty.map((t) => `"${t}"`);
  // (A topic whose stories are all about other places than the deck's says so: the corpus has
  // the topic, not the deck's part of it.)
  const elsewhere = empty.flatMap((title) => {
    const i = spec.topics.findIndex((t) => headingOf(t).toLowerCase() === title.toLowerCase());
    const c = i >= 0 ? evidence.coverage[i] : undefined;
    return c && c.stories > 0 && c.within === 0 && c.elsewhere === c.stories ? [`the corpus's ${c.stories} ${c.stories === 1 ? 'story' : 'stories'} about "${spec.topics[i]}" ${c.stories === 1 ? 'is about a place' : 'are all about places'} other than the title's`] : [];
  });
  const missing = empty.length ? `No slide on ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted[0]}: the corpus gave no line that fits${elsewhere.length ? ` (${elsewhere.join('; ')})` : ''}.` : '';
  const caveat = [thin.length ? `Thin evidence: the corpus holds ${thin.join('; ')}.` : '', missing].filter(Boolean).join(' ');
  if (closing?.kind === 'sources') closing.caveat = caveat;
  closing?.notes.push({ text: `${caveat} Read those slides as what the corpus has, not as the whole story.` });
}

function titleSlide(spec: BriefingSpec): Slide {
  const slide: Slide = { kind: 'title', title: spec.title, notes: [] };
  if (spec.subtitle) slide.subtitle = spec.subtitle;
  if (spec.presenter) slide.presenter = spec.presenter;
  if (spec.organisation) slide.organisation = spec.organisation;
  if (spec.date) slide.date = spec.date;
  return slide;
}

/** Documents cited on the slides that made it into the deck, in the order of every cited one. */
function citedSources(cited: readonly SourceEntry[], slides: readonly Slide[]): SourceEntry[] {
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
  return cited.filter((e) => ids.has(e.docId));
}

/** Every `include:` entry must have reached a slide; say which did not, and why. */
function checkIncludes(spec: BriefingSpec, evidence: Evidence, slides: readonly Slide[], diagnostics: Diagnostic[]): void {
  const shown: { id: string; text: string }[] = [];
  for (const s of slides) {
    const items = s.kind === 'bullets' ? s.bullets : s.kind === 'judgements' ? s.judgements : [];
    for (const b of items) if (b.citation) shown.push({ id: `${b.citation.docId}:${b.citation.start}`, text: b.citation.sentence });
    if (s.kind === 'quote') shown.push({ id: s.quote.id, text: s.quote.text });
  }
  (spec.include ?? []).forEach((entry, i) => {
    if (shown.some((x) => entryMatches(x, entry))) return;
    const { named, exists } = evidence.includes[i];
    if (named !== undefined && shown.some((x) => x.text === named)) return;
    diagnostics.push(message('select/include-unused',
      exists ? `include '${entry}' matches a claim but no section's query reaches it` : `include '${entry}' matches no claim in the corpus`,
      { file: spec.file, ...(spec.locations?.include ?? { line: 1, column: 1 }) },
      { hint: exists ? 'add a helper whose query shares words with it, e.g. {{claims "…"}}' : 'use a claim id (docId:pN:sM) or a phrase copied from the corpus' }));
  });
}

/** Whether a plan's topic section (`claims topic=`) is one the bottom line's lines never name: no line holds each of its words, in any noun form. */
function untoldTopic(section: BodySection, bottomLine: readonly string[]): boolean {
  const topic = section.blocks.find((b) => b.kind === 'helper' && b.call.helper === 'claims' && b.call.topic);
  if (!topic || topic.kind !== 'helper') return false;
  const words = topic.call.topic!.toLowerCase().split(/[\s_-]+/).filter(Boolean);
  const names = (line: string, w: string) => nounForms(w).some((f) => new RegExp(`(?<![\\p{L}])${escapeRegExp(f)}(?![\\p{L}])`, 'u').test(line));
  return !bottomLine.some((line) => words.every((w) => names(line, w)));
}
