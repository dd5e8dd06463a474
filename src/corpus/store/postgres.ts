import type { EvidenceBackend } from './types.ts';
export class PostgresBackend {
  static open(_url: string): EvidenceBackend {
    throw new Error('not available');
  }
}
