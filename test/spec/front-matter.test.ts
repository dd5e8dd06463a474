/** A spec's front matter and body are split where gray-matter splits them. */
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/spec/index.ts';

const SPECS = [
  '---\ntitle: A\n---\n## Body\n',
  '---  \ntitle: A\naudience: public\n---\n\n\nBody after blank lines\n',
  '---\ntitle: A\n---',
  '---\ntitle: A\n',
  '---\n---\nEmpty front matter\n',
  '---\n# a comment\ntitle: "x --- y"\n---- four dashes close it too\nbody\n',
  '---\ntitle: A\n---trailing text on the closing line\nbody\n',
  '---\t\ntitle: A\nlist:\n  - a\n  - b\n---\n---\nA second rule in the body\n',
];

describe('splitting a spec', () => {
  it.each(SPECS)('matches gray-matter on %j', (text) => {
    const theirs = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
    expect(splitFrontMatter(text)).toEqual({ matter: theirs.matter, content: theirs.content });
  });
});
