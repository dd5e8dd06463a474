/**
 * Writing a deck's files so that a failed or killed build never leaves a half-written deck:
 * every output is first written in full to a temporary file beside its target, flushed, and only
 * then renamed into place (rename is atomic within one folder). A deck's files are committed
 * together only after every format rendered.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { processAlive } from '../processes.ts';

export interface PendingOutput {
  /** Final path. */
  path: string;
  /** Temporary path it was written to. */
  tmp: string;
}

/** Temp names start with a dot and end in `.tmp` so half-files are never mistaken for decks. */
function tmpPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `content` to a temporary sibling of `path`, flushed; call `commitOutputs` to publish. The
 * write and the flush run in Node's thread pool, so a deck's files are flushed while its other
 * formats render, and several at once.
 */
export async function stageOutput(path: string, content: string | Uint8Array): Promise<PendingOutput> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpPathFor(path);
  const file = await open(tmp, 'w', 0o644);
  try {
    await file.writeFile(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    await file.sync();
  } catch (err) {
    await file.close();
    rmSync(tmp, { force: true });
    throw err;
  }
  await file.close();
  return { path, tmp };
}

/** Renames every staged output into place. */
export function commitOutputs(pending: readonly PendingOutput[]): void {
  for (const p of pending) renameSync(p.tmp, p.path);
}

/** Removes staged temporaries after a failure, leaving previous outputs untouched. */
export function discardOutputs(pending: readonly PendingOutput[]): void {
  for (const p of pending) rmSync(p.tmp, { force: true });
}

/**
 * The path of `<outDir>/<name><suffix>`, refusing any name that would land outside `outDir`
 * (spec names come from file names, which a user controls).
 */
export function outputPath(outDir: string, name: string, suffix: string): string {
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'briefing';
  const full = resolve(outDir, safe + suffix);
  const root = resolve(outDir);
  if (!full.startsWith(root + sep)) throw new Error(`output name '${name}' leaves the output folder`);
  return full;
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporaries left by a build that was killed between staging and renaming; those of
 * builds still running (another process on the same folder) are left alone.
 */
export function sweepStaleTemporaries(outDir: string): number {
  if (!existsSync(outDir)) return 0;
  let removed = 0;
  for (const f of readdirSync(outDir)) {
    const m = TEMP_NAME.exec(f);
    if (m && !processAlive(Number(m[1]))) {
      rmSync(join(outDir, f), { force: true });
      removed += 1;
    }
  }
  return removed;
}
