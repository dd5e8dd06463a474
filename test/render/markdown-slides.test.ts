/**
 * Author Markdown slides: the title shows in every format, the Markdown becomes real PowerPoint
 * paragraphs (bullets, numbers, bold, links) instead of literal text, and a long slide is split
 * into continuation slides rather than overflowing. Bullets on plain bullet slides are real
 * bullets in the theme accent, in every theme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Deck, Slide } from '../../src/model.ts';
import { readAuthorMarkdown } from '../../src/layout/author-markdown.ts';
import { renderMarp } from '../../src/render/marp.ts';
import { renderPptx } from '../../src/render/pptx.ts';
import { renderHtml } from '../../src/render/html.ts';
import { hex } from '../../src/render/pptx-masters.ts';
import { BrowserSession } from '../../src/render/browser.ts';
import { findOverflow } from './overflow.ts';
import { THEMES, fixtureDeck, themeFor, laidOut } from './helpers.ts';

const RECOMMENDATION =
  '- Treat the partnership as **durable but lopsided**: plan for continued Chinese support to Moscow.\n' +
  '- Watch energy pricing and arms co-production as the first signs of Chinese leverage being used.\n' +
  '- Prepare options for a post-Putin transition, see [the scenarios](https://example.org/scenarios).';

function deckWith(slides: Slide[]): Deck {
  const deck = fixtureDeck('full');
  deck.slides = slides;
  return deck;
}
const markdownSlide = (markdown: string, title = 'Recommendation'): Slide => ({ kind: 'markdown', title, markdown, notes: [] });
/** Forty numbered recommendations: far more than one slide holds in any theme. */
const LONG = Array.from({ length: 40 }, (_, i) => `${i + 1}. Recommendation number ${i + 1} asks the ministry to act on **item ${i + 1}** before the next review.`).join('\n');

async function slideXml(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  return Promise.all(names.map((n) => zip.file(n)!.async('string')));
}

describe('reading author Markdown', () => {
  it('gives list items, numbers, bold runs and links; a leading heading becomes the title', () => {
    const read = readAuthorMarkdown(`## Author note\n\n${RECOMMENDATION}\n\n3. third\n4. fourth`);
    expect(read.heading).toBe('Author note');
    const paragraphs = read.blocks.flatMap((b) => b.paragraphs);
    expect(paragraphs.map((p) => p.role)).toEqual(['bullet', 'bullet', 'bullet', 'number', 'number']);
    expect(paragraphs.slice(3).map((p) => p.number)).toEqual([3, 4]);
    expect(paragraphs[0].runs.find((r) => r.bold)?.text).toBe('durable but lopsided');
    expect(paragraphs[2].runs.find((r) => r.href)).toEqual({ text: 'the scenarios', href: 'https://example.org/scenarios' });
  });
});

describe('markdown slides', () => {
  it('show their title as a heading in the Marp formats', () => {
    const deck = deckWith([markdownSlide(RECOMMENDATION)]);
    const html = renderMarp(laidOut(deck, themeFor(deck, 'ministry'))).slides[0];
    expect(html).toMatch(/<h2[^>]*>Recommendation<\/h2>/);
    expect(html).toContain('<strong>durable but lopsided</strong>');
  });

  it('are split into continuation slides that keep every item in order, numbering carried on', () => {
    for (const name of THEMES) {
      const deck = deckWith([markdownSlide(LONG)]);
      const fitted = laidOut(deck, themeFor(deck, name)).slides;
      expect(fitted.length).toBeGreaterThan(1);
      expect(fitted.slice(1).every((f) => f.slide.continued)).toBe(true);
      const numbers = fitted.flatMap((f) =>
        readAuthorMarkdown((f.slide as Extract<Slide, { kind: 'markdown' }>).markdown).blocks.flatMap((b) => b.paragraphs.map((p) => p.number)));
      expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const firstPart = readAuthorMarkdown((fitted[0].slide as Extract<Slide, { kind: 'markdown' }>).markdown).blocks.length;
      const second = renderMarp(laidOut(deck, themeFor(deck, name))).slides[1];
      expect(Number(/<ol start="(\d+)"/.exec(second)?.[1])).toBe(firstPart + 1);
    }
  });

  it('become PowerPoint bullets with bold runs and links, not literal Markdown', async () => {
    const deck = deckWith([markdownSlide(RECOMMENDATION)]);
    const theme = themeFor(deck, 'ministry');
    const [xml] = await slideXml(await renderPptx(laidOut(deck, theme)));
    expect(xml).not.toContain('<a:t>- ');
    expect(xml).not.toContain('**');
    expect(xml.match(/<a:buChar /g)).toHaveLength(3);
    expect(xml).toMatch(/<a:rPr[^>]*\bb="1"[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>durable but lopsided<\/a:t>/);
    expect(xml).toContain('<a:hlinkClick');
    expect(xml).toContain('<a:t>Recommendation</a:t>');
  });
});

describe('PPTX bullets', () => {
  it.each(THEMES)('%s: every bullet paragraph has one set of properties and an accent-coloured marker', async (name) => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, name);
    const slides = await slideXml(await renderPptx(laidOut(deck, theme)));
    const bulletSlide = slides[laidOut(deck, theme).slides.findIndex((f) => f.slide.kind === 'bullets')];
    const paragraphs = bulletSlide.match(/<a:p>[\s\S]*?<\/a:p>/g)!.filter((p) => p.includes('<a:buChar'));
    const bullets = (laidOut(deck, theme).slides.find((f) => f.slide.kind === 'bullets')!.slide as Extract<Slide, { kind: 'bullets' }>).bullets;
    expect(paragraphs).toHaveLength(bullets.length);
    for (const p of paragraphs) {
      expect(p.match(/<a:pPr\b/g)).toHaveLength(1);
      expect(p).toContain(`<a:buClr><a:srgbClr val="${hex(theme.palette.accent)}"/></a:buClr>`);
    }
    for (const xml of slides) for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) expect((p.match(/<a:pPr\b/g) ?? []).length).toBeLessThanOrEqual(1);
  });
});

describe('a long markdown slide in Chromium', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.launch();
  }, 60_000);
  afterAll(async () => session?.close());

  it.each(THEMES)('%s: nothing overflows after splitting', async (name) => {
    const deck = deckWith([markdownSlide(`${RECOMMENDATION}\n\nA closing paragraph with *emphasis* and \`code\`.\n\n${LONG}`)]);
    const theme = themeFor(deck, name);
    const page = await session.browser.newPage();
    try {
      await page.setViewport({ width: 1400, height: 800 });
      await page.setJavaScriptEnabled(false);
      await page.setContent(await renderHtml(renderMarp(laidOut(deck, theme))), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const report = await findOverflow(page);
      expect(report.measured).toBe(laidOut(deck, theme).slides.length);
      expect(report.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
