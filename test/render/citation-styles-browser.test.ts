/**
 * The citation style in real Chromium: the HTML deck's DOM text shows tags exactly as the style
 * says (`bullet`: one `<em>` tag per item; `slide`: no item tags and one source line listing the
 * slide's tags; `sources-slide`: none, a quote still names its speaker), the presenter notes and
 * the handout keep every full citation, and in every theme nothing overflows and the source line
 * never covers the content above it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { BrowserSession } from '../../src/render/browser.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderHandout } from '../../src/render/handout.ts';
import { findOverflow } from './overflow.ts';
import { THEMES, themeFor, laidOut } from './helpers.ts';
import { STYLES, bare, distinctTags, itemCitations, parseCitationLine, styledDeck } from './citations.ts';
import type { Deck, Slide } from '../../src/model.ts';
import { renderMarp } from '../../src/render/marp.ts';

let session: BrowserSession;
beforeAll(async () => {
  session = await BrowserSession.launch();
}, 60_000);
afterAll(async () => session?.close());

async function open(html: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 800 });
  await page.setJavaScriptEnabled(false);
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

interface SectionText {
  cited: boolean;
  ems: string[];
  line: string | null;
  text: string;
  notes: string;
}

const readSections = (page: Page): Promise<SectionText[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('div.marpit > svg > foreignObject > section'), (s, i) => {
      const cited = s.classList.contains('cited');
      const line = cited ? (s.querySelector(':scope > p:last-of-type')?.textContent ?? '') : null;
      return {
        cited,
        ems: Array.from(s.querySelectorAll('em'), (e) => e.textContent ?? ''),
        line,
        text: s.textContent ?? '',
        notes: document.querySelector(`div.bd-notes > aside[data-slide="${i + 1}"]`)?.textContent ?? '',
      };
    }));

describe.each(STYLES)('HTML deck, citation style %s', (style) => {
  it('shows tags as the style says and keeps every full citation in the presenter notes', async () => {
    const deck = styledDeck('full', style);
    const theme = themeFor(deck, 'ministry');
    const fitted = laidOut(deck, theme).slides;
    const page = await open(await renderHtml(renderMarp(laidOut(deck, theme))));
    try {
      const sections = await readSections(page);
      expect(sections).toHaveLength(fitted.length);
      fitted.forEach((f, i) => {
        const cites = itemCitations(f.slide);
        const s = sections[i];
        const where = `${style}: "${f.slide.title}"`;
        if (!cites.length) return expect(s.cited, where).toBe(false);
        for (const c of cites) expect(s.notes, where).toContain(c.sentence);
        if (f.slide.kind === 'quote') expect(s.text, where).toContain(f.slide.quote.speaker);
        if (style === 'bullet') {
          expect(s.ems.sort(), where).toEqual(cites.map((c) => c.tag).sort());
          expect(s.cited, where).toBe(false);
        } else if (style === 'slide') {
          expect(s.cited, where).toBe(true);
          expect(parseCitationLine(s.line!).tags, where).toEqual(distinctTags(cites));
          const rest = s.text.replace(s.line!, '');
          for (const c of cites) expect(rest, where).not.toContain(bare(c.tag));
        } else {
          expect(s.cited, where).toBe(false);
          for (const c of cites) expect(s.text, where).not.toContain(bare(c.tag));
        }
      });
    } finally {
      await page.close();
    }
  });
});

/** For each slide with a source line: how far its top sits below the lowest content box (px, ≥ 0 is clear). */
const lineClearance = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('div.marpit > svg > foreignObject > section.cited'), (s) => {
      const line = s.querySelector(':scope > p:last-of-type')!;
      const scale = s.getBoundingClientRect().width / 1280;
      const content = Array.from(s.querySelectorAll('h2, li, blockquote, table, p')).filter((el) => el !== line);
      const lowest = Math.max(...content.map((el) => el.getBoundingClientRect().bottom));
      return (line.getBoundingClientRect().top - lowest) / scale;
    }));

/**
 * Bullets slides that fill their box as exactly as the fitting step can measure: 1, 2, … 24
 * one-line bullets (the first words of the long deck's bullets), each with its tag. One of them
 * ends just above the source line, which is where a line the fitting step forgot would land.
 */
function fullSlidesDeck(): Deck {
  const deck = styledDeck('long', 'slide');
  const bullets = (deck.slides.find((s) => s.kind === 'bullets') as Extract<Slide, { kind: 'bullets' }>).bullets;
  const short = Array.from({ length: 24 }, (_, i) => {
    const b = bullets[i % bullets.length];
    return { ...b, likelihood: undefined, text: b.text.split(' ').slice(0, 3).join(' ') };
  });
  return { ...deck, slides: short.map((_, i) => ({ kind: 'bullets' as const, title: 'Short lines', notes: [], bullets: short.slice(0, i + 1) })) };
}

describe.each(THEMES)('theme %s', (themeName) => {
  it.each([
    ['full', 'slide'], ['long', 'slide'], ['filled', 'slide'], ['full', 'sources-slide'], ['long', 'sources-slide'],
  ] as const)('%s deck, %s style: nothing overflows, the source line covers no content', async (deckName, style) => {
    const deck = deckName === 'filled' ? fullSlidesDeck() : styledDeck(deckName, style);
    const theme = themeFor(deck, themeName);
    const page = await open(await renderHtml(renderMarp(laidOut(deck, theme))));
    try {
      const report = await findOverflow(page);
      expect(report.measured).toBe(laidOut(deck, theme).slides.length);
      expect(report.problems).toEqual([]);
      const clearance = await lineClearance(page);
      expect(clearance.length).toBe(style === 'slide' ? laidOut(deck, theme).slides.filter((f) => f.cites.line).length : 0);
      for (const px of clearance) expect(px).toBeGreaterThanOrEqual(0);
    } finally {
      await page.close();
    }
  });
});

describe('handout', () => {
  it('keeps every full source sentence when the slides show no tags', async () => {
    const deck = styledDeck('full', 'sources-slide');
    const theme = themeFor(deck, 'public');
    const file = join(mkdtempSync(join(tmpdir(), 'briefdeck-cites-')), 'handout.pdf');
    writeFileSync(file, await renderHandout(renderMarp(laidOut(deck, theme)), session));
    // pdftotext joins words hyphenated at a line end ("student-led" → "studentled"): compare
    // without spaces and hyphens.
    const flat = (s: string) => s.replace(/[\s\u00ad-]+/g, '');
    const text = flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    for (const f of laidOut(deck, theme).slides) for (const c of itemCitations(f.slide)) expect(text).toContain(flat(c.sentence));
  }, 60_000);
});
