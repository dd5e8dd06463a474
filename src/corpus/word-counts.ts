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
import { startsUpper, stemOfLower, WORD, wordTextOf } from './words.ts';
import { ownString } from './long-text.ts';

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

/** WORD, for this file's loops alone (a global expression keeps its place between calls). */
const TALLY_WORD = new RegExp(WORD.source, WORD.flags);

/** Counts over a set of claims, gathered in one pass that keeps numbers only. */
export class WordTally {
  claims = 0;
  readonly stems = new Map<string, StemCount & { last: string; claim: number }>();
  readonly forms = new Map<string, FormCount>();
  private readonly docs = new Set<string>();
  /** Claims added so far: a stem counts once per claim, the one whose number it last saw. */
  private added = 0;

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
    const claim = ++this.added;
    this.docs.add(docId);
    let first = true;
    TALLY_WORD.lastIndex = 0;
    for (let m = TALLY_WORD.exec(text); m; m = TALLY_WORD.exec(text)) {
      const clean = wordTextOf(m[0]);
      const l = clean.toLowerCase();
      const st = stemOfLower(l);
      const d = this.stems.get(st);
      if (!d) this.stems.set(ownString(st), { claims: 1, documents: 1, last: docId, claim });
      else if (d.claim !== claim) {
        d.claim = claim;
        d.claims++;
        if (d.last !== docId) {
          d.documents++;
          d.last = docId;
        }
      }
      if (first) {
        first = false;
        continue;
      }
      let f = this.forms.get(l);
      if (!f) this.forms.set(ownString(l), (f = { upper: 0, lower: 0 }));
      if (startsUpper(clean)) f.upper++;
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
  // One document come and none gone (every new file): its counts as they are, none of them zero.
  if (added.length === 1 && added[0].length && !gone.some((g) => g.length)) {
    const t = documentTally(added[0]);
    const stems: WordDelta['stems'] = [];
    for (const [s, c] of t.stems) stems.push([s, c.claims, c.documents]);
    const forms: WordDelta['forms'] = [];
    for (const [w, c] of t.forms) forms.push([w, c.upper, c.lower]);
    return { documents: 1, claims: t.claims, stems: stems.sort(byKey), forms: forms.sort(byKey) };
  }
  const sum = new DeltaSum();
  for (const texts of gone) if (texts.length) sum.addTally(documentTally(texts), -1);
  for (const texts of added) if (texts.length) sum.addTally(documentTally(texts), 1);
  return sum.delta();
}

/**
 * A file's change of counts: its old documents' claims (`gone`) leave, its new document's come,
 * counted already on an ingest thread (`counted`) or here from `claims`.
 */
export function fileDelta(gone: ReadonlyArray<readonly string[]>, claims: Iterable<{ text: string }> | undefined, counted?: WordDelta): WordDelta {
  if (!gone.some((g) => g.length)) return counted ?? wordDelta([], claims ? [Array.from(claims, (c) => c.text)] : []);
  const sum = new DeltaSum();
  for (const texts of gone) if (texts.length) sum.addTally(documentTally(texts), -1);
  if (claims) sum.add(counted ?? wordDelta([], [Array.from(claims, (c) => c.text)]));
  return sum.delta();
}

/** Changes of counts added up: a file's (what left and what came), or every file's since the store last folded them in. */
export class DeltaSum {
  documents = 0;
  claims = 0;
  private readonly stems = new Map<string, [number, number]>();
  private readonly forms = new Map<string, [number, number]>();

  addTally(t: WordTally, sign: number): void {
    this.documents += sign;
    this.claims += sign * t.claims;
    for (const [s, c] of t.stems) this.bump(this.stems, s, sign * c.claims, sign * c.documents);
    for (const [w, c] of t.forms) this.bump(this.forms, w, sign * c.upper, sign * c.lower);
  }

  add(d: WordDelta): void {
    this.documents += d.documents;
    this.claims += d.claims;
    for (const [s, a, b] of d.stems) this.bump(this.stems, s, a, b);
    for (const [w, a, b] of d.forms) this.bump(this.forms, w, a, b);
  }

  private bump(map: Map<string, [number, number]>, key: string, a: number, b: number): void {
    const v = map.get(key);
    if (v) {
      v[0] += a;
      v[1] += b;
    } else map.set(key, [a, b]);
  }

  delta(): WordDelta {
    const rows = (map: Map<string, [number, number]>) => {
      const out: Array<[string, number, number]> = [];
      for (const [k, v] of map) if (v[0] || v[1]) out.push([k, v[0], v[1]]);
      return out.sort(byKey);
    };
    return { documents: this.documents, claims: this.claims, stems: rows(this.stems), forms: rows(this.forms) };
  }
}

/** Rows in the order of their first column (code units, as `<` compares strings). */
const byKey = (a: [string, ...number[]], b: [string, ...number[]]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
