/** The front-matter schema: one zod source for validation and the committed JSON Schema. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingSchemaText } from '../../src/spec/emit-schema.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { FRONT_MATTER_KEYS } from '../../src/spec/schema.ts';

const root = resolve(import.meta.dirname, '../..');
const parse = (src: string, themes: string[] = []) => parseBriefing(`${root}/briefings/t.md`, src, { root, themes });

describe('front-matter schema', () => {
  it('is committed as schema/briefing.schema.json, generated from the zod source', () => {
    expect(readFileSync(resolve(root, 'schema/briefing.schema.json'), 'utf8')).toBe(briefingSchemaText());
  });

  it('lists every front-matter key in the JSON Schema, and forbids others', () => {
    const schema = JSON.parse(briefingSchemaText());
    const def = schema.definitions.BriefingFrontMatter;
    expect(Object.keys(def.properties).sort()).toEqual([...FRONT_MATTER_KEYS].sort());
    expect(def.additionalProperties).toBe(false);
    expect(def.required).toEqual(['title']);
    expect(def.properties.audience.enum).toEqual(['executive', 'analyst', 'expert', 'public']);
  });

  it('fills defaults: analyst audience, its theme, all formats, notes on', () => {
    const { spec, diagnostics } = parse('---\ntitle: T\n---\n');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(spec).toMatchObject({ audience: 'analyst', theme: 'analyst', formats: ['html', 'pdf', 'pptx', 'handout'], notes: true, name: 't' });
  });

  it('takes the theme from the audience unless the spec or the command line names one', () => {
    expect(parse('---\ntitle: T\naudience: executive\n---\n').spec?.theme).toBe('ministry');
    expect(parse('---\ntitle: T\naudience: public\n---\n').spec?.theme).toBe('public');
    expect(parse('---\ntitle: T\naudience: public\ntheme: analyst\n---\n').spec?.theme).toBe('analyst');
    const over = parseBriefing(`${root}/briefings/t.md`, '---\ntitle: T\naudience: public\n---\n', {
      root, themes: [], overrides: { audience: 'expert', theme: 'ministry' },
    });
    expect(over.spec).toMatchObject({ audience: 'expert', theme: 'ministry' });
  });

  it('accepts a single string where a list is expected, and keeps every key it knows', () => {
    const { spec } = parse(`---
title: T
subtitle: S
date: 2024-03-04
presenter: P
organisation: O
audience: expert
formats: pdf
length: 12
topics: energy
sources: [ISPI, Kaczmarski]
since: 2022-01-01
until: 2023-12-31
include: ["000_eb967fafdfeae713:p3:s2"]
exclude: coronavirus
classification: OFFICIAL
notes: false
accent: "#1f4e79"
logo: crest.svg
footer: Unit X
policy: { bullets: 4, words: 20, compress: true, citations: slide }
---
`);
    expect(spec).toMatchObject({
      subtitle: 'S', date: '2024-03-04', presenter: 'P', organisation: 'O', audience: 'expert', formats: ['pdf'], length: 12,
      topics: ['energy'], sources: ['ISPI', 'Kaczmarski'], since: '2022-01-01', until: '2023-12-31', exclude: ['coronavirus'],
      classification: 'OFFICIAL', notes: false, overrides: { accent: '#1f4e79', logo: 'crest.svg', footer: 'Unit X' },
      policy: { bullets: 4, words: 20, compress: true, citations: 'slide' },
    });
    expect(spec?.locations?.topics).toEqual({ line: 10, column: 9 });
  });

  it('reads the body once, with file lines for helper positions', () => {
    const { spec } = parse('---\ntitle: T\n---\n\n# One\n{{claims "pipelines"}}\n');
    expect(spec?.sections.map((s) => [s.title, s.line])).toEqual([['One', 5]]);
    expect(spec?.sections[0].blocks).toEqual([{ kind: 'helper', call: expect.objectContaining({ helper: 'claims', query: 'pipelines', line: 6, column: 1 }) }]);
  });
});
