/**
 * Date lines are read with chrono-node's parsers of seven locales, loaded from the locales' own
 * modules: each phrase gives the date (and the locale that read it) that the parsers of the
 * whole `chrono-node` package give, tried in the same order.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as Chrono from 'chrono-node';
import { findDate } from '../../src/corpus/dates.ts';

const chrono = createRequire(import.meta.url)('chrono-node') as typeof Chrono;
const order: Array<[string, Chrono.Chrono]> = [
  ['en-GB', chrono.en.GB],
  ['it', chrono.it.casual],
  ['fr', chrono.fr.casual],
  ['de', chrono.de.casual],
  ['es', chrono.es.casual],
  ['pt', chrono.pt.casual],
  ['nl', chrono.nl.casual],
];

/** What findDate answered with chrono-node's own exports. */
function expected(text: string): string | undefined {
  if (!/\d/.test(text)) return undefined;
  for (const [locale, parser] of order)
    for (const r of parser.parse(text)) {
      const s = r.start;
      if (!s.isCertain('day') || !s.isCertain('month') || !s.isCertain('year')) continue;
      const y = s.get('year')!;
      if (y < 1900 || y > 2100) continue;
      return `${locale} ${y}-${String(s.get('month')).padStart(2, '0')}-${String(s.get('day')).padStart(2, '0')} @${r.index}`;
    }
  return undefined;
}

describe('date lines', () => {
  it('read as chrono-node reads them, locale by locale', () => {
    const phrases = [
      '2023-05-22 16:42:53',
      '02.06.23',
      '26-FEB-1987 15:18:06.67',
      'Published: 3 March 2021',
      '09 maggio 2022',
      'Le 2 juin 2023 à 14h',
      'Datum: 3. März 2021',
      '5 de mayo de 2020',
      '5 de maio de 2020',
      'Gepubliceerd op 5 mei 2020',
      'Shr 12 cts vs 10 cts',
      'JAPAN CONSUMER PRICES FALL 0.4 PCT IN JANUARY',
      'The Economist, 12/03/2019',
    ];
    const got = phrases.map((p) => {
      const f = findDate(p);
      return f ? `${f.locale} ${f.iso} @${f.index}` : undefined;
    });
    expect(got).toEqual(phrases.map(expected));
    expect(got.filter(Boolean).length).toBeGreaterThan(8);
    expect(new Set(got.filter(Boolean).map((g) => g!.split(' ')[0])).size).toBeGreaterThanOrEqual(5);
  });
});
