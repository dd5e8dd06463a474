import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commitOutputs,
  discardOutputs,
  outputPath,
  stageOutput,
  sweepStaleTemporaries,
} from '../../src/build/outputs.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'briefdeck-out-'));

describe('output files', () => {
  it('keeps derived names inside the output folder', () => {
    const out = fresh();
    expect(outputPath(out, 'energy', '.pdf')).toBe(join(out, 'energy.pdf'));
    for (const name of ['../../etc/passwd', '/etc/passwd', '..', '.hidden', 'a/../../b']) {
      const p = outputPath(out, name, '.pdf');
      expect(p.startsWith(out + '/')).toBe(true);
      expect(p.slice(out.length + 1)).not.toContain('/');
    }
  });

  it('publishes a staged file only on commit, and leaves the old one on discard', async () => {
    const out = fresh();
    const target = join(out, 'brief.html');
    writeFileSync(target, 'old');
    const staged = await stageOutput(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('old');
    discardOutputs([staged]);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(out)).toEqual(['brief.html']);
    commitOutputs([await stageOutput(target, 'new')]);
    expect(readFileSync(target, 'utf8')).toBe('new');
    commitOutputs([await stageOutput(target, new Uint8Array([110, 101, 119, 101, 114]))]);
    expect(readFileSync(target, 'utf8')).toBe('newer');
    expect(readdirSync(out)).toEqual(['brief.html']);
  });

  it('sweeps temporaries of dead builds but not of running ones', () => {
    const out = fresh();
    const dead = join(out, '.brief.pdf.999999999.0123abcd.tmp');
    const running = join(out, `.brief.pdf.${process.pid}.0123abcd.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(running, 'half');
    expect(sweepStaleTemporaries(out)).toBe(1);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});
