/**
 * Words the scrape glued together. Where a site's link or markup was removed, the space around it
 * often went too: "humanitarian grounds.Moreover, their…", "the Arctic regionhave not slowed",
 * "China’s”junior partnerWhile Beijing’s…", "the mid-2000sturn to the east". The articles are never
 * edited (every claim is a slice of the file), so this module only finds such places:
 *
 * - `gluedBoundaries`: a sentence end with no space after it ("grounds.Moreover"), or a word run
 *   into a capitalised function word ("partnerWhile"), where a new sentence starts and the
 *   sentence is split, so each half can be a claim with exact offsets;
 * - `gluedWords`: a token that is no English word but is two run together ("regionhave" → region +
 *   have), or a name run into the role that followed it ("Igor Sechinhead of Rosneft", where
 *   "Sechin, head" lost its comma and space), recorded on the claim as a flaw so selection keeps
 *   it off slides.
 *
 * The vocabulary is `an-array-of-english-words` (≈275,000 words, read once, lazily). A token
 * splits only when one half is a function word: real closed compounds ("policymakers") are two
 * content words and stay unflagged.
 */
import type { Sentence, Token } from './nlp.ts';
import { ownString } from './long-text.ts';
import { englishList, inSortedList } from './vocabulary.ts';

/**
 * Words looked up in the list's file by bisection (`vocabulary.ts`) until this many have been
 * asked about, about what parsing the list into a set costs; then the set. A newswire corpus of a
 * thousand short stories asks fewer and never pays for the set.
 */
const BISECTIONS = 60_000;
let set: Set<string> | undefined;
let asked = 0;
const vocabulary = {
  has(lower: string): boolean {
    if (set) return set.has(lower);
    if (++asked <= BISECTIONS) return inSortedList(englishList(), lower);
    set = new Set(JSON.parse(englishList()) as string[]);
    return set.has(lower);
  },
};

function english(): { has(lower: string): boolean } {
  return vocabulary;
}

/** Whether a lower-case word is in the English vocabulary. */
export function isEnglishWord(lower: string): boolean {
  return english().has(lower);
}

/** Closed-class words: a half of a glued token that is one of these cannot be part of a compound. */
const FUNCTION_WORDS = new Set(
  `the a an and or but nor so yet of to in on at by for with from into onto over under about after before
  between during through since until upon within without against among as than that this these those
  is are was were be been being has have had do does did will would shall should can could may might must
  it its they them their he him his she her we our you your who whom whose which what when where while
  not no also both either neither each every all some any such there here however moreover while although
  though whereas because if unless whether`.split(/\s+/),
);

/** Words that open sentences and are never glued to the previous word in running text. */
const SENTENCE_OPENERS = new Set(
  `the a an this these those it its they their he she we our in on at by for from as after before since
  while when where although though whereas because if unless however moreover furthermore nevertheless
  nonetheless meanwhile yet but and so thus hence still instead despite given with without amid during
  both neither either some many most such there here what how why`.split(/\s+/),
);

const ABBREVIATIONS = /(?:^|[^\p{L}])(?:etc|vs|e\.g|i\.e|mr|mrs|ms|dr|st|no|jr|sr|inc|ltd|co|corp|gov|approx)$/iu;

export interface GluedBoundary {
  /** Where the new sentence starts (offset into the text). */
  at: number;
  /** The glued token as written ("grounds.Moreover", "partnerWhile"). */
  token: string;
}

/**
 * Sentence starts inside glued tokens: "grounds.Moreover" (a full stop with no space after it, not
 * an abbreviation, URL, decimal or initials) and "partnerWhile" (a lower-case word run into a
 * capitalised sentence opener).
 */
export function gluedBoundaries(text: string): GluedBoundary[] {
  const out: GluedBoundary[] = [];
  // Each match below holds one of these (a lower-case letter, the stop, an upper-case one; or a
  // lower-case letter run into a capitalised word): one quick scan spares most paragraphs the
  // slower searches.
  if (!GLUE_SIGN.test(text)) return out;
  for (const m of text.matchAll(/(\S*?)(\p{Ll}{2,})([.!?])([”’"]?)(\p{Lu}\p{Ll}+)/gu)) {
    const [whole, before, word, , , next] = m;
    const token = whole;
    if (/[/@:]|www|\.\w+\./i.test(before) || ABBREVIATIONS.test(before + word)) continue;
    if (!english().has(next.toLowerCase()) && !/^\p{Lu}\p{Ll}+$/u.test(next)) continue;
    out.push({ at: (m.index ?? 0) + whole.length - next.length, token });
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Ll}{3,})(\p{Lu}\p{Ll}+)(?![\p{L}])/gu)) {
    const [whole, left, right] = m;
    if (!SENTENCE_OPENERS.has(right.toLowerCase()) || !english().has(left)) continue;
    out.push({ at: (m.index ?? 0) + left.length, token: whole });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** What every glued boundary contains: "s.M", "s.”M", "rW". */
const GLUE_SIGN = /\p{Ll}(?:[.!?][”’"]?)?\p{Lu}/u;

/** Tokens already split (or found whole): the same words come back in every claim. */
/** Tokens seen lately and how each splits (null: it does not), so each is looked up once. */
const splits = new Map<string, [string, string] | null>();

/** How a glued token splits into two words, or undefined when it is a word or not two of them. */
export function splitGlued(token: string): [string, string] | undefined {
  const known = splits.get(token);
  if (known !== undefined) return known ?? undefined;
  if (splits.size >= 50_000) splits.clear();
  const parts = splitOnce(token);
  splits.set(ownString(token), parts ?? null);
  return parts;
}

function splitOnce(token: string): [string, string] | undefined {
  const words = english();
  // Most tokens are lower-case words of the vocabulary, or short: neither camel case, nor a figure
  // run into a word, nor two words run together.
  if (LOWER_ASCII.test(token) && (token.length < 5 || words.has(token))) return undefined;
  const camel = /^(\p{Ll}{2,})(\p{Lu}\p{Ll}+)$/u.exec(token);
  if (camel && words.has(camel[1]) && words.has(camel[2].toLowerCase())) return [camel[1], camel[2]];
  const decade = /^(\d{3}0s|\d+)(\p{Ll}{3,})$/u.exec(token);
  if (decade && words.has(decade[2]) && !UNITS.has(decade[2])) return [decade[1], decade[2]];
  const lower = token.toLowerCase();
  if (!/^\p{L}{5,}$/u.test(token) || words.has(lower) || /\p{Lu}/u.test(token.slice(1))) return undefined;
  for (let i = 2; i <= lower.length - 2; i++) {
    const a = lower.slice(0, i);
    const b = lower.slice(i);
    if (!words.has(a) || !words.has(b)) continue;
    // One half a function word of three letters or more ("regionhave"), or both ("ofthe").
    const fa = FUNCTION_WORDS.has(a);
    const fb = FUNCTION_WORDS.has(b);
    if ((fa && fb) || (fa && a.length >= 3) || (fb && b.length >= 3)) return [token.slice(0, i), token.slice(i)];
  }
  return undefined;
}

const LOWER_ASCII = /^[a-z]+$/;

/** Function words that cannot end a name ("Germany" is not "Germ" + "any"; "Chinaand" is glued). */
const AFTER_NAME = new Set(['the', 'and', 'that', 'which', 'have', 'has', 'had', 'was', 'were', 'with', 'from', 'this', 'will', 'would', 'could', 'should']);
const AFTER_NAME_LIST = [...AFTER_NAME];
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

const UNITS = new Set(['bcm', 'bbl', 'mln', 'bln', 'million', 'billion', 'trillion', 'percent', 'km', 'kms', 'tonnes', 'tons', 'mw', 'gw', 'twh']);

/** Nouns that follow a name in apposition ("Igor Sechin, head of Rosneft"). */
const ROLE = /^(\p{Lu}\p{Ll}{2,})(head|chief|minister|president|director|chairman|spokesman|spokeswoman|founder|leader|secretary|governor|ambassador|envoy|adviser|advisor|deputy)$/u;

/**
 * A surname run into its role: a capitalised token after a capitalised first name, ending in a
 * role noun, whose name half is no English word ("Sechinhead"; not "Whitehead" or "Forehead").
 */
export function nameGluedToRole(token: string, before: string): [string, string] | undefined {
  const m = ROLE.exec(token);
  if (!m || !/\p{Lu}\p{Ll}+\s$/u.test(before)) return undefined;
  const words = english();
  if (words.has(token.toLowerCase()) || words.has(m[1].toLowerCase())) return undefined;
  return [m[1], m[2]];
}

/** Flaws of one claim's text: each glued token (`glued word "regionhave" (region + have)`) and stray quotation marks. */
export function gluedWords(text: string): string[] {
  const flaws: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = m[0];
    const at = m.index ?? 0;
    const role = ROLE.test(token) ? nameGluedToRole(token, text.slice(Math.max(0, at - 40), at)) : undefined;
    if (role) {
      flaws.push(`glued word "${token}" (${role[0]} + ${role[1]})`);
      continue;
    }
    // A capitalised token may be a name the vocabulary lacks: only "Chinaand" (name + function word)
    // counts. Such a token splits only into a head and a tail of its own letters: one that does not
    // end in such a word is not looked up at all (most names, on a newswire).
    const capitalised = CAPITALISED.test(token);
    if (capitalised && !AFTER_NAME_LIST.some((w) => token.length > w.length + 1 && token.endsWith(w))) continue;
    const parts = splitGlued(token);
    if (!parts) continue;
    if (capitalised && !AFTER_NAME.has(parts[1])) continue;
    flaws.push(`glued word "${token}" (${parts[0]} + ${parts[1]})`);
  }
  for (const m of text.matchAll(/\p{L}[”"](?=\p{L})|\p{L}“/gu)) {
    const at = m.index ?? 0;
    flaws.push(`stray quotation mark "${text.slice(Math.max(0, at - 6), at + 8).trim()}"`);
  }
  return flaws;
}

/**
 * Splits sentences at glued boundaries inside them ("…grounds.Moreover, their…" is two sentences).
 * A token that straddles the boundary ("partnerWhile") is cut in two; offsets stay exact.
 */
export function splitAtGlue(text: string, sentences: readonly Sentence[]): Sentence[] {
  const cuts = gluedBoundaries(text).map((b) => b.at);
  if (!cuts.length) return [...sentences];
  const out: Sentence[] = [];
  for (const s of sentences) {
    let rest: Sentence = s;
    for (const at of cuts) {
      if (at <= rest.start || at >= rest.end) continue;
      const left: Token[] = [];
      const right: Token[] = [];
      for (const t of rest.tokens) {
        if (t.end <= at) left.push(t);
        else if (t.start >= at) right.push(t);
        else {
          left.push({ ...t, text: text.slice(t.start, at), end: at });
          right.push({ ...t, text: text.slice(at, t.end), start: at });
        }
      }
      if (!left.length || !right.length) continue;
      out.push({ start: rest.start, end: left[left.length - 1].end, tokens: left });
      rest = { start: right[0].start, end: rest.end, tokens: right };
    }
    out.push(rest);
  }
  return out;
}
