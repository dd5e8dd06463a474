/**
 * The corpus stage's entry point (`briefdeck/corpus`): the loader (`load.ts`: `loadCorpus()` brings
 * the store up to date with the corpus folder and opens it) and the stages it runs on new or
 * changed files, for programs that read articles themselves. Commands import the loader alone,
 * so a check of an unchanged corpus loads none of the reading and extraction code.
 */
export * from './load.ts';
export { ingestFile, formatOf, sha256 } from './read.ts';
export { cleanText } from './clean.ts';
export { extractEvidence } from './claims.ts';
export { languageNotices } from './extracted.ts';
export { findDate } from './dates.ts';
export { BOILERPLATE_PATTERNS, END_OF_ARTICLE } from './patterns.ts';
export { parseTopics, topicMatcher } from './topics.ts';
export { PIPELINE_VERSION } from './pipeline.ts';
export { openBackend } from './store/index.ts';
export { SqliteBackend } from './store/sqlite.ts';
