/**
 * What the corpus says about its words, counted once at ingest and kept in the store beside the
 * claims, so a deck reads numbers instead of every claim's text (`select/words.ts`):
 *
 * - per stem, how many claims use it and how many documents;
 * - per word (lower case), how often the corpus writes it capitalised and in lower case in the
 *   middle of a sentence (the first word of a sentence tells nothing);
 * - how many documents have claims, and how many claims there are.
 *
 * A document's counts are added when it is stored and taken away, from its stored claims, when
 * it leaves; sums over documents are the counts over their claims. `WordTally` is also what a deck
 * counts itself when it reads only some of the corpus's documents.
 */
import { stemOfLower, WORD, wordText } from './words.ts';

export interface StemCount {
  /** Claims that use the stem. */
  claims: number;
  /** Documents with a claim that uses it. */
  documents: number;
}

export interface FormCount {
  /** Capitalised in the middle of a sentence. */
  upper: number;
  /** In lower case in the middle of a sentence. */
  lower: number;
}

/** Counts over a set of claims, gathered in one pass that keeps numbers only. */
export class WordTally {
  claims = 0;
  readonly stems = new Map<string, StemCount & { last: string }>();
  readonly forms = new Map<string, FormCount>();
  private readonly docs = new Set<string>();

  /** Documents with a claim. */
  get documents(): number {
    return this.docs.size;
  }

  /**
   * Adds one claim. A document's claims come one after the other (store order): a stem counts
   * once more in `documents` when the claim's document is not the last one that used it.
   */
  add(text: string, docId: string): void {
    this.claims++;
    this.docs.add(docId);
    const seen = new Set<string>();
    let first = true;
    for (const m of text.matchAll(WORD)) {
      const clean = wordText(m[0]).text;
      const l = clean.toLowerCase();
      const st = stemOfLower(l);
      if (!seen.has(st)) {
        seen.add(st);
        const d = this.stems.get(st);
        if (!d) this.stems.set(st, { claims: 1, documents: 1, last: docId });
        else {
          d.claims++;
          if (d.last !== docId) {
            d.documents++;
            d.last = docId;
          }
        }
      }
      if (first) {
        first = false;
        continue;
      }
      let f = this.forms.get(l);
      if (!f) this.forms.set(l, (f = { upper: 0, lower: 0 }));
      if (/^\p{Lu}/u.test(clean)) f.upper++;
      else f.lower++;
    }
  }
}

/** The counts of one document's claims (all of one document), as the store adds or takes them away. */
export function documentTally(texts: readonly string[]): WordTally {
  const tally = new WordTally();
  for (const t of texts) tally.add(t, '');
  return tally;
}

/** What a store changes when documents come and go: counts to add (negative: to take away). */
export interface WordDelta {
  documents: number;
  claims: number;
  /** Sorted by stem, no zero rows. */
  stems: Array<[stem: string, claims: number, documents: number]>;
  /** Sorted by word, no zero rows. */
  forms: Array<[form: string, upper: number, lower: number]>;
}

/** The change of counts when documents `gone` (each its claims' texts) leave and `added` come. */
export function wordDelta(gone: ReadonlyArray<readonly string[]>, added: ReadonlyArray<readonly string[]>): WordDelta {
  const stems = new Map<string, [number, number]>();
  const forms = new Map<string, [number, number]>();
  let documents = 0;
  let claims = 0;
  const apply = (texts: readonly string[], sign: number) => {
    if (!texts.length) return;
    const t = documentTally(texts);
    documents += sign;
    claims += sign * t.claims;
    for (const [s, c] of t.stems) {
      const v = stems.get(s) ?? stems.set(s, [0, 0]).get(s)!;
      v[0] += sign * c.claims;
      v[1] += sign * c.documents;
    }
    for (const [w, c] of t.forms) {
      const v = forms.get(w) ?? forms.set(w, [0, 0]).get(w)!;
      v[0] += sign * c.upper;
      v[1] += sign * c.lower;
    }
  };
  for (const texts of gone) apply(texts, -1);
  for (const texts of added) apply(texts, 1);
  const byKey = (a: [string, ...number[]], b: [string, ...number[]]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    documents,
    claims,
    stems: [...stems].filter(([, v]) => v[0] || v[1]).map(([s, v]): [string, number, number] => [s, v[0], v[1]]).sort(byKey),
    forms: [...forms].filter(([, v]) => v[0] || v[1]).map(([w, v]): [string, number, number] => [w, v[0], v[1]]).sort(byKey),
  };
}
