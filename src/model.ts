/**
 * The shared model of briefdeck. Every stage imports its inputs and outputs from here and from
 * nowhere else, so a reader can follow the pipeline by types alone:
 *
 *   corpus/*  ──ingest──▶ CorpusDocument[] ──extract──▶ Claim[] + Quote[] ──index──▶ EvidenceStore
 *   briefings/*.md ──parse──▶ BriefingSpec ──select(store)──▶ Selection ──compose──▶ Deck
 *   Deck + ResolvedTheme ──layout──▶ LaidOutDeck ──write──▶ html | pdf | pptx | handout | deck.json
 *
 * Offsets (`start`/`end`) are always UTF-16 code-unit offsets into the *decoded file text* of the
 * document (what `CorpusDocument.text` holds), so `doc.text.slice(start, end) === item.text`.
 */

// ─── Diagnostics ────────────────────────────────────────────────────────────────────────────────

export type Severity = 'error' | 'warning' | 'info';

/** A message about the user's input, in the manner of vfile: where, what, and how to fix it. */
export interface Diagnostic {
  severity: Severity;
  /** Path of the file the message is about, relative to the project root where possible. */
  file: string;
  /** 1-based line and column; absent when the message is about the whole file. */
  line?: number;
  column?: number;
  message: string;
  /** How to fix it ("did you mean 'executive'?"). */
  hint?: string;
  /**
   * Stable machine-readable code, `<source>/<rule>` as vfile's `source` and `ruleId`
   * (`spec/unknown-audience`); every code is listed in `diagnostics/codes.ts` and the README.
   */
  code: string;
  /** Detail that a summary line already covers: printed only with `--verbose`. */
  verbose?: boolean;
  /** For an internal error: where it happened (the stack), printed with `--verbose`. */
  detail?: string;
}

// ─── Corpus ─────────────────────────────────────────────────────────────────────────────────────

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf';

/** A paragraph of clean body text: a slice of the decoded file text. */
export interface Paragraph {
  /** 1-based index among the *kept* paragraphs of the document. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A block that cleaning removed, kept so users can see what was dropped and why. */
export interface DroppedBlock {
  start: number;
  end: number;
  text: string;
  /** e.g. `boilerplate: advertisement marker`, `duplicate of ¶3`, `short link-like line`. */
  reason: string;
}

export interface DocumentMeta {
  /** Stable id: the path under the corpus folder without extension (`000_eb967fafdfeae713`, `business/001`). */
  id: string;
  /** Path relative to the project root. */
  path: string;
  format: DocumentFormat;
  title: string;
  authors: string[];
  /** ISO `YYYY-MM-DD` when known. */
  date?: string;
  publisher?: string;
  url?: string;
  /** When republished: who published it first. */
  originalPublisher?: string;
  /** When republished: the site the file was scraped from ("Global Courant"). */
  republishedBy?: string;
  /** sha256 of the raw file bytes. */
  hash: string;
  /** Words in the kept paragraphs. */
  words: number;
  /** Words in the blocks cleaning dropped (menus, footers, duplicates…): a page that lost most of its text stands out. */
  droppedWords?: number;
  /**
   * ISO 639-1 code of the text's language as detected ('en', 'de'); absent when there was too
   * little text to tell. Claims and quotes are extracted from English documents only.
   */
  language?: string;
  /**
   * In a document listing (no text): for a title in capitals, the body's spellings of the title's
   * words, which citation tags read in place of the text.
   */
  tagBody?: string;
}

export interface CorpusDocument extends DocumentMeta {
  /** The decoded file text: every offset in the corpus points into this string. */
  text: string;
  paragraphs: Paragraph[];
  dropped: DroppedBlock[];
}

export type ClaimKind = 'statistic' | 'fact' | 'assessment' | 'forecast' | 'attributed';

/** Words of estimative probability (Sherman Kent), from most to least likely. */
export const LIKELIHOODS = [
  'almost certain',
  'probable',
  'chances about even',
  'probably not',
  'almost certainly not',
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export interface Figure {
  /** The figure as written: "40%", "25-30%", "$400 billion". A slice of the claim text. */
  text: string;
  /** Numeric value (lower bound for ranges). */
  value: number;
  /** Upper bound for ranges like "25-30%". */
  valueHigh?: number;
  /** "%", "USD", "bcm", "tonnes", "years"… */
  unit?: string;
  /** What it measures, in words taken from the sentence ("of total arms exports"). */
  measure?: string;
  year?: number;
}

/** One sentence of clean text that says something a briefing can use. */
export interface Claim {
  /** Stable id: `<docId>:p<paragraph>:s<sentence>`. */
  id: string;
  /** Exactly `doc.text.slice(start, end)`. */
  text: string;
  kind: ClaimKind;
  docId: string;
  paragraph: number;
  start: number;
  end: number;
  figures: Figure[];
  actors: string[];
  topics: string[];
  likelihood?: Likelihood;
  /** For `attributed` claims: who is reported ("Henry Kissinger", "RUSI"). */
  attribution?: string;
  /** Key terms in scare quotes (“multi-vector”). */
  keyTerms?: string[];
  /**
   * What the scrape broke in this sentence (`glued word "regionhave" (region + have)`, a stray
   * quotation mark). Selection keeps flawed claims off slides while a clean one can serve.
   */
  flaws?: string[];
}

/** A direct quotation, verbatim, with who said it. */
export interface Quote {
  id: string;
  /** The words inside the quotation marks: exactly `doc.text.slice(start, end)`. */
  text: string;
  speaker: string;
  /** Role when the text gives one ("Russian President"). */
  role?: string;
  /** The words that introduce the quote ("has stated that,", "according to"). */
  cue: string;
  docId: string;
  paragraph: number;
  start: number;
  end: number;
}

export interface ClaimQuery {
  /** Free text, matched with bm25 against claim text. */
  text?: string;
  kinds?: ClaimKind[];
  topics?: string[];
  docIds?: string[];
  limit?: number;
}

export interface ScoredClaim extends Claim {
  /** Higher is better; bm25-derived, comparable within one query. */
  score: number;
}

/**
 * Word counts a store keeps at ingest over every claim (`src/corpus/word-counts.ts`), so a deck's
 * corpus statistics cost lookups, not a pass over the corpus's text.
 */
export interface StoredWordCounts {
  /** Documents with a claim. */
  documents: number;
  claims: number;
  /** Claims and documents that use each stem; stems the corpus never uses are left out. */
  stems(stems: readonly string[]): Map<string, { claims: number; documents: number }>;
  /** How often each word (lower case) is capitalised and in lower case mid-sentence; words never seen there are left out. */
  forms(forms: readonly string[]): Map<string, { upper: number; lower: number }>;
}

/** The indexed corpus every later stage reads from. Implementations own their I/O. */
export interface EvidenceStore {
  /** Every document's metadata, without its text (a large corpus's text is never held at once). */
  documents(): DocumentMeta[];
  /** One whole document: text, paragraphs and dropped blocks. */
  document(id: string): CorpusDocument | undefined;
  /** Every claim at once: for small corpora and tests; selection reads through the methods below. */
  claims(): Claim[];
  /** Every claim in store order, read a page at a time (default: `claims()`). */
  eachClaim?(): Iterable<Claim>;
  /** The claims with these ids, in store order (default: from `claims()`). */
  claimsById?(ids: readonly string[]): Claim[];
  /** The claims tagged with a topic, any spelling of its name, in store order (default: from `claims()`). */
  claimsTagged?(topic: string): Claim[];
  /** The claims of these documents, in store order (default: from `claims()`). */
  claimsOfDocuments?(docIds: readonly string[]): Claim[];
  /** Each document's first kept paragraph, without reading the rest of it (default: from `document()`). */
  leads?(docIds: readonly string[]): Map<string, string>;
  /** The ids and scores `searchClaims({ text, limit })` returns, without reading the claims (default: from it). */
  searchIds?(text: string, limit?: number): Array<{ id: string; score: number }>;
  /** Counts, without reading any row (default: the lengths of the lists). */
  stats?(): { documents: number; claims: number; quotes: number };
  /** The word counts kept at ingest over every claim (default: counted from the claims a deck reads). */
  wordCounts?(): StoredWordCounts;
  quotes(): Quote[];
  searchClaims(query: ClaimQuery): ScoredClaim[];
  /** Topic → keywords in force (from `corpus/topics.yaml`), empty when the corpus has none. */
  topics(): Record<string, string[]>;
  diagnostics: Diagnostic[];
  /**
   * A value that changes whenever anything the store holds changes (a file stored or removed, by
   * any process, the topics retagged); undefined when the store keeps none. What was worked out
   * from the store may be reused while it is the same.
   */
  version?(): string | undefined;
  close(): void;
}

// ─── Briefing spec ──────────────────────────────────────────────────────────────────────────────

export const AUDIENCES = ['executive', 'analyst', 'expert', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const FORMATS = ['html', 'pdf', 'pptx', 'handout'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/**
 * How slides show citations: `slide` one source tag per slide (executive), `bullet` a tag after
 * every bullet (analyst, expert), `sources-slide` no tags on slides, only the closing Sources
 * slide (public). Every pulled item still carries its `Citation` in the deck either way.
 */
export type CitationStyle = 'slide' | 'bullet' | 'sources-slide';

/** Per-spec changes to the audience defaults (front-matter `policy:`). */
export interface PolicyOverrides {
  /** Most bullets on one slide. */
  bullets?: number;
  /** Most words in one bullet; longer source sentences are compressed or skipped. */
  words?: number;
  /** Shorten bullets by deleting words from their source sentence. */
  compress?: boolean;
  citations?: CitationStyle;
}

export interface ThemeOverrides {
  accent?: string;
  /** Path under `assets/`. */
  logo?: string;
  footer?: string;
}

export type HelperName = 'claims' | 'figures' | 'quote' | 'judgements' | 'scenarios' | 'timeline' | 'sources' | 'bluf';

/** A helper call as written in the body (`{{claims "pipelines" limit=3}}`), with its file position. */
export interface HelperCall {
  helper: HelperName;
  query?: string;
  topic?: string;
  limit?: number;
  title?: string;
  kind?: ClaimKind;
  speaker?: string;
  source?: string;
  line: number;
  column: number;
  /** The call as written, for messages. */
  raw: string;
  /** When nothing matches, take the best evidence regardless (the topics-only plan's quote). */
  fallback?: boolean;
}

/** Literal Markdown the author wrote in a section, kept as written. */
export interface MarkdownBlock {
  markdown: string;
  line: number;
}

export type SectionBlock = { kind: 'markdown'; block: MarkdownBlock } | { kind: 'helper'; call: HelperCall };

/** One section of a spec's body: a `#` or `##` heading and what follows it. */
export interface BodySection {
  /** Heading text; empty for content before the first heading. */
  title: string;
  /** 1 for `#`, 2 for `##`, 0 before the first heading. */
  level: 0 | 1 | 2;
  line: number;
  blocks: SectionBlock[];
}

export interface BriefingSpec {
  /** Path of the spec file, relative to the project root. */
  file: string;
  /** Output base name (`briefings/energy.md` → `energy`). */
  name: string;
  title: string;
  subtitle?: string;
  date?: string;
  presenter?: string;
  organisation?: string;
  audience: Audience;
  theme: string;
  formats: OutputFormat[];
  /** Slide budget; defaults from the audience policy. */
  length?: number;
  topics: string[];
  sources?: string[];
  since?: string;
  until?: string;
  include?: string[];
  exclude?: string[];
  classification?: string;
  notes: boolean;
  overrides: ThemeOverrides;
  /** Changes to the audience's defaults for bullets per slide, bullet length and citations. */
  policy?: PolicyOverrides;
  /** Where each front-matter key's value starts in the file, for messages from later stages. */
  locations?: Record<string, { line: number; column: number }>;
  /**
   * The body after the front-matter, read once by the spec stage: its sections with their
   * Markdown and helper calls. Empty when the spec has only front-matter (the deck is planned
   * from `topics:`).
   */
  sections: BodySection[];
}

// ─── Deck ───────────────────────────────────────────────────────────────────────────────────────

/** Where a line on a slide comes from. */
export interface Citation {
  docId: string;
  paragraph: number;
  start: number;
  end: number;
  /** The document as the tag and the Sources slide name it: "Kaczmarski 2022". Slides that list their sources group by it. */
  stem: string;
  /** The article's day and month, for a line that says "today" or "on Thursday": "2 Mar". */
  day?: string;
  /** Short tag shown on slides: the stem and the paragraph, `Kaczmarski 2022 ¶4` (`Ussr Wheat 1987 ¶3, 2 Mar` with a day). */
  tag: string;
  /** The full source sentence, for speaker notes and handouts. */
  sentence: string;
}

export interface SourceEntry {
  docId: string;
  title: string;
  authors: string[];
  publisher?: string;
  date?: string;
  url?: string;
  /** The short tag stem used on slides ("Kaczmarski 2022"). */
  tag: string;
}

/**
 * An editorial insertion: a name in square brackets copied from earlier in the same document,
 * in place of the words it replaces ("[Ed Balls] said" for "he said").
 */
export interface Insertion {
  /** As shown, brackets included: "[Ed Balls]". */
  text: string;
  /** Offsets into the document of the words it stands for ("he"). */
  replaces: { start: number; end: number };
  /** Offsets into the document of the name it copies. */
  source: { start: number; end: number };
}

export interface Bullet {
  /** What the slide shows: the source by deleting words only, plus any recorded `insertions`. */
  text: string;
  /** Names put in brackets for words the line could not be read alone with. */
  insertions?: Insertion[];
  citation?: Citation;
  kind?: ClaimKind;
  likelihood?: Likelihood;
}

export interface FigureItem {
  label: string;
  value: number;
  valueHigh?: number;
  unit?: string;
  /** The figure as written in the source. */
  display: string;
  year?: number;
  citation: Citation;
}

export interface Scenario {
  name: string;
  text: string;
  likelihood?: Likelihood;
  citation?: Citation;
}

export interface TimelineEvent {
  /** As written or ISO: "1996", "2014", "2022-02-24". */
  when: string;
  text: string;
  citation?: Citation;
}

/** Which pulled line a note is about: the span of its source its citation points at. */
export interface CitedSpan {
  docId: string;
  start: number;
  end: number;
}

/**
 * One paragraph of speaker notes. A note that gives a pulled line's source in full names that
 * line (`cites`), so the layout neither repeats it nor moves it to a slide that does not show it.
 */
export interface SpeakerNote {
  text: string;
  cites?: CitedSpan;
}

interface SlideBase {
  title: string;
  /** Speaker notes, one paragraph per entry. */
  notes: SpeakerNote[];
  /** `true` when this slide continues the previous one (content split to avoid overflow). */
  continued?: boolean;
}

export type Slide =
  | (SlideBase & {
      kind: 'title';
      subtitle?: string;
      presenter?: string;
      organisation?: string;
      date?: string;
    })
  | (SlideBase & { kind: 'section'; subtitle?: string })
  | (SlideBase & { kind: 'bullets'; bullets: Bullet[] })
  /** `bottomLine`: the deck's bottom line up front, whose lines may run a quarter longer. */
  | (SlideBase & { kind: 'judgements'; judgements: Bullet[]; bottomLine?: boolean })
  | (SlideBase & { kind: 'quote'; quote: Quote; citation: Citation })
  /**
   * `chart`: the figures compare like with like (same unit and measure, different subjects or
   * dates) and are drawn as a bar chart; otherwise as number cards. Decided when the deck is
   * composed; renderers follow it.
   */
  | (SlideBase & { kind: 'figures'; figures: FigureItem[]; chart?: boolean })
  | (SlideBase & { kind: 'scenarios'; scenarios: Scenario[] })
  | (SlideBase & { kind: 'timeline'; events: TimelineEvent[] })
  /**
   * `caveat`: what the deck's evidence lacks, shown under the list on its last slide ("Thin
   * evidence: the corpus holds no document that names "retail sales"…").
   */
  | (SlideBase & { kind: 'sources'; sources: SourceEntry[]; caveat?: string })
  /** Literal Markdown the spec author wrote; renderers treat it as trusted author content. */
  | (SlideBase & { kind: 'markdown'; markdown: string });

export type SlideKind = Slide['kind'];

export interface Deck {
  /** Output base name. */
  name: string;
  title: string;
  subtitle?: string;
  audience: Audience;
  /** Resolved theme name. */
  theme: string;
  presenter?: string;
  organisation?: string;
  date?: string;
  classification?: string;
  overrides: ThemeOverrides;
  /** Show speaker notes in outputs (handout and PPTX notes pages). */
  notes: boolean;
  /** How slides show citations (from the audience policy); renderers default to `bullet`. */
  citations?: CitationStyle;
  /**
   * The slide budget (`length:`, else the audience's): the laid-out deck, and so every output,
   * has at most this many slides. Absent: no budget.
   */
  budget?: number;
  slides: Slide[];
  sources: SourceEntry[];
}

// ─── Layout ─────────────────────────────────────────────────────────────────────────────────────

/** A rectangle in points: on the 960 × 540 pt (13.333 × 7.5 in) slide, or a template's own size. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where things go on one slide surface: the theme's 16:9 slide (HTML, PDF, handout, PowerPoint)
 * or a PowerPoint template's slide, whose placeholders bring their own boxes.
 */
export interface SlideCanvas {
  /** Slide size in points. */
  width: number;
  height: number;
  margin: number;
  gap: number;
  /** Height of the classification banner (0 without one). */
  banner: number;
  /** Band at the bottom for logo, footer text and page number. */
  footer: number;
  /** Where slide titles go. */
  title: Box;
  /** The content area under a title of one line, and under one of two. */
  body: [Box, Box];
}

/** A run of the author's Markdown, as PowerPoint draws it natively. */
export interface AuthorRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
  /** A line break before this run (soft and hard breaks both break, as in Marp). */
  breakBefore?: boolean;
}

/** One paragraph of the author's Markdown: a line of text, list item, heading, quote or code. */
export interface AuthorParagraph {
  role: 'text' | 'bullet' | 'number' | 'heading' | 'quote' | 'code';
  /** List nesting: 0 outside lists and for top-level items. */
  depth: number;
  /** For `number`: the item's number. */
  number?: number;
  /** For `heading`: 1–6. */
  level?: number;
  /** For non-item paragraphs inside a list item: indent to the item's text. */
  inList?: boolean;
  runs: AuthorRun[];
}

/** Which source tags a laid-out slide shows, under the deck's citation style. */
export interface ShownCitations {
  /** Each item carries its own short tag (the `bullet` style). */
  tags: boolean;
  /** The one source line under the content (`slide` style, on slides that cite anything). */
  line?: string;
}

/** How one laid-out slide sits on one canvas: its type scale and every box a writer draws in. */
export interface SlideFrame {
  /** Multiplier on the body (and quote) type size. */
  scale: number;
  /** Multiplier on the heading size: below 1 only for titles longer than two lines. */
  titleScale: number;
  /** Lines the title takes (1 or 2). */
  titleLines: number;
  /** The accent rule under the title. */
  titleRule: Box;
  /** The content area under the title. */
  body: Box;
  /** Where the items go: the body less the source line and the gap above it. */
  content: Box;
  /** The source line, at the foot of the body (`slide` citation style). */
  citationLine?: Box;
  /** The accent bar beside a quote, or along a timeline. */
  rule?: Box;
  /**
   * The items drawn in boxes of their own, in slide order: the quote's text; each timeline event;
   * each figure card or scenario column; a single figure's number, then its label.
   */
  items?: Box[];
  /** A timeline's date column, one box per event. */
  labels?: Box[];
}

export interface LaidOutSlide {
  /**
   * The slide as shown: a slide split to fit is several laid-out slides, each holding only its
   * part (`continued` on all but the first), with only the notes about what it shows.
   */
  slide: Slide;
  /** Index in the composed deck's slides of the slide this one shows (a part of). */
  source: number;
  /** The title as shown: "Energy (continued)" on a continuation. */
  title: string;
  cites: ShownCitations;
  /** Speaker notes as every format prints them: one string per paragraph. */
  notes: string[];
  /** On the theme's slide: HTML, PDF, handout, and PowerPoint without a template. */
  frame: SlideFrame;
  /** On the PowerPoint template's slide, when the theme names a template. */
  templateFrame?: SlideFrame;
  /** A Markdown slide's paragraphs, read once, for writers that draw them natively. */
  paragraphs?: AuthorParagraph[];
}

/**
 * The deck as people see it: the only thing writers are given. Every format shows exactly these
 * slides; `deck` is the composed deck cut to them (what `deck.json` holds), so the summary,
 * `deck.json` and every output agree.
 */
export interface LaidOutDeck {
  deck: Deck;
  theme: ResolvedTheme;
  canvas: SlideCanvas;
  /** The PowerPoint template's canvas, when the theme names a template. */
  templateCanvas?: SlideCanvas;
  slides: LaidOutSlide[];
}

// ─── Theme ──────────────────────────────────────────────────────────────────────────────────────

/** One definition per theme; both the Marp CSS and the PowerPoint masters come from it. */
export interface ThemeTokens {
  name: string;
  description: string;
  /** Audiences this theme is designed for. */
  audiences: Audience[];
  extends?: string;
  palette: {
    background: string;
    text: string;
    heading: string;
    accent: string;
    muted: string;
    surface: string;
    banner: string;
    bannerText: string;
  };
  fonts: { heading: string; body: string; mono: string };
  /** Point sizes on a 16:9 slide of 13.333 × 7.5 in (1280 × 720 px). */
  sizes: { title: number; heading: number; body: number; small: number; quote: number; figure: number };
  /** Inches. */
  spacing: { margin: number; gap: number };
  logo?: string;
  /** PowerPoint decks are built on this template's masters and layouts (absolute path once resolved). */
  pptx?: { template: string };
  /** Extra CSS appended to the Marp theme. */
  css?: string;
}

/** A theme after `extends:` and spec overrides are applied. */
export interface ResolvedTheme extends ThemeTokens {
  /** Folder the theme was loaded from. */
  dir: string;
  /** Absolute path of the logo file, if any. */
  logoPath?: string;
  footer?: string;
}
