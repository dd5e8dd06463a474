/**
 * Reading an organisation's PowerPoint template (`.potx` or `.pptx`): slide size, the first slide
 * master's theme colours and major/minor fonts, background, the pictures placed on it (logos), the
 * title and body text sizes, and every layout with its type and placeholders (boxes inherited from
 * the master where the layout does not move them). `themes import` turns this into a theme file;
 * the PowerPoint renderer builds decks on the template's own master and layouts
 * (`render/pptx-template.ts`). Anything unreadable is a `TemplateError` that names the file, what
 * is wrong and what to do.
 */
import { readFileSync } from 'node:fs';
import { posix, relative } from 'node:path';
import type { ResolvedTheme } from '../model.ts';
import { MessageError, message } from '../diagnostics/message.ts';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import type { DOMParser as LinkedomParser } from 'linkedom';

export class TemplateError extends Error {
  constructor(file: string, problem: string, fix: string) {
    super(`${file}: ${problem}. ${fix}`);
  }
}

export interface Box { x: number; y: number; w: number; h: number }
export interface Placeholder { type: string; idx?: string; box?: Box; name: string }
export interface Layout { part: string; name: string; type: string; placeholders: Placeholder[] }
export interface MasterPicture { part: string; box: Box; name: string; descr?: string }

export interface Template {
  file: string;
  parts: Map<string, Uint8Array>;
  /** Slide size in points. */
  size: { w: number; h: number };
  colours: Record<string, string>;
  fonts: { major: string; minor: string };
  /** Master background colour, when it is a solid colour or a theme colour. */
  background?: string;
  pictures: MasterPicture[];
  sizes: { title?: number; body?: number };
  master: string;
  /** The master's own placeholders: a layout without a body placeholder (LibreOffice writes such) inherits its body. */
  masterPlaceholders: Placeholder[];
  layouts: Layout[];
}

type El = ReturnType<LinkedomParser['parseFromString']>['documentElement'];
/** The XML parser, loaded with the first template read: a theme without one never needs it. */
let DOMParser: typeof LinkedomParser | undefined;
const parser = () => new (DOMParser ??= (createRequire(import.meta.url)('linkedom') as { DOMParser: typeof LinkedomParser }).DOMParser)();
const EMU_PER_PT = 12700;
const decoder = new TextDecoder();

const first = (el: El | undefined, tag: string): El | undefined => el?.getElementsByTagName(tag)[0] as El | undefined;
const all = (el: El | undefined, tag: string): El[] => (el ? [...el.getElementsByTagName(tag)] as El[] : []);

function xml(t: { file: string; parts: Map<string, Uint8Array> }, part: string): El {
  const data = t.parts.get(part);
  if (!data) throw new TemplateError(t.file, `the part ${part} is missing`, 'Save the template again from PowerPoint (File › Save As › PowerPoint Template) and import that file');
  return parser().parseFromString(decoder.decode(data), 'text/xml').documentElement as El;
}

/** Targets of a part's relationships, resolved to part names, by relationship id. */
export function relationships(parts: Map<string, Uint8Array>, part: string): Map<string, { type: string; target: string }> {
  const rels = `${posix.dirname(part)}/_rels/${posix.basename(part)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const data = parts.get(rels);
  if (!data) return out;
  for (const m of decoder.decode(data).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    if (attr('TargetMode') === 'External') continue;
    const target = attr('Target');
    out.set(attr('Id'), { type: attr('Type').replace(/.*\//, ''), target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(part), target)) });
  }
  return out;
}

function boxOf(sp: El): Box | undefined {
  const xfrm = first(first(sp, 'p:spPr') ?? first(sp, 'p:grpSpPr'), 'a:xfrm') ?? first(sp, 'p:xfrm');
  const off = first(xfrm, 'a:off');
  const ext = first(xfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const n = (e: El, a: string) => Number(e.getAttribute(a)) / EMU_PER_PT;
  return { x: n(off, 'x'), y: n(off, 'y'), w: n(ext, 'cx'), h: n(ext, 'cy') };
}

function placeholders(root: El): Placeholder[] {
  return all(root, 'p:sp').flatMap((sp) => {
    const ph = first(sp, 'p:ph');
    if (!ph) return [];
    return [{ type: ph.getAttribute('type') || 'obj', idx: ph.getAttribute('idx') ?? undefined, box: boxOf(sp), name: first(sp, 'p:cNvPr')?.getAttribute('name') ?? '' }];
  });
}

/** A colour element's hex value: sRGB, a system colour's last value, or a scheme colour looked up. */
function colourOf(el: El | undefined, scheme: Record<string, string>): string | undefined {
  if (!el) return undefined;
  const srgb = first(el, 'a:srgbClr');
  if (srgb) return `#${srgb.getAttribute('val')!.toLowerCase()}`;
  const sys = first(el, 'a:sysClr');
  if (sys) return `#${(sys.getAttribute('lastClr') ?? '000000').toLowerCase()}`;
  const sc = first(el, 'a:schemeClr')?.getAttribute('val');
  const alias: Record<string, string> = { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2' };
  return sc ? scheme[alias[sc] ?? sc] : undefined;
}

export function readTemplate(file: string): Template {
  let parts: Map<string, Uint8Array>;
  try {
    parts = new Map(Object.entries(unzipSync(readFileSync(file))));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : 'it is not a PowerPoint file (not a ZIP package)';
    throw new TemplateError(file, why, 'Give the path of a .potx or .pptx saved by PowerPoint or LibreOffice Impress');
  }
  const t = { file, parts };
  if (!parts.has('ppt/presentation.xml'))
    throw new TemplateError(file, 'it has no ppt/presentation.xml, so it is not a PowerPoint presentation or template', 'Import a .potx or .pptx (a Word or Excel file will not do)');
  const pres = xml(t, 'ppt/presentation.xml');
  const sz = first(pres, 'p:sldSz');
  const size = sz ? { w: Number(sz.getAttribute('cx')) / EMU_PER_PT, h: Number(sz.getAttribute('cy')) / EMU_PER_PT } : { w: 720, h: 540 };
  const presRels = relationships(parts, 'ppt/presentation.xml');
  const masterId = first(first(pres, 'p:sldMasterIdLst'), 'p:sldMasterId')?.getAttribute('r:id');
  const master = masterId ? presRels.get(masterId)?.target : undefined;
  if (!master || !parts.has(master))
    throw new TemplateError(file, 'it has no slide master', 'Open it in PowerPoint, check View › Slide Master shows a master, save it and import it again');
  const masterRels = relationships(parts, master);
  const themePart = [...masterRels.values()].find((r) => r.type === 'theme')?.target;
  if (!themePart || !parts.has(themePart))
    throw new TemplateError(file, `its slide master ${master} has no theme`, 'Save the template again from PowerPoint or LibreOffice Impress');
  const theme = xml(t, themePart);
  const colours: Record<string, string> = {};
  for (const c of (first(theme, 'a:clrScheme')?.children ?? []) as El[]) {
    const hex = colourOf(c, {});
    if (hex) colours[c.tagName.replace(/^a:/, '')] = hex;
  }
  for (const k of ['dk1', 'lt1', 'dk2', 'lt2', 'accent1'])
    if (!colours[k]) throw new TemplateError(file, `its theme ${themePart} has no ${k} colour`, 'Set the theme colours in PowerPoint (Design › Variants › Colors) and save again');
  const font = (tag: string) => first(first(theme, tag), 'a:latin')?.getAttribute('typeface') || undefined;
  const fonts = { major: font('a:majorFont') ?? 'Calibri', minor: font('a:minorFont') ?? 'Calibri' };

  const m = xml(t, master);
  const background = colourOf(first(first(m, 'p:bg'), 'p:bgPr') ?? first(first(m, 'p:bg'), 'p:bgRef'), colours);
  const pictures = all(first(m, 'p:spTree'), 'p:pic').flatMap((pic): MasterPicture[] => {
    const embed = first(pic, 'a:blip')?.getAttribute('r:embed');
    const target = embed ? masterRels.get(embed)?.target : undefined;
    const box = boxOf(pic);
    const props = first(pic, 'p:cNvPr');
    return target && box && /\.(png|jpe?g|svg)$/i.test(target) && parts.has(target)
      ? [{ part: target, box, name: props?.getAttribute('name') ?? '', descr: props?.getAttribute('descr') || undefined }]
      : [];
  });
  const pt = (el: El | undefined) => (el?.getAttribute('sz') ? Number(el.getAttribute('sz')) / 100 : undefined);
  const sizes = { title: pt(first(first(m, 'p:titleStyle'), 'a:defRPr')), body: pt(first(first(first(m, 'p:bodyStyle'), 'a:lvl1pPr'), 'a:defRPr')) };

  const masterPlaceholders = placeholders(m);
  const layouts = [...masterRels.values()].filter((r) => r.type === 'slideLayout' && parts.has(r.target)).map(({ target }): Layout => {
    const l = xml(t, target);
    const own = placeholders(l).map((p) => ({
      ...p,
      box: p.box ?? masterPlaceholders.find((q) => q.type === p.type || (p.type === 'ctrTitle' && q.type === 'title')
        || (['body', 'obj'].includes(q.type) && ['body', 'obj', 'subTitle'].includes(p.type)))?.box,
    }));
    return { part: target, name: first(l, 'p:cSld')?.getAttribute('name') ?? '', type: l.getAttribute('type') ?? 'cust', placeholders: own };
  });
  if (layouts.length === 0)
    throw new TemplateError(file, 'its slide master has no layouts', 'Add at least a Title and Content layout in View › Slide Master and save again');
  return { file, parts, size, colours, fonts, background, pictures, sizes, master, masterPlaceholders, layouts };
}

/**
 * The PowerPoint template a theme names, read once for the layout and the PowerPoint writer;
 * `undefined` when it names none. One that cannot be read is a `MessageError` naming the file.
 */
export function themeTemplate(theme: Pick<ResolvedTheme, 'name' | 'pptx'>, root: string): Template | undefined {
  const path = theme.pptx?.template;
  if (!path) return undefined;
  try {
    return readTemplate(path);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    throw new MessageError(message('theme/bad-template', err.message, { file: relative(root, path) || path },
      { hint: `fix the template, or remove \`pptx: { template: … }\` from themes/${theme.name}/theme.yaml (or the theme it extends)` }));
  }
}

/**
 * Which of a template's layouts serves which slides: by layout type, then by the placeholders a
 * layout holds, never by name (templates are saved in every language). The PowerPoint writer puts
 * its slides on these layouts, the layout stage measures against them, `themes import` reports them.
 */

/** What a slide needs from a layout. */
export type Role = 'title' | 'section' | 'content' | 'canvas';

const TITLE_TYPES = ['title', 'ctrTitle'];
const BODY_TYPES = ['body', 'obj', 'subTitle'];
export const titleOf = (l: Layout) => l.placeholders.find((p) => TITLE_TYPES.includes(p.type));
export const bodiesOf = (l: Layout) => l.placeholders.filter((p) => BODY_TYPES.includes(p.type));

/** Layout types in order of preference, and what a layout must hold when no type matches. */
const WANTED: Record<Role, { types: string[]; bodies: number; label: string }> = {
  title: { types: ['title'], bodies: 1, label: 'Title Slide' },
  section: { types: ['secHead', 'title'], bodies: 1, label: 'Section Header' },
  content: { types: ['obj', 'tx'], bodies: 1, label: 'Title and Content' },
  canvas: { types: ['titleOnly', 'obj', 'tx'], bodies: 0, label: 'Title Only' },
};

export interface LayoutChoice { layout: Layout; note?: string }

export function chooseLayout(template: Template, role: Role): LayoutChoice {
  const want = WANTED[role];
  for (const type of want.types) {
    const l = template.layouts.find((x) => x.type === type && titleOf(x));
    if (l) return { layout: l, note: type === want.types[0] ? undefined : `${template.file}: no ${want.label} layout (type ${want.types[0]}); ${role} slides use '${l.name}'` };
  }
  const byShape = template.layouts.filter((l) => titleOf(l)).sort((a, b) => Math.abs(bodiesOf(a).length - want.bodies) - Math.abs(bodiesOf(b).length - want.bodies));
  const l = byShape[0] ?? template.layouts[0]!;
  return { layout: l, note: `${template.file}: no ${want.label} layout (type ${want.types[0]}); ${role} slides use '${l.name}', the closest by its placeholders` };
}
