/**
 * What the preview shows before and during a build: specs found but not yet built are listed as
 * building (never "No briefing specs yet"), and in watch mode a deck's HTML is rendered and
 * reported before its printed formats start, so the open page reloads while they render.
 */
import { describe, expect, it } from 'vitest';
import { renderIndexPage } from '../../src/preview/pages.ts';
import { renderArtifacts, type ArtifactKind } from '../../src/build/artifacts.ts';
import type { Printer } from '../../src/render/print.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { composeDeck } from '../../src/deck/index.ts';
import { loadTheme, themeNames } from '../../src/theme/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '../..');

describe('the preview index during the first build', () => {
  it('lists the specs found as building', () => {
    const html = renderIndexPage({
      project: 'p',
      rows: [{ name: 'energy', spec: 'briefings/energy.md', ok: true, building: true, slides: 0, links: [], diagnostics: [] }],
      diagnostics: [],
      building: true,
    });
    expect(html).toMatch(/<tr data-briefing="energy">[\s\S]*building…/);
    expect(html).not.toContain('No briefing specs yet');
  });
});

describe('HTML first', () => {
  it('reports the HTML and waits for afterHtml before the printed formats reach the browser', async () => {
    const store = await loadCorpus({ root: repo });
    try {
      const file = join(repo, 'briefings/energy-arms-dependence.md');
      const parsed = parseBriefing('briefings/energy-arms-dependence.md', readFileSync(file, 'utf8'), { root: repo, themes: themeNames(repo) });
      const deck = composeDeck(parsed.spec!, store, {}).deck;
      const theme = loadTheme(deck.theme, { root: repo, overrides: deck.overrides, classification: deck.classification });
      const seen: string[] = [];
      // A browser that fails on use: only the order up to it matters here.
      const browser = async (): Promise<Printer> => {
        seen.push('browser');
        throw new Error('no browser in this test');
      };
      const kinds: ArtifactKind[] = ['deck.json', 'marp.md', 'html', 'pdf', 'pptx'];
      const run = renderArtifacts(kinds, deck, theme, {
        browser,
        htmlFirst: true,
        afterHtml: async () => {
          seen.push('afterHtml');
        },
      }, (a) => seen.push(a.kind));
      await expect(run).rejects.toThrow('no browser');
      expect(seen.slice(0, 3)).toEqual(['html', 'afterHtml', 'browser']);
    } finally {
      store.close();
    }
  });
});
