/**
 * Estimative language → Sherman Kent's words of estimative probability. The most specific phrase
 * wins: "almost certainly not" before "certainly", "not likely"/"unlikely" before "likely", so
 * negation is read where the author wrote it. Bare modals (may, could) are too common in analysis
 * to carry a likelihood on their own and are left out on purpose.
 */
import type { Likelihood } from '../model.ts';

const SCALE: Array<[Likelihood, RegExp]> = [
  ['almost certainly not', /\b(almost certainly not|highly unlikely|very unlikely|extremely unlikely|no chance|virtually impossible|remote (chance|possibility))\b/i],
  ['probably not', /\b(unlikely|probably not|not (be )?likely|not very likely|doubtful|improbable|least (plausible|likely|probable))\b/i],
  ['almost certain', /\b(almost certain(ly)?|virtually certain|highly likely|very likely|undoubtedly|no doubt|certainly|surely)\b/i],
  ['probable', /\b(most (probably|likely)|likely|probably|probable|presumably|odds are|we (judge|assess|believe)|expected to)\b/i],
  ['chances about even', /\b(chances (are )?about even|even chance|as likely as not|fifty-fifty|possibly|perhaps|may well)\b/i],
];

export function likelihoodOf(sentence: string): Likelihood | undefined {
  for (const [likelihood, pattern] of SCALE) if (pattern.test(sentence)) return likelihood;
  return undefined;
}
