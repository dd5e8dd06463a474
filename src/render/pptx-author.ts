/**
 * The author's Markdown as native PowerPoint paragraphs: real bullets and numbers (nested lists
 * indent one bullet width per level, as in the Marp CSS), bold/italic runs, inline code in the
 * mono font, and links that stay links. Every run carries its size, face and colour because
 * pptxgenjs lets the master's placeholder options win over the text box's own.
 */
import type { AuthorParagraph, AuthorRun, ResolvedTheme } from '../model.ts';
import type { TextProps } from './pptxgen.ts';
import { bulletIndent, numberIndent } from '../layout/geometry.ts';
import { hex, pptxFont } from './pptx-masters.ts';

/** A no-break space as the "bullet": keeps the paragraph's left margin without showing a marker. */
const INDENT_ONLY = '00A0';

function paragraphOptions(p: AuthorParagraph, size: number): TextProps['options'] {
  const indent = bulletIndent(size);
  switch (p.role) {
    case 'bullet': return { bullet: { indent }, indentLevel: p.depth };
    case 'number': return { bullet: { type: 'number', numberStartAt: p.number ?? 1, indent: numberIndent(size, p.number) }, indentLevel: p.depth };
    case 'quote': return { bullet: { characterCode: INDENT_ONLY, indent: 36 } };
    default: return p.inList ? { bullet: { characterCode: INDENT_ONLY, indent }, indentLevel: p.depth } : { bullet: false };
  }
}

/** The runs of a Markdown slide's paragraphs, as the layout read them. */
export function authorMarkdownRuns(paragraphs: readonly AuthorParagraph[], theme: ResolvedTheme, size: number): TextProps[] {
  const c = theme.palette;
  const runStyle = (p: AuthorParagraph, r: AuthorRun): NonNullable<TextProps['options']> => {
    const heading = p.role === 'heading';
    const fontSize = heading ? (p.level! <= 2 ? theme.sizes.heading : size * 1.1) : p.role === 'code' ? size * 0.8 : size;
    return {
      fontSize,
      fontFace: pptxFont(r.code || p.role === 'code' ? theme.fonts.mono : heading ? theme.fonts.heading : theme.fonts.body),
      color: hex(r.href ? c.accent : heading || p.role === 'quote' || r.bold ? c.heading : c.text),
      ...(r.bold || heading ? { bold: true } : {}),
      ...(r.italic ? { italic: true } : {}),
      ...(r.href ? { hyperlink: { url: r.href } } : {}),
      ...(r.breakBefore ? { softBreakBefore: true } : {}),
    };
  };
  return paragraphs.flatMap((p, i) =>
    p.runs.map((r, j) => ({
      text: r.text,
      options: {
        ...runStyle(p, r),
        ...(j === 0 ? paragraphOptions(p, size) : {}),
        ...(j === p.runs.length - 1 && i < paragraphs.length - 1 ? { breakLine: true } : {}),
      },
    })),
  );
}
