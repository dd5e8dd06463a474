/**
 * Which files the corpus reads (by extension) and their content hash: all the loader needs to
 * decide what is new or changed, without loading the reading and extraction stages.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { DocumentFormat } from '../model.ts';

export const FORMAT_OF_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

export function formatOf(path: string): DocumentFormat | undefined {
  return FORMAT_OF_EXTENSION[extname(path).toLowerCase()];
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
