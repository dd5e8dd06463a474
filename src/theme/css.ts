/**
 * The Marp CSS for a theme, generated from its tokens and the shared slide geometry, so the HTML
 * and PDF place text exactly where the layout stage measured it (1 pt = 4/3 px on a 1280 × 720
 * slide). It is a tweak on top of Marp's built-in `default` theme (no remote font `@import`),
 * which lets the same CSS travel inside `out/<name>.marp.md` as a `<style>` block. Every font is
 * named with its twins (`fontStack`): the HTML embeds the real faces, the Markdown only names them.
 */
import { readFileSync } from 'node:fs';
import { lookup } from 'mrmime';
import type { ResolvedTheme } from '../model.ts';
import { CONTINUED, LINE, TIMELINE_WHEN, themeCanvas } from '../layout/geometry.ts';
import { fontStack } from './fonts.ts';

const px = (pt: number) => `${Math.round(pt * (4 / 3) * 100) / 100}px`;

export function logoDataUri(theme: ResolvedTheme): string | undefined {
  if (!theme.logoPath) return undefined;
  return `data:${lookup(theme.logoPath) ?? 'image/png'};base64,${readFileSync(theme.logoPath).toString('base64')}`;
}

export function themeToMarpCss(theme: ResolvedTheme, options: { banner: boolean }): string {
  const { palette: c, sizes: z, fonts: f } = theme;
  const g = themeCanvas(theme, options.banner);
  const logo = logoDataUri(theme);
  const bodyTop = g.title.y;
  const bottom = g.footer + g.margin * 0.35;
  return `
section {
  --bd-accent: ${c.accent}; --bd-heading: ${c.heading}; --bd-muted: ${c.muted}; --bd-surface: ${c.surface};
  --bd-mono: ${fontStack(f.mono)}; --s: 1;
  width: 1280px; height: 720px; box-sizing: border-box; overflow: hidden;
  padding: ${px(bodyTop)} ${px(g.margin)} ${px(bottom)} ${px(g.margin)};
  background: ${c.background}; color: ${c.text};
  font-family: ${fontStack(f.body)}; font-size: calc(${px(z.body)} * var(--s)); line-height: ${LINE.body};
  display: block; align-content: start; justify-content: flex-start; text-align: left;
  ${logo ? `background-image: url("${logo}"); background-repeat: no-repeat; background-size: auto ${px(g.footer * 0.8)}; background-position: ${px(g.margin)} ${px(540 - g.footer * 0.9)};` : ''}
}
section h1, section h2 { font-family: ${fontStack(f.heading)}; color: ${c.heading}; font-weight: 700; margin: 0; padding: 0; border: 0; }
section h2 { font-size: calc(${px(z.heading)} * var(--ts, 1)); line-height: ${LINE.title}; max-height: ${px(z.heading * LINE.title * 2)};
  padding-bottom: 4px; border-bottom: 4px solid ${c.accent}; margin-bottom: ${px(g.gap * 1.5)}; }
section.continued h2::after { content: ${JSON.stringify(CONTINUED)}; color: ${c.muted}; font-weight: 400; }
section p { margin: 0 0 ${px(g.gap)} 0; }
section em { font-style: normal; font-size: ${px(z.small)}; color: ${c.muted}; white-space: nowrap; }
section code { font-family: ${fontStack(f.body)}; background: ${c.accent}; color: #fff; font-weight: 700;
  font-size: 0.72em; padding: 1px 6px; border-radius: 3px; text-transform: uppercase; letter-spacing: 0.03em; }
section ul, section ol { margin: 0; padding: 0 0 0 calc(${px(z.body * 1.2)} * var(--s)); }
section li { margin: 0 0 ${px(g.gap)} 0; }
section li::marker { color: ${c.accent}; }
header { position: absolute; top: 0; left: 0; right: 0; height: ${px(g.banner)}; line-height: ${px(g.banner)}; padding: 0;
  background: ${options.banner ? c.banner : 'transparent'}; color: ${c.bannerText}; text-align: center;
  font-family: ${fontStack(f.body)}; font-weight: 700; font-size: ${px(Math.min(z.small, 13))}; letter-spacing: 0.12em; }
footer { position: absolute; left: ${px(g.margin + (logo ? g.footer * 1.1 : 0))}; right: ${px(g.margin + 60)}; bottom: ${px(g.footer * 0.3)};
  height: auto; padding: 0; color: ${c.muted}; font-size: ${px(z.small)}; font-family: ${fontStack(f.body)}; }
section::after { right: ${px(g.margin)}; bottom: ${px(g.footer * 0.3)}; padding: 0; color: ${c.muted}; font-size: ${px(z.small)}; font-family: ${fontStack(f.body)}; }

section.cited > p:last-of-type { position: absolute; left: ${px(g.margin)}; right: ${px(g.margin)}; bottom: ${px(bottom)}; margin: 0; padding: 0;
  font-family: ${fontStack(f.body)}; font-size: ${px(z.small)}; line-height: ${LINE.body}; color: ${c.muted}; }

section.kind-title, section.kind-section { background-color: ${c.heading}; color: #fff; padding-top: ${px(540 * 0.3)}; }
section.kind-title h1, section.kind-section h1 { color: #fff; font-size: calc(${px(z.title)} * var(--s)); line-height: ${LINE.title};
  border-left: 10px solid ${c.accent}; padding-left: ${px(g.gap * 2)}; margin-bottom: ${px(g.gap * 2)}; }
section.kind-section h1 { font-size: calc(${px(z.title * 0.9)} * var(--s)); }
section.kind-title p, section.kind-section p { color: #fff; padding-left: ${px(g.gap * 2 + 7.5)}; }
section.kind-title footer, section.kind-section footer, section.kind-title::after, section.kind-section::after { color: #fff; }

section.kind-quote blockquote { margin: 0; padding: 0 0 0 30px; border-left: 8px solid ${c.accent}; color: ${c.heading};
  font-family: ${fontStack(f.heading)}; font-size: max(${px(z.body)}, calc(${px(z.quote)} * var(--s))); line-height: ${LINE.quote}; }
section.kind-quote blockquote::before, section.kind-quote blockquote::after { content: none; }
section.kind-quote blockquote p { margin: 0 0 ${px(g.gap * 2)} 0; }
section.kind-quote p.attribution, section.kind-quote blockquote + p { font-size: ${px(z.body)}; font-family: ${fontStack(f.body)}; color: ${c.text}; padding-left: 38px; }

section.kind-figure p:first-of-type strong { display: block; font-family: ${fontStack(f.heading)}; font-size: ${px(z.figure)};
  line-height: ${LINE.figure}; color: ${c.accent}; margin: ${px(g.gap * 2)} 0 ${px(g.gap)} 0; }
section.kind-chart table { border-collapse: collapse; width: 100%; font-size: calc(${px(z.body * 0.9)} * var(--s)); background: transparent; display: table; }
section.kind-chart thead { display: none; }
section.kind-chart tr, section.kind-chart td { background-color: transparent !important; border: 0; }
section.kind-chart td { padding: ${px(g.gap * 0.3)} ${px(g.gap * 0.5)}; vertical-align: middle; }
section.kind-chart td:first-child { width: 42%; line-height: ${LINE.body}; }
section.kind-chart td:last-child { background-repeat: no-repeat; font-weight: 700; color: ${c.heading}; }
section.kind-chart td:last-child strong { display: inline-block; padding: 4px 8px; }
section.kind-cards ul { list-style: none; padding: 0; display: flex; gap: ${px(g.gap)}; }
section.kind-cards li { flex: 1; background: ${c.surface}; padding: 12px; border-top: 6px solid ${c.accent};
  font-size: calc(${px(z.body * 0.9)} * var(--s)); }
section.kind-cards li strong { display: block; font-family: ${fontStack(f.heading)}; font-size: calc(${px(z.figure * 0.5)} * var(--s)); line-height: ${LINE.figure}; color: ${c.accent}; }

section.kind-scenarios ul { list-style: none; padding: 0; display: flex; gap: ${px(g.gap)}; align-items: stretch; }
section.kind-scenarios li { flex: 1; background: ${c.surface}; padding: ${px(g.gap)}; border-top: 6px solid ${c.accent}; margin: 0; }
section.kind-scenarios li strong { color: ${c.heading}; }
section.kind-scenarios li strong:has(+ br) { display: block; font-family: ${fontStack(f.heading)}; font-size: ${px(z.body * 1.1)}; }
section.kind-scenarios li strong + br { display: none; }
section.kind-timeline ul { list-style: none; padding: 0; border-left: 4px solid ${c.accent}; }
section.kind-timeline li { position: relative; padding-left: ${px(TIMELINE_WHEN + g.gap)}; }
section.kind-timeline li strong { position: absolute; left: ${px(g.gap)}; width: ${px(TIMELINE_WHEN - g.gap)}; color: ${c.accent}; font-family: ${fontStack(f.heading)}; }
section.kind-sources ol { font-size: max(${px(z.small)}, calc(${px(z.body * 0.75)} * var(--s))); }
section.kind-sources li { margin-bottom: ${px(g.gap * 0.5)}; }
section.kind-sources a { color: ${c.accent}; word-break: break-all; }
section.kind-markdown h3, section.kind-markdown h4, section.kind-markdown h5, section.kind-markdown h6 { font-family: ${fontStack(f.heading)};
  color: ${c.heading}; font-size: calc(${px(z.body * 1.1)} * var(--s)); line-height: ${LINE.title}; margin: 0 0 ${px(g.gap)} 0; }
section.kind-markdown blockquote { margin: 0 0 ${px(g.gap)} 0; padding: 0 0 0 ${px(26)}; border-left: 6px solid ${c.accent}; color: ${c.heading}; }
section.kind-markdown blockquote::before, section.kind-markdown blockquote::after { content: none; }
section.kind-markdown pre { margin: 0 0 ${px(g.gap)} 0; padding: 12px; font-size: 0.8em; line-height: ${LINE.body}; background: ${c.surface}; }
section.kind-markdown pre code { font-family: var(--bd-mono); background: none; color: ${c.text}; font-size: 1em; font-weight: 400; text-transform: none; letter-spacing: 0; padding: 0; }
section.kind-markdown code { font-family: var(--bd-mono); background: ${c.surface}; color: ${c.text}; font-weight: 400; font-size: 0.9em;
  text-transform: none; letter-spacing: 0; padding: 0 4px; }
section.kind-markdown strong { color: ${c.heading}; }
section.kind-markdown em { font-style: italic; font-size: 1em; color: inherit; white-space: normal; }
section.kind-markdown a { color: ${c.accent}; }
${theme.css ?? ''}
`.trim();
}
