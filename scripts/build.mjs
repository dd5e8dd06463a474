#!/usr/bin/env node
/**
 * `npm run build`: compiles `src/` into `dist/` with esbuild, as a published CLI ships.
 *
 * - Entry points: `dist/cli.js` (the command line, run by `bin/briefdeck.js`), `dist/index.js`
 *   (the library) and `dist/corpus.js` (the corpus stage alone, `briefdeck/corpus`: a program that
 *   only brings the store up to date or queries it loads none of the renderers) and `dist/listing.js`
 *   (the corpus folder's listing, which `bin/briefdeck.js` starts before loading the command line
 *   for a command that checks the corpus first). Code-split ESM:
 *   a stage that a command loads with `import()` is a chunk of its own, so `--version` and
 *   `check` never parse the renderers or the browser driver.
 * - Light pure-JavaScript packages are bundled in (BUNDLED); the others load from node_modules.
 * - What the sources read from their own layout is fixed at build time: the corpus stage's
 *   fingerprint (a hash of `src/corpus`, the same value the sources compute when run through tsx)
 *   and the code's version (the hash `dist/stamp.json` records: `src/code-version.ts`).
 * - `dist/stamp.json` records the hash of what was built (see dist-stamp.mjs).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { corpusPipelineVersion, distDir, root, sourceHash, staleReason } from './dist-stamp.mjs';
import { packNgrams } from './ngrams.mjs';
import { rewrittenTable } from './date-patterns.mjs';

/**
 * Pure-JavaScript packages on the path of every command are bundled in: one file to read instead
 * of dozens of modules resolved, read and wrapped one by one (CommonJS ones go through Node's
 * CJS loader and lexer otherwise). Native, very large or file-reading packages stay external.
 */
const BUNDLED = new Set([
  'commander', 'yaml', 'zod', 'zod-to-json-schema', 'picocolors', 'fastest-levenshtein', 'p-map', 'mrmime',
  'markdown-it', 'handlebars', 'gray-matter', 'fflate', 'chokidar', 'ora', '@marp-team/marp-core', 'pdf-lib', 'pptxgenjs',
  // The browser driver (without the full `puppeteer`, whose downloader only a missing browser needs)
  // and the font reader fitting measures with: hundreds of small ES modules each, resolved and read
  // one by one, which cost a build about as much as composing its deck.
  'puppeteer-core', 'fontkit', 'jszip',
  // The language detector, so that its n-gram table is the packed one below.
  'eld',
]);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/**
 * Brotli's decoder, which fontkit imports for WOFF2 fonts only, is two fifths of the code a build
 * loads (its 120,000-line dictionary): it loads from fontkit's own dependencies on first use, so
 * a build over TrueType and OpenType faces never reads it.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'lazy-brotli' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-brotli' }, () => ({
      loader: 'js',
      contents: `import { createRequire } from 'node:module';
let decompress;
export default function (buffer, size) {
  decompress ??= createRequire(createRequire(import.meta.url).resolve('fontkit'))('brotli/decompress.js');
  return decompress(buffer, size);
}
`,
    }));
  },
};

/**
 * ELD's n-gram table (`eld/small`'s 1.6 MB object literal, which took a quarter of a second to
 * load, and as long again to collect, on the first document whose language was in doubt) goes in
 * packed (`scripts/ngrams.mjs`) and is read in place (`src/corpus/ngram-table.ts`): the same
 * scores for the same n-grams, so ELD detects exactly what it detects with its own table.
 */
const packedNgrams = {
  name: 'packed-ngrams',
  setup(b) {
    b.onLoad({ filter: /[\\/]eld[\\/]src[\\/]ngrams[\\/]small\.js$/ }, async (args) => {
      const { ngramsData } = await import(pathToFileURL(args.path).href);
      const packed = packNgrams(ngramsData).toString('base64');
      return {
        loader: 'js',
        resolveDir: join(root, 'src', 'corpus'),
        contents: `import { unpackNgrams } from './ngram-table.ts';\nexport const ngramsData = unpackNgrams(Buffer.from(${JSON.stringify(packed)}, 'base64'));\n`,
      };
    });
  },
};

/**
 * chrono-node's expressions rewritten for V8's compiler (`scripts/date-patterns.mjs`) for the
 * parsers the date lines are read with (`src/corpus/date-locales.json`): the table
 * `src/corpus/date-patterns.ts` stands for, empty in the sources.
 */
const datePatterns = {
  name: 'date-patterns',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]corpus[\\/]date-patterns\.ts$/ }, () => {
      const require = createRequire(join(root, 'src', 'corpus', 'dates.ts'));
      const table = rewrittenTable(require, JSON.parse(readFileSync(join(root, 'src', 'corpus', 'date-locales.json'), 'utf8')));
      return { loader: 'ts', contents: `export const DATE_PATTERNS: ReadonlyMap<string, readonly [string, string]> = new Map(${JSON.stringify([...table])});\n` };
    });
  },
};

const ifStale = process.argv.includes('--if-stale');
const reason = staleReason();
if (ifStale && !reason) process.exit(0);

const t0 = performance.now();
const source = sourceHash();
rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', corpus: 'src/corpus/index.ts', listing: 'src/corpus/listing.ts', 'ingest-worker': 'src/corpus/ingest-worker.ts', 'pg-worker': 'src/corpus/store/pg-worker.mjs' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node 20 reads Unicode property escapes ("\p{Lu}"); lowered, each expression literal holding
  // one would become a `new RegExp(…)` built again at every call.
  supported: { 'regexp-unicode-property-escapes': true },
  external,
  // Bundled CommonJS code calls require() for Node's own modules.
  banner: { js: "import { createRequire as __briefdeckRequire } from 'node:module'; const require = __briefdeckRequire(import.meta.url);" },
  sourcemap: 'linked',
  sourcesContent: false,
  chunkNames: 'chunks/[name]-[hash]',
  define: { __BRIEFDECK_PIPELINE_VERSION__: JSON.stringify(corpusPipelineVersion()), __BRIEFDECK_CODE_VERSION__: JSON.stringify(source) },
  logLevel: 'warning',
  plugins: [lazyBrotli, packedNgrams, datePatterns],
});
writeFileSync(join(distDir, 'stamp.json'), `${JSON.stringify({ source }, null, 2)}\n`);
process.stderr.write(`build: dist/ ${reason ? `(${reason}) ` : ''}built in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
