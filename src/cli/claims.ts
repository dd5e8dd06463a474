/** `briefdeck claims [QUERY] [--kind K] [--limit N] [--json]`: claims ranked by bm25, best first. */
import { InvalidArgumentError, type Command } from 'commander';
import type { ClaimKind, ScoredClaim } from '../model.ts';
import { table } from '../corpus/report.ts';
import { parseList } from './choices.ts';
import { openCorpusWith } from './corpus.ts';

const KINDS: ClaimKind[] = ['statistic', 'fact', 'assessment', 'forecast', 'attributed'];

/** The `--json` shape of one claim. */
export function claimJson(c: ScoredClaim) {
  return {
    id: c.id,
    text: c.text,
    kind: c.kind,
    docId: c.docId,
    paragraph: c.paragraph,
    start: c.start,
    end: c.end,
    score: c.score,
    figures: c.figures,
    actors: c.actors,
    topics: c.topics,
    likelihood: c.likelihood ?? null,
    attribution: c.attribution ?? null,
    keyTerms: c.keyTerms ?? [],
    flaws: c.flaws ?? [],
  };
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('--limit: expected a positive whole number');
  return n;
}

export function register(program: Command): void {
  program
    .command('claims')
    .description('search the claims of the corpus (bm25), best first')
    .argument('[query...]', 'words to search for')
    .option('-k, --kind <kinds>', `claim kinds, comma-separated (${KINDS.join(', ')})`, (v: string) => parseList(v, KINDS, '--kind'))
    .option('-t, --topic <topics>', 'topics from corpus/topics.yaml, comma-separated', (v: string) => v.split(',').map((s) => s.trim()))
    .option('-n, --limit <n>', 'at most this many claims', positive, 20)
    .option('--json', 'print JSON: [{id, text, kind, …}]')
    .action(async (query: string[], opts: { kind?: ClaimKind[]; topic?: string[]; limit: number; json?: boolean }, cmd: Command) => {
      // The search runs while the corpus folder is listed, and is kept when nothing changed.
      const text = query.join(' ');
      const { store, result } = await openCorpusWith(cmd, (s) => ({
        claims: s.searchClaims({ text: text || undefined, kinds: opts.kind, topics: opts.topic, limit: opts.limit }),
        // Documents in other languages give no claims: what they hold of the search is shown as passages.
        passages: text && !opts.json ? s.searchPassages(text, opts.limit) : [],
      }), 'summary');
      try {
        const { claims, passages } = result;
        if (opts.json) console.log(JSON.stringify(claims.map(claimJson), null, 2));
        else
          console.log(
            table(
              ['SCORE', 'KIND', 'SOURCE', 'CLAIM'],
              claims.map((c) => [c.score.toFixed(2), c.kind + (c.likelihood ? ` (${c.likelihood})` : ''), `${c.docId.slice(0, 12)} ¶${c.paragraph}`, c.text]),
              [6, 24, 17, 100],
            ),
          );
        if (passages.length) {
          const languages = [...new Set(passages.map((p) => p.language))].join(', ');
          console.log(`\nPassages of documents claims are not extracted from (${languages}):`);
          console.log(
            table(
              ['WORDS', 'LANG', 'SOURCE', 'PASSAGE'],
              passages.map((p) => [String(p.score), p.language, `${p.docId.slice(0, 12)} ¶${p.paragraph}`, p.text]),
              [6, 5, 17, 100],
            ),
          );
        }
      } finally {
        store.close();
      }
    });
}
