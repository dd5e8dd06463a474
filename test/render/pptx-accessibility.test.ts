/**
 * What PowerPoint's Accessibility Checker asks of a deck, checked in the XML of every theme's
 * decks: each slide has its title in a title placeholder (no "Missing slide title"), screen
 * readers meet title, then body, then the source line; charts and pictures have alt text, and
 * every run names its language.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { renderPptx } from '../../src/render/pptx.ts';
import { fixtureDeck, themeFor, THEMES } from './helpers.ts';
import { styledDeck } from './citations.ts';

const shapes = (xml: string) => [...xml.matchAll(/<p:(sp|graphicFrame|pic)>[\s\S]*?<\/p:\1>/g)].map((m) => m[0]);
const textOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');

async function open(deck = fixtureDeck('full'), theme = 'ministry') {
  const zip = await JSZip.loadAsync(await renderPptx(deck, themeFor(deck, theme)));
  const parts = Object.keys(zip.files);
  const read = (re: RegExp) => Promise.all(parts.filter((p) => re.test(p)).map(async (p) => ({ part: p, xml: await zip.file(p)!.async('string') })));
  return { slides: await read(/^ppt\/slides\/slide\d+\.xml$/), pictures: await read(/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/) };
}

describe('PPTX accessibility', () => {
  for (const theme of THEMES)
    it(`${theme}: every slide has its title, first, in a title placeholder`, async () => {
      for (const name of ['full', 'long'] as const) {
        const { slides } = await open(fixtureDeck(name), theme);
        for (const { part, xml } of slides) {
          const all = shapes(xml);
          const titles = all.filter((s) => /<p:ph\b[^>]*type="(title|ctrTitle)"/.test(s));
          expect(titles, part).toHaveLength(1);
          expect(textOf(titles[0]!).trim(), part).not.toBe('');
          expect(all.findIndex((s) => textOf(s).trim() !== ''), part).toBe(all.indexOf(titles[0]!));
        }
      }
    });

  it('reads title, then body, then the source line', async () => {
    const { slides } = await open(styledDeck('full', 'slide'));
    let checked = 0;
    for (const { part, xml } of slides) {
      const all = shapes(xml);
      const body = all.findIndex((s) => /<p:ph\b[^>]*type="body"/.test(s));
      const line = all.findIndex((s) => /^Sources?: /.test(textOf(s)));
      if (body < 0 || line < 0) continue;
      expect(body, part).toBeLessThan(line);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('gives charts and pictures alt text, and every run a language', async () => {
    const { slides, pictures } = await open();
    const framed = pictures.flatMap(({ part, xml }) => shapes(xml).filter((s) => /^<p:(graphicFrame|pic)>/.test(s)).map((s) => ({ part, s })));
    expect(framed.length).toBeGreaterThan(0);
    for (const { part, s } of framed) expect(/<p:cNvPr\b[^>]*\bdescr="([^"]+)"/.exec(s)?.[1], part).toBeTruthy();
    const chart = framed.find(({ s }) => s.includes('<p:graphicFrame>'))!;
    expect(chart.s).toMatch(/descr="Bar chart, [^"]*\d+%/);
    for (const { part, xml } of slides) for (const r of xml.matchAll(/<a:rPr\b[^>]*>/g)) expect(r[0], part).toMatch(/\blang="en-US"/);
  });
});
