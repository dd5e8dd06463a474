/**
 * ELD's n-gram table as the build packs it (`scripts/ngrams.mjs`) and the detector reads it
 * (`src/corpus/ngram-table.ts`): every n-gram answers with the scores of ELD's own table, an
 * n-gram it lacks with nothing, and the detector reads the same languages and scores either way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackNgrams } from '../../src/corpus/ngram-table.ts';
// @ts-expect-error: plain JavaScript build script
import { packNgrams } from '../../scripts/ngrams.mjs';
// @ts-expect-error: ELD's own modules, beyond its package's entry points
import { ngramsData } from '../../node_modules/eld/src/ngrams/small.js';
// @ts-expect-error: as above
import { createEld } from '../../node_modules/eld/src/languageDetector.js';

type Table = { type: string; languages: Record<number, string>; isSubset?: boolean; ngrams: Record<string, Record<number, number>> };
const original = ngramsData as Table;
const packed = unpackNgrams(packNgrams(original));

/** An ELD detector on `table`, as `eld/small` builds one on its own. */
function detectorOn(table: Table): { detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean } } {
  const { instance, loadData } = createEld();
  loadData(table);
  return instance;
}

describe('the packed n-gram table', () => {
  it('holds every n-gram with its scores, and nothing else', () => {
    expect(packed.type).toBe(original.type);
    expect(packed.languages).toEqual(original.languages);
    expect(packed.isSubset).toBe(original.isSubset);
    const grams = Object.keys(original.ngrams);
    expect(grams.length).toBeGreaterThan(50_000);
    for (const gram of grams) {
      const got = packed.ngrams[gram];
      const want = original.ngrams[gram];
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ gram, got }).toEqual({ gram, got: want });
    }
    // N-grams it lacks: one character off each end of known ones, longer ones, other scripts.
    for (const gram of grams.slice(0, 5000)) {
      for (const other of [gram.slice(1), gram.slice(0, -1), `${gram}x`, `${gram}\u0100`, `\u0000${gram}`])
        expect(packed.ngrams[other]).toEqual(original.ngrams[other]);
    }
    expect(packed.ngrams['']).toBeUndefined();
  });

  it('gives the detector the same languages and scores', () => {
    const mine = detectorOn(packed);
    const theirs = detectorOn(original);
    const texts: string[] = [];
    for (const dir of [join(import.meta.dirname, '../../corpus'), join(import.meta.dirname, '../fixtures')]) {
      for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(txt|md|html)$/.test(name)) continue;
        for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) if (line.trim().length > 20) texts.push(line);
      }
    }
    texts.push('Die Preise für Strom und Gas sind im vergangenen Monat erneut gestiegen', 'Ceny energii rosną szybciej niż płace', '東京で会議が開かれた', 'Это проверка');
    expect(texts.length).toBeGreaterThan(200);
    for (const text of texts) {
      const a = mine.detect(text);
      const b = theirs.detect(text);
      expect({ text, language: a.language, scores: a.getScores(), reliable: a.isReliable() }).toEqual({ text, language: b.language, scores: b.getScores(), reliable: b.isReliable() });
    }
  });
});
