/**
 * chrono-node's case-insensitive expressions written out case by case (`scripts/spelled-cases.mjs`
 * tells why and how), each under `flags/source` of the expression it stands for. The build fills
 * this table in (`scripts/build.mjs`) for the parsers `dates.ts` loads; run from the sources it is
 * empty and each parser keeps its own expression. Either way the same text matches the same way.
 */
export const SPELLED: ReadonlyMap<string, string> = new Map();
