/**
 * The default theme for each audience comes from the theme stage, which owns the mapping; the
 * spec stage only re-exports it so parsing and rendering can never disagree.
 */
export { DEFAULT_AUDIENCE_THEMES as DEFAULT_THEMES, defaultThemeFor } from '../theme/index.ts';
