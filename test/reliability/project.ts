/**
 * Temporary projects for reliability tests: the repository's themes and assets with either the
 * hostile fixtures or the real corpus and briefings, in a fresh folder removed afterwards, so no
 * test ever writes into the working tree or another test's `out/`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const CLI = join(REPO, 'bin/briefdeck.js');
const HOSTILE = join(REPO, 'test/fixtures/hostile');

export interface TempProject {
  root: string;
  out: string;
  remove(): void;
}

/** A project holding `themes/`, `assets/` and the chosen `corpus/` and `briefings/`. */
export function tempProject(kind: 'hostile' | 'real', prefix = 'bd-rel-'): TempProject {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const d of ['themes', 'assets']) cpSync(join(REPO, d), join(root, d), { recursive: true });
  const from = kind === 'hostile' ? HOSTILE : REPO;
  for (const d of ['corpus', 'briefings']) cpSync(join(from, d), join(root, d), { recursive: true });
  return { root, out: join(root, 'out'), remove: () => rmSync(root, { recursive: true, force: true }) };
}
