/**
 * Resolvers for the claim-based helpers: `claims` (bullets), `judgements` (assessments
 * with likelihoods) and `figures`. Each selects evidence for the audience and returns slides,
 * split into continuation slides when a helper asks for more bullets than one slide holds.
 */
import { LIKELIHOODS, type Bullet, type Claim, type Figure, type FigureItem, type HelperCall, type Slide } from '../model.ts';
import { asTheDeckMeans, recordShown, selectClaims, type ClaimRequest } from '../select/index.ts';
import { acceptor, bulletText, longerWords, longestWords, makeBullet, standsAlone, type ComposeEnv } from './env.ts';
import { reportEmpty } from './evidence.ts';
import { chartable, readFigure, type FigureReading } from './figure-label.ts';
import { bulletNotes, citationNote, competingViews } from './notes.ts';
import { chunk } from '../lists.ts';

export function resolveClaims(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const request: ClaimRequest = {
    query: call.query,
    topic: call.topic,
    kinds: call.kind ? [call.kind] : undefined,
    source: call.source,
    title,
    limit: call.limit ?? env.policy.bulletsPerSlide,
    accept: acceptor(env, call),
    ...longerLines(env, call),
  };
  const picked = inStoryOrder(selectClaims(env.select, request));
  if (!picked.length) return reportEmpty(env, call, request), [];
  const bullets = picked.map((c) => bulletOf(env, c, request));
  const docs = new Set(picked.map((c) => c.docId));
  return chunk(bullets, env.policy.bulletsPerSlide).map((group, i) => ({
    kind: 'bullets' as const,
    title,
    bullets: group,
    notes: bulletNotes(env, group, i === 0 ? competingViews(env, request, docs) : []),
    ...(i > 0 ? { continued: true } : {}),
  }));
}

/**
 * Lines of one story on a slide in the order the story tells them: each keeps its story's places
 * on the slide, and the story's lines fill them by paragraph ("Consolidated TVX Mining Corp said it
 * agreed to issue 7.8 mln treasury shares…" before "…said it will acquire 29 pct of CMP").
 */
export function inStoryOrder<T extends Pick<Claim, 'docId' | 'start'>>(lines: T[]): T[] {
  const byDoc = new Map<string, T[]>();
  for (const l of lines) byDoc.set(l.docId, [...(byDoc.get(l.docId) ?? []), l]);
  for (const group of byDoc.values()) group.sort((a, b) => a.start - b.start);
  const next = new Map<string, number>();
  return lines.map((l) => {
    const i = next.get(l.docId) ?? 0;
    next.set(l.docId, i + 1);
    return byDoc.get(l.docId)![i];
  });
}

/**
 * Where a slide would run short, a line may run to the bottom line's length: a sentence a few
 * words longer than the audience's norm beats an empty space; where it would hold fewer than two
 * lines, to a whole news lead (`longestWords`). Not where the spec set the length itself
 * (`policy.words`: no overrun), which is a wall.
 */
function longerLines(env: ComposeEnv, call: HelperCall): Pick<ClaimRequest, 'acceptLonger' | 'acceptLongest'> {
  return env.policy.overrun > 1 ? { acceptLonger: acceptor(env, call, longerWords(env)), acceptLongest: acceptor(env, call, longestWords(env)) } : {};
}

/** A picked line as shown: at the audience's length, or longer where the slide took it as one (`acceptLonger`). */
function bulletOf(env: ComposeEnv, claim: Claim, request: ClaimRequest): Bullet {
  if (request.accept?.(claim) !== false) return makeBullet(env, claim);
  return makeBullet(env, claim, request.acceptLonger?.(claim) === false ? longestWords(env) : longerWords(env));
}

const strength = (b: Bullet) => (b.likelihood ? LIKELIHOODS.indexOf(b.likelihood) : LIKELIHOODS.length);

/** Assessments and forecasts, those with a stated likelihood first. */
export function resolveJudgements(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const request: ClaimRequest = {
    query: call.query,
    topic: call.topic,
    kinds: ['assessment', 'forecast'],
    title,
    limit: call.limit ?? env.policy.bulletsPerSlide,
    // Only claims whose judgement is carried by estimative or evaluative words, not by a lone
    // "major", lead a judgement slide; centrality counts a little, so a side point lifted by a
    // strong likelihood word does not.
    prefs: { kinds: ['assessment', 'forecast'], likelihood: true, centrality: 0.3, estimative: true },
    accept: acceptor(env, call),
    ...longerLines(env, call),
  };
  const picked = selectClaims(env.select, request);
  if (!picked.length) return reportEmpty(env, call, request, 'assessment'), [];
  // Most certain first.
  const judgements = picked.map((c) => bulletOf(env, c, request)).sort((a, b) => strength(a) - strength(b));
  return chunk(judgements, env.policy.bulletsPerSlide).map((group, i) => ({
    kind: 'judgements' as const,
    title,
    judgements: group,
    notes: bulletNotes(env, group),
    ...(i > 0 ? { continued: true } : {}),
  }));
}

/** A year on its own ("2018") is a date, not a figure worth a slide. */
function usable(f: Figure): boolean {
  return !(/^\d{4}$/.test(f.text.trim()) && f.value >= 1900 && f.value <= 2100) && f.unit !== 'year';
}

/** The claim's first key figure, read in its sentence (what it measures, of whom, when). */
function keyFigure(claim: Claim): FigureReading | undefined {
  for (const f of claim.figures) {
    const reading = usable(f) ? readFigure(claim.text, f) : undefined;
    if (reading) return reading;
  }
  return undefined;
}

/** Whether a figure's label reads as a name on its own. */
export function readableLabel(label: string): boolean {
  return !label.includes('…') && /^\p{L}/u.test(label) && !/\b(?:of|in|on|for|from|at|to|by|with|the|a|an|and|or|than|as)$/i.test(label.trim());
}

/**
 * Key figures for the topic. A slide whose figures compare like with like is a chart labelled by
 * what each measures; otherwise each figure is a card with its sentence (or, when the sentence
 * cannot stand alone in the space, with its label).
 */
export function resolveFigures(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const labelWords = Math.min(env.policy.maxWords, 22);
  const readings = new Map<string, FigureReading | undefined>();
  const read = (c: Claim) => {
    if (!readings.has(c.id)) readings.set(c.id, keyFigure(c));
    return readings.get(c.id);
  };
  const asMeant = asTheDeckMeans(env.select, call.query);
  const request: ClaimRequest = {
    query: call.query,
    topic: call.topic,
    figures: true,
    source: call.source,
    title,
    limit: call.limit ?? env.policy.figuresPerSlide,
    // A figure shows with its sentence when that stands alone, else with its label, which must
    // then read as a name: no words cut out around the figure ("Moscow became China's largest arms
    // supplier … of total arms exports"), no opening number, no closing "in" or "the".
    accept: (c) => {
      const reading = read(c);
      return reading !== undefined && (asMeant?.(c) ?? true) && (readableLabel(reading.label) || standsAlone(env, c, labelWords));
    },
    prefs: { figures: true },
    // The plan's own figures slide (not one the spec asks for) is shown only as a chart.
    ...(call.fallback ? { dryRun: true } : {}),
  };
  const picked = selectClaims(env.select, request);
  if (!picked.length) return reportEmpty(env, call, request, 'figure'), [];
  // Numbers that measure different things side by side compare nothing: a slide the spec did not
  // ask for shows figures only when they chart one measure for different subjects or dates.
  if (call.fallback) {
    if (!chartable(picked.slice(0, env.policy.figuresPerSlide).map((c) => read(c)!))) return [];
    recordShown(env.select, picked);
  }
  const groups = chunk(picked, env.policy.figuresPerSlide);
  return groups.map((group, i) => {
    const rows = group.map((claim) => ({ claim, reading: read(claim)! }));
    const chart = chartable(rows.map((r) => r.reading));
    const figures: FigureItem[] = rows.map(({ claim, reading }) => {
      const f = reading.figure;
      const sentence = standsAlone(env, claim, labelWords) ? bulletText(env, claim, labelWords).text : undefined;
      const item: FigureItem = {
        label: (chart && readableLabel(reading.label)) || !sentence ? reading.label : sentence,
        value: f.value,
        display: f.text.replace(/\s+/g, ' '),
        citation: env.book.cite(claim, claim.text),
      };
      if (f.valueHigh !== undefined) item.valueHigh = f.valueHigh;
      if (f.unit) item.unit = f.unit;
      if (f.year !== undefined && !reading.when) item.year = f.year;
      return item;
    });
    return {
      kind: 'figures' as const,
      title,
      figures,
      chart,
      notes: figures.flatMap((f) => citationNote(env, f.citation, { text: `${f.display}: ${f.label}` })),
      ...(i > 0 ? { continued: true } : {}),
    };
  });
}
