/**
 * Topics from the corpus's own `topics.yaml` (topic → keywords). A keyword matches as a whole word,
 * case-insensitively; a trailing `*` makes it a prefix ("sanction*" → sanctions, sanctioned).
 * A corpus without the file has no topics, and its claims none either.
 */
import { parse } from 'yaml';

export type TopicTable = Record<string, string[]>;
export type TopicMatcher = (sentence: string) => string[];

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

export function topicMatcher(table: TopicTable): TopicMatcher {
  const compiled = Object.entries(table)
    .filter(([, keywords]) => keywords.length > 0)
    .map(([topic, keywords]) => {
      const alternatives = keywords.map((k) => {
        const prefix = k.endsWith('*');
        const body = (prefix ? k.slice(0, -1) : k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
        return prefix ? `${body}[\\p{L}-]*` : body;
      });
      return { topic, re: new RegExp(`(?<![\\p{L}\\d])(?:${alternatives.join('|')})(?![\\p{L}\\d])`, 'iu') };
    });
  return (sentence) => compiled.filter((t) => t.re.test(sentence)).map((t) => t.topic);
}
