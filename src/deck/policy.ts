/**
 * Audience policies: what changes in a deck when the audience changes — slide budget, bullets per
 * slide, bullet length and compression, how citations show, what speaker notes hold, and which
 * kinds of claim the audience is served first. A spec's `length:` and `policy:` override these.
 */
import type { Audience, BriefingSpec, CitationStyle, ClaimKind } from '../model.ts';

export type NotesStyle = 'sources' | 'evidence' | 'context' | 'talking-points';

export interface AudiencePolicy {
  audience: Audience;
  /** Most slides in the deck, title and sources included. */
  maxSlides: number;
  bulletsPerSlide: number;
  /** Words per bullet the audience reads comfortably. */
  maxWords: number;
  /**
   * How far past `maxWords` a sentence may run when deleting words down to it would cut its
   * point (1.25: a quarter more); 1 when the spec sets `policy.words` itself.
   */
  overrun: number;
  /** Always shorten by deletion (executive), not only when a sentence is too long. */
  compress: boolean;
  /** Prefer plain sentences: short words, few figures per sentence. */
  plain: boolean;
  citations: CitationStyle;
  notes: NotesStyle;
  /** Claim kinds in order of preference; earlier kinds score higher. */
  kinds: ClaimKind[];
  /** Most figures on one figures slide. */
  figuresPerSlide: number;
}

export const AUDIENCE_POLICIES: Record<Audience, AudiencePolicy> = {
  executive: {
    audience: 'executive',
    maxSlides: 10,
    bulletsPerSlide: 3,
    maxWords: 20,
    overrun: 1.25,
    compress: true,
    plain: false,
    citations: 'slide',
    notes: 'sources',
    kinds: ['assessment', 'forecast', 'statistic', 'fact', 'attributed'],
    figuresPerSlide: 3,
  },
  analyst: {
    audience: 'analyst',
    maxSlides: 16,
    bulletsPerSlide: 5,
    maxWords: 35,
    overrun: 1.15,
    compress: false,
    plain: false,
    citations: 'bullet',
    notes: 'evidence',
    kinds: ['statistic', 'fact', 'assessment', 'attributed', 'forecast'],
    figuresPerSlide: 4,
  },
  expert: {
    audience: 'expert',
    maxSlides: 24,
    bulletsPerSlide: 6,
    maxWords: 45,
    overrun: 1.15,
    compress: false,
    plain: false,
    citations: 'bullet',
    notes: 'context',
    kinds: ['assessment', 'attributed', 'forecast', 'statistic', 'fact'],
    figuresPerSlide: 6,
  },
  public: {
    audience: 'public',
    maxSlides: 12,
    bulletsPerSlide: 4,
    maxWords: 22,
    overrun: 1.25,
    compress: true,
    plain: true,
    citations: 'sources-slide',
    notes: 'talking-points',
    kinds: ['fact', 'statistic', 'assessment', 'forecast', 'attributed'],
    figuresPerSlide: 3,
  },
};

/** The audience policy with the spec's `length:` and `policy:` applied. */
export function policyFor(spec: Pick<BriefingSpec, 'audience' | 'length' | 'policy'>): AudiencePolicy {
  const base = AUDIENCE_POLICIES[spec.audience];
  const o = spec.policy ?? {};
  return {
    ...base,
    maxSlides: spec.length ?? base.maxSlides,
    bulletsPerSlide: o.bullets ?? base.bulletsPerSlide,
    maxWords: o.words ?? base.maxWords,
    overrun: o.words ? 1 : base.overrun,
    compress: o.compress ?? base.compress,
    citations: o.citations ?? base.citations,
  };
}
