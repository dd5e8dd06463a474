/**
 * What every helper resolver shares while one deck is composed: the spec, the audience policy,
 * the selection context (with its ledger of what was shown), the source book and the messages.
 * Also the one way a claim becomes a bullet, so compression and citations are the same everywhere.
 */
import type { Bullet, BriefingSpec, Claim, Diagnostic } from '../model.ts';
import type { HelperCall } from '../spec/helpers.ts';
import type { SelectionContext } from '../select/index.ts';
import type { SourceBook } from './citations.ts';
import { compressSentence, type Compressed } from './compress.ts';
import type { AudiencePolicy } from './policy.ts';

export interface ComposeEnv {
  spec: BriefingSpec;
  policy: AudiencePolicy;
  select: SelectionContext;
  book: SourceBook;
  strict: boolean;
  diagnostics: Diagnostic[];
  /** Every query or topic the deck covers, for the bottom line up front. */
  coverage: { query?: string; topic?: string }[];
  compressed: Map<string, Compressed>;
}

/** The claim as the audience reads it: compressed by deletion when the policy asks or it is too long. */
export function bulletText(env: ComposeEnv, claim: Claim, maxWords = env.policy.maxWords): Compressed {
  const key = `${claim.id}|${maxWords}`;
  let c = env.compressed.get(key);
  if (!c) {
    c = compressSentence(claim.text, { maxWords, always: env.policy.compress });
    env.compressed.set(key, c);
  }
  return c;
}

/** Whether a claim can be shown to this audience within its bullet length. */
export function fits(env: ComposeEnv, claim: Claim, maxWords = env.policy.maxWords): boolean {
  return bulletText(env, claim, maxWords).fits;
}

export function makeBullet(env: ComposeEnv, claim: Claim, maxWords?: number): Bullet {
  const bullet: Bullet = {
    text: bulletText(env, claim, maxWords).text,
    citation: env.book.cite(claim, claim.text),
    kind: claim.kind,
  };
  if (claim.likelihood) bullet.likelihood = claim.likelihood;
  return bullet;
}

/** A message about a helper call, at its line and column; `strict` turns warnings into errors. */
export function warnAt(
  env: ComposeEnv,
  call: Pick<HelperCall, 'line' | 'column'>,
  code: string,
  message: string,
  hint?: string,
): void {
  env.diagnostics.push({
    severity: env.strict ? 'error' : 'warning',
    file: env.spec.file,
    line: call.line,
    column: call.column,
    message,
    ...(hint ? { hint } : {}),
    code,
  });
}
