/**
 * A deck's evidence kept apart from its wording: an edit of the spec's prose, presenter or date
 * (lines moved included) assembles the kept evidence into the deck composing would make, its
 * messages at the calls' new lines; an edit of what the search reads (topics, title, a call, a
 * section heading over a call, the audience) or a change of the corpus searches again.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceKey, openDeckMemory } from '../../src/build/composed.ts';
import { textsKey } from '../../src/build/text-file.ts';
import { selectionKey } from '../../src/build/selection-file.ts';
import { composeDeck, gatherEvidence, sectionsOf } from '../../src/deck/index.ts';
import { policyFor } from '../../src/deck/policy.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { BriefingSpec, Deck, EvidenceStore } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { themeNames } from '../../src/theme/index.ts';

const root = resolve(import.meta.dirname, '../..');
const SPEC = join(root, 'briefings', 'bear-and-dragon.md');
const source = readFileSync(SPEC, 'utf8');
let store: EvidenceStore;
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-evidence-'));

const parse = (text: string, at = SPEC): BriefingSpec =>
  parseBriefing(at, text, { root, themes: themeNames(root) }).spec!;
/** The sample with a prose paragraph in two sections (every later line moved) and another presenter and date. */
const reworded = (text: string) =>
  text
    .replace('presenter: Public lecture series', 'presenter: Evening lecture series')
    .replace('date: 2024-04-02', 'date: 2024-05-01')
    .replace('# In one minute\n', '# In one minute\n\nA short answer first,\nthen the story.\n\n')
    .replace('## So, friends?\n', '## A pause\n\nQuestions so far?\n\n## So, friends?\n');
const key = (spec: BriefingSpec, on = store) => evidenceKey(spec, sectionsOf(spec, on, policyFor(spec)), on, false, {});

beforeAll(async () => {
  store = await loadCorpus({ root });
}, 120_000);
afterAll(() => {
  store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the key of a deck\'s evidence', () => {
  it('stays through an edit of prose, presenter and date, and changes with what the search reads', () => {
    const spec = parse(source);
    const k = key(spec);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(reworded(source)).not.toBe(source);
    expect(key(parse(reworded(source)))).toBe(k);
    expect(key(parse(source.replace('topics: [alliance, energy, ukraine-war]', 'topics: [alliance, energy]')))).not.toBe(k);
    expect(key(parse(source.replace('title: Can the bear and the dragon be friends?', 'title: Can the bear and the dragon trade?')))).not.toBe(k);
    expect(key(parse(source.replace('audience: public', 'audience: executive')))).not.toBe(k);
    expect(key(parse(source.replace('{{claims topic="energy" limit=4}}', '{{claims topic="energy" limit=3}}')))).not.toBe(k);
    // A heading over a call titles its slides, and its words rank the lines.
    expect(key(parse(source.replace('## Gas, oil and money', '## Gas, oil and debt')))).not.toBe(k);
    expect(evidenceKey(spec, sectionsOf(spec, store, policyFor(spec)), store, true, {})).not.toBe(k);
    expect(evidenceKey(spec, sectionsOf(spec, store, policyFor(spec)), store, false, { BRIEFDECK_HELD_CLAIMS: '10' })).not.toBe(k);
    expect(key(spec, { ...store, version: () => 'another' })).not.toBe(k);
    expect(key(spec, { ...store, version: undefined })).toBeUndefined();
  });
});

describe('searching for a deck\'s evidence', () => {
  it('reads none of the wording its key leaves out', () => {
    const spec = parse(reworded(source));
    const sections = sectionsOf(spec, store, policyFor(spec));
    const unread = new Set(['name', 'date', 'presenter', 'organisation', 'classification', 'theme', 'overrides', 'formats', 'sections']);
    const guarded = new Proxy(spec, {
      get(target, key, receiver) {
        if (typeof key === 'string' && unread.has(key)) throw new Error(`searching read the spec's ${key}`);
        return Reflect.get(target, key, receiver);
      },
    });
    // Prose blocks too: only their kind may be looked at.
    const prose = sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => (b.kind === 'markdown' ? new Proxy(b, { get: (t, k) => { if (k !== 'kind') throw new Error('searching read the prose'); return t.kind; } }) : b)),
    }));
    expect(prose.some((s) => s.blocks.some((b) => b.kind === 'markdown'))).toBe(true);
    const evidence = gatherEvidence(guarded, store, prose);
    expect(evidence).toEqual(gatherEvidence(spec, store, sections));
  }, 60_000);
});

describe('a deck memory with evidence', () => {
  it('assembles a reworded spec from the kept evidence into the deck composing makes', async () => {
    const decks = join(tmp, 'reworded', 'decks');
    const evidence = join(tmp, 'reworded', 'evidence');
    const memory = openDeckMemory(decks, evidence);
    const spec = parse(source);
    expect(await memory.compose(spec, store)).toEqual(composeDeck(spec, store));
    const [file] = readdirSync(evidence);
    const edited = parse(reworded(source));
    const composed = await memory.compose(edited, store);
    expect(composed).toEqual(composeDeck(edited, store));
    expect(composed.deck.presenter).toBe('Evening lecture series');
    expect(composed.deck.slides.some((s) => s.kind === 'markdown' && s.markdown.includes('Questions so far?'))).toBe(true);
    // Assembled from the kept file: a mark in it shows it was read, not searched again.
    expect(readdirSync(evidence)).toEqual([file]);
    const kept = JSON.parse(readFileSync(join(evidence, file), 'utf8'));
    kept.slides[0][0].title = 'from the kept evidence';
    writeFileSync(join(evidence, file), JSON.stringify(kept));
    const again = parse(reworded(source).replace('Questions so far?', 'Any questions?'));
    expect((await memory.compose(again, store)).deck.slides.map((s) => s.title)).toContain('from the kept evidence');
  }, 120_000);

  it('searches again when the topics change, and a mark in the kept evidence does not come back', async () => {
    const evidence = join(tmp, 'topics', 'evidence');
    const memory = openDeckMemory(join(tmp, 'topics', 'decks'), evidence);
    await memory.compose(parse(source), store);
    const [file] = readdirSync(evidence);
    const kept = JSON.parse(readFileSync(join(evidence, file), 'utf8'));
    kept.slides[0][0].title = 'from the kept evidence';
    writeFileSync(join(evidence, file), JSON.stringify(kept));
    const narrower = parse(source.replace('topics: [alliance, energy, ukraine-war]', 'topics: [energy]'));
    const composed = await memory.compose(narrower, store);
    expect(composed).toEqual(composeDeck(narrower, store));
    expect(composed.deck.slides.map((s) => s.title)).not.toContain('from the kept evidence');
    expect(readdirSync(evidence)).toHaveLength(2);
  }, 120_000);

  it('places the search\'s messages at the calls\' new lines', async () => {
    const memory = openDeckMemory(join(tmp, 'messages', 'decks'), join(tmp, 'messages', 'evidence'));
    const withMiss = source.replace('{{sources}}', '{{claims "zebra xylophone quokka"}}\n\n{{sources}}');
    const first = await memory.compose(parse(withMiss), store);
    expect(first.diagnostics.some((d) => d.code === 'select/no-match')).toBe(true);
    const edited = parse(reworded(withMiss));
    const composed = await memory.compose(edited, store);
    const miss = composed.diagnostics.find((d) => d.code === 'select/no-match')!;
    expect(miss.line).toBe(first.diagnostics.find((d) => d.code === 'select/no-match')!.line! + 8);
    expect(composed).toEqual(composeDeck(edited, store));
  }, 120_000);
});

describe('claims\' texts kept between runs', () => {
  it('are kept per corpus version, compression settings and document filters', () => {
    const spec = parse(source);
    const policy = policyFor(spec);
    const k = textsKey(spec, policy, store);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    // The title, topics and calls are not what a claim's text depends on.
    expect(textsKey(parse(source.replace('topics: [alliance, energy, ukraine-war]', 'topics: [energy]')), policy, store)).toBe(k);
    expect(textsKey(spec, { ...policy, compress: !policy.compress }, store)).not.toBe(k);
    expect(textsKey(spec, { ...policy, overrun: policy.overrun + 0.1 }, store)).not.toBe(k);
    expect(textsKey({ ...spec, sources: ['reuters'] }, policy, store)).not.toBe(k);
    expect(textsKey({ ...spec, since: '2023' }, policy, store)).not.toBe(k);
    expect(textsKey(spec, policy, { ...store, version: () => 'another' })).not.toBe(k);
    expect(textsKey(spec, policy, { ...store, version: undefined })).toBeUndefined();
  });

  it('are read back by a deck searched for again, which comes out as composing makes it', async () => {
    const dir = join(tmp, 'texts');
    const texts = join(dir, 'texts');
    const memory = openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), texts);
    await memory.compose(parse(source), store);
    const [file] = readdirSync(texts);
    const retitled = parse(source.replace('title: Can the bear and the dragon be friends?', 'title: Can the bear and the dragon stay friends?'));
    // Read back unchanged, they make the deck composing makes.
    expect(await memory.compose(retitled, store)).toEqual(composeDeck(retitled, store));
    const kept = JSON.parse(readFileSync(join(texts, file), 'utf8'));
    for (const entry of kept.shown) entry[1].text = 'from the kept texts';
    writeFileSync(join(texts, file), JSON.stringify(kept));
    const again = openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), texts);
    const other = parse(source.replace('title: Can the bear and the dragon be friends?', 'title: Will the bear and the dragon stay friends?'));
    expect(JSON.stringify((await again.compose(other, store)).deck)).toContain('from the kept texts');
  }, 120_000);
});

describe('what selection works out from the corpus, kept between runs', () => {
  it('are kept per corpus version and document filters', () => {
    const spec = parse(source);
    const k = selectionKey(spec, store);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    // The title, topics, calls and audience are not what a query's or topic's subject depends on.
    expect(selectionKey(parse(source.replace('topics: [alliance, energy, ukraine-war]', 'topics: [energy]').replace('audience: public', 'audience: executive')), store)).toBe(k);
    expect(selectionKey({ ...spec, sources: ['reuters'] }, store)).not.toBe(k);
    expect(selectionKey({ ...spec, since: '2023' }, store)).not.toBe(k);
    expect(selectionKey({ ...spec, until: '2023' }, store)).not.toBe(k);
    expect(selectionKey(spec, { ...store, version: () => 'another' })).not.toBe(k);
    expect(selectionKey(spec, { ...store, version: undefined })).toBeUndefined();
  });

  it('are read back by a deck whose title was reworded, which comes out as composing makes it', async () => {
    const dir = join(tmp, 'selection');
    const subjects = join(dir, 'selection');
    const memory = openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), undefined, subjects);
    await memory.compose(parse(source), store);
    const [file] = readdirSync(subjects);
    const kept = JSON.parse(readFileSync(join(subjects, file), 'utf8')) as { subjects: [string, { documents: [string, number][] }][]; vectors: { claims: unknown[] }; readings: unknown[]; judgements: unknown[]; spellings: unknown[] };
    expect(kept.readings.length).toBeGreaterThan(0);
    expect(kept.judgements.length).toBeGreaterThan(0);
    expect(kept.spellings.length).toBeGreaterThan(0);
    expect(kept.subjects.map(([key]) => key.split('\u0000')[1])).toEqual(expect.arrayContaining(['alliance', 'energy', 'ukraine-war']));
    expect(kept.vectors.claims.length).toBeGreaterThan(0);
    const retitled = parse(source.replace('title: Can the bear and the dragon be friends?', 'title: Can the bear and the dragon stay friends?'));
    // Read back in a new run, unchanged, they make the deck composing makes.
    const next = openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), undefined, subjects);
    expect(await next.compose(retitled, store)).toEqual(composeDeck(retitled, store));
    // A topic whose kept subject has no documents gives its slide nothing: the kept file was read.
    for (const entry of kept.subjects) if (entry[0] === '\u0000energy') entry[1].documents = [];
    writeFileSync(join(subjects, file), JSON.stringify(kept));
    const again = openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), undefined, subjects);
    const other = parse(source.replace('title: Can the bear and the dragon be friends?', 'title: Will the bear and the dragon stay friends?'));
    expect(await again.compose(other, store)).not.toEqual(composeDeck(other, store));
  }, 120_000);

  it('reads back the vectors the bottom line\'s storylines are weighed by', async () => {
    const dir = join(tmp, 'vectors');
    const selection = join(dir, 'selection');
    await openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), undefined, selection).compose(parse(source), store);
    const [file] = readdirSync(selection);
    const kept = JSON.parse(readFileSync(join(selection, file), 'utf8'));
    // Vectors kept with one word, each sentence's weight of it larger than the one before: the
    // storylines, read with them, put the last sentences first.
    kept.vectors.claims.forEach((entry: [string, unknown], i: number) => (entry[1] = { stems: ['kept'], weights: [100 * (i + 1)] }));
    for (const entry of kept.vectors.documents) entry[1].vector = { stems: ['kept'], weights: [1] };
    writeFileSync(join(selection, file), JSON.stringify(kept));
    const retitled = parse(source.replace('title: Can the bear and the dragon be friends?', 'title: Can the bear and the dragon stay friends?'));
    const bottomLine = (deck: Deck) => deck.slides.flatMap((s) => (s.kind === 'judgements' && s.bottomLine ? s.judgements.map((j) => j.text) : []));
    const composed = bottomLine(composeDeck(retitled, store).deck);
    const read = await openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), undefined, selection).compose(retitled, store);
    expect(bottomLine(read.deck)).not.toEqual(composed);
  }, 120_000);

  it('reads back which lines show a word the corpus does not spell so', async () => {
    const dir = join(tmp, 'spellings');
    const selection = join(dir, 'selection');
    await openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), undefined, selection).compose(parse(source), store);
    const [file] = readdirSync(selection);
    const kept = JSON.parse(readFileSync(join(selection, file), 'utf8'));
    // Every line kept as misspelt: none of them reaches the bottom line.
    for (const entry of kept.spellings) entry[1] = true;
    writeFileSync(join(selection, file), JSON.stringify(kept));
    const retitled = parse(source.replace('title: Can the bear and the dragon be friends?', 'title: Can the bear and the dragon stay friends?'));
    const read = await openDeckMemory(join(dir, 'decks'), join(dir, 'evidence'), undefined, selection).compose(retitled, store);
    const first = composeDeck(parse(source), store).deck.slides.find((s) => s.kind === 'judgements' && s.bottomLine);
    expect(JSON.stringify(read.deck)).not.toContain(first?.kind === 'judgements' ? first.judgements[0].text : 'no bottom line');
  }, 120_000);
});

describe('a corpus change', () => {
  it('searches again: a document removed from the corpus leaves the deck its kept evidence cited', async () => {
    const project = join(tmp, 'project');
    for (const d of ['briefings', 'corpus', 'themes', 'assets']) cpSync(join(root, d), join(project, d), { recursive: true });
    const file = join(project, 'briefings', 'bear-and-dragon.md');
    const texts = join(project, '.cache/briefdeck/texts');
    const memory = openDeckMemory(join(project, '.cache/briefdeck/decks'), join(project, '.cache/briefdeck/evidence'), texts);
    let before: EvidenceStore | undefined = await loadCorpus({ root: project });
    const spec = parse(source, file);
    const first = await memory.compose(spec, before);
    before.close();
    before = undefined;
    // The document the bottom line cites first leaves the corpus.
    const cited = first.deck.sources[0].docId;
    // A mark in the kept texts of the claims it cites would show on the deck if they were read again.
    const [textFile] = readdirSync(texts);
    const kept = JSON.parse(readFileSync(join(texts, textFile), 'utf8'));
    for (const entry of kept.shown) entry[1].text = 'from the kept texts';
    writeFileSync(join(texts, textFile), JSON.stringify(kept));
    const path = readdirSync(join(project, 'corpus'), { recursive: true }).map(String).find((p) => p.replace(/\.[^.]+$/, '') === cited || p === cited);
    expect(path).toBeDefined();
    unlinkSync(join(project, 'corpus', path!));
    const after = await loadCorpus({ root: project });
    try {
      const edited = parse(reworded(source), file);
      const composed = await memory.compose(edited, after);
      expect(composed).toEqual(composeDeck(edited, after));
      expect(composed.deck.sources.map((s) => s.docId)).not.toContain(cited);
      expect(JSON.stringify(composed.deck)).not.toContain('from the kept texts');
      expect(readdirSync(texts)).toHaveLength(2);
    } finally {
      after.close();
    }
  }, 240_000);
});
