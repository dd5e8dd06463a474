/**
 * Every shipped theme meets WCAG 2.2 AA in every colour pair its slides use (4.5:1 for body and
 * small text, 3:1 for headings and chart marks), under every classification banner.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, themeContrast } from '../../src/theme/contrast.ts';
import { loadTheme, themeNames } from '../../src/theme/index.ts';
import { ROOT } from '../render/helpers.ts';

describe('colour contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
  });

  for (const name of themeNames(ROOT))
    for (const marking of [undefined, 'OFFICIAL', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'])
      it(`${name}${marking ? ` under ${marking}` : ''}: every pair meets AA`, () => {
        const failing = themeContrast(loadTheme(name, { root: ROOT, classification: marking }).palette).filter((c) => !c.ok);
        expect(failing.map((c) => `${c.pair} ${c.ratio.toFixed(2)} < ${c.need}`)).toEqual([]);
      });
});
