/**
 * A line sits under a section only when the sentence itself names the section's subject. Real
 * sentences from the seed articles and from Reuters-21578 (free for research) stand for the rules.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/model.ts';
import { aboutness, findTerm, inScope, scopeOf, subjectOf, termOf } from '../../src/select/subject.ts';
import { corpusWords, wordsOf } from '../../src/select/words.ts';
import { findActors } from '../../src/corpus/actors.ts';

let n = 0;
const claim = (docId: string, text: string, paragraph = 2): Claim => ({
  id: `${docId}:p${paragraph}:s${++n}`, text, kind: 'fact', docId, paragraph, start: 0, end: text.length, figures: [], actors: [], topics: [],
});

const corpus = [
  claim('crude/001', 'Diamond Shamrock Corp said that effective today it had cut its contract prices for crude oil by 1.50 dlrs a barrel.', 1),
  claim('crude/002', 'OPEC is producing well within its output ceiling of 15.8 mln barrels per day, Indonesian Oil Minister Subroto said.', 1),
  claim('crude/002', 'Spot oil prices have fallen in recent weeks to more than one dlr below OPEC levels.'),
  claim('crude/003', 'Kuwait said there were no plans for an emergency OPEC meeting to review oil prices.', 1),
  claim('veg-oil/001', 'Export duty on crude palm oil was unchanged at 16.06 ringgit per tonne.', 1),
  claim('grain/001', 'Grain traders continued to speculate that the administration will offer subsidized wheat to the Soviet Union.', 1),
  claim('acq/001', 'Underwriters are led by Union Bank of Switzerland.', 1),
  claim('acq/002', 'The company said its latest contract offer was rejected by union negotiators.', 1),
  claim('politics/001', 'Labour would keep its pledge not to raise income tax, the party said.', 1),
  claim('business/001', 'Around 80% of the firm\'s costs are labour, its owner said.', 1),
  claim('politics/002', 'The Labour leader said the party would fight the election on the economy.', 1),
];
const words = corpusWords(corpus);
const about = (topic: string, c: Claim) => aboutness(subjectOf({ topic }, corpus, words), words.words(c), c.docId);

describe('a sentence about a subject', () => {
  it('matches a topic as a phrase, in any inflection, in either order across "of"', () => {
    const t = termOf('oil prices');
    expect(findTerm(t, wordsOf('Spot oil prices have fallen in recent weeks.'))).toBeGreaterThanOrEqual(0);
    expect(findTerm(t, wordsOf('a plan to review the price of oil'))).toBeGreaterThanOrEqual(0);
    expect(findTerm(t, wordsOf('Export duty on crude palm oil was unchanged at 16.06 ringgit per tonne.'))).toBe(-1);
    expect(about('oil prices', corpus[2])).toBe(1);
    expect(about('oil prices', corpus[4])).toBe(0);
  });

  it('matches a name case-sensitively: Labour the party, not labour costs', () => {
    expect(about('Labour', corpus[10])).toBe(1);
    expect(about('Labour', corpus[9])).toBe(0);
  });

  it('does not take a topic noun used as a verb for the subject: "could influence" is not influence', () => {
    const t = termOf('influence');
    expect(findTerm(t, wordsOf('Moscow’s growing anxiety could influence prospects of future cooperation.'))).toBe(-1);
    expect(findTerm(t, wordsOf('China’s influence in Central Asia has grown.'))).toBeGreaterThanOrEqual(0);
  });

  it('does not take a word of a name for the name: Soviet Union is not Union Bank', () => {
    expect(about('Soviet Union', corpus[5])).toBe(1);
    expect(about('Soviet Union', corpus[6])).toBe(0);
    expect(about('Soviet Union', corpus[7])).toBe(0);
  });

  it('counts a free-text query by coverage: a rare word alone, a common one with a second', () => {
    const s = subjectOf({ query: 'emergency OPEC meeting' }, corpus, words);
    expect(aboutness(s, words.words(corpus[3]), corpus[3].docId)).toBeGreaterThan(0);
    const common = subjectOf({ query: 'oil crude' }, corpus, words);
    expect(aboutness(common, words.words(corpus[4]), corpus[4].docId)).toBeGreaterThan(0); // two words
    expect(aboutness(common, words.words(corpus[2]), corpus[2].docId)).toBe(0); // "oil" alone is everywhere
  });

  it('ranks the documents that name the subject, those that name it in their lead first', () => {
    const s = subjectOf({ topic: 'OPEC' }, corpus, words);
    expect([...s.documents.keys()].sort()).toEqual(['crude/002', 'crude/003']);
    expect(s.documents.get('crude/002')).toBe(1);
  });
});

describe('the scope a deck title sets', () => {
  const scope = scopeOf('The UK economy', ['growth'], corpusWords([claim('a', 'The UK economy grew while US output fell and Germany stalled.')]), findActors)!;
  it('takes the names of the title that are not topics', () => {
    expect(scope.terms.map((t) => t.text)).toEqual(['UK']);
  });
  it('keeps lines that name the place, or come from a document about it and name no other', () => {
    expect(inScope(scope, 'UK growth was 3.1% in 2004.', { title: 'Economy' })).toBe(true);
    expect(inScope(scope, 'Economic growth in 2004 was about 4.7% in the US.', { title: 'UK economy' })).toBe(false);
    expect(inScope(scope, 'Economic growth in 2004 was about 3.1%.', { title: 'UK economy slows' })).toBe(true);
    expect(inScope(scope, 'Economic growth in 2004 was about 4.7%.', { title: 'US economy booms', lead: 'The US grew fast.' })).toBe(false);
  });
  it('splits names joined by a dash: "Russia–China" is two actors', () => {
    const named = corpusWords([claim('a', 'Ties between Russia and China grew.'), claim('b', 'Trade between Russia and China fell.')]);
    const s = scopeOf('Russia–China alignment', [], named, findActors)!;
    expect(s.terms.map((t) => t.text)).toEqual(['Russia', 'China']);
  });
});
