/**
 * Near-duplicate paragraphs are found by the runs of four words they share: the runs are slices
 * of the normalised text, the same as its words joined four at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicates, normalizeForComparison, shingles } from '../../src/corpus/dedupe.ts';

const joined = (normalized: string) => {
  const words = normalized.split(' ');
  const out: string[] = [];
  for (let i = 0; i + 4 <= words.length; i++) out.push(words.slice(i, i + 4).join(' '));
  return [...new Set(out)];
};

describe('shingles', () => {
  it('are the words joined four at a time, in order, on the seed articles and short texts', () => {
    const dir = join(import.meta.dirname, '../../corpus');
    const paragraphs = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\n+/));
    const texts = [...paragraphs.map(normalizeForComparison), '', 'a', 'a b c', 'a b c d', 'a b c d e', 'x y z x y z x y z', 'déjà vu 40% "quoted" it\'s'];
    expect(paragraphs.length).toBeGreaterThan(100);
    for (const t of texts) expect([...shingles(t)], t).toEqual(joined(t));
  });

  it('find a paragraph repeated inside a longer one', () => {
    const a = 'The pipeline will carry 55 billion cubic metres of gas a year to Germany from 2020.';
    const b = `Officials said on Monday that ${a.toLowerCase()} Critics disagree.`;
    expect(findDuplicates([a, 'Something else entirely, said nobody at all today.', b])).toEqual([{ dropped: 0, of: 2, exact: false }]);
  });
});
