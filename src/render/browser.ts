/**
 * Driving Chrome/Chromium, once per build run. The browser is started by `chromium.ts` (a build
 * starts it before it loads its stages) and driven by puppeteer over its pipe. Lookup follows marp-cli: the
 * `CHROME_PATH` variable, then the usual install paths, then a browser puppeteer downloaded
 * earlier (we never download one). Among installed browsers Chromium's headless shell comes
 * first (Debian's `chromium-headless-shell`, puppeteer's `chrome-headless-shell`): the same Blink
 * without a desktop browser around it, it starts in a third of the time and prints faster, and
 * printing is all a build asks of it. One `BrowserSession` serves every PDF and handout of a run
 * from a small pool of pages that jobs reuse, all in one renderer process, and replaces a
 * browser that crashes or hangs once per job (see `withPage`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
// puppeteer-core's driver without its launcher: the launcher brings the browser downloader and
// its proxy and FTP clients (2 MB of code a build would parse for nothing); the browser is
// started by `chromium.ts` and reached over its pipe.
import { connect as connectDriver } from 'puppeteer-core/internal/puppeteer-core-browser.js';
import { PipeTransport } from 'puppeteer-core/internal/node/PipeTransport.js';
import type { Browser, Page, PuppeteerNode } from 'puppeteer-core';
import { finishPrint, printOnPage, type Printer, type PrintJob } from './print.ts';
import { installedBrowser, startChromium, type StartedChromium } from './chromium.ts';

export { isHeadlessShell, type StartedChromium } from './chromium.ts';

/**
 * A browser puppeteer downloaded into its cache. Only the full `puppeteer` package knows where
 * (its configuration and download layout), so it loads here, on this rare path only: the build
 * drives the browser with `puppeteer-core`.
 */
function puppeteerBrowser(env: NodeJS.ProcessEnv): string | undefined {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  if (!existsSync(cacheDir)) return undefined;
  const downloader = (createRequire(import.meta.url)('puppeteer') as { default: PuppeteerNode }).default;
  for (const headless of ['shell', true] as const) {
    try {
      const path = downloader.executablePath({ headless });
      if (path && existsSync(path)) return path;
    } catch {
      // Not downloaded: try the next.
    }
  }
  return undefined;
}

export function findBrowser(env: NodeJS.ProcessEnv = process.env): { path: string; source: string } | undefined {
  const installed = installedBrowser(env);
  if (installed) return installed;
  const downloaded = puppeteerBrowser(env);
  return downloaded ? { path: downloaded, source: 'puppeteer cache' } : undefined;
}

/** Options for `BrowserSession.launch`. */
export interface BrowserLaunchOptions {
  executablePath?: string;
  /** A browser already started for this run (`startChromium`): connected to instead of starting one. */
  started?: StartedChromium;
  /** Time allowed for the browser to start. */
  timeoutMs?: number;
  /** Time allowed for one rendering job (`withPage`) before the browser counts as hung. */
  jobTimeoutMs?: number;
  /**
   * Pages ready right after launch, for the first jobs (a PDF and a handout): the tab Chromium
   * opens at start (its renderer is already running), plus new ones opened while the deck is
   * still being fitted and rendered. Default 2.
   */
  warmPages?: number;
  /**
   * Jobs that print at once; later ones wait for a page to come free. All pages share one
   * renderer process; a second page lets one document load while the other prints. Default 2.
   */
  maxPages?: number;
}

class JobTimeout extends Error {}

/**
 * One browser for a run. `withPage` guards each rendering job: a browser that crashed (its
 * connection dropped) or hung (no answer within `jobTimeoutMs`) is killed, relaunched once for
 * that job and the job retried; a second failure becomes an error naming the job ("PDF of
 * energy"). Jobs running at the same time share one relaunch.
 */
export class BrowserSession implements Printer {
  /** Relaunches so far (a crashed or hung browser replaced). */
  restarts = 0;
  private generation = 0;
  private relaunching?: Promise<void>;
  /**
   * Pages waiting for a job, taken in order: those opened at launch (`warmPages`), then every
   * page a job finished with. Pages of a failed job are closed, never reused.
   */
  private idle: Promise<Page>[] = [];
  /** Jobs holding a page now, and those waiting for one (`maxPages`). */
  private running = 0;
  private waiting: Array<() => void> = [];

  private constructor(
    private current: Browser,
    private chromium: StartedChromium,
    readonly executablePath: string,
    private readonly options: BrowserLaunchOptions,
  ) {}

  get browser(): Browser {
    return this.current;
  }

  /** The browser's process now (a relaunch replaces it). */
  get process(): ChildProcess {
    return this.chromium.child;
  }

  static async launch(options: BrowserLaunchOptions = {}): Promise<BrowserSession> {
    const executablePath = options.started?.executablePath ?? options.executablePath ?? findBrowser()?.path;
    if (!executablePath)
      throw new Error(
        'no Chrome or Chromium found: set CHROME_PATH, pass --browser PATH, or install Chromium (Debian/Ubuntu: apt-get install chromium); see README › Troubleshooting',
      );
    const chromium = options.started ?? startChromium(executablePath);
    const session = new BrowserSession(await connect(chromium, options.timeoutMs), chromium, executablePath, options);
    session.warmUp(options.warmPages ?? 2);
    return session;
  }

  /** Fills the pool: Chromium's start-up tab first, then new pages, `count` in all. */
  private warmUp(count: number): void {
    if (count <= 0) return;
    const browser = this.current;
    const startTab = browser.pages().then((pages) => pages.find((p) => p.url() === 'about:blank') ?? browser.newPage());
    const pages = [startTab, ...Array.from({ length: count - 1 }, () => browser.newPage())];
    for (const page of pages) page.catch(() => {});
    this.idle.push(...pages);
  }

  /** Prints a document on a pooled page, then writes its metadata and outline. */
  async print(job: PrintJob, accepted?: () => void): Promise<Uint8Array> {
    return finishPrint(await this.withPage(job.name, (page) => printOnPage(page, job, accepted)), job);
  }

  /**
   * Runs `work` on a page of the pool (or a new one when all are busy), relaunching a crashed or
   * hung browser once. `work` must leave nothing behind that the next job could trip on: every
   * job here starts with `setContent`, which replaces the whole document.
   */
  async withPage<T>(job: string, work: (page: Page) => Promise<T>): Promise<T> {
    await this.turn();
    try {
      return await this.runJob(job, work);
    } finally {
      // The slot passes straight to the next job waiting, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Waits until fewer than `maxPages` jobs hold a page (or is handed a finished job's slot). */
  private async turn(): Promise<void> {
    if (this.running < Math.max(1, this.options.maxPages ?? 2)) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private async runJob<T>(job: string, work: (page: Page) => Promise<T>): Promise<T> {
    const limit = this.options.jobTimeoutMs ?? 120_000;
    for (let attempt = 1; ; attempt++) {
      const generation = this.generation;
      try {
        return await this.attempt(work, limit);
      } catch (err) {
        const reason =
          err instanceof JobTimeout
            ? `the browser did not answer within ${Math.round(limit / 1000)} s`
            : !this.current.connected || generation !== this.generation
              ? 'the browser crashed'
              : undefined;
        if (!reason) throw err;
        if (attempt > 1)
          throw new Error(`${job}: ${reason}, again after a restart`, { cause: err });
        await this.relaunch(generation);
      }
    }
  }

  private async attempt<T>(work: (page: Page) => Promise<T>, limit: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new JobTimeout('timeout')), limit);
    });
    let page: Page | undefined;
    const generation = this.generation;
    let reusable = false;
    try {
      const result = await Promise.race([
        timeout,
        (async () => {
          // A pooled page that failed to open, or was closed, is replaced by a new page.
          const pooled = await this.idle.shift()?.catch(() => undefined);
          page = pooled && !pooled.isClosed() ? pooled : await this.current.newPage();
          return work(page);
        })(),
      ]);
      reusable = true;
      return result;
    } finally {
      clearTimeout(timer);
      if (page && reusable && generation === this.generation && this.current.connected) this.idle.push(Promise.resolve(page));
      // A hung browser may never answer the close either.
      else if (page) void page.close().catch(() => {});
    }
  }

  /** Replaces the browser of `generation`, unless another job already did. */
  private async relaunch(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.relaunching ??= (async () => {
      this.idle = [];
      this.chromium.kill();
      await this.current.disconnect().catch(() => {});
      const chromium = startChromium(this.executablePath);
      this.current = await connect(chromium, this.options.timeoutMs);
      this.chromium = chromium;
      this.generation += 1;
      this.restarts += 1;
    })().finally(() => {
      this.relaunching = undefined;
    });
    return this.relaunching;
  }

  /**
   * Nothing of the browser is kept (a headless shell has no profile on disk; a full browser's
   * temporary one is removed once it exits), so it is killed rather than asked to shut down,
   * which is some 50 ms sooner.
   */
  async close(): Promise<void> {
    await this.relaunching?.catch(() => {});
    this.chromium.kill();
    await this.current.disconnect().catch(() => {});
    // A full browser's profile folder goes once it exits.
    if (this.chromium.userDataDir) await this.chromium.exited;
  }
}

/**
 * Lets a launch begun just now spawn Chromium before the caller goes on with long synchronous
 * work (loading a corpus, fitting a deck): puppeteer prepares its launch arguments
 * asynchronously, and a busy event loop would hold the spawn back until the work is done.
 */
export async function letLaunchStart(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Drives a started browser over its pipe; kills it when it does not answer within `timeoutMs`
 * or exits first (the error then says how, with the end of what it printed).
 */
async function connect(chromium: StartedChromium, timeoutMs = 30_000): Promise<Browser> {
  const input = chromium.child.stdio[3] as NodeJS.WritableStream | null;
  const output = chromium.child.stdio[4] as NodeJS.ReadableStream | null;
  // A browser started early may be gone before it is driven (it could not start at all).
  if (chromium.gone !== undefined || !input || !output) {
    chromium.kill();
    throw new Error(`the browser did not start: ${chromium.gone ?? 'no pipe to the browser'}`);
  }
  let timer: NodeJS.Timeout | undefined;
  const transport = new PipeTransport(input, output);
  // (The internal module's declarations are the public `Browser`'s, declared apart.)
  const connecting = connectDriver({ transport }) as Promise<unknown> as Promise<Browser>;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the browser did not start within ${Math.round(timeoutMs / 1000)} s (${chromium.executablePath})`)), timeoutMs);
    void chromium.exited.then((why) => reject(new Error(`the browser did not start: ${why}`)));
  });
  // Whichever loses the race must not count as unhandled.
  connecting.catch(() => {});
  failed.catch(() => {});
  try {
    return await Promise.race([connecting, failed]);
  } catch (err) {
    chromium.kill();
    // The driver hears that the pipe closed: its pending calls end now, instead of keeping this
    // process waiting for their own time limits (minutes).
    transport.onclose?.();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
