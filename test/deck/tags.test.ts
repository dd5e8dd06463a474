/** Citation tags a reader can read: whole words, title case for wire titles, no letter glued to a word. */
import { describe, expect, it } from 'vitest';
import { SourceBook, tagStem } from '../../src/deck/citations.ts';
import type { CorpusDocument, EvidenceStore } from '../../src/model.ts';

const doc = (id: string, title: string, extra: Partial<CorpusDocument> = {}): CorpusDocument => ({
  id, path: `${id}.txt`, format: 'txt', title, authors: [], hash: id, words: 10, text: `${title}\n\nBody of ${id}.`, paragraphs: [], dropped: [], ...extra,
});

describe('citation tags', () => {
  it('names an authorless document by whole words of its title, not ending on a small word', () => {
    expect(tagStem(doc('a', 'US to sell wheat to the Soviet Union'))).toBe('US to sell');
    expect(tagStem(doc('b', 'House prices rise again', { date: '2004-12-01' }))).toBe('House prices 2004');
  });

  it('reads a wire title in title case, keeping what the article writes in capitals', () => {
    const d = doc('c', 'ICO COUNCIL ENDS IN FAILURE TO AGREE QUOTAS', { date: '1987-03-02', text: 'ICO COUNCIL ENDS\n\nThe ICO council failed, the council said.' });
    expect(tagStem(d)).toBe('ICO Council 1987');
    expect(tagStem(doc('r', '(RPT) U.S. SAYS TIN DISPOSALS WILL NOT AFFECT ACCORD', { date: '1987-03-02', text: 'U.S. tin disposals…' }))).toBe('U.S. Says 1987');
    // a ticker in angle brackets is none of its words; a three-letter English word the story never
    // writes otherwise is a word, not an acronym (Reuters-21578)
    expect(tagStem(doc('v', 'VIACOM <VIA> RECEIVES TWO REVISED OFFERS', { date: '1987-03-02', text: 'Viacom International Inc said it received revised merger offers.' }))).toBe('Viacom Receives 1987');
    expect(tagStem(doc('n', 'NEW ZEALAND CANCELS WEEKLY T-BILL TENDER', { date: '1987-03-01', text: 'The Reserve Bank said it cancelled the tender.' }))).toBe('New Zealand 1987');
  });

  it('tells apart documents with the same first words by more of their titles, then by a number', () => {
    const docs = [
      doc('x/1', 'Coffee quota talks continue, no accord seen', { date: '1987-03-01' }),
      doc('x/2', 'Coffee quota talks continue but no agreement yet', { date: '1987-03-01' }),
      doc('x/3', 'House prices rise'),
      doc('x/4', 'House prices rise'),
    ];
    const store = { documents: () => docs, document: (id: string) => docs.find((d) => d.id === id) } as unknown as EvidenceStore;
    const book = new SourceBook(store);
    const tag = (id: string) => book.cite({ docId: id, paragraph: 1, start: 0, end: 1, text: 'x' }).tag;
    expect([tag('x/1'), tag('x/2')]).toEqual(['Coffee quota talks continue 1987a ¶1', 'Coffee quota talks continue 1987b ¶1']);
    expect([tag('x/3'), tag('x/4')]).toEqual(['House prices rise ¶1', 'House prices rise (2) ¶1']);
  });

  it('shows the whole date for a line that says "today"', () => {
    const docs = [doc('d', 'Wheat rumours persist', { date: '1987-03-02' })];
    const store = { documents: () => docs, document: (id: string) => docs.find((d) => d.id === id) } as unknown as EvidenceStore;
    const c = new SourceBook(store).cite({ docId: 'd', paragraph: 3, start: 0, end: 1, text: 'x' }, 'x', { fullDate: true });
    // (after the paragraph: the tag opens on the key the Sources slide lists)
    expect(c.tag).toBe('Wheat rumours 1987 ¶3, 2 Mar');
    expect(c.stem).toBe('Wheat rumours 1987');
  });
});
