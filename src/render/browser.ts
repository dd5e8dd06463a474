/**
 * Finding and launching Chrome/Chromium, once per build run. Lookup follows marp-cli: the
 * `CHROME_PATH` variable, then the usual install paths, then a browser puppeteer downloaded
 * earlier (we never download one). Among installed browsers Chromium's headless shell comes
 * first (Debian's `chromium-headless-shell`, puppeteer's `chrome-headless-shell`): the same Blink
 * without a desktop browser around it, it starts in a third of the time and prints faster, and
 * printing is all a build asks of it. One `BrowserSession` serves every PDF and handout of a run
 * from a small pool of pages that jobs reuse, all in one renderer process, and replaces a
 * browser that crashes or hangs once per job (see `withPage`).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { finishPrint, printOnPage, type Printer, type PrintJob } from './print.ts';
import { processAlive } from '../processes.ts';

/** Headless shells first; a path ending in `headless-shell` is launched in shell mode. */
const KNOWN_PATHS = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/lib/chromium/headless_shell',
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

/** Whether `path` is Chromium's headless shell rather than a full browser. */
export function isHeadlessShell(path: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(path);
}

function puppeteerBrowser(env: NodeJS.ProcessEnv): string | undefined {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  if (!existsSync(cacheDir)) return undefined;
  for (const headless of ['shell', true] as const) {
    try {
      const path = puppeteer.executablePath({ headless });
      if (path && existsSync(path)) return path;
    } catch {
      // Not downloaded: try the next.
    }
  }
  return undefined;
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

  /** A fresh page; close it when done. Prefer `withPage`, which survives a crashed browser. */
  async newPage(): Promise<Page> {
    return this.current.newPage();
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

  /**
   * Nothing of the browser is kept (its profile is a temporary folder, removed when it exits),
   * so it is killed rather than asked to shut down, which is some 50 ms sooner.
   */
  async close(): Promise<void> {
    await this.relaunching?.catch(() => {});
    const child = this.current.process();
    if (child) {
      child.kill('SIGKILL');
      await this.current.close().catch(() => {});
    } else if (this.current.connected) await this.current.close();
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

const PROFILE_PREFIX = 'briefdeck-chromium-';

/**
 * A fresh Chromium profile folder named after this process. Folders of processes no longer
 * running are removed first: a build stopped by Ctrl-C or killed cannot remove its own, and
 * each is about a megabyte.
 */
function profileFolder(): string {
  const dir = tmpdir();
  for (const name of readdirSync(dir)) {
    const pid = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid && !processAlive(Number(pid))) removeFolder(join(dir, name));
  }
  return mkdtempSync(join(dir, `${PROFILE_PREFIX}${process.pid}-`));
}

/**
 * Removes a profile folder. A browser that was just killed may still be writing into it
 * (ENOTEMPTY): a few retries, and a folder that stays is removed by the next launch.
 */
function removeFolder(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  } catch {
    // Left for the next launch's sweep of folders whose process is gone.
  }
}

/** Launches Chromium on a profile of its own, removed once the browser is gone. */
async function start(executablePath: string, timeoutMs = 30_000): Promise<Browser> {
  const userDataDir = profileFolder();
  const removeProfile = () => removeFolder(userDataDir);
  try {
    const browser = await launchChromium(executablePath, timeoutMs, userDataDir);
    browser.once('disconnected', removeProfile);
    return browser;
  } catch (err) {
    removeProfile();
    throw err;
  }
}

function launchChromium(executablePath: string, timeoutMs: number, userDataDir: string): Promise<Browser> {
  const needsNoSandbox = (typeof process.getuid === 'function' && process.getuid() === 0) || Boolean(process.env.CI);
  return puppeteer.launch({
    executablePath,
    userDataDir,
    headless: isHeadlessShell(executablePath) ? 'shell' : true,
    // Over a pipe, Chromium exits with us even when we are killed (SIGKILL, OOM); over a
    // WebSocket it would live on as an orphan.
    pipe: true,
    timeout: timeoutMs,
    args: [
      // Fewer processes: the GPU and network services run inside the browser process; without a
      // sandbox no zygote is needed to fork sandboxed renderers, and the headless shell runs its
      // renderer in the browser process too (as serverless PDF services run it). Chromium's
      // start-up then costs about half the CPU, which the build's other thread needs on two cores.
      ...(needsNoSandbox ? ['--no-sandbox', '--no-zygote', ...(isHeadlessShell(executablePath) ? ['--single-process'] : [])] : []),
      '--in-process-gpu',
      '--enable-features=NetworkServiceInProcess2',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--font-render-hinting=none',
      // Every page in one renderer: a second page then opens in tens of milliseconds instead
      // of starting a renderer process of its own, and two cores are busy enough anyway.
      '--renderer-process-limit=1',
    ],
  });
}
