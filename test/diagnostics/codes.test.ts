/**
 * Every message carries a registered code: the registry (`src/diagnostics/codes.ts`) is what the
 * message factory accepts, the README's table lists exactly its codes, and no stage reports a
 * code the registry lacks.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CODES } from '../../src/diagnostics/codes.ts';
import { message, MessageError } from '../../src/diagnostics/message.ts';

const root = resolve(import.meta.dirname, '../..');
const registered = Object.keys(CODES).sort();
const CODE = /'((?:spec|select|deck|layout|theme|corpus|config|check|new|build)\/[a-z]+(?:-[a-z0-9]+)*)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('message codes', () => {
  it('the README lists every registered code, and no other', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| code | severity | when |'));
    const rows = table.slice(0, table.indexOf('\n\n'));
    const listed = [...rows.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(registered);
  });

  it('every code a stage writes is registered', () => {
    const used = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      if (file.endsWith('codes.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(CODE)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((c) => !registered.includes(c))).toEqual([]);
  });

  it('a message has its code, its place and its hint; its severity is the code\'s unless given', () => {
    expect(message('deck/empty-section', 'gone', { file: 'b.md', line: 4, column: 1 }, { hint: 'fix it' }))
      .toEqual({ severity: 'warning', file: 'b.md', line: 4, column: 1, message: 'gone', hint: 'fix it', code: 'deck/empty-section' });
    expect(message('deck/empty-section', 'gone', { file: 'b.md' }, { severity: 'error' })).toEqual({ severity: 'error', file: 'b.md', message: 'gone', code: 'deck/empty-section' });
  });

  it('a stage that cannot go on throws its messages, named by file and line', () => {
    const err = new MessageError(message('theme/yaml-syntax', 'malformed YAML', { file: 'themes/x/theme.yaml', line: 3, column: 1 }));
    expect(err.message).toBe('themes/x/theme.yaml:3:1: malformed YAML');
    expect(err.diagnostics).toHaveLength(1);
  });
});
