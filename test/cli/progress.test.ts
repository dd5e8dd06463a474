/** Build progress off a terminal (piped, CI): a line every few seconds of a corpus read, not one per fifty files. */
import { describe, expect, it } from 'vitest';
import { createReporter } from '../../src/cli/progress.ts';

function piped() {
  const written: string[] = [];
  const stream = { isTTY: false, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, lines: () => written.join('').split('\n').filter(Boolean) };
}

describe('corpus progress off a terminal', () => {
  it('prints nothing but the summary for a corpus checked in a fraction of a second', () => {
    const out = piped();
    const reporter = createReporter('/p', 'normal', out.stream);
    for (let i = 1; i <= 925; i++) reporter.onProgress({ type: 'corpus-file', path: `corpus/${i}.txt`, processed: false, files: i, ms: i * 0.05 });
    reporter.onProgress({ type: 'corpus', documents: 925, claims: 4874, quotes: 172, ms: 70 } as never);
    expect(out.lines()).toEqual(['corpus: 925 documents, 4874 claims, 172 quotes (0.07s)']);
  });

  it('reports a long read every two seconds', () => {
    const out = piped();
    const reporter = createReporter('/p', 'normal', out.stream);
    for (let i = 1; i <= 100; i++) reporter.onProgress({ type: 'corpus-file', path: `corpus/${i}.txt`, processed: true, files: i, ms: i * 100 });
    expect(out.lines()).toEqual(['corpus: 20 files, 20 read (2.00s)', 'corpus: 40 files, 40 read (4.00s)', 'corpus: 60 files, 60 read (6.00s)', 'corpus: 80 files, 80 read (8.00s)', 'corpus: 100 files, 100 read (10.00s)']);
  });
});
