/** `briefdeck quotes [--speaker S] [--json]`: direct quotations with their speakers. */
import type { Command } from 'commander';
import type { Quote } from '../model.ts';
import { table } from '../corpus/report.ts';
import { openCorpusWith } from './corpus.ts';

/** The `--json` shape of one quote. */
export function quoteJson(q: Quote) {
  return { id: q.id, text: q.text, speaker: q.speaker, cue: q.cue, docId: q.docId, paragraph: q.paragraph, start: q.start, end: q.end, role: q.role ?? null };
}

export function register(program: Command): void {
  program
    .command('quotes')
    .description('direct quotations in the corpus, with speaker and cue')
    .option('-s, --speaker <name>', 'only quotes whose speaker contains this (case-insensitive)')
    .option('--json', 'print JSON: [{id, text, speaker, cue, …}]')
    .action(async (opts: { speaker?: string; json?: boolean }, cmd: Command) => {
      const wanted = opts.speaker?.toLowerCase();
      // The quotes are read while the corpus folder is listed, and kept when nothing changed.
      const { store, result: quotes } = await openCorpusWith(cmd, (s) =>
        s.quotes().filter((q) => !wanted || q.speaker.toLowerCase().includes(wanted) || (q.role ?? '').toLowerCase().includes(wanted)),
      'summary');
      try {
        if (opts.json) console.log(JSON.stringify(quotes.map(quoteJson), null, 2));
        else
          console.log(
            table(
              ['SPEAKER', 'CUE', 'SOURCE', 'QUOTE'],
              quotes.map((q) => [q.role ? `${q.speaker} (${q.role})` : q.speaker, q.cue, `${q.docId.slice(0, 12)} ¶${q.paragraph}`, `“${q.text}”`]),
              [34, 18, 17, 90],
            ),
          );
      } finally {
        store.close();
      }
    });
}
