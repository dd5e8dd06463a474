/**
 * Ranking a slide's candidates. Sentences from Reuters-21578 (free for research) and the seed corpus.
 */
import { describe, expect, it } from 'vitest';
import { brevity, scoreCandidate } from '../../src/select/rank.ts';
import { yearsBefore } from '../../src/select/index.ts';
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

describe('a sentence about long before its article', () => {
  // seed corpus, "The Continuing Saga of Russia-China Relations" (its corpus's middle year: 2022)
  const history = 'After the Tienanmen Square Massacre of June 4th, 1989, the United States and the European Union imposed an arms embargo on China.';
  const news = 'Since the 2022 invasion, the United States and the European Union have tightened export controls on China.';
  const at = (text: string, history = false) =>
    scoreCandidate({ claim: claim(text), relevance: 0.8, topicMatch: true, pinned: false, recency: 0.5, age: yearsBefore(text, 2022) }, { kinds: ['fact'], plain: false, history });
  it('counts the years from the latest year it names', () => {
    expect(yearsBefore(history, 2022)).toBe(33);
    expect(yearsBefore('Since 2014, and again in 2022, ties deepened.', 2023)).toBe(1);
    expect(yearsBefore('Exports reached 1,990 tonnes.', 2022)).toBeUndefined();
    // a time of day is no year (Reuters-21578, coffee)
    expect(yearsBefore('A full council meeting is set for 1900 hours local.', 1987)).toBeUndefined();
    expect(yearsBefore(history, undefined)).toBeUndefined();
  });
  it('ranks below news on a slide of claims, not on a timeline', () => {
    expect(at(history)).toBeLessThan(at(news));
    expect(at(history, true)).toBe(at(news, true));
  });
});

describe('a line that weighs or foresees', () => {
  // Reuters-21578, coffee: the same story's lead and a later line of the same length
  const foresees = 'The end of the coffee talks without quotas could trigger a massive selloff in London coffee futures, trade sources said.';
  const reports = 'The end of the coffee talks without quotas came after eight days of meetings in London between producers, trade sources said.';
  it('ranks above one that reports, all else equal, on a slide of claims', () => {
    expect(score(foresees)).toBeGreaterThan(score(reports));
  });
});
