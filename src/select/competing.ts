/**
 * Competing views for an expert's notes: claims on a slide's subject, from documents the slide
 * does not cite, that push the other way ("however", "doubts", "may not"). They are not recorded
 * as shown: they live in notes only.
 */
import type { Claim } from '../model.ts';
import { retrieve, type ClaimRequest, type SelectionContext } from './index.ts';
import { scoreCandidate } from './rank.ts';

const CONTRAST = /\b(however|but|although|doubt|doubts|may not|not as|sceptic|skeptic|contrary|challenge|questions?|limits?|uncertain)\b/i;

/** The best `limit` such claims, best first; ties broken by claim id. */
export function competingClaims(ctx: SelectionContext, request: ClaimRequest, shownDocs: ReadonlySet<string>, limit = 2): Claim[] {
  return retrieve(ctx, { ...request, limit: 50, accept: undefined })
    .filter((c) => !shownDocs.has(c.claim.docId) && CONTRAST.test(c.claim.text))
    .map((c) => ({ c, score: scoreCandidate(c, ctx.prefs) }))
    .sort((a, b) => b.score - a.score || (a.c.claim.id < b.c.claim.id ? -1 : 1))
    .slice(0, limit)
    .map(({ c }) => c.claim);
}
