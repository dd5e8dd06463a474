/**
 * Words of one family a stemmer keeps apart: a doctrine and its adherent ("protectionism",
 * "protectionist pressure"; "terrorism", "terrorist attacks"; "nationalism", "nationalist
 * parties"). A subject named by one is named by the other.
 */

/** The other word of a doctrine's family, lower case ("protectionist" for "protectionism"), or undefined. */
export function kinWord(lower: string): string | undefined {
  const m = KIN.exec(lower);
  return m ? m[1] + (m[2] === 'm' ? 'ist' : 'ism') : undefined;
}
// (At least four letters before the ending: "exist", "artist" and "prism" have no doctrine.)
const KIN = /^(\p{L}{4,})is(m|t)s?$/u;

/** The kin words of a text's words, to search for beside them. */
export function kinWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const kin = kinWord(w);
    if (kin) out.push(kin);
  }
  return out;
}
