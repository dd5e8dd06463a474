/**
 * The deck's fonts, carried inside the HTML. Slides are fitted with the theme's own font files
 * (`fonts.ts`), so the HTML brings those very files along as `@font-face` rules with `data:` URIs,
 * named like the theme's families: a laptop without Liberation or DejaVu lays text out exactly
 * as measured. Each face is cut down (HarfBuzz's subsetter, via `subset-font`) to the characters
 * the slides show, as TrueType, then wrapped as WOFF (zlib), so a deck carries tens of kilobytes
 * of font, not megabytes. The PDF, printed on this machine, needs no copy: `localFontFaceCss`
 * names the same files by their `local()` names. WOFF2 is a third smaller but its Brotli pass costs ~50 ms a face, which showed in
 * the render bench; `EmbedFormat` keeps it one word away.
 * Liberation (SIL OFL) and DejaVu (Bitstream Vera licence) allow embedding and subsetting.
 * Given a folder (`.cache/briefdeck/fonts/`), each cut is kept there for the next run under a hash
 * of the font file's bytes, the characters, the format and the code's version (which covers the
 * subsetter's through the lockfile): a rebuild showing the same characters neither loads HarfBuzz
 * nor cuts the faces again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ResolvedTheme } from '../model.ts';
import { cssFontName, fontFile, localFaceNames } from './fonts.ts';
import { sfntToWoff } from './woff.ts';
import { codeVersion } from '../code-version.ts';
import { keepFile, readKeptBytes } from '../kept.ts';

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: EmbedFormat; noHinting: boolean }) => Promise<Buffer>;
let subsetFont: SubsetFont | undefined;
/** HarfBuzz's subsetter, loaded on the first deck that embeds fonts (its WebAssembly takes ~70 ms). */
const subsetter = (): SubsetFont => (subsetFont ??= createRequire(import.meta.url)('subset-font') as SubsetFont);

/** One face of a family the slides use. */
export interface DeckFontFace {
  family: string;
  bold: boolean;
  italic: boolean;
}

/**
 * Always there besides the shown text: ASCII (slide numbers, "(continued)", CSS-generated text),
 * list bullets and the punctuation the deck stages write.
 */
const ALWAYS = (() => {
  let s = '•◦▪–—‘’“”…·¶§€£°×−';
  for (let cp = 0x20; cp < 0x7f; cp++) s += String.fromCodePoint(cp);
  return s;
})();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Every character the slides can show, sorted and unique: their text (tags dropped, entities
 * decoded), its upper- and lower-case forms (CSS `text-transform` on chips), and `ALWAYS`.
 */
export function shownCharacters(slides: readonly string[]): string {
  const text = decodeEntities(slides.join('\n').replace(/<[^>]*>/g, ' '));
  const chars = new Set<string>(ALWAYS);
  for (const ch of text + text.toUpperCase() + text.toLowerCase()) if (ch.codePointAt(0)! >= 0x20) chars.add(ch);
  return [...chars].sort().join('');
}

/**
 * The faces the theme CSS can ask for on these slides: heading and body families in regular and
 * bold everywhere; italics of the body and the mono family only where an author's Markdown slide
 * has emphasis or code (elsewhere `em` is set upright and code chips use the body font).
 */
export function facesUsed(theme: ResolvedTheme, slides: readonly string[]): DeckFontFace[] {
  const faces: DeckFontFace[] = [];
  const add = (family: string, bold: boolean, italic = false) => {
    if (!faces.some((f) => f.family === family && f.bold === bold && f.italic === italic)) faces.push({ family, bold, italic });
  };
  for (const family of [theme.fonts.heading, theme.fonts.body]) {
    add(family, false);
    add(family, true);
  }
  const authored = slides.filter((s) => /class="[^"]*\bkind-markdown\b/.test(s));
  if (authored.some((s) => /<em>/.test(s))) {
    add(theme.fonts.body, false, true);
    if (authored.some((s) => /<strong>[^<]*<em>|<em>[^<]*<strong>/.test(s))) add(theme.fonts.body, true, true);
  }
  if (theme.fonts.mono && authored.some((s) => /<code>/.test(s))) add(theme.fonts.mono, false);
  return faces;
}

/** How a face travels: WOFF2 is the smallest but slow to compress (tens of ms a face), WOFF
 * (zlib) is fast and a third bigger, TrueType is instant and the biggest. */
export type EmbedFormat = 'woff2' | 'woff' | 'truetype';

/** Subsets per font file, character set and format, for the whole process (decks of one theme share faces). */
const subsets = new Map<string, Promise<Buffer>>();

/**
 * The face cut to `characters`, without hinting: browsers place glyphs at their unhinted advance
 * widths, the very widths the layout stage measured, and the file is less than half the size. HarfBuzz
 * cuts each face once, to TrueType; WOFF wraps that same cut (`woff.ts`), WOFF2 asks HarfBuzz.
 */
function subset(file: string, characters: string, format: EmbedFormat, keptIn?: string): Promise<Buffer> {
  const key = `${file}\u0000${format}\u0000${characters}`;
  let hit = subsets.get(key);
  if (!hit) {
    hit =
      format === 'woff'
        ? subset(file, characters, 'truetype', keptIn).then(sfntToWoff)
        : keptIn
          ? keptSubset(file, characters, format, keptIn)
          : subsetter()(readFileSync(file), characters, { targetFormat: format, noHinting: true });
    hit.catch(() => subsets.delete(key));
    subsets.set(key, hit);
  }
  return hit;
}

/** Fonts cut kept at most; the oldest go first. */
const CUTS_KEPT = 256;

/** The cut kept in `dir` for these bytes, characters and format, or HarfBuzz's (then kept). */
async function keptSubset(file: string, characters: string, format: EmbedFormat, dir: string): Promise<Buffer> {
  const font = readFileSync(file);
  const name = `${createHash('sha256').update(`${codeVersion()}\u0000${format}\u0000${characters}\u0000`).update(font).digest('hex')}.${format}`;
  const kept = readKeptBytes(dir, name);
  if (kept) return kept;
  const cut = await subsetter()(font, characters, { targetFormat: format, noHinting: true });
  keepFile(dir, name, cut, CUTS_KEPT, (f) => f.endsWith(`.${format}`));
  return cut;
}

const MIME: Record<EmbedFormat, string> = { woff2: 'font/woff2', woff: 'font/woff', truetype: 'font/ttf' };

/**
 * `@font-face` rules that point at the installed files themselves, by `local()` name: for a page
 * printed on this machine, where those files are (fitting measured them). Chromium then reads
 * each face from disk and embeds the glyphs it used in the PDF; nothing is cut or encoded here.
 * A face whose names the browser cannot find falls back down the theme's font stack.
 */
export function localFontFaceCss(faces: readonly DeckFontFace[]): string {
  return faces
    .map((face) => {
      const names = localFaceNames(face.family, face.bold, face.italic);
      return `@font-face{font-family:${cssFontName(face.family)};src:${names.map((n) => `local(${cssFontName(n)})`).join(',')};font-weight:${face.bold ? 700 : 400};font-style:${face.italic ? 'italic' : 'normal'}}`;
    })
    .join('\n');
}

/** The `@font-face` rules that carry `faces`, each cut down to `characters` (the cuts kept in `keptIn`, when given). */
export async function fontFaceCss(faces: readonly DeckFontFace[], characters: string, format: EmbedFormat, keptIn?: string): Promise<string> {
  const rules = await Promise.all(
    faces.map(async (face) => {
      const file = fontFile(face.family, face.bold, undefined, face.italic);
      const bytes = await subset(file, characters, format, keptIn);
      return `@font-face{font-family:${cssFontName(face.family)};src:url(data:${MIME[format]};base64,${bytes.toString('base64')}) format('${format}');font-weight:${face.bold ? 700 : 400};font-style:${face.italic ? 'italic' : 'normal'};font-display:block}`;
    }),
  );
  return rules.join('\n');
}

