/**
 * Runs the vendored Office Open XML validator (`test/tools/pptx-validate`, schema and PowerPoint
 * packaging rules) on a PPTX. It lives in the repository so a clean clone checks every deck; its
 * one system need, xmllint, is installed by `scripts/bootstrap.mjs --test`. A missing xmllint or
 * python3 fails the test that asks, never skips it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

const VALIDATE = join(ROOT, 'test/tools/pptx-validate/validate.sh');
let scratch: string | undefined;

export interface Validation { errors: string[]; last: string; output: string }

/** Strict validation (`--strict`: also the deviations PowerPoint tolerates) of a file or bytes. */
export function validatePptx(pptx: string | Uint8Array): Validation {
  let file = pptx;
  if (typeof file !== 'string') {
    scratch ??= mkdtempSync(join(tmpdir(), 'briefdeck-validate-'));
    file = join(scratch, `deck-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.pptx`);
    writeFileSync(file, pptx);
  }
  const r = spawnSync(VALIDATE, [file, '--strict'], { encoding: 'utf8', timeout: 120_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status === 2 || r.error) throw new Error(`pptx-validate could not run (${r.error?.message ?? output.trim()}); run scripts/bootstrap.mjs --test`);
  const lines = output.trim().split('\n');
  return { errors: lines.filter((l) => l.startsWith('error:')), last: lines.at(-1) ?? '', output };
}
