/**
 * The little ZIP handling a PowerPoint file needs, on Node's own zlib: reading the entries of
 * the archive pptxgenjs writes (stored, or deflated if it ever changes its mind) and writing them
 * again deflated. Node's native deflate is several times faster than the JavaScript zlib port
 * JSZip uses, and the repaired PPTX is compressed exactly once. No ZIP64, encryption or
 * multi-disk archives: a deck never needs them.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One archive member, as it will be written. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** MS-DOS modification time and date, copied from the source archive. */
  time: number;
  date: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Every member of `zip`, in central-directory order, uncompressed. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const v = view(zip);
  let end = zip.length - 22;
  while (end >= 0 && v.getUint32(end, true) !== END) end--;
  if (end < 0) throw new Error('not a ZIP archive: no end-of-directory record');
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (v.getUint32(at, true) !== CENTRAL) throw new Error('corrupt ZIP central directory');
    const method = v.getUint16(at + 10, true);
    const time = v.getUint16(at + 12, true);
    const date = v.getUint16(at + 14, true);
    const size = v.getUint32(at + 20, true);
    const nameLength = v.getUint16(at + 28, true);
    const skip = nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
    const local = v.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (v.getUint32(local, true) !== LOCAL) throw new Error(`corrupt ZIP entry ${name}`);
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const raw = zip.subarray(start, start + size);
    const data = method === 0 ? raw : method === 8 ? new Uint8Array(inflateRawSync(raw)) : undefined;
    if (!data) throw new Error(`ZIP entry ${name} uses compression method ${method}`);
    entries.push({ name, data, time, date });
    at += 46 + skip;
  }
  return entries;
}

/** An archive of `entries` in the given order: files deflated at `level`, folders stored. */
export function writeZip(entries: readonly ZipEntry[], level = 6): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    const folder = e.name.endsWith('/');
    const body = folder ? e.data : new Uint8Array(deflateRawSync(e.data, { level }));
    const crc = crc32(e.data);
    const header = new Uint8Array(30 + name.length);
    const h = view(header);
    h.setUint32(0, LOCAL, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, UTF8_NAMES, true);
    h.setUint16(8, folder ? 0 : 8, true);
    h.setUint16(10, e.time, true);
    h.setUint16(12, e.date, true);
    h.setUint32(14, crc, true);
    h.setUint32(18, body.length, true);
    h.setUint32(22, e.data.length, true);
    h.setUint16(26, name.length, true);
    header.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const c = view(record);
    c.setUint32(0, CENTRAL, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, UTF8_NAMES, true);
    c.setUint16(10, folder ? 0 : 8, true);
    c.setUint16(12, e.time, true);
    c.setUint16(14, e.date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, e.data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(38, folder ? 0x10 : 0, true);
    c.setUint32(42, offset, true);
    record.set(name, 46);
    parts.push(header, body);
    central.push(record);
    offset += header.length + body.length;
  }
  const directorySize = central.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const z = view(end);
  z.setUint32(0, END, true);
  z.setUint16(8, entries.length, true);
  z.setUint16(10, entries.length, true);
  z.setUint32(12, directorySize, true);
  z.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...central, end]);
}
