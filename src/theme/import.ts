/**
 * `briefdeck themes import`: an organisation's PowerPoint template becomes a briefdeck theme.
 * Read from the template (`template.ts`): theme colours, major/minor fonts, the master background
 * and the pictures on the master (the first becomes the theme logo, copied under `assets/`). The
 * template itself is copied beside `theme.yaml` and named in `pptx: { template }`, so PowerPoint
 * decks are built on its own masters and layouts while HTML, PDF and handout wear its colours and
 * fonts. What the machine lacks or the template does not have is reported, never guessed silently.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { FONT_TWINS } from './fonts.ts';
import { readTemplate, TemplateError, type Template } from './template.ts';
import { chooseLayout, type Role } from '../render/pptx-template.ts';
import type { ThemeFile } from './schema.ts';
import { contrastRatio, themeContrast } from './contrast.ts';
import { resolveTokens } from './index.ts';

export interface ImportOptions { root: string; file: string; name: string; extends?: string; force?: boolean }
export interface ImportResult { dir: string; files: string[]; notes: string[]; theme: ThemeFile; template: Template }

/** Metric twins of the usual Office fonts, by the Office name (the reverse of FONT_TWINS). */
const OFFICE_TWIN: Record<string, string> = Object.fromEntries(
  Object.entries(FONT_TWINS).filter(([, t]) => t.metric).flatMap(([free, t]) => t.twins.map((office) => [office, free])),
);
const DEBIAN_PACKAGE: Record<string, string> = {
  Carlito: 'fonts-crosextra-carlito', Caladea: 'fonts-crosextra-caladea', 'Liberation Sans': 'fonts-liberation',
  'Liberation Serif': 'fonts-liberation', 'Liberation Mono': 'fonts-liberation',
};

let installed: Set<string> | undefined;
function isInstalled(family: string): boolean {
  if (!installed) {
    try {
      installed = new Set(execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }).split('\n').flatMap((l) => l.split(',')).map((f) => f.trim().toLowerCase()));
    } catch {
      installed = new Set();
    }
  }
  return installed.has(family.toLowerCase());
}

/**
 * The family to measure and show a template font with: itself when installed, else its installed
 * metric twin (PowerPoint still gets the template's own font), else itself with a note.
 */
function usableFont(family: string, role: string, notes: string[]): string {
  if (isInstalled(family)) return family;
  const twin = OFFICE_TWIN[family];
  if (twin && isInstalled(twin)) {
    notes.push(`${role} font ${family} is not installed; using its metric twin ${twin} for HTML, PDF and fitting (PowerPoint keeps ${family})`);
    return twin;
  }
  notes.push(`${role} font ${family} is not installed${twin ? `; install its metric twin ${twin} (Debian: ${DEBIAN_PACKAGE[twin] ?? twin})` : ''}` +
    `, or put ${family.replace(/\s+/g, '')}-Regular.ttf and -Bold.ttf in assets/fonts/; until then text is measured with the font fontconfig picks instead`);
  return family;
}

const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
/** `a` moved toward `b` by `t` (0..1), channel by channel. */
export function mix(a: string, b: string, t: number): string {
  return `#${[0, 1, 2].map((i) => Math.round(channel(a, i) * (1 - t) + channel(b, i) * t).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Theme colours for slides on the template's background. Which of the scheme's dark and light
 * colours is text depends on the background (a dark master takes the light ones, as PowerPoint's
 * colour map does); the accent is the first accent readable as text there; muted text is as far
 * toward the background as AA allows.
 */
function paletteFrom(template: Template): ThemeFile['palette'] {
  const c = template.colours as Record<string, string>;
  const background = template.background ?? c.lt1!;
  const better = (a: string, b: string) => (contrastRatio(a, background) >= contrastRatio(b, background) ? a : b);
  const text = better(c.dk1!, c.lt1!);
  const heading = [c.dk2!, c.lt2!].find((x) => contrastRatio(x, background) >= 4.5) ?? text;
  const accents = [1, 2, 3, 4, 5, 6].map((i) => c[`accent${i}`]).filter((x): x is string => Boolean(x));
  const accent = accents.find((x) => contrastRatio(x, background) >= 4.5) ?? accents[0]!;
  let muted = text;
  for (let t = 0.5; t > 0; t -= 0.05) {
    const m = mix(text, background, t);
    if (contrastRatio(m, background) >= 4.6) { muted = m; break; }
  }
  const lt2 = better(c.dk2!, c.lt2!) === c.dk2 ? c.lt2! : c.dk2!;
  const surface = contrastRatio(text, lt2) >= 4.5 ? lt2 : mix(background, text, 0.06);
  return { background, text, heading, accent, muted, surface };
}

const clamp = (n: number | undefined, lo: number, hi: number) => (n === undefined ? undefined : Math.min(hi, Math.max(lo, Math.round(n))));

export function importTemplate(o: ImportOptions): ImportResult {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(o.name))
    throw new Error(`theme name '${o.name}' must be lower-case letters, digits and dashes (e.g. corp)`);
  const ext = extname(o.file).toLowerCase();
  if (!['.potx', '.pptx'].includes(ext))
    throw new TemplateError(o.file, `'${ext || 'no extension'}' is not a PowerPoint template or presentation`, 'Import a .potx or .pptx (save a .ppt or .odp as .potx first)');
  const template = readTemplate(o.file);
  const dir = join(resolve(o.root), 'themes', o.name);
  if (existsSync(join(dir, 'theme.yaml')) && !o.force)
    throw new Error(`theme '${o.name}' already exists (${join(dir, 'theme.yaml')}); choose another --name or pass --force to replace it`);
  const notes: string[] = [];
  const palette = paletteFrom(template);
  const fonts = { heading: usableFont(template.fonts.major, 'heading', notes), body: usableFont(template.fonts.minor, 'body', notes) };
  const heading = clamp(template.sizes.title, 16, 60);
  const body = clamp(template.sizes.body, 12, 36);
  const sizes = { ...(heading ? { heading, title: Math.round(heading * 1.3) } : {}), ...(body ? { body } : {}) };
  const hasSizes = Object.keys(sizes).length > 0;

  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const templateName = `template${ext}`;
  copyFileSync(o.file, join(dir, templateName));
  files.push(join(dir, templateName));
  let logo: string | undefined;
  const picture = [...template.pictures].sort((a, b) => Number(/\.svg$/i.test(a.part)) - Number(/\.svg$/i.test(b.part)))[0];
  if (picture) {
    logo = `${o.name}-logo${extname(picture.part).toLowerCase().replace('.jpeg', '.jpg')}`;
    const assets = join(resolve(o.root), 'assets');
    mkdirSync(assets, { recursive: true });
    writeFileSync(join(assets, logo), template.parts.get(picture.part)!);
    files.push(join(assets, logo));
  } else notes.push('no picture on the slide master: the theme has no logo of its own');
  for (const role of ['title', 'section', 'content', 'canvas'] as Role[]) {
    const note = chooseLayout(template, role).note;
    if (note) notes.push(note);
  }
  const { w, h } = template.size;
  const theme: ThemeFile = {
    name: o.name,
    description: `Imported from ${o.file.split(/[\\/]/).pop()}`,
    audiences: [],
    extends: o.extends ?? 'default',
    palette,
    fonts,
    sizes,
    spacing: {},
    ...(logo ? { logo } : {}),
    pptx: { template: templateName },
  };
  const ratio = Math.abs(w / h - 16 / 9) < 0.01 ? '16:9' : Math.abs(w / h - 4 / 3) < 0.01 ? '4:3' : `${(w / h).toFixed(3)}:1`;
  const header = `# Imported by \`briefdeck themes import\` from ${o.file.split(/[\\/]/).pop()}.\n` +
    `# Slide size ${ratio} (${Math.round(w)} x ${Math.round(h)} pt): PowerPoint decks use the template's size, masters\n` +
    '# and layouts; HTML and PDF stay 16:9 and take the colours, fonts and logo below.\n';
  const { audiences: _a, spacing: _s, sizes: _z, ...rest } = theme;
  const shown = { ...rest, ...(hasSizes ? { sizes } : {}) };
  writeFileSync(join(dir, 'theme.yaml'), header + stringify(shown));
  files.unshift(join(dir, 'theme.yaml'));
  for (const c of themeContrast(resolveTokens(o.root, o.name).palette).filter((x) => !x.ok))
    notes.push(`contrast: ${c.pair} is ${c.ratio.toFixed(2)}:1 (${c.fg} on ${c.bg}), below WCAG AA ${c.need}:1; set palette colours in ${join(dir, 'theme.yaml')}`);
  return { dir, files, notes, theme, template };
}
