/**
 * A watch session keeps what selection and compression worked out from the corpus between
 * rebuilds (select/index.ts `keptFor`, deck/env.ts `keptTexts`). What it keeps must change no
 * deck: every rebuild's deck.json is compared, byte for byte, with a cold build of the same spec
 * and corpus in a process of its own, after spec edits (title, sections, audience) and after a
 * corpus change that must invalidate what was kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject } from '../../src/config/index.ts';
import { pipelineDeps } from '../../src/watch/deps.ts';
import { startWatchSession, type WatchSession } from '../../src/watch/run.ts';
import type { WorkspaceEvent } from '../../src/watch/workspace.ts';

const repo = join(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'bd-warm-'));
const specs = readdirSync(join(repo, 'briefings')).filter((f) => f.endsWith('.md')).sort();
const energy = join(root, 'briefings', 'energy-arms-dependence.md');
let session: WatchSession;
let done = 0;

/** The deck.json a fresh `briefdeck build` process writes for this spec, from the same project. */
function coldBuild(spec: string, n: number): string {
  const out = join(root, `cold-${n}`);
  execFileSync(process.execPath, [join(repo, 'bin/briefdeck.js'), '-C', root, 'build', join('briefings', spec), '--format', 'html', '--out', out, '-q'], {
    stdio: 'ignore',
  });
  return readFileSync(join(out, spec.replace(/\.md$/, '.deck.json')), 'utf8');
}

const warm = (spec: string) => readFileSync(join(root, 'out', spec.replace(/\.md$/, '.deck.json')), 'utf8');

async function rebuilt(after: number, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (done <= after) {
    if (Date.now() > end) throw new Error('no rebuild');
    await new Promise((r) => setTimeout(r, 20));
  }
  await session.workspace.idle();
}

beforeAll(async () => {
  for (const dir of ['corpus', 'themes', 'assets', 'briefings']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  const { settings } = openProject(root, { formats: ['html'] });
  session = await startWatchSession({
    settings,
    deps: pipelineDeps,
    verbosity: 'quiet',
    onEvent: (e: WorkspaceEvent) => void (e.type === 'rebuild-done' && done++),
  });
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('rebuilds in a watch session', () => {
  it('write the same deck.json as a cold build, after each edit of a spec', async () => {
    const original = readFileSync(energy, 'utf8');
    const edits = [
      original.replace(/^title: .*$/m, 'title: "Energy and arms, edited"'),
      original.replace(/^audience: analyst$/m, 'audience: executive'),
      original.replace('{{claims "oil gas pipeline Power of Siberia markets" limit=5}}', '{{claims "gas pipeline prices" limit=4}}'),
      original,
    ];
    const first = warm('energy-arms-dependence.md');
    const decks: string[] = [];
    for (const [i, text] of edits.entries()) {
      if (i < edits.length - 1) expect(text, `edit ${i} applies`).not.toBe(original);
      const before = done;
      writeFileSync(energy, text);
      await rebuilt(before);
      const deck = warm('energy-arms-dependence.md');
      expect(deck.length).toBeGreaterThan(1000);
      expect(deck, `edit ${i}`).toBe(coldBuild('energy-arms-dependence.md', i));
      decks.push(deck);
    }
    // Each edit was seen, and the spec as it was gives the deck it gave at the start.
    expect(new Set([first, ...decks.slice(0, 3)]).size).toBe(4);
    expect(decks[3]).toBe(first);
  }, 240_000);

  it('read the corpus afresh once it changes, and still match a cold build', async () => {
    const before = warm('energy-arms-dependence.md');
    // A corpus file the deck cites goes: every deck is rebuilt from the changed corpus.
    const file = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).find((f) => before.includes(f.replace(/\.txt$/, '')));
    expect(file).toBeDefined();
    const n = done;
    unlinkSync(join(root, 'corpus', file!));
    await rebuilt(n);
    const after = warm('energy-arms-dependence.md');
    expect(after).not.toBe(before);
    expect(after).not.toContain(file!.replace(/\.txt$/, ''));
    for (const [i, spec] of specs.entries()) expect(warm(spec), spec).toBe(coldBuild(spec, 100 + i));
  }, 240_000);
});
