/**
 * A subject kept as JSON between runs is read back as the subject it was: its documents and
 * weights in their order, and its query words as objects that its names, specific words and
 * partners point at (a sentence's matched words are compared with them as objects).
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/model.ts';
import { aboutness, subjectOf, type Subject } from '../../src/select/subject.ts';
import { storedSubject, subjectFrom } from '../../src/select/subject-json.ts';
import { corpusWords, wordsOf } from '../../src/select/words.ts';
import { findActors } from '../../src/corpus/actors.ts';

let n = 0;
const claim = (docId: string, text: string, paragraph = 2): Claim => ({
  id: `${docId}:p${paragraph}:s${++n}`, text, kind: 'fact', docId, paragraph, start: 0, end: text.length, figures: [], actors: [], topics: [],
});

// (Reuters-21578, free for research.) "interest payments" is written together three times: a pair.
const corpus = [
  claim('debt/001', 'Brazil suspended interest payments on its commercial bank debt last month.', 1),
  claim('debt/001', 'Bankers said Brazil would not resume interest payments before a deal with creditors.'),
  claim('debt/002', 'Ecuador also halted interest payments to foreign banks after the earthquake.', 1),
  claim('debt/002', 'Creditor banks showed interest in a new rescheduling accord.'),
  claim('debt/003', 'Brazil\'s finance minister met bankers in New York about the moratorium.', 1),
  claim('debt/003', 'The payments deficit of Brazil widened in January.'),
];
const words = corpusWords(corpus);
const titles: Record<string, string> = { 'debt/001': 'BRAZIL SUSPENDS INTEREST PAYMENTS', 'debt/003': 'BRAZIL MINISTER MEETS BANKERS' };
const subject = (query: string): Subject =>
  subjectOf({ query, isActor: (name) => findActors(name).length > 0 }, corpus, words, (d) => titles[d] ?? '', (d) => corpus.filter((c) => c.docId === d));

describe('a subject kept as JSON', () => {
  it('reads back with its words, documents and weights, in their order', () => {
    const s = subject('Brazil moratorium interest payments');
    expect(s.query.some((t) => t.partner)).toBe(true);
    expect(s.names.length).toBeGreaterThan(0);
    expect(s.documents.size).toBeGreaterThan(0);
    const back = subjectFrom(JSON.parse(JSON.stringify(storedSubject(s))));
    expect(back).toEqual(s);
    expect([...back.documents.keys()]).toEqual([...s.documents.keys()]);
    expect([...back.related]).toEqual([...s.related]);
  });

  it('keeps names, specific words and partners as the query words themselves', () => {
    const s = subject('Brazil moratorium interest payments');
    const back = subjectFrom(JSON.parse(JSON.stringify(storedSubject(s))));
    for (const t of back.names) expect(back.query).toContain(t);
    for (const t of back.specific) expect(back.query.includes(t)).toBe(true);
    const paired = back.query.find((t) => t.partner)!;
    expect(back.query.includes(paired.partner!)).toBe(true);
    expect(paired.partner!.partner).toBe(paired);
    // And it reads sentences as the subject it was made of.
    for (const c of corpus) expect(aboutness(back, wordsOf(c.text), c.docId, c.id)).toBe(aboutness(s, wordsOf(c.text), c.docId, c.id));
  });

  it('is not kept when a name is not one of its query words', () => {
    const s = subject('Brazil moratorium interest payments');
    expect(storedSubject({ ...s, names: [{ text: 'Peru', stems: ['peru'], proper: true }] })).toBeUndefined();
  });
});
