/**
 * Finding and launching Chrome/Chromium, once per build run. Lookup follows marp-cli: the
 * `CHROME_PATH` variable, then the usual install paths, then a browser puppeteer downloaded
 * earlier (we never download one). One `BrowserSession` serves every PDF and handout of a run,
 * and replaces a browser that crashes or hangs once per job (see `withPage`).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';

const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function puppeteerBrowser(env: NodeJS.ProcessEnv): string | undefined {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  if (!existsSync(cacheDir)) return undefined;
  try {
    const path = puppeteer.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findBrowser(env: NodeJS.ProcessEnv = process.env): { path: string; source: string } | undefined {
  if (env.CHROME_PATH && existsSync(env.CHROME_PATH)) return { path: env.CHROME_PATH, source: 'CHROME_PATH' };
  for (const path of KNOWN_PATHS) if (existsSync(path)) return { path, source: 'known path' };
  const downloaded = puppeteerBrowser(env);
  return downloaded ? { path: downloaded, source: 'puppeteer cache' } : undefined;
}

/** Options for `BrowserSession.launch`. */
export interface BrowserLaunchOptions {
  executablePath?: string;
  /** Time allowed for the browser to start. */
  timeoutMs?: number;
  /** Time allowed for one rendering job (`withPage`) before the browser counts as hung. */
  jobTimeoutMs?: number;
  /**
   * Pages opened right after launch, for the first jobs (a PDF and a handout): a fresh browser's
   * first page costs twice a later one, and opening them while the deck is still being fitted
   * and rendered takes that off the first deck's time. Default 2.
   */
  warmPages?: number;
}

class JobTimeout extends Error {}

/**
 * One browser for a run. `withPage` guards each rendering job: a browser that crashed (its
 * connection dropped) or hung (no answer within `jobTimeoutMs`) is killed, relaunched once for
 * that job and the job retried; a second failure becomes an error naming the job ("PDF of
 * energy"). Jobs running at the same time share one relaunch.
 */
export class BrowserSession {
  /** Relaunches so far (a crashed or hung browser replaced). */
  restarts = 0;
  private generation = 0;
  private relaunching?: Promise<void>;
  /** Pages opened ahead of the first jobs (`warmPages`), taken in order. */
  private spares: Promise<Page>[] = [];

  private constructor(
    private current: Browser,
    readonly executablePath: string,
    private readonly options: BrowserLaunchOptions,
  ) {}

  get browser(): Browser {
    return this.current;
  }

  static async launch(options: BrowserLaunchOptions = {}): Promise<BrowserSession> {
    const executablePath = options.executablePath ?? findBrowser()?.path;
    if (!executablePath)
      throw new Error(
        'no Chrome or Chromium found: set CHROME_PATH, pass --browser PATH, or install Chromium (Debian/Ubuntu: apt-get install chromium); see README › Troubleshooting',
      );
    const session = new BrowserSession(await start(executablePath, options.timeoutMs), executablePath, options);
    for (let i = 0; i < (options.warmPages ?? 2); i++) {
      const page = session.current.newPage();
      page.catch(() => {});
      session.spares.push(page);
    }
    return session;
  }

  /** A fresh page; close it when done. Prefer `withPage`, which survives a crashed browser. */
  async newPage(): Promise<Page> {
    return this.current.newPage();
  }

  /** Runs `work` on a fresh page, closed afterwards, relaunching a crashed or hung browser once. */
  async withPage<T>(job: string, work: (page: Page) => Promise<T>): Promise<T> {
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
    try {
      return await Promise.race([
        timeout,
        (async () => {
          // A spare that failed to open is replaced by a fresh page.
          const spare = this.spares.shift();
          page = spare ? await spare.catch(() => this.current.newPage()) : await this.current.newPage();
          return work(page);
        })(),
      ]);
    } finally {
      clearTimeout(timer);
      // A hung browser may never answer the close either.
      if (page) void page.close().catch(() => {});
    }
  }

  /** Replaces the browser of `generation`, unless another job already did. */
  private async relaunch(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.relaunching ??= (async () => {
      this.spares = [];
      this.current.process()?.kill('SIGKILL');
      await this.current.close().catch(() => {});
      this.current = await start(this.executablePath, this.options.timeoutMs);
      this.generation += 1;
      this.restarts += 1;
    })().finally(() => {
      this.relaunching = undefined;
    });
    return this.relaunching;
  }

  async close(): Promise<void> {
    await this.relaunching?.catch(() => {});
    if (this.current.connected) await this.current.close();
    else this.current.process()?.kill('SIGKILL');
  }
}

/**
 * Lets a launch begun just now spawn Chromium before the caller goes on with long synchronous
 * work (loading a corpus, fitting a deck): puppeteer creates the browser profile folder first,
 * asynchronously, and a busy event loop would hold the spawn back until the work is done.
 */
export async function letLaunchStart(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 1));
}

function start(executablePath: string, timeoutMs = 30_000): Promise<Browser> {
  const needsNoSandbox = (typeof process.getuid === 'function' && process.getuid() === 0) || Boolean(process.env.CI);
  return puppeteer.launch({
    executablePath,
    headless: true,
    // Over a pipe, Chromium exits with us even when we are killed (SIGKILL, OOM); over a
    // WebSocket it would live on as an orphan.
    pipe: true,
    timeout: timeoutMs,
    args: [
      ...(needsNoSandbox ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}
