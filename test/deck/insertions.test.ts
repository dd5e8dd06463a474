/**
 * The one edit besides deletion: a speaker named in brackets from earlier in the same article,
 * on real Reuters-21578 passages (free for research).
 */
import { describe, expect, it } from 'vitest';
import type { Claim, CorpusDocument } from '../../src/model.ts';
import { nameSpeaker, withoutInsertions } from '../../src/deck/insertions.ts';
import { documentOf } from '../support/document.ts';

const article = (paragraphs: string[]) => documentOf(paragraphs);
const claimOf = (doc: CorpusDocument, sentence: string): Claim => {
  const start = doc.text.indexOf(sentence);
  return { id: 'c', text: sentence, kind: 'attributed', docId: doc.id, paragraph: 2, start, end: start + sentence.length, figures: [], actors: [], topics: [] };
};

describe('naming a speaker in brackets', () => {
  const doc = article([
    'JAKARTA, March 3 - Zaire has accepted a tin export quota, Victor Siaahan, executive director of the Association of Tin Producing Countries, said.',
    'Siaahan said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.',
    'He said other members had agreed.',
  ]);

  it('puts the full name the article gave earlier for a surname, recording both places', () => {
    const claim = claimOf(doc, 'Siaahan said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.');
    const named = nameSpeaker(doc, claim, claim.text);
    expect(named.text).toBe('[Victor Siaahan] said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.');
    expect(named.insertions).toHaveLength(1);
    const [i] = named.insertions;
    expect(doc.text.slice(i.source.start, i.source.end)).toBe('Victor Siaahan');
    expect(doc.text.slice(i.replaces.start, i.replaces.end)).toBe('Siaahan');
    expect(withoutInsertions(named.text, named.insertions)).toBe('said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.');
  });

  it('names "he" when the article leaves no doubt who it is', () => {
    const claim = claimOf(doc, 'He said other members had agreed.');
    expect(nameSpeaker(doc, claim, claim.text).text).toBe('[Victor Siaahan] said other members had agreed.');
  });

  it('leaves a line alone when the name is there in full, or no one can be named for sure', () => {
    const full = claimOf(doc, 'JAKARTA, March 3 - Zaire has accepted a tin export quota, Victor Siaahan, executive director of the Association of Tin Producing Countries, said.');
    expect(nameSpeaker(doc, full, full.text).insertions).toEqual([]);
    const two = article(['Ed Balls and Alistair Darling met bankers.', 'He said rates would stay on hold.']);
    const claim = claimOf(two, 'He said rates would stay on hold.');
    expect(nameSpeaker(two, claim, claim.text)).toEqual({ text: claim.text, insertions: [] });
  });
});

describe('naming the body a wire story reports', () => {
  const doc = article([
    'NEW YORK, FEB 26 - Diamond Shamrock Corp said that effective today it had cut its contract prices for crude oil by 1.50 dlrs a barrel.',
    'The reduction brings its posted price for West Texas Intermediate to 16.00 dlrs a barrel, the company said.',
  ]);

  it('names "the company" with the company the lead reports, recording both places', () => {
    const claim = claimOf(doc, 'The reduction brings its posted price for West Texas Intermediate to 16.00 dlrs a barrel, the company said.');
    const named = nameSpeaker(doc, claim, claim.text);
    expect(named.text).toBe('The reduction brings its posted price for West Texas Intermediate to 16.00 dlrs a barrel, [Diamond Shamrock Corp] said.');
    const [i] = named.insertions;
    expect(doc.text.slice(i.source.start, i.source.end)).toBe('Diamond Shamrock Corp');
    expect(doc.text.slice(i.replaces.start, i.replaces.end)).toBe('the company');
  });

  it('names no body of another kind: "the bank" is not a Corp', () => {
    const bank = article([doc.paragraphs[0].text, 'Rates will stay on hold, the bank said.']);
    const claim = claimOf(bank, 'Rates will stay on hold, the bank said.');
    expect(nameSpeaker(bank, claim, claim.text).insertions).toEqual([]);
  });
});
