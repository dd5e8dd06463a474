/**
 * `npm run eval`: how good the evidence is, judged against gold the team wrote by hand.
 *
 * For each corpus (the seed articles, and the Reuters-21578 stories vendored under
 * `eval/corpora/`), each spec is composed and every pulled line is looked up in the gold file
 * `eval/gold/<corpus>/<spec>.yaml`:
 *
 * - `lines`: hand judgements of lines as a desk head reads them: ON (belongs under its slide and
 *   the spec's topic), ALONE (understood without the sentence before it), KEY (among what the
 *   audience most needs on that subject). A line is looked up by its slide's title and the text
 *   the slide shows; a line nobody has judged yet is counted as unjudged, never as good.
 *   `--decks=DIR` writes each deck's text as a reviewer reads it (`eval/deck-text.ts`).
 *   `--pending` prints the unjudged lines as YAML to judge; `eval/import-judgements.ts` merges a
 *   judge's file into the gold.
 * - `storylines`: what the bottom line must state. A storyline is hit when one bottom-line line
 *   holds a word from each of its groups (`[[opec], [ceiling, quota]]`; word beginnings).
 * - `quotes`: quote id → the speaker's full name; a quote slide whose speaker differs is wrong.
 *
 * Also per corpus: documents lost (files in the folder that are neither a document nor reported).
 */
import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadCorpus } from '../src/corpus/index.ts';
import { composeDeck } from '../src/deck/index.ts';
import type { Citation, Deck, Diagnostic, Insertion } from '../src/model.ts';
import { parseBriefing } from '../src/spec/index.ts';
import { themeNames } from '../src/theme/index.ts';
import { deckText } from './deck-text.ts';

const root = resolve(import.meta.dirname, '..');

interface CorpusCase {
  name: string;
  corpus: string;
  specs: string[];
}

const CASES: CorpusCase[] = [
  { name: 'seed', corpus: join(root, 'corpus'), specs: [join(root, 'briefings'), join(root, 'eval', 'seed', 'briefings')] },
  { name: 'reuters', corpus: join(root, 'eval', 'corpora', 'reuters-21578-0'), specs: [join(root, 'eval', 'reuters', 'briefings')] },
  { name: 'home-news', corpus: join(root, 'eval', 'corpora', 'home-news'), specs: [join(root, 'eval', 'home-news', 'briefings')] },
];

export interface JudgedLine {
  /** Where the line comes from, when the judge knew it; section and text identify it anyway. */
  doc?: string;
  start?: number;
  section: string;
  text: string;
  on: 0 | 1;
  alone: 0 | 1;
  key: 0 | 1;
  note?: string;
}

export interface Gold {
  storylines?: Array<{ name: string; all: string[][] }>;
  quotes?: Record<string, string>;
  lines?: JudgedLine[];
}

export interface ShownLine {
  section: string;
  kind: string;
  text: string;
  citation: Citation;
  insertions?: Insertion[];
}

/** Every pulled line of a deck with the slide it is on. */
export function shownLines(deck: Deck): ShownLine[] {
  const out: ShownLine[] = [];
  for (const s of deck.slides) {
    const push = (text: string, citation?: Citation, insertions?: Insertion[]) =>
      citation && out.push({ section: s.title, kind: s.kind, text, citation, ...(insertions ? { insertions } : {}) });
    if (s.kind === 'bullets') s.bullets.forEach((b) => push(b.text, b.citation, b.insertions));
    if (s.kind === 'judgements') s.judgements.forEach((b) => push(b.text, b.citation, b.insertions));
    if (s.kind === 'scenarios') s.scenarios.forEach((x) => push(x.text, x.citation));
    if (s.kind === 'timeline') s.events.forEach((e) => push(e.text, e.citation));
    if (s.kind === 'figures') s.figures.forEach((f) => push(`${f.display}: ${f.label}`, f.citation));
  }
  return out;
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
const lineKey = (section: string, text: string) => `${norm(section)}|${norm(text).replace(/^\[[A-Z ]+\]\s*/, '')}`;

export function storylineHits(gold: Gold, deck: Deck): { hit: string[]; missed: string[] } {
  const bluf = deck.slides.find((s) => s.kind === 'judgements' && s.bottomLine);
  const texts = bluf && bluf.kind === 'judgements' ? bluf.judgements.map((b) => b.text.toLowerCase()) : [];
  const hit: string[] = [];
  const missed: string[] = [];
  for (const story of gold.storylines ?? []) {
    const found = texts.some((t) => story.all.every((group) => group.some((w) => new RegExp(`(?<![\\p{L}])${w.toLowerCase()}`, 'u').test(t))));
    (found ? hit : missed).push(story.name);
  }
  return { hit, missed };
}

interface DeckScore {
  spec: string;
  audience: string;
  lines: number;
  judged: number;
  on: number;
  alone: number;
  key: number;
  storylines: string;
  quote: string;
  pending: JudgedLine[];
  /** Judged lines with a mark of 0, for `--failing`. */
  failing: JudgedLine[];
  judgedLines: JudgedLine[];
}

function score(deck: Deck, gold: Gold, spec: string): DeckScore {
  const judged = new Map((gold.lines ?? []).map((l) => [lineKey(l.section, l.text), l]));
  const lines = shownLines(deck);
  const found = lines.map((l) => judged.get(lineKey(l.section, l.text)));
  const known = found.filter((j): j is JudgedLine => !!j);
  const pct = (f: (j: JudgedLine) => number) => (known.length ? Math.round((100 * known.reduce((n, j) => n + f(j), 0)) / known.length) : NaN);
  const { hit, missed } = storylineHits(gold, deck);
  const quoteSlide = deck.slides.find((s) => s.kind === 'quote');
  let quote = 'none';
  if (quoteSlide?.kind === 'quote') {
    const want = gold.quotes?.[quoteSlide.quote.id];
    quote = want === undefined ? 'unjudged' : want === quoteSlide.quote.speaker ? 'right speaker' : `wrong speaker (${quoteSlide.quote.speaker}; gold ${want})`;
  }
  return {
    spec,
    audience: deck.audience,
    lines: lines.length,
    judged: known.length,
    on: pct((j) => j.on),
    alone: pct((j) => j.alone),
    key: pct((j) => j.key),
    storylines: gold.storylines?.length ? `${hit.length}/${hit.length + missed.length}${missed.length ? ` (missed: ${missed.join('; ')})` : ''}` : '—',
    quote,
    failing: known.filter((j) => !j.on || !j.alone || !j.key),
    judgedLines: known,
    pending: lines
      .filter((_, i) => !found[i])
      .map((l) => ({ doc: l.citation.docId, start: l.citation.start, section: l.section, text: norm(l.text), on: 1, alone: 1, key: 1, note: `source: ${norm(l.citation.sentence)}` })),
  };
}

function specFiles(dirs: string[]): string[] {
  return dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.md')).sort().map((f) => join(d, f)) : []));
}

/** Files of the corpus folder that became neither a document nor a message. */
function lostDocuments(dir: string, ids: Set<string>, diagnostics: readonly Diagnostic[]): string[] {
  const reported = new Set(diagnostics.map((d) => d.file));
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(txt|md|html?|pdf)$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
  return files.filter((f) => !ids.has(f.replace(/\.[^.]+$/, '')) && !ids.has(f) && ![...reported].some((r) => r.endsWith(f)));
}

async function main(): Promise<void> {
  const pending = process.argv.includes('--pending');
  const failing = process.argv.includes('--failing');
  const only = process.argv.find((a) => a.startsWith('--corpus='))?.slice('--corpus='.length);
  const decksDir = process.argv.find((a) => a.startsWith('--decks='))?.slice('--decks='.length);
  if (decksDir) mkdirSync(decksDir, { recursive: true });
  const themes = themeNames(root);
  const rows: string[][] = [['corpus', 'spec', 'audience', 'lines', 'judged', 'ON %', 'ALONE %', 'KEY %', 'bottom line storylines', 'quote']];
  const todo: Record<string, JudgedLine[]> = {};
  const pooled = new Map<string, JudgedLine[]>();
  for (const c of CASES) {
    if (only && c.name !== only) continue;
    const store = await loadCorpus({ root, corpusDir: c.corpus, cacheDir: join(root, '.cache', 'eval', c.name) });
    const lost = lostDocuments(c.corpus, new Set(store.documents().map((d) => d.id)), store.diagnostics);
    console.log(`${c.name}: ${store.documents().length} documents, ${lost.length} lost${lost.length ? `: ${lost.slice(0, 5).join(', ')}` : ''}`);
    for (const file of specFiles(c.specs)) {
      const name = file.slice(file.lastIndexOf('/') + 1, -3);
      const { spec, diagnostics } = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes });
      if (!spec) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
      const { deck } = composeDeck(spec, store);
      if (decksDir) writeFileSync(join(decksDir, `${c.name}-${name}.txt`), deckText(deck));
      const goldPath = join(root, 'eval', 'gold', c.name, `${name}.yaml`);
      const gold: Gold = existsSync(goldPath) ? ((parse(readFileSync(goldPath, 'utf8')) as Gold) ?? {}) : {};
      const s = score(deck, gold, name);
      pooled.set(c.name, [...(pooled.get(c.name) ?? []), ...s.judgedLines]);
      const f = (n: number) => (Number.isNaN(n) ? '—' : String(n));
      rows.push([c.name, name, s.audience, String(s.lines), String(s.judged), f(s.on), f(s.alone), f(s.key), s.storylines, s.quote]);
      if (s.pending.length) todo[`${c.name}/${name}`] = s.pending;
      if (failing) for (const j of s.failing) console.log(`  ${c.name}/${name} [${j.section}] on=${j.on} alone=${j.alone} key=${j.key} ${j.text.slice(0, 110)} — ${j.note ?? ''}`);
    }
    store.close();
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('');
  for (const r of rows) console.log(r.map((x, i) => (i === r.length - 1 ? x : x.padEnd(widths[i]))).join('  '));
  console.log('');
  for (const [name, lines] of pooled) {
    const pct = (f: (j: JudgedLine) => number) => Math.round((100 * lines.reduce((n, j) => n + f(j), 0)) / Math.max(1, lines.length));
    console.log(`${name}, all decks: ${lines.length} judged lines, ON ${pct((j) => j.on)}%, ALONE ${pct((j) => j.alone)}%, KEY ${pct((j) => j.key)}%`);
  }
  const unjudged = Object.values(todo).reduce((n, l) => n + l.length, 0);
  if (unjudged) console.log(`\n${unjudged} lines have no gold judgement yet${pending ? '' : ' (npm run eval -- --pending prints them)'}`);
  if (pending) console.log('\n' + stringify(todo, { lineWidth: 0 }));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
