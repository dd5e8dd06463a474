/**
 * Part-of-speech tags kept between runs: a build writes the tags compression asked for to
 * `.cache/briefdeck/pos-tags.json` and the next run reads them back instead of loading the
 * tagger. Tags of another model version, or a damaged file, are ignored; the cache never fails
 * a build.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isClause, openTagMemory, posTags } from '../../src/deck/grammar.ts';

const model = `wink-eng-lite-web-model@${(createRequire(import.meta.url)('wink-eng-lite-web-model/package.json') as { version: string }).version}`;
const dir = () => mkdtempSync(join(tmpdir(), 'bd-tags-'));

describe('remembered part-of-speech tags', () => {
  it('are written after a run, under the model version, and read back by the next', () => {
    const file = join(dir(), 'cache', 'pos-tags.json');
    const save = openTagMemory(file);
    const text = 'Moscow signed a pipeline deal with Beijing in the spring of the memory test.';
    const tags = posTags(text);
    expect(tags).toContain('VERB');
    save();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { model: string; tags: Record<string, string[]> };
    expect(stored.model).toBe(model);
    expect(stored.tags[text]).toEqual(tags);
  });

  it('answer from the file without asking the tagger', () => {
    const file = join(dir(), 'pos-tags.json');
    const text = 'The envoys met in the memory-test city.';
    // Tags the tagger would never give: only a remembered answer can make this no clause.
    writeFileSync(file, JSON.stringify({ model, tags: { [text]: ['VERB', 'NOUN'] } }));
    openTagMemory(file);
    expect(isClause(text)).toBe(false);
  });

  it('of another model version, or from a damaged file, are ignored', () => {
    const other = join(dir(), 'pos-tags.json');
    const text = 'The delegations agreed on a memory-test communique.';
    writeFileSync(other, JSON.stringify({ model: 'wink-eng-lite-web-model@0.0.1', tags: { [text]: ['VERB'] } }));
    openTagMemory(other);
    expect(isClause(text)).toBe(true);
    const damaged = join(dir(), 'pos-tags.json');
    writeFileSync(damaged, '{"model": "wink');
    expect(() => openTagMemory(damaged)()).not.toThrow();
  });
});
