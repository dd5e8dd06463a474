/**
 * The text `briefdeck new` writes: a briefing spec that builds as it is, with a comment above
 * every front-matter key saying what it does, the keys one usually sets left active and the rest
 * commented out, and a short body that shows the evidence helpers at work. Pure: the caller
 * decides the file name and writes the file.
 */
import type { Audience } from '../model.ts';
import { headingOf } from '../text.ts';

export interface SpecScaffold {
  title: string;
  audience: Audience;
  /** Written only when given; otherwise the audience's default theme applies. */
  theme?: string;
  topics: string[];
  /** Topics the corpus defines in `topics.yaml`; those get `topic=`, others a search text. */
  corpusTopics: string[];
  /** Path from the spec's folder to `schema/briefing.schema.json`. */
  schemaPath: string;
  /** ISO date for the title slide. */
  date: string;
}

const yamlString = (s: string) => JSON.stringify(s);

/** `topic="arms-trade"` when the corpus defines the topic (spelt with spaces or dashes), else a search text. */
function pick(topic: string, corpusTopics: readonly string[]): string {
  const slug = (t: string) => t.toLowerCase().trim().replace(/[\s_]+/g, '-');
  const known = corpusTopics.find((t) => slug(t) === slug(topic));
  return known ? `topic=${yamlString(known)}` : yamlString(topic);
}

export function renderSpecScaffold(s: SpecScaffold): string {
  const topicList = s.topics.length ? `[${s.topics.map(yamlString).join(', ')}]` : '[]';
  const lines = [
    '---',
    `# yaml-language-server: $schema=${s.schemaPath}`,
    '# A briefdeck briefing spec. Build it with `briefdeck build <this file>`, or keep',
    '# `briefdeck preview` open and save: the deck reloads in the browser.',
    '',
    '# Deck title, shown on the title slide (required).',
    `title: ${yamlString(s.title)}`,
    '# Second line of the title slide.',
    '# subtitle: "What changed this quarter"',
    '# Date on the title slide, YYYY-MM-DD.',
    `date: ${s.date}`,
    '# Who presents it, and for which organisation.',
    '# presenter: "A. Analyst"',
    '# organisation: "Strategy Unit"',
    '',
    '# Who the deck is for: executive, analyst, expert or public. It sets the slide budget,',
    '# bullet length, how citations show and whether speaker notes are written.',
    `audience: ${s.audience}`,
    '# Theme folder under themes/ (`briefdeck themes` lists them). Leave it out to wear the',
    "# audience's default theme, or the one briefdeck.config.yaml maps to the audience.",
    s.theme ? `theme: ${s.theme}` : '# theme: analyst',
    '# Outputs to build: html, pdf, pptx, handout. Default: the config file, else all four.',
    '# formats: [html, pptx]',
    '# Slide budget; the audience gives a default.',
    '# length: 10',
    '',
    '# Topics to cover (keys of corpus/topics.yaml, or plain words). With no body below,',
    '# briefdeck writes one section per topic by itself.',
    `topics: ${topicList}`,
    '# Limit the evidence: documents by id, publisher or author; a date range.',
    '# sources: [ISPI]',
    '# since: 2022-01-01',
    '# until: 2024-12-31',
    '# Claim ids or phrases that must appear, or must never appear.',
    '# include: ["multi-vector"]',
    '# exclude: []',
    '',
    '# Banner on every slide, and theme overrides.',
    '# classification: OFFICIAL',
    '# accent: "#1f4e79"',
    '# footer: "Strategy Unit"',
    '# Changes to the audience defaults: bullets per slide, words per bullet, citations.',
    '# policy: { bullets: 4, words: 30, citations: bullet }',
    '',
    '# Below: each `#` heading starts a section; a helper in double braces, e.g. claims or',
    '# quote, pulls cited evidence from the corpus; plain Markdown is kept as written.',
    '---',
    '',
    '# Bottom line up front',
    '',
    '{{bluf limit=3}}',
    '',
  ];
  for (const topic of s.topics) {
    lines.push(`# ${headingOf(topic)}`, '', `{{claims ${pick(topic, s.corpusTopics)} limit=4}}`, '');
  }
  // Without a search text a helper takes the best of the whole (filtered) corpus, which is what
  // a first draft wants for figures and the quote; narrow them once the deck takes shape.
  lines.push(
    '# Key figures',
    '',
    '{{figures limit=3}}',
    '',
    '# In their own words',
    '',
    '{{quote}}',
    '',
    '# Sources',
    '',
    '{{sources}}',
    '',
  );
  return lines.join('\n');
}
