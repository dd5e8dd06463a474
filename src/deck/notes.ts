/**
 * Speaker notes by audience: executives get each full source sentence with its reference;
 * analysts the evidence with kind, figures and paragraph reference; experts that plus context and
 * competing views from other sources; a public speaker gets talking points with what backs them.
 */
import type { Bullet, Citation } from '../model.ts';
import { retrieve, type ClaimRequest } from '../select/index.ts';
import { scoreCandidate } from '../select/rank.ts';
import type { ComposeEnv } from './env.ts';

const CONTRAST = /\b(however|but|although|doubt|doubts|may not|not as|sceptic|skeptic|contrary|challenge|questions?|limits?|uncertain)\b/i;

/** Notes for a slide of bullets (claims, judgements, figures, timeline or scenario lines). */
export function bulletNotes(env: ComposeEnv, bullets: readonly Bullet[], context: string[] = []): string[] {
  if (!env.spec.notes) return [];
  const notes: string[] = [];
  for (const b of bullets) {
    if (!b.citation) continue;
    notes.push(...citationNote(env, b.citation, b));
  }
  return [...notes, ...context];
}

export function citationNote(env: ComposeEnv, cited: Citation, bullet?: Pick<Bullet, 'text' | 'kind' | 'likelihood'>): string[] {
  if (!env.spec.notes) return [];
  // A hard-wrapped source keeps its line breaks in the citation; notes read it as one line.
  const c = { ...cited, sentence: cited.sentence.replace(/\s+/g, ' ') };
  const ref = env.book.reference(c);
  switch (env.policy.notes) {
    case 'sources':
      return [`${c.sentence} — ${ref}`];
    case 'evidence': {
      const what = [bullet?.kind, bullet?.likelihood].filter(Boolean).join(', ');
      return [`[${c.tag}] ${c.sentence}${what ? ` (${what})` : ''} — ${ref}`];
    }
    case 'context':
      return [`[${c.tag}] ${c.sentence} — ${ref}`];
    case 'talking-points':
      return [`Talking point: ${bullet?.text ?? c.sentence}`, `Behind it: “${c.sentence}” — ${ref}`];
  }
}

/**
 * For experts: up to two claims from documents not on the slide that push the other way, so the
 * presenter can name the competing view. They are not recorded as shown: they live in notes only.
 */
export function competingViews(env: ComposeEnv, request: ClaimRequest, shownDocs: ReadonlySet<string>): string[] {
  if (!env.spec.notes || env.policy.notes !== 'context') return [];
  const candidates = retrieve(env.select, { ...request, limit: 50, accept: undefined })
    .filter((c) => !shownDocs.has(c.claim.docId) && CONTRAST.test(c.claim.text))
    .map((c) => ({ c, score: scoreCandidate(c, env.select.prefs) }))
    .sort((a, b) => b.score - a.score || (a.c.claim.id < b.c.claim.id ? -1 : 1))
    .slice(0, 2);
  return candidates.map(({ c }) => {
    const cite = env.book.cite(c.claim, c.claim.text);
    return `Competing view [${cite.tag}]: ${c.claim.text.replace(/\s+/g, ' ')} — ${env.book.reference(cite)}`;
  });
}
