/** The body: headings start sections, Markdown is kept as written, helper calls keep their place. */
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/spec/body.ts';
import { HELPERS, HELPER_NAMES } from '../../src/spec/helpers.ts';

describe('spec body', () => {
  it('splits on # and ## headings and keeps literal Markdown', () => {
    const body = '\n# Part one\n\n## Energy\n\nSome **bold** text.\n\n- a list\n\n{{claims "gas" limit=2}}\n\n## Arms\n{{figures topic="arms trade"}}\n';
    const { sections, diagnostics } = parseBody('b.md', body, 10);
    expect(diagnostics).toEqual([]);
    expect(sections.map((s) => [s.title, s.level, s.line])).toEqual([['Part one', 1, 11], ['Energy', 2, 13], ['Arms', 2, 21]]);
    const energy = sections[1].blocks;
    expect(energy[0]).toEqual({ kind: 'markdown', block: { markdown: 'Some **bold** text.\n\n- a list', line: 15 } });
    expect(energy[1]).toMatchObject({ kind: 'helper', call: { helper: 'claims', query: 'gas', limit: 2, line: 19, column: 1 } });
    expect(sections[2].blocks[0]).toMatchObject({ call: { helper: 'figures', topic: 'arms trade' } });
  });

  it('does not take a # inside a code fence for a heading', () => {
    const { sections } = parseBody('b.md', '## A\n```sh\n# not a heading\n```\n', 1);
    expect(sections).toHaveLength(1);
    expect(sections[0].blocks[0]).toMatchObject({ kind: 'markdown' });
  });

  it('every helper has a summary, an example that parses cleanly, and a slide kind', () => {
    for (const name of HELPER_NAMES) {
      const def = HELPERS[name];
      expect(def.summary.length).toBeGreaterThan(10);
      const { sections, diagnostics } = parseBody('b.md', `## X\n${def.example}\n`, 1);
      expect(diagnostics, name).toEqual([]);
      expect(sections[0].blocks[0]).toMatchObject({ kind: 'helper', call: { helper: name } });
    }
  });
});
