/**
 * Topics from the corpus's own `topics.yaml` (topic → keywords). A keyword matches as a whole word,
 * case-insensitively; a trailing `*` makes it a prefix ("sanction*" → sanctions, sanctioned).
 * A corpus without the file has no topics, and its claims none either.
 */
import { parse } from 'yaml';
import type { TopicTable } from './topic-matcher.ts';

export { topicMatcher, type TopicMatcher, type TopicTable } from './topic-matcher.ts';

export function parseTopics(source: string): TopicTable {
  const data = parse(source) as unknown;
  const out: TopicTable = {};
  if (!data || typeof data !== 'object') return out;
  for (const [topic, value] of Object.entries(data as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    out[topic] = list.map((k) => String(k).trim()).filter(Boolean);
  }
  return out;
}
