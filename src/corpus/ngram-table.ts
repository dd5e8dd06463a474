/**
 * ELD's n-gram table as the build packs it (`scripts/ngrams.mjs`, which describes the layout),
 * read in place: ELD asks the table for one n-gram at a time (`ngrams[gram]`, then each of its
 * scores by language), so the table is a view that finds the n-gram by bisection and answers with
 * the object ELD's own table holds for it, made when asked. Nothing is built up front: the
 * language detector is ready in a few milliseconds instead of a quarter of a second, and its
 * table is three byte arrays the collector never walks.
 */

/** What an ELD n-gram module exports as `ngramsData`. */
export interface NgramsData {
  type: string;
  languages: Record<number, string>;
  isSubset?: boolean;
  ngrams: Record<string, Record<number, number>>;
}

/** Bytes of one n-gram's slot: its length, then up to six characters. */
const SLOT = 7;

export function unpackNgrams(packed: Uint8Array): NgramsData {
  const bytes = packed;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerSize))) as Omit<NgramsData, 'ngrams'> & { count: number };
  const count = header.count;
  const slots = 4 + headerSize;
  const counts = slots + count * SLOT;
  // Where each n-gram's scores start, by their counts.
  const first = new Uint32Array(count + 1);
  let at = counts + count;
  for (let i = 0; i < count; i++) {
    first[i] = at;
    at += 2 * bytes[counts + i];
  }
  first[count] = at;

  /** The slot of `gram`, or -1: bisection in code-unit order, as the table is sorted. */
  const find = (gram: string): number => {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const slot = slots + mid * SLOT;
      const length = bytes[slot];
      let order = 0;
      for (let k = 0; k < length && k < gram.length && !order; k++) order = gram.charCodeAt(k) - bytes[slot + 1 + k];
      if (!order) order = gram.length - length;
      if (order === 0) return mid;
      if (order < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  };

  const ngrams = new Proxy({} as NgramsData['ngrams'], {
    get(_target, gram) {
      if (typeof gram !== 'string') return undefined;
      const i = find(gram);
      if (i === -1) return undefined;
      const scores: Record<number, number> = {};
      for (let p = first[i]; p < first[i + 1]; p += 2) scores[bytes[p]] = bytes[p + 1];
      return scores;
    },
  });
  const data: NgramsData = { type: header.type, languages: header.languages, ngrams };
  if (header.isSubset !== undefined) data.isSubset = header.isSubset;
  return data;
}
