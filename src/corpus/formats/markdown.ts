/**
 * Markdown: YAML front-matter gives metadata; the body is cleaned like any text, its offsets still
 * into the whole file (front-matter included), so provenance points at the file as written.
 */
import { parse } from 'yaml';
import type { MetaHints } from '../metadata.ts';
import { metaFromRecord } from '../sidecar.ts';

export interface FrontMatter {
  bodyStart: number;
  hints: MetaHints;
}

export function readFrontMatter(text: string): FrontMatter {
  const m = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  const heading = /^#\s+(.+)$/m.exec(m ? text.slice(m[0].length) : text);
  let hints: MetaHints = {};
  if (m) {
    try {
      hints = metaFromRecord(parse(m[1]) as unknown);
    } catch {
      hints = {};
    }
  }
  if (!hints.title && heading) hints.title = heading[1].replace(/[#*_`]/g, '').trim();
  return { bodyStart: m ? m[0].length : 0, hints };
}
