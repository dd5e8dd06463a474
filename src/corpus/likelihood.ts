/**
 * Estimative language → Sherman Kent's words of estimative probability. The most specific phrase
 * wins: "almost certainly not" before "certainly", "not likely"/"unlikely" before "likely", so
 * negation is read where the author wrote it. Bare modals (may, could) are too common in analysis
 * to carry a likelihood on their own and are left out on purpose.
 *
 * A likelihood tag says what the author judges, so `claimLikelihood` reads only the author's own
 * voice on the sentence's main claim:
 *   - not reported speech: "Several Opec members said a cut in production was unlikely" is their
 *     estimate, not the author's, and so is anything inside quotation marks;
 *   - not an adjective on a noun: "the probable reorientation" qualifies a noun, the sentence
 *     states a fact;
 *   - not a subordinate clause: in "Even though the asymmetry is likely to grow, Moscow…" the
 *     main claim is about Moscow.
 * Estimative adverbs and predicates of the main clause count: "is likely to", "will probably",
 * "unlikely to", "almost certainly", "it is probable that".
 */
import type { Likelihood } from '../model.ts';

const SCALE: Array<[Likelihood, RegExp]> = [
  ['almost certainly not', /\b(almost certainly not|highly unlikely|very unlikely|extremely unlikely|no chance|virtually impossible|remote (chance|possibility))\b/i],
  ['probably not', /\b(unlikely|probably not|not (be )?likely|not very likely|doubtful|improbable|least (plausible|likely|probable))\b/i],
  ['almost certain', /\b(almost certain(ly)?|virtually certain|highly likely|very likely|undoubtedly|no doubt|certainly|surely)\b/i],
  ['probable', /\b(most (probably|likely)|likely|probably|probable|presumably|odds are|we (judge|assess|believe)|expected to)\b/i],
  ['chances about even', /\b(chances (are )?about even|even chance|as likely as not|fifty-fifty|possibly|perhaps|may well)\b/i],
];

/** The estimative phrase a sentence holds, on Kent's scale, wherever it stands. */
export function likelihoodOf(sentence: string): Likelihood | undefined {
  for (const [likelihood, pattern] of SCALE) if (pattern.test(sentence)) return likelihood;
  return undefined;
}

/** Someone other than the author says or thinks it: "members said", "analysts expect", "according to". */
const REPORTED =
  /\b(?:said|says|say|told|tell|added|stated|states|noted|argued|argues|warned|warns|believes?|believed|thinks?|thought|predicted|predicts|expects?|expected(?!\s+to\b)|estimated|estimates|forecast|forecasts|claimed|claims|insisted|insists|reported|reports|conceded|admitted|acknowledged|suggested|suggests|agreed|agrees|according\s+to|quoted)\b/i;
const TRAILING_SOURCE = /,\s+(?:[^,]{0,80}\s)?(?:said|says|told|added|stated|noted|argued|warned|believes?|believed|predicted|estimated|agreed|according\s+to)\b[^,]*$/i;
/**
 * A second predicate of the sentence: "The talks are being headed by Mario Brodersohn and are
 * expected to…" states who heads them; what is expected is said on the way.
 */
const SECOND_PREDICATE = /\s(?:and|but)\s+(?:(?:is|are|was|were|will|would|has|have|had)\s+(?:also\s+|now\s+|still\s+)?)?$/i;
/** The author's own reporting verbs: "we believe", "I think", "we judge". */
const OWN_VOICE = /\b(?:we|i)\s+(?:(?:still|also|now|firmly)\s+)?(?:believe|think|judge|assess|expect|estimate|argue|suggest)\b/i;
/** An estimative adjective before a noun: "the probable reorientation", "an unlikely ally". */
const ADJECTIVE =
  /\b(?:the|a|an|its|their|his|her|our|this|that|these|those|any|[\p{L}]+['’]s)\s+(?:(?:most|more|very|highly|quite|rather|less)\s+)?(?:probable|likely|unlikely|improbable|possible|certain|doubtful)\s+(?!to\b|that\b|than\b|if\b|as\b)\p{L}/giu;
/** Clauses that are not the main claim: "Even though X is likely to grow, …", "…, which is likely to…". */
const SUBORDINATE = /(?:^|[,;(—–]\s*|\s)(?:although|though|even\s+though|while|whereas|if|unless|because|since|once|which|who|whose|whom)\s[^,;:()—–]*$/i;

/** Where estimative words stand in the sentence, after setting aside adjectives on nouns. */
function estimativeAt(sentence: string): number | undefined {
  const masked = sentence.replace(ADJECTIVE, (m) => ' '.repeat(m.length - 1) + m.slice(-1));
  let first: number | undefined;
  // (Each scale's expression, not a global copy of it made anew per sentence: the first match is the same.)
  for (const [, pattern] of SCALE) {
    const m = pattern.exec(masked);
    if (m && (first === undefined || m.index < first)) first = m.index;
  }
  return first;
}

/**
 * The likelihood the author gives the sentence's main claim, or undefined: none for reported
 * speech (`reported`: an attributed claim, a sentence inside a quotation), for an adjective on a
 * noun, or for an estimate in a subordinate clause.
 */
export function claimLikelihood(sentence: string, reported = false): Likelihood | undefined {
  if (reported) return undefined;
  const at = estimativeAt(sentence);
  if (at === undefined) return undefined;
  // Someone else's estimate: the estimative words follow a reporting verb ("members said a cut was
  // unlikely") or the sentence ends on its source (", analysts said."). Before the verb they are the
  // author's own ("The leadership most probably expected …").
  if (REPORTED.test(sentence.slice(0, at)) && !OWN_VOICE.test(sentence)) return undefined;
  if (TRAILING_SOURCE.test(sentence)) return undefined;
  if (SUBORDINATE.test(sentence.slice(0, at))) return undefined;
  const before = sentence.slice(0, at);
  if (SECOND_PREDICATE.test(before) && /\b(?:is|are|was|were|has|have|had|will|would|\p{Ll}{3,}ed)\b/u.test(before.replace(SECOND_PREDICATE, ''))) return undefined;
  // Read the scale on what is left: the adjectives masked out cannot set the level either.
  const masked = sentence.replace(ADJECTIVE, (m) => ' '.repeat(m.length));
  return likelihoodOf(masked);
}
