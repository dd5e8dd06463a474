/** Every mistake in a spec comes back as a message with file, line, column, what is wrong and a fix. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/spec/index.ts';
import type { Diagnostic } from '../../src/model.ts';

const root = resolve(import.meta.dirname, '../..');
const themes = ['analyst', 'default', 'ministry', 'public'];
const check = (src: string) => parseBriefing(`${root}/briefings/bad.md`, src, { root, themes });
const only = (ds: Diagnostic[], code: string) => {
  const found = ds.filter((d) => d.code === code);
  expect(found, JSON.stringify(ds, null, 1)).toHaveLength(1);
  return found[0];
};

describe('spec errors', () => {
  it('unknown audience: did you mean', () => {
    const { spec, diagnostics } = check('---\ntitle: T\naudience: exec\n---\n');
    expect(spec).toBeUndefined();
    expect(only(diagnostics, 'spec/unknown-audience')).toMatchObject({
      severity: 'error', file: 'briefings/bad.md', line: 3, column: 11, message: "unknown audience 'exec'", hint: "did you mean 'executive'?",
    });
  });

  it('unknown theme: did you mean, pointing at the value', () => {
    const d = only(check('---\ntitle: T\ntheme: minstry\n---\n').diagnostics, 'spec/unknown-theme');
    expect(d).toMatchObject({ line: 3, column: 8, hint: "did you mean 'ministry'?" });
  });

  it('unknown theme given on the command line says so', () => {
    const r = parseBriefing(`${root}/briefings/bad.md`, '---\ntitle: T\n---\n', { root, themes, overrides: { theme: 'pubic' } });
    expect(only(r.diagnostics, 'spec/unknown-theme').message).toContain('--theme');
  });

  it('malformed YAML: line and column of the fault', () => {
    const { diagnostics } = check('---\ntitle: T\ntopics: [energy, arms\nnotes: true\n---\n');
    const d = diagnostics.find((x) => x.code === 'spec/yaml-syntax');
    expect(d).toMatchObject({ severity: 'error', file: 'briefings/bad.md' });
    expect(d!.line).toBeGreaterThanOrEqual(3);
    expect(d!.hint).toMatch(/indentation|quotes/);
  });

  it('a missing front-matter is an error on line 1', () => {
    expect(only(check('# Just a heading\n').diagnostics, 'spec/no-front-matter')).toMatchObject({ line: 1, column: 1 });
  });

  it('wrong types name the key, what was expected and how to write it', () => {
    const { diagnostics } = check('---\ntitle: T\nlength: ten\nnotes: maybe\naccent: "#12"\n---\n');
    const byLine = Object.fromEntries(diagnostics.map((d) => [d.line, d]));
    expect(byLine[3]).toMatchObject({ code: 'spec/invalid-value', column: 9, message: "'length': expected number, got string" });
    expect(byLine[4].message).toBe("'notes': expected boolean, got string");
    expect(byLine[4].hint).toContain('notes: true');
    expect(byLine[5].message).toContain('colour');
  });

  it('a missing title is required', () => {
    expect(only(check('---\naudience: public\n---\n').diagnostics, 'spec/invalid-value').message).toBe("'title': is required");
  });

  it('unknown keys warn (the spec still parses) and suggest the near key', () => {
    const { spec, diagnostics } = check('---\ntitle: T\naudince: public\n---\n');
    expect(spec).toBeDefined();
    expect(only(diagnostics, 'spec/unknown-key')).toMatchObject({ severity: 'warning', line: 3, column: 1, hint: "did you mean 'audience'?" });
  });

  it('unknown format and misspelt policy keys suggest the right one', () => {
    const { diagnostics } = check('---\ntitle: T\nformats: [html, pptz]\npolicy:\n  bulets: 3\n---\n');
    expect(only(diagnostics, 'spec/unknown-format')).toMatchObject({ line: 3, column: 17, hint: "did you mean 'pptx'?" });
    expect(diagnostics.find((d) => d.line === 5)?.hint).toBe("did you mean 'bullets'?");
  });

  it('since after until is an error', () => {
    expect(only(check('---\ntitle: T\nsince: 2024-01-01\nuntil: 2023-01-01\n---\n').diagnostics, 'spec/date-range').line).toBe(3);
  });

  it('a misspelt helper is reported at its line and column in the file', () => {
    const src = '---\ntitle: T\n---\n\n# Energy\n\nIntro text.\n  {{figurs topic="energy"}}\n';
    expect(only(check(src).diagnostics, 'spec/unknown-helper')).toMatchObject({
      severity: 'error', line: 8, column: 3, message: "unknown helper 'figurs'", hint: "did you mean 'figures'?",
    });
  });

  it('a misspelt helper option, a wrong option type and a bad claim kind are each reported', () => {
    const src = '---\ntitle: T\n---\n{{quote speakr="Putin"}}\n{{claims "x" limit="three"}}\n{{claims kind="opinion"}}\n{{sources "x"}}\n';
    const { diagnostics } = check(src);
    expect(only(diagnostics, 'spec/unknown-option')).toMatchObject({ line: 4, column: 9, hint: "did you mean 'speaker'?" });
    const types = diagnostics.filter((d) => d.code === 'spec/helper-option-type');
    expect(types.map((d) => d.line)).toEqual([5, 6]);
    expect(types[1].hint).toContain('assessment');
    expect(only(diagnostics, 'spec/helper-argument').line).toBe(7);
  });

  it('broken helper braces are a syntax error with a line', () => {
    const d = only(check('---\ntitle: T\n---\n\n{{claims "x"\n').diagnostics, 'spec/helper-syntax');
    expect(d.line).toBeGreaterThanOrEqual(4);
  });

  it('reports every problem of a spec at once, not just the first', () => {
    const src = '---\ntitle: T\naudience: exec\ntheme: nope\ncolour: red\n---\n{{figurs}}\n{{claim "x"}}\n';
    const codes = check(src).diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['spec/unknown-audience', 'spec/unknown-helper', 'spec/unknown-helper', 'spec/unknown-key', 'spec/unknown-theme']);
  });
});
