/**
 * The evidence helpers a spec body may call, e.g. `{{claims "energy pipelines" limit=3}}`.
 * One registry serves the parser (misspelt names and options), the composer (which slide each
 * yields) and the README table, so a helper is documented where it is defined.
 */
import type { HelperName, SlideKind } from '../model.ts';

export type { HelperCall, HelperName } from '../model.ts';
export type OptionType = 'string' | 'number' | 'kind';

export interface HelperDefinition {
  name: HelperName;
  /** What it pulls from the corpus. */
  summary: string;
  /** The slide kind it yields. */
  yields: SlideKind;
  /** Whether a quoted search text may follow the name. */
  query: boolean;
  options: Record<string, OptionType>;
  example: string;
}

const common = { topic: 'string', limit: 'number', title: 'string' } as const;

export const HELPERS: Record<HelperName, HelperDefinition> = {
  claims: {
    name: 'claims',
    summary: 'The best-matching claims as bullets, preferring the kinds the audience needs.',
    yields: 'bullets',
    query: true,
    options: { ...common, kind: 'kind', source: 'string' },
    example: '{{claims "energy dependence pipelines" limit=3}}',
  },
  figures: {
    name: 'figures',
    summary: 'Claims that carry numbers (shares, volumes, money), one figure each.',
    yields: 'figures',
    query: true,
    options: { ...common, source: 'string' },
    example: '{{figures topic="arms trade"}}',
  },
  quote: {
    name: 'quote',
    summary: 'One direct quotation, verbatim, with its speaker.',
    yields: 'quote',
    query: true,
    options: { speaker: 'string', topic: 'string', title: 'string' },
    example: '{{quote speaker="Putin"}}',
  },
  judgements: {
    name: 'judgements',
    summary: 'The strongest assessments and forecasts with their likelihood (probable, …).',
    yields: 'judgements',
    query: true,
    options: { ...common },
    example: '{{judgements "leadership change" limit=4}}',
  },
  scenarios: {
    name: 'scenarios',
    summary: 'Forecasts and conditional outcomes as named scenarios with likelihoods.',
    yields: 'scenarios',
    query: true,
    options: { ...common },
    example: '{{scenarios "after Putin"}}',
  },
  timeline: {
    name: 'timeline',
    summary: 'Dated events (years in the text) in order.',
    yields: 'timeline',
    query: true,
    options: { ...common },
    example: '{{timeline "strategic partnership"}}',
  },
  sources: {
    name: 'sources',
    summary: 'The Sources slide: authors, title, publisher, date of every cited document.',
    yields: 'sources',
    query: false,
    options: { title: 'string' },
    example: '{{sources}}',
  },
  bluf: {
    name: 'bluf',
    summary: 'Bottom line up front: the few strongest judgements across the whole deck.',
    yields: 'judgements',
    query: false,
    options: { limit: 'number', title: 'string' },
    example: '{{bluf limit=3}}',
  },
};

export const HELPER_NAMES = Object.keys(HELPERS) as HelperName[];
