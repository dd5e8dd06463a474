/**
 * Where sentences end. A wire written in capitals and set in mixed case leaves "the U.S. Is
 * unlikely…": a statement never opens on a verb, so the initials end no sentence there.
 */
import { describe, expect, it } from 'vitest';
import { readSentences } from '../../src/corpus/nlp.ts';

const split = (text: string) => readSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('goes on after initials when the next word is a verb (Reuters-21578, money-fx)', () => {
    expect(split('Narusawa said the U.S. Is unlikely to push the yen up further. It fell.')).toEqual([
      'Narusawa said the U.S. Is unlikely to push the yen up further.',
      'It fell.',
    ]);
  });

  it('goes on after initials when the next word is a preposition, conjunction or relative pronoun the wire capitalised (Reuters-21578, trade)', () => {
    expect(split('MITI acted to tighten curbs on microchip exports to countries other than the U.S. To preserve a U.S.-Japan pact on semiconductor trade. It said so.')).toEqual([
      'MITI acted to tighten curbs on microchip exports to countries other than the U.S. To preserve a U.S.-Japan pact on semiconductor trade.',
      'It said so.',
    ]);
    expect(split('Demand fell in the U.S. And Europe, which reduced oil use. Prices fell.')).toHaveLength(2);
    expect(split('Sales rose in the U.S. Which represented half the total. Prices fell.')).toHaveLength(2);
  });

  it('goes on after initials when what follows has no verb (Reuters-21578, general)', () => {
    expect(split('Brazil owes U.K. Banks around 8.5 billion dlrs, giving the U.K. The third largest exposure after the U.S. And Japan. The crisis began in 1986.')).toEqual([
      'Brazil owes U.K. Banks around 8.5 billion dlrs, giving the U.K. The third largest exposure after the U.S. And Japan.',
      'The crisis began in 1986.',
    ]);
  });

  it('still ends a sentence on initials before a new subject', () => {
    expect(split('He lives in the U.S. He said so.')).toEqual(['He lives in the U.S.', 'He said so.']);
  });
});

describe('sentences and brackets', () => {
  it('does not end a sentence inside a ticker in angle brackets (Reuters-21578, earn)', () => {
    expect(split('Hutchison Whampoa Ltd <HWHH.HK> expects satisfactory profits in 1987, chairman Li Ka-shing said. It paid more.')).toEqual([
      'Hutchison Whampoa Ltd <HWHH.HK> expects satisfactory profits in 1987, chairman Li Ka-shing said.',
      'It paid more.',
    ]);
  });
});
