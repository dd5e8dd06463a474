/** Shared fixtures for renderer tests: the hand-made decks and themes loaded from the repo. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deck, ResolvedTheme } from '../../src/model.ts';
import { loadTheme } from '../../src/theme/index.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const THEMES = ['ministry', 'analyst', 'public'] as const;

export function fixtureDeck(name: 'full' | 'long'): Deck {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/decks', `${name}.json`), 'utf8')) as Deck;
}

export function themeFor(deck: Deck, name: string): ResolvedTheme {
  return loadTheme(name, { root: ROOT, overrides: deck.overrides, classification: deck.classification });
}
