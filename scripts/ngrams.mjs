/**
 * ELD's n-gram table, packed for the build (`src/corpus/ngram-table.ts` reads it back). ELD ships
 * its table as a 1.6 MB object literal: 81,000 n-grams, each an object of scores by language,
 * which took a quarter of a second to parse and build (and as long again to collect) the first
 * time a document's language was in doubt. Packed, it is three arrays of bytes read in place.
 *
 * Layout: a little-endian uint32 n, the length of a JSON header; the header ({ type, languages,
 * isSubset, count }); `count` slots of 7 bytes, one per n-gram in code-unit order (its length, then
 * its characters, each under 256, padded with zeros); `count` bytes, how many scores each has;
 * then each n-gram's scores as (language, score) byte pairs, in the order ELD lists them.
 */
export const SLOT = 7;

/** The table `ngramsData` (ELD's `ngrams/*.js` export) packed into bytes. */
export function packNgrams(ngramsData) {
  const keys = Object.keys(ngramsData.ngrams).sort();
  const header = Buffer.from(JSON.stringify({ type: ngramsData.type, languages: ngramsData.languages, isSubset: ngramsData.isSubset, count: keys.length }));
  const slots = Buffer.alloc(keys.length * SLOT);
  const counts = Buffer.alloc(keys.length);
  const pairs = [];
  keys.forEach((key, i) => {
    if (key.length > SLOT - 1) throw new Error(`n-gram ${JSON.stringify(key)} is longer than ${SLOT - 1}`);
    slots[i * SLOT] = key.length;
    for (let k = 0; k < key.length; k++) {
      const c = key.charCodeAt(k);
      if (c > 255) throw new Error(`n-gram ${JSON.stringify(key)} has a character beyond one byte`);
      slots[i * SLOT + 1 + k] = c;
    }
    const scores = Object.entries(ngramsData.ngrams[key]);
    if (scores.length > 255) throw new Error(`n-gram ${JSON.stringify(key)} has more than 255 scores`);
    counts[i] = scores.length;
    for (const [language, score] of scores) {
      if (!/^\d+$/.test(language) || Number(language) > 255 || !Number.isInteger(score) || score < 0 || score > 255)
        throw new Error(`n-gram ${JSON.stringify(key)}: score ${language}: ${score} does not fit a byte`);
      pairs.push(Number(language), score);
    }
  });
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  return Buffer.concat([size, header, slots, counts, Buffer.from(pairs)]);
}
