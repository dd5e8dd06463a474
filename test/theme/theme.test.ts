import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultThemeFor, listThemes, loadTheme } from '../../src/theme/index.ts';
import { themeToMarpCss } from '../../src/theme/css.ts';

const root = join(import.meta.dirname, '../..');

describe('themes', () => {
  it('ships ministry, analyst and public, each extending the default base', () => {
    const themes = listThemes(root);
    for (const name of ['ministry', 'analyst', 'public']) {
      const t = themes.find((x) => x.name === name);
      expect(t?.extends).toBe('default');
    }
  });

  it('inherits tokens the child does not set and overrides those it does', () => {
    const base = loadTheme('default', { root });
    const ministry = loadTheme('ministry', { root });
    expect(ministry.fonts.mono).toBe(base.fonts.mono);
    expect(ministry.fonts.heading).not.toBe(base.fonts.heading);
  });

  it('maps audiences to default themes, and config wins', () => {
    expect(defaultThemeFor('executive')).toBe('ministry');
    expect(defaultThemeFor('expert')).toBe('analyst');
    expect(defaultThemeFor('public', { public: 'ministry' })).toBe('ministry');
  });

  it('lists the available themes when the name is unknown', () => {
    expect(() => loadTheme('navy', { root })).toThrow(/available themes: .*analyst.*ministry.*public/);
  });

  it('applies spec overrides: accent, logo from assets/, footer', () => {
    const t = loadTheme('public', { root, overrides: { accent: '#123456', logo: 'crest.svg', footer: 'For release' } });
    expect(t.palette.accent).toBe('#123456');
    expect(t.logoPath).toMatch(/assets\/crest\.svg$/);
    expect(t.footer).toBe('For release');
    expect(themeToMarpCss(t, { banner: false })).toContain('#123456');
  });

  it('rejects a bad accent and a logo outside assets/', () => {
    expect(() => loadTheme('public', { root, overrides: { accent: 'red;}' } })).toThrow(/hex colour/);
    expect(() => loadTheme('public', { root, overrides: { logo: '../package.json' } })).toThrow(/under assets/);
  });

  it('colours the classification banner by marking', () => {
    expect(loadTheme('analyst', { root, classification: 'SECRET' }).palette.banner).toBe('#c8102e');
    expect(loadTheme('analyst', { root, classification: 'OFFICIAL' }).palette.banner).toBe('#007a33');
  });

  it('never imports remote fonts in the generated CSS', () => {
    for (const t of listThemes(root)) expect(themeToMarpCss(loadTheme(t.name, { root }), { banner: true })).not.toMatch(/@import|https?:/);
  });
});
