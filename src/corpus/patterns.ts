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
  /**
   * A quicker expression that every text `test` matches matches too (the words it cannot match
   * without): a block without them is not tried. Under `iu`, with letter classes and word
   * boundaries, `test` may look at every place of every block.
   */
  hint?: RegExp;
}

/** The reason of a block that trails off into "…", the start of another page's text. */
export const TEASER = 'truncated teaser';

const RELATED = [
  // English
  'similar( (articles|posts|stories))?', 'related( (articles|posts|stories|content|news|reading|topics))?', 'recommended( (posts|articles|stories|for you|reading))?',
  'read (more|next|also)', 'check also', 'see also', 'more from .{1,40}', 'more (stories|news|articles|on this( story| topic)?)', 'you (may|might) also like',
  'also read', 'most (read|popular|viewed)', '(next|previous) (article|post|story)', 'popular (posts|stories|articles)', 'recent posts', 'latest (news|posts|stories|articles)', 'explore further', 'trending( now)?',
  // Italian
  'ti potrebbero interessare anche', 'contenuti correlati', 'leggi anche', 'articoli correlati', 'potrebbe interessarti( anche)?', 'i più letti',
  // German
  'das könnte (sie|dich) auch interessieren', 'auch interessant', 'schon gelesen', 'zum weiterlesen', '(lesen sie|lies) auch', 'weitere (artikel|beiträge|nachrichten|themen)( zum thema)?', 'mehr zum thema',
  'mehr (nachrichten|artikel|beiträge) .{0,40}', '(vorschau auf den )?nächsten? (artikel|beitrag)', 'vorherige[rn]? (artikel|beitrag)', 'ähnliche (artikel|beiträge)', 'verwandte (artikel|beiträge|themen)', 'meist ?gelesen(e artikel)?', 'neueste beiträge', 'empfohlene artikel',
  // Spanish
  'noticias relacionadas', '(artículo|nota|noticia) (siguiente|anterior)', 'otras noticias', '(te|le) puede interesar', '(lee|lea|mira|mirá|vea) (también|además)', 'más noticias', 'lo más (leído|visto)', 'relacionad[ao]s',
  // French
  'articles? (similaires|liés|connexes)', 'article (suivant|précédent)', '(à )?lire aussi', 'sur le même (sujet|thème)', 'à découvrir( aussi)?', 'les plus lus', 'dans la même rubrique',
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
/** Imperatives that send the reader to another article: "Lea:", "Mehr:", "Veja:". */
const GO_READ = ['lea', 'lee', 'mira', 'mirá', 'vea', 'veja', 'leia', 'lire', 'lisez', 'lies', 'mehr', 'more', 'see', 'read', 'watch', 'siehe', 'czytaj', 'zobacz', 'leggi', 'guarda'];

export const BOILERPLATE_PATTERNS: BoilerplatePattern[] = [
  {
    reason: 'advertisement marker',
    test: /^[-–—•*\s]*(advertisement|advertising|sponsored( content)?|pubblicità|annuncio|anzeige|werbung|publicidad|publicité|publicidade|reklama)[-–—•*:\s]*$/i,
  },
  {
    reason: 'advertising or affiliate disclosure',
    test: /\baffiliate[- ]?(links?|programs?|programme|advertising|partner)\b|\bmay (receive|earn) (a )?(compensation|commission)|\b(erhalten|erhält|bekommen) (wir|[\p{Lu}][\p{L}]+) (ggf\. |gegebenenfalls |eventuell |möglicherweise )?eine provision/iu,
    maxLength: 400,
    // (A fortieth of the time on newswire stories, where the expression above was most of cleaning's.)
    hint: /affiliate|may (?:receive|earn)|erh(?:alten|ält)|bekommen/iu,
  },
  { reason: 'link to another article', test: new RegExp(`^(?:${[...RELATED, ...GO_READ].join('|')})\\s*:\\s*\\S`, 'i'), maxLength: 250 },
  { reason: 'photo or image credit', test: /^(?:[^.]{0,80}\.\s*)?(photo|image|picture|foto|immagine|credits?|image credits?)s?\s*:\s*\S/i, maxLength: 160 },
  // A figure's caption under its label: "Abbildung: …", "Figure 2. …", "Grafik: …".
  { reason: 'figure caption', test: /^(abbildung|abb\.|figure|fig\.|grafik|bild|imagen|ilustración|illustration)\s*\d*\s*[.:]\s*\S/i, maxLength: 300 },
  { reason: 'photo or image credit', test: /\bvia (the conversation|getty( images)?|shutterstock|reuters|ap|afp|wikimedia( commons)?)\.?$/i, maxLength: 100 },
  // A caption that ends on its credit: "… (Quelle: Fleischmann/Unsplash)", "… (mlharing / iStock.com)", "… / (C) Kab Niang".
  {
    reason: 'photo or image credit',
    test: /(\((foto|photo|bild|image|quelle|source|fuente|crédit|credit)s?\s*:[^()]{1,80}\)|\([^()]{0,60}\b(istock(photo)?|unsplash|getty( ?images)?|shutterstock|pixabay|pexels|adobe ?stock|picture[ -]alliance|imago|dpa)\b[^()]{0,60}\)|\/\s*\(c\)\s*[^/()]{1,60})\.?$/i,
    maxLength: 300,
  },
  {
    reason: 'photo or image credit',
    test: /^(bild|foto|fotos|quelle|fuente|crédit|source|titelbild|beitragsbild|aufmacherbild|headerbild|bildquelle|fotoquelle|bildnachweis|fotonachweis|photo credit)\s*:\s*\S.{0,80}$/i,
  },
  {
    reason: 'share or like buttons',
    test: /^(share|share (this|on)\b.*|tweet|print|email|like it\b.*|like this:?|loading…?|print this page|versione stampabile|printable version|teilen|drucken|artikel teilen|compartir|imprimir|partager|imprimer|udostępnij|drukuj|condividi|stampa|compartilhar)\W*$/i,
    maxLength: 60,
  },
  // Prompts to share or rate the article.
  {
    reason: 'share or like buttons',
    test: /\b(share this (article|post|story)|(den|diesen) (artikel|beitrag) (mit anderen )?teilen|(war|ist) (der|dieser) (artikel|beitrag) (nützlich|hilfreich)|(der|dieser) (artikel|beitrag) gefallen|artikel gefallen|was this (article|post) helpful|compart(e|ir) (este|esta) (artículo|nota)|partagez cet article)\b/i,
    maxLength: 120,
  },
  { reason: 'share or like buttons', test: /^(lade weitere inhalte|mehr laden|weitere laden|load more|show more|cargar más|ver más|voir plus|afficher plus)\W*$/i },
  { reason: 'photo or image credit', test: /^(photo(graph)?s?|pictures?|images?|fotos?|bild(er)?)( \w+)? (by|von|de|par|di)\s+\p{Lu}/iu, maxLength: 120 },
  // Prompts to comment, log in or rate, and the comment form's own notes.
  {
    reason: 'comment form or prompt',
    test: /\b(your email address will not be published|required fields are marked|you must be logged in to|log in to (comment|reply)|müssen sie (sich )?(eingeloggt sein|einloggen)|sie müssen sich (einloggen|anmelden)|e-mail-adresse wird nicht veröffentlicht|erforderliche felder sind|(eingeloggt|angemeldet) sein,? um|nur angemeldete (benutzer|nutzer|leser)|kommentare (einblenden|anzeigen|lesen)|votre adresse (e-mail|de messagerie) ne sera pas publiée|tu dirección de correo electrónico no será publicada|para comentar debes|o seu endereço de e-?mail não será publicado|twój adres e-mail nie zostanie opublikowany)/i,
    maxLength: 250,
  },
  // Calls to follow, subscribe or download the publisher's app, in a short line of their own.
  {
    reason: 'newsletter or follow box',
    test: /\b(follow (us|[\p{Lu}][\p{L}.]*( [\p{Lu}][\p{L}.]*)*) on (twitter|facebook|instagram|linkedin|youtube|tiktok)|download (our|the) .{0,40}apps?\b|straight to your (phone|inbox)|in dein(en)? postfach|in ihr(en)? postfach|folgen sie uns|folge uns|síguenos|suivez-nous|siga-nos|obserwuj nas|(unsere[mn]?|our|nuestro) (youtube|whatsapp|telegram|instagram)[- ]?(kanal|channel|canal)|abonnieren sie|jetzt abonnieren|suscríbete|abonnez-vous|assine( já)?\b|zapisz się)/iu,
    maxLength: 200,
  },
  // The blog's line under a post: where it was filed, its tags, the permalink.
  {
    reason: 'post filing line',
    test: /\b(this (entry|post) was posted in|bookmark the permalink|dieser (eintrag|beitrag|artikel) wurde (am .{1,60})?(veröffentlicht|abgelegt) (in|unter)|(abgelegt|veröffentlicht) unter\b.{0,200}\b(kommentar|trackback|rss)|verschlagwortet mit)/i,
    maxLength: 400,
  },
  { reason: 'rating widget', test: /^\(?(noch )?(keine bewertungen?|no ratings yet|sin valoraciones|aucun avis)\)?$/i },
  {
    reason: 'date stamp',
    test: /^(published|updated|posted|last (updated|modified)|veröffentlicht|aktualisiert|erstellt|publicado|actualizado|publié|mis à jour|publikacja|aktualizacja|pubblicato|aggiornato)( (am|on|el|le|il))?\s*:?\s*(\d{1,4}[./ -]\d{1,2}[./ -]\d{2,4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})\b.{0,40}$/iu,
  },
  // Appeals to support or donate to the publication.
  {
    reason: 'support appeal',
    test: /\b(support (our|us|independent)|consider supporting|help us (continue|keep)|donate (now|today)|unterstütze?n? (sie )?(uns|unsere arbeit)|jetzt spenden|hazte (miembro|socio)|apoya (nuestro|el) periodismo|soutenez-nous|wspieraj nas)\b/i,
    maxLength: 250,
  },
  { reason: 'licence notice', test: /\b(cc[- ]by(-[a-z]{2,3})*(-\d\.\d)?|(unter|under) (der|einer|a|the) (creative commons|cc)[- ]?(lizenz|license|licence))\b/i, maxLength: 300 },
  { reason: 'rights notice', test: /\b(some rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|todos os direitos reservados|wszelkie prawa zastrzeżone|tutti i diritti riservati)\b/i, maxLength: 300 },
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
/** The heading of the author's box under an article. */
const ABOUT_AUTHOR = [
  'about the author', 'über (den|die) autor(in)?', 'zum autor', 'zur autorin', 'sobre (el|la) autora?', "à propos de l'auteur", 'o autorze', "sull'autore", 'sobre o autor',
];
export const END_OF_ARTICLE = new RegExp(`^(?:${[...RELATED, ...COMMENTS, ...ABOUT_AUTHOR].join('|')})\\s*[:!.…]?\\s*$`, 'i');

export function matchBoilerplate(text: string): string | undefined {
  for (const p of BOILERPLATE_PATTERNS) {
    if (p.maxLength !== undefined && text.length > p.maxLength) continue;
    if (p.hint && !p.hint.test(text)) continue;
    if (p.test.test(text)) return p.reason;
  }
  return undefined;
}
