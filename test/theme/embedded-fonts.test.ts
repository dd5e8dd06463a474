/**
 * The HTML deck carries its own fonts: one `@font-face` per family and weight the theme uses,
 * each a `data:` WOFF cut down to the characters the slides show, valid enough for fontkit to
 * open and holding a glyph for every one of them; every CSS font stack names the metric twins,
 * and PowerPoint gets the same twins from the same table. The Markdown only names fonts.
 */
import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import type { Slide } from '../../src/model.ts';
import { FONT_TWINS, fontStack, officeFontName } from '../../src/theme/fonts.ts';
import { facesUsed, shownCharacters } from '../../src/theme/embed-fonts.ts';
import { themeToMarpCss } from '../../src/theme/css.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderMarp } from '../../src/render/marp.ts';
import { marpMarkdown } from '../../src/render/marp-markdown.ts';
import { pptxFont } from '../../src/render/pptx-masters.ts';
import { THEMES, fixtureDeck, themeFor, laidOut } from '../render/helpers.ts';

interface Face { family: string; weight: number; style: string; bytes: Buffer }

function embeddedFaces(html: string): Face[] {
  const rule = /@font-face\{font-family:'([^']+)';src:url\(data:font\/(?:woff2?|ttf);base64,([A-Za-z0-9+/=]+)\) format\('(?:woff2?|truetype)'\);font-weight:(\d+);font-style:(\w+)/g;
  return [...html.matchAll(rule)].map((m) => ({ family: m[1], bytes: Buffer.from(m[2], 'base64'), weight: Number(m[3]), style: m[4] }));
}

function openFace(bytes: Buffer): fontkit.Font {
  const font = fontkit.create(bytes);
  return 'fonts' in font ? font.fonts[0] : font;
}

/** The visible text of the slides, as a reader sees it. */
function slideText(slides: string[]): string {
  return slides.join(' ').replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

describe('font stacks', () => {
  it('name every twin after the theme family and end on the generic family', () => {
    expect(fontStack('Liberation Sans')).toBe("'Liberation Sans', 'Arial', 'Helvetica', sans-serif");
    expect(fontStack('Liberation Serif')).toBe("'Liberation Serif', 'Times New Roman', 'Times', serif");
    expect(fontStack('Liberation Sans Narrow')).toBe("'Liberation Sans Narrow', 'Arial Narrow', sans-serif");
    expect(fontStack('Liberation Mono')).toBe("'Liberation Mono', 'Courier New', monospace");
    expect(fontStack('DejaVu Sans')).toBe("'DejaVu Sans', 'Verdana', sans-serif");
    expect(fontStack('Some House Font')).toBe("'Some House Font', sans-serif");
  });

  it('reach every font-family in each theme CSS', () => {
    for (const name of THEMES) {
      const theme = themeFor(fixtureDeck('full'), name);
      const css = themeToMarpCss(theme, { banner: true });
      const families = [...css.matchAll(/font-family:\s*([^;}]+)/g)].map((m) => m[1].trim());
      expect(families.length).toBeGreaterThan(5);
      for (const value of families) {
        if (value === 'var(--bd-mono)') continue;
        const family = /^'([^']+)'/.exec(value)?.[1];
        expect(family, value).toBeDefined();
        expect(value, name).toBe(fontStack(family!));
      }
      expect(css).toContain(`--bd-mono: ${fontStack(theme.fonts.mono)}`);
    }
  });

  it('share one twin table with PowerPoint, which takes only metric twins', () => {
    for (const [family, { twins, metric }] of Object.entries(FONT_TWINS)) {
      expect(pptxFont(family)).toBe(metric ? twins[0] : family);
      expect(officeFontName(family)).toBe(pptxFont(family));
    }
    expect(pptxFont('Liberation Serif')).toBe('Times New Roman');
    expect(pptxFont('DejaVu Sans')).toBe('DejaVu Sans');
  });
});

describe('characters to keep', () => {
  it('are the shown text with entities decoded (not markup), in both cases, plus ASCII', () => {
    const kept = shownCharacters(['<section data-note="ß"><p>Tom &amp; Jerry &#39;é&#x142;&quot;</p></section>']);
    for (const ch of "&'\"éÉłŁ0123456789()") expect(kept).toContain(ch);
    expect(kept).not.toContain('ß');
    expect(new Set(kept).size).toBe([...kept].length);
    expect(shownCharacters(['Ж'])).toContain('ж');
  });
});

describe('faces the slides use', () => {
  const markdown = (md: string): Slide => ({ kind: 'markdown', title: 'Note', markdown: md, notes: [] });

  it('add italics and the mono family only for emphasis and code on author Markdown slides', () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, 'ministry');
    const plain = facesUsed(theme, renderMarp(laidOut(deck, theme)).slides);
    expect(plain.map((f) => `${f.family} ${f.bold ? 700 : 400}${f.italic ? ' italic' : ''}`).sort()).toEqual(
      [`${theme.fonts.body} 400`, `${theme.fonts.body} 700`, `${theme.fonts.heading} 400`, `${theme.fonts.heading} 700`].sort(),
    );
    const authored = { ...fixtureDeck('full'), slides: [markdown('Plan *now*, with **bold *and italic*** words and `code`.')] };
    const faces = facesUsed(theme, renderMarp(laidOut(authored, theme)).slides);
    expect(faces).toContainEqual({ family: theme.fonts.body, bold: false, italic: true });
    expect(faces).toContainEqual({ family: theme.fonts.body, bold: true, italic: true });
    expect(faces).toContainEqual({ family: theme.fonts.mono, bold: false, italic: false });
  });
});

describe.each(THEMES)('HTML deck in theme %s', (name) => {
  it('embeds each family and weight as a small data: WOFF that covers every shown character', async () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, name);
    const html = await renderHtml(renderMarp(laidOut(deck, theme)));
    const faces = embeddedFaces(html);
    const want = [theme.fonts.heading, theme.fonts.body].flatMap((family) => [`${family} 400`, `${family} 700`]);
    expect(faces.map((f) => `${f.family} ${f.weight}`).sort()).toEqual([...new Set(want)].sort());
    const shown = [...new Set(slideText(renderMarp(laidOut(deck, theme)).slides))].filter((ch) => ch.trim());
    for (const face of faces) {
      expect(face.bytes.subarray(0, 4).toString('latin1')).toBe('wOFF');
      expect(face.bytes.length).toBeLessThan(20_000);
      const font = openFace(face.bytes);
      expect(font.familyName).toBe(face.family);
      expect(font.characterSet.length).toBeLessThan(400);
      const missing = shown.filter((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id === 0);
      expect(missing, `${face.family} ${face.weight}`).toEqual([]);
    }
    expect(Buffer.byteLength(html)).toBeLessThan(400_000);
  });

  it('keeps the Marp Markdown free of embedded fonts: it names the families and their twins', () => {
    const deck = fixtureDeck('full');
    const theme = themeFor(deck, name);
    const md = marpMarkdown(laidOut(deck, theme));
    expect(md).not.toContain('@font-face');
    expect(md).toContain(fontStack(theme.fonts.body));
  });
});
