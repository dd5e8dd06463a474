/**
 * The audience's citation style reaches the Marp Markdown and the PowerPoint slides: `bullet`
 * tags every item, `slide` shows one "Sources: …" line per slide listing exactly the slide's
 * tags (items untagged), `sources-slide` shows no tags on content slides (a quote still names its
 * speaker). Speaker notes keep every full citation in every style. Expectations come from the
 * fixture deck's own citations, not from the renderers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { CitationStyle, Deck, LaidOutSlide, ResolvedTheme, Slide } from '../../src/model.ts';
import { citationLine } from '../../src/layout/index.ts';
import { marpMarkdown } from '../../src/render/marp-markdown.ts';
import { renderPptx } from '../../src/render/pptx.ts';
import { fixtureDeck, laidOut, themeFor } from './helpers.ts';
import { STYLES, bare, distinctTags, itemCitations, parseCitationLine, pptxSlideText, styledDeck } from './citations.ts';

describe('the slide source line', () => {
  const cite = (docId: string, stem: string, paragraph: number) => ({ docId, stem, paragraph });
  it('lists documents in order of first use, each once with its paragraphs in number order', () => {
    expect(citationLine([cite('k', 'Kaczmarski 2022', 5), cite('c', "China's Growing", 12), cite('k', 'Kaczmarski 2022', 9), cite('k', 'Kaczmarski 2022', 5)]))
      .toBe("Sources: Kaczmarski 2022 ¶5, ¶9 · China's Growing ¶12");
    expect(citationLine([cite('a', 'Adan', 12), cite('a', 'Adan', 6)])).toBe('Source: Adan ¶6, ¶12');
    expect(citationLine([])).toBeUndefined();
  });

  it('reads the document and paragraph from the citation, not from its tag', () => {
    const odd = { docId: 'b', stem: 'Blank 2020', paragraph: 3, tag: '[a tag written any way]' };
    expect(citationLine([odd])).toBe('Source: Blank 2020 ¶3');
  });
});

/** One Marp slide block per fitted slide, notes and scoped styles removed, Markdown escapes undone. */
function markdownSlides(md: string): { shown: string[]; notes: string[] } {
  const blocks = md.split('\n\n---\n\n');
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  return {
    shown: blocks.map((b) => unescape(b.replace(/<!--[\s\S]*?-->/g, '').replace(/<style[\s\S]*?<\/style>/g, ''))),
    notes: blocks.map((b) => [...b.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]).join('\n')),
  };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
const sourceLines = (lines: string[]) => lines.filter((l) => /^Sources?: /.test(l.trim()));

/** Asserts one slide's visible text (as lines or paragraphs) shows tags exactly as `style` says. */
function expectShown(style: CitationStyle, f: LaidOutSlide, lines: string[], itemTag: (tag: string) => string): void {
  const cites = itemCitations(f.slide);
  const text = lines.join('\n');
  const where = `${style}: "${f.slide.title}"`;
  if (style === 'bullet') {
    for (const c of cites) expect(count(text, itemTag(c.tag)), where).toBe(cites.filter((d) => d.tag === c.tag).length);
    expect(sourceLines(lines), where).toEqual([]);
  } else if (style === 'slide') {
    const found = sourceLines(lines);
    expect(found, where).toHaveLength(1);
    expect(parseCitationLine(found[0]).tags, where).toEqual(distinctTags(cites));
    const rest = lines.filter((l) => l !== found[0]).join('\n');
    for (const c of cites) expect(rest, where).not.toContain(bare(c.tag));
  } else {
    for (const c of cites) expect(text, where).not.toContain(bare(c.tag));
    expect(sourceLines(lines), where).toEqual([]);
  }
  if (f.slide.kind === 'quote') expect(text, where).toContain(f.slide.quote.speaker);
}

describe.each(STYLES)('citation style %s', (style) => {
  const deck = styledDeck('full', style);
  const theme = themeFor(deck, 'ministry');
  const layout = laidOut(deck, theme);
  const fitted = layout.slides;
  const cited = fitted.map((f, i) => ({ f, i })).filter(({ f }) => itemCitations(f.slide).length > 0);
  let zip: JSZip;
  beforeAll(async () => {
    zip = await JSZip.loadAsync(await renderPptx(layout));
  });

  it('the fixture covers every slide kind that shows tags', () => {
    expect(new Set(cited.map(({ f }) => f.slide.kind))).toEqual(new Set(['judgements', 'bullets', 'quote', 'figures', 'scenarios', 'timeline']));
  });

  it('Marp Markdown shows tags as the style says; its notes keep every full citation', () => {
    const md = markdownSlides(marpMarkdown(layout));
    expect(md.shown).toHaveLength(fitted.length);
    for (const { f, i } of cited) {
      expectShown(style, f, md.shown[i].split('\n'), (tag) => `_${tag}_`);
      for (const c of itemCitations(f.slide)) expect(md.notes[i].replace(/\\(.)/g, '$1')).toContain(c.sentence);
    }
  });

  it('PPTX slides show tags as the style says; notes pages keep every full citation', async () => {
    for (const { f, i } of cited) {
      const { paragraphs, notes } = await pptxSlideText(zip, i + 1);
      expectShown(style, f, paragraphs, (tag) => tag);
      for (const c of itemCitations(f.slide)) expect(notes).toContain(c.sentence);
    }
  });
});

const markdownOf = (deck: Deck, theme: ResolvedTheme) => marpMarkdown(laidOut(deck, theme));

describe('absent citation style', () => {
  it('renders exactly as the bullet style', () => {
    const plain = fixtureDeck('full');
    expect(plain.citations).toBeUndefined();
    const theme = themeFor(plain, 'analyst');
    expect(markdownOf(plain, theme)).toBe(markdownOf(styledDeck('full', 'bullet'), theme));
    expect(markdownOf(plain, theme)).not.toBe(markdownOf(styledDeck('full', 'slide'), theme));
  });
});

describe('fitting measures what is shown', () => {
  const deck = fixtureDeck('long');
  const theme = themeFor(deck, 'public');
  const bullets = deck.slides.find((s) => s.kind === 'bullets') as Extract<Slide, { kind: 'bullets' }>;
  /** How tight the first `k` bullets sit under a style: more pieces, then a smaller type scale, is tighter. */
  const tightness = (k: number, style: CitationStyle) => {
    const pieces = laidOut({ ...deck, citations: style, slides: [{ ...bullets, bullets: bullets.bullets.slice(0, k) }] }, theme).slides;
    return pieces.length * 10 - pieces[0].frame.scale;
  };
  const ks = bullets.bullets.map((_, i) => i + 1);

  it('a slide-style source line takes room from the content', () => {
    for (const k of ks) expect(tightness(k, 'slide')).toBeGreaterThanOrEqual(tightness(k, 'sources-slide'));
    expect(ks.some((k) => tightness(k, 'slide') > tightness(k, 'sources-slide'))).toBe(true);
  });

  it('tags after every bullet take room; without them the same bullets sit looser', () => {
    for (const k of ks) expect(tightness(k, 'bullet')).toBeGreaterThanOrEqual(tightness(k, 'sources-slide'));
    expect(ks.some((k) => tightness(k, 'bullet') > tightness(k, 'sources-slide'))).toBe(true);
  });

  it('each piece of a split slide lists only its own tags', () => {
    const pieces = laidOut(styledDeck('long', 'slide'), theme).slides.filter((f) => f.slide.kind === 'bullets');
    expect(pieces.length).toBeGreaterThan(1);
    for (const f of pieces) expect(parseCitationLine(f.cites.line!).tags).toEqual(distinctTags(itemCitations(f.slide)));
  });
});
