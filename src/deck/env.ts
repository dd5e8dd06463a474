/**
 * What every helper resolver shares while one deck is composed: the spec, the audience policy,
 * the selection context (with its ledger of what was shown), the source book and the messages.
 * Also the one way a claim becomes a bullet, so compression and citations are the same everywhere.
 */
import type { Bullet, BriefingSpec, Claim, Diagnostic, EvidenceStore, HelperCall } from '../model.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { message } from '../diagnostics/message.ts';
import { aboutness, isPinned, leansOnContext, namesSubject, saysNothing, searchTerms, wordsOf, type SelectionContext, type StandAloneOptions } from '../select/index.ts';
import type { SourceBook } from './citations.ts';
import { compressSentence, wordCount, type Compressed } from './compress.ts';
import { expandAcronyms, nameOwner, nameSpeaker, type Named } from './insertions.ts';
import type { AudiencePolicy } from './policy.ts';
import { datelineLength, relativeTime } from './when.ts';
import { withoutTickers } from '../text.ts';
import { isClause, mainClause } from './grammar.ts';

export interface ComposeEnv {
  spec: BriefingSpec;
  policy: AudiencePolicy;
  select: SelectionContext;
  book: SourceBook;
  strict: boolean;
  diagnostics: Diagnostic[];
  /** Every query or topic the deck covers, for the bottom line up front. */
  coverage: { query?: string; topic?: string }[];
  /** Claim id and length → the claim compressed, and as shown (see `keptTexts`). */
  compressed: Map<string, Compressed>;
  shown: Map<string, Named & { fits: boolean }>;
}

/** Claims' texts as compressed and as shown, by claim id and length (`bulletText`, `shownText`). */
export type TextMemory = Pick<ComposeEnv, 'compressed' | 'shown'>;

/**
 * A claim's compressed and shown text depend on the claim, its document and the audience's
 * compression settings only: kept with the store object for those settings, so the next deck or
 * a rebuild over the same corpus reads them back instead of compressing and tagging again. A
 * store whose corpus changed is a new object and starts empty.
 */
const keptByStore = new WeakMap<EvidenceStore, Map<string, Pick<ComposeEnv, 'compressed' | 'shown'>>>();

/** Texts kept per store and settings; beyond, the memory starts over (a long session, a large corpus). */
const KEPT_TEXTS = 50_000;

export function keptTexts(store: EvidenceStore, policy: Pick<AudiencePolicy, 'compress' | 'overrun'>): Pick<ComposeEnv, 'compressed' | 'shown'> {
  let bySettings = keptByStore.get(store);
  if (!bySettings) keptByStore.set(store, (bySettings = new Map()));
  const key = `${policy.compress}|${policy.overrun}`;
  let kept = bySettings.get(key);
  if (!kept || kept.compressed.size + kept.shown.size > KEPT_TEXTS) bySettings.set(key, (kept = { compressed: new Map(), shown: new Map() }));
  return kept;
}

/** The claim as the audience reads it: compressed by deletion when the policy asks or it is too long. */
export function bulletText(env: ComposeEnv, claim: Claim, maxWords = env.policy.maxWords): Compressed {
  const key = `${claim.id}|${maxWords}`;
  let c = env.compressed.get(key);
  if (!c) {
    // Line breaks of a wrapped paragraph are spaces on a slide; a wire dateline is a lead-in.
    // (A wire's tickers are no words of the line: "Comalco Ltd <CMAC.S> said" reads "Comalco Ltd said".)
    const text = claim.text.replace(/\s+/g, ' ');
    // (An abbreviation's point ends the sentence too: "…near Winnemucca, Nev.." reads "Nev.")
    const source = withoutTickers(text.slice(datelineLength(text))).replace(/(?<=\p{L})\.\.(?=["”’]?\s*$)/u, '.');
    const at = (limit: number) => {
      const out = compressSentence(source, { maxWords: limit, always: env.policy.compress, detach: true });
      // Shortening that leaves no clause ("The Gulf oil state of Qatar, recovering slightly from…")
      // made a fragment: the sentence is not used at this length.
      return out.fits && out.text !== source && !isClause(out.text) ? { ...out, fits: false } : out;
    };
    c = at(maxWords);
    // The audience's length is a norm, not a wall: a sentence a few words over that cannot lose
    // them without losing its point beats a shorter one that says less.
    const cap = Math.round(maxWords * env.policy.overrun);
    if (!c.fits && cap > maxWords) {
      const longer = at(cap);
      if (longer.fits) c = longer;
    }
    env.compressed.set(key, c);
  }
  return c;
}

/**
 * The line as shown: its compressed text with its speaker named in brackets where the article
 * says who "he" or "Funaro" is (`insertions.ts`). Read alone, this is the text to judge.
 */
export function shownText(env: ComposeEnv, claim: Claim, maxWords = env.policy.maxWords): Named & { fits: boolean } {
  const key = `${claim.id}|${maxWords}`;
  let shown = env.shown.get(key);
  if (!shown) {
    const c = bulletText(env, claim, maxWords);
    const doc = env.select.store.document(claim.docId);
    // A speaker is named with the role the article gives, where the line has room for it.
    const words = env.select.words();
    const common = (word: string) => !words.neverLower(word);
    let named = nameSpeaker(doc, claim, c.text, { common });
    if (named.insertions.length && wordCount(named.text) > maxWords) named = nameSpeaker(doc, claim, c.text, { roles: false, common });
    // A short name written out in full ("[Consolidated TVX Mining Corp]") is a help, not what the
    // line needs to stand: where it leaves no room, the line keeps the article's short name.
    if (named.insertions.length && wordCount(named.text) > maxWords) named = nameSpeaker(doc, claim, c.text, { roles: false });
    // A line that names no one says whose its subject is where the lead gave it one owner.
    if (!named.insertions.length) {
      const owned = nameOwner(doc, claim, c.text, common);
      // (One word more, within the length a line may run to.)
      if (owned.insertions.length && wordCount(owned.text) <= Math.round(maxWords * env.policy.overrun)) named = owned;
    }
    const room = owned(named) ? Math.round(maxWords * env.policy.overrun) : maxWords;
    const fits = c.fits && (named.insertions.length === 0 || wordCount(named.text) <= room);
    // An acronym the article defined is written out where the length allows it.
    // (Within the length a line may run to, as compression allows it: a norm, not a wall.)
    const expanded = expandAcronyms(doc, claim, named, Math.max(Math.round(maxWords * env.policy.overrun), wordCount(named.text)));
    shown = { ...expanded, fits };
    env.shown.set(key, shown);
  }
  return shown;
}

/**
 * The length a line may have where it states a whole point (the bottom line) or where a slide
 * would otherwise run short: a quarter more words than the audience's other bullets (and the
 * overrun on top of that, as for any line).
 */
export function longerWords(env: Pick<ComposeEnv, 'policy'>): number {
  return Math.round(env.policy.maxWords * LONGER);
}
const LONGER = 1.25;

/**
 * The length a line may have where a slide would otherwise hold fewer than two lines
 * (`acceptLongest`): a whole sentence as long as a slide's line is ever read, for an audience
 * whose lines are short; no more than `longerWords` for one whose lines are long already.
 */
export function longestWords(env: Pick<ComposeEnv, 'policy'>): number {
  return Math.max(longerWords(env), LONGEST_LINE);
}
const LONGEST_LINE = 40;

/** Whether a claim can be shown to this audience within its bullet length. */
export function fits(env: ComposeEnv, claim: Claim, maxWords = env.policy.maxWords): boolean {
  return bulletText(env, claim, maxWords).fits;
}

/**
 * What a request may show: the bullet fits the audience's length and, after compression, is still
 * about the request's subject (compression must not delete the reason a claim was chosen: a topic
 * tag on the source sentence is not enough when its words were cut).
 */
export function acceptor(env: ComposeEnv, request: { query?: string; topic?: string }, maxWords = env.policy.maxWords, options?: StandAloneOptions): (claim: Claim) => boolean {
  const terms = searchTerms(env.select.store, request).map((t) => t.slice(0, 5));
  return (claim) => standsAlone(env, claim, maxWords, options) && (!terms.length || stillAbout(claim));
  function stillAbout(claim: Claim): boolean {
    // (The words compression kept, before any name is written out in brackets for them.)
    const shown = bulletText(env, claim, maxWords).text;
    const subject = env.select.subject(request);
    // "Despite numerous challenges, considering … shared interests in … the Arctic …, the
    // partnership will likely continue to flourish": a subject named only in the phrases that lead
    // up to the main clause is its circumstance, not what the line says.
    const main = mainClause(shown);
    if (main && !isPinned(claim, env.spec) && !namesSubject(subject, wordsOf(main), claim.docId)) return false;
    if (aboutness(subject, wordsOf(shown), claim.docId, claim.id) > 0) return true;
    // A claim the spec names with `include:` goes where a section's words at least appear in it.
    const text = shown.toLowerCase();
    return isPinned(claim, env.spec) && terms.some((t) => text.includes(t));
  }
}

/** Fits the audience's bullet length and does not point at a sentence the slide lacks. */
export function standsAlone(env: ComposeEnv, claim: Claim, maxWords = env.policy.maxWords, options?: StandAloneOptions): boolean {
  const shown = shownText(env, claim, maxWords);
  // A claim the spec names with `include:` is the author's call: it only has to fit.
  if (isPinned(claim, env.spec)) return shown.fits;
  return shown.fits && !leansOnContext(shown.text, options) && !saysNothing(shown.text) && datedEnough(env, claim, shown.text) && !env.select.pointsBack(claim, owned(shown) ? shown.text : bulletText(env, claim, maxWords).text) && !misspelt(env, shown.text);
}

/** Whether the line says whose its subject is in brackets ("[Japan's] male unemployment…"): it then names someone. */
const owned = (shown: Named): boolean => shown.insertions.some((i) => i.replaces.start === i.replaces.end);

/** Whether a line shows a word its source misspelt ("[Dilson Funaro] was reactnng to…"): the corpus's typos are not put on slides. */
function misspelt(env: ComposeEnv, text: string): boolean {
  return env.select.misspelt(text);
}

/**
 * "last year" needs the article's year beside the line: only a tag on the bullet can show it, and
 * the document must have a date. "today", "on Thursday", "last week" are not read against a date in
 * a tag: on a slide they are the meeting's today, and a reader takes the line as news of this week
 * (readers marked such lines as not standing alone nearly two times in three, dated or not).
 */
function datedEnough(env: ComposeEnv, claim: Claim, text: string): boolean {
  const relative = relativeTime(text);
  if (!relative) return true;
  if (relative === 'day') return false;
  return !!env.select.store.document(claim.docId)?.date && env.policy.citations !== 'sources-slide';
}

export function makeBullet(env: ComposeEnv, claim: Claim, maxWords?: number): Bullet {
  const { text, insertions } = shownText(env, claim, maxWords);
  const bullet: Bullet = {
    text,
    ...(insertions.length ? { insertions } : {}),
    // (A day reference deleted from the line is the article's: its tag gives the full date.)
    citation: env.book.cite(claim, claim.text, { fullDate: relativeTime(claim.text) === 'day' }),
    kind: claim.kind,
  };
  // A chip saying "probably not" before a line that says "unlikely" reads as a double negative
  // ("PROBABLY NOT: a breakup remains the least plausible option"): the line's own words say it.
  if (claim.likelihood && !/\bnot\b/.test(claim.likelihood)) bullet.likelihood = claim.likelihood;
  return bullet;
}

/** A message about a helper call, at its line and column; `strict` turns warnings into errors. */
export function warnAt(
  env: ComposeEnv,
  call: Pick<HelperCall, 'line' | 'column'>,
  code: DiagnosticCode,
  reason: string,
  hint?: string,
): void {
  env.diagnostics.push(message(code, reason, { file: env.spec.file, line: call.line, column: call.column },
    { hint, severity: env.strict ? 'error' : 'warning' }));
}
