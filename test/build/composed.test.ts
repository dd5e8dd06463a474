/**
 * Composed decks kept between runs under everything composition reads: the same deck comes back
 * without composing; a changed spec, `--strict`, store or variable composes anew; a build from a
 * remembered deck writes the same files as one that composed it.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefings } from '../../src/build/index.ts';
import { deckKey, openDeckMemory } from '../../src/build/composed.ts';
import { composeDeck } from '../../src/deck/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { BriefingSpec, EvidenceStore } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { themeNames } from '../../src/theme/index.ts';

const root = resolve(import.meta.dirname, '../..');
const SPEC = join(root, 'briefings', 'post-putin-scenarios.md');
let store: EvidenceStore;
let spec: BriefingSpec;
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-composed-'));

beforeAll(async () => {
  store = await loadCorpus({ root });
  spec = parseBriefing(SPEC, readFileSync(SPEC, 'utf8'), { root, themes: themeNames(root) }).spec!;
}, 120_000);
afterAll(() => {
  store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the key of a composed deck', () => {
  it('changes with the spec, --strict, the store and the BRIEFDECK_ variables, not with the trace', () => {
    const key = deckKey(spec, store, false, {});
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(deckKey(spec, store, false, { BRIEFDECK_TRACE: '1' })).toBe(key);
    expect(deckKey({ ...spec, title: `${spec.title}!` }, store, false, {})).not.toBe(key);
    expect(deckKey(spec, store, true, {})).not.toBe(key);
    expect(deckKey(spec, store, false, { BRIEFDECK_HELD_CLAIMS: '10' })).not.toBe(key);
    expect(deckKey(spec, { ...store, version: () => 'another' }, false, {})).not.toBe(key);
    // A store that keeps no version: never remembered.
    expect(deckKey(spec, { ...store, version: undefined }, false, {})).toBeUndefined();
  });
});

describe('a deck memory', () => {
  it('gives back the deck composition makes, from its file the second time', async () => {
    const dir = join(tmp, 'decks');
    const memory = openDeckMemory(dir);
    const composed = await memory.compose(spec, store);
    expect(composed).toEqual(composeDeck(spec, store));
    const [file] = readdirSync(dir);
    expect(file).toBe(`${deckKey(spec, store, false)}.json`);
    // What comes back is the kept file's: a marked copy shows it was read, not composed.
    const kept = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    writeFileSync(join(dir, file), JSON.stringify({ ...kept, deck: { ...kept.deck, title: 'from the file' } }));
    expect((await memory.compose(spec, store)).deck.title).toBe('from the file');
    // A changed spec is composed.
    const changed = { ...spec, title: 'Another title' };
    expect((await memory.compose(changed, store)).deck.title).toBe('Another title');
    expect(readdirSync(dir)).toHaveLength(2);
  }, 60_000);
});

describe('a build from remembered decks', () => {
  it('writes the same deck JSON, Markdown and HTML as the build that composed them', async () => {
    const project = join(tmp, 'project');
    for (const d of ['briefings', 'corpus', 'themes', 'assets']) cpSync(join(root, d), join(project, d), { recursive: true });
    const specs = [join(project, 'briefings', 'post-putin-scenarios.md')];
    const first = await buildBriefings({ root: project, specs, outDir: join(tmp, 'first'), formats: ['html'] });
    expect(first.ok).toBe(true);
    expect(readdirSync(join(project, '.cache/briefdeck/decks'))).toHaveLength(1);
    const again = await buildBriefings({ root: project, specs, outDir: join(tmp, 'again'), formats: ['html'] });
    expect(again.ok).toBe(true);
    const files = readdirSync(join(tmp, 'first')).sort();
    expect(files).toEqual(['post-putin-scenarios.deck.json', 'post-putin-scenarios.html', 'post-putin-scenarios.marp.md']);
    for (const f of files) expect(readFileSync(join(tmp, 'again', f), 'utf8')).toBe(readFileSync(join(tmp, 'first', f), 'utf8'));
    expect(again.decks[0].diagnostics).toEqual(first.decks[0].diagnostics);
  }, 180_000);
});
