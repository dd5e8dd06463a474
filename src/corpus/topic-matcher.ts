import { escapeRegExp } from '../text.ts';

/**
 * Tagging sentences with the corpus's topics (`topics.ts` reads them from `topics.yaml`): apart
 * from the YAML parser, which a thread that only extracts never needs.
 */
export type TopicTable = Record<string, string[]>;
export type TopicMatcher = (sentence: string) => string[];

export function topicMatcher(table: TopicTable): TopicMatcher {
  const compiled = Object.entries(table)
    .filter(([, keywords]) => keywords.length > 0)
    .map(([topic, keywords]) => {
      const alternatives = keywords.map((k) => {
        const prefix = k.endsWith('*');
        const body = escapeRegExp(prefix ? k.slice(0, -1) : k).replace(/\s+/g, '\\s+');
        return prefix ? `${body}[\\p{L}-]*` : body;
      });
      return { topic, re: new RegExp(`(?<![\\p{L}\\d])(?:${alternatives.join('|')})(?![\\p{L}\\d])`, 'iu') };
    });
  return (sentence) => compiled.filter((t) => t.re.test(sentence)).map((t) => t.topic);
}
