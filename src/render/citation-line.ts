/**
 * How a slide shows its citations, decided once for every format. The deck's `CitationStyle`
 * (from the audience) says: `bullet` — a short tag after every bullet, judgement, figure,
 * scenario, event and quote attribution; `slide` — items untagged and one small source line
 * under the content ("Sources: Kaczmarski 2022 ¶5, ¶9 · China's Growing ¶12"); `sources-slide`
 * — no tags on content slides at all (the closing Sources slide lists the documents). `fit.ts`
 * attaches the result to every fitted slide and measures exactly that; the Marp Markdown and
 * PPTX renderers only read it. Speaker notes and the handout always keep the full citations.
 */
import type { Citation, CitationStyle, Slide } from '../model.ts';

/** What one fitted slide shows of its citations. */
export interface ShownCitations {
  /** Each item carries its own short tag (the `bullet` style). */
  tags: boolean;
  /** The one source line under the content (`slide` style, on slides that cite anything). */
  line?: string;
}

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
 * number order ("Kaczmarski 2023 ¶11, ¶12"), brackets dropped. `undefined` when nothing is cited.
 */
export function citationLine(cites: Array<{ tag: string }>): string | undefined {
  const groups = new Map<string, string[]>();
  for (const { tag } of cites) {
    const bare = tag.replace(/^\[(.*)\]$/, '$1').trim();
    if (!bare) continue;
    const m = /^(.*\S)\s+(¶\s*\d+)$/.exec(bare);
    const [doc, para] = m ? [m[1], m[2]] : [bare, ''];
    const paras = groups.get(doc) ?? [];
    if (!groups.has(doc)) groups.set(doc, paras);
    if (para && !paras.includes(para)) paras.push(para);
  }
  if (!groups.size) return undefined;
  const byNumber = (a: string, b: string) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, ''));
  const parts = [...groups].map(([doc, paras]) => (paras.length ? `${doc} ${paras.sort(byNumber).join(', ')}` : doc));
  return `${parts.length > 1 ? 'Sources' : 'Source'}: ${parts.join(' · ')}`;
}

/** What a slide shows under a citation style (absent style: `bullet`). */
export function shownCitations(slide: Slide, style: CitationStyle = 'bullet'): ShownCitations {
  if (style === 'bullet') return { tags: true };
  if (style === 'sources-slide') return { tags: false };
  const line = citationLine(slideCitations(slide));
  return line ? { tags: false, line } : { tags: false };
}

/** The tag to print after one item of a fitted slide, or `undefined` when its style hides it. */
export function shownTag(f: { cites: ShownCitations }, citation?: { tag: string }): string | undefined {
  return f.cites.tags ? citation?.tag : undefined;
}
