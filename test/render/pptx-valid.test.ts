/**
 * Every PowerPoint briefdeck writes is valid Office Open XML as PowerPoint reads it: the vendored
 * validator (`test/tools/pptx-validate --strict`) finds 0 errors in every theme with every slide
 * kind, continuation slides, every citation style, and hostile text. The sample and hostile builds
 * are checked in `test/build/build.test.ts` and `test/reliability/hostile-decks.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { renderPptx } from '../../src/render/pptx.ts';
import { dropEmptyRuns, orderPresentation, pruneContentTypes, twoBarAxes } from '../../src/render/pptx-package.ts';
import type { Deck } from '../../src/model.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile/strings.ts';
import { fixtureDeck, themeFor, THEMES } from './helpers.ts';
import { STYLES, styledDeck } from './citations.ts';
import { validatePptx } from './pptx-validate.ts';

const ALL_THEMES = [...THEMES, 'default'];

describe('PPTX validity', () => {
  for (const name of ['full', 'long'] as const)
    for (const t of ALL_THEMES)
      it(`${name} deck, ${t} theme: 0 errors under --strict`, async () => {
        const deck = fixtureDeck(name);
        const v = validatePptx(await renderPptx(deck, themeFor(deck, t)));
        expect(v.errors).toEqual([]);
        expect(v.last).toBe('pptx-validate: 0 errors');
      }, 60_000);

  for (const style of STYLES)
    it(`citation style ${style}: 0 errors`, async () => {
      const deck = styledDeck('full', style);
      expect(validatePptx(await renderPptx(deck, themeFor(deck, 'analyst'))).errors).toEqual([]);
    }, 60_000);

  it('a deck without classification, footer or notes text, and with hostile strings everywhere: 0 errors', async () => {
    const base = fixtureDeck('full');
    const deck: Deck = {
      ...base,
      classification: undefined,
      overrides: {},
      title: HOSTILE_STRINGS.join(' '),
      slides: base.slides.map((s, i) => ({ ...s, title: `${HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]} ${s.title}` })),
    } as Deck;
    expect(validatePptx(await renderPptx(deck, themeFor(deck, 'public'))).errors).toEqual([]);
  }, 60_000);

  it('writes no folder entries and no Override for a missing part', async () => {
    const deck = fixtureDeck('full');
    const zip = await JSZip.loadAsync(await renderPptx(deck, themeFor(deck, 'ministry')));
    expect(Object.keys(zip.files).filter((n) => n.endsWith('/'))).toEqual([]);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip.file(part), part).not.toBeNull();
  });
});

describe('package repairs', () => {
  it('drop Overrides for absent parts, keep the others', () => {
    const xml = '<Types><Override PartName="/a.xml" ContentType="x"/><Override PartName="/b.xml" ContentType="x"/></Types>';
    expect(pruneContentTypes(xml, (p) => p === 'a.xml')).toBe('<Types><Override PartName="/a.xml" ContentType="x"/></Types>');
  });
  it('move the notes master list after the slide masters', () => {
    const xml = '<p:sldMasterIdLst>M</p:sldMasterIdLst><p:sldIdLst>S</p:sldIdLst><p:notesMasterIdLst>N</p:notesMasterIdLst><p:sldSz/>';
    expect(orderPresentation(xml)).toBe('<p:sldMasterIdLst>M</p:sldMasterIdLst><p:notesMasterIdLst>N</p:notesMasterIdLst><p:sldIdLst>S</p:sldIdLst><p:sldSz/>');
  });
  it('keep two axis ids in a bar chart', () => {
    const xml = '<c:barChart><c:ser/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart><c:catAx><c:axId val="1"/></c:catAx>';
    expect(twoBarAxes(xml)).toBe('<c:barChart><c:ser/><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/></c:catAx>');
  });
  it('drop runs without text, keep the paragraph', () => {
    expect(dropEmptyRuns('<a:p><a:r><a:rPr lang="en-US"/><a:t></a:t></a:r><a:endParaRPr/></a:p>')).toBe('<a:p><a:endParaRPr/></a:p>');
    expect(dropEmptyRuns('<a:p><a:r><a:t>x</a:t></a:r></a:p>')).toBe('<a:p><a:r><a:t>x</a:t></a:r></a:p>');
  });
});
