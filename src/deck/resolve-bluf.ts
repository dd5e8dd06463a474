/**
 * The bottom line up front: one line for each of the storylines the corpus tells most about the
 * deck's subjects (see `select/storylines.ts`), biggest storyline first; when there are fewer
 * storylines than lines, the biggest ones give a second line that makes another point. Chosen
 * before every other slide and recorded, so no later slide repeats it.
 */
import type { Claim, Slide } from '../model.ts';
import type { HelperCall } from '../spec/helpers.ts';
import { aboutness, contentWords, inScope, isExcluded, nearDuplicate } from '../select/index.ts';
import { storylines } from '../select/storylines.ts';
import { makeBullet, standsAlone, type ComposeEnv } from './env.ts';
import { reportEmpty } from './evidence.ts';
import { bulletNotes } from './notes.ts';

export function resolveBottomLine(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const ctx = env.select;
  const limit = call.limit ?? Math.min(3, env.policy.bulletsPerSlide);
  const requests = env.coverage.length ? env.coverage : [{ query: env.spec.title }];
  const subjects = requests.map((r) => ctx.subject(r));
  const scope = ctx.scope();
  const documents = new Map<string, number>();
  for (const s of subjects)
    for (const [doc, w] of s.documents)
      if (ctx.allowed.has(doc) && inScope(scope, '', ctx.head(doc))) documents.set(doc, Math.max(documents.get(doc) ?? 0, w));
  const stories = storylines({
    claims: ctx.index.claims,
    words: ctx.words(),
    documents,
    about: (c, words) => (inScope(scope, c.text, ctx.head(c.docId)) ? Math.max(0, ...subjects.map((s) => aboutness(s, words, c.docId))) : 0),
  });

  const picked: Claim[] = [];
  const shown: Set<string>[] = [];
  const usable = (c: Claim) => {
    if (ctx.ledger.ids.has(c.id) || isExcluded(c, ctx.spec) || c.flaws?.length) return false;
    const w = contentWords(c.text);
    if (ctx.ledger.repeats(w) || shown.some((s) => nearDuplicate(w, s) || overlap(w, s) >= 0.5)) return false;
    return standsAlone(env, c);
  };
  // Round by round: each main storyline's best usable line, biggest first. A storyline a quarter
  // the size of the biggest is an aside, unless nothing bigger has a line to give.
  const main = stories.filter((s) => s.weight >= MAIN_STORY * (stories[0]?.weight ?? 0));
  for (let round = 0; round < limit && picked.length < limit; round++) {
    for (const story of round < 2 ? main : stories) {
      if (picked.length >= limit) break;
      const line = story.lines.find((l) => usable(l.claim));
      if (!line) continue;
      picked.push(line.claim);
      shown.push(contentWords(line.claim.text));
    }
  }
  if (!picked.length) return reportEmpty(env, call, { query: requests.map((r) => r.query ?? r.topic ?? '').join(' '), limit }, 'line'), [];
  for (const c of picked) ctx.ledger.record(c);
  const bullets = picked.map((c) => makeBullet(env, c));
  return [{ kind: 'judgements', title, judgements: bullets, notes: bulletNotes(env, bullets) }];
}

const MAIN_STORY = 0.25;

/** Share of the smaller set's words the two share: a second line must make another point. */
function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}
