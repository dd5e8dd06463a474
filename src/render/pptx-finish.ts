/**
 * Two repairs to the slide XML pptxgenjs writes, made on the finished file:
 * - pptxgenjs writes a paragraph-properties element for every run, so a bullet paragraph whose
 *   second run (a source tag) has no bullet ends up with a second `<a:pPr>` saying `buNone`;
 *   that is invalid OOXML and LibreOffice obeys the last one, losing the bullet. Only the first
 *   `<a:pPr>` of each paragraph is kept.
 * - pptxgenjs cannot colour bullets; every bullet and list number is given the theme accent, as
 *   `li::marker` is in the Marp CSS.
 */
import JSZip from 'jszip';
import { hex } from './pptx-masters.ts';

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

/** Applies `tidySlideXml` to every slide of an (uncompressed) pptxgenjs file and compresses it. */
export async function finishPptx(raw: Uint8Array, accent: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(raw);
  const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  await Promise.all(slides.map(async (name) => zip.file(name, tidySlideXml(await zip.file(name)!.async('string'), accent))));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
