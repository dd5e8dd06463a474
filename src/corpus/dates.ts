/**
 * Publication dates as scraped sites print them: `2023-05-22 16:42:53`, `02.06.23` (day first, as
 * in Europe), `09 maggio 2022` (Italian month). chrono-node parses them; British English is tried
 * first because a dotted or slashed numeric date on these sites puts the day first, then the
 * other locales chrono knows. Only a date with day, month and year all stated is accepted.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';

type Parsers = Array<{ locale: string; parser: Chrono.Chrono }>;
let parsers: Parsers | undefined;

/**
 * chrono's parsers, loaded on the first date to read, not at start-up: only the seven locales
 * tried (`chrono-node/en`…, the modules `chrono-node` itself re-exports), not its sixteen, which
 * took twice as long to load.
 */
function dateParsers(): Parsers {
  if (!parsers) {
    const require = createRequire(import.meta.url);
    const locale = (name: string) => require(`chrono-node/${name}`) as typeof Chrono.it;
    parsers = [
      { locale: 'en-GB', parser: (require('chrono-node/en') as typeof Chrono.en).GB },
      ...['it', 'fr', 'de', 'es', 'pt', 'nl'].map((name) => ({ locale: name, parser: locale(name).casual })),
    ];
  }
  return parsers;
}

export interface FoundDate {
  iso: string;
  /** Where the date sits in the searched string. */
  index: number;
  length: number;
  locale: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first complete calendar date in `text`, or undefined. */
export function findDate(text: string): FoundDate | undefined {
  if (!/\d/.test(text)) return undefined;
  for (const { locale, parser } of dateParsers()) {
    for (const r of parser.parse(text)) {
      const s = r.start;
      if (!s.isCertain('day') || !s.isCertain('month') || !s.isCertain('year')) continue;
      const y = s.get('year');
      const m = s.get('month');
      const d = s.get('day');
      if (!y || !m || !d || y < 1900 || y > 2100) continue;
      return { iso: `${y}-${pad(m)}-${pad(d)}`, index: r.index, length: r.text.length, locale };
    }
  }
  return undefined;
}

/** Normalises a front-matter or sidecar date (string or YAML Date) to `YYYY-MM-DD`. */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
    return findDate(value)?.iso;
  }
  return undefined;
}
