/**
 * A browser that crashes or hangs in the middle of a PDF: the session notices (dropped connection
 * or a job timeout), relaunches once and finishes the job; when it fails again the error names the
 * job ("PDF of …"), and errors that are not the browser's fault pass through untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserSession } from '../../src/render/browser.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { fixtureDeck, themeFor, laidOut } from '../render/helpers.ts';
import { renderMarp } from '../../src/render/marp.ts';

const sessions: BrowserSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close().catch(() => {});
});

async function launch(jobTimeoutMs: number): Promise<BrowserSession> {
  const s = await BrowserSession.launch({ jobTimeoutMs });
  sessions.push(s);
  return s;
}

const deck = fixtureDeck('full');
const theme = themeFor(deck, 'analyst');

function pdfPages(bytes: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'bd-pdf-'));
  try {
    writeFileSync(join(dir, 'x.pdf'), bytes);
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'x.pdf')], { encoding: 'utf8' }))![1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a browser that fails mid-render', () => {
  it('is relaunched after a crash (process killed mid-PDF) and the PDF is complete', async () => {
    const session = await launch(30_000);
    const first = session.process.pid!;
    session.browser.once('targetcreated', () => process.kill(first, 'SIGKILL'));
    const pdf = await renderPdf(renderMarp(laidOut(deck, theme)), session);
    expect(session.restarts).toBe(1);
    expect(session.process.pid).not.toBe(first);
    expect(pdfPages(pdf)).toBe(laidOut(deck, theme).slides.length);
  }, 60_000);

  it('is killed and relaunched when it hangs (stopped process, job timeout)', async () => {
    const session = await launch(3_000);
    const first = session.process.pid!;
    session.browser.once('targetcreated', () => process.kill(first, 'SIGSTOP'));
    const started = performance.now();
    const pdf = await renderPdf(renderMarp(laidOut(deck, theme)), session);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(session.restarts).toBe(1);
    expect(pdfPages(pdf)).toBe(laidOut(deck, theme).slides.length);
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(first)).toBe(false);
  }, 60_000);

  it('reports a browser that crashes again after its restart, naming the job', async () => {
    const session = await launch(30_000);
    const job = session.withPage('PDF of energy', async (page) => {
      session.process.kill('SIGKILL');
      return page.pdf();
    });
    await expect(job).rejects.toThrow(/^PDF of energy: the browser crashed, again after a restart$/);
    expect(session.restarts).toBe(1);
  }, 60_000);

  it('reports a page that never answers, naming the job and the time limit', async () => {
    const session = await launch(1_000);
    const job = session.withPage('handout of energy', () => new Promise<never>(() => {}));
    await expect(job).rejects.toThrow(/^handout of energy: the browser did not answer within 1 s, again after a restart$/);
  }, 60_000);

  it('passes a rendering error through without restarting the browser', async () => {
    const session = await launch(30_000);
    await expect(session.withPage('PDF of energy', async () => Promise.reject(new Error('bad slide')))).rejects.toThrow(/^bad slide$/);
    expect(session.restarts).toBe(0);
    // …and the session still renders.
    expect(pdfPages(await renderPdf(renderMarp(laidOut(deck, theme)), session))).toBeGreaterThan(0);
  }, 60_000);
});
