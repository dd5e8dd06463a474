/**
 * Every file of the corpus is one document, whatever folder it sits in: ids are paths under the
 * corpus folder, identical files count once with one summary line, and hard-wrapped newswire
 * paragraphs are read as whole paragraphs. The newswire stories are from Reuters-21578.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { documentId, loadCorpus } from '../../src/corpus/index.ts';
import { splitBlocks } from '../../src/corpus/blocks.ts';

const newswire = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'newswire');
const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** The ids of the documents the store holds for `corpusDir`, its cache in `root/.cache`. */
async function documentIds(root: string, corpusDir: string): Promise<string[]> {
  const store = await loadCorpus({ root, corpusDir, cacheDir: join(root, '.cache') });
  try {
    return store.documents().map((d) => d.id).sort();
  } finally {
    store.close();
  }
}

describe('document identity', () => {
  it('keeps same-named files in different folders as different documents, ids from their paths', async () => {
    const dir = temp('bd-ids-');
    cpSync(newswire, dir, { recursive: true });
    const store = await loadCorpus({ root: dir, corpusDir: dir, cacheDir: join(dir, '.cache') });
    const ids = store.documents().map((d) => d.id).sort();
    expect(ids).toEqual(['acq/001', 'acq/008', 'coffee/001', 'coffee/002', 'crude/001', 'crude/002', 'grain/001', 'grain/002', 'interest/001', 'money-fx/001']);
    expect(store.document('crude/001')!.title).toBe('DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES');
    expect(store.claims().filter((c) => c.docId === 'crude/001').every((c) => c.id.startsWith('crude/001:p'))).toBe(true);
    store.close();
  });

  it('keeps the extension in the id of a second file that differs only by it', () => {
    expect(documentId('a.txt', new Set())).toBe('a');
    expect(documentId('a.md', new Set(['a']))).toBe('a.md');
    expect(documentId(join('tech', '001.txt'), new Set(['business/001']))).toBe('tech/001');
  });

  it('keeps a stored document\'s id when a file with the same name and another extension comes beside it', async () => {
    const dir = temp('bd-ids-');
    mkdirSync(join(dir, 'a'));
    cpSync(join(newswire, 'crude', '001.txt'), join(dir, 'a', 'one.txt'));
    const load = () => loadCorpus({ root: dir, corpusDir: dir, cacheDir: join(dir, '.cache') });
    let store = await load();
    expect(store.documents().map((d) => d.id)).toEqual(['a/one']);
    store.close();
    // "one.md" sorts before "one.txt": without the stored id it would take "a/one" from it
    writeFileSync(join(dir, 'a', 'one.md'), readFileSync(join(newswire, 'crude', '002.txt'), 'utf8'));
    store = await load();
    const byId = new Map(store.documents().map((d) => [d.id, d.path]));
    expect([...byId.keys()].sort()).toEqual(['a/one', 'a/one.md']);
    expect(byId.get('a/one')).toMatch(/one\.txt$/);
    expect(store.document('a/one')!.title).toBe('DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES');
    store.close();
    // and the next run finds both as they are
    store = await load();
    expect(store.documents()).toHaveLength(2);
    store.close();
  });

  it('says once how many files are identical to others; the list is for --verbose', async () => {
    const dir = temp('bd-dupes-');
    cpSync(join(newswire, 'crude'), dir, { recursive: true });
    for (const copy of ['a', 'b', 'c']) cpSync(join(newswire, 'crude', '001.txt'), join(dir, `${copy}.txt`));
    const store = await loadCorpus({ root: dir, corpusDir: dir, cacheDir: join(dir, '.cache') });
    const loud = store.diagnostics.filter((d) => !d.verbose);
    expect(loud.filter((d) => d.code.startsWith('corpus/duplicate'))).toEqual([
      expect.objectContaining({ code: 'corpus/duplicate-files', message: '3 files are identical to other files in the corpus and count once' }),
    ]);
    expect(store.diagnostics.filter((d) => d.code === 'corpus/duplicate-file' && d.verbose)).toHaveLength(3);
    store.close();
  });
  it('keeps every document when the corpus folder moves, or a file is renamed to another of its ids, with the same cache', async () => {
    const dir = temp('bd-ids-');
    const at = (folder: string) => documentIds(dir, join(dir, folder));
    cpSync(newswire, join(dir, 'before'), { recursive: true });
    const ids = await at('before');
    expect(ids).toHaveLength(10);
    // The same files under another folder give the same ids: the new rows must not lose their
    // documents when the old rows leave.
    cpSync(newswire, join(dir, 'after'), { recursive: true });
    expect(await at('after')).toEqual(ids);
    // "001.txt" renamed "001.md": the same id, another file
    renameSync(join(dir, 'after', 'crude', '001.txt'), join(dir, 'after', 'crude', '001.md'));
    expect(await at('after')).toEqual(ids);
    const store = await loadCorpus({ root: dir, corpusDir: join(dir, 'after'), cacheDir: join(dir, '.cache') });
    expect(store.documents().map((d) => d.id).sort()).toEqual(ids);
    expect(store.document('crude/001')!.path).toMatch(/001\.md$/);
    expect(store.claims().filter((c) => c.docId === 'crude/001').length).toBeGreaterThan(0);
    store.close();
  });

  it('reads again a file whose row names a document the store lost (a store an older version left so)', async () => {
    const dir = temp('bd-ids-');
    cpSync(newswire, join(dir, 'corpus'), { recursive: true });
    const ids = await documentIds(dir, join(dir, 'corpus'));
    // What the older version left: rows kept, documents gone, and a record of its own code.
    const db = new Database(join(dir, '.cache', 'evidence.db'));
    db.prepare("DELETE FROM documents WHERE id IN ('crude/001', 'coffee/002')").run();
    db.close();
    rmSync(join(dir, '.cache', 'corpus-check.json'), { force: true });
    expect(await documentIds(dir, join(dir, 'corpus'))).toEqual(ids);
    const store = await loadCorpus({ root: dir, corpusDir: join(dir, 'corpus'), cacheDir: join(dir, '.cache') });
    expect(store.document('crude/001')!.title).toBe('DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES');
    store.close();
  });
});

describe('hard-wrapped text', () => {
  it('joins the lines of a wrapped paragraph and starts a new one at an indented line', () => {
    const text = [
      'COLUMBUS, Ohio, Feb 26 - Liebert Corp said its shareholders',
      'approved the merger of a wholly-owned subsidiary of Emerson',
      'Electric Co <EMR>.',
      '    Under the terms of the merger, each Liebert shareholder',
      'will receive .3322 shares of Emerson stock for each Liebert',
      'share.',
      ' Reuter',
    ].join('\n');
    expect(splitBlocks(text).map((b) => b.text.replace(/\n/g, ' '))).toEqual([
      'COLUMBUS, Ohio, Feb 26 - Liebert Corp said its shareholders approved the merger of a wholly-owned subsidiary of Emerson Electric Co <EMR>.',
      'Under the terms of the merger, each Liebert shareholder will receive .3322 shares of Emerson stock for each Liebert share.',
      'Reuter',
    ]);
  });

  it('keeps one paragraph per line when lines are paragraphs, however they start', () => {
    const text = [
      'Russia has become a major supplier of oil and gas to China, and the pipelines built since 2014 tie the two economies together for decades.',
      'Short line.',
      'China buys more Russian crude than any other country does, and pays for much of it in yuan rather than in dollars or euros.',
      'Beijing sets the terms.',
    ].join('\n');
    expect(splitBlocks(text)).toHaveLength(4);
  });

  it('does not join list items or headings to a full line before them', () => {
    const text = ['Points to watch in the coming weeks, as set out in the', 'report:', '- first point here and it goes on a bit', '- second point here and it goes on a bit', '# A heading'].join('\n');
    const blocks = splitBlocks(text).map((b) => b.text);
    expect(blocks.some((b) => b.startsWith('- second'))).toBe(true);
    expect(blocks).toContain('# A heading');
  });
});
