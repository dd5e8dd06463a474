/**
 * Bytes → text. Scraped files arrive in whatever encoding the site used: UTF-8 is tried strictly
 * first; anything else falls back to Windows-1252/Latin-1 with a warning, so no byte is lost and
 * offsets stay stable. Empty and binary files are refused (the caller skips them with a warning).
 */
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252'; fallback: boolean }
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

export function decodeText(bytes: Uint8Array): Decoded {
  let body = bytes;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  if (body.length === 0) return { ok: false, reason: 'empty' };
  if (looksBinary(body)) return { ok: false, reason: 'binary' };
  let decoded: Decoded;
  try {
    decoded = { ok: true, text: utf8.decode(body), encoding: 'utf-8', fallback: false };
  } catch {
    decoded = { ok: true, text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252', fallback: true };
  }
  return decoded.ok && decoded.text.trim() === '' ? { ok: false, reason: 'empty' } : decoded;
}
