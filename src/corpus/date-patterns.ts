/**
 * chrono-node's expressions rewritten for V8's compiler (`scripts/date-patterns.mjs` tells why and
 * how: the same matches, compiled in a fraction of the time), each as its new source and flags
 * under `flags/source` of the expression it stands for. The build fills this table in
 * (`scripts/build.mjs`) for the parsers `dates.ts` loads; run from the sources it is empty and each
 * parser keeps its own expression. Either way the same text matches the same way.
 */
export const DATE_PATTERNS: ReadonlyMap<string, readonly [source: string, flags: string]> = new Map();
