/**
 * Resolvers for `quote` (one verbatim quotation, never shortened), `scenarios` (forecasts and
 * conditional outcomes, named) and `timeline` (claims that carry a year, in order).
 */
import type { Claim, HelperCall, Scenario, Slide, TimelineEvent } from '../model.ts';
import { compressSentence, wordCount } from './compress.ts';
import { isClause, posTags, statesSomething } from './grammar.ts';
import { suggestion } from '../diagnostics/suggest.ts';
import { asTheDeckMeans, leansOnContext, recordShown, settingPlace, searchTerms, selectClaims, selectQuote, speaksOfFuture, titledDocuments, type ClaimRequest } from '../select/index.ts';
import { acceptor, bulletText, warnAt, type ComposeEnv } from './env.ts';
import { reportEmpty } from './evidence.ts';
import { citationNote } from './notes.ts';
import { roleWithCompany, roleWithCountry } from './speaker.ts';
import { chunk } from '../lists.ts';
import { SAYS } from '../corpus/people.ts';

const YEAR = /\b(19[4-9]\d|20[0-4]\d)\b/;
/**
 * A year the sentence dates something by: "In 1996,", "by 2017", "of June 4th, 1989", "since
 * 2014" — not a year that only modifies a noun ("than during the 2014 annexation"), where the
 * sentence is about something else and would read on a timeline as a misdated event.
 */
const DATED = /\b(?:in|by|since|from|until|of|on|after|before|during|between|year)\s+(?:(?:early|late|mid-?)\s*)?(?:\p{L}+\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?(19[4-9]\d|20[0-4]\d)\b(?!\s*[-–]?\s*\p{Ll}+\s+(?:of|by)\b)/iu;
const yearOf = (text: string) => DATED.exec(text)?.[1] ?? YEAR.exec(text)?.[1] ?? '';

/**
 * What a quote must be about: the request's query or topic; for the topics-only plan's quote
 * (`fallback`), each of the spec's topics (else each subject the deck's sections ask about), never
 * any one word of all their names run together.
 */
function requestsOf(env: ComposeEnv, call: HelperCall): Array<{ query?: string; topic?: string }> {
  if (call.topic || (call.query && !call.fallback)) return [{ query: call.query, topic: call.topic }];
  if (call.fallback) {
    // (Not the place the title sets the deck in, as for the bottom line: "Europe" in
    // "Unemployment in Europe" is where, not what, the quote is about.)
    const topics = env.spec.topics ?? [];
    const told = topics.filter((topic) => !settingPlace(env.spec.title ?? '', topics, topic));
    if (topics.length) return (told.length ? told : topics).map((topic) => ({ topic }));
    if (env.coverage.length) return env.coverage;
    return call.query ? [{ query: call.query }] : [];
  }
  return [];
}

/**
 * One quotation on the request's subject: its words or its sentence are about the query or topic
 * (`fallback` widens the subject to the spec's topics, never to any story in the corpus), spoken
 * by someone the article names in full (extraction keeps no other quote). Nothing on topic leaves
 * the slide out.
 */
export function resolveQuote(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const choice = selectQuote(env.select, {
    speaker: call.speaker,
    subjects: requestsOf(env, call),
    anyBySpeaker: !!call.speaker && !call.query && !call.topic,
    longWords: env.policy.audience === 'executive' || env.policy.audience === 'public' ? 45 : 90,
    // Unless the slide asks for words on something ("global leadership"), the quote's story must be
    // about the subject; a slide the spec did not ask for is left out rather than given a weak quote.
    fromStories: !call.query || !!call.fallback,
    ...(call.fallback ? { least: FALLBACK_QUOTE, sentencesOnly: true } : {}),
    isSentence: statesSomething,
    // (A topic the deck title narrows, "Bank takeovers", is narrowed for its quote as on its slide.)
    documentsFor: (r) => (r.topic ? titledDocuments(env.select, r.topic) : undefined),
  });
  if (choice.speakers) {
    warnAt(env, call, 'select/no-match', `no quote by '${call.speaker}' in the corpus; the slide is left out`,
      choice.speakers.length ? suggestion(call.speaker!, choice.speakers) : 'the corpus has no attributed quotes');
    return [];
  }
  const best = choice.quote;
  if (!best) {
    const terms = searchTerms(env.select.store, { query: call.query, topic: call.topic });
    warnAt(env, call, terms.length ? 'select/no-match' : 'select/empty-evidence',
      `no quote on ${call.query ? `"${call.query}"` : call.topic ? `topic "${call.topic}"` : 'this slide'}; the slide is left out`,
      'try another query or topic, or speaker=');
    return [];
  }
  const citation = env.book.cite(best);
  const head = env.select.head(best.docId);
  const office = roleWithCompany(roleWithCountry(best.role, head.title), head.lead);
  const role = office ? `, ${office}` : '';
  return [{
    kind: 'quote',
    title,
    // Verbatim, with the source's line breaks (a wire's hard-wrapped lines) read as the spaces they are.
    quote: { ...best, text: best.text.replace(/\s+/g, ' ').trim(), ...(office ? { role: office } : {}) },
    citation,
    notes: env.spec.notes ? [{ text: `${best.speaker}${role}, ${best.cue.trim()} …` }, ...citationNote(env, citation)] : [],
  }];
}

/** The least score (on-topic 1, with a role +0.2, each flaw −0.3 to −0.5) of a quote the spec did not ask for. */
const FALLBACK_QUOTE = 0.55;

// (A long condition is named whole: cut at 80 characters, "If China refrains from strengthening
// its hard security role" would leave "…vis-à-vis Russia and continues to focus…" for its text.)
const CONDITION = /^(?:but\s+|and\s+)?((?:if|should|once|unless|when|whether)\s[^,]{6,160}),\s/i;

const NAME_WORDS = 12;
/** A subject of a few words and a verb of saying: "Economists say", "Many local bankers predict". */
const REPORTING_OPENING = /^(?:[\p{L}'’-]+\s+){1,5}(?:say|says|said|predict|predicts|predicted|believe|believes|told|reported|argue|argues|warn|warns|warned)\b/iu;

/**
 * A scenario's name, by deleting words from its own sentence: its condition ("If China refrains
 * from …"), else its main clause compressed to a dozen words ("A domestic change would provide an
 * opportunity for the Russian elite"), else its subject and verb phrase cut after a noun; a
 * sentence none of these names is not used as a scenario (no "Scenario B", no bare "Probable").
 */
export function scenarioName(claim: Pick<Claim, 'text' | 'likelihood'>): string | undefined {
  // (A hard-wrapped sentence's line breaks are spaces.)
  const text = claim.text.replace(/\s+/g, ' ');
  const cond = CONDITION.exec(text)?.[1];
  if (cond) return cond.charAt(0).toUpperCase() + cond.slice(1);
  const main = compressSentence(text, { maxWords: NAME_WORDS, always: true, detach: true });
  const clause = main.text.replace(/[.!]$/, '').split(/\s*[:;(—–]\s*|,\s+(?:but|while|as|because|and|which)\s+/)[0];
  // A sentence that opens on who says it ("Economists say the improvement owes little…") reports
  // a view; its opening names no outcome.
  if (REPORTING_OPENING.test(clause)) return undefined;
  if (wordCount(clause) <= NAME_WORDS && wordCount(clause) >= 3 && isClause(clause)) return clause;
  const words = clause.split(/\s+/).slice(0, 9);
  const tags = posTags(words.map((w) => w.replace(/[^\p{L}\p{N}-]/gu, '')).join(' '));
  if (tags.length !== words.length) return undefined;
  for (let n = Math.min(9, words.length); n >= 3; n--) {
    if (['NOUN', 'PROPN'].includes(tags[n - 1] ?? '') && tags.slice(0, n).some((t) => t === 'VERB' || t === 'AUX')) {
      return words.slice(0, n).join(' ').replace(/[,;:]$/, '');
    }
  }
  return undefined;
}

/**
 * A scenario is a hypothesis in the author's voice: a condition ("if", "unless", "should …") or a
 * would/could/might outcome. A plan on a timetable ("the note will carry a warrant") or someone's
 * reported forecast is not one.
 */
const HYPOTHETICAL = /\b(?:if|unless|should\s+\p{L}+|in case|provided that|would|could|might)\b/iu;

/**
 * "would" after a past verb and "that" is the past's future ("…meant that the contribution to GDP
 * would shrink", "officials expected that prices would rise"): what was so, not a hypothesis. A
 * modal after a participle and "that" is someone's claim the sentence reports ("…securitized the
 * migration of Chinese settlers, claiming that the ethnic balance could shift"), not the author's;
 * so is one a verb of saying puts in its subject's mouth ("…and said it would never sell below
 * official prices").
 */
const PAST_FUTURE = new RegExp(String.raw`\b(?:\p{L}+ed|meant|said|thought|knew|told|felt|saw|found|made|understood)\s+that\b[^.;:]*?\bwould\b|\b(?!\p{L}*thing\b)\p{L}{2,}ing\s+that\b[^.;:]*?\b(?:would|could|might)\b|\b${SAYS}\s+(?:\p{L}+\s+){0,3}?(?:would|could|might)\b`, 'giu');

export function isScenario(claim: Pick<Claim, 'kind' | 'text' | 'likelihood'>): boolean {
  return claim.kind !== 'attributed' && HYPOTHETICAL.test(claim.text.replace(PAST_FUTURE, '')) && scenarioName(claim) !== undefined;
}

/**
 * What a scenario card shows under its name: what follows the name's comma, as a sentence, when
 * the name is the sentence's condition; else the whole sentence. A relative clause ("…changes,
 * which would cause a fall in prices") is no sentence of its own.
 */
export function scenarioText(name: string, whole: string): string {
  const after = whole.toLowerCase().startsWith(name.toLowerCase()) ? whole.slice(name.length) : '';
  const rest = after.replace(/^\s*,\s*/, '').trimStart();
  return rest.split(/\s+/).length >= 4 && /^\s*,/.test(after) && !RELATIVE_OPENING.test(rest) ? rest.charAt(0).toUpperCase() + rest.slice(1) : whole;
}

/** Words that open a clause hung on what came before it: "which would…", "while…", "but…". */
const RELATIVE_OPENING = /^(?:which|who|whom|whose|where|while|whereas|but|and|or|as|so|though|although)\b/i;

/** Named outcomes: a forecast's own condition names it ("If Putin ceased to play a leading role"). */
export function resolveScenarios(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const accepts = acceptor(env, call, undefined, { scenario: true });
  const asMeant = asTheDeckMeans(env.select, call.query);
  const base: Omit<ClaimRequest, 'kinds'> = {
    query: call.query,
    topic: call.topic,
    limit: call.limit ?? Math.min(4, env.policy.bulletsPerSlide),
    // A scenario shows its sentence as written, without a bracketed name for "he said": one whose
    // speaker only an insertion could name is not used.
    accept: (claim) => speaksOfFuture(claim) && isScenario(claim) && (asMeant?.(claim) ?? true) && accepts(claim) && !leansOnContext(bulletText(env, claim).text, { scenario: true }),
    prefs: { kinds: ['forecast', 'assessment'], likelihood: true },
  };
  const request: ClaimRequest = { ...base, kinds: ['forecast', 'assessment'] };
  const picked = selectClaims(env.select, request);
  if (!picked.length) return reportEmpty(env, call, request, 'forecast'), [];
  const scenarios: Scenario[] = picked.map((claim) => {
    const name = scenarioName(claim)!;
    // (One named by its first words, "A domestic change would provide an opportunity", shows its
    // whole sentence: the rest alone, "…for the Russian elite to reassess…", reads as a phrase cut in two.)
    const s: Scenario = { name, text: scenarioText(name, bulletText(env, claim).text), citation: env.book.cite(claim, claim.text) };
    if (claim.likelihood) s.likelihood = claim.likelihood;
    return s;
  });
  return chunk(scenarios, env.policy.bulletsPerSlide).map((group, i) => ({
    kind: 'scenarios' as const,
    title,
    scenarios: group,
    notes: group.flatMap((s) => (s.citation ? citationNote(env, s.citation, { text: s.text, likelihood: s.likelihood }) : [])),
    ...(i > 0 ? { continued: true } : {}),
  }));
}

/** The event without its leading year ("In 1996, …"), which the timeline already shows. */
function eventText(env: ComposeEnv, claim: Claim): string {
  const lead = /^(?:(?:in|by|since|from|until)\s+)?(?:19|20)\d\d,?\s+/i.exec(claim.text);
  if (!lead) return bulletText(env, claim).text;
  const rest = compressSentence(claim.text.slice(lead[0].length), { maxWords: env.policy.maxWords, always: env.policy.compress, detach: true });
  return rest.fits && rest.words >= 5 && isClause(rest.text) ? rest.text : bulletText(env, claim).text;
}

export function resolveTimeline(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const fitsTimeline = acceptor(env, call);
  const request: ClaimRequest = {
    query: call.query,
    topic: call.topic,
    limit: call.limit ?? Math.min(6, env.policy.bulletsPerSlide + 2),
    accept: (c) => DATED.test(c.text) && fitsTimeline(c) && !leansOnContext(bulletText(env, c).text),
    // Events are what happened: facts and figures before assessments and forecasts.
    prefs: { kinds: ['fact', 'statistic', 'attributed', 'assessment', 'forecast'], history: true },
  };
  // Twice the candidates, then one event per year first, so one busy year does not fill the line.
  const pool = selectClaims(env.select, { ...request, limit: request.limit * 2, dryRun: true });
  const years = new Set<string>();
  const firsts = pool.filter((c) => !years.has(yearOf(c.text)) && years.add(yearOf(c.text)));
  const perYear = new Map<string, number>(firsts.map((c) => [yearOf(c.text), 1]));
  const seconds = pool.filter((c) => !firsts.includes(c) && (perYear.get(yearOf(c.text)) ?? 0) < 2 && perYear.set(yearOf(c.text), 2));
  const picked = [...firsts, ...seconds].slice(0, request.limit);
  if (picked.length >= 2) recordShown(env.select, picked);
  if (picked.length < 2) {
    // One event is not a timeline; leave the slide out rather than show a lone date.
    return reportEmpty(env, call, request, 'second dated claim'), [];
  }
  const events: TimelineEvent[] = picked
    .map((claim) => ({
      when: yearOf(claim.text),
      text: eventText(env, claim),
      citation: env.book.cite(claim, claim.text),
    }))
    .sort((a, b) => a.when.localeCompare(b.when) || a.citation.docId.localeCompare(b.citation.docId) || a.citation.start - b.citation.start);
  const perSlide = Math.max(env.policy.bulletsPerSlide, 4);
  return chunk(events, perSlide).map((group, i) => ({
    kind: 'timeline' as const,
    title,
    events: group,
    notes: group.flatMap((e) => (e.citation ? citationNote(env, e.citation, { text: e.text }) : [])),
    ...(i > 0 ? { continued: true } : {}),
  }));
}
