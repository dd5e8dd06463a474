/**
 * Oversized inputs meet clear limits, not hangs: an article over the size limit is skipped with a
 * warning, a large one is read in bounded time and memory, a spec asking for 500 slides is told
 * the limit, and 200 sections are cut to the slide budget with a warning. The full-size cases
 * (50 MB, 200 briefings) are in `npm run bench:resources`; these are their light versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigArticle } from '../../bench/resources.ts';
import { CLI, tempProject, type TempProject } from './project.ts';

let project: TempProject;
beforeAll(() => {
  project = tempProject('real', 'bd-res-');
  writeFileSync(join(project.root, 'corpus/long-report.txt'), bigArticle(3 * 2 ** 20));
  writeFileSync(join(project.root, 'rss.cjs'), "process.on('exit', () => process.stderr.write('\\nMAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n");
});
afterAll(() => project?.remove());

/**
 * Runs the command line and waits for it without blocking this worker: a minute-long wait in
 * `spawnSync` would leave the test runner's own messages unanswered on a busy machine.
 */
async function cli(args: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', join(project.root, 'rss.cjs'), CLI, '--root', project.root, ...args], {
    env: { ...process.env, ...env },
    timeout: 150_000,
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return { code, out, seconds: (performance.now() - started) / 1000, rssMb: Number(/MAXRSS_KB=(\d+)/.exec(out)?.[1]) / 1024 };
}

const SPEC = (extra: string, body: string) => `---\ntitle: Resources\naudience: analyst\n${extra}---\n\n${body}\n`;

describe('oversized inputs', () => {
  it('skips an article over the size limit with a warning, and builds the rest', async () => {
    const r = await cli(['build', 'briefings/energy-arms-dependence.md', '--format', 'html', '--out', join(project.root, 'out-limit')], {
      BRIEFDECK_MAX_ARTICLE_MB: '1',
    });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/corpus\/long-report\.txt {2}warning {2}skipped corpus\/long-report\.txt: 3 MB is over the 1 MB limit for one article/);
  }, 160_000);

  it('reads a 3 MB article in bounded time and memory', async () => {
    const r = await cli(['build', 'briefings/energy-arms-dependence.md', '--format', 'html', '--out', join(project.root, 'out-big')]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/too-large/);
    console.log(`3 MB article: ${r.seconds.toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB`);
    expect(r.rssMb).toBeLessThan(1024);
    expect(r.seconds).toBeLessThan(120);
  }, 160_000);

  it('answers a spec asking for 500 slides with the limit, at its line', async () => {
    writeFileSync(join(project.root, 'briefings/asks-500.md'), SPEC('length: 500\n', '{{claims "energy"}}'));
    const r = await cli(['check', 'briefings/asks-500.md']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^briefings\/asks-500\.md:4:\d+ {2}error {2}'length': number must be less than or equal to 60/m);
  }, 160_000);

  it('cuts 200 sections to the slide budget with a warning', async () => {
    const words = ['energy', 'gas', 'oil', 'arms', 'Putin', 'China', 'trade', 'war', 'Ukraine', 'Arctic', 'sanctions', 'yuan'];
    const body = Array.from({ length: 200 }, (_, i) => `## Section ${i + 1}\n\n{{claims "${words[i % words.length]}" limit=2}}`).join('\n\n');
    writeFileSync(join(project.root, 'briefings/sections-500.md'), SPEC('length: 20\n', body));
    const r = await cli(['build', 'briefings/sections-500.md', '--format', 'html,pptx', '--out', join(project.root, 'out-500')]);
    expect(r.code, r.out.slice(0, 3000)).toBe(0);
    expect(r.out).toMatch(/warning {2}the analyst budget is 20 slides; left out/);
    const slides = Number(/sections-500\.md: (\d+) slides/.exec(r.out)?.[1]);
    expect(slides).toBeLessThanOrEqual(20);
    expect(slides).toBeGreaterThan(10);
    expect(r.seconds).toBeLessThan(120);
  }, 160_000);
});
