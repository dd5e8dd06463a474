/**
 * The Marp theme the decks are rendered on: the part of Marp's `default` theme that slides can
 * show through a briefdeck theme's CSS (`css.ts`), and nothing else.
 *
 * `default` is 29 KB of GitHub Markdown styling (dark mode, syntax colours, form controls) that
 * the theme CSS overrides almost entirely; Marp would pass all of it through PostCSS on every
 * render and every HTML deck would carry it. What shows through is what author-written Markdown
 * slides use: tables, code blocks, quotes, nested lists, link and heading weights. Those rules
 * are copied here with `default`'s values (Marp Core, MIT licence), so the decks look exactly as
 * they would on `default`; a test compares the two in Chromium, element by element.
 *
 * The written `<name>.marp.md` still names `default`, the theme every Marp tool has.
 */
export const BASE_THEME_NAME = 'briefdeck-base';

export const BASE_THEME_CSS = `/* @theme ${BASE_THEME_NAME} */
/* @size 16:9 1280px 720px */
/* @size 4:3 960px 720px */
section { display: block; flex-flow: column nowrap; align-items: stretch; font-size: 29px; padding: 78.5px;
  color-scheme: light; overflow-wrap: break-word; }
section > :first-child, section > header:first-child + * { margin-top: 0; }
section > :last-child, section[data-footer] > :nth-last-child(2) { margin-bottom: 0; }
section b, section strong, section th, section h3, section h4, section h5, section h6 { font-weight: 600; }
section a { text-decoration: none; text-underline-offset: 0.2rem; }
section code, section tt { white-space: break-spaces; }
section blockquote, section dl, section ol, section p, section pre, section table, section ul { margin-top: 0; margin-bottom: 16px; }
section blockquote > :last-child { margin-bottom: 0; }
section ol, section ul { padding-left: 2em; }
section ol ol, section ol ul, section ul ol, section ul ul { margin-top: 0; margin-bottom: 0; }
section ol ol, section ul ol { list-style-type: lower-roman; }
section ol ol ol, section ol ul ol, section ul ol ol, section ul ul ol { list-style-type: lower-alpha; }
section li > p { margin-top: 16px; }
section li + li { margin-top: 0.25em; }
section table { display: block; font-variant: tabular-nums; width: max-content; max-width: 100%; overflow: auto; border-collapse: collapse; border-spacing: 0; }
section table tr { background-color: #fff; border-top: 1px solid rgba(209, 217, 224, 0.7); }
section table tr:nth-child(2n) { background-color: #f6f8fa; }
section table th, section table td { padding: 6px 13px; border: 1px solid #d1d9e0; }
section pre { contain: paint; overflow-wrap: normal; border: 1px solid #d1d9e0; border-radius: 6px; color: #1f2328;
  font-family: ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace; }
section pre > code { display: block; overflow-wrap: normal; word-break: normal; white-space: pre; }
`;
