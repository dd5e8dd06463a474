/**
 * How a slide shows its citations, decided once for every format. The deck's `CitationStyle`
 * (from the audience) says: `bullet` — a short tag after every bullet, judgement, figure,
 * scenario, event and quote attribution; `slide` — items untagged and one small source line
 * under the content ("Sources: Kaczmarski 2022 ¶5, ¶9 · China's Growing ¶12"); `sources-slide`
 * — no tags on content slides at all (the closing Sources slide lists the documents). The fitting
 * measures exactly that and every laid-out slide carries it; writers only print it. Speaker notes
 * and the handout always keep the full citations.
 */
import type { Citation, CitationStyle, ShownCitations, Slide, SourceEntry } from '../model.ts';

/** Every citation a slide's items carry, in slide order. */
export function slideCitations(slide: Slide): Citation[] {
  const all: Array<Citation | undefined> = (() => {
    switch (slide.kind) {
      case 'bullets': return slide.bullets.map((b) => b.citation);
      case 'judgements': return slide.judgements.map((b) => b.citation);
      case 'quote': return [slide.citation];
      case 'figures': return slide.figures.map((f) => f.citation);
      case 'scenarios': return slide.scenarios.map((s) => s.citation);
      case 'timeline': return slide.events.map((e) => e.citation);
      default: return [];
    }
  })();
  return all.filter((c): c is Citation => Boolean(c));
}

/**
 * The slide-level source line: documents in order of first use, each with its paragraphs in
 * number order ("Kaczmarski 2023 ¶11, ¶12"). `undefined` when nothing is cited.
 */
export function citationLine(cites: ReadonlyArray<Pick<Citation, 'docId' | 'stem' | 'paragraph' | 'day'>>): string | undefined {
  const groups = new Map<string, { stem: string; paragraphs: Set<number>; day?: string }>();
  for (const c of cites) {
    const key = `${c.docId}\u0000${c.stem}`;
    const group = groups.get(key) ?? groups.set(key, { stem: c.stem, paragraphs: new Set() }).get(key)!;
    group.paragraphs.add(c.paragraph);
    group.day ??= c.day;
  }
  if (!groups.size) return undefined;
  // (A line that says "today" needs its article's day: "Ussr Wheat 1987 ¶3 (2 Mar)".)
  const parts = [...groups.values()].map(({ stem, paragraphs, day }) =>
    `${stem} ${[...paragraphs].sort((a, b) => a - b).map((n) => `¶${n}`).join(', ')}${day ? ` (${day})` : ''}`);
  return `${parts.length > 1 ? 'Sources' : 'Source'}: ${parts.join(' · ')}`;
}

/** What a slide shows under a citation style (absent style: `bullet`). */
export function shownCitations(slide: Slide, style: CitationStyle = 'bullet'): ShownCitations {
  if (style === 'bullet') return { tags: true };
  if (style === 'sources-slide') return { tags: false };
  const line = citationLine(slideCitations(slide));
  return line ? { tags: false, line } : { tags: false };
}

/** The tag to print after one item of a laid-out slide, or `undefined` when its style hides it. */
export function shownTag(cites: ShownCitations, citation?: Pick<Citation, 'tag'>): string | undefined {
  return cites.tags ? citation?.tag : undefined;
}

/** A source as the Sources slide and the notes list it: tag, authors, title, publisher, date, address. */
export function sourceLine(s: Pick<SourceEntry, 'authors' | 'title' | 'publisher' | 'date' | 'url' | 'tag'>): string {
  return [`[${s.tag}]`, s.authors.join(', '), s.title, s.publisher, s.date, s.url].filter(Boolean).join('. ');
}
