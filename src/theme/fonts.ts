/**
 * Font files and text metrics. Layout decisions (how many lines a bullet takes, when a slide
 * must continue) are made from the advance widths of the very font files the browser and
 * LibreOffice use, so HTML, PDF and PPTX split content the same way and nothing overflows.
 * Files are found in `assets/fonts/` first, then through fontconfig (`fc-match`).
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

function fromAssets(family: string, bold: boolean, assetsDir?: string): string | undefined {
  if (!assetsDir) return undefined;
  const dir = join(assetsDir, 'fonts');
  if (!existsSync(dir)) return undefined;
  const stem = family.replace(/\s+/g, '');
  const wanted = new RegExp(`^${stem}-${bold ? 'Bold' : 'Regular'}\\.(ttf|otf)$`, 'i');
  const hit = readdirSync(dir).find((f) => wanted.test(f));
  return hit ? join(dir, hit) : undefined;
}

/** The file for a family and weight; fontconfig picks the same fallback Chromium would. */
export function fontFile(family: string, bold = false, assetsDir?: string): string {
  const key = `${family}|${bold}|${assetsDir ?? ''}`;
  let file = files.get(key);
  if (!file) {
    file =
      fromAssets(family, bold, assetsDir) ??
      execFileSync('fc-match', ['-f', '%{file}', `${family}:${bold ? 'bold' : 'regular'}`], { encoding: 'utf8' }).trim();
    if (!file) throw new Error(`no font file for '${family}' (install it or put it in assets/fonts/)`);
    files.set(key, file);
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
