/**
 * A likelihood in the author's voice, on the main claim, on real sentences: the seed articles in
 * corpus/ and Reuters-21578 (Distribution 1.0, David D. Lewis; free for research).
 */
import { describe, expect, it } from 'vitest';
import { claimLikelihood } from '../../src/corpus/likelihood.ts';

describe('claimLikelihood', () => {
  it('reads estimative predicates and adverbs of the main clause', () => {
    // seed 002, seed 003, Reuters general/163, seed 000
    expect(claimLikelihood('Yet, Russia’s short-term strategy to maximize foreign trade rent by exporting raw materials will not likely benefit its economy in the long-term.')).toBe('probably not');
    expect(claimLikelihood('The Chinese leadership most probably expected a repetition of such military prowess in Ukraine in 2022, even though Putin did not brief Xi about his invasion plans in advance.')).toBe('probable');
    expect(claimLikelihood("As a moderate Republican, Baker is also unlikely to share the\nright-wing's opposition to Volcker.")).toBe('probably not');
    expect(claimLikelihood('No doubt the hands of a new Russian leader would be tied to a great extent.')).toBe('almost certain');
    // Reuters ipi/003
    expect(claimLikelihood('As a consequence, growth in machinery and equipment investment is\nlikely to decelerate only slightly this year after vigorous growth in 1986.')).toBe('probable');
  });

  it('gives none to reported speech', () => {
    // Reuters coffee/002, acq/006, money-supply/011
    expect(claimLikelihood('The special meeting, called to stop the prolonged slide in coffee\nprices, was likely to adjourn sometime tonight without agreement,\ndelegates said.')).toBeUndefined();
    expect(claimLikelihood('There was some speculation that American Express had also considered a total spinoff of Shearson, but the plan was considered highly unlikely, analysts said.')).toBeUndefined();
    expect(claimLikelihood('Several Opec members said a cut in production was unlikely.')).toBeUndefined();
    expect(claimLikelihood('Ministry sources said the talks are likely to be held in April or\nJune.')).toBeUndefined();
    // An attributed claim or a sentence inside a quotation.
    expect(claimLikelihood('The outlook is likely to improve.', true)).toBeUndefined();
  });

  it('gives none to an adjective on a noun or an estimate in a subordinate clause', () => {
    // seed 004, seed 000
    expect(claimLikelihood('In 2019 the Power Siberia pipeline —shipping Siberian gas to China—opened to great fanfare, demonstrating the probable reorientation of Russian energy priorities to Asia, as opposed to a previous concentration on Europe.')).toBeUndefined();
    expect(claimLikelihood('Even though the asymmetry is likely to grow, Moscow and Beijing will keep up their partnership.')).toBeUndefined();
  });

  it('gives none to an estimate sources agreed on, or to a second predicate of a plain fact (Reuters-21578, grain and general)', () => {
    expect(claimLikelihood('USDA and private sources agreed that consideration of an EEP initiative by interagency review groups likely would be delayed.')).toBeUndefined();
    expect(claimLikelihood('The debt talks in New York are being headed by Argentine Finance Minister Mario Brodersohn and are expected to last two weeks.')).toBeUndefined();
    // the main predicate's own estimate, and two subjects joined by "and", still count
    expect(claimLikelihood('Russia and China are likely to deepen their ties.')).toBe('probable');
    expect(claimLikelihood('Output is expected to rise.')).toBe('probable');
  });
});
