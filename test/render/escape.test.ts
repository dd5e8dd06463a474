import { describe, expect, it } from 'vitest';
import { Marp } from '@marp-team/marp-core';
import type { Deck } from '../../src/model.ts';
import { marpMarkdown } from '../../src/render/marp-markdown.ts';
import { renderMarp } from '../../src/render/marp.ts';
import { fixtureDeck, themeFor, laidOut } from './helpers.ts';

const hostile = [
  '<script>alert(1)</script> and <b>bold</b>',
  '---',
  '<!-- theme: gaia -->',
  '*emphasis* __strong__ [a link](http://evil.example) ![img](http://evil.example/x.png)',
  ':smile: $x^2$ {{ spec.title }} # not a heading',
  '1. not a list | not | a table',
];

function hostileDeck(): Deck {
  const deck = fixtureDeck('full');
  deck.slides = [
    { kind: 'bullets', title: '<i>Title</i> {{x}}', bullets: hostile.map((text) => ({ text })), notes: [{ text: 'theme: gaia' }, { text: 'class: invert --> <b>x</b>' }, { text: '{"paginate": false}' }] },
  ];
  return deck;
}

describe('corpus text in Marp Markdown is inert', () => {
  const deck = hostileDeck();
  const theme = themeFor(deck, 'ministry');
  const r = renderMarp(laidOut(deck, theme));
  const html = r.slides.join('');

  it('keeps one slide: no `---` in corpus text becomes a slide break', () => {
    expect(r.slides).toHaveLength(1);
  });

  it('shows HTML, Markdown and template syntax as literal text', () => {
    expect(html).not.toMatch(/<script|<b>|<i>|<em>emphasis|<strong>strong|<a href="http:\/\/evil|<img[^>]+evil/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{{ spec.title }}');
    expect(html).toContain(':smile:');
    expect(html).toContain('$x^2$');
    expect(html).not.toMatch(/<h1/);
  });

  it('applies no directive from corpus text or notes', () => {
    expect(html).not.toContain('data-theme="gaia"');
    expect(html).not.toContain('invert');
  });

  it('keeps every note, readable, as a presenter note', () => {
    // What Marp reads as the slide's presenter notes, as marp-cli would show them.
    const comments = new Marp({ html: false }).render(r.markdown).comments[0];
    const notes = comments.map((n) => n.replace(/\u200b|\u200d/g, '').replace(/\u00a0/g, ' ').trim());
    expect(notes.slice(0, 3)).toEqual(['theme: gaia', 'class: invert --> <b>x</b>', '{"paginate": false}']);
  });

  it('opens unchanged in a default Marp (marp-cli settings): same slide count, no raw HTML', () => {
    const md = marpMarkdown(laidOut(fixtureDeck('full'), themeFor(fixtureDeck('full'), 'analyst')));
    const out = new Marp().render(md, { htmlAsArray: true });
    expect(out.html.length).toBeGreaterThanOrEqual(fixtureDeck('full').slides.length);
    expect(out.html.join('')).not.toContain('&lt;style');
    expect(out.css).toContain('kind-quote');
  });
});
