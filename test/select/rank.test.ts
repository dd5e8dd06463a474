/**
 * Ranking a slide's candidates. Sentences from Reuters-21578 (free for research) and the seed corpus.
 */
import { describe, expect, it } from 'vitest';
import { brevity, scoreCandidate } from '../../src/select/rank.ts';
import type { Claim } from '../../src/model.ts';

const claim = (text: string): Claim => ({ id: `gold/001:p4:s1`, text, kind: 'fact', docId: 'gold/001', paragraph: 4, start: 0, end: text.length, figures: [], actors: [], topics: [] });
const score = (text: string) => scoreCandidate({ claim: claim(text), relevance: 0.8, topicMatch: true, pinned: false, recency: 0.5 }, { kinds: ['fact'], plain: false });

describe('a short aside', () => {
  const aside = 'China does not publish gold production figures.';
  const point = 'Gold output in the northeast China province of Heilongjiang rose 22.7 pct in 1986 from the level of 1985, the New China News Agency said.';
  it('ranks below a sentence that states a whole point, all else equal', () => {
    expect(score(aside)).toBeLessThan(score(point));
  });
  it('is measured without the wire dateline, and not at all from 16 words', () => {
    expect(brevity(claim(`BEIJING, March 2 - ${aside}`))).toBe(brevity(claim(aside)));
    expect(brevity(claim(aside))).toBe(1);
    expect(brevity(claim(point))).toBe(0);
  });
});
