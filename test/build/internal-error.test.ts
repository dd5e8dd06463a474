/**
 * An internal error names where it happened: the build's diagnostic keeps the stack, which the
 * CLI prints with --verbose (and only then), so "Maximum call stack size exceeded" on a large
 * corpus points at the function that overflowed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefings } from '../../src/build/index.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import type { EvidenceStore } from '../../src/model.ts';
import { fixtureStore } from '../select/fixture-store.ts';

const root = resolve(import.meta.dirname, '../..');

/** A store whose claims overflow the stack the way a spread over a huge array does. */
function overflowingStore(): EvidenceStore {
  const store = fixtureStore([{ id: 'doc', paragraphs: [[{ text: 'Russia and China signed an energy deal in 2014.' }]] }]);
  return {
    ...store,
    claims: function spreadEveryClaim() {
      const huge = new Array(500_000).fill(1);
      Math.max(...huge);
      return store.claims();
    },
    eachClaim: undefined,
    searchClaims: function searchEverything() {
      const huge = new Array(500_000).fill(1);
      Math.max(...huge);
      return [];
    },
  };
}

describe('an internal error during a build', () => {
  it('says where it happened with --verbose, and only then', async () => {
    const result = await buildBriefings({
      root,
      specs: [join(root, 'briefings', 'bear-and-dragon.md')],
      outDir: mkdtempSync(join(tmpdir(), 'bd-internal-')),
      formats: [],
      store: overflowingStore(),
    });
    const failure = result.decks[0].diagnostics.find((d) => d.code === 'build/failed');
    expect(failure?.message).toMatch(/Maximum call stack size exceeded/);
    expect(failure?.hint).toMatch(/--verbose/);
    const verbose = formatDiagnostic(failure!, false, true);
    expect(verbose).toMatch(/at \S*(searchEverything|spreadEveryClaim)\b.*internal-error\.test\.ts:\d+/);
    expect(verbose).toMatch(/src\/(select|deck)\/[\w-]+\.ts:\d+/);
    expect(formatDiagnostic(failure!)).not.toMatch(/ at /);
  });
});
