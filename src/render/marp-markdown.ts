/**
 * Laid-out deck → Marp Markdown, the one intermediate every browser format renders from. The file
 * is standalone: the theme travels as a `<style>` block over Marp's `default` theme, images as
 * data URIs, so `marp out/<name>.marp.md` renders it unchanged. Layout comes from Markdown and
 * slide classes only (no raw HTML), so it looks the same with marp-cli's default `html: false`.
 * Every corpus string goes through `escape.ts`; only `markdown` slides (the author's own) are
 * passed through. Source tags appear as each laid-out slide's `cites` says: after each item, or
 * as one last paragraph the CSS pins under the content (class `cited`). The presenter notes are
 * the laid-out slide's, as every format shows them.
 */
import type { Bullet, Deck, FigureItem, LaidOutDeck, LaidOutSlide, ResolvedTheme } from '../model.ts';
import { themeToMarpCss } from '../theme/css.ts';
import { directiveValue, escapeMarkdown as md, escapeNote, safeUrl } from './escape.ts';
import { figuresCompare, scenarioParts, shownTag, sourceLine } from '../layout/index.ts';

/** Renders an item's source tag, or nothing when the slide's citation style hides it. */
type Tag = (item: { citation?: { tag: string } }) => string;
const chip = (likelihood?: string) => (likelihood ? `\`${likelihood}\` ` : '');

function bulletList(bullets: Bullet[], tag: Tag): string {
  return bullets.map((b) => `- ${chip(b.likelihood)}${md(b.text)}${tag(b)}`).join('\n');
}

function figureChart(figures: FigureItem[], accent: string, tag: Tag): string {
  const max = Math.max(...figures.map((f) => f.valueHigh ?? f.value), 1e-9);
  const rows = figures.map((f) => `| ${md(f.label)}${tag(f)} | **${md(f.display)}** |`);
  // Bar lengths are ours, not corpus text: numbers formatted here, never copied.
  const bars = figures
    .map((f, i) => {
      const pct = Math.max(2, Math.round(((f.valueHigh ?? f.value) / max) * 100));
      return `tbody tr:nth-child(${i + 1}) td:last-child{background-image:linear-gradient(to right,${accent}33 ${pct}%,transparent ${pct}%)}`;
    })
    .join('');
  return `| Measure | Value |\n|---|---|\n${rows.join('\n')}\n\n<style scoped>${bars}</style>`;
}

function slideBody(f: LaidOutSlide, accent: string): { kind: string; body: string } {
  const { slide } = f;
  const tag: Tag = (item) => {
    const t = shownTag(f.cites, item.citation);
    return t ? ` _${md(t)}_` : '';
  };
  switch (slide.kind) {
    case 'title': {
      const meta = [slide.presenter, slide.organisation, slide.date].filter(Boolean).map((s) => md(s!)).join(' · ');
      return { kind: 'title', body: [`# ${md(slide.title)}`, slide.subtitle && md(slide.subtitle), meta].filter(Boolean).join('\n\n') };
    }
    case 'section':
      return { kind: 'section', body: [`# ${md(slide.title)}`, slide.subtitle && md(slide.subtitle)].filter(Boolean).join('\n\n') };
    case 'bullets':
      return { kind: 'bullets', body: bulletList(slide.bullets, tag) };
    case 'judgements':
      return { kind: 'judgements', body: bulletList(slide.judgements, tag) };
    case 'quote': {
      const who = [md(slide.quote.speaker), slide.quote.role && md(slide.quote.role)].filter(Boolean).join(', ');
      return { kind: 'quote', body: `> “${md(slide.quote.text)}”\n\n— **${who}**${tag(slide)}` };
    }
    case 'figures': {
      if (slide.figures.length === 1) {
        const f = slide.figures[0];
        return { kind: 'figure', body: `**${md(f.display)}**\n\n${md(f.label)}${f.year ? ` \\(${f.year}\\)` : ''}${tag(f)}` };
      }
      if (figuresCompare(slide)) return { kind: 'chart', body: figureChart(slide.figures, accent, tag) };
      return { kind: 'cards', body: slide.figures.map((f) => `- **${md(f.display)}** ${md(f.label)}${tag(f)}`).join('\n') };
    }
    case 'scenarios':
      return {
        kind: 'scenarios',
        body: slide.scenarios.map((s) => {
          // (A card whose text opens with its name reads as one sentence, the name in bold; else
          // the name is the card's heading, on a line of its own.)
          const { rest, inline } = scenarioParts(s);
          return inline ? `- ${chip(s.likelihood)}**${md(s.name)}**${/^\s/.test(rest) ? ' ' : ''}${md(rest.trimStart())}${tag(s)}` : `- **${md(s.name)}**\\\n  ${chip(s.likelihood)}${md(s.text)}${tag(s)}`;
        }).join('\n'),
      };
    case 'timeline':
      return { kind: 'timeline', body: slide.events.map((e) => `- **${md(e.when)}** ${md(e.text)}${tag(e)}`).join('\n') };
    case 'sources':
      return {
        kind: 'sources',
        body: [
          slide.sources
            .map((s, i) => {
              const url = s.url && safeUrl(s.url);
              const text = md(sourceLine({ ...s, url: undefined }));
              return `${i + 1}. ${text}${url ? ` [${md(s.url!)}](${url})` : ''}`;
            })
            .join('\n'),
          slide.caveat && `_${md(slide.caveat)}_`,
        ].filter(Boolean).join('\n\n'),
      };
    case 'markdown':
      return { kind: 'markdown', body: slide.markdown.replace(/^(-{3,}|\*{3,}|_{3,})\s*$/gm, '') };
  }
}

/** One slide of Marp Markdown (without the `---` separator). */
export function slideMarkdown(f: LaidOutSlide, accent: string, withNotes: boolean): string {
  const { slide, frame } = f;
  const { kind, body } = slideBody(f, accent);
  const line = f.cites.line;
  // "(continued)" is the CSS's, after the heading, in the muted colour.
  const classes = [`kind-${kind}`, slide.continued ? 'continued' : '', line ? 'cited' : ''].filter(Boolean).join(' ');
  const parts = [`<!-- _class: ${classes} -->`];
  if (kind === 'title') parts.push('<!-- _paginate: false -->');
  if (frame.scale !== 1 || frame.titleScale !== 1) parts.push(`<style scoped>section{--s:${frame.scale};--ts:${frame.titleScale}}</style>`);
  if (kind !== 'title' && kind !== 'section') parts.push(`## ${md(slide.title)}`);
  parts.push(body);
  if (line) parts.push(md(line));
  if (withNotes) for (const note of f.notes) parts.push(`<!--\n${escapeNote(note)}\n-->`);
  return parts.join('\n\n');
}

/** The Marp theme the written Markdown names: the one every Marp tool has. */
export const WRITTEN_THEME = 'default';

export function marpFrontMatter(deck: Deck, theme: ResolvedTheme): string {
  const footer = theme.footer ?? deck.organisation ?? '';
  const lines = ['---', 'marp: true', `theme: ${WRITTEN_THEME}`, 'paginate: true', 'size: 16:9', `title: ${JSON.stringify(deck.title)}`];
  if (deck.subtitle) lines.push(`description: ${JSON.stringify(deck.subtitle)}`);
  if (deck.presenter) lines.push(`author: ${JSON.stringify(deck.presenter)}`);
  if (deck.classification) lines.push(`header: ${directiveValue(deck.classification)}`);
  if (footer) lines.push(`footer: ${directiveValue(footer)}`);
  lines.push('---');
  return lines.join('\n');
}

/** The Marp Markdown of a laid-out deck: front-matter, the theme `<style>`, then one block per slide. */
export function marpMarkdown(layout: LaidOutDeck): string {
  const { deck, theme } = layout;
  const css = themeToMarpCss(theme, { banner: Boolean(deck.classification) });
  const slides = layout.slides.map((f) => slideMarkdown(f, theme.palette.accent, true));
  return `${marpFrontMatter(deck, theme)}\n\n<style>\n${css}\n</style>\n\n${slides.join('\n\n---\n\n')}\n`;
}

/** The same Markdown on another Marp theme: the front-matter's `theme:` line changed. */
export function onTheme(markdown: string, theme: string): string {
  return markdown.replace(/^(---\n(?:.*\n)*?)theme: .*\n/, `$1theme: ${theme}\n`);
}
