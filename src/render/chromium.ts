/**
 * Finding an installed Chrome/Chromium and starting it, without the browser driver: this module
 * loads nothing but Node's own, so `briefdeck build` can start the browser first thing, before it
 * loads its stages, and the browser comes up while the decks are composed (`BrowserSession`
 * connects to it over the pipe when the first PDF needs it).
 *
 * The browser runs as puppeteer would launch it (the same flags, which a test compares with
 * puppeteer's), speaking the DevTools protocol over a pipe: it exits with us even when we are
 * killed (SIGKILL, OOM), where over a WebSocket it would live on as an orphan. Chromium's headless
 * shell keeps its profile in memory when given no profile folder, so it runs without one and
 * leaves nothing to remove; a full browser gets a temporary folder of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../processes.ts';

/** Headless shells first; a path ending in `headless-shell` is launched in shell mode. */
export const KNOWN_PATHS = [
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

/** `CHROME_PATH`, then the usual install paths (a browser puppeteer downloaded is `findBrowser`'s). */
export function installedBrowser(env: NodeJS.ProcessEnv = process.env): { path: string; source: string } | undefined {
  if (env.CHROME_PATH && existsSync(env.CHROME_PATH)) return { path: env.CHROME_PATH, source: 'CHROME_PATH' };
  for (const path of KNOWN_PATHS) if (existsSync(path)) return { path, source: 'known path' };
  return undefined;
}

/** Our own flags, after puppeteer's defaults. */
function ownFlags(executablePath: string): string[] {
  const needsNoSandbox = (typeof process.getuid === 'function' && process.getuid() === 0) || Boolean(process.env.CI);
  return [
    // Fewer processes: the GPU and network services run inside the browser process; without a
    // sandbox no zygote is needed to fork sandboxed renderers, and the headless shell runs its
    // renderer in the browser process too (as serverless PDF services run it). Chromium's
    // start-up then costs about half the CPU, which the build's other thread needs on two cores.
    ...(needsNoSandbox ? ['--no-sandbox', '--no-zygote', ...(isHeadlessShell(executablePath) ? ['--single-process'] : [])] : []),
    '--in-process-gpu',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--font-render-hinting=none',
    // Every page in one renderer: a second page then opens in tens of milliseconds instead
    // of starting a renderer process of its own, and two cores are busy enough anyway.
    '--renderer-process-limit=1',
  ];
}

/** Features on and off: puppeteer's defaults, with the network service in the browser process. */
const DISABLED_FEATURES = ['Translate', 'AcceptCHFrame', 'MediaRouter', 'OptimizationHints', 'WebUIReloadButton', 'ProcessPerSiteUpToMainFrameThreshold', 'IsolateSandboxedIframes'];
const ENABLED_FEATURES = ['PdfOopif', 'NetworkServiceInProcess2'];

/** The flags puppeteer (24) launches Chrome with by default, headless. */
const PUPPETEER_DEFAULTS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
];

/** The command line of a browser started for a build; `userDataDir` only for a full browser. */
export function chromiumArgs(executablePath: string, userDataDir?: string): string[] {
  return [
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    `--enable-features=${ENABLED_FEATURES.join(',')}`,
    ...PUPPETEER_DEFAULTS,
    ...(userDataDir ? [`--user-data-dir=${userDataDir}`] : []),
    isHeadlessShell(executablePath) ? '--headless' : '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    'about:blank',
    ...ownFlags(executablePath),
    '--remote-debugging-pipe',
  ];
}

/** A browser process started for a run, not yet (or no longer) driven. */
export interface StartedChromium {
  executablePath: string;
  child: ChildProcess;
  /** The temporary profile folder of a full browser, removed once it exits. */
  userDataDir?: string;
  /** Settles when the process is gone, or failed to start: then with why, and the end of what it printed. */
  exited: Promise<string>;
  /** Why the process is gone, once it is (what `exited` settles with). */
  gone?: string;
  /**
   * Ends the process (SIGKILL: nothing of it is kept). Without a profile folder to remove, this
   * process does not wait for it to be gone before exiting.
   */
  kill(): void;
}

/** Starts `executablePath` with `chromiumArgs`, the protocol on file descriptors 3 (in) and 4 (out). */
export function startChromium(executablePath: string): StartedChromium {
  const userDataDir = isHeadlessShell(executablePath) ? undefined : profileFolder();
  const child = spawn(executablePath, chromiumArgs(executablePath, userDataDir), { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  // A pipe of a killed browser may report a reset (ECONNRESET, EPIPE) after the driver let go:
  // the exit says all there is to say.
  for (const stream of child.stdio) stream?.on('error', () => {});
  // Its messages are only read when it fails to start; the last few kilobytes are enough.
  let said = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    said = (said + chunk.toString()).slice(-4000);
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    // A killed browser takes a while to be torn down (up to half a second on a busy machine);
    // this process need not stay for that, unless a profile folder is still to be removed.
    if (userDataDir) return;
    child.unref();
    for (const stream of child.stdio) (stream as { unref?: () => void } | null)?.unref?.();
  };
  // Like a browser puppeteer launched, it never outlives this process.
  process.once('exit', kill);
  const started: StartedChromium = { executablePath, child, userDataDir, exited: Promise.resolve(''), kill };
  started.exited = new Promise<string>((resolve) => {
    const done = (why: string) => {
      if (started.gone !== undefined) return;
      process.off('exit', kill);
      started.gone = `${why}${said.trim() ? `:\n${said.trim().split('\n').slice(-5).join('\n')}` : ''}`;
      if (!userDataDir) return resolve(started.gone);
      void removeOnceFree(userDataDir).then(() => resolve(started.gone!));
    };
    child.once('error', (err) => done(`could not start ${executablePath}: ${err.message}`));
    child.once('exit', (code, signal) => done(`${executablePath} exited (${signal ?? `code ${code}`})`));
  });
  return started;
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
 * Removes a profile folder once the browser's helper processes, which outlive its main process by
 * a moment (seconds on a busy machine) and may write into it again, have stopped: gone at two
 * checks in a row, a tenth of a second apart, within five seconds.
 */
async function removeOnceFree(path: string): Promise<void> {
  let absent = 0;
  for (let i = 0; i < 50 && absent < 2; i++) {
    // (Its helpers name the folder on their command line: where the system lists them, they are
    // ended first, so none writes into it again.)
    for (const pid of processesNaming(path)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    removeFolder(path);
    absent = existsSync(path) ? 0 : absent + 1;
    if (absent < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The processes whose command line names `path` (from /proc where there is one; none elsewhere). */
function processesNaming(path: string): number[] {
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(`--user-data-dir=${path}`)) out.push(Number(name));
    } catch {
      // Ended while listed.
    }
  }
  return out;
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
