/**
 * Clean paragraphs → claims and quotes. A claim is one whole sentence (wink-nlp's split, per
 * paragraph) that states something: at least six words, a verb, a capital at the start and a full
 * stop at the end; questions and fragments are not claims. Its kind, in order of precedence:
 * `attributed` (reported speech, with its source), `statistic` (it holds a figure), `forecast`
 * (future or estimative about what will happen), `assessment` (hedged or evaluative), else `fact`.
 * Sentences are split again where the scrape glued two together ("grounds.Moreover"), and a claim
 * that still holds a glued word ("regionhave") carries it in `flaws`.
 */
import type { Claim, ClaimKind, CorpusDocument, Quote } from '../model.ts';
import { findActors } from './actors.ts';
import { findAttribution } from './attribution.ts';
import { findFigures } from './figures.ts';
import { gluedWords, splitAtGlue } from './glue.ts';
import { claimLikelihood, likelihoodOf } from './likelihood.ts';
import { readSentences, type Sentence } from './nlp.ts';
import { mentionsWithin, namedPeople, resolvePerson } from './people.ts';
import { findQuotedSpans, findQuotes, keyTerms } from './quotes.ts';
import { paragraphsBySection, SECTION_CHARS, sectionsOf } from './sections.ts';
import type { TopicMatcher } from './topic-matcher.ts';

export const MIN_CLAIM_WORDS = 6;

const FORECAST =
  /\b(will|won['’]t|shall|(?:is|are|remains?)\s+(?:un)?likely\s+to\s+(?!have\b)|expected\s+to|bound\s+to|set\s+to|going\s+to\s+(?!be\s+\w+ed)|foreseeable\s+future|in\s+the\s+(?:coming|next)\b|in\s+the\s+long[-\s]term|would\s+(?:lead|prompt|turn|embolden|shrink|open|provide|require|push))\b/i;
const ASSESSMENT =
  /\b(seems?|seemed|appears?|appeared|arguably|evidently|clearly|undoubtedly|probably|likely|unlikely|possibly|perhaps|difficult to|hard to|important|significant|crucial|essential|far from|no doubt|should|must|cannot|may|might|could|would|suggests?|implies|doubtful|uncertain|best|worst|greatest|main|major|key|least|most)\b/i;

/** Whether a sentence is a whole statement, not a heading, question or fragment. */
export function isStatement(text: string, sentence: Sentence): boolean {
  const words = sentence.tokens.filter((t) => /[\p{L}\d]/u.test(t.text)).length;
  if (words < MIN_CLAIM_WORDS || words > 150) return false;
  if (!/^[“"‘'(]?[\p{Lu}\d]/u.test(text)) return false;
  if (!/[.!…](?:["”’')\]]+)?$/.test(text) && !/[”"]\.?$/.test(text)) return false;
  // The lite tagger misses some verbs ("accords", "craves"): only short sentences must show one.
  return words >= 10 || sentence.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

export function kindOf(text: string, hasFigures: boolean, attributed: boolean): ClaimKind {
  if (attributed) return 'attributed';
  if (hasFigures) return 'statistic';
  if (FORECAST.test(text)) return 'forecast';
  if (ASSESSMENT.test(text) || likelihoodOf(text)) return 'assessment';
  return 'fact';
}

export interface Extraction {
  claims: Claim[];
  quotes: Quote[];
}

export function extractEvidence(doc: CorpusDocument, topicsOf: TopicMatcher): Extraction {
  const claims: Claim[] = [];
  const quotes: Quote[] = [];
  // Speakers are read across the document: "Mr Balls" and "he said" point back to "Ed Balls, …".
  const people = namedPeople(doc);
  for (const p of doc.paragraphs) {
    const spans = findQuotedSpans(p.text);
    const terms = keyTerms(p.text, spans);
    const found = findQuotes(p.text, spans, { people, offset: p.start, docText: doc.text });
    found.forEach((q, k) => {
      const quote: Quote = {
        id: `${doc.id}:p${p.index}:q${k + 1}`,
        text: doc.text.slice(p.start + q.start, p.start + q.end),
        speaker: q.speaker.name,
        cue: q.cue,
        docId: doc.id,
        paragraph: p.index,
        start: p.start + q.start,
        end: p.start + q.end,
      };
      if (q.speaker.role) quote.role = q.speaker.role;
      quotes.push(quote);
    });
    splitAtGlue(p.text, readSentences(p.text)).forEach((s, k) => {
      const text = p.text.slice(s.start, s.end);
      if (!isStatement(text, s) || /\?["”’)]*$/.test(text)) return;
      const figures = findFigures(text);
      const inQuote = found.find((q) => q.start < s.end && q.end > s.start);
      // Mostly words inside quotation marks: someone else's speech, used only as a quote with its speaker.
      // A sentence that opens with a quotation mark is inside one even where the wire never closes it.
      const quoted = /^["“]/.test(text) || spans.some((q) => q.words >= 4 && Math.min(q.end, s.end) - Math.max(q.start, s.start) >= (s.end - s.start) / 2);
      let source = inQuote?.speaker ?? findAttribution(text);
      const claim: Claim = {
        id: `${doc.id}:p${p.index}:s${k + 1}`,
        text: doc.text.slice(p.start + s.start, p.start + s.end),
        kind: kindOf(text, figures.length > 0, source !== undefined || quoted),
        docId: doc.id,
        paragraph: p.index,
        start: p.start + s.start,
        end: p.start + s.end,
        figures,
        actors: findActors(text),
        topics: topicsOf(text),
      };
      const likelihood = claimLikelihood(text, source !== undefined || quoted);
      if (likelihood) claim.likelihood = likelihood;
      // People named in the sentence act in it, under their fullest name ("Balls" → "Ed Balls").
      const from = p.start + s.start;
      const to = p.start + s.end;
      for (const { p: person } of mentionsWithin(people, from, to)) if (!claim.actors.includes(person.name)) claim.actors.push(person.name);
      if (source && !inQuote) {
        const named = resolvePerson(people, source.name, from);
        if (named && /\s/.test(named.name)) source = { name: named.name, ...(named.role ? { role: named.role } : {}) };
      }
      if (source) {
        claim.attribution = source.name;
        if (!claim.actors.includes(source.name) && /^\p{Lu}/u.test(source.name)) claim.actors.push(source.name);
      }
      const flaws = gluedWords(text);
      if (quoted && !inQuote) flaws.push('inside a quotation without a named speaker');
      if (flaws.length) claim.flaws = flaws;
      const inside = terms.filter((t) => t.start >= s.start && t.start < s.end).map((t) => t.term);
      if (inside.length) claim.keyTerms = inside;
      claims.push(claim);
    });
  }
  return { claims, quotes };
}

/**
 * `extractEvidence` a section at a time (`sections.ts`): an ordinary article is one section, read
 * as a whole; in a very long one, the sentences, quotes and people of one section are held at a
 * time (a speaker is known within the section that names them).
 */
export function extractSections(doc: CorpusDocument, topicsOf: TopicMatcher, size = SECTION_CHARS): Extraction {
  const groups = paragraphsBySection(doc.paragraphs, sectionsOf(doc.text, 0, doc.text.length, size));
  if (groups.length <= 1) return extractEvidence(doc, topicsOf);
  const claims: Claim[] = [];
  const quotes: Quote[] = [];
  for (const paragraphs of groups) {
    const part = extractEvidence({ ...doc, paragraphs }, topicsOf);
    for (const c of part.claims) claims.push(c);
    for (const q of part.quotes) quotes.push(q);
  }
  return { claims, quotes };
}
