/**
 * Deck → Marp Markdown, the one intermediate every browser format renders from. The file is
 * standalone: the theme travels as a `<style>` block over Marp's `default` theme, images as data
 * URIs, so `marp out/<name>.marp.md` renders it unchanged. Layout comes from Markdown and slide
 * classes only (no raw HTML), so it looks the same with marp-cli's default `html: false`.
 * Every corpus string goes through `escape.ts`; only `markdown` slides (the author's own) are
 * passed through.
 */
import type { Bullet, Deck, FigureItem, ResolvedTheme, Slide } from '../model.ts';
import { themeToMarpCss } from '../theme/css.ts';
import { directiveValue, escapeMarkdown as md, escapeNote, safeUrl } from './escape.ts';
import { fitDeck, figuresCompare, sourceLine, type FittedSlide } from './fit.ts';

const tag = (b: { citation?: { tag: string } }) => (b.citation ? ` _${md(b.citation.tag)}_` : '');
const chip = (likelihood?: string) => (likelihood ? `\`${likelihood}\` ` : '');

function bulletList(bullets: Bullet[]): string {
  return bullets.map((b) => `- ${chip(b.likelihood)}${md(b.text)}${tag(b)}`).join('\n');
}

function figureChart(figures: FigureItem[], accent: string): string {
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

function slideBody(slide: Slide, accent: string): { kind: string; body: string } {
  switch (slide.kind) {
    case 'title': {
      const meta = [slide.presenter, slide.organisation, slide.date].filter(Boolean).map((s) => md(s!)).join(' · ');
      return { kind: 'title', body: [`# ${md(slide.title)}`, slide.subtitle && md(slide.subtitle), meta].filter(Boolean).join('\n\n') };
    }
    case 'section':
      return { kind: 'section', body: [`# ${md(slide.title)}`, slide.subtitle && md(slide.subtitle)].filter(Boolean).join('\n\n') };
    case 'bullets':
      return { kind: 'bullets', body: bulletList(slide.bullets) };
    case 'judgements':
      return { kind: 'judgements', body: bulletList(slide.judgements) };
    case 'quote': {
      const who = [md(slide.quote.speaker), slide.quote.role && md(slide.quote.role)].filter(Boolean).join(', ');
      return { kind: 'quote', body: `> “${md(slide.quote.text)}”\n\n— **${who}**${tag(slide)}` };
    }
    case 'figures': {
      if (slide.figures.length === 1) {
        const f = slide.figures[0];
        return { kind: 'figure', body: `**${md(f.display)}**\n\n${md(f.label)}${f.year ? ` \\(${f.year}\\)` : ''}${tag(f)}` };
      }
      if (figuresCompare(slide.figures)) return { kind: 'chart', body: figureChart(slide.figures, accent) };
      return { kind: 'cards', body: slide.figures.map((f) => `- **${md(f.display)}** ${md(f.label)}${tag(f)}`).join('\n') };
    }
    case 'scenarios':
      return {
        kind: 'scenarios',
        body: slide.scenarios.map((s) => `- **${md(s.name)}** ${chip(s.likelihood)}${md(s.text)}${tag(s)}`).join('\n'),
      };
    case 'timeline':
      return { kind: 'timeline', body: slide.events.map((e) => `- **${md(e.when)}** ${md(e.text)}${tag(e)}`).join('\n') };
    case 'sources':
      return {
        kind: 'sources',
        body: slide.sources
          .map((s, i) => {
            const url = s.url && safeUrl(s.url);
            const text = md(sourceLine({ ...s, url: undefined }));
            return `${i + 1}. ${text}${url ? ` [${md(s.url!)}](${url})` : ''}`;
          })
          .join('\n'),
      };
    case 'markdown':
      return { kind: 'markdown', body: slide.markdown.replace(/^(-{3,}|\*{3,}|_{3,})\s*$/gm, '') };
  }
}

function notesFor(slide: Slide): string[] {
  const cites: string[] = [];
  const add = (c?: { tag: string; sentence: string }) => c && cites.push(`${c.tag} ${c.sentence}`);
  if (slide.kind === 'bullets') slide.bullets.forEach((b) => add(b.citation));
  if (slide.kind === 'judgements') slide.judgements.forEach((b) => add(b.citation));
  if (slide.kind === 'quote') add(slide.citation);
  if (slide.kind === 'figures') slide.figures.forEach((f) => add(f.citation));
  if (slide.kind === 'scenarios') slide.scenarios.forEach((s) => add(s.citation));
  if (slide.kind === 'timeline') slide.events.forEach((e) => add(e.citation));
  return [...slide.notes, ...cites];
}

/** One slide of Marp Markdown (without the `---` separator). */
export function slideMarkdown(f: FittedSlide, accent: string, withNotes: boolean): string {
  const { slide } = f;
  const { kind, body } = slideBody(slide, accent);
  const classes = [`kind-${kind}`, slide.continued ? 'continued' : ''].filter(Boolean).join(' ');
  const parts = [`<!-- _class: ${classes} -->`];
  if (kind === 'title') parts.push('<!-- _paginate: false -->');
  if (f.scale !== 1 || f.titleScale !== 1) parts.push(`<style scoped>section{--s:${f.scale};--ts:${f.titleScale}}</style>`);
  if (kind !== 'title' && kind !== 'section') parts.push(`## ${md(slide.title)}`);
  parts.push(body);
  if (withNotes) for (const note of notesFor(slide)) parts.push(`<!--\n${escapeNote(note)}\n-->`);
  return parts.join('\n\n');
}

export function marpFrontMatter(deck: Deck, theme: ResolvedTheme): string {
  const footer = theme.footer ?? deck.organisation ?? '';
  const lines = ['---', 'marp: true', 'theme: default', 'paginate: true', 'size: 16:9', `title: ${JSON.stringify(deck.title)}`];
  if (deck.subtitle) lines.push(`description: ${JSON.stringify(deck.subtitle)}`);
  if (deck.presenter) lines.push(`author: ${JSON.stringify(deck.presenter)}`);
  if (deck.classification) lines.push(`header: ${directiveValue(deck.classification)}`);
  if (footer) lines.push(`footer: ${directiveValue(footer)}`);
  lines.push('---');
  return lines.join('\n');
}

/** The Marp Markdown of a fitted deck: front-matter, the theme `<style>`, then one block per slide. */
export function fittedToMarpMarkdown(deck: Deck, theme: ResolvedTheme, fitted: FittedSlide[]): string {
  const css = themeToMarpCss(theme, { banner: Boolean(deck.classification) });
  const slides = fitted.map((f) => slideMarkdown(f, theme.palette.accent, true));
  return `${marpFrontMatter(deck, theme)}\n\n<style>\n${css}\n</style>\n\n${slides.join('\n\n---\n\n')}\n`;
}

export function deckToMarpMarkdown(deck: Deck, theme: ResolvedTheme): string {
  return fittedToMarpMarkdown(deck, theme, fitDeck(deck, theme));
}
