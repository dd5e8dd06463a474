/**
 * Merges a judge's line marks into the gold: `tsx eval/import-judgements.ts marks.yaml`, where the
 * file maps a deck (`seed-<spec>`, `rt-<spec>` or `hn-<spec>`, as the review files are named) to entries
 * `{ slide, text, on, alone, key, note? }` (entries without a text, a deck's own scores, are
 * skipped). A line judged again replaces its earlier marks.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Gold, JudgedLine } from './run.ts';

const root = resolve(import.meta.dirname, '..');
const CORPORA: Record<string, string> = { seed: 'seed', rt: 'reuters', hn: 'home-news' };

interface Mark {
  slide: string;
  text: string;
  on: 0 | 1;
  alone: 0 | 1;
  key: 0 | 1;
  note?: string;
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim().replace(/^\[[A-Z ]+\]\s*/, '');

const marks = parse(readFileSync(process.argv[2], 'utf8')) as Record<string, Mark[]>;
let added = 0;
for (const [deck, entries] of Object.entries(marks)) {
  const [prefix, ...rest] = deck.split('-');
  const corpus = CORPORA[prefix];
  if (!corpus) throw new Error(`${deck}: a deck name starts with seed-, rt- or hn-`);
  const dir = join(root, 'eval', 'gold', corpus);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${rest.join('-')}.yaml`);
  const gold: Gold = existsSync(path) ? ((parse(readFileSync(path, 'utf8')) as Gold) ?? {}) : {};
  const lines = new Map<string, JudgedLine>((gold.lines ?? []).map((l) => [`${l.section}|${norm(l.text)}`, l]));
  for (const m of entries) {
    // (A deck's own scores, `{ deck: true, overall, … }`, are the review's, not a line's.)
    if (typeof m.text !== 'string') continue;
    const line: JudgedLine = { section: m.slide, text: norm(m.text), on: m.on, alone: m.alone, key: m.key };
    if (m.note) line.note = m.note;
    lines.set(`${line.section}|${line.text}`, line);
    added++;
  }
  gold.lines = [...lines.values()];
  writeFileSync(path, stringify(gold, { lineWidth: 0 }));
}
console.log(`${added} judgements merged`);
