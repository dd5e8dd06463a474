/**
 * Two repairs to the slide XML pptxgenjs writes, made on the finished file:
 * - pptxgenjs writes a paragraph-properties element for every run, so a bullet paragraph whose
 *   second run (a source tag) has no bullet ends up with a second `<a:pPr>` saying `buNone`;
 *   that is invalid OOXML and LibreOffice obeys the last one, losing the bullet. Only the first
 *   `<a:pPr>` of each paragraph is kept.
 * - pptxgenjs cannot colour bullets; every bullet and list number is given the theme accent, as
 *   `li::marker` is in the Marp CSS.
 */
import { hex } from './pptx-masters.ts';
import { unzipSync, zipSync, type Zippable } from 'fflate';

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PARAGRAPH_PROPS = /<a:pPr\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/g;

export function tidySlideXml(xml: string, accent: string): string {
  const colour = `<a:buClr><a:srgbClr val="${hex(accent)}"/></a:buClr>`;
  return xml.replace(PARAGRAPH, (_whole, inner: string) => {
    let first = true;
    const kept = inner.replace(PARAGRAPH_PROPS, (props) => {
      if (!first) return '';
      first = false;
      return props.replace(/<a:buSzPct /, `${colour}<a:buSzPct `);
    });
    return `<a:p>${kept}</a:p>`;
  });
}

const SLIDE = /^ppt\/slides\/slide\d+\.xml$/;

/**
 * Applies `tidySlideXml` to every slide of an (uncompressed) pptxgenjs file and compresses the
 * whole once, members in the order pptxgenjs wrote them.
 */
export function finishPptx(raw: Uint8Array, accent: string): Uint8Array {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const files: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(raw)))
    files[name] = SLIDE.test(name) ? encoder.encode(tidySlideXml(decoder.decode(data), accent)) : data;
  return zipSync(files, { level: 6 });
}
