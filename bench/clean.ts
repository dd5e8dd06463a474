/**
 * `npm run bench:clean -- <trafilatura>/tests`: how much of the article cleaning keeps and how much
 * boilerplate it lets through, on trafilatura's evaluation set (990 real pages, each with a few
 * snippets that must be kept and a few that must not), scored as trafilatura's own evaluation
 * scores it: a snippet counts when it occurs, whitespace-normalised, in the kept text.
 *
 * Two inputs from the same pages: the saved HTML, and the plain text a browser gives for the page
 * ("select all, copy": `innerText` of the page with scripts off), which is what analysts paste into
 * `.txt` files. The browser text is made once and cached beside the set (`--text DIR` to move it).
 * "English" pages are those whose must-keep snippets ELD reads as English.
 *
 *   npm run bench:clean -- /path/to/trafilatura/tests [--limit N] [--text DIR] [--only html|text] [--misses]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestFile } from '../src/corpus/read.ts';
import { norm, score, scores, zero, type Counts, type Item } from './score.ts';


const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args.splice(i, 2)[1];
};
const showMisses = args.includes('--misses') ? (args.splice(args.indexOf('--misses'), 1), true) : false;
const limit = Number(flag('--limit') ?? Infinity);
const only = flag('--only');
const textFlag = flag('--text');
const dir = args[0] ? resolve(args[0]) : undefined;
if (!dir || !existsSync(join(dir, 'evaldata.json'))) {
  console.error('usage: npm run bench:clean -- <trafilatura/tests folder holding evaldata.json, eval/ and cache/> [--limit N] [--text DIR] [--only html|text] [--misses]');
  process.exit(2);
}
const textDir = resolve(textFlag ?? join(dir, '..', 'briefdeck-browser-text'));

const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, Item>;
const urls = Object.keys(data).sort().slice(0, limit);
const pathOf = (file: string) => [join(dir, 'cache', file), join(dir, 'eval', file)].find(existsSync);

const { eld } = await import('eld/small');
const english = new Set(urls.filter((u) => eld.detect(data[u].with.join(' ')).language === 'en'));

/** Plain text of each page as a browser renders it, cached as `<n>.txt`. */
async function browserTexts(): Promise<Map<string, string>> {
  mkdirSync(textDir, { recursive: true });
  const out = new Map<string, string>();
  const missing = urls.filter((u, i) => !existsSync(join(textDir, `${i}.txt`)) || (out.set(u, readFileSync(join(textDir, `${i}.txt`), 'utf8')), false));
  if (missing.length === 0) return out;
  const { findBrowser } = await import('../src/render/browser.ts');
  const puppeteer = (await import('puppeteer')).default;
  const found = findBrowser();
  if (!found) throw new Error('no Chromium to make the plain-text pages with (set CHROME_PATH)');
  const launch = () => puppeteer.launch({ executablePath: found.path, headless: true, args: ['--no-sandbox'], protocolTimeout: 20000 });
  let browser = await launch();
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // The saved page only: no request leaves the machine.
    page.on('request', (r) => void (r.url().startsWith('data:') || r.url() === 'about:blank' ? r.continue() : r.abort()));
    return page;
  };
  try {
    let page = await newPage();
    for (const u of missing) {
      const i = urls.indexOf(u);
      const bytes = readFileSync(pathOf(data[u].file)!);
      let text = '';
      try {
        await page.setContent(decodeHtml(bytes), { waitUntil: 'domcontentloaded', timeout: 15000 });
        text = await page.evaluate(() => document.body?.innerText ?? '');
      } catch (err) {
        // A page that hangs the renderer: note it, start a fresh browser, go on (it scores as empty).
        console.error(`${data[u].file}: ${(err as Error).message}`);
        await browser.close().catch(() => {});
        browser = await launch();
        page = await newPage();
      }
      writeFileSync(join(textDir, `${i}.txt`), text);
      out.set(u, text);
      if (out.size % 100 === 0) console.error(`browser text: ${out.size}/${urls.length}`);
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** The page's characters for the browser, honouring a declared charset as a browser would. */
function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function row(label: string, pages: number, c: Counts): string {
  const { precision, recall, f1 } = scores(c);
  return `| ${label} | ${pages} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${f1.toFixed(3)} |`;
}

async function run(kind: 'html' | 'text', source: (u: string) => Uint8Array): Promise<string[]> {
  const all = zero();
  const en = zero();
  const started = performance.now();
  for (const u of urls) {
    const { document } = await ingestFile({ path: `page.${kind === 'html' ? 'html' : 'txt'}`, bytes: source(u) });
    const kept = document ? document.paragraphs.map((p) => p.text).join('\n') : '';
    const { missed, leaked } = score(data[u], kept, all);
    if (english.has(u)) score(data[u], kept, en);
    if (showMisses && (missed.length || leaked.length)) {
      const where = (snippet: string) => {
        const s = norm(snippet);
        const block = document?.dropped.find((d) => norm(d.text).includes(s));
        return block ? `dropped (${block.reason})` : document && norm(document.text).includes(s) ? 'split over blocks' : 'not read';
      };
      console.log(`${kind} ${data[u].file} [${document?.format}]`);
      for (const m of missed) console.log(`  missed  ${where(m)}: ${m.slice(0, 100)}`);
      for (const l of leaked) console.log(`  leaked  ${l.slice(0, 100)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const label = kind === 'html' ? 'the HTML pages' : 'the same pages as plain text';
  return [
    row(`${label}, all`, urls.length, all),
    row(`${label}, English`, english.size, en),
    `<!-- ${kind}: ${seconds.toFixed(1)} s -->`,
  ];
}

const lines = ['| input | pages | precision | recall | F1 |', '|---|---|---|---|---|'];
const notes: string[] = [];
if (only !== 'text') {
  const [a, b, t] = await run('html', (u) => readFileSync(pathOf(data[u].file)!));
  lines.push(a, b);
  notes.push(t);
}
if (only !== 'html') {
  const texts = await browserTexts();
  const [a, b, t] = await run('text', (u) => new TextEncoder().encode(texts.get(u) ?? ''));
  lines.push(a, b);
  notes.push(t);
}
console.log(lines.join('\n'));
console.log(notes.join('\n'));
console.log(
  "\nAnchors, trafilatura's published F1 on all 990 pages: trafilatura 2.2 0.924, jusText 0.862, readability-lxml 0.826, the page's whole text 0.667.",
);
