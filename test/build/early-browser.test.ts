/**
 * `briefdeck build` starts the browser itself, before it loads its stages, only when the run
 * prints (a spec or `--format` asks for a PDF or a handout), and a browser that cannot start fails
 * the printed formats with a message saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, tempProject, type TempProject } from '../reliability/project.ts';

let project: TempProject;
beforeAll(() => {
  project = tempProject('real', 'bd-early-');
});
afterAll(() => project?.remove());

const build = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, '--root', project.root, 'build', 'briefings/bear-and-dragon.md', '--browser', '/nonexistent/chrome', ...args], {
    encoding: 'utf8',
    env: { ...process.env, BRIEFDECK_TRACE: '1' },
  });

describe('the browser of a build', () => {
  it('is never started when no format is printed', () => {
    const run = build('--format', 'html,pptx', '--out', 'out-html');
    expect(run.stderr).not.toMatch(/browser launch/);
    expect(run.stderr).not.toMatch(/browser started/);
    expect(run.status).toBe(0);
    expect(existsSync(join(project.root, 'out-html', 'bear-and-dragon.pptx'))).toBe(true);
  }, 120_000);

  it('starts before the stages load when one is, and a browser that cannot start says why', () => {
    const run = build('--format', 'html,pdf', '--out', 'out-pdf');
    const stages = run.stderr.split('\n').map((l) => /\] (.*)$/.exec(l)?.[1]);
    expect(stages.indexOf('browser started')).toBeGreaterThan(-1);
    expect(stages.indexOf('browser started')).toBeLessThan(stages.indexOf('build modules loaded'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the browser did not start: could not start \/nonexistent\/chrome/);
    // Nothing of the deck is written when one of its formats failed.
    expect(existsSync(join(project.root, 'out-pdf', 'bear-and-dragon.html'))).toBe(false);
  }, 120_000);
});

describe('a browser that never answers', () => {
  it('is given up at the time limit and killed', async () => {
    const { mkdtempSync, writeFileSync, chmodSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { BrowserSession } = await import('../../src/render/browser.ts');
    const fake = join(mkdtempSync(join(tmpdir(), 'bd-mute-')), 'mute-headless-shell');
    writeFileSync(fake, '#!/bin/sh\nexec sleep 60\n');
    chmodSync(fake, 0o755);
    const started = performance.now();
    await expect(BrowserSession.launch({ executablePath: fake, timeoutMs: 1000 })).rejects.toThrow(/did not start within 1 s/);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(spawnSync('pgrep', ['-f', fake]).status).toBe(1);
  }, 30_000);
});
