/**
 * The language of a document and the words cleaning counts in it. jusText tells body text from
 * boilerplate by the share of stopwords in a block, which only works with the stopwords of the
 * block's language: an English list finds none in a German article and drops all of it. The
 * language is detected by ELD on the document's longest blocks (menus are short and would
 * mislead it); the stopwords come from stopwords-iso, except English, which keeps jusText's own
 * kind of list the thresholds were set with. A language without a list is classified without
 * stopwords (length, links and neighbours only) rather than as if it were English.
 */
import { createRequire } from 'node:module';

export interface LanguageProfile {
  /** ISO 639-1 code ('en', 'de'), or 'und' when the text is too short or mixed to tell. */
  code: string;
  /** Undefined when no list exists for the language: blocks are then judged without stopwords. */
  stopwords?: ReadonlySet<string>;
  /** For scripts written without spaces (Chinese, Japanese, Thai): words found by ICU. */
  segmenter?: Intl.Segmenter;
}

/** Scripts that do not separate words with spaces: a regex finds "words" a sentence long. */
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);
/** Characters of body-like text given to the detector: enough to be sure, cheap to read. */
const SAMPLE_CHARS = 4000;
/** jusText's stopword density of body text (`stopwordsLow`), for the English fast path. */
const ENGLISH_BODY_DENSITY = 0.3;
/** Shorter lines are menu items and labels, too few words for the detector. */
const MIN_SAMPLE_LINE = 40;

const require = createRequire(import.meta.url);
let eldModule: Promise<typeof import('eld/small')> | undefined;
/**
 * ELD, imported once: an import of a module already loaded still goes through the loader's
 * resolution, and a newswire corpus asks for the detector once per story.
 */
const detector = () => (eldModule ??= import('eld/small'));
let isoLists: Record<string, string[]> | undefined;
const profiles = new Map<string, LanguageProfile>();

/** English function words, jusText's kind of list: jusText's thresholds were set with such a list. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also although am among an and any are as at be because been before being
  below between both but by can could did do does doing down during each either even ever every few for from further
  had has have having he her here hers herself him himself his how however i if in into is it its itself just least
  less many may me might more most much must my myself neither no nor not now of off on once one only or other our
  ours ourselves out over own per rather same shall she should since so some such than that the their theirs them
  themselves then there these they this those though through thus to too under until up upon us very via was we were
  what when where whether which while who whom whose why will with within without would yet you your yours
  across already always another around back became become becomes behind beyond cannot come comes current currently
  different done due else enough especially etc far find first get give given go going good great including indeed
  instead keep keeps known last later least let like likely long look made mainly make makes making mean means
  moreover mostly near nearly need needs never new next none nothing often part particularly perhaps possible put
  quite really right said say says second see seem seems several show side similar simply something soon still take
  taken therefore thing things think third three time today together toward towards two unless use used using various
  want way ways well whatever whole work year years`.split(/\s+/),
);

export const ENGLISH: LanguageProfile = { code: 'en', stopwords: ENGLISH_STOPWORDS };
export const UNDETERMINED: LanguageProfile = { code: 'und' };

export function languageProfile(code: string): LanguageProfile {
  if (code === 'en') return ENGLISH;
  let profile = profiles.get(code);
  if (!profile) {
    isoLists ??= require('stopwords-iso') as Record<string, string[]>;
    const list = isoLists[code];
    profile = { code, ...(list ? { stopwords: new Set(list.map((w) => w.toLowerCase())) } : {}) };
    if (UNSPACED.has(code)) profile.segmenter = new Intl.Segmenter(code, { granularity: 'word' });
    profiles.set(code, profile);
  }
  return profile;
}

/**
 * The language of a text, read by ELD (n-grams) on its longest lines; undefined when there is too
 * little text to tell.
 */
export async function detectLanguage(text: string): Promise<string | undefined> {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l.length >= MIN_SAMPLE_LINE)
    .sort((a, b) => b.length - a.length);
  let sample = '';
  for (const l of lines) {
    if (sample.length >= SAMPLE_CHARS) break;
    sample += `${l}\n`;
  }
  if (!sample) return undefined;
  sample = sample.slice(0, SAMPLE_CHARS);
  // Text whose English stopwords alone reach the density of body text (jusText's threshold) is
  // English: the detector's n-gram tables (1.6 MB) are not even loaded for an English corpus.
  if (coverage(sample, ENGLISH) >= ENGLISH_BODY_DENSITY) return 'en';
  const { eld } = await detector();
  // Each line is read on its own and votes with its length: one long notice in another language
  // (a copyright line, a server warning) does not outvote the article's paragraphs.
  const votes = new Map<string, number>();
  for (const line of sample.split('\n')) {
    if (!line) continue;
    const found = eld.detect(line);
    if (found.language && found.isReliable()) votes.set(found.language, (votes.get(found.language) ?? 0) + line.length);
  }
  const language = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!language) return undefined;
  if (language === 'en') return 'en';
  // Short, upper-case or tabular English (a wire story, a price table) can read as another
  // language to n-grams; that language's own stopwords must then cover the text better than
  // English ones do, or the text is taken as English.
  const other = languageProfile(language);
  if (other.stopwords && coverage(sample, other) <= coverage(sample, ENGLISH)) return 'en';
  return language;
}

/**
 * The other languages a document's paragraphs are written in, for reading each paragraph by its
 * own stopwords: a function that names, for a paragraph, the one of them whose stopwords cover
 * most of it. The languages are those ELD reads reliably on the document's long lines
 * (`minLength`) that do not read as the document's language (under `body` of its stopwords), at
 * most {@link FOREIGN_SAMPLE} of them, the longest, and that have a list. Undefined when there is
 * no such line, and for an English document, whose reading never loads the detector (see
 * {@link detectLanguage}); none of the English pages of trafilatura's set needed it. A long text
 * may come as its sections (`sections.ts`, which end at line ends), read one after the other.
 */
export async function otherLanguageReader(
  text: string | Iterable<string>,
  language: LanguageProfile,
  minLength: number,
  body: number,
): Promise<((paragraph: string) => LanguageProfile | undefined) | undefined> {
  if (!language.stopwords || language.segmenter || language === ENGLISH) return undefined;
  // The longest lines, first come first among equals: the longest of each part and of those kept before.
  let foreign: string[] = [];
  for (const part of typeof text === 'string' ? [text] : text)
    foreign = foreign
      .concat(part.split('\n').filter((l) => l.length > minLength && coverage(l, language) < body))
      .sort((a, b) => b.length - a.length)
      .slice(0, FOREIGN_SAMPLE);
  if (!foreign.length) return undefined;
  const { eld } = await detector();
  const others = new Set<LanguageProfile>();
  for (const line of foreign) {
    const found = eld.detect(line);
    if (!found.language || !found.isReliable() || found.language === language.code) continue;
    const other = languageProfile(found.language);
    if (other.stopwords && !other.segmenter) others.add(other);
  }
  if (!others.size) return undefined;
  return (paragraph) => {
    let best: LanguageProfile | undefined;
    let most = 0;
    for (const other of others) {
      const c = coverage(paragraph, other);
      if (c > most) (most = c), (best = other);
    }
    return best;
  };
}

/** Long lines in another language read to tell which languages a document mixes in. */
const FOREIGN_SAMPLE = 40;

function coverage(text: string, language: LanguageProfile): number {
  const words = wordsOf(text, language);
  if (!words.length || !language.stopwords) return 0;
  return words.filter((w) => language.stopwords!.has(w)).length / words.length;
}

/** The words of a text, lower-cased, as the stopword count sees them. */
export function wordsOf(text: string, profile: LanguageProfile): string[] {
  if (profile.segmenter) {
    const out: string[] = [];
    for (const s of profile.segmenter.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
    return out;
  }
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}
