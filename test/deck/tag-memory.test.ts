/**
 * Part-of-speech tags kept between runs: a build hands composition the tags kept in
 * `.cache/briefdeck/pos-tags.json`, writes back those it asked for, and the next run reads them
 * instead of loading the tagger. Tags of another model version, or a damaged file, are ignored;
 * the cache never fails a build. Composition itself touches no file: the memory is passed in.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isClause, posTags, tokens, withTagMemory } from '../../src/deck/grammar.ts';
import { openTagFile } from '../../src/build/tag-file.ts';

const model = `wink-eng-lite-web-model@${(createRequire(import.meta.url)('wink-eng-lite-web-model/package.json') as { version: string }).version}`;
const made: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bd-tags-'));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('remembered part-of-speech tags', () => {
  it('are written after a run, under the model version, and read back by the next', () => {
    const file = join(dir(), 'cache', 'pos-tags.json');
    const kept = openTagFile(file);
    const text = 'Moscow signed a pipeline deal with Beijing in the spring of the memory test.';
    const tags = withTagMemory(kept.tags, () => posTags(text));
    expect(tags).toContain('VERB');
    kept.save();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { model: string; tags: Record<string, string[]> };
    expect(stored.model).toBe(model);
    expect(stored.tags[text]).toEqual(tags);
    expect(openTagFile(file).tags.get(text)).toEqual(tags);
  });

  it('answer from the file without asking the tagger', () => {
    const file = join(dir(), 'pos-tags.json');
    const text = 'The envoys met in the memory-test city.';
    // Tags the tagger would never give: only a remembered answer can make this no clause.
    writeFileSync(file, JSON.stringify({ model, tags: { [text]: ['VERB', 'NOUN'] } }));
    expect(withTagMemory(openTagFile(file).tags, () => isClause(text))).toBe(false);
    // Outside that run the process's own memory answers, from the tagger.
    expect(isClause(text)).toBe(true);
  });

  it('keep the words of a text beside its tags, so cutting phrases needs no tagger either', () => {
    const file = join(dir(), 'pos-tags.json');
    const text = 'The memory-test envoys met.';
    const kept = openTagFile(file);
    const words = withTagMemory(kept.tags, () => tokens(text)).map((t) => t.text);
    expect(words).toEqual(['The', 'memory', '-', 'test', 'envoys', 'met', '.']);
    kept.save();
    // A split the tagger would never make: only remembered words can give it.
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { model: string; tags: Record<string, string[]> };
    const key = Object.keys(stored.tags).find((k) => k !== text && k.endsWith(text))!;
    expect(stored.tags[key]).toEqual(words);
    stored.tags[key] = ['The memory-test', 'envoys', 'met', '.'];
    stored.tags[text] = ['NOUN', 'NOUN', 'VERB', 'PUNCT'];
    writeFileSync(file, JSON.stringify(stored));
    const remembered = withTagMemory(openTagFile(file).tags, () => tokens(text));
    expect(remembered.map((t) => [t.text, t.tag, t.start])).toEqual([['The memory-test', 'NOUN', 0], ['envoys', 'NOUN', 16], ['met', 'VERB', 23], ['.', 'PUNCT', 26]]);
  });

  it('of another model version, or from a damaged file, are ignored', () => {
    const other = join(dir(), 'pos-tags.json');
    const text = 'The delegations agreed on a memory-test communique.';
    writeFileSync(other, JSON.stringify({ model: 'wink-eng-lite-web-model@0.0.1', tags: { [text]: ['VERB'] } }));
    expect(withTagMemory(openTagFile(other).tags, () => isClause(text))).toBe(true);
    const damaged = join(dir(), 'pos-tags.json');
    writeFileSync(damaged, '{"model": "wink');
    expect(() => openTagFile(damaged).save()).not.toThrow();
  });

  it('are written only when the run asked for new text', () => {
    const file = join(dir(), 'pos-tags.json');
    const kept = openTagFile(file);
    kept.save();
    expect(() => readFileSync(file)).toThrow();
  });
});
