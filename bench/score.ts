/**
 * trafilatura's scoring (tests/eval_common.py, count_item): for each page, a must-keep snippet
 * found in the kept text is a true positive, else a false negative; a must-drop snippet found is
 * a false positive, else a true negative. Found means a substring after whitespace is normalised.
 */
export interface Item {
  file: string;
  with: string[];
  without: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Adds one page's counts to `c`; returns the snippets missed and leaked. */
export function score(item: Item, kept: string, c: Counts): { missed: string[]; leaked: string[] } {
  const text = norm(kept);
  const missed = item.with.filter((w) => !text.includes(norm(w)));
  const leaked = item.without.filter((w) => text.includes(norm(w)));
  c.tp += item.with.length - missed.length;
  c.fn += missed.length;
  c.fp += leaked.length;
  c.tn += item.without.length - leaked.length;
  return { missed, leaked };
}

export function scores(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}
