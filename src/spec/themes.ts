/**
 * The default theme for each audience, kept in one place. The theme stage owns the real mapping
 * (`defaultThemeFor` in src/theme/index.ts); this table is the fallback used until it is there.
 */
import type { Audience } from '../model.ts';

export const DEFAULT_THEMES: Record<Audience, string> = {
  executive: 'ministry',
  analyst: 'analyst',
  expert: 'analyst',
  public: 'public',
};

export function defaultThemeFor(audience: Audience): string {
  return DEFAULT_THEMES[audience];
}
