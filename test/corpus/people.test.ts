/**
 * People a document names, on real sentences: the seed articles in corpus/ and Reuters-21578
 * (Distribution 1.0, David D. Lewis; free for research), vendored under eval/corpora/reuters-21578-0.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastNamedBefore, mentionPattern, mentionsWithin, namedPeople, resolvePerson, surnameMentions } from '../../src/corpus/people.ts';
import { prng } from '../support/prng.ts';

/** One document of one paragraph per string, as cleaning keeps them (hard-wrapped lines stay). */
function doc(...paragraphs: string[]) {
  let text = '';
  const ps = paragraphs.map((p, i) => {
    const start = text.length;
    text += p + '\n\n';
    return { index: i + 1, start, end: start + p.length, text: p };
  });
  return { text, paragraphs: ps };
}

describe('namedPeople', () => {
  it('reads a role a wire wrote without its commas, and an affiliation before ", said" (Reuters-21578, general)', () => {
    const d = doc(
      "Japan's net buying may double, Shigeki Matsumoto of Nikko Securities Co Ltd, said.",
      'Yutaka Hashimoto general manager of Nippon Life Insurance\nCo told an economic conference that insurers will diversify.',
      'Insurance companies will now invest in Britain, Hashimoto said.',
    );
    const people = namedPeople(d);
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['Shigeki Matsumoto', 'of Nikko Securities Co Ltd'],
      ['Yutaka Hashimoto', 'general manager of Nippon Life Insurance Co'],
    ]);
    // no role noun, no apposition
    expect(namedPeople(doc('Tokyo Electric Power shares of Japan rose, dealers said.'))).toEqual([]);
  });
  it('takes no word that names a property of every object for a courtesy title ("Constructor Bob Smith said")', () => {
    const people = namedPeople(doc('Constructor Bob Smith said the bridge is safe.', 'Smith said he would inspect it.'));
    for (const p of people) expect(p.pronoun === undefined || p.pronoun === 'he' || p.pronoun === 'she', String(p.pronoun)).toBe(true);
  });
  it('reads a role from an apposition, a firm name with commas included', () => {
    const d = doc(`"I think they will resist it," said Elliott Schlang, analyst\nat Prescott, Ball and Turben Inc. "They want to stay independent."`);
    const [p] = namedPeople(d);
    expect(p.name).toBe('Elliott Schlang');
    expect(p.role).toBe('analyst at Prescott, Ball and Turben Inc');
    expect(d.text.slice(p.first.start, p.first.end)).toBe('Elliott Schlang');
  });

  it('reads an office before the name as the role', () => {
    const d = doc('Russian President Vladimir Putin has stated that, “the main struggle, which is now underway, is that for global leadership”.');
    expect(namedPeople(d).map((p) => [p.name, p.role])).toEqual([['Vladimir Putin', 'Russian President']]);
  });

  it('reads an office of a body before the name as the role: "Chancellor of the Exchequer Nigel Lawson" (Reuters-21578, general/187)', () => {
    const d = doc('LONDON, March 2 - U.K. Chancellor of the Exchequer Nigel\nLawson has told Brazil\'s Finance Minister Dilson Funaro that\nnegotiations are a matter for the banks.', "Lawson's attitude was interpreted by banking sources as a clear rebuff.", 'U.S. Secretary of State George Shultz said China must lobby Congress.');
    const people = namedPeople(d);
    expect(people.map((p) => [p.name, p.role])).toEqual([['Nigel Lawson', 'Chancellor of the Exchequer'], ['Dilson Funaro', "Brazil's Finance Minister"], ['George Shultz', 'Secretary of State']]);
    expect(resolvePerson(people, 'Lawson', d.text.indexOf("Lawson's"))?.name).toBe('Nigel Lawson');
    // a run after "of" that holds no office is no person's name
    expect(namedPeople(doc('The Bank of England Robin Hood Fund said it would pay out.')).map((p) => p.name)).toEqual([]);
  });

  it('reads a role noun before the name, and a title abbreviated with a dot', () => {
    const d = doc(
      'The French economy is likely to grow by only 2.0 pct this year, said Societe Generale economist Alain Marais.',
      '"We\'re going to have a bill to markup, I guarantee you,\nbefore the Easter recess," Sen. David Boren (D-Okla.) said.',
    );
    expect(namedPeople(d).map((p) => [p.name, p.role])).toEqual([
      ['Alain Marais', 'Societe Generale economist'],
      ['David Boren', 'Senator'],
    ]);
  });

  it('keeps a name with "of" in it whole in the role before a name (Reuters-21578, money-fx)', () => {
    const d = doc('The yen should stabilize at around 152 to 153 to the U.S. Dollar for about a year, the Bank of\nTokyo\'s economic adviser Koei Narusawa said.');
    expect(namedPeople(d).map((p) => [p.name, p.role])).toEqual([['Koei Narusawa', "Bank of Tokyo's economic adviser"]]);
  });

  it('takes an age and a company title from the apposition, and the fullest form of the name', () => {
    const d = doc('The company said John W. Johnstone Jr, 54, president and chief operating officer, will succeed him. Johnstone said he was pleased.');
    const [p] = namedPeople(d);
    expect(p.name).toBe('John W. Johnstone Jr');
    expect(p.role).toBe('president and chief operating officer');
    expect(p.mentions.map((m) => m.form)).toEqual(['John W. Johnstone Jr', 'Johnstone']);
  });

  it('does not take an organisation or a place for a person', () => {
    const d = doc(
      'American Express said profits rose. It said the bank was sound.',
      'Chemical New York Corp, is closing its representative office in\nDubai, United Arab Emirates, a spokeswoman said in response to\nan enquiry.',
    );
    expect(namedPeople(d)).toEqual([]);
  });

  it('drops a sentence-opening word from the name', () => {
    const d = doc('Yesterday Daniel Yergin, director of Cambridge Energy Research Associates, CERA, said prices fell.');
    expect(namedPeople(d)[0]).toMatchObject({ name: 'Daniel Yergin', role: 'director of Cambridge Energy Research Associates, CERA' });
  });
});

describe('namedPeople in a long document', () => {
  it('keeps a person found again under the fuller name they were given later', () => {
    const d = doc('Sen. Boren said the bill would pass.', 'Senator David Boren, a Democrat from Oklahoma, said it again.', 'Sen. David Boren said he would vote. Boren said so.');
    expect(namedPeople(d).map((p) => [p.name, p.mentions.map((m) => m.form)])).toEqual([['David Boren', ['David Boren', 'David Boren', 'Boren']]]);
  });

  it('leaves a surname two people share to neither, once the second is named', () => {
    const d = doc('Sen. Boren said the bill would pass.', 'Senator David Boren, a Democrat from Oklahoma, said it again.', 'Sen. Susan Boren said he would vote. Boren said so. Mr Boren left.');
    expect(namedPeople(d).map((p) => [p.name, p.mentions.map((m) => m.form)])).toEqual([
      ['David Boren', ['David Boren']],
      ['Susan Boren', ['Susan Boren']],
    ]);
  });

  it('finds the mentions inside a span that filtering every person finds, on the Reuters stories strung together', () => {
    const dir = join(import.meta.dirname, '../../eval/corpora/reuters-21578-0');
    if (!existsSync(dir)) return;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort().slice(0, 300);
    const d = doc(...files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)));
    const people = namedPeople(d);
    expect(people.length).toBeGreaterThan(50);
    const rand = prng(7);
    for (let k = 0; k < 2000; k++) {
      const from = Math.floor(rand() * d.text.length);
      const to = from + Math.floor(rand() * 600);
      const filtered = people.flatMap((p) => p.mentions.filter((m) => m.start >= from && m.end <= to).map((m) => ({ p, m })));
      expect(mentionsWithin(people, from, to)).toEqual(filtered);
    }
  });
});

describe('resolvePerson and lastNamedBefore', () => {
  const boren = doc(
    '"We\'re going to have a bill to markup, I guarantee you,\nbefore the Easter recess," Sen. David Boren (D-Okla.) said.',
    '"We all know we need a capital infusion," Boren said.',
  );

  it('resolves a bare surname or a titled one to the person named before', () => {
    const people = namedPeople(boren);
    const at = boren.text.lastIndexOf('Boren');
    expect(resolvePerson(people, 'Boren', at)?.name).toBe('David Boren');
    expect(resolvePerson(people, 'Mr Boren', at)?.name).toBe('David Boren');
    expect(resolvePerson(people, 'Mr Lomax', at)).toBeUndefined();
    // Not yet named at the start of the document.
    expect(resolvePerson(people, 'Boren', 0)).toBeUndefined();
  });

  it('leaves a surname two people share unresolved', () => {
    const d = doc('Howard Baker, the White House chief of staff, met James Baker, Treasury Secretary. Baker said "we will not devalue the dollar today."');
    const people = namedPeople(d);
    expect(people.map((p) => p.name)).toEqual(['Howard Baker', 'James Baker']);
    expect(resolvePerson(people, 'Baker', d.text.lastIndexOf('Baker'))).toBeUndefined();
    expect(lastNamedBefore(people, d.text.length)).toBeUndefined();
  });

  it('resolves he/she to the one person just named, and not across a second one', () => {
    const d = doc(
      '"We are pleased with the results," said Debra Strohmaier, a ChemLawn spokeswoman.',
      '"It was a good year," she said.',
    );
    const people = namedPeople(d);
    expect(lastNamedBefore(people, d.text.lastIndexOf('she'), 'she')?.name).toBe('Debra Strohmaier');
    expect(lastNamedBefore(people, d.text.lastIndexOf('she'), 'he')).toBeUndefined();
    const two = doc('Sam Nunn, chairman of the committee, met David Boren, a senator from Oklahoma. "It went well," he said.');
    expect(lastNamedBefore(namedPeople(two), two.text.lastIndexOf('he said'))).toBeUndefined();
  });
});

describe('surnameMentions', () => {
  const byExpression = (text: string, sur: string) => [...text.matchAll(mentionPattern(sur))].map((m) => [m.index, m[0]]);
  const found = (text: string, sur: string) => surnameMentions(text, sur).map((m) => [m.index, m[0]]);

  it('finds what the surname expression finds, on hand-picked cases', () => {
    const cases: Array<[string, string]> = [
      ['Yesterday Ed Balls said Mr. Balls and Mrs Balls met Balls Jr. and Balls III, not Ballsy.', 'Balls'],
      ['Charles de Gaulle, de  Gaulle and de\nGaulle; General de Gaulle-x.', 'de Gaulle'],
      ['Mr\n  Smith, A. B. C. D. Smith Jr.-x Smith Jr.’s Smith II.', 'Smith'],
      ['al-Assad and Bashar al-Assad, Al-Assad.', 'al-Assad'],
      ['𝐀bc Éric Müller and Müller’s MÜLLER Müller', 'Müller'],
      ['Smith Smith Smith Smith Smith', 'Smith'],
      ['Lady\tJones \n Jones', 'Jones'],
    ];
    for (const [text, sur] of cases) expect(found(text, sur), `${sur} in ${text}`).toEqual(byExpression(text, sur));
  });

  it('finds what the surname expression finds, on random text', () => {
    const rand = prng(16);
    const pieces = ['Mr', 'Mrs', 'Dr', 'Sir', '.', ' ', ' ', '\n', '\t', 'Ed', 'E.', 'Balls', 'Ball', 'de', 'Gaulle', 'Jr', 'III', 'II', "'", '’', '-', 'x', 'É', '𝐀', '\uDC00', 'said', ','];
    const pick = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
    const surnames = ['Balls', 'Ball', 'de Gaulle', 'Gaulle', 'Ed', 'E.', 'II', 'x', '\uDC00x'];
    for (let k = 0; k < 4000; k++) {
      const text = pick(Math.floor(rand() * 30));
      const sur = surnames[Math.floor(rand() * surnames.length)];
      expect(found(text, sur), JSON.stringify([text, sur])).toEqual(byExpression(text, sur));
    }
  });

  it('finds what the surname expression finds, on the seed articles and the Reuters stories', () => {
    const dirs = [join(import.meta.dirname, '../../corpus'), join(import.meta.dirname, '../../eval/corpora/reuters-21578-0')].filter(existsSync);
    let compared = 0;
    for (const dir of dirs) {
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort().slice(0, 150);
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8');
        const surnames = new Set([...text.matchAll(/\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}]+)?/gu)].map((m) => m[0]).slice(0, 12));
        for (const sur of surnames) {
          expect(found(text, sur), `${sur} in ${f}`).toEqual(byExpression(text, sur));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
