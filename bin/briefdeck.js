#!/usr/bin/env node
// Runs the compiled command line in dist/ (`npm run build`; the README's two commands build it
// when it is missing or older than src/).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';

// WebAssembly (HarfBuzz's font subsetter) runs on its baseline code only: the optimised code V8
// would compile for it in the background saves nothing on a deck's few fonts, and the process
// waited for that compilation before exiting (0.2–0.6 s). Set before any module is compiled.
setFlagsFromString('--liftoff-only');

// A full collection comes once the heap has grown half again beyond what the last one kept,
// instead of V8's default of up to four times on a machine with memory to spare: composing a deck
// over a large corpus keeps about 250 MB alive but makes garbage fast, and V8 let the process grow
// to 1.2–1.6 GB before collecting it (under 0.6 GB so, in about the same time). Read at each
// collection: set here, before any work.
setFlagsFromString('--heap-growing-percent=50');

// A function is handed to the optimising compiler once it has run four times as much bytecode as
// V8's default asks. A command lives a few seconds: on two cores, TurboFan's background threads
// took as much CPU time as the corpus stage's worker thread on a cold ingest of 925 newswire
// stories (a second of 3.4 s), compiling code that ran a few times more; hot loops are still
// optimised within the first fraction of a second. Cold ingest: 15% less CPU time in all; a cold
// build of the four sample decks: 13% less. Set before any module is compiled.
setFlagsFromString('--interrupt-budget=270336');

// `briefdeck --version` alone answers from the manifest, without loading the command line.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}

const cli = new URL('../dist/cli.js', import.meta.url);
const listing = new URL('../dist/listing.js', import.meta.url);
// `claims`, `quotes` and `corpus` check the corpus folder before answering: GNU find starts
// listing it now, in processes of their own, while the command line loads. The check takes it only
// if its folder turns out to be this one (a config file naming another folder: not started).
const early = foldersChecked(args);
if (early && existsSync(listing)) (await import(listing)).listFolderEarly(early);
if (!existsSync(cli)) {
  process.stderr.write('briefdeck: dist/ is missing: run `npm run build` (or `npm run decks`, which builds it)\n');
  process.exit(1);
}
// `briefdeck claims | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
if (process.env.BRIEFDECK_TRACE) process.stderr.write(`[trace ${performance.now().toFixed(0).padStart(5)} ms] node started\n`);
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));

/** The corpus folder a command that checks it first will check (its default place), if any. */
function foldersChecked(argv) {
  let root;
  let command;
  for (let i = 0; i < argv.length && !command; i++) {
    const arg = argv[i];
    if (arg === '-C' || arg === '--root') root = argv[++i];
    else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
    else if (!arg.startsWith('-')) command = arg;
  }
  if (!['claims', 'quotes', 'corpus'].includes(command) || argv.some((a) => a === '--help' || a === '-h')) return undefined;
  const dir = resolve(root ?? process.cwd());
  for (const name of ['briefdeck.config.yaml', 'briefdeck.config.yml', 'briefdeck.config.json']) {
    try {
      if (/\bcorpus\b/.test(readFileSync(join(dir, name), 'utf8'))) return undefined;
    } catch {
      // No such config file.
    }
  }
  return join(dir, 'corpus');
}

