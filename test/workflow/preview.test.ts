/**
 * The preview server against the real pipeline and a real Chromium page: a temporary project
 * with the real corpus and themes, one spec written by `new`, HTML only to keep it quick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { resolveSettings } from '../../src/config/index.ts';
import { newBriefing } from '../../src/scaffold/index.ts';
import { startWatchSession, type WatchSession } from '../../src/watch/run.ts';
import { pipelineDeps } from '../../src/watch/deps.ts';
import type { WorkspaceEvent } from '../../src/watch/workspace.ts';
import { BrowserSession } from '../../src/render/browser.ts';

const repo = join(import.meta.dirname, '../..');
let root: string;
let session: WatchSession;
let browser: BrowserSession;
let base: string;
const events: WorkspaceEvent[] = [];

/** GET with the path sent exactly as written (no client-side `..` normalisation). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: session.server!.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail).end();
  });
}

const specPath = () => join(root, 'briefings/energy.md');
const setTitle = (title: string) =>
  writeFileSync(specPath(), readFileSync(specPath(), 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bd-preview-'));
  for (const dir of ['corpus', 'themes', 'schema', 'assets']) {
    if (existsSync(join(repo, dir))) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  }
  expect(newBriefing({ root, name: 'energy', topics: ['energy'], audience: 'executive' }).path).toBeTruthy();
  expect(newBriefing({ root, name: 'arms', topics: ['arms-trade'] }).path).toBeTruthy();
  const settings = resolveSettings(root, {}, { formats: ['html'] });
  const sink = new PassThrough() as unknown as NodeJS.WriteStream;
  sink.resume();
  [session, browser] = await Promise.all([
    startWatchSession({
      settings,
      deps: pipelineDeps,
      verbosity: 'quiet',
      previewPort: 0,
      stream: sink,
      onEvent: (e) => events.push(e),
    }),
    BrowserSession.launch(),
  ]);
  base = session.server!.url;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await session?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('briefdeck preview', () => {
  it('listens on 127.0.0.1 only, and refuses requests naming another host', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      const reached = await new Promise<boolean>((done) => {
        const socket = connect({ host: external.address, port: session.server!.port });
        socket.once('connect', () => (socket.destroy(), done(true)));
        socket.once('error', () => done(false));
      });
      expect(reached).toBe(false);
    }
    expect((await get('/', { host: 'attacker.example' })).status).toBe(421);
  });

  it('serves an index of every briefing with title, audience, theme, last build and output links', async () => {
    const { status, body } = await get('/');
    expect(status).toBe(200);
    const energy = /<tr data-briefing="energy">([\s\S]*?)<\/tr>/.exec(body)?.[1] ?? '';
    expect(energy).toContain('Energy');
    expect(energy).toContain('executive');
    expect(energy).toContain('ministry');
    expect(energy).toMatch(/\d\d:\d\d:\d\d/);
    expect(energy).toContain('href="/out/energy.html"');
    expect(body).toContain('<tr data-briefing="arms">');
  });

  it('serves the deck HTML with the live-reload script, and refuses paths outside out/ and assets/', async () => {
    const deck = await get('/out/energy.html');
    expect(deck.status).toBe(200);
    expect(deck.body).toContain('data-briefdeck-reload');
    expect(deck.body).toContain('<section');
    for (const path of [
      '/out/../package.json',
      '/out/%2e%2e/package.json',
      '/assets/../../../etc/passwd',
      '/../etc/passwd',
      '//etc/passwd',
      '/out//etc/passwd',
      '/out/%2Fetc%2Fpasswd',
      '/out/..%5Cpackage.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('root:');
    }
    expect((await get('/corpus/000_eb967fafdfeae713.txt')).status).toBe(404);
    expect((await get('/briefings/energy.md')).status).toBe(404);
  });

  it('reloads an open deck when its spec changes, rebuilding only that spec', async () => {
    const page = await browser.browser.newPage();
    try {
      await page.goto(base + 'out/energy.html', { waitUntil: 'load' });
      await page.waitForFunction(() => document.body.innerText.includes('Energy'));
      await waitFor(() => session.server!.clients() > 0);
      events.length = 0;
      setTitle('Pipelines before the meeting');
      await page.waitForFunction(() => document.body.innerText.includes('Pipelines before the meeting'), { timeout: 20_000 });
      const started = events.filter((e) => e.type === 'rebuild-start');
      expect(started.map((e) => e.type === 'rebuild-start' && e.specs.map((s) => s.slice(root.length)))).toEqual([
        ['/briefings/energy.md'],
      ]);
    } finally {
      await page.close();
    }
  }, 40_000);

  it('shows a build error in the page, over the last good deck, and clears it when fixed', async () => {
    const page = await browser.browser.newPage();
    try {
      await page.goto(base + 'out/energy.html', { waitUntil: 'load' });
      await waitFor(() => session.server!.clients() > 0);
      const good = readFileSync(specPath(), 'utf8');
      writeFileSync(specPath(), good.replace(/^audience: .*$/m, 'audience: executiv'));
      await page.waitForSelector('#briefdeck-error', { timeout: 20_000 });
      const banner = await page.$eval('#briefdeck-error', (el) => (el as HTMLElement).innerText);
      expect(banner).toContain("unknown audience 'executiv'");
      expect(banner).toContain('briefings/energy.md');
      expect((await get('/')).body).toMatch(/<tr data-briefing="energy">[\s\S]*?build failed/);
      writeFileSync(specPath(), good);
      await page.waitForFunction(() => !document.getElementById('briefdeck-error'), { timeout: 20_000 });
    } finally {
      await page.close();
    }
  }, 40_000);
});

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
