/**
 * Figures on real sentences: the seed corpus and Reuters-21578 (Distribution 1.0, David D. Lewis;
 * free for research and experimentation: /work/shared/corpora/reuters-21578-0, folder/file named).
 */
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/corpus/figures.ts';
import { isDeletionOf } from '../../src/deck/compress.ts';
import { chartable, readFigure, type FigureReading } from '../../src/deck/figure-label.ts';

const first = (s: string) => findFigures(s)[0];
const read = (s: string, k = 0) => readFigure(s, findFigures(s)[k]);

describe('newswire figures', () => {
  it('finds units written after the number', () => {
    // crude/010
    const slump = findFigures('The agreement followed a year of turmoil on oil markets, which saw prices slump briefly to under 10 dlrs a barrel in mid-1986 from about 30 dlrs in late 1985.');
    expect(slump.map((f) => [f.text, f.unit])).toEqual([['10 dlrs a barrel', 'USD/barrel'], ['30 dlrs', 'USD']]);
    expect(first('Output rose 17.5 pct in January.')).toMatchObject({ text: '17.5 pct', value: 17.5, unit: '%' });
    // trade/006, hard-wrapped as in the file
    expect(first('Taiwan\'s trade surplus with the United States hit 13.6\nbillion dlrs last year.')).toMatchObject({ value: 13.6e9, unit: 'USD' });
    // grain/010
    expect(first('Thailand exported 689,038 tonnes of rice between the beginning of January and February 24, up from 556,874 tonnes during the same period last year.'))
      .toMatchObject({ text: '689,038 tonnes', value: 689038, unit: 'tonnes' });
    // crude (Kuwait story): small numbers are spelled out in wire style
    expect(findFigures('OPEC is producing up to one mln bpd above a ceiling of 15.8 mln bpd agreed in Geneva last December.').map((f) => [f.text, f.value, f.unit]))
      .toEqual([['one mln bpd', 1e6, 'bpd'], ['15.8 mln bpd', 15.8e6, 'bpd']]);
    // cpi/001
    expect(findFigures('The study forecast a decline in Gross Domestic Product growth to 1.75 pct this year from an estimated two pct in 1986.').map((f) => f.value)).toEqual([1.75, 2]);
    expect(findFigures('He bought one share and someone said two of them went for ten dlrs.')).toEqual([]);
    expect(first('The bank lent 68 billion dlrs.')).toMatchObject({ value: 68e9, unit: 'USD' });
  });

  it('reads a larger number before a smaller one as a change, not a range, and a time phrase as no unit', () => {
    const f = (s: string) => findFigures(s).map((x) => [x.text, x.value, x.unit]);
    // UK style: "fell by 31,000 to 1.42 million" is no figure of 31 billion
    expect(f('Unemployment fell by 31,000 to 1.42 million.')).toEqual([['1.42 million', 1.42e6, undefined]]);
    expect(f('The shares fell from $10 to $5.')).toEqual([['$10', 10, 'USD'], ['$5', 5, 'USD']]);
    // a range stays one figure
    expect(f('Prices rose 5 to 7 pct.')).toEqual([['5 to 7 pct', 5, '%']]);
    expect(findFigures('Prices rose 5 to 7 pct.')[0].valueHigh).toBe(7);
    // "year-earlier", "last year" date a figure; they are not what it counts
    expect(f('Profits rose to $1.13bn, from $639m year-earlier.')).toEqual([['$1.13bn', 1.13e9, 'USD'], ['$639m', 639e6, 'USD']]);
    expect(f('About 3.6 million people watched, up from 2.9m last year.')).toEqual([['3.6 million people', 3.6e6, 'people'], ['2.9m', 2.9e6, undefined]]);
  });

  it('reads a currency written as a word as its sign\'s unit, so "5bn euros" and "€5bn" chart together', () => {
    expect(findFigures('The deal is worth 5bn euros.')[0]).toMatchObject({ value: 5e9, unit: 'EUR' });
    expect(findFigures('The deal is worth €5bn.')[0]).toMatchObject({ value: 5e9, unit: 'EUR' });
    // reuters-21578-0 (wire style): "stg" and "yen"
    expect(findFigures('Historical cost operating profit was 61 mln stg.')[0]).toMatchObject({ value: 61e6, unit: 'GBP' });
    expect(findFigures('Sales rose to 1.1 billion yen.')[0]).toMatchObject({ value: 1.1e9, unit: 'JPY' });
  });

  it('reads a sum restated in brackets in another currency as the same figure ("$25.3m (£13.4m)")', () => {
    expect(findFigures('The film took $25.3m (£13.4m) at the US box office over the weekend.')).toEqual([{ text: '$25.3m', value: 25.3e6, unit: 'USD' }]);
    expect(findFigures('The deal is worth 5bn euros ($6.5bn), it said.').map((x) => x.text)).toEqual(['5bn euros']);
    // a bracketed figure of something else is a figure of its own
    expect(findFigures('Output was 20.5 mln tonnes (22.1 mln in 1985).').map((x) => x.text)).toEqual(['20.5 mln tonnes', '22.1 mln']);
  });

  it('takes no year, day of a month, ordinal or adjective for a figure', () => {
    expect(findFigures('In 1985, it ordered planes; on March 3 shareholders met for the 4th time.')).toEqual([]);
    // Palm oil, veg-oil: "in 1987 to 1.45 mln tonnes" is not a range from a year
    const palm = findFigures('Palm oil production is expected to increase by over 7.0 pct in 1987 to 1.45 mln tonnes from 1.35 mln.');
    expect(palm.map((f) => f.text)).toEqual(['7.0 pct', '1.45 mln tonnes', '1.35 mln']);
  });
});

describe('key figures and their labels', () => {
  it('labels name what is measured, of whom and when, by deleting words', () => {
    const cases: [string, string][] = [
      // trade/006
      ['Taiwan\'s trade surplus with the United States hit 13.6\nbillion dlrs last year.', 'Taiwan\'s trade surplus with the United States, last year'],
      // crude (Qatar budget story)
      ['Qatar, an OPEC member, has an output ceiling of 285,000\nbarrels per day.', 'Qatar has an output ceiling'],
      // grain/010
      ['Thailand exported 689,038 tonnes of rice between the beginning of January and February 24, up from 556,874 tonnes during the same period last year.', 'Thailand exported … of rice, January'],
      // seed corpus, 002
      ['By 2017, China was Russia’s top export destination (11%) and top import origin (20%), while for China’s extremely diversified market, exports to Russia remain insignificant.', 'By 2017, China was Russia’s top export destination'],
      ['Economic growth in the US in 2004 was about 4.7%.', 'Economic growth in the US in 2004'],
      // trade (Japan–US talks): the subject of a relative clause is what "which" stands for
      ['The talks begin tomorrow with high-level discussions on the economic structures of both countries and how they affect the bilateral trade imbalance, which last year amounted to 51.48 billion dlrs in Japan\'s favour.', 'Bilateral trade imbalance, last year, … in Japan\'s favour'],
      // seed corpus, 002: a figure in the subject is measured by its predicate
      ['For example, by 2011, nearly 90% of exports from Amur Oblast, which borders Heilongjiang Province, went to China, and nearly 80% of imports came from China.', 'By 2011, … of exports from Amur Oblast went to China'],
    ];
    for (const [sentence, label] of cases) {
      const r = read(sentence);
      expect(r?.label, sentence).toBe(label);
      expect(isDeletionOf(sentence, r!.label)).toBe(true);
    }
    // the bracketed 20% measures the noun phrase before it
    expect(read('By 2017, China was Russia’s top export destination (11%) and top import origin (20%), while exports to Russia remain insignificant.', 1)?.label)
      .toBe('By 2017, China was top import origin');
  });

  it('a count of time, a wire table, an adjective and a figure that names nobody are not key', () => {
    // crude/ (metals story): a duration
    expect(read('Prices for major metals expressed in real U.S. Dollars declined to the lowest levels in about 50 years, it said.')).toBeUndefined();
    expect(read('Brazil shipped the coffee 10 days ago.')).toBeUndefined();
    // earn/: results table without a verb
    expect(read('Shr 12 cts vs 14 cts')).toBeUndefined();
    // general/108: "12 large banks" has no unit "large"
    expect(readFigure('about 40 pct is owed to the 12 large banks', { text: '12 large', value: 12, unit: 'large' })).toBeUndefined();
    // Nobody named: whose net income?
    expect(read('Net income rose 12 pct to 5.2 mln dlrs.')).toBeUndefined();
    // A figure modifying a noun, and an infinitive with no subject (China port loan story)
    const loan = 'PEKING, March 2 - China has signed a 130 mln dlr loan agreement with the World Bank to partly finance 12 new berths with an annual capacity of 6.28 mln tonnes a year.';
    expect(findFigures(loan).map((f) => readFigure(loan, f)).filter(Boolean)).toEqual([]);
    // A pronoun subject: who is "it"? (general/075)
    expect(read('In 1985, it ordered six MD-82s valued at about 150 mln dlrs.')).toBeUndefined();
  });
});

describe('chart or cards', () => {
  const r = (s: string): FigureReading => read(s)!;
  it('charts the same measure in the same unit for different subjects or dates', () => {
    const a = r('Taiwan\'s trade surplus with the United States hit 13.6 billion dlrs last year.');
    // (a constructed counterpart: the corpus reports no second trade surplus in this form)
    const b = r('Japan\'s trade surplus with the United States hit 51.48 billion dlrs last year.');
    expect(chartable([a, b])).toBe(true);
  });

  it('shows different measures, units or subjects as cards', () => {
    // trade/003 and trade/006: current account against trade surplus
    const korea = r('Last year South Korea\'s current account surplus was 4.65 billion dlrs.');
    const taiwan = r('Taiwan\'s trade surplus with the United States hit 13.6 billion dlrs last year.');
    expect(chartable([korea, taiwan])).toBe(false);
    // seed corpus 002: a region's exports beside a country's arms exports
    const amur = r('For example, by 2011, nearly 90% of exports from Amur Oblast, which borders Heilongjiang Province, went to China, and nearly 80% of imports came from China.');
    const arms = r('Instead of condemning Beijing’s actions, Moscow soon became China’s largest arms supplier (40% of total arms exports going to China).');
    expect(chartable([amur, arms])).toBe(false);
    expect(chartable([korea])).toBe(false);
  });
});

describe('a label shown alone', () => {
  it('reads as a name: nothing cut out around the figure, no opening number, no closing preposition', async () => {
    const { readableLabel } = await import('../../src/deck/resolve-claims.ts');
    expect(readableLabel('Taiwan’s trade surplus with the United States, last year')).toBe(true);
    expect(readableLabel('Moscow became China’s largest arms supplier … of total arms exports')).toBe(false);
    expect(readableLabel('2002, the common stock of the PC courier')).toBe(false);
    expect(readableLabel('for 12 months from March 1 in')).toBe(false);
  });
});
