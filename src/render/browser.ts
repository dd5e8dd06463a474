/**
 * Finding and launching Chrome/Chromium, once per build run. Lookup follows marp-cli: the
 * `CHROME_PATH` variable, then the usual install paths, then a browser puppeteer downloaded
 * earlier (we never download one). One `BrowserSession` serves every PDF and handout of a run.
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

export class BrowserSession {
  private constructor(
    readonly browser: Browser,
    readonly executablePath: string,
  ) {}

  static async launch(options: { executablePath?: string; timeoutMs?: number } = {}): Promise<BrowserSession> {
    const executablePath = options.executablePath ?? findBrowser()?.path;
    if (!executablePath)
      throw new Error(
        'no Chrome or Chromium found: set CHROME_PATH, pass --browser-path, or install chromium (apt-get install chromium)',
      );
    const needsNoSandbox = (typeof process.getuid === 'function' && process.getuid() === 0) || Boolean(process.env.CI);
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      timeout: options.timeoutMs ?? 30_000,
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
    return new BrowserSession(browser, executablePath);
  }

  /** A fresh page; close it when done. */
  async newPage(): Promise<Page> {
    return this.browser.newPage();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
