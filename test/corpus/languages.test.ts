/**
 * Cleaning in any language: the document's language is detected, its own stopwords tell body
 * text from boilerplate, and a non-English document keeps its text while extraction (English
 * only) says so once per language.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/clean.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { isShortProse } from '../../src/corpus/justext.ts';
import { detectLanguage, ENGLISH, languageProfile } from '../../src/corpus/language.ts';
import { ingestFile } from '../../src/corpus/read.ts';

const GERMAN = `Startseite
Politik
Wirtschaft
Kontakt

Die Energiepreise in Deutschland steigen weiter

Die Preise für Strom und Gas sind im vergangenen Monat erneut gestiegen, wie das Statistische Bundesamt am Dienstag mitteilte. Verbraucher müssen sich nach Einschätzung von Fachleuten auch in den kommenden Monaten auf hohe Kosten einstellen, da die Versorger ihre gestiegenen Einkaufspreise an die Kunden weitergeben.

Haushalte mit Gasheizung

Besonders betroffen sind Haushalte, die mit Gas heizen. Die Bundesregierung kündigte an, die Entlastungen für Verbraucher zu verlängern, und will dafür im Haushalt zusätzliche Mittel bereitstellen.

Kurz gesagt: Es wird teuer.

Teilen
Drucken
Impressum
Datenschutz
`;

const POLISH = `Strona główna
Kontakt

Rząd przyjął w czwartek projekt ustawy, który ma obniżyć ceny energii dla gospodarstw domowych. Jak poinformował minister, przepisy wejdą w życie jeszcze w tym roku, a z pomocy skorzysta kilka milionów rodzin.

Eksperci zwracają uwagę, że koszt programu dla budżetu państwa będzie wysoki, ale bez niego wiele rodzin nie byłoby w stanie opłacić rachunków.

Udostępnij
Regulamin
`;

const ENGLISH_TEXT = `Oil prices rose on Tuesday after the producers' group said it would keep its output cuts in place until the end of the year, and traders expect that the market will stay tight through the winter.`;

describe('language of a document', () => {
  it('is detected from its longest lines', async () => {
    expect(await detectLanguage(GERMAN)).toBe('de');
    expect(await detectLanguage(POLISH)).toBe('pl');
    expect(await detectLanguage(ENGLISH_TEXT)).toBe('en');
    expect(await detectLanguage('Home\nNews\nContact')).toBeUndefined();
  });

  it('stays English for a wire story that n-grams might read as another language', async () => {
    const wire = `VANCOUVER, British Columbia, Feb 26 - <Versatile Corp> said
it agreed in principle to sell its Alberta-based Versatile
Noble Cultivators Co division to Vicon Inc, of Ontario, for
undisclosed terms.`;
    expect(await detectLanguage(wire)).toBe('en');
  });
});

describe('cleaning in the document language', () => {
  it('keeps a German article that English stopwords would drop, with its subheading and closing line', () => {
    const german = cleanText(GERMAN, 0, GERMAN.length, {}, { language: languageProfile('de') });
    const kept = german.paragraphs.map((p) => p.text);
    expect(kept).toContain('Haushalte mit Gasheizung');
    expect(kept).toContain('Kurz gesagt: Es wird teuer.');
    expect(kept.some((t) => t.startsWith('Die Preise für Strom'))).toBe(true);
    for (const menu of ['Startseite', 'Teilen', 'Impressum']) expect(kept.join('\n')).not.toContain(menu);
    // Every dropped block says why.
    expect(german.dropped.every((d) => d.reason.length > 0)).toBe(true);

    const asEnglish = cleanText(GERMAN, 0, GERMAN.length, {}, { language: ENGLISH });
    expect(asEnglish.paragraphs.length).toBeLessThan(german.paragraphs.length);
  });

  it('judges a language without a stopword list by length and neighbours', () => {
    const profile = { code: 'xx' };
    const text = `Menu\n\n${'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. '.repeat(4)}\n\nFooter\n`;
    const { paragraphs } = cleanText(text, 0, text.length, {}, { language: profile });
    expect(paragraphs).toHaveLength(1);
  });

  it('tells a short sentence of prose from a label, in any script', () => {
    expect(isShortProse('Shipping is free for all orders.', ENGLISH)).toBe(true);
    expect(isShortProse('Share on Facebook', ENGLISH)).toBe(false);
    expect(isShortProse('Posted on April 22, 2022', ENGLISH)).toBe(false);
    expect(isShortProse('他说。', languageProfile('zh'))).toBe(true);
  });

  it('drops a short line that introduces nothing, and keeps a subheading', () => {
    const body = 'The committee said on Monday that it would publish the full report next month, after the ministers have read it and the members of the public have had a chance to comment on its findings.';
    const text = `${body}\n\nWhat comes next\n\n${body.replace('Monday', 'Friday')}\n\nLeave a comment\n\nName\n\nEmail\n`;
    const { paragraphs, dropped } = cleanText(text, 0, text.length, {}, { language: ENGLISH });
    expect(paragraphs.map((p) => p.text)).toContain('What comes next');
    expect(paragraphs.map((p) => p.text).join('\n')).not.toContain('Leave a comment');
    expect(dropped.find((d) => d.text.includes('Leave a comment'))?.reason).toBeTruthy();
  });
});

describe('documents in other languages', () => {
  it('record their language and the words dropped', async () => {
    const { document } = await ingestFile({ path: 'bericht.txt', bytes: Buffer.from(GERMAN) });
    expect(document).toMatchObject({ language: 'de', title: 'Die Energiepreise in Deutschland steigen weiter' });
    expect(document!.words).toBeGreaterThan(60);
    expect(document!.droppedWords).toBeGreaterThan(0);
  });

  it('keep their text, give no claims, and are announced once per language', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bd-lang-'));
    mkdirSync(join(root, 'corpus'));
    writeFileSync(join(root, 'corpus', 'a.txt'), GERMAN);
    writeFileSync(join(root, 'corpus', 'b.txt'), GERMAN.replace('Dienstag', 'Mittwoch'));
    writeFileSync(join(root, 'corpus', 'c.txt'), POLISH);
    writeFileSync(join(root, 'corpus', 'd.txt'), `${ENGLISH_TEXT}\n\n${ENGLISH_TEXT.replace('Tuesday', 'Monday')}\n`);
    const store = await loadCorpus({ root, cacheDir: join(root, 'cache') });
    try {
      expect(store.documents().map((d) => d.language)).toEqual(['de', 'de', 'pl', 'en']);
      expect(store.claims().every((c) => c.docId === 'd')).toBe(true);
      const notices = store.diagnostics.filter((d) => d.code === 'corpus/language-not-extracted');
      expect(notices.map((d) => d.message)).toEqual([
        '2 documents in German (de): text and metadata kept, but claims, quotes and likelihood are extracted from English text only',
        '1 document in Polish (pl): text and metadata kept, but claims, quotes and likelihood are extracted from English text only',
      ]);
    } finally {
      store.close();
    }
  });
});

describe('searching documents in other languages', () => {
  it('finds their paragraphs by their words, though they give no claims', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bd-lang-search-'));
    mkdirSync(join(root, 'corpus'));
    writeFileSync(join(root, 'corpus', 'bericht.txt'), GERMAN);
    writeFileSync(join(root, 'corpus', 'report.txt'), `${ENGLISH_TEXT}\n`);
    const store = await loadCorpus({ root, cacheDir: join(root, 'cache') });
    try {
      expect(store.searchClaims({ text: 'Gasheizung' })).toEqual([]);
      const found = store.searchPassages('haushalte Bundesregierung');
      expect(found.map((p) => [p.docId, p.language, p.score])).toEqual([
        ['bericht', 'de', 2],
        ['bericht', 'de', 1],
      ]);
      expect(found[0].text).toMatch(/^Besonders betroffen sind Haushalte, die mit Gas heizen/);
      expect(store.searchPassages('Verbraucher').map((p) => p.paragraph)).toEqual([1, 3]);
      // English documents are searched through their claims, not as passages.
      expect(store.searchPassages(ENGLISH_TEXT.split(/\s+/).slice(0, 6).join(' '))).toEqual([]);
    } finally {
      store.close();
    }
    const cli = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/briefdeck.js'), '-C', root, 'claims', 'Bundesregierung'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('Passages of documents claims are not extracted from (de):');
    expect(cli.stdout).toMatch(/1 +de +bericht ¶\d+ +Besonders betroffen sind Haushalte/);
  }, 60_000);
});

describe('HTML charsets', () => {
  it('reads a page in the charset it declares', async () => {
    const html = `<html><head><meta charset="windows-1250"><title>Zażółć</title></head><body><article><h1>Zażółć gęślą jaźń</h1><p>${'Łódź jest miastem w Polsce, które leży w centrum kraju i ma długą historię przemysłu włókienniczego. '.repeat(3)}</p></article></body></html>`;
    const { document, diagnostics } = await ingestFile({ path: 'p.html', bytes: iconv.encode(html, 'windows-1250') });
    expect(diagnostics).toEqual([]);
    expect(document!.text).toContain('Łódź jest miastem');
  });
});
