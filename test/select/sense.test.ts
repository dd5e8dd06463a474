/**
 * Which sense of a topic the deck means: most of its stories name the deck's other words, and
 * those that name none are the word in another sense.
 */
import { describe, expect, it } from 'vitest';
import { otherSense } from '../../src/select/sense.ts';
import type { Subject } from '../../src/select/subject.ts';
import { wordsOf, type CorpusWords } from '../../src/select/words.ts';
import type { Claim } from '../../src/model.ts';

const STOP = new Set(['the', 'and', 'of', 'in', 'on', 'a', 'to']);
const words = { isStop: (w: string) => STOP.has(w), words: (c: Claim) => wordsOf(c.text) } as unknown as CorpusWords;
const claim = (docId: string, text: string): Claim => ({ id: `${docId}:p1:s1`, docId, text, kind: 'fact', paragraph: 1, start: 0, end: text.length, figures: [], actors: [], topics: [] });
const subject = (docs: string[]): Subject => ({ documents: new Map(docs.map((d) => [d, 1])) }) as unknown as Subject;

// Headlines after Reuters-21578 (general, money-fx, crude)
const heads: Record<string, string> = {
  'w/1': 'IRAN ANNOUNCES END OF MAJOR OFFENSIVE IN GULF WAR',
  'w/2': 'GULF ARAB OIL MINISTERS TO MEET IN BAHRAIN',
  'w/3': 'IRAN CLAIMS NEW VICTORIES NEAR BASRA ON GULF FRONT',
  'w/4': 'GULF OF MEXICO RIG COUNT FALLS THIS WEEK',
  'w/5': 'SAUDI GULF OIL OUTPUT PUT AT 3.5 MLN BPD',
  'w/6': 'GULF BARGE FREIGHT RATES UP FURTHER ON CALL',
};
/** The stories of `topic` in another sense, each story told by its headline alone (its sentence, in lower case). */
const senseIn = (headlines: Record<string, string>, docs: string[], title: string, topics: string[], topic: string, headline = (doc: string) => headlines[doc]) =>
  otherSense(
    { title, topics },
    topic,
    subject(docs),
    () => subject([]),
    words,
    { ofDocuments: (ids: Iterable<string>) => new Map([...ids].map((d) => [d, [claim(d, headlines[d].toLowerCase())]])) },
    (doc) => ({ title: headline(doc) }),
  );
const sense = (docs: string[], title = 'Iran, the Gulf and oil supplies', topics = ['Iran', 'Gulf']) => senseIn(heads, docs, title, topics, 'Gulf');

describe('the sense of a topic', () => {
  it('leaves out the stories that name none of the deck\'s other words when most of them do', () => {
    expect([...sense(['w/1', 'w/2', 'w/3', 'w/4', 'w/5'])]).toEqual(['w/4']);
  });
  it('sets no sense when fewer than two in three stories name those words, the topic has too few stories, or the deck has no other words', () => {
    expect(sense(['w/1', 'w/2', 'w/4', 'w/6']).size).toBe(0);
    expect(sense(['w/1', 'w/4']).size).toBe(0);
    expect(sense(['w/1', 'w/2', 'w/3', 'w/4', 'w/5'], 'The Gulf', ['Gulf']).size).toBe(0);
  });
  it('reads a country\'s adjective as the country: a "Japanese economist" on the yen is Japan\'s yen (Reuters-21578, money-fx)', () => {
    const yen: Record<string, string> = {
      'y/1': 'JAPAN FEBRUARY TRADE SURPLUS JUMPS ON STRONG YEN',
      'y/2': 'JAPANESE ECONOMIST SEES STABLE YEN/DOLLAR RATES',
      'y/3': 'YEN RISE HITS JAPAN EXPORTERS',
    };
    const off = senseIn(yen, ['y/1', 'y/2', 'y/3'], 'Japan, the yen and its exporters', ['yen', 'Japan'], 'yen');
    expect(off.size).toBe(0);
  });
  it('does not read the deck\'s noun in a verb: "barges to supply those ships" is no oil supply (Reuters-21578, ship)', () => {
    const lines: Record<string, string> = {
      's/1': 'IRAN SAYS GULF OIL SUPPLIES WILL NOT BE CUT',
      's/2': 'GULF ARAB OIL MINISTERS TO MEET IN BAHRAIN',
      's/3': 'IRAN CLAIMS NEW VICTORIES NEAR BASRA ON GULF FRONT',
      's/4': 'GULF BARGE RATES FIRM ON THE DEMAND FOR BARGES TO SUPPLY THOSE SHIPS',
    };
    const off = senseIn(lines, ['s/1', 's/2', 's/3', 's/4'], 'Iran, the Gulf and oil supplies', ['Iran', 'Gulf'], 'Gulf', (doc) => lines[doc].replace(/\bTO SUPPLY\b/, 'to supply'));
    expect([...off]).toEqual(['s/4']);
  });
});
