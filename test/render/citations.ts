/**
 * What the citation-style tests expect of one fitted slide, read from the deck itself (never from
 * the renderers): the tags of the items on it, and how to read a "Sources: A ¶1, ¶2 · B ¶3" line
 * back into the tags it lists. Also small readers for PPTX XML text.
 */
import JSZip from 'jszip';
import type { CitationStyle, Deck, Slide } from '../../src/model.ts';
import { fixtureDeck } from './helpers.ts';

export const STYLES: CitationStyle[] = ['bullet', 'slide', 'sources-slide'];

export const styledDeck = (name: 'full' | 'long', citations: CitationStyle): Deck => ({ ...fixtureDeck(name), citations });

/** The citations of the items on a slide, in order, straight from the deck model. */
export function itemCitations(slide: Slide): Array<{ tag: string; sentence: string }> {
  switch (slide.kind) {
    case 'bullets': return slide.bullets.flatMap((b) => (b.citation ? [b.citation] : []));
    case 'judgements': return slide.judgements.flatMap((b) => (b.citation ? [b.citation] : []));
    case 'quote': return [slide.citation];
    case 'figures': return slide.figures.map((f) => f.citation);
    case 'scenarios': return slide.scenarios.flatMap((s) => (s.citation ? [s.citation] : []));
    case 'timeline': return slide.events.flatMap((e) => (e.citation ? [e.citation] : []));
    default: return [];
  }
}

/** A tag as the source line writes it: without the surrounding brackets. */
export const bare = (tag: string) => tag.replace(/^\[(.*)\]$/, '$1');

/** The distinct tags a source line must list for these citations. */
export const distinctTags = (cites: Array<{ tag: string }>) => [...new Set(cites.map((c) => bare(c.tag)))].sort();

/** Reads "Sources: A 2022 ¶5, ¶9 · B ¶12" back into ["A 2022 ¶5", "A 2022 ¶9", "B ¶12"] (sorted). */
export function parseCitationLine(line: string): { label: string; tags: string[] } {
  const m = /^(Sources?): (.*)$/.exec(line.trim());
  if (!m) throw new Error(`not a source line: ${line}`);
  const tags = m[2].split(' · ').flatMap((segment) => {
    const p = /^(.*?) (¶\d+(?:, ¶\d+)*)$/.exec(segment);
    return p ? p[2].split(', ').map((para) => `${p[1]} ${para}`) : [segment];
  });
  return { label: m[1], tags: tags.sort() };
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each `<a:p>` paragraph's text in an OOXML part (slide, notes), runs joined. */
export function xmlParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => decode([...p[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('')));
}

/** Text a PPTX slide shows: its paragraphs plus the category labels of any chart it holds. */
export async function pptxSlideText(zip: JSZip, n: number): Promise<{ paragraphs: string[]; notes: string }> {
  const xml = await zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
  const rels = (await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)?.async('string')) ?? '';
  const charts = [...rels.matchAll(/Target="\/?(?:\.\.\/)?(ppt\/charts\/chart\d+\.xml|charts\/chart\d+\.xml)"/g)].map((m) => m[1].replace(/^charts/, 'ppt/charts'));
  const labels: string[] = [];
  for (const c of charts) {
    const chart = await zip.file(c)!.async('string');
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(chart)?.[1] ?? '';
    labels.push(...[...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => decode(v[1])));
  }
  const notesXml = (await zip.file(`ppt/notesSlides/notesSlide${n}.xml`)?.async('string')) ?? '';
  return { paragraphs: [...xmlParagraphs(xml), ...labels], notes: xmlParagraphs(notesXml).join('\n') };
}
