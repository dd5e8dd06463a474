#!/usr/bin/env node
/**
 * Makes a fresh clone ready to run: installs npm dependencies when they are missing or stale,
 * builds dist/ when it is missing or older than src/ (scripts/build.mjs), and installs the system
 * tools briefdeck drives (Chromium; with --test also poppler-utils and LibreOffice Impress, which
 * the tests use as independent PDF and PPTX readers, xmllint for the PPTX validator, and
 * PostgreSQL, whose server the store tests start and stop themselves). Debian packages are installed
 * only when running as root on a Debian-like system; otherwise it says what to install and stops.
 * Plain Node on purpose: it runs before any dependency exists.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--test');
const say = (msg) => process.stderr.write(`bootstrap: ${msg}\n`);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    say(`'${cmd} ${args.join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// 1. npm dependencies: install when node_modules is missing or older than the lockfile.
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
  say('installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { PUPPETEER_SKIP_DOWNLOAD: process.env.PUPPETEER_SKIP_DOWNLOAD ?? 'true' });
}

// 2. The compiled command line: dist/ is built when it is missing or older than src/.
run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale']);

// 3. System packages.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = isRoot && has('apt-get');
const missing = [];
// 0: Chromium's headless shell found, 4: a full browser only, 3: none (see src/render/browser.ts).
const browserStatus = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    "const { findBrowser, isHeadlessShell } = await import('./src/render/browser.ts'); const b = findBrowser(); process.exit(!b ? 3 : isHeadlessShell(b.path) ? 0 : 4);",
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
).status;
if (browserStatus !== 0 && browserStatus !== 4) missing.push({ pkg: 'chromium', why: 'renders PDF decks and handouts' });
// The headless shell prints the same pages and starts in a third of the time: installed where
// the distribution has it (Debian 12 and later), never required.
const optional = [];
const aptKnows = (pkg) => spawnSync('apt-cache', ['show', pkg], { stdio: 'ignore' }).status === 0;
if (browserStatus !== 0 && canApt && (browserStatus === 3 || aptKnows('chromium-headless-shell')))
  optional.push('chromium-headless-shell');
// The themes' fonts: text is measured against these files so nothing overflows in any format.
if (!existsSync('/usr/share/fonts/truetype/liberation') && !existsSync('/usr/share/fonts/truetype/liberation2'))
  missing.push({ pkg: 'fonts-liberation', why: 'the ministry and analyst themes are set in it' });
if (!existsSync('/usr/share/fonts/truetype/dejavu'))
  missing.push({ pkg: 'fonts-dejavu-core', why: 'the public theme is set in it' });
if (forTests) {
  if (!has('pdftotext') || !has('pdffonts')) missing.push({ pkg: 'poppler-utils', why: 'tests read PDFs with it' });
  if (!has('soffice')) missing.push({ pkg: 'libreoffice-impress', why: 'tests open PPTX files with it' });
  // The store tests start a throwaway PostgreSQL cluster of their own (initdb in a temporary folder).
  const pgBin = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')));
  if (!pgBin && !has('initdb')) missing.push({ pkg: 'postgresql', why: 'the store tests run a throwaway PostgreSQL server' });
  // The vendored PowerPoint validator (test/tools/pptx-validate) checks schemas with xmllint.
  if (!has('xmllint')) missing.push({ pkg: 'libxml2-utils', why: 'tests validate every PPTX against the Office Open XML schemas with xmllint' });
  if (!has('python3')) missing.push({ pkg: 'python3', why: 'tests run the PPTX validator with it' });
}
if (missing.length > 0 || optional.length > 0) {
  const pkgs = missing.map((m) => m.pkg);
  if (canApt) {
    run('apt-get', ['update', '-qq']);
    pkgs.push(...optional.filter(aptKnows));
    say(`installing Debian packages: ${pkgs.join(' ')}…`);
    if (pkgs.length) run('apt-get', ['install', '-y', '-qq', ...pkgs], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    for (const m of missing) say(`missing ${m.pkg}: ${m.why}`);
    say(
      `install them with your package manager (Debian/Ubuntu: sudo apt-get install ${pkgs.join(' ')}),` +
        ' or point CHROME_PATH at an installed Chrome/Chromium; see README › Troubleshooting.',
    );
    process.exit(1);
  }
}
