/**
 * chrono-node's expressions as the build rewrites them (`scripts/date-patterns.mjs`: cases written
 * out, alternatives factored by their starts): each matches every text exactly as the expression
 * it stands for (the same match, at the same place, with the same groups), and date lines read
 * with them give what chrono-node's own parsers give.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { prng } from '../support/prng.ts';
import LOCALES from '../../src/corpus/date-locales.json' with { type: 'json' };
// @ts-expect-error: plain JavaScript build script
import { canonical, factorAlternatives, spellCases, rewrittenTable } from '../../scripts/date-patterns.mjs';

const require = createRequire(join(import.meta.dirname, '../../src/corpus/dates.ts'));
const table = rewrittenTable(require, LOCALES) as Map<string, [string, string]>;
vi.mock('../../src/corpus/date-patterns.ts', () => ({ DATE_PATTERNS: table }));

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

/**
 * Phrases put together from the words date expressions are made of (month and weekday names,
 * numbers in words and figures, time units, ordinal marks) in seven languages, mixed cases and
 * stray letters, so alternatives that share a start meet their neighbours.
 */
function phrases(n: number): string[] {
  const words = `gennaio gen gen. genn febbraio feb feb. febbr marzo mar mar. marzi aprile apr ago agosto agosti sett sett. settembre set set.
    january jan jan. february feb march mar may june jun july jul august aug sept sep sept. september october oct november nov december dec
    janvier janv. février févr fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
    januar jänner jan. februar märz maerz mrz. april mai juni juli august september oktober okt. november dezember dez.
    enero ene febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre dic
    janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
    januari februari maart april mei juni juli augustus september oktober november december
    monday mon tuesday tue tues thursday thu thur thurs friday lunedì lunedi martedì sabato domenica lundi mardi dimanche montag dienstag sonntag
    lunes martes domingo segunda terça domingo maandag dinsdag zondag
    first second third fourth twenty twenty-first twenty first thirty primo prima secondo terzo ventesimo ventunesimo trentesimo trentunesimo
    premier deuxième erster zweiter primero segundo primeiro segundo eerste tweede
    one two three ten twelve un deux trois uno due tre ein zwei drei dos tres um dois een twee
    day days week weeks month months year years hour hours minute minutes min mins h hr hrs sec s ms
    giorno giorni settimana mese mesi anno anni ora ore jour jours semaine mois an ans heure heures tag tage woche monat jahr jahre stunde
    día días semana mes año años hora horas dia dias semanas ano anos dag dagen week maand jaar uur
    ago later after before earlier from now fa prima dopo tra il y a dans vor nach in hace dentro de atrás depois daqui geleden na over
    today tomorrow yesterday tonight oggi domani ieri aujourd'hui demain hier heute morgen gestern hoy mañana ayer hoje amanhã ontem vandaag morgen gisteren
    am pm a.m. p.m. at on of de di del des der den la le il el o à a um um the this last next past coming prossimo dernier nächsten próximo
    1 2 3 5 9 10 12 15 21 26 29 31 1987 1999 2021 2100 87 99 26-FEB-1987 15:18:06.67 12:30 3/4 03.06.23 2023-05-22 1° 12ª 3rd 21st 2nd 4th
    - / , . ( ) : ; x k K ſ İ ı é É ß µ Μ`.split(/\s+/).filter(Boolean);
  const rnd = prng(16);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let k = 1 + Math.floor(rnd() * 7); k > 0; k--) {
      let w = words[Math.floor(rnd() * words.length)];
      const c = rnd();
      if (c < 0.25) w = w.toUpperCase();
      else if (c < 0.4) w = w[0].toUpperCase() + w.slice(1);
      parts.push(w);
    }
    out.push(parts.join(rnd() < 0.8 ? ' ' : ''));
  }
  return out;
}

describe('date expressions rewritten for the compiler', () => {
  it('match each text as the expression they stand for', () => {
    const texts = lines();
    expect(texts.length).toBeGreaterThan(300);
    // Each text, and the same in upper and lower case, which the letters' classes must all match.
    const all = [...texts.flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]), ...phrases(3000)];
    expect(table.size).toBeGreaterThan(60);
    for (const [key, [written, writtenFlags]] of table) {
      const flags = key.slice(0, key.indexOf('/'));
      const own = new RegExp(key.slice(flags.length + 1), flags);
      const re = new RegExp(written, writtenFlags);
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

  it('factor alternatives by their starts, keeping the order that counts', () => {
    const check = (source: string, want: string, texts: string[]) => {
      const written = factorAlternatives(source) as string;
      expect(written).toBe(want);
      for (const t of texts) expect([source, t, JSON.stringify(new RegExp(written).exec(t))]).toEqual([source, t, JSON.stringify(new RegExp(source).exec(t))]);
    };
    const texts = ['gennaio', 'gen.', 'gen', 'febbraio', 'x gen. y', 'genn', 'ab', 'abc', 'b', 'ac', ''];
    check('(gennaio|febbraio|gen\\.|gen)\\b', '(gen(?:naio|\\.|)|febbraio)\\b', texts);
    // An empty alternative keeps the ones after it after it; starts that overlap are left as they are.
    check('(?:ab|a|)(?:ac|x)', '(?:a(?:b|)|)(?:ac|x)', texts);
    check('(?:ab||ac)c', '(?:ab||ac)c', texts);
    check('(?:[ab]c|ad)', '(?:[ab]c|ad)', texts);
    check('(?:[Gg][Ee]n|[Gg][Ee]t|[gG]x)', '(?:[Gg](?:[Ee](?:n|t)|x))', ['GEN', 'get', 'gX', 'Gx']);
    // Groups holding more than characters and classes are left as they are, their own groups factored.
    check('(?:a+|ab|(?:cd|ce))', '(?:a+|ab|(?:c(?:d|e)))', ['aab', 'ab', 'ce']);
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
