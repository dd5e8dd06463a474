/**
 * Gazetteer names in a sentence: the search by first characters must find exactly what the one
 * expression of every form finds (longest form first, no letter, digit or dot before, no letter,
 * digit or ".x" after), on real sentences and on random text made of the forms' own pieces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findActors, gazetteerForms, gazetteerPattern, membersOf, namesMemberOf, SHORTEST_FORM } from '../../src/corpus/actors.ts';
import { prng } from '../support/prng.ts';

const pattern = gazetteerPattern();
const byExpression = (text: string) => [...text.matchAll(pattern)].map((m) => m[1]);

describe('gazetteerForms', () => {
  it('looks forms up by two characters: every form has two', () => {
    expect(SHORTEST_FORM).toBeGreaterThanOrEqual(2);
  });

  it('finds what the expression finds, on hand-picked cases', () => {
    const cases = [
      'The U.S. and the US, U.S.A. and USA; Russian Federation, Russia, Russians, ARussia, 1Russia, .Russia, Russia.x Russia.',
      'South Korea and Korea, North Korea, New Delhi, Delhi, Türkiye, 𝐀Japan Japan𝐀 Japan\uD800',
      'People\'s Republic of China, China\'s, EU-wide EU1 EU',
      'Japan',
      'J',
      '',
    ];
    for (const text of cases) expect(gazetteerForms(text), text).toEqual(byExpression(text));
  });

  it('finds what the expression finds, on random text', () => {
    const rand = prng(21);
    const pieces = ['U.S.', 'US', 'USA', 'Russia', 'Russian', 'Federation', 'China', 'EU', 'Japan', 'Korea', 'South', 'North', ' ', ' ', '.', ',', 'x', '1', 'é', '𝐀', '\uD835', "'s", '-'];
    for (let k = 0; k < 5000; k++) {
      const text = Array.from({ length: Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      expect(gazetteerForms(text), JSON.stringify(text)).toEqual(byExpression(text));
    }
  });

  it('finds what the expression finds, on the seed articles and the Reuters stories', () => {
    const dirs = [join(import.meta.dirname, '../../corpus'), join(import.meta.dirname, '../../eval/corpora/reuters-21578-0')].filter(existsSync);
    let found = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort()) {
        const text = readFileSync(join(dir, f), 'utf8');
        const expected = byExpression(text);
        expect(gazetteerForms(text), f).toEqual(expected);
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});

describe('regions and places named after a country', () => {
  it('reads a region of several words as itself, never as the country a word of it names', () => {
    expect(findActors('Debt in Latin America rose.')).toEqual(['Latin America']);
    expect(findActors('Sales in South America and North America grew.')).toEqual(['South America', 'North America']);
    expect(findActors('Investment in Central Asia.')).toEqual(['Central Asia']);
  });
  it('reads "New Mexico" and "the Gulf of Mexico" as other places (Reuters-21578, general: Gulf Coast oil)', () => {
    expect(findActors('Pogo Producing Co said it explores in the Gulf Coast and Gulf of Mexico areas.')).toEqual([]);
    expect(findActors('Voters in New Mexico backed the plan.')).toEqual([]);
    expect(findActors('Exports from New Zealand and Papua New Guinea rose.')).toEqual(['New Zealand', 'Papua New Guinea']);
    expect(findActors("Mexico's state oil firm signed a loan.")).toEqual(['Mexico']);
  });
  it('knows a region by its countries, named or by their adjective', () => {
    expect(membersOf('Latin America')).toEqual(expect.arrayContaining(['Brazil', 'Argentina', 'Mexico', 'Venezuela']));
    expect(membersOf('Latin America')).not.toContain('Canada');
    expect(membersOf('Brazil')).toEqual([]);
    expect(namesMemberOf('Latin America', 'Brazil suspended interest payments on its debt.')).toBe(true);
    expect(namesMemberOf('Latin America', 'The Argentine negotiator was confident.')).toBe(true);
    expect(namesMemberOf('Latin America', 'Canada cut its rates.')).toBe(false);
  });
});
