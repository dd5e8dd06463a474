/**
 * The text of built decks, as a reviewer reads them: each slide's title, its pulled lines with
 * their tag, the full source sentence of each line, and the closing slide's notes on the evidence. `tsx eval/deck-text.ts out/*.deck.json`.
 */
import { readFileSync } from 'node:fs';
import type { Bullet, Citation, Deck } from '../src/model.ts';
import { scenarioParts } from '../src/layout/scenario.ts';

export function deckText(deck: Deck): string {
  const out: string[] = [`# ${deck.title} (${deck.audience})`, ''];
  const line = (text: string, c?: Citation) => {
    out.push(`- ${text}${c ? `  [${c.tag}]` : ''}`);
    if (c && c.sentence.replace(/\s+/g, ' ') !== text) out.push(`    source: ${c.sentence.replace(/\s+/g, ' ')}`);
  };
  const bullets = (bs: Bullet[]) => bs.forEach((b) => line(`${b.likelihood ? `[${b.likelihood.toUpperCase()}] ` : ''}${b.text}`, b.citation));
  deck.slides.forEach((s, i) => {
    out.push(`## ${i + 1}. ${s.title} (${s.kind}${s.continued ? ', continued' : ''})`);
    if (s.kind === 'bullets') bullets(s.bullets);
    if (s.kind === 'judgements') bullets(s.judgements);
    if (s.kind === 'quote') line(`“${s.quote.text}” — ${s.quote.speaker}${s.quote.role ? `, ${s.quote.role}` : ''}`, s.citation);
    if (s.kind === 'figures') for (const f of s.figures) line(`${f.display} | ${f.label}`, f.citation);
    if (s.kind === 'scenarios') for (const x of s.scenarios) line(scenarioParts(x).inline ? x.text : `${x.name}: ${x.text}`, x.citation);
    if (s.kind === 'timeline') for (const e of s.events) line(`${e.when}: ${e.text}`, e.citation);
    if (s.kind === 'markdown') out.push(s.markdown);
    if (s.kind === 'sources') for (const e of s.sources) out.push(`- ${e.tag}: ${e.title}${e.date ? ` (${e.date})` : ''}`);
    if (s.kind === 'sources' && s.caveat) out.push(`on the slide: ${s.caveat}`);
    // What the presenter reads about the evidence itself (a thin topic), not a line's citation.
    // (A deck with no line to cite has no sources slide: its title slide carries it.)
    if (s.kind === 'sources' || s.kind === 'title') for (const n of s.notes) if (!n.cites && /^Thin evidence/.test(n.text)) out.push(`speaker note: ${n.text}`);
    out.push('');
  });
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) console.log(deckText(JSON.parse(readFileSync(file, 'utf8')) as Deck));
}
