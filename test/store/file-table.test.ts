/**
 * The copy of the files table saved beside the embedded store: an unchanged corpus is checked
 * against it instead of reading the table, but only while the table's version (replaced by
 * triggers on every write, by any process) is the one the copy was saved with. A file changed,
 * added or removed is noticed either way, and so is a table another process wrote meanwhile.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleOn } from '../support/article.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { readFileTable, saveFileTable } from '../../src/corpus/store/file-table.ts';
import { SqliteBackend } from '../../src/corpus/store/sqlite.ts';

const ARTICLE = articleOn;

let root: string;
const cache = () => join(root, '.cache', 'briefdeck');
const copyFile = () => join(cache(), 'file-table.json');
const savedVersion = () => (JSON.parse(readFileSync(copyFile(), 'utf8')) as { version: string }).version;
const storeFiles = () => {
  const db = new SqliteBackend(join(cache(), 'evidence.db'));
  try {
    return db.files();
  } finally {
    db.close();
  }
};
const storeVersion = () => {
  const db = new SqliteBackend(join(cache(), 'evidence.db'));
  try {
    return db.filesVersion();
  } finally {
    db.close();
  }
};
async function load() {
  const store = await loadCorpus({ root });
  try {
    return { ids: store.documents().map((d) => d.id).sort(), texts: new Map(store.documents().map((d) => [d.id, store.document(d.id)!.text])) };
  } finally {
    store.close();
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bd-file-table-'));
  mkdirSync(join(root, 'corpus', 'a'), { recursive: true });
  writeFileSync(join(root, 'corpus', 'a', 'one.txt'), ARTICLE('wheat'));
  writeFileSync(join(root, 'corpus', 'two.txt'), ARTICLE('coffee'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the saved copy of the files table', () => {
  it('is saved with the version the store holds, and is what the table holds', async () => {
    expect((await load()).ids).toEqual(['a/one', 'two']);
    expect(existsSync(copyFile())).toBe(true);
    const version = storeVersion();
    expect(version).toMatch(/^[0-9a-f]{24}$/);
    expect(savedVersion()).toBe(version);
    const db = new SqliteBackend(join(cache(), 'evidence.db'));
    try {
      expect(readFileTable(copyFile(), version)).toEqual(db.files());
    } finally {
      db.close();
    }
    // An unchanged corpus writes nothing: the version, and so the copy, stay.
    await load();
    expect(storeVersion()).toBe(version);
  });

  it("keeps each file's messages, given again by a check that reads the copy", async () => {
    writeFileSync(join(root, 'corpus', 'menu.txt'), 'Home | News | Contact\n');
    const messages = async () => {
      const store = await loadCorpus({ root });
      store.close();
      return store.diagnostics.filter((d) => d.file === 'corpus/menu.txt').map((d) => d.code);
    };
    const first = await messages();
    expect(first.length).toBeGreaterThan(0);
    expect(readFileTable(copyFile(), storeVersion())!.get('corpus/menu.txt')!.diagnostics.map((d) => d.code)).toEqual(first);
    expect(await messages()).toEqual(first);
  });

  it('notices a file changed, added or removed after the copy was saved', async () => {
    await load();
    writeFileSync(join(root, 'corpus', 'two.txt'), ARTICLE('cocoa'));
    writeFileSync(join(root, 'corpus', 'a', 'three.txt'), ARTICLE('copper'));
    let seen = await load();
    expect(seen.ids).toEqual(['a/one', 'a/three', 'two']);
    expect(seen.texts.get('two')).toContain('cocoa');
    // (Made from the copy read before and this check's own writes, not read from the table again.)
    expect(savedVersion()).toBe(storeVersion());
    expect(readFileTable(copyFile(), storeVersion())).toEqual(storeFiles());
    unlinkSync(join(root, 'corpus', 'a', 'one.txt'));
    writeFileSync(join(root, 'corpus', 'menu.txt'), 'Home | News | Contact\n');
    seen = await load();
    expect(seen.ids).toEqual(['a/three', 'menu', 'two']);
    expect(savedVersion()).toBe(storeVersion());
    expect(readFileTable(copyFile(), storeVersion())).toEqual(storeFiles());
  });

  it("follows the table's version through a connection's own writes, not through another's", () => {
    mkdirSync(cache(), { recursive: true });
    const db = new SqliteBackend(join(cache(), 'evidence.db'));
    const other = new SqliteBackend(join(cache(), 'evidence.db'));
    const row = (path: string, key: string) => ({ path, key, docId: null, diagnostics: [] });
    try {
      db.followFilesVersion(db.filesVersion()!);
      db.putFile(row('corpus/x.txt', 'k1:-'));
      db.inOneTransaction([() => db.putFile(row('corpus/y.txt', 'k1:-')), () => db.putFile(row('corpus/z.txt', 'k1:-'))]);
      db.removeFile('corpus/x.txt');
      expect(db.ownFilesVersion()).toBe(db.filesVersion());
      // Another connection writes between two of this one's writes: the chain is broken for good.
      other.putFile(row('corpus/w.txt', 'k1:-'));
      db.putFile(row('corpus/y.txt', 'k2:-'));
      expect(db.ownFilesVersion()).toBeUndefined();
      // Or after the last of them.
      db.followFilesVersion(db.filesVersion()!);
      db.putFile(row('corpus/z.txt', 'k2:-'));
      expect(db.ownFilesVersion()).toBe(db.filesVersion());
      other.removeFile('corpus/w.txt');
      expect(db.ownFilesVersion()).toBeUndefined();
    } finally {
      other.close();
      db.close();
    }
  });

  it('is not trusted once another process has written to the table', async () => {
    await load();
    const before = storeVersion();
    // Another process drops a file's rows: the copy still lists it as stored.
    const other = new SqliteBackend(join(cache(), 'evidence.db'));
    other.removeFile('corpus/two.txt');
    other.close();
    expect(storeVersion()).not.toBe(before);
    const seen = await load();
    expect(seen.ids).toEqual(['a/one', 'two']);
  });

  it('gets a new version on every insert, update and delete of a row', () => {
    mkdirSync(cache(), { recursive: true });
    const db = new SqliteBackend(join(cache(), 'evidence.db'));
    try {
      const versions = [db.filesVersion()];
      db.putFile({ path: 'corpus/x.txt', key: 'k1:-', docId: null, diagnostics: [] });
      versions.push(db.filesVersion());
      db.putFile({ path: 'corpus/x.txt', key: 'k2:-', docId: null, diagnostics: [] });
      versions.push(db.filesVersion());
      db.db.prepare("UPDATE files SET key = 'k3:-' WHERE path = 'corpus/x.txt'").run();
      versions.push(db.filesVersion());
      db.removeFile('corpus/x.txt');
      versions.push(db.filesVersion());
      expect(new Set(versions).size).toBe(versions.length);
      // Reading changes nothing.
      db.files();
      expect(db.filesVersion()).toBe(versions.at(-1));
    } finally {
      db.close();
    }
  });

  it('is ignored when missing, unreadable or of another version', () => {
    mkdirSync(cache(), { recursive: true });
    const file = copyFile();
    expect(readFileTable(file, 'v1')).toBeUndefined();
    writeFileSync(file, '{"version": "v1", "rows": [');
    expect(readFileTable(file, 'v1')).toBeUndefined();
    const files = new Map([['corpus/a.txt', { path: 'corpus/a.txt', key: 'k:-', docId: 'a', diagnostics: [] }]]);
    saveFileTable(file, 'v1', files);
    expect(readFileTable(file, 'v1')).toEqual(files);
    expect(readFileTable(file, 'v2')).toBeUndefined();
    expect(readFileTable(file, undefined)).toBeUndefined();
  });
});
