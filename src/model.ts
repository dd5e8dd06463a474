/**
 * The shared model of briefdeck. Every stage imports its inputs and outputs from here and from
 * nowhere else, so a reader can follow the pipeline by types alone:
 *
 *   corpus/*  ──ingest──▶ CorpusDocument[] ──extract──▶ Claim[] + Quote[] ──index──▶ EvidenceStore
 *   briefings/*.md ──parse──▶ BriefingSpec ──select(store)──▶ Selection ──compose──▶ Deck
 *   Deck + Theme ──render──▶ html | pdf | pptx | handout
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
  /** Stable machine-readable code, e.g. `spec/unknown-audience`. */
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
  /** Markdown body after the front-matter, Handlebars helpers not yet expanded. */
  body: string;
  /** 1-based line in the file where `body` starts, for diagnostics. */
  bodyLine: number;
}

// ─── Deck ───────────────────────────────────────────────────────────────────────────────────────

/** Where a line on a slide comes from. */
export interface Citation {
  docId: string;
  paragraph: number;
  start: number;
  end: number;
  /** Short tag shown on slides, e.g. `[Kaczmarski 2022 ¶4]`. */
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

interface SlideBase {
  title: string;
  /** Speaker notes, one paragraph per entry. */
  notes: string[];
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
  | (SlideBase & { kind: 'sources'; sources: SourceEntry[] })
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
  slides: Slide[];
  sources: SourceEntry[];
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
