/**
 * Repairs to the package pptxgenjs writes, so that every file briefdeck writes passes a strict
 * Office Open XML check (`test/tools/pptx-validate`), not only LibreOffice's forgiving reader:
 * - folder entries (`ppt/`, `ppt/slides/`, …) are dropped: re-zipped as ordinary members they
 *   would become parts with invalid names (ECMA-376 Part 2, M3.7), which PowerPoint repairs;
 * - `[Content_Types].xml` keeps no Override for a part that is not in the package (pptxgenjs
 *   writes one `slideMasterN.xml` per slide);
 * - `presentation.xml` lists the notes master right after the slide masters, where the schema
 *   puts it (pptxgenjs writes it after the slide list);
 * - a 2-D bar chart names its two axes once (pptxgenjs adds a third `c:axId`);
 * - characters XML 1.0 cannot hold (a bell or escape from a scraped page) are dropped from every
 *   part: pptxgenjs writes them as they come, and one makes the package unreadable;
 * - shape ids are unique within each slide, layout and master (LibreOffice gives a master's first
 *   placeholder the id of the shape tree, which PowerPoint repairs; templates saved by it carry that);
 * - text runs with no text are removed (pptxgenjs writes one into every empty notes page);
 * - the notes master gets its own theme part, as PowerPoint writes it, instead of sharing the
 *   slides' theme.
 * Each repair is a function of one part's XML; `repairPackage` applies them to the whole file set.
 */
import { xmlText } from './escape.ts';

export type Parts = Map<string, Uint8Array>;

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const text = (parts: Parts, name: string) => decoder.decode(parts.get(name)!);
const put = (parts: Parts, name: string, xml: string) => parts.set(name, encoder.encode(xml));

export function dropFolderEntries(parts: Parts): void {
  for (const name of [...parts.keys()]) if (name.endsWith('/')) parts.delete(name);
}

export function pruneContentTypes(xml: string, exists: (part: string) => boolean): string {
  return xml.replace(/<Override\s+PartName="\/([^"]+)"[^>]*\/>/g, (o, part: string) => (exists(part) ? o : ''));
}

const NOTES_MASTER_LIST = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/;
export function orderPresentation(xml: string): string {
  const list = NOTES_MASTER_LIST.exec(xml)?.[0];
  if (!list) return xml;
  return xml.replace(list, '').replace(/<\/p:sldMasterIdLst>/, `</p:sldMasterIdLst>${list}`);
}

export function twoBarAxes(xml: string): string {
  return xml.replace(/<c:barChart>[\s\S]*?<\/c:barChart>/g, (chart) => {
    let n = 0;
    return chart.replace(/<c:axId val="[^"]*"\/>\s*/g, (id) => (++n <= 2 ? id : ''));
  });
}

const EMPTY_RUN = /<a:r>(?:<a:rPr\b[^>]*\/>|<a:rPr\b[^>]*>[\s\S]*?<\/a:rPr>)?<a:t(?:><\/a:t>|\/>)<\/a:r>/g;
export function uniqueShapeIds(xml: string): string {
  const ids = [...xml.matchAll(/<p:cNvPr\b[^>]*?\bid="(\d+)"/g)].map((m) => Number(m[1]));
  if (new Set(ids).size === ids.length) return xml;
  let next = Math.max(...ids) + 1;
  const seen = new Set<number>();
  return xml.replace(/(<p:cNvPr\b[^>]*?\bid=")(\d+)"/g, (whole, head: string, id: string) => {
    if (!seen.has(Number(id))) {
      seen.add(Number(id));
      return whole;
    }
    seen.add(next);
    return `${head}${next++}"`;
  });
}

export function dropEmptyRuns(xml: string): string {
  return xml.replace(EMPTY_RUN, '');
}

const TEXT_PART = /^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\/[^/]+\.xml$/;
const CHART = /^ppt\/charts\/chart\d+\.xml$/;
const THEME_TYPE = 'application/vnd.openxmlformats-officedocument.theme+xml';

/** Gives the notes master a copy of the theme it points at, under a new name. */
function ownNotesTheme(parts: Parts): void {
  const rels = 'ppt/notesMasters/_rels/notesMaster1.xml.rels';
  if (!parts.has(rels)) return;
  const xml = text(parts, rels);
  const shared = /Target="\.\.\/theme\/(theme\d+\.xml)"/.exec(xml)?.[1];
  if (!shared) return;
  const used = [...parts.keys()].filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n)).length;
  const own = `theme${used + 1}.xml`;
  parts.set(`ppt/theme/${own}`, parts.get(`ppt/theme/${shared}`)!);
  put(parts, rels, xml.replace(`../theme/${shared}`, `../theme/${own}`));
  put(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml')
    .replace('</Types>', `<Override PartName="/ppt/theme/${own}" ContentType="${THEME_TYPE}"/></Types>`));
}

export function repairPackage(parts: Parts): void {
  dropFolderEntries(parts);
  ownNotesTheme(parts);
  put(parts, '[Content_Types].xml', pruneContentTypes(text(parts, '[Content_Types].xml'), (p) => parts.has(p)));
  put(parts, 'ppt/presentation.xml', orderPresentation(text(parts, 'ppt/presentation.xml')));
  for (const name of parts.keys()) {
    if (/\.(xml|rels)$/.test(name)) put(parts, name, xmlText(text(parts, name)));
    if (CHART.test(name)) put(parts, name, twoBarAxes(text(parts, name)));
    else if (TEXT_PART.test(name)) put(parts, name, uniqueShapeIds(dropEmptyRuns(text(parts, name))));
  }
}
