/**
 * Speaker notes by audience: executives get each full source sentence with its reference;
 * analysts the evidence with kind, figures and paragraph reference; experts that plus context and
 * competing views from other sources; a public speaker gets talking points with what backs them.
 * A note about a pulled line names that line (`SpeakerNote.cites`), so the layout knows which
 * lines the notes already give in full.
 */
import type { Bullet, Citation, SpeakerNote } from '../model.ts';
import { competingClaims, type ClaimRequest } from '../select/index.ts';
import type { ComposeEnv } from './env.ts';

/** Notes for a slide of bullets (claims, judgements, figures, timeline or scenario lines). */
export function bulletNotes(env: ComposeEnv, bullets: readonly Bullet[], context: SpeakerNote[] = []): SpeakerNote[] {
  if (!env.spec.notes) return [];
  const notes: SpeakerNote[] = [];
  for (const b of bullets) {
    if (!b.citation) continue;
    notes.push(...citationNote(env, b.citation, b));
  }
  return [...notes, ...context];
}

/** The notes that give one pulled line in full, in the audience's manner. */
export function citationNote(env: ComposeEnv, cited: Citation, bullet?: Pick<Bullet, 'text' | 'kind' | 'likelihood'>): SpeakerNote[] {
  if (!env.spec.notes) return [];
  // A hard-wrapped source keeps its line breaks in the citation; notes read it as one line.
  const c = { ...cited, sentence: cited.sentence.replace(/\s+/g, ' ') };
  const ref = env.book.reference(c);
  const about = (text: string): SpeakerNote => ({ text, cites: { docId: c.docId, start: c.start, end: c.end } });
  switch (env.policy.notes) {
    case 'sources':
      return [about(`${c.sentence} — ${ref}`)];
    case 'evidence': {
      const what = [bullet?.kind, bullet?.likelihood].filter(Boolean).join(', ');
      return [about(`[${c.tag}] ${c.sentence}${what ? ` (${what})` : ''} — ${ref}`)];
    }
    case 'context':
      return [about(`[${c.tag}] ${c.sentence} — ${ref}`)];
    case 'talking-points':
      return [about(`Talking point: ${bullet?.text ?? c.sentence}`), about(`Behind it: “${c.sentence}” — ${ref}`)];
  }
}

/**
 * For experts: up to two claims from documents not on the slide that push the other way, so the
 * presenter can name the competing view. They are not recorded as shown: they live in notes only.
 */
export function competingViews(env: ComposeEnv, request: ClaimRequest, shownDocs: ReadonlySet<string>): SpeakerNote[] {
  if (!env.spec.notes || env.policy.notes !== 'context') return [];
  return competingClaims(env.select, request, shownDocs).map((claim) => {
    const cite = env.book.cite(claim, claim.text);
    return { text: `Competing view [${cite.tag}]: ${claim.text.replace(/\s+/g, ' ')} — ${env.book.reference(cite)}` };
  });
}
