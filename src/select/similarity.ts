/**
 * Word-set similarity between claims, used to keep near-identical claims out of a deck and to
 * spread a slide across sources (MMR). Content words only, lower-cased, crudely stemmed.
 */
const STOP = new Set(
  ('a an the and or but of to in on at by for with from as is are was were be been being has have had ' +
    'it its this that these those their there they them which who whose what when where while will would ' +
    'can could may might should than then so such not no nor also into over about after before between both ' +
    'each more most other some any only own same very s')
    .split(' '),
);

/** Scales and units a figure is written with: "68 billion dlrs", "15.8 mln bpd", "5 pct". */
const SCALE = '(?:mln|million|bln|billion|trillion|pct|percent|per cent|tonnes?|tons?|barrels?|bpd|dlrs?|dollars?|cts|cents?|francs?|yen|marks?|guilders?|stg|pounds?|ounces?|lbs?|%)';

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  // (A number is one word, "106,000" and "15.8" whole, with its scale or unit, "68 billion"; so is
  // a fiscal year, "1987/88", whose "88" is no figure.)
  for (const raw of text.toLowerCase().match(new RegExp(String.raw`\d+(?:[,.]\d+)*(?:\s+${SCALE}\b|\/\d+)?|[\p{L}\p{N}]+`, 'gu')) ?? []) {
    if (STOP.has(raw) || raw.length < 2) continue;
    out.add(/^\d/.test(raw) ? raw.replace(/\s+/g, ' ') : stem(raw));
  }
  return out;
}

function stem(w: string): string {
  return w.replace(/(?:ies|es|s|ing|ed|ly)$/, '').slice(0, 8) || w;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * One point retold: most of the shorter line's words are in the longer one, and both say it with
 * the same two words in a row ("Viacom … received revised merger offers from National Amusements
 * and MCV Holdings" and "Viacom said it received revised takeover bids from Redstone and MCV
 * Holdings Inc, a group led by Viacom management…").
 */
export function retells(a: Set<string>, b: Set<string>, inter: number, bText?: string): boolean {
  if (inter < RETOLD_WORDS || inter / Math.min(a.size, b.size) < RETOLD_SHARE) return false;
  // A figure one line gives and the other does not is another fact ("Last year South Korea's current
  // account surplus was 4.65 billion dlrs" beside its plan for 1987).
  for (const [x, y] of [[a, b], [b, a]]) for (const w of x) if (/^\d/.test(w) && !y.has(w)) return false;
  // (A name both lines hold, "Li Ka-shing", is who speaks, not what is said: where the second
  // line's text is known, one of the two words must be written in lower case there.)
  const common = bText === undefined ? undefined : new Set([...bText.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}]*/gu)].flatMap((m) => [...contentWords(m[0])]));
  const pairs = new Set<string>();
  let last: string | undefined;
  for (const w of a) {
    if (last && b.has(last) && b.has(w) && !SAYING.has(last) && !SAYING.has(w) && (!common || common.has(last) || common.has(w))) pairs.add(`${last} ${w}`);
    last = w;
  }
  if (!pairs.size) return false;
  last = undefined;
  for (const w of b) {
    if (last && pairs.has(`${last} ${w}`)) return true;
    last = w;
  }
  return false;
}
const RETOLD_WORDS = 6;
const RETOLD_SHARE = 0.6;
const SAYING = new Set(['said', 'say', 'told', 'add', 'report']);

/** Near-identical: the same sentence repeated, lightly edited, or quoted inside another. */
export function nearDuplicate(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return nearDuplicateBy(inter, a.size, b.size) || sameFigure(a, b);
}

/**
 * Two sentences that give the same figure about the same things state one fact, however else
 * they are worded: "Brazil on February 20 suspended interest payments on 68 billion dlrs…" and
 * "Brazil … stunned the banking community by suspending payments on some 68 billion dlrs…". A
 * figure with its scale or unit, or a number of three digits or more that is no year, with two
 * other words in common.
 */
export function sameFigure(a: Set<string>, b: Set<string>): boolean {
  let figure = 0;
  let others = 0;
  for (const w of a) {
    if (!b.has(w)) continue;
    // A measured figure ("68 billion", "15.8 pct"), or a bare number of three digits or more that is no year.
    const measured = /^\d[\d,.]*\s/.test(w);
    const digits = w.replace(/\s.*$|[,.]/g, '');
    if (/^\d/.test(w) && (measured ? digits.length >= 2 || /[,.]/.test(w) : digits.length >= 3 && !/^(?:1[89]|20)\d\d$/.test(w) && !w.includes('/'))) figure++;
    else others++;
  }
  return figure > 0 && others >= 2;
}

/** `nearDuplicate` from the counts alone: `inter` words shared by sets of `a` and `b` words. */
export function nearDuplicateBy(inter: number, a: number, b: number): boolean {
  if (!a || !b) return false;
  // (A long line most of whose words another holds restates it: "Hisham Nazer reiterated the
  // kingdom's commitment to the December OPEC accord and said…" beside the lead that said so.)
  return inter / (a + b - inter) >= 0.6 || (Math.min(a, b) >= 5 && Math.max(inter / a, inter / b) >= 0.85) || (Math.min(a, b) >= 12 && Math.max(inter / a, inter / b) >= 0.75);
}
