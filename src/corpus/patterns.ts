/**
 * The documented list of site boilerplate that cleaning drops whatever jusText thinks of it.
 * Each pattern names its reason, which is what `briefdeck corpus show` prints beside the block.
 * Patterns match a whole block (one line of scraped text), never a phrase inside body text.
 */
export interface BoilerplatePattern {
  reason: string;
  test: RegExp;
  /** Only blocks shorter than this (characters) can match: a long block is body text. */
  maxLength?: number;
}

/** The reason of a block that trails off into "…", the start of another page's text. */
export const TEASER = 'truncated teaser';

export const BOILERPLATE_PATTERNS: BoilerplatePattern[] = [
  { reason: 'advertisement marker', test: /^[-–—•*\s]*(advertisement|advertising|sponsored( content)?|pubblicità|annuncio)[-–—•*\s]*$/i },
  { reason: 'photo or image credit', test: /^(?:[^.]{0,80}\.\s*)?(photo|image|picture|foto|immagine|credits?|image credits?)s?\s*:\s*\S/i, maxLength: 160 },
  { reason: 'photo or image credit', test: /\bvia (the conversation|getty( images)?|shutterstock|reuters|ap|afp|wikimedia( commons)?)\.?$/i, maxLength: 100 },
  { reason: 'share or like buttons', test: /^(share|share (this|on)\b.*|tweet|print|email|like it\b.*|like this:?|loading…?|print this page|versione stampabile|printable version)\W*$/i, maxLength: 60 },
  { reason: 'reading time', test: /^\d+\s*min(ute)?s?\s+read$/i },
  { reason: 'category line', test: /^[Ii]n\s+[\p{Lu}][\p{L} ]*(,\s*[\p{Lu}][\p{L} ]*)+$/u, maxLength: 100 },
  { reason: 'republication notice', test: /\b(republished|originally (published|appeared)|reprinted|reproduced) (from|in|on|by|with)\b|creative commons|read the original article/i, maxLength: 300 },
  {
    reason: 'author bio',
    test: /^[\p{Lu}][\p{L}.'’-]+( [\p{Lu}][\p{L}.'’-]+){1,3} (is|was) (a|an|the) [^.]{0,120}\b(lecturer|professor|fellow|researcher|director|analyst|editor|journalist|correspondent|writer|author|student|candidate|associate|scholar|head|expert)\b/u,
    maxLength: 300,
  },
  { reason: 'navigation', test: /^(skip|jump|salta|vai) (to|al|a)\b.*(content|contenuto|navigation)/i, maxLength: 80 },
  { reason: 'navigation', test: /^[•·▪►»›]\s*\S.{0,60}$/ },
  { reason: 'navigation', test: /^(home|menu|search|search form|form di ricerca|login|log in|sign in|sign up|en|it|de|fr|tags?|topics|commentary|analysis|opinion|news)$/i },
  { reason: 'newsletter or follow box', test: /\b(newsletter|subscribe|iscriviti|sign up for|seguici|follow us|ricevi le nostre news|telegram)\b/i, maxLength: 140 },
  { reason: 'site footer', test: /(privacy|cookie policy|©|copyright|all rights reserved|p\.\s?iva|terms of (use|service)|contatti|lavora con noi|chi siamo)/i, maxLength: 250 },
  { reason: TEASER, test: /(…|\.\.\.)\s*$/, maxLength: 400 },
];

/**
 * A block that announces the end of the article: related posts, "check also", share bars.
 * Everything from it to the end of the text is dropped, when it sits in the second half.
 */
export const END_OF_ARTICLE =
  /^(similar|related( (articles|posts|stories|content))?|recommended( posts| for you| reading)?|read (more|next|also)|check also|see also|more from .{1,40}|you may also like|ti potrebbero interessare anche|contenuti correlati|leggi anche|articoli correlati)\s*:?\s*$/i;

export function matchBoilerplate(text: string): string | undefined {
  for (const p of BOILERPLATE_PATTERNS) {
    if (p.maxLength !== undefined && text.length > p.maxLength) continue;
    if (p.test.test(text)) return p.reason;
  }
  return undefined;
}
