/**
 * Opens the evidence store a project uses: the embedded SQLite file in the cache folder (the
 * default: nothing to start), or a PostgreSQL server a team shares (`store: postgres://…` in
 * `briefdeck.config.yaml`, or `BRIEFDECK_STORE_URL`). Both keep the same contract (`types.ts`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteBackend } from './sqlite.ts';
import { redactUrl, type EvidenceBackend } from './types.ts';

export type { EvidenceBackend, StoredFile, FileClaim } from './types.ts';
export { redactUrl } from './types.ts';

export const isServerUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//i.test(url.trim());

export async function openBackend(url: string | undefined, cacheDir: string): Promise<EvidenceBackend> {
  const where = url?.trim();
  if (isServerUrl(where)) {
    const { PostgresBackend } = await import('./postgres.ts');
    return PostgresBackend.open(where);
  }
  if (where && /^[a-z][a-z0-9+.-]*:\/\//i.test(where))
    throw new Error(`store ${redactUrl(where)}: not a store briefdeck knows; use postgres://user@host/db, or leave it out for the embedded store`);
  mkdirSync(cacheDir, { recursive: true });
  return new SqliteBackend(where || join(cacheDir, 'evidence.db'));
}
