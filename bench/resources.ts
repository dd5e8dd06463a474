/**
 * Resource bench (`npm run bench:resources`): the three oversized inputs of a briefing desk — one
 * 50 MB article (ingested alone, then built), a spec asking for 500 slides, 200 briefings in one build — each run by the real
 * CLI in its own child process, in a temporary project made from the real corpus and themes.
 * Reports wall time, peak RSS of the Node process (read from the child's own `resourceUsage()`
 * at exit) and of the largest process in its tree (`/usr/bin/time` when present, which counts
 * Chromium too), the exit code and the first diagnostics, so a limit shows as a message and a
 * hang as a timeout.
 *
 *   npm run bench:resources            # all three cases
 *   npm run bench:resources -- big     # only the cases whose name holds "big"
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prng } from '../test/support/prng.ts';

const repo = resolve(import.meta.dirname, '..');
const cli = join(repo, 'bin/briefdeck.js');
const CASE_TIMEOUT_MS = 15 * 60_000;


/** Real corpus sentences, reshuffled with fresh figures so cleaning cannot drop them as repeats. */
export function bigArticle(bytes: number, seed = 7): string {
  const rnd = prng(seed);
  const sentences = readdirSync(join(repo, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(repo, 'corpus', f), 'utf8').split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 8 && s.length < 400);
  const parts = ['Russia and China: the very long report', '', 'Bench Author', '', 'Bench Desk 2023-05-22', ''];
  let size = parts.join('\n').length;
  while (size < bytes) {
    const n = 3 + Math.floor(rnd() * 4);
    const para: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = sentences[Math.floor(rnd() * sentences.length)];
      para.push(s.replace(/\d+(\.\d+)?/g, () => String(Math.floor(rnd() * 900) + 10)) + ` Case ${Math.floor(rnd() * 1e9)}.`);
    }
    const p = para.join(' ') + '\n\n';
    parts.push(p);
    size += p.length;
  }
  return parts.join('\n');
}

function project(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `bd-bench-${name}-`));
  for (const d of ['themes', 'assets', 'corpus']) cpSync(join(repo, d), join(root, d), { recursive: true });
  mkdirSync(join(root, 'briefings'));
  return root;
}

const SPEC = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\naudience: analyst\ntopics: [energy, alliance]\n${extra}---\n\n${body}\n`;

interface Case {
  name: string;
  setup(root: string): void;
  args: string[];
}

const CASES: Case[] = [
  {
    // Ingest alone (`briefdeck corpus`): issue #16 asks for at most 600 MB.
    name: 'big-article ingest (50 MB)',
    setup(root) {
      writeFileSync(join(root, 'corpus/big-report.txt'), bigArticle(50 * 1024 * 1024));
    },
    args: ['corpus'],
  },
  {
    name: 'big-article (50 MB)',
    setup(root) {
      writeFileSync(join(root, 'corpus/big-report.txt'), bigArticle(50 * 1024 * 1024));
      writeFileSync(join(root, 'briefings/big.md'), SPEC('Big article', '## Energy\n\n{{claims topic="energy" limit=4}}'));
    },
    args: ['build', 'briefings/big.md', '--format', 'html,pptx'],
  },
  {
    name: '500-slides (length: 500)',
    setup(root) {
      writeFileSync(join(root, 'briefings/asks-500.md'), SPEC('Five hundred slides', '{{claims "energy"}}', 'length: 500\n'));
    },
    args: ['build', 'briefings/asks-500.md', '--format', 'html,pptx,pdf'],
  },
  {
    name: '500-slides (500 sections)',
    setup(root) {
      const words = ['energy', 'gas', 'oil', 'arms', 'Putin', 'China', 'trade', 'war', 'Ukraine', 'Arctic', 'sanctions', 'alliance'];
      const body = Array.from({ length: 500 }, (_, i) => `## Section ${i + 1}\n\n{{claims "${words[i % words.length]}" limit=4}}`).join('\n\n');
      writeFileSync(join(root, 'briefings/sections-500.md'), SPEC('Five hundred sections', body, 'length: 30\n'));
    },
    args: ['build', 'briefings/sections-500.md'],
  },
  {
    name: '200-briefings',
    setup(root) {
      const source = readFileSync(join(repo, 'briefings/energy-arms-dependence.md'), 'utf8');
      for (let i = 0; i < 200; i++) writeFileSync(join(root, `briefings/b${String(i).padStart(3, '0')}.md`), source);
    },
    args: ['build'],
  },
];

interface Measure {
  name: string;
  code: number | null;
  seconds: number;
  nodeRssMb?: number;
  treeRssMb?: number;
  outputs: number;
  /** Slides of the largest deck built. */
  slides: number;
  messages: string[];
}

/** A preload that prints the Node process's own peak RSS when it exits. */
function preload(dir: string): string {
  const file = join(dir, 'rss-report.cjs');
  writeFileSync(
    file,
    "process.on('exit', () => process.stderr.write('\\nBENCH_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
  );
  return file;
}

function run(c: Case, root: string): Promise<Measure> {
  const time = existsSync('/usr/bin/time');
  const out = c.args[0] === 'build' ? ['--out', join(root, 'out')] : [];
  const node = [process.execPath, '--require', preload(root), cli, '--root', root, ...c.args, ...out];
  const argv = time ? ['/usr/bin/time', '-f', 'BENCH_TREE_KB=%M', ...node] : node;
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CASE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const kb = (re: RegExp) => {
        const m = re.exec(out);
        return m ? Math.round(Number(m[1]) / 1024) : undefined;
      };
      const outDir = join(root, 'out');
      done({
        name: c.name,
        code,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        nodeRssMb: kb(/BENCH_MAXRSS_KB=(\d+)/),
        treeRssMb: kb(/BENCH_TREE_KB=(\d+)/),
        outputs: existsSync(outDir) ? readdirSync(outDir).filter((f) => !f.startsWith('.')).length : 0,
        slides: Math.max(0, ...[...out.matchAll(/: (\d+) slides in/g)].map((m) => Number(m[1]))),
        messages: out
          .split('\n')
          .filter((l) => /(error|warning)\b/.test(l) && !/BENCH_/.test(l))
          .sort((a, b) => Number(/error|over-budget/.test(b)) - Number(/error|over-budget/.test(a)))
          .slice(0, 3)
          .map((l) => l.trim().slice(0, 160)),
      });
    });
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => a !== '--');
  const cases = CASES.filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));
  const results: Measure[] = [];
  for (const c of cases) {
    const root = project(c.name.split(' ')[0]);
    try {
      c.setup(root);
      process.stderr.write(`${c.name}: running…\n`);
      const m = await run(c, root);
      results.push(m);
      process.stderr.write(`${JSON.stringify(m)}\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  console.log('\n| case | exit | time (s) | peak RSS node (MB) | peak RSS largest process (MB) | files in out/ | slides (largest deck) | first message |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const m of results)
    console.log(`| ${m.name} | ${m.code} | ${m.seconds} | ${m.nodeRssMb ?? '?'} | ${m.treeRssMb ?? '?'} | ${m.outputs} | ${m.slides} | ${(m.messages[0] ?? '').replace(/\|/g, '\\|')} |`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
