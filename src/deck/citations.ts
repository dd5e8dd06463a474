/**
 * Citations: every item pulled into a deck carries document, paragraph and offsets, a short tag
 * for slides ("Kaczmarski 2022 ¶4") and the full source sentence for notes. The `SourceBook`
 * remembers which documents were cited so the deck can end with a Sources slide.
 */
import type { Citation, CorpusDocument, EvidenceStore, SourceEntry } from '../model.ts';

export interface Citable {
  docId: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export class SourceBook {
  private readonly stems = new Map<string, string>();
  private readonly cited = new Set<string>();

  constructor(private readonly store: EvidenceStore) {
    const byStem = new Map<string, CorpusDocument[]>();
    const docs = [...store.documents()].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const doc of docs) {
      const stem = tagStem(doc);
      byStem.set(stem, [...(byStem.get(stem) ?? []), doc]);
    }
    for (const [stem, group] of byStem) {
      group.forEach((doc, i) => this.stems.set(doc.id, group.length > 1 ? `${stem}${String.fromCharCode(97 + i)}` : stem));
    }
  }

  /** The citation of a claim or quote; `sentence` defaults to the sentence around it. */
  cite(item: Citable, sentence?: string): Citation {
    this.cited.add(item.docId);
    const stem = this.stems.get(item.docId) ?? item.docId;
    return {
      docId: item.docId,
      paragraph: item.paragraph,
      start: item.start,
      end: item.end,
      tag: `${stem} ¶${item.paragraph}`,
      sentence: sentence ?? this.sentenceAround(item),
    };
  }

  /** Every cited document, sorted by tag. */
  sources(): SourceEntry[] {
    const out: SourceEntry[] = [];
    for (const id of this.cited) {
      const doc = this.store.document(id);
      if (!doc) continue;
      const entry: SourceEntry = { docId: id, title: doc.title, authors: doc.authors, tag: this.stems.get(id) ?? id };
      if (doc.publisher) entry.publisher = doc.publisher;
      if (doc.date) entry.date = doc.date;
      if (doc.url) entry.url = doc.url;
      out.push(entry);
    }
    return out.sort((a, b) => a.tag.localeCompare(b.tag) || (a.docId < b.docId ? -1 : 1));
  }

  /** A full reference for notes: "Adan, How Russia could rethink… (Global Courant, 2023-05-22), ¶4". */
  reference(c: Citation): string {
    const doc = this.store.document(c.docId);
    if (!doc) return c.tag;
    const who = doc.authors.length ? `${doc.authors.join(', ')}, ` : '';
    const where = [doc.publisher, doc.date].filter(Boolean).join(', ');
    return `${who}“${doc.title}”${where ? ` (${where})` : ''}, ¶${c.paragraph}, chars ${c.start}–${c.end}`;
  }

  /** The sentence of the source that holds the item (for quotes, the words around the quotation). */
  sentenceAround(item: Citable): string {
    const doc = this.store.document(item.docId);
    const para = doc?.paragraphs.find((p) => p.start <= item.start && item.end <= p.end);
    if (!doc || !para) return item.text;
    const before = doc.text.slice(para.start, item.start);
    const after = doc.text.slice(item.end, para.end);
    const head = before.search(/(?:[.!?]["”’]?\s+)(?=[^.!?]*$)/);
    const startAt = head < 0 ? para.start : para.start + head + (/^[.!?]["”’]?\s+/.exec(before.slice(head))?.[0].length ?? 0);
    const tail = /[.!?](?=["”’]?(?:\s|$))["”’]?/.exec(after);
    const endAt = tail ? item.end + tail.index + tail[0].length : para.end;
    return doc.text.slice(startAt, endAt).replace(/\s+/g, ' ').trim();
  }
}

/** The first two words of a title that are not articles, without punctuation: "Continuing Saga". */
function titleWords(title: string): string {
  const words = title.split(/[\s:–—-]+/).map((w) => w.replace(/[^\p{L}\p{N}'’]/gu, '')).filter(Boolean);
  while (words.length > 2 && /^(the|a|an)$/i.test(words[0])) words.shift();
  return words.slice(0, 2).join(' ');
}

/** "Kaczmarski 2022": first author's surname, else publisher, else the title's first word; then the year. */
export function tagStem(doc: Pick<CorpusDocument, 'authors' | 'publisher' | 'title' | 'date' | 'id'>): string {
  const author = doc.authors[0]?.trim();
  const name = author
    ? (author.split(/\s+/).pop() ?? author)
    : doc.publisher?.trim() || titleWords(doc.title) || doc.id;
  const year = doc.date?.slice(0, 4);
  return year ? `${name} ${year}` : name;
}
