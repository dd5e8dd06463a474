/** A scenario card whose text opens with its name says the name once, as the sentence's bold opening. */
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/model.ts';
import { scenarioParts } from '../../src/layout/index.ts';
import { marpMarkdown } from '../../src/render/marp-markdown.ts';
import { fixtureDeck, themeFor, laidOut } from './helpers.ts';

// seed corpus (Kaczmarski 2023 ¶10): a scenario named by its first words
const named = { name: 'A new leader would have a chance', text: 'A new leader would have a chance to reassess the extent of Russia’s dependence on China.' };
const conditional = { name: 'If Putin ceased to play a leading role', text: 'Moscow would reassess its policy in Asia.' };

describe('scenario cards', () => {
  it('read a name that opens the text inline, and a condition as a heading', () => {
    expect(scenarioParts(named)).toEqual({ name: named.name, rest: ' to reassess the extent of Russia’s dependence on China.', inline: true });
    expect(scenarioParts(conditional)).toMatchObject({ rest: conditional.text, inline: false });
  });

  it('show the name once on the slide', () => {
    const deck: Deck = fixtureDeck('full');
    deck.slides = [{ kind: 'scenarios', title: 'After the war', scenarios: [named, conditional], notes: [] }];
    const md = marpMarkdown(laidOut(deck, themeFor(deck, 'analyst')));
    expect(md.split('A new leader would have a chance').length - 1).toBe(1);
    expect(md).toContain('**A new leader would have a chance** to reassess');
    // (A name that is no part of the text is the card's heading, on a line of its own.)
    expect(md).toContain('**If Putin ceased to play a leading role**\\\n  Moscow would reassess');
  });
});
