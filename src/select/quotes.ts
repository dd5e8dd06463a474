/**
 * Choosing a deck's quotation: one direct quote, verbatim, on the request's subject (read on the
 * quote's own sentence, cue included, with the same aboutness and scope as bullets), spoken by
 * someone the article names in full. The chosen quote is recorded as shown.
 */
import type { Quote } from '../model.ts';
import { ANAPHORIC, bareDefiniteSubject, quotePointsBack } from './standalone.ts';
import { isExcluded } from './filter.ts';
import { aboutness, inScope, namesSubject } from './subject.ts';
import { wordsOf } from './words.ts';
import type { ClaimRequest, SelectionContext } from './index.ts';

export interface QuoteRequest {
  /** Only quotes by this speaker (any part of the name, any case). */
  speaker?: string;
  /** What the quote must be about, any one of them; none: anything the speaker said. */
  subjects: Array<Pick<ClaimRequest, 'query' | 'topic'>>;
  /** Keep every quote of the speaker, on any subject (a speaker asked for by name is the subject). */
  anyBySpeaker?: boolean;
  /** Words above which a quote is long for the audience. */
  longWords: number;
  /**
   * The quote's story must be about the subject too (a topic or the deck's topics, not words the
   * slide asks for): the yen in a politician's words on a sales tax is not a quote on the yen.
   */
  fromStories?: boolean;
  /** Least score a quote needs (on-topic 1, with a role +0.2, each flaw −0.3 to −0.5); a slide the spec did not ask for sets one. */
  least?: number;
  /** The documents a subject's slide may draw on (a topic read within another), or undefined for any. */
  documentsFor?: (subject: Pick<ClaimRequest, 'query' | 'topic'>) => ReadonlySet<string> | undefined;
  /** Whether words make a sentence (a statement, not a name for something). */
  isSentence?: (text: string) => boolean;
  /** Words that make no sentence are not used at all (a slide the spec did not ask for), not only ranked lower. */
  sentencesOnly?: boolean;
}

export interface QuoteChoice {
  /** The quote chosen, absent when none is on the subject. */
  quote?: Quote;
  /** Set when the corpus has no quote by the speaker asked for: the speakers it has (full names and surnames). */
  speakers?: string[];
}

/** How much of a story about the subject a quote's article must be (1: named in its title or lead, or three times). */
const QUOTE_STORY = 0.6;

const speakerMatches = (q: Quote, wanted: string) => q.speaker.toLowerCase().includes(wanted.trim().toLowerCase());

export function selectQuote(ctx: SelectionContext, request: QuoteRequest): QuoteChoice {
  const { index, ledger, allowed, spec } = ctx;
  const pool = index.quotes().filter((q) => allowed.has(q.docId) && !isExcluded(q, spec));
  const bySpeaker = request.speaker ? pool.filter((q) => speakerMatches(q, request.speaker!)) : pool;
  if (request.speaker && !bySpeaker.length) {
    return { speakers: [...new Set(index.quotes().flatMap((q) => [q.speaker, q.speaker.split(/\s+/).pop() ?? q.speaker]))].sort() };
  }
  const subjects = request.subjects.map((r) => ctx.subject(r));
  const within = request.subjects.map((r) => request.documentsFor?.(r));
  const scope = ctx.scope();
  // "The solution is…": a bare definite subject is the story's, unless it is what the deck is about.
  const deckWords = new Set(wordsOf(ctx.topics.join(' ').replace(/[-_]+/g, ' ')).map((w) => w.stem));
  const unknownSubject = (text: string) => {
    const noun = bareDefiniteSubject(text);
    return !!noun && !deckWords.has(wordsOf(noun)[0]?.stem ?? noun);
  };
  const scored = bySpeaker
    .filter((q) => !ledger.ids.has(q.id))
    .map((q) => {
      const sentence = quoteSentence(ctx, q);
      const words = wordsOf(sentence);
      const onSubject = (s: (typeof subjects)[number], i: number) =>
        (request.fromStories && (s.documents.get(q.docId) ?? 0) < QUOTE_STORY) || (within[i] && !within[i]!.has(q.docId)) ? 0
          // Words on a subject name it: a quote on the dollar says "dollar" (or its sentence does),
          // not only words typical of the stories about it ("negotiating team" in a debt story).
          : namesSubject(s, words, q.docId) ? aboutness(s, words, q.docId) : 0;
      const about = !subjects.length ? 1 : inScope(scope, sentence, ctx.head(q.docId)) ? Math.max(0, ...subjects.map(onSubject)) : 0;
      const count = q.text.split(/\s+/).length;
      // An answer or a pointer back ("Yes, because…", "It is…") needs the question or what came
      // before; so does a short one about "it" or "them" ("I'd put it off as long as they conceivably could").
      const leansBack = /^(?:yes|no|well)\b/i.test(q.text) || ANAPHORIC.test(q.text.trim()) || (count < 12 && /\b(?:it|they|them|this|that|he|she)\b/i.test(q.text));
      // Words that make no sentence ("the biggest purchase and sale contract in the history of the
      // global gas industry") say what something is called, not what the speaker holds.
      const fragment = request.isSentence ? !request.isSentence(q.text.replace(/^[“"‘']|[”"’',.]+$/g, '')) : false;
      const score = about + (q.role ? 0.2 : 0) - (count > request.longWords ? 0.5 : 0) - (count < 6 ? 0.3 : 0) - (leansBack ? 0.4 : 0) - (fragment ? 0.4 : 0);
      return { q, about, score, fragment };
    })
    // Words that point at what the story said before ("taking account of this inflation index",
    // "Both sides are…") are not used: a slide shows the quote without that story.
    .filter((s) => (request.anyBySpeaker || s.about > 0) && !(request.sentencesOnly && s.fragment) && !quotePointsBack(s.q.text) && !unknownSubject(s.q.text))
    .sort((a, b) => b.score - a.score || (a.q.id < b.q.id ? -1 : 1));
  const best = scored[0] && scored[0].score >= (request.least ?? -Infinity) ? scored[0].q : undefined;
  if (!best) return {};
  ledger.record(best);
  return { quote: best };
}

/** The sentence a quote stands in, cue included: what it is about is read there too. */
function quoteSentence(ctx: SelectionContext, q: Quote): string {
  const doc = ctx.store.document(q.docId);
  const p = doc?.paragraphs.find((x) => x.index === q.paragraph);
  if (!doc || !p) return q.text;
  const from = p.text.slice(0, q.start - p.start).search(/(?:[^.!?]|[.!?](?!["”’)]*\s+["“‘(]?\p{Lu}))*$/u);
  const rest = p.text.slice(q.end - p.start);
  const to = rest.search(/[.!?]["”’)]*(?:\s+["“‘(]?\p{Lu}|\s*$)/u);
  return p.text.slice(Math.max(0, from), q.end - p.start + (to === -1 ? rest.length : to + 1));
}
