/**
 * The bottom line up front: one line for each of the storylines the corpus tells most about the
 * deck's subjects (see `select/storylines.ts`), biggest storyline first; when there are fewer
 * storylines than lines, the biggest ones give a second line that makes another point. Chosen
 * before every other slide and recorded, so no later slide repeats it.
 */
import type { Claim, Slide } from '../model.ts';
import type { HelperCall } from '../spec/helpers.ts';
import { STORY, aboutness, carriesJudgement, everywhere, settingPlace, retells, topicCoverage, type Subject, contentWords, inScope, isExcluded, isPinned, namesSubject, nearDuplicate, selectClaims, titledDocuments, headlineWords, wordsOf } from '../select/index.ts';
import { storylines } from '../select/storylines.ts';
import { concludingParagraphs } from '../select/conclusion.ts';
import { bulletText, longerWords, makeBullet, standsAlone, type ComposeEnv } from './env.ts';
import { mainClause, outsideLists } from './grammar.ts';
import { outsideAppositives } from './compress.ts';
import { reportEmpty } from './evidence.ts';
import { bulletNotes } from './notes.ts';
import { datelineLength } from '../text.ts';

export function resolveBottomLine(env: ComposeEnv, call: HelperCall, title: string): Slide[] {
  const ctx = env.select;
  const limit = call.limit ?? Math.min(3, env.policy.bulletsPerSlide);
  // The deck's subjects: its topics, else what its sections ask for, else its title.
  // (A place nearly every document is about, "Russia" in analyses of Russia and China, says
  // nothing of what the deck is about beside a topic that does: "trade".)
  // Nor does a place the title sets another topic in ("Unemployment in Europe"): it is the
  // deck's scope, and its own stories (a car maker's European earnings) are not the deck's.
  const told = env.spec.topics.filter((topic) => !/^\p{Lu}/u.test(topic) || (!everywhere(ctx, topic) && !settingPlace(env.spec.title ?? '', env.spec.topics, topic)));
  const requests: Array<{ query?: string; topic?: string }> = env.spec.topics.length
    ? (told.length ? told : env.spec.topics).map((topic) => ({ topic }))
    : env.coverage.length ? env.coverage : [{ query: env.spec.title }];
  // Topics the corpus tells no story about ("GNP", "industrial production" where the wire writes
  // "gross domestic product" and "industrial output") leave the title to say what the deck is
  // about, in its own words.
  // (Each of the title's phrases as a whole: "economic growth", "industrial output".)
  // So do topics that tell fewer stories than the title's own phrases ("general election" in
  // "The 2005 general election", where the topics are "election result" and "opinion polls"):
  // the title says what the deck is about in the corpus's words.
  if (env.spec.topics.length) {
    const phrases = titlePhrases(env.spec.title ?? '');
    const told = env.spec.topics.reduce((n, topic) => n + topicCoverage(ctx, topic).stories, 0);
    const query = phrases.map((p) => `"${p}"`).join(' ');
    // (Only the phrases that are no topic of the deck weigh against the topics.)
    const topicKeys = new Set(env.spec.topics.map((t) => t.toLowerCase().replace(/[-_]+/g, ' ')));
    const own = phrases.filter((p) => !topicKeys.has(p.toLowerCase()));
    if (phrases.length && (!told || (own.length > 0 && storiesAbout(ctx.subject({ query: own.map((p) => `"${p}"`).join(' ') }), ctx.allowed) > Math.max(1, told)))) requests.push({ query });
  }
  // A topic the deck narrows ("strikes" in "Shipping and port strikes", "banks" in "Bank
  // takeovers and mergers") is narrowed here as on its slides.
  const subjects = requests.map((r) => {
    const s = ctx.subject(r);
    const only = r.topic ? titledDocuments(ctx, r.topic) : undefined;
    return only ? { ...s, documents: new Map([...s.documents].filter(([doc]) => only.has(doc))) } : s;
  });
  const scope = ctx.scope();
  // Documents that are about the deck, not about one word of it: about one of its subjects (not
  // in passing), and naming another one too when the deck has several ("coffee" and "export
  // quotas", not a textile quota story) when such stories are a fair share of the deck's. A deck
  // whose subjects no document joins falls back to documents about any one of them.
  const allowed = (doc: string) => ctx.allowed.has(doc) && inScope(scope, '', ctx.head(doc));
  const prefetch = (docs: string[]) => scope?.terms.length && ctx.prefetchHeads(docs.filter((d) => ctx.allowed.has(d)));
  // A story whose headline names one of the deck's subjects is about it first of all: it tells
  // a bigger share of the deck's storylines than one that names them in its body. A brief (a
  // dividend declared, a deal closed), or a story about a name the corpus hardly writes elsewhere
  // (one small company's news), tells less of one than a full story (`storyWeight`).
  const headlined = (docs: Map<string, number>) => {
    ctx.prefetchHeads(docs.keys());
    for (const [doc, w] of docs) {
      const headline = headlineWords(ctx.head(doc).title);
      docs.set(doc, w * ctx.storyWeight(doc) * (subjects.some((s) => aboutness(s, headline, doc) >= 0.6) ? 1 + HEADLINE : 1));
    }
    return docs;
  };
  const documents = headlined(deckDocuments(subjects, allowed, prefetch));
  let alone: Map<string, number> | undefined;
  const fallbackDocuments = () => (alone ??= headlined(deckDocuments(subjects, allowed, prefetch, 1)));
  // The deck's title states its question ("who depends on whom?"): a line that answers in its
  // words is about the deck, not only about one section; a judgement counts over a bare fact.
  const corpus = ctx.words();
  const titleStems = new Set(wordsOf(`${env.spec.title} ${env.spec.subtitle ?? ''}`).filter((w) => !corpus.isStop(w.lower) && w.text.length > 2).map((w) => w.stem));
  // The deck's documents' sentences, from the store's index by document.
  const sentences = [...ctx.index.ofDocuments(documents.keys()).values()].flat();
  // Analyses argue, news reports: where half the deck's sentences or more carry a judgement in
  // the author's voice, the bottom line states judgements; news (where modal "will" and "would"
  // put a quarter or so of sentences in that class) keeps its leads.
  let judged = 0;
  for (const c of sentences) if (c.kind !== 'attributed' && carriesJudgement(c)) judged++;
  const judgementWeight = JUDGEMENT * Math.max(0, Math.min(1, (judged / Math.max(1, sentences.length) - REPORTING_SHARE) / (ANALYTIC_SHARE - REPORTING_SHARE)));
  // Analyses conclude under a heading ("Conclusion", "Outlook"): that section weighs as a lead.
  // Read for the most relevant documents only, and only where the writing argues.
  const concluding = new Map<string, Map<number, number>>();
  const concludingOf = (c: Claim) => {
    let m = concluding.get(c.docId);
    if (!m) concluding.set(c.docId, (m = concludingParagraphs(ctx.store.document(c.docId)?.paragraphs ?? [])));
    return m.get(c.paragraph) ?? 0;
  };
  const argues = judgementWeight >= JUDGEMENT / 2;
  const storylinesOf = (documents: Map<string, number>) => storylines({
    concluding: argues ? (c) => (documents.size <= CONCLUSIONS_READ || topDocuments(documents).has(c.docId) ? concludingOf(c) : 0) : undefined,
    claims: [...ctx.index.ofDocuments(documents.keys()).values()].flat(),
    words: corpus,
    documents,
    // Reporting tells what happened in its leads: there, a story's lead outranks its later lines.
    leadWeight: LEAD + REPORTING_LEAD * (1 - judgementWeight / JUDGEMENT),
    about: (c, words) => {
      if (!inScope(scope, c.text, ctx.head(c.docId))) return 0;
      // A line about two of the deck's subjects ("the war deepened Russia's dependence") joins them.
      // A bottom line names what it is about: words merely typical of a subject's stories ("debts",
      // "banks" in a story that also gives Brazil's trade surplus) carry a slide, not the deck.
      const each = subjects.map((s) => (namesSubject(s, words, c.docId) || s.headlinedLeads?.has(c.id) ? aboutness(s, words, c.docId, c.id) : 0)).filter((a) => a > 0);
      if (!each.length) return 0;
      // "Despite numerous challenges, considering military projects, …, the partnership will
      // likely continue to flourish": a sentence's point is its main clause; subjects named only in
      // the phrases that lead up to it are its circumstances.
      const main = mainClause(c.text);
      if (main && !subjects.some((s) => namesSubject(s, wordsOf(main), c.docId))) return 0;
      // So is what describes a name between commas: "Louisiana Land and Exploration Co, the working
      // interest owner for its oil and natural gas properties, is entitled to…" is no gas story.
      const described = outsideAppositives(c.text);
      if (described !== c.text && !subjects.some((s) => namesSubject(s, wordsOf(described), c.docId) || s.headlinedLeads?.has(c.id))) return 0;
      // Nor does a line that names them only as one of a list ("South Africa's gold, uranium,
      // platinum and coal mines" in a union's call to seize the mines): its point is elsewhere.
      const unlisted = outsideLists(c.text);
      if (unlisted !== c.text && !subjects.some((s) => namesSubject(s, wordsOf(unlisted), c.docId) || s.headlinedLeads?.has(c.id))) return 0;
      const about = Math.max(...each) + 0.3 * (each.length - 1);
      const titled = new Set(words.filter((w) => titleStems.has(w.stem)).map((w) => w.stem)).size;
      return Math.min(2, about + 0.25 * Math.min(2, titled) + (c.kind !== 'attributed' && carriesJudgement(c) ? judgementWeight : 0));
    },
  });
  const stories = storylinesOf(documents);

  // A bottom line states a whole point: a quarter more words than the audience's other bullets.
  const bottomLineWords = longerWords(env);
  const picked: Claim[] = [];
  const shown: Set<string>[] = [];
  // In analysis, the bottom line is the corpus's judgements; a fact comes in only when a
  // storyline has no judgement to give.
  let judgementsOnly = argues;
  const topicSubjects = env.spec.topics.map((topic) => ({ topic, subject: ctx.subject({ topic }) }));
  const leavesTopicsALine = (c: Claim) => {
    const words = wordsOf(c.text);
    return topicSubjects.every(({ topic, subject }) =>
      aboutness(subject, words, c.docId, c.id) <= 0 ||
      selectClaims(ctx, { topic, limit: 1, dryRun: true, accept: (x) => x.id !== c.id && !picked.some((p) => p.id === x.id) && standsAlone(env, x) }).length > 0);
  };
  // One actor's news or a brief (`aside`: a small company's merger, one mine's reserves) states no
  // main judgement of a news deck: readers marked such bottom-line lines key one time in four,
  // against seven in ten for the rest. It comes in only where the bottom line would hold fewer
  // than two lines without it.
  let asides = argues;
  const usable = (c: Claim) => {
    if (ctx.ledger.ids.has(c.id) || isExcluded(c, ctx.spec) || c.flaws?.length) return false;
    if (!asides && ctx.aside(c.docId) && !isPinned(c, ctx.spec)) return false;
    // News states a deck's bottom line from more than one story: a third line of the same one
    // is its detail.
    if (!argues && picked.filter((p) => ctx.sameStory(p.docId, c.docId)).length >= LINES_PER_STORY) return false;
    // A second line of a document already in the bottom line is taken only if each topic it is
    // about keeps a line for its own slide: a thin topic ("cotton" in a deck on cotton and rubber,
    // told by one report) is not emptied into the bottom line.
    if (picked.some((p) => ctx.sameStory(p.docId, c.docId)) && !leavesTopicsALine(c)) return false;
    // (An article's lead may report its judgement as the experts': it is still the article's thesis.)
    if (judgementsOnly && ((c.kind === 'attributed' && c.paragraph > 1) || !carriesJudgement(c))) return false;
    // What usually happens ("Normally Syria calls white sugar buying tenders for forward
    // delivery…") is background to the news, not a bottom line.
    if (HABITUAL.test(bulletText(env, c, bottomLineWords).text)) return false;
    const w = pointOf(c);
    if (ctx.ledger.repeats(w) || shown.some((s, i) => nearDuplicate(w, s) || overlap(w, s) >= 0.5 || retells(w, s, shared(w, s), picked[i] && lineOf(picked[i])))) return false;
    if (!standsAlone(env, c, bottomLineWords)) return false;
    // Shortening must not delete what made the line the deck's ("…is welcome as it appears to have
    // contributed to a … correction in the current account deficit" is about the current account
    // only through the clause a short line loses).
    const kept = wordsOf(bulletText(env, c, bottomLineWords).text);
    return subjects.some((s) => namesSubject(s, kept, c.docId)) || subjects.some((s) => s.headlinedLeads?.has(c.id));
  };
  // Round by round: each main storyline's best usable line, biggest first. A storyline a quarter
  // the size of the biggest is an aside, unless nothing bigger has a line to give.
  const main = stories.filter((s) => s.weight >= MAIN_STORY * (stories[0]?.weight ?? 0));
  for (let round = 0; round < limit + 1 && picked.length < limit; round++) {
    if (round === limit) judgementsOnly = false;
    for (const story of round < 2 ? main : stories) {
      if (picked.length >= limit) break;
      // A storyline's second line comes from another of its documents where one has a line to
      // give: a story's next paragraph restates its lead, another story's lead moves it on
      // ("coffee traders expect a selloff after the talks failed").
      const line = story.lines.find((l) => !picked.some((p) => ctx.sameStory(p.docId, l.claim.docId)) && usable(l.claim)) ?? story.lines.find((l) => usable(l.claim));
      if (!line) continue;
      picked.push(line.claim);
      shown.push(pointOf(line.claim));
    }
  }
  if (picked.length < FEWEST_LINES && !asides) {
    asides = true;
    judgementsOnly = false;
    for (const story of stories) {
      if (picked.length >= FEWEST_LINES) break;
      const line = story.lines.find((l) => usable(l.claim));
      if (line) (picked.push(line.claim), shown.push(pointOf(line.claim)));
    }
  }
  // An analysis's bottom line answers each of the deck's topics: a topic its biggest storylines
  // leave out ("leadership succession" in a deck on the Russia–China relationship after Putin)
  // gives its best line in place of the last line that no other topic needs.
  if (argues && picked.length === limit && topicSubjects.length > 1) coverTopics();
  function coverTopics(): void {
    const names = (c: Claim, s: Subject) => namesSubject(s, wordsOf(bulletText(env, c, bottomLineWords).text), c.docId);
    for (const { subject } of topicSubjects) {
      if (picked.some((c) => names(c, subject))) continue;
      const line = stories.flatMap((story) => story.lines).find((l) => !picked.includes(l.claim) && names(l.claim, subject) && carriesJudgement(l.claim) && usable(l.claim));
      if (!line) continue;
      // The last line whose topics another line names too.
      const spare = picked.findLastIndex((c, i) => topicSubjects.every(({ subject: t }) => !names(c, t) || picked.some((o, j) => j !== i && names(o, t))));
      if (spare < 0) continue;
      picked[spare] = line.claim;
      shown[spare] = pointOf(line.claim);
    }
  }
  // Stories naming two of the deck's topics that give no usable line (a futures exchange's volumes
  // naming soybeans and corn) leave the bottom line to the stories about each one.
  // (A fallback takes each storyline's best usable line, biggest first.)
  const takeFirstLines = (told: ReturnType<typeof storylinesOf>) => {
    for (const story of told) {
      if (picked.length >= limit) break;
      const line = story.lines.find((l) => usable(l.claim));
      if (line) (picked.push(line.claim), shown.push(pointOf(line.claim)));
    }
  };
  if (!picked.length && documents.size < fallbackDocuments().size) takeFirstLines(storylinesOf(fallbackDocuments()));
  // A corpus that names the deck's subjects only in passing ("the United States" once in each
  // analysis of Russia and China) has no story about them; its slides show those mentions, and the
  // bottom line states the best of them rather than leave the deck without one.
  let strongest = 0;
  for (const s of subjects) for (const w of s.documents.values()) strongest = Math.max(strongest, w);
  if (!picked.length && strongest > 0 && strongest < ABOUT_DOCUMENT) takeFirstLines(storylinesOf(headlined(deckDocuments(subjects, allowed, prefetch, 1, strongest))));
  if (!picked.length) return reportEmpty(env, call, { query: requests.map((r) => r.query ?? r.topic ?? '').join(' '), limit }, 'line'), [];
  for (const c of picked) ctx.ledger.record(c);
  const bullets = picked.map((c) => makeBullet(env, c, bottomLineWords));
  return [{ kind: 'judgements', title, judgements: bullets, notes: bulletNotes(env, bullets), bottomLine: true }];
}


/** How many allowed documents are stories about a subject. */
function storiesAbout(subject: Subject, allowed: ReadonlySet<string>): number {
  let n = 0;
  for (const [doc, weight] of subject.documents) if (allowed.has(doc) && weight >= STORY) n++;
  return n;
}

const MAIN_STORY = 0.25;
/** Lines a news bottom line takes from one story at most. */
const LINES_PER_STORY = 2;
/** Lines under which a bottom line takes one actor's news rather than run shorter. */
const FEWEST_LINES = 2;
/** The most documents whose concluding sections a bottom line reads (the whole document each). */
const CONCLUSIONS_READ = 200;
const tops = new WeakMap<Map<string, number>, Set<string>>();
function topDocuments(documents: Map<string, number>): Set<string> {
  let top = tops.get(documents);
  if (!top) {
    top = new Set([...documents].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CONCLUSIONS_READ).map(([d]) => d));
    tops.set(documents, top);
  }
  return top;
}
/** What a headline naming a deck subject adds to its story's weight. */
const HEADLINE = 0.5;
/** Weight of a story's lead in analysis, and what reporting adds to it. */
const LEAD = 0.2;
const REPORTING_LEAD = 0.3;
/** How much a document must be about one of the deck's subjects to tell a storyline. */
const ABOUT_DOCUMENT = 0.6;
/** What a judgement in the author's own voice adds over a bare fact of the same storyline. */
const JUDGEMENT = 0.35;
/** Shares of judgement sentences at which writing reads as reporting, and as analysis. */
const REPORTING_SHARE = 0.3;
const ANALYTIC_SHARE = 0.5;

function deckDocuments(
  subjects: readonly Subject[],
  allowed: (doc: string) => boolean,
  /** Reads ahead what `allowed` will read of these documents. */
  prefetch: (docs: string[]) => unknown,
  atLeast?: number,
  /** How much a document must be about one of the subjects (`ABOUT_DOCUMENT` unless the corpus has none that much). */
  about = ABOUT_DOCUMENT,
): Map<string, number> {
  const all = new Set(subjects.flatMap((s) => [...s.documents.keys()]));
  const pick = (needed: number) => {
    const scored: Array<[string, number]> = [];
    for (const doc of all) {
      const ws = subjects.map((s) => s.documents.get(doc) ?? 0);
      const named = ws.filter((w) => w > 0).length;
      const best = Math.max(...ws);
      if (best >= about && named >= needed) scored.push([doc, Math.min(1, ws.reduce((a, b) => a + b, 0) / needed)]);
    }
    // A large corpus has thousands of documents about a subject: the most relevant are read, and
    // whether a document is allowed and in scope (its title and lead) is asked only of those.
    if (scored.length > DECK_DOCUMENTS) scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    prefetch(scored.slice(0, DECK_DOCUMENTS + DECK_DOCUMENTS / 4).map(([doc]) => doc));
    const out = new Map<string, number>();
    for (const [doc, relevance] of scored) {
      if (out.size >= DECK_DOCUMENTS) break;
      if (allowed(doc)) out.set(doc, relevance);
    }
    return out;
  };
  if (atLeast) return pick(atLeast);
  const joined = pick(Math.min(2, subjects.length));
  if (subjects.length < 2) return joined;
  // Stories naming two of the deck's subjects are its core when they are a fair share of those
  // about any one (coffee and its export quotas). When they are a handful beside many more about
  // one subject (a central bank, the dollar and interest rates: an aluminium maker's results
  // naming the dollar and rates), the deck is about all of them, the joined ones weighing double.
  const any = pick(1);
  if (joined.size >= 2 && joined.size >= JOINED_SHARE * any.size) return joined;
  for (const [doc, w] of joined) any.set(doc, 2 * w);
  return any;
}

/** Share of the documents about any of the deck's subjects that those naming two must reach to be the deck's core. */
const JOINED_SHARE = 0.25;

/** The most documents a bottom line reads (their sentences, grouped into storylines). */
const DECK_DOCUMENTS = 1_000;

/**
 * The noun phrases a title joins ("Economic growth and industrial output" → "Economic growth",
 * "industrial output"): its parts between commas, dashes, "and", "or", "with", "of"-less, without
 * an opening article; only parts of two words or more, a phrase that names a subject.
 */
export function titlePhrases(title: string): string[] {
  return title
    .split(/\s*(?:[,:;?!—–]|\s-\s|\band\b|\bor\b|\bwith\b|\bvs\.?|\bversus\b)\s*/i)
    // (A year or number that dates the subject is not part of its name: "The 2005 general election".)
    .map((p) => p.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/^(?:\d[\d/,.-]*\s+)+|(?:\s+\d[\d/,.-]*)+$/g, ''))
    .filter((p) => p.split(/\s+/).length >= 2 && /^[\p{L}\s'’-]+$/u.test(p))
    // (A title's first word is capitalised as a title's, not as a name: "Economic growth".)
    .map((p, i) => (i === 0 && title.trim().replace(/^(?:the|a|an)\s+/i, '').startsWith(p) && /^\p{Lu}\p{Ll}+(?:\s+\p{Ll}[\p{Ll}'’-]*)+$/u.test(p) ? p[0].toLowerCase() + p.slice(1) : p));
}

/** A line's own words, without a wire's dateline ("NEW YORK, March 2 - "). */
const lineOf = (c: Claim) => c.text.slice(datelineLength(c.text));
const pointOf = (c: Claim) => contentWords(lineOf(c));

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/**
 * Share of a candidate line's words a line shown already holds: a second line must make another
 * point, in words of its own ("…could trigger a massive selloff in London coffee futures" after
 * "…failed to agree on how to set coffee export quotas" names the talks again to say what follows).
 */
function overlap(candidate: Set<string>, shown: Set<string>): number {
  return shared(candidate, shown) / Math.max(1, candidate.size);
}

/** A sentence that opens on what usually happens: background, never a bottom line. */
const HABITUAL = /^(?:normally|usually|typically|traditionally|customarily|ordinarily|historically),?\s/i;
