/**
 * Decks built on an organisation's own template: the slides pptxgenjs wrote are moved into the
 * template's package and re-pointed at its slide layouts, and their title and body shapes become
 * the layouts' own placeholders (no position, no font, no theme colour of their own), so in
 * PowerPoint the text sits in the template's boxes, in its fonts and colours, and Layout and Reset
 * work. Layouts are chosen by layout type, then by the placeholders they hold, never by name alone
 * (templates are saved in every language). Everything else pptxgenjs drew (charts, cards, source
 * lines) keeps its place inside the body box `templateGeometry` gave the fitting.
 */
import { posix } from 'node:path';
import type { ResolvedTheme } from '../model.ts';
import { relationships, type Layout, type Placeholder, type Template, type Box } from '../theme/template.ts';
import type { Geometry } from './layout.ts';
import type { Parts } from './pptx-package.ts';

/** What a slide needs from a layout. */
export type Role = 'title' | 'section' | 'content' | 'canvas';

const TITLE_TYPES = ['title', 'ctrTitle'];
const BODY_TYPES = ['body', 'obj', 'subTitle'];
const titleOf = (l: Layout) => l.placeholders.find((p) => TITLE_TYPES.includes(p.type));
const bodiesOf = (l: Layout) => l.placeholders.filter((p) => BODY_TYPES.includes(p.type));

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

/** Text insets PowerPoint applies inside a placeholder unless the template says otherwise. */
const INSET = { x: 7.2, y: 3.6 };
const inside = (b: Box): Box => ({ x: b.x + INSET.x, y: b.y + INSET.y, w: b.w - 2 * INSET.x, h: b.h - 2 * INSET.y });

/** Slide geometry from the template's Title and Content layout: what fitting measures against. */
export function templateGeometry(template: Template, theme: ResolvedTheme): Geometry {
  const { layout } = chooseLayout(template, 'content');
  const title = titleOf(layout)?.box ?? { x: 36, y: 24, w: template.size.w - 72, h: 72 };
  const body = bodiesOf(layout)[0]?.box ?? template.masterPlaceholders.find((p) => p.type === 'body')?.box ?? { x: title.x, y: title.y + title.h + 12, w: title.w, h: template.size.h - title.y - title.h - 60 };
  return {
    margin: title.x,
    gap: theme.spacing.gap * 72,
    banner: 0,
    footer: Math.max(0, template.size.h - body.y - body.h),
    title: inside(title),
    body: () => inside(body),
  };
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const text = (parts: Parts, name: string) => decoder.decode(parts.get(name)!);
const put = (parts: Parts, name: string, xml: string) => parts.set(name, encoder.encode(xml));
const relsOf = (part: string) => `${posix.dirname(part)}/_rels/${posix.basename(part)}.rels`;
const SLIDE = /^ppt\/slides\/slide(\d+)\.xml$/;
const TYPES = { main: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml' };
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The `<p:ph>` for a layout placeholder, as the slide must name it to inherit from it. */
const phFor = (p: Placeholder) => `<p:ph${p.type === 'obj' ? '' : ` type="${p.type}"`}${p.idx ? ` idx="${p.idx}"` : ''}/>`;

/**
 * One slide's shapes re-pointed at a layout: placeholders take the layout's type and index and
 * lose their own box, insets and fonts; titles lose colour, weight and alignment too (a dark
 * title layout sets its own), body runs lose the theme's text colour (accent chips and muted
 * tags keep theirs). A placeholder the layout lacks stays where pptxgenjs put it, as a text box.
 */
export function toLayoutPlaceholders(xml: string, layout: Layout, theme: ResolvedTheme, role: Role, master: Placeholder[] = []): string {
  const title = titleOf(layout);
  const own = bodiesOf(layout).find((p) => p.type !== 'subTitle') ?? bodiesOf(layout)[0];
  // No body on the layout: the slide's body inherits the master's, and keeps the box fitting used.
  const body = own ?? (master.some((p) => p.type === 'body') ? { type: 'body', idx: '1', name: '' } : undefined);
  // Title and section slides are white on the theme's heading colour; on a template they take its colours.
  const plain = new Set([theme.palette.text, theme.palette.heading, ...(role === 'title' || role === 'section' ? ['#ffffff'] : [])]
    .map((c) => c.replace('#', '').toUpperCase()));
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (sp) => {
    const ph = /<p:ph\b[^>]*?type="(title|body)"[^>]*\/>/.exec(sp);
    if (!ph) return sp;
    const isTitle = ph[1] === 'title';
    const target = isTitle ? title : body;
    if (!target) return sp.replace(ph[0], '');
    let out = sp.replace(ph[0], phFor(target));
    if (isTitle || own) out = out.replace(/<p:spPr>[\s\S]*?<\/p:spPr>/, '<p:spPr/>');
    out = out
      .replace(/<a:bodyPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:bodyPr>)/, '<a:bodyPr/>')
      .replace(/<a:(latin|ea|cs)\b[^>]*\/>/g, '');
    out = isTitle
      ? out.replace(/<a:solidFill>[\s\S]*?<\/a:solidFill>/g, '').replace(/ b="1"/g, '').replace(/ algn="l"/g, '')
      : out.replace(/<a:rPr\b[^>]*>(<a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"\/><\/a:solidFill>)/g, (rPr, fill: string, colour: string) =>
          plain.has(colour.toUpperCase()) ? rPr.replace(fill, '') : rPr);
    return out;
  });
}

/** Parts reachable from the package relationships; everything else is dropped. */
function pruneUnreachable(parts: Parts): void {
  const keep = new Set(['[Content_Types].xml', '_rels/.rels']);
  const queue: string[] = [];
  for (const r of decoder.decode(parts.get('_rels/.rels')).matchAll(/Target="\/?([^"]+)"/g)) queue.push(r[1]);
  while (queue.length) {
    const part = queue.pop()!;
    if (keep.has(part) || !parts.has(part)) continue;
    keep.add(part);
    if (parts.has(relsOf(part))) keep.add(relsOf(part));
    for (const r of relationships(parts, part).values()) queue.push(r.target);
  }
  for (const name of [...parts.keys()]) if (!keep.has(name)) parts.delete(name);
}

/**
 * The template's package with the deck's slides (and their notes, charts, pictures) in place of
 * its own. `deck` is the package pptxgenjs wrote; `roles` what each slide needs from a layout.
 */
export function buildOnTemplate(deck: Parts, template: Template, roles: Role[], theme: ResolvedTheme): Parts {
  const out: Parts = new Map(template.parts);
  // The template's own slides go, and with them whatever only they used.
  let presRels = text(out, 'ppt/_rels/presentation.xml.rels').replace(/<Relationship\b[^>]*\/(slide|notesMaster)"[^>]*\/>/g, '');
  put(out, 'ppt/_rels/presentation.xml.rels', presRels);
  let pres = text(out, 'ppt/presentation.xml')
    .replace(/<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>|<p:sldIdLst\/>/, '')
    .replace(/<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/, '');
  put(out, 'ppt/presentation.xml', pres);
  for (const name of [...out.keys()]) if (/^ppt\/(slides|notesSlides|notesMasters)\//.test(name)) out.delete(name);
  pruneUnreachable(out);

  // The deck's slides and all they reach, renamed where a template part has the same name.
  const copied = new Map<string, string>();
  const copy = (part: string): string => {
    if (copied.has(part)) return copied.get(part)!;
    let name = part;
    for (let n = 2; out.has(name); n++) name = part.replace(/(\.[a-z0-9]+)$/i, `-${n}$1`);
    copied.set(part, name);
    out.set(name, deck.get(part)!);
    const rels = relsOf(part);
    if (deck.has(rels)) {
      let xml = text(deck, rels);
      for (const [, r] of relationships(deck, part)) {
        if (r.type === 'slideLayout' || r.type === 'slide' || !deck.has(r.target)) continue;
        const moved = copy(r.target);
        xml = xml.replace(`Target="${posix.relative(posix.dirname(part), r.target)}"`, `Target="${posix.relative(posix.dirname(name), moved)}"`);
      }
      put(out, relsOf(name), xml);
    }
    return name;
  };
  const slides = [...deck.keys()].filter((n) => SLIDE.test(n)).sort((a, b) => Number(SLIDE.exec(a)![1]) - Number(SLIDE.exec(b)![1]));
  const notesMaster = copy('ppt/notesMasters/notesMaster1.xml');
  slides.forEach((part, i) => {
    const name = copy(part);
    const { layout } = chooseLayout(template, roles[i]!);
    put(out, name, toLayoutPlaceholders(text(out, name), layout, theme, roles[i]!, template.masterPlaceholders));
    put(out, relsOf(name), text(out, relsOf(name)).replace(/(Type="[^"]*\/slideLayout"\s+Target=")[^"]*"/, `$1${posix.relative(posix.dirname(name), layout.part)}"`)
      .replace(/(Target=")[^"]*("\s+Type="[^"]*\/slideLayout")/, `$1${posix.relative(posix.dirname(name), layout.part)}$2`));
    // Notes pages point back at their slide under its new name.
    for (const r of relationships(out, name).values())
      if (r.type === 'notesSlide') put(out, relsOf(r.target), text(out, relsOf(r.target)).replace(/Target="[^"]*slide\d+\.xml"/, `Target="${posix.relative(posix.dirname(r.target), name)}"`));
  });

  // presentation.xml lists the slides and the notes master; its type is a presentation's, not a template's.
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${posix.relative('ppt', target)}"/>`;
  presRels = presRels.replace('</Relationships>', [rel('bdNotesMaster', 'notesMaster', notesMaster), ...slides.map((s, i) => rel(`bdSlide${i + 1}`, 'slide', copied.get(s)!))].join('') + '</Relationships>');
  put(out, 'ppt/_rels/presentation.xml.rels', presRels);
  const ids = slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="bdSlide${i + 1}"/>`).join('');
  pres = pres.replace(/<\/p:sldMasterIdLst>/, `</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="bdNotesMaster"/></p:notesMasterIdLst><p:sldIdLst>${ids}</p:sldIdLst>`);
  if (!/xmlns:r=/.test(pres.slice(0, pres.indexOf('>', pres.indexOf('<p:presentation'))))) pres = pres.replace('<p:presentation', `<p:presentation xmlns:r="${REL}"`);
  put(out, 'ppt/presentation.xml', pres);
  for (const doc of ['docProps/core.xml', 'docProps/app.xml']) if (deck.has(doc)) out.set(doc, deck.get(doc)!);

  // Content types: both files' defaults, the template's overrides, the deck's for what was copied.
  const types = text(out, '[Content_Types].xml');
  const deckTypes = text(deck, '[Content_Types].xml');
  const defaults = new Map<string, string>();
  for (const t of [types, deckTypes]) for (const m of t.matchAll(/<Default\b[^>]*Extension="([^"]+)"[^>]*\/>/g)) if (!defaults.has(m[1].toLowerCase())) defaults.set(m[1].toLowerCase(), m[0]);
  const deckNames = new Set(copied.values());
  const overrides = [...types.matchAll(/<Override\b[^>]*PartName="\/([^"]+)"[^>]*\/>/g)]
    .filter((m) => !deckNames.has(m[1]))
    .map((m) => (m[1] === 'ppt/presentation.xml' ? `<Override PartName="/ppt/presentation.xml" ContentType="${TYPES.main}"/>` : m[0]));
  for (const m of deckTypes.matchAll(/<Override\b[^>]*PartName="\/([^"]+)"([^>]*)\/>/g)) {
    const moved = copied.get(m[1]);
    if (moved) overrides.push(`<Override PartName="/${moved}"${m[2]}/>`);
  }
  for (const name of out.keys()) {
    const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
    if (ext && !defaults.has(ext) && !overrides.some((o) => o.includes(`"/${name}"`)))
      throw new Error(`${template.file}: no content type for ${name}`);
  }
  put(out, '[Content_Types].xml', types.replace(/<Types\b([^>]*)>[\s\S]*<\/Types>/, `<Types$1>${[...defaults.values(), ...overrides].join('')}</Types>`));
  pruneUnreachable(out);
  return out;
}
