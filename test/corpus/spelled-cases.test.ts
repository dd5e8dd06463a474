/**
 * chrono-node's case-insensitive expressions as the build writes them out case by case
 * (`scripts/spelled-cases.mjs`): each matches every text exactly as the expression it stands for
 * (the same match, at the same place, with the same groups), and date lines read with them give
 * what chrono-node's own parsers give.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import LOCALES from '../../src/corpus/date-locales.json' with { type: 'json' };
// @ts-expect-error: plain JavaScript build script
import { canonical, spellCases, spelledTable } from '../../scripts/spelled-cases.mjs';

const require = createRequire(join(import.meta.dirname, '../../src/corpus/dates.ts'));
const table = spelledTable(require, LOCALES) as Map<string, string>;
vi.mock('../../src/corpus/spelled-patterns.ts', () => ({ SPELLED: table }));

/** Header-like lines of the seed articles and the test corpora, and phrases of dates in seven languages. */
function lines(): string[] {
  const out = new Set<string>();
  const root = join(import.meta.dirname, '../..');
  for (const dir of ['corpus', 'test/fixtures/corpus', 'eval/corpora']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /\.(txt|md)$/.test(n)).slice(0, 400)) {
      const blocks = readFileSync(join(root, dir, name), 'utf8').split(/\n\s*\n/);
      for (const b of blocks.slice(0, 6)) out.add(b.replace(/\s+/g, ' ').trim().slice(0, 200));
    }
  }
  for (const p of [
    '26-FEB-1987 15:18:06.67', '09 maggio 2022', 'IL 21° GENNAIO 1999', 'ventiquattresimo marzo 1999', 'x 12ª dicembre y', 'Le 2 juin 2023 à 14h',
    'LE 2 JUIN 2023', 'Datum: 3. März 2021', '3. MÄRZ 2021', '5 de mayo de 2020', '5 DE MAIO DE 2020', 'Gepubliceerd op 5 mei 2020', '3 days ago', '3 DAYS AGO',
    'vor 2 Stunden', 'hace 3 días', 'HACE 3 DÍAS', 'il y a 5 min', '3 giorni fa', 'tomorrow at 5pm', 'Sept. 3rd, 2021', 'the twenty-first of March',
    // Characters whose cases reach beyond ASCII, or do not: the Kelvin sign, the long s, dotted and dotless i, sharp s, micro and mu.
    'K 3 ſept 2021', '3 SEPT 2021', 'İ 3 marzo', 'ı 3 mayo', 'straße 5. Mai', 'µ 5 Mai 2020', 'Μ 5 mai 2020',
  ])
    out.add(p);
  return [...out].filter(Boolean);
}

describe('case-insensitive expressions written out case by case', () => {
  it('match each text as the expression they stand for', () => {
    const texts = lines();
    expect(texts.length).toBeGreaterThan(300);
    // Each text, and the same in upper and lower case, which the letters' classes must all match.
    const all = texts.flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]);
    expect(table.size).toBeGreaterThan(60);
    for (const [key, written] of table) {
      const flags = key.slice(0, key.indexOf('/'));
      const own = new RegExp(key.slice(flags.length + 1), flags);
      const re = new RegExp(written, flags.replace('i', ''));
      for (const t of all) {
        const a = own.exec(t);
        const b = re.exec(t);
        if (JSON.stringify(a) !== JSON.stringify(b) || a?.index !== b?.index) expect({ key: key.slice(0, 80), t, b }).toEqual({ key: key.slice(0, 80), t, b: a });
      }
    }
  });

  it('spell each letter as every character that matches it, classes and ranges too', () => {
    const check = (source: string, flags: string, texts: string[]) => {
      const written = spellCases(source, flags) as string;
      for (const t of texts) expect([source, t, new RegExp(written, flags.replace('i', '')).exec(t)?.[0]]).toEqual([source, t, new RegExp(source, flags).exec(t)?.[0]]);
    };
    const units = Array.from({ length: 0x3000 }, (_, u) => String.fromCharCode(u)).filter((c) => c.toUpperCase() !== c.toLowerCase() || c !== c.toUpperCase());
    check('[a-zß-ÿ]+', 'i', units);
    check('[^a-m]', 'i', units);
    check('é|k|s|µ|i', 'i', units);
    check('(?<=a)b(?!c)', 'i', ['AB', 'ABC', 'aB', 'xb']);
    check('\\w+\\b\\W\\d', 'i', ['ſ 1', 'K 2', 'k 3']);
    // Every code unit is its own canonical form, or one that upper-cases to it.
    for (let u = 0; u < 0x10000; u += 97) expect(String.fromCharCode(canonical(u)) === String.fromCharCode(u) || String.fromCharCode(u).toUpperCase() === String.fromCharCode(canonical(u))).toBe(true);
    // Back-references compare without case: such an expression is left as it is.
    expect(spellCases('(a)\\1', 'i')).toBeUndefined();
    expect(spellCases('a', 'iu')).toBeUndefined();
  });

  it('read date lines as chrono-node reads them', async () => {
    const { findDate } = await import('../../src/corpus/dates.ts');
    const chrono = createRequire(import.meta.url)('chrono-node');
    const order = LOCALES.map(({ locale, module, parser }) => [locale, chrono[module][parser]] as const);
    const texts = lines().filter((t) => t.split(/\s+/).length <= 12);
    let found = 0;
    for (const text of texts) {
      let want: string | undefined;
      if (/\d/.test(text))
        for (const [locale, parser] of order) {
          const r = (parser.parse(text) as Array<{ index: number; start: { isCertain(c: string): boolean; get(c: string): number } }>).find((r) => {
            const s = r.start;
            return s.isCertain('day') && s.isCertain('month') && s.isCertain('year') && s.get('year') >= 1900 && s.get('year') <= 2100;
          });
          if (r) {
            want = `${locale} ${r.start.get('year')}-${String(r.start.get('month')).padStart(2, '0')}-${String(r.start.get('day')).padStart(2, '0')} @${r.index}`;
            break;
          }
        }
      const f = findDate(text);
      expect([text, f ? `${f.locale} ${f.iso} @${f.index}` : undefined]).toEqual([text, want]);
      if (f) found++;
    }
    expect(found).toBeGreaterThan(10);
  });
});
