/**
 * Whether a claim tagged `assessment` or `forecast` really states a judgement. The corpus stage
 * tags a sentence as an assessment on any of a broad set of cues, including a lone size or rank
 * adjective ("Russia has become a *major* supplier of oil and gas to China"), which is a fact with
 * a big word in it. A judgement slide (bottom line, key judgements, scenarios) should be carried by
 * estimative language — a likelihood, a modal ("will", "would", "may"), a hedge ("seems", "is
 * likely to", "arguably") — or by evaluative words that weigh something ("vulnerable",
 * "lopsided", "undermines", "crucial"); a claim whose only cue is a size adjective ranks below.
 */
import type { Claim } from '../model.ts';

/** Estimative language: likelihood words, modals, hedges, expectation. */
const ESTIMATIVE =
  /\b(?:will|won['’]t|would|wouldn['’]t|could|couldn['’]t|might|may|should|must|cannot|can['’]t|(?:is|are|was|were|remains?|seems?)\s+(?:un)?likely|(?:un)?likely|probabl[ey]|possibl[ey]|perhaps|arguably|evidently|undoubtedly|no doubt|seems?|seemed|appears?|appeared|suggests?|suggested|implies|indicates?|expected to|bound to|set to|going to|doubtful|uncertain|unclear|in the (?:coming|next|long[-\s]term|foreseeable))\b/i;

/** Evaluative words: they weigh what they describe rather than measure it. */
const EVALUATIVE =
  /\b(?:crucial|essential|important|vital|critical|decisive|fundamental|unprecedented|remarkabl[ey]|striking|vulnerab\w*|\w*dependen(?:t|ce|cy)|\w*relian(?:t|ce)|(?:far|much|ever|increasingly)\s+(?:more|less|greater|smaller)|increasingly|worr\w*|desperat\w*|asymmetr\w*|lopsided|unequal|imbalance\w*|fragile|fragility|durable|resilien\w*|junior|subordinat\w*|weak\w*|undermin\w*|threat\w*|risk\w*|benefit\w*|advantage\w*|leverage|isolat\w*|reluctan\w*|wary|distrust\w*|suspicio\w*|ambitio\w*|limited|limits?|fail\w*|success\w*|effective\w*|clearly|difficult|hard to|far from|paradox\w*|problematic|cautious\w*|pragmatic|opportunis\w*|at best|at most|merely|only a|no more than|not (?:an?|the) (?:alliance|ally)|marriage of convenience|alignment|rivalr\w*|tension\w*|mistrust\w*)\b/i;

/** A month name, not a modal: "in May 2022", "May 9". */
const MONTH_MAY = /\bMay\s+\d|\b(?:in|of|since|until|by|from|early|late|mid-?)\s+May\b/g;

/**
 * "It is difficult to foresee for how long sanctions will be imposed", "It remains to be seen
 * whether…", "It is too early to say…": a sentence that says only that the matter cannot be known
 * judges nothing. ("Considering the benefits and trade-offs of cooperation, it is difficult to
 * foresee how long Russia will tolerate…" gives its grounds: a reasoned assessment.)
 */
export function onlyUncertain(text: string): boolean {
  return UNKNOWABLE.test(text);
}
const UNKNOWABLE =
  /^(?:it\s+(?:is|was|remains|will\s+be|would\s+be)\s+(?:still\s+|very\s+|too\s+|extremely\s+)?(?:difficult|hard|impossible|unclear|uncertain|early|premature)\s+(?:to\s+(?:foresee|predict|forecast|say|tell|know|judge|assess|determine|gauge|estimate)\b|whether|how|what|when)|it\s+remains\s+(?:to\s+be\s+seen|unclear|uncertain)|only\s+time\s+will\s+tell|(?:no\s+one|nobody)\s+(?:knows|can\s+(?:say|tell|predict)))/i;

/** Sentences already read in this process, by likelihood and text: the answer depends on them alone. */
let judged = new Map<string, boolean>();
const KEPT_JUDGEMENTS = 50_000;

/**
 * Readings made in earlier runs (`build/selection-file.ts`), by likelihood and text: read, and
 * added to, from now on (with this process's own).
 */
export function keepJudgements(readings: Map<string, boolean>): void {
  if (readings === judged) return;
  for (const [key, known] of judged) if (!readings.has(key)) readings.set(key, known);
  judged = readings;
}

/** Whether the claim's judgement is carried by estimative or evaluative language. */
export function carriesJudgement(claim: Pick<Claim, 'text' | 'likelihood'>): boolean {
  const key = `${claim.likelihood ?? ''}\u0000${claim.text}`;
  let known = judged.get(key);
  if (known === undefined) {
    if (judged.size >= KEPT_JUDGEMENTS) judged = new Map();
    judged.set(key, (known = judgedNow(claim)));
  }
  return known;
}

function judgedNow(claim: Pick<Claim, 'text' | 'likelihood'>): boolean {
  if (onlyUncertain(claim.text)) return false;
  if (claim.likelihood) return true;
  const text = claim.text.replace(MONTH_MAY, '');
  return ESTIMATIVE.test(text) || EVALUATIVE.test(text);
}

/** Words that put a sentence in the future or the conditional. */
const FUTURE =
  /\b(?:will|won['’]t|would|wouldn['’]t|could|might|may|(?:is|are)\s+(?:un)?likely\s+to|likely\s+to|expected\s+to|bound\s+to|set\s+to|going\s+to|if|unless|scenario|in the (?:coming|next|long[-\s]term|foreseeable))\b/i;

/**
 * Whether a claim speaks of what may happen, as a scenario must: a forecast, or a sentence in the
 * future or conditional. A past event described with a likelihood-like word ("the probable
 * reorientation of Russian energy priorities") is not a scenario.
 */
export function speaksOfFuture(claim: Pick<Claim, 'text' | 'kind'>): boolean {
  if (claim.kind === 'forecast') return true;
  return FUTURE.test(claim.text.replace(MONTH_MAY, ''));
}
