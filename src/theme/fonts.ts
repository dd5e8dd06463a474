/**
 * Font files and text metrics. Layout decisions (how many lines a bullet takes, when a slide
 * must continue) are made from the advance widths of the very font files the browser and
 * LibreOffice use, so HTML, PDF and PPTX split content the same way and nothing overflows.
 * Files are found in `assets/fonts/` first, then through fontconfig (`fc-match`). The same files
 * are subset into the HTML deck (`embed-fonts.ts`); `FONT_TWINS` names what a machine without
 * them should use instead, for the CSS stacks and the PowerPoint font names alike.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

type Font = fontkit.Font;
const files = new Map<string, string>();
const fonts = new Map<string, Font>();
/** Advance width per code point, in em, per font file: no shaping needed for line breaking. */
const advances = new Map<string, Map<number, number>>();

/**
 * What to use where a family is missing. `metric: true` twins have the same advance widths, so
 * text set in them breaks where `fit.ts` measured (PowerPoint is told the twin's name); the others
 * are only the closest look. The CSS stacks list every twin, then the generic family.
 */
export const FONT_TWINS: Readonly<Record<string, { twins: readonly string[]; metric: boolean }>> = {
  'Liberation Sans': { twins: ['Arial', 'Helvetica'], metric: true },
  'Liberation Serif': { twins: ['Times New Roman', 'Times'], metric: true },
  'Liberation Sans Narrow': { twins: ['Arial Narrow'], metric: true },
  'Liberation Mono': { twins: ['Courier New'], metric: true },
  'DejaVu Sans': { twins: ['Verdana'], metric: false },
  'DejaVu Sans Mono': { twins: ['Menlo'], metric: false },
};

/** The CSS generic family a named family falls back to last. */
export function genericFamily(family: string): 'serif' | 'sans-serif' | 'monospace' {
  if (/mono|courier|code/i.test(family)) return 'monospace';
  return /serif|times|georgia/i.test(family) && !/sans/i.test(family) ? 'serif' : 'sans-serif';
}

/** A CSS `font-family` value: the theme's family, its twins, the generic family. */
export function fontStack(family: string): string {
  const quote = (name: string) => `'${name.replace(/['\\]/g, '')}'`;
  return [family, ...(FONT_TWINS[family]?.twins ?? [])].map(quote).concat(genericFamily(family)).join(', ');
}

/** The name PowerPoint is given: a metric twin where there is one, else the family itself. */
export function officeFontName(family: string): string {
  const twin = FONT_TWINS[family];
  return twin?.metric ? twin.twins[0] : family;
}

function fromAssets(family: string, bold: boolean, italic: boolean, assetsDir?: string): string | undefined {
  if (!assetsDir) return undefined;
  const dir = join(assetsDir, 'fonts');
  if (!existsSync(dir)) return undefined;
  const stem = family.replace(/\s+/g, '');
  const style = italic ? (bold ? 'BoldItalic' : 'Italic') : bold ? 'Bold' : 'Regular';
  const wanted = new RegExp(`^${stem}-${style}\\.(ttf|otf)$`, 'i');
  const hit = readdirSync(dir).find((f) => wanted.test(f));
  return hit ? join(dir, hit) : undefined;
}

const STYLES: ReadonlyArray<readonly [bold: boolean, italic: boolean]> = [[false, false], [true, false], [false, true], [true, true]];

/** fontconfig's file for each pattern, in order, from one child process (each spawn costs ~10 ms). */
function fcMatch(patterns: readonly string[]): string[] {
  const script = 'for p; do fc-match -f "%{file}" "$p"; printf "\\n"; done';
  return execFileSync('sh', ['-c', script, 'sh', ...patterns], { encoding: 'utf8' }).split('\n').slice(0, patterns.length).map((f) => f.trim());
}

/**
 * The file for a family, weight and slant; fontconfig picks the same fallback Chromium would.
 * The first look-up of a family resolves its four styles at once, as slides use most of them.
 */
export function fontFile(family: string, bold = false, assetsDir?: string, italic = false): string {
  const keyOf = (b: boolean, i: boolean) => `${family}|${b}|${i}|${assetsDir ?? ''}`;
  let file = files.get(keyOf(bold, italic));
  if (file === undefined) {
    const missing = STYLES.filter(([b, i]) => !files.has(keyOf(b, i)));
    const fromFc = missing.filter(([b, i]) => !fromAssets(family, b, i, assetsDir));
    const matched = fromFc.length ? fcMatch(fromFc.map(([b, i]) => `${family}:${b ? 'bold' : 'regular'}${i ? ':italic' : ''}`)) : [];
    for (const [b, i] of missing) {
      const k = fromFc.findIndex(([fb, fi]) => fb === b && fi === i);
      const found = k >= 0 ? matched[k] : fromAssets(family, b, i, assetsDir);
      if (found) files.set(keyOf(b, i), found);
    }
    file = files.get(keyOf(bold, italic));
    if (!file) throw new Error(`no font file for '${family}' (install it or put it in assets/fonts/)`);
  }
  return file;
}

function openFont(file: string): Font {
  let font = fonts.get(file);
  if (!font) {
    const opened = fontkit.openSync(file);
    font = 'fonts' in opened ? opened.fonts[0] : opened;
    fonts.set(file, font);
  }
  return font;
}

export interface TextStyle {
  family: string;
  bold?: boolean;
  /** Points. */
  size: number;
}

/** Width in points of `text` set in `style`. */
export function textWidth(text: string, style: TextStyle): number {
  const file = fontFile(style.family, style.bold);
  let table = advances.get(file);
  if (!table) advances.set(file, (table = new Map()));
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let w = table.get(cp);
    if (w === undefined) {
      const font = openFont(file);
      w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      table.set(cp, w);
    }
    units += w;
  }
  return units * style.size;
}

/** Lines `text` wraps to in a box `width` points wide (greedy, on spaces, like browsers do). */
export function countLines(text: string, style: TextStyle, width: number): number {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const space = textWidth(' ', style);
  let lines = 1;
  let line = 0;
  for (const word of words) {
    const w = textWidth(word, style);
    if (line > 0 && line + space + w > width) {
      lines += 1 + Math.floor(w / width);
      line = w % width;
    } else if (line === 0 && w > width) {
      lines += Math.floor(w / width);
      line = w % width;
    } else {
      line += (line > 0 ? space : 0) + w;
    }
  }
  return lines;
}
