/**
 * TrueType → WOFF 1.0 (W3C WOFF File Format 1.0, section 3–5): the same tables, each deflated
 * with Node's zlib where that makes it smaller, behind a 44-byte header and a table directory.
 * The HTML deck's faces are subset once as TrueType (which the PDF page embeds as is) and
 * wrapped here, instead of subset a second time and compressed by a JavaScript zlib.
 */
import { deflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const HEADER = 44;
const DIRECTORY_ENTRY = 20;

const padded = (n: number) => (n + 3) & ~3;

/** The WOFF file carrying the tables of `sfnt` (a TrueType or OpenType font). */
export function sfntToWoff(sfnt: Uint8Array): Buffer {
  const src = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const flavor = src.getUint32(0);
  const count = src.getUint16(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + 16 * i;
    const offset = src.getUint32(at + 8);
    const length = src.getUint32(at + 12);
    const data = sfnt.subarray(offset, offset + length);
    const deflated = deflateSync(data);
    return {
      tag: src.getUint32(at),
      checksum: src.getUint32(at + 4),
      length,
      stored: deflated.length < length ? deflated : data,
    };
  });
  const sfntSize = 12 + 16 * count + tables.reduce((n, t) => n + padded(t.length), 0);
  let offset = HEADER + DIRECTORY_ENTRY * count;
  const placed = tables.map((t) => {
    const at = offset;
    offset += padded(t.stored.length);
    return at;
  });
  const woff = Buffer.alloc(offset);
  const out = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  out.setUint32(0, WOFF_SIGNATURE);
  out.setUint32(4, flavor);
  out.setUint32(8, offset);
  out.setUint16(12, count);
  out.setUint32(16, sfntSize);
  out.setUint16(20, 1); // font version 1.0; metadata and private blocks stay empty
  tables.forEach((t, i) => {
    const at = HEADER + DIRECTORY_ENTRY * i;
    out.setUint32(at, t.tag);
    out.setUint32(at + 4, placed[i]);
    out.setUint32(at + 8, t.stored.length);
    out.setUint32(at + 12, t.length);
    out.setUint32(at + 16, t.checksum);
    woff.set(t.stored, placed[i]);
  });
  return woff;
}
