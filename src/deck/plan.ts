/**
 * The deck plan when a spec has only `topics:` and no body: title, bottom line up front, one
 * section per topic, key figures (analysts and experts), scenarios (experts), a quote, sources.
 * The plan is written as body sections so it goes through exactly the same resolvers as a body.
 */
import type { BodySection, BriefingSpec, EvidenceStore, HelperCall, HelperName } from '../model.ts';
import { headingOf } from '../text.ts';
import type { AudiencePolicy } from './policy.ts';

export function defaultSections(spec: BriefingSpec, store: EvidenceStore, policy: AudiencePolicy): BodySection[] {
  const at = spec.locations?.topics ?? spec.locations?.title ?? { line: 1, column: 1 };
  const call = (helper: HelperName, extra: Partial<HelperCall> = {}): HelperCall => ({
    helper,
    line: at.line,
    column: at.column,
    raw: `{{${helper}}}`,
    ...extra,
  });
  const section = (title: string, ...calls: HelperCall[]): BodySection => ({
    title,
    level: 2,
    line: at.line,
    blocks: calls.map((c) => ({ kind: 'helper' as const, call: c })),
  });
  const topics = spec.topics.length ? spec.topics : Object.keys(store.topics()).sort();
  const extras = (policy.audience === 'analyst' || policy.audience === 'expert' ? 1 : 0) + (policy.audience === 'expert' ? 1 : 0);
  const room = Math.max(1, policy.maxSlides - 4 - extras);
  const shown = topics.slice(0, room);
  const sections: BodySection[] = [section('Bottom line up front', call('bluf'))];
  for (const topic of shown) {
    sections.push(section(headingOf(topic), call('claims', { topic, raw: `{{claims topic="${topic}"}}` })));
  }
  if (!topics.length) sections.push(section(spec.title, call('claims', { query: spec.title })));
  // Each topic a phrase of its own: a figure or quote is about one of them, not about a word of one.
  const all = shown.map((t) => `"${t}"`).join(' ') || spec.title;
  if (extras >= 1) sections.push(section('Key figures', call('figures', { query: all, fallback: true })));
  if (extras >= 2) sections.push(section('Scenarios', call('scenarios', { query: all })));
  sections.push(section('In their words', call('quote', { query: all, fallback: true })));
  sections.push(section('Sources', call('sources')));
  return sections;
}
