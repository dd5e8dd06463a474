/**
 * jusText's classifier, on plain text (Pomikálek 2011): each block is first judged on its own by
 * length and stopword density (good / near-good / short / bad), then short and near-good blocks
 * take the class of their good or bad neighbours. A site menu item is short and stopword-free and
 * sits among other menu items, so it goes; a short body paragraph sits among body and stays.
 */
export type BlockClass = 'good' | 'neargood' | 'short' | 'bad';

/** jusText's defaults for English. */
export const JUSTEXT = { lengthLow: 70, lengthHigh: 200, stopwordsLow: 0.3, stopwordsHigh: 0.32 } as const;

const STOPWORDS = new Set(
  `a about above after again against all also although am among an and any are as at be because been before being
  below between both but by can could did do does doing down during each either even ever every few for from further
  had has have having he her here hers herself him himself his how however i if in into is it its itself just least
  less many may me might more most much must my myself neither no nor not now of off on once one only or other our
  ours ourselves out over own per rather same shall she should since so some such than that the their theirs them
  themselves then there these they this those though through thus to too under until up upon us very via was we were
  what when where whether which while who whom whose why will with within without would yet you your yours
  across already always another around back became become becomes behind beyond cannot come comes current currently
  different done due else enough especially etc far find first get give given go going good great including indeed
  instead keep keeps known last later least let like likely long look made mainly make makes making mean means
  moreover mostly near nearly need needs never new next none nothing often part particularly perhaps possible put
  quite really right said say says second see seem seems several show side similar simply something soon still take
  taken therefore thing things think third three time today together toward towards two unless use used using various
  want way ways well whatever whole work year years`.split(/\s+/),
);

export function stopwordDensity(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length === 0) return 0;
  let n = 0;
  for (const w of words) if (STOPWORDS.has(w)) n++;
  return n / words.length;
}

/** Context-free class of one block. */
export function classifyAlone(text: string): BlockClass {
  const density = stopwordDensity(text);
  if (text.length < JUSTEXT.lengthLow) return 'short';
  if (density >= JUSTEXT.stopwordsHigh && text.length > JUSTEXT.lengthHigh) return 'good';
  if (density >= JUSTEXT.stopwordsLow) return 'neargood';
  return 'bad';
}

function neighbour(classes: BlockClass[], i: number, step: 1 | -1, ignoreNeargood: boolean): BlockClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j];
    if (c === 'good' || c === 'bad') return c;
    if (c === 'neargood' && !ignoreNeargood) return c;
  }
  return 'bad';
}

/**
 * Context-sensitive pass. `fixed` marks blocks already decided (boilerplate patterns → bad), which
 * count as neighbours but are not re-classified.
 */
export function smooth(initial: BlockClass[]): Array<'good' | 'bad'> {
  // A short document of near-good paragraphs only (a brief, a PDF memo) has no "good" anchor;
  // its near-good blocks then anchor the context instead of all sinking as "among boilerplate".
  const anchorless = !initial.includes('good');
  const classes = initial.map((c) => (anchorless && c === 'neargood' ? 'good' : c));
  const afterShort = [...classes];
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'short') continue;
    const prev = neighbour(classes, i, -1, true);
    const next = neighbour(classes, i, 1, true);
    if (prev === 'good' && next === 'good') afterShort[i] = 'good';
    else if (prev === 'bad' && next === 'bad') afterShort[i] = 'bad';
    else if (
      (prev === 'bad' && neighbour(classes, i, -1, false) === 'neargood') ||
      (next === 'bad' && neighbour(classes, i, 1, false) === 'neargood')
    )
      afterShort[i] = 'good';
    else afterShort[i] = 'bad';
  }
  return afterShort.map((c, i) => {
    if (c === 'good' || c === 'bad') return c;
    if (c === 'short') return 'bad';
    // near-good: bad only when both sides are bad
    const prev = neighbour(afterShort, i, -1, true);
    const next = neighbour(afterShort, i, 1, true);
    return prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  });
}
