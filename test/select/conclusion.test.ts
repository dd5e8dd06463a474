/**
 * Where an analysis concludes: the section under its closing heading weighs, for a bottom line,
 * as the article's lead does. Paragraphs from the seed article "The Continuing Saga of
 * Russia-China Relations", which ends under "Conclusion?".
 */
import { describe, expect, it } from 'vitest';
import { concludingParagraphs } from '../../src/select/conclusion.ts';
import { storylines } from '../../src/select/storylines.ts';
import { corpusWords } from '../../src/select/words.ts';
import type { Claim } from '../../src/model.ts';

const paragraphs = [
  { index: 1, text: 'Since 2014, Russo-Chinese bilateral cooperation has risen to an unprecedented level.' },
  { index: 2, text: 'Region of shared interest: Plans for the Arctic' },
  { index: 3, text: 'Joint projects of resource extraction in the Arctic region are growing.' },
  { index: 4, text: 'Conclusion?' },
  { index: 5, text: 'The mutually beneficial, albeit asymmetrical Russo-Sino partnership is steadily progressing. Beijing is well aware of Russia’s sensitivity.' },
  { index: 6, text: 'National narratives of friendship are far from reality and both sides have concerns.' },
];

describe('the section where an analysis concludes', () => {
  it('is the paragraphs under a concluding heading, the first one most', () => {
    expect([...concludingParagraphs(paragraphs)]).toEqual([[5, 1], [6, 0.6]]);
  });
  it('ends at the next heading, and is nothing in an article without one', () => {
    expect(concludingParagraphs([...paragraphs, { index: 7, text: 'Recommended reading' }, { index: 8, text: 'More articles on energy are listed here.' }]).has(8)).toBe(false);
    expect(concludingParagraphs(paragraphs.filter((p) => p.index !== 4)).size).toBe(0);
    // a sentence that starts with the word is no heading
    expect(concludingParagraphs([{ index: 1, text: 'Summary judgements were issued by the court.' }, { index: 2, text: 'Trade grew.' }]).size).toBe(0);
  });
  it('lifts the thesis it opens with above a line from the middle of the article', () => {
    const claim = (p: number, s: number, text: string): Claim => ({ id: `saga:p${p}:s${s}`, text, kind: 'assessment', docId: 'saga', paragraph: p, start: 0, end: text.length, figures: [], actors: [], topics: [] });
    const middle = claim(3, 2, 'The Russo-Sino partnership in the Arctic is growing with joint projects of resource extraction.');
    const thesis = claim(5, 1, 'The mutually beneficial, albeit asymmetrical Russo-Sino partnership is steadily progressing.');
    const claims = [claim(1, 1, 'Since 2014, Russo-Chinese bilateral cooperation has risen to an unprecedented level.'), claim(3, 1, 'Joint projects of resource extraction in the Arctic region are growing.'), middle, thesis, claim(6, 1, 'National narratives of friendship are far from reality.')];
    const words = corpusWords(claims);
    const input = { claims, words, documents: new Map([['saga', 1]]), about: () => 1 };
    const rank = (lines: { claim: Claim }[]) => lines.map((l) => l.claim.id);
    const plain = rank(storylines(input)[0].lines);
    expect(plain.indexOf(thesis.id)).toBeGreaterThan(plain.indexOf(middle.id));
    const concluded = concludingParagraphs(paragraphs);
    const lifted = rank(storylines({ ...input, concluding: (c) => concluded.get(c.paragraph) ?? 0 })[0].lines);
    expect(lifted.indexOf(thesis.id)).toBeLessThan(lifted.indexOf(middle.id));
  });
});
