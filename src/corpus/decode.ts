/**
 * Bytes → text. Scraped files arrive in whatever encoding the site used: UTF-8 is tried strictly
 * first; then the charset an HTML page declares; anything else falls back to Windows-1252/Latin-1 with a warning, so no byte is lost and
 * offsets stay stable. Empty and binary files are refused (the caller skips them with a warning).
 */
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: string; fallback: boolean }
  | { ok: false; reason: 'empty' | 'binary' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes look like a binary file: NUL bytes or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * The charset an HTML page declares in its first bytes (`<meta charset>` or the http-equiv
 * content type), when iconv knows it: a page saved from the web says what it is written in.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const name = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  return name && iconv.encodingExists(name) ? name : undefined;
}

export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  let body = bytes;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  if (body.length === 0) return { ok: false, reason: 'empty' };
  if (looksBinary(body)) return { ok: false, reason: 'binary' };
  let decoded: Decoded;
  try {
    decoded = { ok: true, text: utf8.decode(body), encoding: 'utf-8', fallback: false };
  } catch {
    if (declared && !/^utf-?8$/.test(declared))
      return { ok: true, text: iconv.decode(Buffer.from(body), declared), encoding: declared, fallback: false };
    decoded = { ok: true, text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252', fallback: true };
  }
  return decoded.ok && decoded.text.trim() === '' ? { ok: false, reason: 'empty' } : decoded;
}
