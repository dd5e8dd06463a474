/**
 * Font files and text metrics. Layout decisions (how many lines a bullet takes, when a slide
 * must continue) are made from the advance widths of the very font files the browser and
 * LibreOffice use, so HTML, PDF and PPTX split content the same way and nothing overflows.
 * Files are found in `assets/fonts/` first, then through fontconfig (`fc-match`). The same files
 * are subset into the HTML deck (`embed-fonts.ts`); `FONT_TWINS` names what a machine without
 * them should use instead, for the CSS stacks and the PowerPoint font names alike.
 */
import { execFile, execFileSync } from 'node:child_process';
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
  Carlito: { twins: ['Calibri'], metric: true },
  Caladea: { twins: ['Cambria'], metric: true },
  'DejaVu Sans': { twins: ['Verdana'], metric: false },
  'DejaVu Sans Mono': { twins: ['Menlo'], metric: false },
};

/** The CSS generic family a named family falls back to last. */
export function genericFamily(family: string): 'serif' | 'sans-serif' | 'monospace' {
  if (/mono|courier|code/i.test(family)) return 'monospace';
  return /serif|times|georgia/i.test(family) && !/sans/i.test(family) ? 'serif' : 'sans-serif';
}

/** A font name as a CSS string (quotes and backslashes dropped, never escaped). */
export function cssFontName(name: string): string {
  return `'${name.replace(/['\\]/g, '')}'`;
}

/** A CSS `font-family` value: the theme's family, its twins, the generic family. */
export function fontStack(family: string): string {
  return [family, ...(FONT_TWINS[family]?.twins ?? [])].map(cssFontName).concat(genericFamily(family)).join(', ');
}

/** The faces slide text is measured in: heading and body families, regular and bold. */
export function textFaces(fonts: { heading: string; body: string }): FontFace[] {
  return [fonts.heading, fonts.body].flatMap((family) => [{ family }, { family, bold: true }]);
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

/** One face of a family, as fontconfig and the font files know it. */
export interface FontFace {
  family: string;
  bold?: boolean;
  italic?: boolean;
}

const faceKey = (f: FontFace, assetsDir?: string) => `${f.family}|${Boolean(f.bold)}|${Boolean(f.italic)}|${assetsDir ?? ''}`;

/**
 * fontconfig's file for each pattern, in order. One child process runs an `fc-match` per pattern
 * side by side: a spawn from Node costs ~5 ms and each `fc-match` ~5 ms, so a deck's four faces
 * take one round trip instead of four.
 */
const FC_SCRIPT = 'i=0; for p; do fc-match -f "$i\t%{file}\n" "$p" & i=$((i+1)); done; wait';

function fcFiles(patterns: readonly string[], output: string): string[] {
  const found: string[] = patterns.map(() => '');
  for (const line of output.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) found[Number(line.slice(0, tab))] = line.slice(tab + 1).trim();
  }
  return found;
}

function fcMatch(patterns: readonly string[]): string[] {
  return fcFiles(patterns, execFileSync('sh', ['-c', FC_SCRIPT, 'sh', ...patterns], { encoding: 'utf8' }));
}

function fcPattern(f: FontFace): string {
  return `${f.family}:${f.bold ? 'bold' : 'regular'}${f.italic ? ':italic' : ''}`;
}

/** The faces of `faces` still to be found: from `assets/fonts/` at once, the rest for fontconfig. */
function unresolved(faces: readonly FontFace[], assetsDir?: string): FontFace[] {
  const missing = faces.filter((f, i) => !files.has(faceKey(f, assetsDir)) && faces.findIndex((g) => faceKey(g, assetsDir) === faceKey(f, assetsDir)) === i);
  const viaFc: FontFace[] = [];
  for (const face of missing) {
    const file = fromAssets(face.family, Boolean(face.bold), Boolean(face.italic), assetsDir);
    if (file) files.set(faceKey(face, assetsDir), file);
    else viaFc.push(face);
  }
  return viaFc;
}

function remember(faces: readonly FontFace[], matched: readonly string[], assetsDir?: string): void {
  faces.forEach((face, i) => {
    if (matched[i] && !files.has(faceKey(face, assetsDir))) files.set(faceKey(face, assetsDir), matched[i]);
  });
}

/**
 * Asks fontconfig for `faces` in the background: a build calls this for its themes' faces as it
 * starts, so the files are known by the time the first deck is fitted, and the lookup's child
 * process runs beside the corpus load and composition instead of in front of the fitting.
 * Never fails: a face it cannot place is looked up again, and reported, when it is needed.
 */
export function prefetchFontFiles(faces: readonly FontFace[], assetsDir?: string): Promise<void> {
  let viaFc: FontFace[];
  try {
    viaFc = unresolved(faces, assetsDir);
  } catch {
    return Promise.resolve();
  }
  if (!viaFc.length) return Promise.resolve();
  const patterns = viaFc.map(fcPattern);
  return new Promise((resolve) => {
    execFile('sh', ['-c', FC_SCRIPT, 'sh', ...patterns], { encoding: 'utf8' }, (err, stdout) => {
      if (!err) remember(viaFc, fcFiles(patterns, stdout), assetsDir);
      resolve();
    });
  });
}

/**
 * Finds the files of `faces` not found yet, all at once (`fitDeck` asks for a theme's faces
 * before measuring). Faces fontconfig cannot place stay unresolved; `fontFile` reports them.
 */
export function preloadFontFiles(faces: readonly FontFace[], assetsDir?: string): void {
  const viaFc = unresolved(faces, assetsDir);
  if (viaFc.length) remember(viaFc, fcMatch(viaFc.map(fcPattern)), assetsDir);
}

/** The file for a family, weight and slant; fontconfig picks the same fallback Chromium would. */
export function fontFile(family: string, bold = false, assetsDir?: string, italic = false): string {
  const key = faceKey({ family, bold, italic }, assetsDir);
  if (!files.has(key)) preloadFontFiles([{ family, bold, italic }], assetsDir);
  const file = files.get(key);
  if (!file) throw new Error(`no font file for '${family}' (install it or put it in assets/fonts/)`);
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

/**
 * The names CSS `local()` finds a face's very file by: its full name and PostScript name, read
 * from the file fitting measured.
 */
export function localFaceNames(family: string, bold = false, italic = false): string[] {
  const font = openFont(fontFile(family, bold, undefined, italic));
  return [...new Set([font.fullName, font.postscriptName].filter((n): n is string => Boolean(n)))];
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
