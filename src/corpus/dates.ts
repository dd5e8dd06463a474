/**
 * Publication dates as scraped sites print them: `2023-05-22 16:42:53`, `02.06.23` (day first, as
 * in Europe), `09 maggio 2022` (Italian month). chrono-node parses them; British English is tried
 * first because a dotted or slashed numeric date on these sites puts the day first, then the
 * other locales chrono knows. Only a date with day, month and year all stated is accepted.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import LOCALES from './date-locales.json' with { type: 'json' };
import { DATE_PATTERNS } from './date-patterns.ts';

type Parsers = Array<{ locale: string; parser: Chrono.Chrono }>;
let parsers: Parsers | undefined;

/**
 * chrono's parsers, loaded on the first date to read, not at start-up: only the seven locales
 * tried (`chrono-node/en`…, the modules `chrono-node` itself re-exports), not its sixteen, which
 * took twice as long to load. Built (`dist/`), each parser matches with its expression rewritten
 * for V8's compiler (`date-patterns.ts`): compiling chrono's own took a third of a second.
 */
function dateParsers(): Parsers {
  if (!parsers) {
    const require = createRequire(import.meta.url);
    parsers = LOCALES.map(({ locale, module, parser }) => {
      const exports = require(`chrono-node/${module}`) as { Chrono: typeof Chrono.Chrono } & Record<string, Chrono.Chrono>;
      const chrono = exports[parser];
      return { locale, parser: DATE_PATTERNS.size ? new exports.Chrono({ parsers: chrono.parsers.map(rewritten), refiners: chrono.refiners }) : chrono };
    });
  }
  return parsers;
}

/**
 * A parser of chrono's that matches with its expression rewritten, where the build rewrote it.
 * Some parsers make their expression anew at each parse (the same source each time): the
 * rewritten one is kept by source.
 */
function rewritten(parser: Chrono.Parser): Chrono.Parser {
  const written = new Map<string, { flags: string; own: RegExp; re: RegExp }>();
  return {
    pattern(context) {
      const own = parser.pattern(context);
      let known = written.get(own.source);
      if (!known || known.flags !== own.flags) {
        const table = DATE_PATTERNS.get(`${own.flags}/${own.source}`);
        known = { flags: own.flags, own, re: table === undefined ? own : new RegExp(table[0], table[1]) };
        written.set(own.source, known);
      }
      return known.re === known.own ? own : known.re;
    },
    extract: (context, match) => parser.extract(context, match),
  };
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
