/**
 * Words of one family a stemmer keeps apart: a doctrine and its adherent ("protectionism",
 * "protectionist pressure"; "terrorism", "terrorist attacks"; "nationalism", "nationalist
 * parties"), and an activity and whoever does it ("file-sharing", "31 file-sharers"; "mining",
 * "miners"). A subject named by the first is named by the other.
 */

/** The other word of a doctrine's family, lower case ("protectionist" for "protectionism"), or undefined. */
export function kinWord(lower: string): string | undefined {
  const m = KIN.exec(lower);
  if (m) return m[1] + (m[2] === 'm' ? 'ist' : 'ism');
  const doing = ACTIVITY.exec(lower);
  return doing ? `${doing[1]}er` : undefined;
}
/** An activity in "-ing" and its doer in "-er" ("sharing", "sharer"; "mining", "miner"; "shipping", "shipper"). */
const ACTIVITY = /^(\p{L}[\p{L}-]{2,})ing$/u;
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
