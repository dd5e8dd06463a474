import { describe, expect, it } from 'vitest';
import { planRebuild, type ProjectLayout } from '../../src/watch/affected.ts';

const root = '/proj';
const layout: ProjectLayout = {
  root,
  specs: ['/proj/briefings'],
  corpusDir: '/proj/corpus',
  themesDir: '/proj/themes',
  assetsDir: '/proj/assets',
  configFiles: ['/proj/briefdeck.config.yaml'],
};
const decks = [
  { spec: '/proj/briefings/energy.md', theme: 'ministry' },
  { spec: '/proj/briefings/arms.md', theme: 'analyst' },
  { spec: '/proj/briefings/public.md', theme: 'public' },
];
const all = decks.map((d) => d.spec).sort();

describe('what a change rebuilds', () => {
  it('a spec rebuilds only itself, without reloading the corpus', () => {
    const plan = planRebuild([{ path: '/proj/briefings/energy.md', event: 'change' }], layout, decks);
    expect(plan).toEqual({ reloadCorpus: false, build: ['/proj/briefings/energy.md'], removed: [], configChanged: false });
  });

  it('a new spec is built; a deleted one is dropped and not built', () => {
    const plan = planRebuild(
      [
        { path: '/proj/briefings/new.md', event: 'add' },
        { path: '/proj/briefings/arms.md', event: 'unlink' },
      ],
      layout,
      decks,
    );
    expect(plan.build).toEqual(['/proj/briefings/new.md']);
    expect(plan.removed).toEqual(['/proj/briefings/arms.md']);
  });

  it('a corpus file reloads the corpus and rebuilds everything', () => {
    const plan = planRebuild([{ path: '/proj/corpus/005_new.txt', event: 'add' }], layout, decks);
    expect(plan.reloadCorpus).toBe(true);
    expect(plan.build).toEqual(all);
  });

  it('a theme rebuilds the specs wearing it or a theme extending it', () => {
    const plan = planRebuild([{ path: '/proj/themes/ministry/theme.yaml', event: 'change' }], layout, decks);
    expect(plan.build).toEqual(['/proj/briefings/energy.md']);
    const base = planRebuild([{ path: '/proj/themes/default/theme.yaml', event: 'change' }], layout, decks, {
      ministry: 'default',
      analyst: 'default',
      public: undefined,
    });
    expect(base.build).toEqual(['/proj/briefings/arms.md', '/proj/briefings/energy.md']);
  });

  it('an asset rebuilds everything without reloading the corpus', () => {
    const plan = planRebuild([{ path: '/proj/assets/logo.png', event: 'change' }], layout, decks);
    expect(plan.build).toEqual(all);
    expect(plan.reloadCorpus).toBe(false);
  });

  it('markdown outside the watched spec folder, and the README, rebuild nothing', () => {
    const plan = planRebuild(
      [
        { path: '/proj/README.md', event: 'change' },
        { path: '/proj/briefings/drafts/x.md', event: 'change' },
      ],
      layout,
      decks,
    );
    expect(plan.build).toEqual([]);
  });

  it('the config file is flagged, not rebuilt silently', () => {
    const plan = planRebuild([{ path: '/proj/briefdeck.config.yaml', event: 'change' }], layout, decks);
    expect(plan.configChanged).toBe(true);
  });
});
