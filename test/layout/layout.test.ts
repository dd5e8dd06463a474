/**
 * The layout stage: the deck the model holds is the deck people see. Every slide is fitted and
 * split once, before any writer runs; the slide budget holds on the slides as laid out; the
 * laid-out deck (what `deck.json` holds), the Marp render and the PowerPoint have the same slides;
 * a split slide's parts keep only the notes about what they show.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Deck, Slide } from '../../src/model.ts';
import { layoutDeck } from '../../src/layout/index.ts';
import { slideCitations } from '../../src/layout/citations.ts';
import { renderMarp } from '../../src/render/marp.ts';
import { renderPptx } from '../../src/render/pptx.ts';
import { fixtureDeck, themeFor, THEMES } from '../render/helpers.ts';

const pptxSlides = async (bytes: Uint8Array) =>
  Object.keys((await JSZip.loadAsync(bytes)).files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;

describe.each(THEMES)('laid out in %s', (name) => {
  it.each(['full', 'long'] as const)('%s: the laid-out deck, the Marp render and the PowerPoint have the same slides', async (deckName) => {
    const deck = fixtureDeck(deckName);
    const { layout } = layoutDeck(deck, themeFor(deck, name));
    expect(layout.deck.slides).toEqual(layout.slides.map((s) => s.slide));
    expect(renderMarp(layout).slides).toHaveLength(layout.slides.length);
    expect(await pptxSlides(await renderPptx(layout))).toBe(layout.slides.length);
  });
});

describe('continuation slides', () => {
  const deck = fixtureDeck('long');
  const { layout } = layoutDeck(deck, themeFor(deck, 'public'));
  const bullets = layout.slides.filter((s) => s.slide.kind === 'bullets');

  it('split a slide that does not fit, titled "(continued)" after the first part', () => {
    expect(bullets.length).toBeGreaterThan(1);
    expect(bullets.map((s) => s.title)).toEqual(bullets.map((s, i) => (i ? `${s.slide.title} (continued)` : s.slide.title)));
    expect(new Set(bullets.map((s) => s.source)).size).toBe(1);
  });

  it('show every item once, in order', () => {
    const shown = bullets.flatMap((s) => (s.slide.kind === 'bullets' ? s.slide.bullets : []));
    const original = deck.slides.find((s) => s.kind === 'bullets') as Extract<Slide, { kind: 'bullets' }>;
    expect(shown).toEqual(original.bullets);
  });

  it("keep the notes about their own lines; the slide's other notes go with its first part", () => {
    const original = deck.slides.find((s) => s.kind === 'bullets')!;
    const general = original.notes.filter((n) => !n.cites).map((n) => n.text);
    expect(general.length).toBeGreaterThan(0);
    bullets.forEach((s, i) => {
      for (const text of general) expect(s.slide.notes.map((n) => n.text).includes(text)).toBe(i === 0);
      for (const n of s.slide.notes.filter((x) => x.cites)) expect(slideCitations(s.slide).some((c) => c.start === n.cites!.start)).toBe(true);
    });
  });

  it("speaker notes give each pulled line's source once", () => {
    for (const s of layout.slides) {
      for (const c of slideCitations(s.slide)) expect(s.notes.filter((n) => n.includes(c.sentence)), s.title).toHaveLength(1);
    }
  });
});

describe("what the evidence lacks, under the sources", () => {
  const caveat = 'Thin evidence: the corpus holds no document that names "retail sales".';
  it('shows on the last of the sources slides, in HTML and in PowerPoint, and nowhere else', async () => {
    const deck = fixtureDeck('long');
    const withCaveat: Deck = { ...deck, slides: deck.slides.map((s) => (s.kind === 'sources' ? { ...s, caveat } : s)) };
    const { layout } = layoutDeck(withCaveat, themeFor(withCaveat, 'public'));
    const parts = layout.slides.filter((s) => s.slide.kind === 'sources');
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.map((p) => (p.slide.kind === 'sources' ? p.slide.caveat : undefined))).toEqual([...parts.slice(1).map(() => undefined), caveat]);
    const html = renderMarp(layout).slides;
    expect(html.filter((x) => x.includes('Thin evidence'))).toHaveLength(1);
    const zip = await JSZip.loadAsync(await renderPptx(layout));
    const xml = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(xml.filter((x) => x.includes('Thin evidence'))).toHaveLength(1);
  });
  it('keeps a sources slide with nothing cited, to say so', () => {
    const deck = fixtureDeck('full');
    const bare: Deck = { ...deck, sources: [], slides: [deck.slides[0], { kind: 'sources', title: 'Sources', sources: [], notes: [], caveat }] };
    const { layout } = layoutDeck(bare, themeFor(bare, 'public'));
    expect(layout.slides.map((s) => s.slide.kind)).toEqual(['title', 'sources']);
  });
});

describe('the slide budget', () => {
  const long = fixtureDeck('long');
  const theme = themeFor(long, 'public');
  const unbudgeted = layoutDeck(long, theme).layout.slides.length;

  it('holds on the slides as laid out: every output has at most `budget` slides, and a message says what went', async () => {
    const deck: Deck = { ...long, budget: long.slides.length };
    expect(unbudgeted).toBeGreaterThan(deck.budget!);
    const { layout, diagnostics } = layoutDeck(deck, theme, { at: { file: 'briefings/long.md', line: 4, column: 9 } });
    expect(layout.slides.length).toBeLessThanOrEqual(deck.budget!);
    expect(layout.deck.slides).toHaveLength(layout.slides.length);
    expect(renderMarp(layout).slides).toHaveLength(layout.slides.length);
    expect(await pptxSlides(await renderPptx(layout))).toBe(layout.slides.length);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'layout/over-budget', severity: 'warning', file: 'briefings/long.md', line: 4 })]);
    expect(diagnostics[0].message).toMatch(/left out: .*\(continued\)/);
    // The title and the Sources slide always stay.
    expect(layout.slides[0].slide.kind).toBe('title');
    expect(layout.slides.at(-1)!.slide.kind).toBe('sources');
  });

  it('lists on the Sources slide only the documents the kept slides cite', () => {
    const { layout } = layoutDeck({ ...long, budget: 2 }, theme);
    const cited = new Set(layout.slides.flatMap((s) => slideCitations(s.slide).map((c) => c.docId)));
    expect(layout.deck.sources.map((s) => s.docId).sort()).toEqual([...cited].sort());
  });

  it('drops the Sources slide with the last slide that cited anything', () => {
    const { layout, diagnostics } = layoutDeck({ ...long, budget: 1 }, theme);
    expect(layout.slides.map((s) => s.slide.kind)).toEqual(['title']);
    expect(layout.deck.sources).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['layout/over-budget']);
  });

  it('says why when even the slides that always stay do not fit it', () => {
    const sources = long.slides.at(-1)!;
    const bottomLine: Slide = { kind: 'judgements', title: 'Bottom line', bottomLine: true, judgements: (long.slides[1] as Extract<Slide, { kind: 'bullets' }>).bullets.slice(0, 2), notes: [] };
    const { layout, diagnostics } = layoutDeck({ ...long, budget: 2, slides: [long.slides[0], bottomLine, sources] }, theme);
    expect(layout.slides.map((s) => s.slide.kind)).toEqual(['title', 'judgements', 'sources']);
    expect(diagnostics.map((d) => d.code)).toEqual(['layout/over-budget', 'layout/over-budget']);
    expect(diagnostics[1].message).toMatch(/alone take 3 slides, over the budget of 2/);
  });

  it('leaves a deck within its budget as it is', () => {
    const { layout, diagnostics } = layoutDeck({ ...long, budget: unbudgeted }, theme);
    expect(layout.slides).toHaveLength(unbudgeted);
    expect(diagnostics).toEqual([]);
  });
});
