/**
 * A boilerplate pattern's hint (`patterns.ts`) is a quicker expression every text the pattern
 * matches matches too: a block the hint does not match would not have matched the pattern.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_PATTERNS } from '../../src/corpus/patterns.ts';

function blocks(): string[] {
  const out: string[] = [];
  const root = join(import.meta.dirname, '../..');
  for (const dir of ['corpus', 'test/fixtures', 'eval/corpora']) {
    for (const name of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(txt|md|html)$/.test(name)) continue;
      for (const b of readFileSync(join(root, dir, name), 'utf8').split(/\n\s*\n/)) if (b.trim()) out.push(b.trim());
    }
  }
  return out;
}

describe('boilerplate hints', () => {
  it('match every text their pattern matches', () => {
    const texts = [
      ...blocks(),
      'This post contains affiliate links.', 'AFFILIATE-PROGRAMME partner', 'We may receive a commission.', 'We MAY EARN compensation when you buy.',
      'Für Käufe über diese Links erhalten wir ggf. eine Provision.', 'Dafür bekommen Wir eine Provision', 'Hier erhält Amazon eventuell eine provision.',
      // The Kelvin sign and the long s fold to k and s under `iu`.
      'Dafür be\u212Aommen wir eine Provision', 'we may earn a commi\u017Fsion',
    ];
    const hinted = BOILERPLATE_PATTERNS.filter((p) => p.hint);
    expect(hinted.length).toBeGreaterThan(0);
    let matched = 0;
    for (const p of hinted)
      for (const t of texts)
        if (p.test.test(t)) {
          matched++;
          expect([p.reason, t, p.hint!.test(t)]).toEqual([p.reason, t, true]);
        }
    expect(matched).toBeGreaterThanOrEqual(7);
  });
});
