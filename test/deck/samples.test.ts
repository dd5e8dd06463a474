/**
 * The sample briefings, one per audience, composed on the real corpus: each holds its audience's
 * slide budget, bullets per slide and bullet length; every line is traceable; output is stable.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { composeDeck, isDeletionOf, policyFor, wordCount } from '../../src/deck/index.ts';
import type { Bullet, BriefingSpec, EvidenceStore } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { withoutInsertions } from '../../src/deck/insertions.ts';
import { FULL_SLIDE } from '../../src/select/index.ts';
import { themeNames } from '../../src/theme/index.ts';

const root = resolve(import.meta.dirname, '../..');
let store: EvidenceStore;
beforeAll(async () => { store = await loadCorpus({ root }); });
afterAll(() => store?.close());

const files = readdirSync(resolve(root, 'briefings')).filter((f) => f.endsWith('.md')).sort();
const load = (f: string): BriefingSpec => {
  const path = resolve(root, 'briefings', f);
  const { spec, diagnostics } = parseBriefing(path, readFileSync(path, 'utf8'), { root, themes: themeNames(root) });
  expect(diagnostics).toEqual([]);
  return spec!;
};

describe('sample briefings', () => {
  it('cover all four audiences and point editors at the schema', () => {
    const audiences = files.map((f) => load(f).audience);
    expect(new Set(audiences)).toEqual(new Set(['executive', 'analyst', 'expert', 'public']));
    for (const f of files) expect(readFileSync(resolve(root, 'briefings', f), 'utf8')).toContain('yaml-language-server: $schema=../schema/briefing.schema.json');
  });

  for (const f of files) {
    it(`${f}: composes cleanly within its audience policy`, () => {
      const spec = load(f);
      const policy = policyFor(spec);
      const { deck, diagnostics } = composeDeck(spec, store, { strict: true });
      expect(diagnostics).toEqual([]);
      expect(deck.slides.length).toBeLessThanOrEqual(policy.maxSlides);
      expect(deck.slides[0].kind).toBe('title');
      expect(deck.slides.at(-1)?.kind).toBe('sources');
      expect(deck.citations).toBe(policy.citations);

      // A bullet runs past the audience's length only by its overrun (a sentence that cannot lose
      // those words without losing its point); the bottom line has a quarter more words anyway,
      // and so may a line that keeps a slide from running short of FULL_SLIDE lines.
      const longest = Math.round(policy.maxWords * policy.overrun);
      const longer = Math.round(Math.round(policy.maxWords * 1.25) * policy.overrun);
      const bulletSlides = deck.slides.flatMap((s) =>
        s.kind === 'bullets' ? [{ bullets: s.bullets, words: longest }]
        : s.kind === 'judgements' ? [{ bullets: s.judgements, words: s.bottomLine ? longer : longest }]
        : []);
      expect(bulletSlides.length).toBeGreaterThan(0);
      for (const { bullets, words } of bulletSlides) {
        expect(bullets.length).toBeLessThanOrEqual(policy.bulletsPerSlide);
        const long = (bullets as Bullet[]).filter((b) => wordCount(b.text) > words);
        if (long.length) expect(bullets.length, long[0].text).toBeLessThanOrEqual(FULL_SLIDE);
        for (const b of bullets as Bullet[]) {
          expect(wordCount(b.text), b.text).toBeLessThanOrEqual(longer);
          const c = b.citation!;
          expect(store.document(c.docId)!.text.slice(c.start, c.end)).toBe(c.sentence);
          // Deletions only, besides names in brackets copied from earlier in the same article.
          expect(isDeletionOf(c.sentence, withoutInsertions(b.text, b.insertions)), b.text).toBe(true);
          for (const i of b.insertions ?? []) expect(i.text).toBe(`[${store.document(c.docId)!.text.slice(i.source.start, i.source.end).replace(/\s+/g, ' ')}]`);
        }
      }
      for (const s of deck.slides) {
        if (s.kind === 'quote') expect(store.document(s.quote.docId)!.text.slice(s.quote.start, s.quote.end).replace(/\s+/g, ' ').trim()).toBe(s.quote.text);
        if (s.kind !== 'title' && s.kind !== 'sources' && s.kind !== 'markdown' && s.kind !== 'section') expect(s.notes.length, s.title).toBeGreaterThan(0);
      }
      const cited = new Set(deck.slides.flatMap((s) => (s.kind === 'bullets' ? s.bullets.map((b) => b.citation!.docId) : [])));
      for (const id of cited) expect(deck.sources.map((x) => x.docId)).toContain(id);
    });
  }

  it('the executive deck is compressed harder than the analyst deck', () => {
    const mean = (f: string) => {
      const { deck } = composeDeck(load(f), store);
      const ws = deck.slides.flatMap((s) => (s.kind === 'bullets' ? s.bullets.map((b) => wordCount(b.text)) : []));
      return ws.reduce((a, b) => a + b, 0) / ws.length;
    };
    const exec = files.find((f) => load(f).audience === 'executive')!;
    const analyst = files.find((f) => load(f).audience === 'analyst')!;
    expect(mean(exec)).toBeLessThan(mean(analyst));
  });

  it('lets a bullet run a little past the audience\'s length only when the spec sets none', () => {
    expect(policyFor({ audience: 'public' }).overrun).toBeGreaterThan(1);
    expect(policyFor({ audience: 'public', policy: { words: 22 } }).overrun).toBe(1);
  });

  it('the same spec and corpus always give the same deck.json', () => {
    for (const f of files) expect(JSON.stringify(composeDeck(load(f), store).deck)).toBe(JSON.stringify(composeDeck(load(f), store).deck));
  });

  it('states a line on each topic in an analysis\'s bottom line: the succession in "After Putin — scenarios…"', () => {
    const deck = composeDeck(load('post-putin-scenarios.md'), store).deck;
    const bluf = deck.slides.find((s) => s.kind === 'judgements' && s.bottomLine);
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    expect(bluf.judgements.map((b) => b.text).join('\n')).toMatch(/new leader|successor|change in the Kremlin/);
  });

  it('puts a line under a slide only where its main clause says what the slide asks: not the phrases it opens on ("Despite numerous challenges, considering … shared interests …, the partnership will likely continue to flourish")', () => {
    const deck = composeDeck(load('bear-and-dragon.md'), store).deck;
    const slide = deck.slides.find((s) => s.kind === 'bullets' && s.title === 'Why they get along');
    if (slide?.kind !== 'bullets') throw new Error('no slide on why they get along');
    for (const b of slide.bullets) expect(b.text).not.toMatch(/^(?:\[[A-Z ]+\] )?Despite numerous challenges/);
    expect(slide.bullets.length).toBeGreaterThan(0);
  });

  it('--audience changes the deck, not only its look', () => {
    const spec = load(files.find((f) => load(f).audience === 'analyst')!);
    const asExec = composeDeck({ ...spec, audience: 'executive' }, store).deck;
    const asAnalyst = composeDeck(spec, store).deck;
    expect(asExec.slides.length).toBeLessThanOrEqual(10);
    expect(asExec.slides.length).toBeLessThan(asAnalyst.slides.length);
  });
});
