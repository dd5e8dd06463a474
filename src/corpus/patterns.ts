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
 * A block that announces the end of the article: the heading of a list of other articles (related,
 * more, most read, see also), of the comments, or of a share bar, in the languages most pages are
 * written in. Everything from it to the end of the text is dropped, when it sits past the first
 * two fifths of the text.
 */
const RELATED = [
  // English
  'similar( (articles|posts|stories))?', 'related( (articles|posts|stories|content|news|reading|topics))?', 'recommended( (posts|articles|stories|for you|reading))?',
  'read (more|next|also)', 'check also', 'see also', 'more from .{1,40}', 'more (stories|news|articles|on this( story| topic)?)', 'you (may|might) also like',
  'also read', 'most (read|popular|viewed)', 'popular (posts|stories|articles)', 'recent posts', 'latest (news|posts|stories|articles)', 'explore further', 'trending( now)?',
  // Italian
  'ti potrebbero interessare anche', 'contenuti correlati', 'leggi anche', 'articoli correlati', 'potrebbe interessarti( anche)?', 'i più letti',
  // German
  'das könnte (sie|dich) auch interessieren', 'auch interessant', '(lesen sie|lies) auch', 'weitere (artikel|beiträge|nachrichten|themen)( zum thema)?', 'mehr zum thema',
  'mehr (nachrichten|artikel|beiträge) .{0,40}', 'ähnliche (artikel|beiträge)', 'verwandte (artikel|beiträge|themen)', 'meist ?gelesen(e artikel)?', 'neueste beiträge', 'empfohlene artikel',
  // Spanish
  'noticias relacionadas', 'otras noticias', '(te|le) puede interesar', '(lee|lea|mira|mirá|vea) (también|además)', 'más noticias', 'lo más (leído|visto)', 'relacionad[ao]s',
  // French
  'articles? (similaires|liés|connexes)', '(à )?lire aussi', 'sur le même (sujet|thème)', 'à découvrir( aussi)?', 'les plus lus', 'dans la même rubrique',
  // Portuguese
  '(veja|leia) também', 'notícias relacionadas', 'mais lidas',
  // Polish
  'zobacz (też|także|również)', 'czytaj (też|także|również)', 'polecane( artykuły)?', 'podobne artykuły', 'najczęściej czytane',
];
const COMMENTS = [
  'leave a (reply|comment)', 'post a comment', 'add a comment', '\\d+ (comments?|responses?)( to .{1,120})?', 'comments?', 'join the discussion',
  'lascia un commento', 'commenti',
  'schreibe einen kommentar', 'kommentar schreiben', 'hinterlasse einen kommentar', '\\d* ?kommentare?', 'diskutieren sie mit',
  'deja (un|tu) comentario', 'comentarios', 'laisser un commentaire', 'commentaires', 'vos réactions',
  'deixe (um|seu) comentário', 'comentários', 'komentarze', 'dodaj komentarz', 'skomentuj',
];
export const END_OF_ARTICLE = new RegExp(`^(?:${[...RELATED, ...COMMENTS].join('|')})\\s*[:!.…]?\\s*$`, 'iu');

export function matchBoilerplate(text: string): string | undefined {
  for (const p of BOILERPLATE_PATTERNS) {
    if (p.maxLength !== undefined && text.length > p.maxLength) continue;
    if (p.test.test(text)) return p.reason;
  }
  return undefined;
}
