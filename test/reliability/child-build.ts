/**
 * Running the real CLI as a child process for kill tests: start a build, watch its progress
 * lines, SIGKILL it at a chosen line or after a chosen delay, and check what it left in `out/`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { CLI } from './project.ts';

export interface ChildBuild {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs the build (after `delayMs`) as soon as its output matches (checked on every chunk). */
  killWhen(pattern: RegExp | ((output: string) => boolean), delayMs?: number): void;
  killAfter(ms: number): void;
}

export function startBuild(root: string, args: string[]): ChildBuild {
  const child = spawn(process.execPath, [CLI, '--root', root, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const watchers: Array<{ matches: (output: string) => boolean; delayMs: number }> = [];
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  const onData = (b: Buffer) => {
    text += b.toString();
    for (const w of watchers.splice(0)) {
      if (!w.matches(text)) watchers.push(w);
      else if (w.delayMs) setTimeout(kill, w.delayMs);
      else kill();
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => text,
    exited,
    killWhen: (pattern, delayMs = 0) =>
      watchers.push({ matches: typeof pattern === 'function' ? pattern : (t) => pattern.test(t), delayMs }),
    killAfter: (ms) => setTimeout(kill, ms),
  };
}

/** Whether a deck file is complete: it parses as what its name says it is. */
export async function isComplete(path: string): Promise<boolean> {
  const bytes = readFileSync(path);
  try {
    if (path.endsWith('.pdf')) return /Pages:\s+[1-9]/.test(execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: 'pipe' }));
    if (path.endsWith('.pptx')) return (await JSZip.loadAsync(bytes)).file('ppt/presentation.xml') !== null;
    if (path.endsWith('.json')) return Array.isArray((JSON.parse(bytes.toString('utf8')) as { slides?: unknown }).slides);
    if (path.endsWith('.html')) return bytes.toString('utf8').trimEnd().endsWith('</html>');
    if (path.endsWith('.md')) return bytes.toString('utf8').startsWith('---\n') && /\n---\n/.test(bytes.toString('utf8'));
  } catch {
    return false;
  }
  return false;
}

/** Deck files (not temporaries) in `out`, name → bytes. */
export function deckFiles(out: string): Map<string, Buffer> {
  if (!existsSync(out)) return new Map();
  return new Map(readdirSync(out).filter((f) => !f.startsWith('.')).sort().map((f) => [f, readFileSync(join(out, f))]));
}

/** How many lines of the output match `line`. */
export const count = (line: RegExp) => (output: string) => output.match(new RegExp(line.source, 'g'))?.length ?? 0;

export function temporaries(out: string): string[] {
  return existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.tmp')) : [];
}
