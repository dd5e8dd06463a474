/** `briefdeck check`: every problem of every spec, parse and composition, without building. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBriefings } from '../../src/cli/check.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { EvidenceStore } from '../../src/model.ts';

const root = resolve(import.meta.dirname, '../..');
let store: EvidenceStore;
beforeAll(async () => { store = await loadCorpus({ root }); });
afterAll(() => store?.close());

describe('briefdeck check', () => {
  it('finds nothing wrong with the sample briefings', async () => {
    const { files, diagnostics } = await checkBriefings(root, [], { store });
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(diagnostics).toEqual([]);
  });

  it('reports parse and composition problems of several specs together, sorted by file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-check-'));
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\naudience: exec\n---\n{{figurs}}\n');
    writeFileSync(join(dir, 'b.md'), '---\ntitle: B\n---\n## Gas\n{{claims "pipline"}}\n');
    const { diagnostics } = await checkBriefings(root, [dir], { store, strict: true });
    expect(diagnostics.map((d) => [d.file.replace(/.*\//, ''), d.line, d.code])).toEqual([
      ['a.md', 3, 'spec/unknown-audience'],
      ['a.md', 5, 'spec/unknown-helper'],
      ['b.md', 4, 'deck/empty-section'],
      ['b.md', 5, 'select/no-match'],
    ]);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('says so when a spec file does not exist', async () => {
    const { diagnostics } = await checkBriefings(root, ['briefings/nope.md'], { store });
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'check/missing-file' });
  });
});
