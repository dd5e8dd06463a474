/**
 * The rebuild loop: stages replaced by recorders so only the loop's own decisions are under test
 * (what is rebuilt, when the corpus is reloaded, how bursts are batched), with the real watcher;
 * then `build --watch` end to end through the CLI, as a piped (non-TTY) process sees it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSettings } from '../../src/config/index.ts';
import { findSpecs, type BuildOptions, type BuildResult } from '../../src/build/index.ts';
import { BriefingWorkspace, type WorkspaceDeps } from '../../src/watch/workspace.ts';
import type { EvidenceStore } from '../../src/model.ts';
import { newBriefing } from '../../src/scaffold/index.ts';

const repo = join(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'bd-ws-'));
  mkdirSync(join(root, 'briefings'));
  mkdirSync(join(root, 'corpus'));
  mkdirSync(join(root, 'themes/ministry'), { recursive: true });
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'briefings/a.md'), 'a');
  writeFileSync(join(root, 'briefings/b.md'), 'b');
  writeFileSync(join(root, 'corpus/one.txt'), 'one');
  writeFileSync(join(root, 'themes/ministry/theme.yaml'), 'name: ministry');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** Stages that record what they were asked; spec `a` wears ministry, `b` analyst. */
function recorder() {
  const calls = { loads: 0, builds: [] as string[][] };
  const store = { documents: () => [], claims: () => [], quotes: () => [], diagnostics: [], close() {} } as unknown as EvidenceStore;
  const deps: WorkspaceDeps = {
    findSpecs,
    loadStore: async () => (calls.loads++, store),
    build: async (o: BuildOptions): Promise<BuildResult> => {
      const specs = o.specs!.map((s) => s.slice(o.root.length + 1));
      calls.builds.push(specs);
      await new Promise((r) => setTimeout(r, 150));
      return {
        ok: true,
        ms: 1,
        diagnostics: [],
        decks: specs.map((spec) => ({
          spec,
          name: spec.replace(/^.*\/|\.md$/g, ''),
          ok: true,
          theme: spec.includes('a.md') ? 'ministry' : 'analyst',
          slides: 3,
          outputs: [],
          diagnostics: [],
          ms: 1,
        })),
      };
    },
    themeParents: () => ({ ministry: 'default', analyst: 'default' }),
  };
  return { calls, deps };
}

async function until(check: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the rebuild loop', () => {
  it('rebuilds what each saved file touches, and reloads the corpus only for corpus changes', async () => {
    const root = project();
    const { calls, deps } = recorder();
    const ws = new BriefingWorkspace({ settings: resolveSettings(root, {}), deps, watch: true });
    cleanups.push(() => ws.close());
    await ws.start();
    expect(calls.builds).toEqual([['briefings/a.md', 'briefings/b.md']]);
    expect(calls.loads).toBe(1);

    const step = async (change: () => void, expected: string[], loads: number) => {
      const before = calls.builds.length;
      change();
      await until(() => calls.builds.length > before);
      await ws.idle();
      expect(calls.builds.at(-1)).toEqual(expected);
      expect(calls.loads).toBe(loads);
    };
    await step(() => writeFileSync(join(root, 'briefings/b.md'), 'b2'), ['briefings/b.md'], 1);
    await step(() => writeFileSync(join(root, 'themes/ministry/theme.yaml'), 'name: ministry\n'), ['briefings/a.md'], 1);
    await step(() => writeFileSync(join(root, 'corpus/two.txt'), 'two'), ['briefings/a.md', 'briefings/b.md'], 2);
    await step(() => writeFileSync(join(root, 'assets/logo.svg'), '<svg/>'), ['briefings/a.md', 'briefings/b.md'], 2);
    await step(() => writeFileSync(join(root, 'briefings/c.md'), 'c'), ['briefings/c.md'], 2);
    expect([...ws.decks.keys()].map((k) => k.slice(root.length + 1))).toEqual(['briefings/a.md', 'briefings/b.md', 'briefings/c.md']);
  }, 30_000);

  it('batches changes that arrive during a rebuild into one next rebuild', async () => {
    const root = project();
    const { calls, deps } = recorder();
    const ws = new BriefingWorkspace({ settings: resolveSettings(root, {}), deps });
    await ws.start();
    const a = join(root, 'briefings/a.md');
    const b = join(root, 'briefings/b.md');
    void ws.enqueue([{ path: a, event: 'change' }]);
    void ws.enqueue([{ path: b, event: 'change' }]);
    void ws.enqueue([{ path: a, event: 'change' }]);
    await ws.idle();
    expect(calls.builds.slice(1)).toEqual([['briefings/a.md'], ['briefings/a.md', 'briefings/b.md']]);
    await ws.close();
  });
});

describe('briefdeck build --watch', () => {
  it('builds, then rebuilds a saved spec, printing plain lines when piped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bd-watch-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    for (const dir of ['corpus', 'themes', 'assets']) {
      if (existsSync(join(repo, dir))) cpSync(join(repo, dir), join(root, dir), { recursive: true });
    }
    const spec = newBriefing({ root, name: 'energy', topics: ['energy'] }).path!;
    const child = spawn(process.execPath, [join(repo, 'bin/briefdeck.js'), '-C', root, 'build', '--watch', '--format', 'html'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => void child.kill('SIGTERM'));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await until(() => out.includes('watching'), 60_000);
    expect(out).toContain('ok briefings/energy.md');
    expect(out).not.toMatch(/[⠋⠙⠹✔]/); // no spinner frames when not a terminal
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^title: .*$/m, 'title: "Gas first"'));
    await until(() => /changed: briefings\/energy\.md[\s\S]*1 built, 0 failed/.test(out), 20_000);
    expect(readFileSync(join(root, 'out/energy.html'), 'utf8')).toContain('Gas first');
    child.kill('SIGTERM');
    const code = await new Promise((done) => child.once('exit', (c) => done(c)));
    expect(code).toBe(0);
  }, 90_000);
});
