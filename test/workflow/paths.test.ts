import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveServedPath } from '../../src/preview/paths.ts';

const root = mkdtempSync(join(tmpdir(), 'bd-paths-'));
mkdirSync(join(root, 'out'));
mkdirSync(join(root, 'assets/img'), { recursive: true });
writeFileSync(join(root, 'out/energy.html'), '<html></html>');
writeFileSync(join(root, 'assets/img/logo.svg'), '<svg/>');
writeFileSync(join(root, 'secret.txt'), 'secret');
writeFileSync(join(root, 'out/.energy.html.123.tmp'), 'half');
symlinkSync(join(root, 'secret.txt'), join(root, 'out/link.txt'));
const mounts = [
  { prefix: 'out', dir: join(root, 'out') },
  { prefix: 'assets', dir: join(root, 'assets') },
];
afterAll(() => rmSync(root, { recursive: true, force: true }));
const kind = (p: string) => resolveServedPath(p, mounts).kind;

describe('which files the preview serves', () => {
  it('serves decks from out/ and files from assets/', () => {
    expect(resolveServedPath('/out/energy.html', mounts)).toMatchObject({ kind: 'file', mount: 'out' });
    expect(resolveServedPath('/assets/img/logo.svg', mounts)).toMatchObject({ kind: 'file', mount: 'assets' });
  });

  it.each([
    '/out/../secret.txt',
    '/out/%2e%2e/secret.txt',
    '/out/..%2fsecret.txt',
    '/../secret.txt',
    '/out/img/../../secret.txt',
    '//etc/passwd',
    '/out//etc/passwd',
    '/out/%2Fetc%2Fpasswd',
    '/out/C:/Windows/win.ini',
    '/out/..\\secret.txt',
    '/out/energy.html%00.png',
    '/out/.energy.html.123.tmp',
    '/out/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(kind(p)).toBe('refused');
  });

  it('refuses a symlink leading out of the folder', () => {
    expect(resolveServedPath('/out/link.txt', mounts)).toMatchObject({ kind: 'refused' });
  });

  it('answers missing for unknown folders and files, and folders themselves', () => {
    expect(kind('/secret.txt')).toBe('missing');
    expect(kind('/corpus/000.txt')).toBe('missing');
    expect(kind('/out/nothing.html')).toBe('missing');
    expect(kind('/assets/img')).toBe('missing');
  });
});
