/**
 * The deck title as the search reads it: a number of one or two digits standing alone is read
 * alike whatever it is, so a title renumbered ("(draft 7)", "(draft 8)") keeps its kept evidence
 * and builds the deck a cold build makes; a title whose words changed searches again.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefings } from '../../src/build/index.ts';
import { evidenceKey } from '../../src/build/composed.ts';
import { searchedTitle } from '../../src/build/searched-title.ts';
import { gatherEvidence, sectionsOf } from '../../src/deck/index.ts';
import { helperCalls } from '../../src/deck/assemble.ts';
import { policyFor } from '../../src/deck/policy.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { BriefingSpec, EvidenceStore, HelperCall } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { themeNames } from '../../src/theme/index.ts';

const root = resolve(import.meta.dirname, '../..');
const sample = (name: string) => join(root, 'briefings', `${name}.md`);
const parse = (at: string, text = readFileSync(at, 'utf8')): BriefingSpec => parseBriefing(at, text, { root, themes: themeNames(root) }).spec!;
/** The sample's text with its title followed by `tail`. */
const retitled = (at: string, tail: string) => readFileSync(at, 'utf8').replace(/^title: (.*)$/m, (_, t: string) => `title: ${t}${tail}`);
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-searched-title-'));
let store: EvidenceStore;

beforeAll(async () => {
  store = await loadCorpus({ root });
}, 120_000);
afterAll(() => {
  store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const claims = (extra: Partial<HelperCall> = {}): HelperCall => ({ helper: 'claims', line: 1, column: 1, raw: '{{claims}}', ...extra });

describe('the title the search is given', () => {
  it('writes a number of one or two digits standing alone as 0', () => {
    const of = (title: string) => searchedTitle({ title, topics: ['energy'] }, [claims({ topic: 'energy' })]);
    expect(of('Can the bear and the dragon be friends? (draft 7)')).toBe('Can the bear and the dragon be friends? (draft 0)');
    expect(of('Draft 12: energy and arms')).toBe('Draft 0: energy and arms');
    expect(of('Energy, part 2 — who depends on whom?')).toBe('Energy, part 0 — who depends on whom?');
    expect(of('Energy (#3, revised)')).toBe('Energy (#0, revised)');
  });

  it('leaves a number a reader could tell apart as written', () => {
    const of = (title: string) => searchedTitle({ title, topics: ['energy'] }, [claims({ topic: 'energy' })]);
    // Three digits and more are words; joined to a word or number, or followed by a word or unit, part of one.
    for (const title of ['Energy in 2024', 'Energy (draft 100)', 'G7 energy', 'Energy 1987/88', 'Energy up 15.8', 'A 7-day energy truce', 'Energy: 7 tonnes', 'Energy: 7  tonnes', 'Energy up 7 %', 'Energy: 7 talks', 'Energy draft 7.'])
      expect(of(title)).toBe(title);
    // A topic with a digit is looked for among the title's words as written.
    expect(searchedTitle({ title: 'The G20 in 2 years', topics: ['G20'] }, [])).toBe('The G20 in 2 years');
    expect(searchedTitle({ title: 'Energy (draft 7)', topics: ['energy'] }, [claims({ topic: '5g' })])).toBe('Energy (draft 7)');
    // A bottom line with no topic and no call asking for anything searches for the title's words.
    expect(searchedTitle({ title: 'Energy (draft 7)', topics: [] }, [claims()])).toBe('Energy (draft 7)');
    expect(searchedTitle({ title: 'Energy (draft 7)', topics: [] }, [claims({ query: 'gas' })])).toBe('Energy (draft 0)');
  });
});

describe('the key of a deck\'s evidence after a title edit', () => {
  const key = (spec: BriefingSpec) => evidenceKey(spec, sectionsOf(spec, store, policyFor(spec)), store, false, {});
  it('stays when the title is renumbered, and changes with a word of it', () => {
    const at = sample('bear-and-dragon');
    const k = key(parse(at, retitled(at, ' (draft 7)')));
    expect(key(parse(at, retitled(at, ' (draft 8)')))).toBe(k);
    expect(key(parse(at, retitled(at, ' (draft 12)')))).toBe(k);
    expect(key(parse(at, retitled(at, ' (draft 100)')))).not.toBe(k);
    expect(key(parse(at, retitled(at, ' (redraft 7)')))).not.toBe(k);
    expect(key(parse(at)) ).not.toBe(k);
  });
});

describe('searching with a renumbered title', () => {
  // The search reads the number nowhere: given the title as written, it finds what it finds given 0.
  it.each(['bear-and-dragon', 'energy-arms-dependence', 'ministerial-alignment', 'post-putin-scenarios'])('finds the same evidence in %s', (name) => {
    const at = sample(name);
    const spec = parse(at, retitled(at, ' (draft 2)'));
    const sections = sectionsOf(spec, store, policyFor(spec));
    expect(searchedTitle(spec, helperCalls(sections))).toBe(`${parse(at).title} (draft 0)`);
    expect(gatherEvidence(spec, store, sections)).toEqual(gatherEvidence({ ...spec, title: searchedTitle(spec, helperCalls(sections)) }, store, sections));
  }, 120_000);
});

describe('searching a newswire with a renumbered title', () => {
  // 925 Reuters-21578 stories, whose titles' names scope a deck and whose words qualify its topics:
  // a title that names Japan finds other evidence there, a number of the title none.
  let wire: EvidenceStore;
  beforeAll(async () => {
    wire = await loadCorpus({ root, corpusDir: join(root, 'eval', 'corpora', 'reuters-21578-0'), cacheDir: join(root, '.cache', 'test-newswire-title') });
  }, 300_000);
  afterAll(() => wire?.close());
  const specOf = (name: string, tail: string) => {
    const at = join(root, 'eval', 'reuters', 'briefings', `${name}.md`);
    return parseBriefing(at, readFileSync(at, 'utf8').replace(/^title: (.*)$/m, (_, t: string) => `title: ${t}${tail}`), { root, themes: [] }).spec!;
  };
  const evidenceOf = (spec: BriefingSpec, title = spec.title) => gatherEvidence({ ...spec, title }, wire, sectionsOf(spec, wire, policyFor(spec)));

  it('finds other evidence for a title that names a place', () => {
    const spec = specOf('shipping', ' (draft 2)');
    expect(evidenceOf(spec, spec.title.replace('(draft 2)', '(Japan)'))).not.toEqual(evidenceOf(spec));
  }, 120_000);

  it.each(['shipping', 'indonesia', 'tea', 'taiwan', 'banks-mergers', 'chips-japan', 'gulf', 'grain-soviet', 'ec-farm', 'japan-trade'])('finds the same evidence for %s', (name) => {
    for (const tail of [' (draft 2)', ', part 12']) {
      const spec = specOf(name, tail);
      const searched = searchedTitle(spec, helperCalls(sectionsOf(spec, wire, policyFor(spec))));
      expect(searched).not.toBe(spec.title);
      expect(evidenceOf(spec)).toEqual(evidenceOf(spec, searched));
    }
  }, 120_000);
});

describe('a rebuild after a title edit', () => {
  const files = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => !f.endsWith('.pdf')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

  it('assembles a renumbered title from the kept evidence and searches again for a reworded one, each deck as a cold build makes it', async () => {
    const project = join(tmp, 'project');
    for (const d of ['briefings', 'corpus', 'themes', 'assets']) cpSync(join(root, d), join(project, d), { recursive: true });
    const at = join(project, 'briefings', 'energy-arms-dependence.md');
    const original = readFileSync(at, 'utf8');
    const evidence = join(project, '.cache/briefdeck/evidence');
    const build = async (tail: string, out: string, deckCache = true) => {
      writeFileSync(at, original.replace(/^title: (.*)$/m, (_, t: string) => `title: ${t}${tail}`));
      const result = await buildBriefings({ root: project, specs: [at], outDir: join(tmp, out), formats: ['html'], deckCache });
      expect(result.ok).toBe(true);
      return files(join(tmp, out));
    };
    await build(' (draft 1)', 'first');
    const [kept] = readdirSync(evidence);
    // A mark in the kept evidence shows on the deck when it is read back.
    const file = JSON.parse(readFileSync(join(evidence, kept), 'utf8'));
    const marked = JSON.stringify(file).replaceAll(file.sources[0].title, 'from the kept evidence');
    const renumbered = await build(' (draft 2)', 'renumbered');
    expect(readdirSync(evidence)).toEqual([kept]);
    expect(renumbered).toEqual(await build(' (draft 2)', 'renumbered-cold', false));
    expect(renumbered['energy-arms-dependence.deck.json']).toContain('(draft 2)');
    writeFileSync(join(evidence, kept), marked);
    expect((await build(' (draft 3)', 'marked'))['energy-arms-dependence.deck.json']).toContain('from the kept evidence');
    // A word of the title changed: searched again, the mark gone.
    const reworded = await build(' (second draft 3)', 'reworded');
    expect(readdirSync(evidence)).toHaveLength(2);
    expect(reworded['energy-arms-dependence.deck.json']).not.toContain('from the kept evidence');
    expect(reworded).toEqual(await build(' (second draft 3)', 'reworded-cold', false));
  }, 300_000);
});
