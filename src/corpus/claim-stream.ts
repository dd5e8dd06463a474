/**
 * The claims of a very long document, extracted a section at a time as the store writes them:
 * the store's loop over the claims drives extraction, so one section's claims are held at a time,
 * never the document's hundred thousand. Each section is read on its own text (`long-text.ts`:
 * decoded again from the file's bytes for a document read in sections): who speaks, and whether a
 * name is a person's or a firm's, is told from the section that holds the sentence. The quotes and
 * the claims' word counts are gathered on the way and read once the claims have been written
 * (`EvidenceBackend.putFile` reads them after).
 */
import type { Claim, CorpusDocument, Paragraph, Quote } from '../model.ts';
import { extractEvidence } from './claims.ts';
import { isInSections, ownString, textSections } from './long-text.ts';
import { paragraphsBySection, SECTION_CHARS, sectionsOf } from './sections.ts';
import type { TopicMatcher } from './topic-matcher.ts';
import { DeltaSum, WordTally, type WordDelta } from './word-counts.ts';

export class ClaimStream implements Iterable<Claim> {
  private readonly found: Quote[] = [];
  private readonly tally = new WordTally();
  private done = false;
  private started = false;

  constructor(
    private readonly doc: CorpusDocument,
    private readonly topicsOf: TopicMatcher,
    private readonly size = SECTION_CHARS,
  ) {}

  /** Whether the document is long enough to be read a section at a time. */
  static wanted(doc: CorpusDocument, size = SECTION_CHARS): boolean {
    return isInSections(doc) || paragraphsBySection(doc.paragraphs, sectionsOf(doc.text, 0, doc.text.length, size)).length > 1;
  }

  *[Symbol.iterator](): Iterator<Claim> {
    if (this.started) throw new Error('the claims of a long document are read once');
    this.started = true;
    const { doc } = this;
    let k = 0;
    for (const { start: base, end, text } of textSections(doc, this.size)) {
      // The section's paragraphs, their offsets in its own text.
      const paragraphs: Paragraph[] = [];
      for (; k < doc.paragraphs.length && doc.paragraphs[k].start < end; k++) {
        const p = doc.paragraphs[k];
        paragraphs.push({ index: p.index, start: p.start - base, end: p.end - base, text: text.slice(p.start - base, p.end - base) });
      }
      if (!paragraphs.length) continue;
      const part = extractEvidence({ ...doc, text, paragraphs }, this.topicsOf);
      // Quotes are kept until the claims are written: with texts of their own, not slices of the section's.
      for (const q of part.quotes) this.found.push({ ...q, text: ownString(q.text), start: q.start + base, end: q.end + base });
      for (const c of part.claims) {
        c.start += base;
        c.end += base;
        this.tally.add(c.text, '');
        yield c;
      }
    }
    this.done = true;
  }

  /** The quotes, in order, once the claims have been read. */
  get quotes(): Iterable<Quote> {
    const self = this;
    return {
      [Symbol.iterator]() {
        self.mustBeDone();
        return self.found[Symbol.iterator]();
      },
    };
  }

  /** The claims' word counts (as `wordDelta([], [texts])` counts them), once they have been read. */
  get words(): WordDelta {
    this.mustBeDone();
    const sum = new DeltaSum();
    if (this.tally.claims) sum.addTally(this.tally, 1);
    return sum.delta();
  }

  private mustBeDone(): void {
    if (!this.done) throw new Error('the quotes and word counts of a long document are known once its claims are read');
  }
}
