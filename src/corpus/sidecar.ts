/**
 * Metadata records: Markdown front-matter and the optional sidecar `<file>.meta.yaml`, which
 * overrides anything read from the document itself (title, authors, date, publisher,
 * originalPublisher, url). Lets a user fix a scraped page's metadata without touching the page.
 */
import { parse } from 'yaml';
import { normalizeDate } from './dates.ts';
import type { MetaHints } from './metadata.ts';

export interface SidecarMeta extends MetaHints {
  originalPublisher?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function metaFromRecord(data: unknown): SidecarMeta {
  if (!data || typeof data !== 'object') return {};
  const r = data as Record<string, unknown>;
  const authorsRaw = r.authors ?? r.author;
  const authors = Array.isArray(authorsRaw)
    ? authorsRaw.map(String).map((s) => s.trim()).filter(Boolean)
    : typeof authorsRaw === 'string'
      ? authorsRaw.split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean)
      : undefined;
  const out: SidecarMeta = {};
  const title = str(r.title);
  if (title) out.title = title;
  if (authors?.length) out.authors = authors;
  const date = normalizeDate(r.date);
  if (date) out.date = date;
  const publisher = str(r.publisher) ?? str(r.site) ?? str(r.source);
  if (publisher) out.publisher = publisher;
  const original = str(r.originalPublisher) ?? str(r.original_publisher);
  if (original) out.originalPublisher = original;
  const url = str(r.url) ?? str(r.link);
  if (url) out.url = url;
  return out;
}

export function parseSidecar(source: string): SidecarMeta {
  return metaFromRecord(parse(source) as unknown);
}
