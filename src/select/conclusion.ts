/**
 * An analysis states its judgement twice: in its lead, and under its closing heading
 * ("Conclusion", "Summary", "Outlook", "Key judgements"). The paragraphs of that section weigh,
 * for a bottom line, as an article's lead does; the sentence that opens it most of all.
 */
import type { Paragraph } from '../model.ts';

/** Headings of the section where a report or analysis concludes. */
const CONCLUDING =
  /^(?:(?:in\s+)?conclusions?|concluding\s+(?:remarks|thoughts)|(?:in\s+)?summary|in\s+sum|(?:the\s+)?bottom\s+line|(?:key\s+)?(?:findings|judge?ments|takeaways)|outlook|(?:the\s+)?way\s+(?:ahead|forward)|what\s+(?:next|now)|final\s+(?:thoughts|remarks|word)|implications|assessment)\b/i;

/** A heading: a short line that is not a sentence (no closing full stop). */
function isHeading(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.split(/\s+/).length <= 10 && !/[.!]["”’)]?$/.test(t);
}

/**
 * The weight, 0..1, of each paragraph under a concluding heading: the first paragraph after it 1
 * (its opening sentence is the thesis), the rest of the section until the next heading 0.6.
 * Documents without such a heading give an empty map.
 */
export function concludingParagraphs(paragraphs: readonly Pick<Paragraph, 'index' | 'text'>[]): Map<number, number> {
  const out = new Map<number, number>();
  let inSection = false;
  for (const p of paragraphs) {
    if (isHeading(p.text)) {
      inSection = CONCLUDING.test(p.text.trim());
      continue;
    }
    if (!inSection) continue;
    out.set(p.index, out.size ? 0.6 : 1);
  }
  return out;
}
