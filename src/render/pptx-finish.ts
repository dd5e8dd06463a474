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
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { repairPackage, type Parts } from './pptx-package.ts';

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
 * Applies `tidySlideXml` to every slide of an (uncompressed) pptxgenjs file, the package repairs
 * of `pptx-package.ts`, and compresses the whole once, members in the order pptxgenjs wrote them.
 * fflate writes the archive; each member is deflated by Node's zlib, several times faster than a
 * JavaScript deflate on a cold start.
 */
export function finishPptx(raw: Uint8Array, accent: string, rebuild?: (parts: Parts) => Parts): Uint8Array {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  let parts: Parts = new Map(Object.entries(unzipSync(raw)));
  // A deck on an organisation's template moves into the template's package first.
  if (rebuild) parts = rebuild(parts);
  for (const [name, data] of parts) if (SLIDE.test(name)) parts.set(name, encoder.encode(tidySlideXml(decoder.decode(data), accent)));
  repairPackage(parts);
  for (const [name, content] of parts) {
    const member: ZipInputFile = { filename: name, size: content.length, crc: crc32(content), compression: 8 };
    zip.add(member);
    member.ondata!(null, deflateRawSync(content, { level: 6 }), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
