/**
 * `npm run bench:pdf -- a.pdf b.pdf…`: reading order of PDFs against Poppler's `pdftotext`
 * (poppler-utils). For each file, the sentences pdftotext finds (eight words or more, hyphenated
 * line ends joined) are looked up in briefdeck's document text: how many come out whole, and of
 * those, how many follow the one before them in pdftotext's order (pairs in the same order).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ingestFile } from '../src/corpus/read.ts';

const squash = (s: string) => s.replace(/-\s*\n\s*(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();

export function sentencesOf(text: string): string[] {
  return squash(text)
    .split(/(?<=[.!?])\s+(?=[\p{Lu}“"(])/u)
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 8);
}

/** Share of reference sentences found whole, and share of consecutive found pairs in order. */
export function orderScore(reference: string[], text: string): { whole: number; inOrder: number; sentences: number } {
  const flat = squash(text);
  const positions = reference.map((s) => flat.indexOf(s));
  const found = positions.filter((p) => p >= 0);
  let ordered = 0;
  for (let i = 1; i < found.length; i++) if (found[i] > found[i - 1]) ordered++;
  return { sentences: reference.length, whole: found.length / (reference.length || 1), inOrder: ordered / Math.max(1, found.length - 1) };
}

if (import.meta.filename === process.argv[1]) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error('usage: npm run bench:pdf -- file.pdf [file.pdf…]  (needs pdftotext from poppler-utils)');
    process.exit(2);
  }
  console.log('| PDF | pdftotext sentences | whole | in order |\n|---|---|---|---|');
  for (const file of files) {
    const reference = sentencesOf(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    const { document } = await ingestFile({ path: basename(file), bytes: readFileSync(file) });
    const { sentences, whole, inOrder } = orderScore(reference, document?.text ?? '');
    console.log(`| ${basename(file)} | ${sentences} | ${(100 * whole).toFixed(1)}% | ${(100 * inOrder).toFixed(1)}% |`);
  }
}
