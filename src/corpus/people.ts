/**
 * The people a document names, read from its own text: a reader meets "Ed Balls, Chief Secretary
 * to the Treasury" once and then "Mr Balls", "Balls" or "he". A capitalised run of two to four
 * words (initials, particles such as "de", "von", "al-" and a "Jr" allowed) is a person when the
 * text marks it as one:
 *   - a title before it: "Mr Ed Balls", "Russian President Vladimir Putin", "Sen. Sam Nunn";
 *   - a role noun before it: "Societe Generale economist Alain Marais", "BankAmerica's chief
 *     economist X";
 *   - an apposition after it: "X, analyst at Prescott, Ball and Turben Inc,", "X, the company's
 *     president,", "X, 54,";
 *   - speech with an affiliation: "said Perrin Long of Lipper Analytical";
 *   - speech whose speaker the text later calls by surname or "he"/"she" ("Boren said").
 * No list of names: the rules read titles, role nouns and sentence shape, so they hold for a
 * corpus nobody has seen. Only the kept paragraphs are read; offsets point into `doc.text`.
 *
 * API (stable; editorial insertions such as "[Ed Balls] said" are written from it):
 *   namedPeople(doc)                → People: each person once, fullest name, role, every mention
 *   resolvePerson(people, form, at) → the person "Mr Balls"/"Balls" names at `at`, if unambiguous
 *   lastNamedBefore(people, at)     → whom "he said"/"she said" at `at` refers to, if unambiguous
 * With the document's text at hand, `resolvePronoun` (attribution.ts) is the safer "he": it also
 * refuses when someone these rules do not know as a person speaks in between.
 */
import { occursBetween, part } from './occurs.ts';
import { escapeRegExp } from '../text.ts';

export interface Mention {
  /** Offsets into doc.text of the words naming the person ("Mr Balls", "Ed Balls", "Balls"). */
  start: number;
  end: number;
  /** The words as written, title included, line breaks as single spaces. */
  form: string;
}

export interface Person {
  /** The fullest form the document gives: "Ed Balls", "John W. Johnstone Jr". */
  name: string;
  /** The role as the article states it: "Chief Secretary to the Treasury", "analyst at Prescott, Ball and Turben Inc". */
  role?: string;
  /** Offsets into doc.text of the first mention in the fullest form. */
  first: { start: number; end: number };
  /** Every mention, in text order, the fullest one included. */
  mentions: Mention[];
  /** 'he' or 'she' when a title or role noun says so (Mr, Ms, spokeswoman). */
  pronoun?: 'he' | 'she';
}

/** The people of one document, with where its sentences start (for "the same or previous sentence"). */
export type People = Person[] & { sentenceStarts?: readonly number[] };

export interface PeopleSource {
  text: string;
  paragraphs: ReadonlyArray<{ index: number; start: number; end: number; text: string }>;
}

// ─── Words ──────────────────────────────────────────────────────────────────────────────────────

const SP = String.raw`(?:[ \t]+\n?[ \t]*|\n[ \t]*)`; // one space or one hard line break
const WORD = String.raw`\p{Lu}[\p{L}'’]*\p{Ll}[\p{L}'’]*(?:-\p{Lu}?[\p{Ll}'’]+)*`; // needs a lower-case letter: not "OPEC"
const INITIAL = String.raw`\p{Lu}\.`;
const PARTICLE = String.raw`(?:de|da|di|du|del|della|der|den|van|von|ter|le|la|bin|ibn|al|el|dos|das)`;
const SUFFIX = String.raw`(?:Jr|Sr|II|III|IV)\.?`;
const NAME_RUN = new RegExp(
  String.raw`(?<![\p{L}'’-])(?:(?:al|el)-)?${WORD}(?:${SP}(?:${INITIAL}|${PARTICLE}${SP}${WORD}|(?:al|el)-${WORD}|${WORD}|${SUFFIX}(?![\p{L}])))*`,
  'gu',
);

/** Courtesy titles: they mark a person and a pronoun, not a role. */
// (Objects without a prototype: "constructor" or "toString" before a name is no title.)
const COURTESY: Record<string, 'he' | 'she' | undefined> = Object.assign(Object.create(null), {
  mr: 'he', mrs: 'she', ms: 'she', miss: 'she', dr: undefined, prof: undefined, sir: 'he', dame: 'she',
  lord: 'he', lady: 'she', professor: undefined,
});
/** Offices written before a name ("President", "Sen."): they mark a person and are the role. */
const OFFICE = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'senator', 'sen', 'rep', 'representative', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'ambassador', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col',
  'judge', 'justice', 'king', 'queen', 'prince', 'princess', 'pope', 'chairman', 'chairwoman', 'chairperson',
  'chair', 'premier', 'speaker', 'commissioner', 'director', 'ceo', 'sheikh', 'emir', 'ayatollah', 'cardinal',
  'archbishop', 'bishop', 'father', 'rabbi', 'imam', 'chief', 'leader', 'deputy', 'vice', 'envoy', 'treasurer',
  'comptroller', 'attorney', 'counsel', 'lieutenant', 'captain', 'major', 'sergeant', 'inspector', 'superintendent',
]);
/** Nouns naming what a person does: "economist Alain Marais", "X, analyst at Y". */
export const ROLE_NOUN = new Set([
  ...OFFICE, 'analyst', 'economist', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'executive',
  'officer', 'manager', 'head', 'founder', 'partner', 'trader', 'dealer', 'broker', 'strategist', 'researcher',
  'fellow', 'scholar', 'expert', 'editor', 'correspondent', 'reporter', 'author', 'writer', 'lawyer', 'adviser',
  'advisor', 'consultant', 'professor', 'lecturer', 'member', 'mp', 'senator', 'diplomat', 'negotiator',
  'administrator', 'coordinator', 'owner', 'investor', 'banker', 'historian', 'scientist', 'engineer', 'delegate',
  'aide', 'assistant', 'candidate', 'campaigner', 'activist', 'organiser', 'organizer', 'vice-president',
  'vice-chairman', 'chief', 'economists', 'trustee', 'governor', 'minister', 'secretary', 'president', 'chairman',
  'specialist', 'planner', 'insider', 'observer', 'arbitrageur',
]);
const FEMALE_ROLE = /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|dame|lady)\b/i;
const MALE_ROLE = /\b(?:spokesman|chairman|congressman|businessman|king|prince|sir|lord)\b/i;
/** Words that make a capitalised run an organisation or a place, not a person. */
export const ORG_WORD = new Set([
  'inc', 'co', 'corp', 'corporation', 'company', 'ltd', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'group',
  'bank', 'trust', 'fund', 'securities', 'brothers', 'partners', 'capital', 'holdings', 'industries', 'international',
  'association', 'institute', 'university', 'college', 'ministry', 'department', 'committee', 'council', 'board',
  'agency', 'commission', 'exchange', 'reserve', 'federal', 'national', 'party', 'government', 'office', 'house',
  'senate', 'congress', 'parliament', 'court', 'news', 'times', 'post', 'journal', 'street', 'research', 'services',
  'oil', 'gas', 'energy', 'petroleum', 'airlines', 'motors', 'foods', 'systems', 'technologies', 'resources',
  'organisation', 'organization', 'union', 'league', 'federation', 'authority', 'administration', 'city', 'state',
  'states', 'county', 'republic', 'kingdom', 'island', 'islands', 'america', 'american', 'europe', 'european',
  'express', 'mining', 'financial', 'savings', 'electric', 'chemical', 'chemicals', 'steel', 'communications',
  // Party labels stand for a person only through a name ("the Kansas Republican").
  'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'conservative', 'liberal', 'socialist',
  'communist', 'labour', 'labor',
]);
/** Capitalised only because a sentence starts with it: never the first word of a name. */
const LEADING_WORD = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'yet', 'so', 'if', 'when', 'while', 'as', 'in', 'on', 'at', 'by', 'for',
  'from', 'with', 'after', 'before', 'since', 'until', 'under', 'over', 'during', 'meanwhile', 'however', 'also',
  'yesterday', 'today', 'tomorrow', 'earlier', 'later', 'last', 'next', 'this', 'that', 'these', 'those', 'his',
  'her', 'their', 'its', 'our', 'my', 'your', 'then', 'now', 'still', 'both', 'neither', 'either', 'according',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'analyst', 'analysts', 'economist',
  'economists', 'officials', 'sources', 'dear', 'new', 'former', 'acting', 'outgoing', 'incoming', 'said', 'says',
]);
export const SAYS = String.raw`(?:said|says|told|added|stated|noted|argued|warned|explained|commented|predicted|estimated|believes|believed|thinks|thought|wrote|writes|declared|insisted|remarked|observed|asked|replied|continued|concluded)`;

/** An office of a body, right before a run of capitalised words: "Chancellor of the ", "Secretary of ". */
const OFFICE_OF = /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+of\s+(?:the\s+)?$/u;

/** Abbreviated offices spelled out for a role line ("Sen." → "Senator"). */
const SPELLED: Record<string, string> = Object.assign(Object.create(null), { 'Sen.': 'Senator', Sen: 'Senator', 'Rep.': 'Representative', Rep: 'Representative', 'Gov.': 'Governor', Gov: 'Governor', 'Gen.': 'General', 'Adm.': 'Admiral', 'Col.': 'Colonel' });
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string) => clean(s).split(' ');
const bare = (w: string) => w.replace(/\.$/, '').toLowerCase();
const isSuffix = (w: string) => /^(?:Jr|Sr|II|III|IV)\.?$/.test(w);

/** Surname of a full name: its last word, or from a particle on ("de Gaulle", "al-Assad"). */
export function surnameOf(name: string): string {
  return partsOf(name).surname;
}
const IS_PARTICLE = new RegExp(`^${PARTICLE}$`);

/** A name read once: its words without a suffix, and its surname (how many of those words it is). */
interface NameParts {
  words: string[];
  surname: string;
  surnameWords: number;
}
// Names recur through a document (every "Mr Baker" is compared with every Baker named before it).
const parts = new Map<string, NameParts>();
function partsOf(name: string): NameParts {
  let got = parts.get(name);
  if (got) return got;
  const ws = words(name).filter((w) => !isSuffix(w));
  let i = ws.length - 1;
  while (i > 0 && IS_PARTICLE.test(ws[i - 1])) i--;
  const surname = ws.slice(i).join(' ');
  got = { words: ws, surname, surnameWords: words(surname).length };
  if (parts.size >= 50_000) parts.clear();
  parts.set(name, got);
  return got;
}

// ─── Sentences ──────────────────────────────────────────────────────────────────────────────────

export const ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Adm|Lt|Capt|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Vol|U\.S|U\.K|[A-Z])\.$/;

/** Offsets where sentences start in `text` (the paragraph starts, and after . ! ? before a capital). */
export function sentenceStarts(doc: PeopleSource): number[] {
  const starts: number[] = [];
  for (const p of doc.paragraphs) {
    starts.push(p.start);
    for (const m of p.text.matchAll(/[.!?]["”’)]*\s+(?=["“‘(]?\p{Lu})/gu)) {
      const head = p.text.slice(0, (m.index ?? 0) + 1);
      if (ABBREVIATION.test(head)) continue;
      starts.push(p.start + (m.index ?? 0) + m[0].length);
    }
  }
  return starts.sort((a, b) => a - b);
}

// ─── Finding people ─────────────────────────────────────────────────────────────────────────────

interface Naming {
  name: string;
  start: number;
  end: number;
  role?: string;
  pronoun?: 'he' | 'she';
  /** A title or office written right before the name ("Mr", "President"), as written. */
  title?: string;
}

/**
 * The role phrase that ends right before `end`: "Societe Generale economist", "BankAmerica's chief
 * economist"; or one set before the name between commas ("said its director general, Kevin Hawkins").
 */
function roleBefore(text: string, end: number): { role: string; nounAt: number } | undefined {
  const head = text.slice(Math.max(0, end - 120), end);
  const m = /([\p{L}.'’-]+),?\s*$/u.exec(head);
  if (!m || !ROLE_NOUN.has(bare(m[1]))) return undefined;
  // "sole manager First Boston": the manager of an offering is a firm.
  if (/(?:sole|lead|co-?)\s*$/i.test(head.slice(0, m.index)) && bare(m[1]) === 'manager') return undefined;
  // Modifiers back to a clause break: capitalised words, possessives, "chief", "senior", "deputy"…
  const before = head.slice(0, m.index).split(/(?<=\s)/);
  const mods: string[] = [];
  for (let i = before.length - 1; i >= 0 && mods.length < 5; i--) {
    const w = before[i].trim();
    if (!w || /[,;:()—–"“”]$/.test(w)) break;
    // "the Bank of Tokyo's economic adviser": "of" inside a name in capitals.
    if (/^(?:of|for|and)$/.test(w) && mods.length && /^\p{Lu}/u.test(mods[0]) && i > 0 && /^\p{Lu}/u.test(before[i - 1].trim())) {
      mods.unshift(w);
      continue;
    }
    if (/^\p{Lu}/u.test(w) || /['’]s$/.test(w) || ROLE_NOUN.has(bare(w)) ||
        /^(?:chief|senior|deputy|vice|managing|general|executive|foreign|finance|economic|trade|oil|defence|defense|junior|former|acting|principal|lead|assistant|associate|company|bank)$/i.test(w)) {
      if (LEADING_WORD.has(bare(w)) && !/['’]s$/.test(w)) break;
      mods.unshift(w);
    } else break;
  }
  return { role: clean([...mods, m[1]].join(' ')), nounAt: end - head.length + m.index };
}

/** "X, analyst at Y," / "X, the company's president," / "X, 54, president and chief operating officer". */
/** A role a wire wrote without its commas, up to its verb of saying (`appositionAfter`). */
const ROLE_WITHOUT_COMMAS = new RegExp(`^\\s+((?:\\p{Ll}+\\s+){0,2}(\\p{Ll}+)\\s+(?:of|at|for)\\s+\\p{Lu}[^,.;:()"“”]{1,80}?),?\\s+${SAYS}\\b`, 'u');

function appositionAfter(text: string, end: number): string | undefined {
  const tail = text.slice(end, end + 200);
  const m = /^,\s+(?:\d{1,3},\s+)?((?:(?:a|an|the)\s+)?[^,.;:()"“”]{2,90})/u.exec(tail);
  if (!m) {
    // A wire may leave the commas out: "Yutaka Hashimoto general manager of Nippon Life Insurance
    // Co told an economic conference…". Then the role runs from a role noun to its verb.
    const bare_ = ROLE_WITHOUT_COMMAS.exec(tail);
    if (bare_ && ROLE_NOUN.has(bare_[2])) return clean(bare_[1]);
    return /^,\s+\d{1,3},/.test(tail) ? '' : undefined;
  }
  const phrase = m[1];
  const ws = words(phrase);
  if (!ws.slice(0, 6).some((w) => ROLE_NOUN.has(bare(w).replace(/['’]s$/, '')))) return undefined;
  if (CLAUSE_OPENS.test(phrase)) return undefined;
  // "Dubai, United Arab Emirates, a spokeswoman said": a role noun followed by its verb is a new subject.
  if (SAYS_WORD.test(phrase)) return undefined;
  let role = clean(phrase);
  // A firm's name may hold commas ("Prescott, Ball and Turben Inc"): run on while the next part is a name.
  let rest = tail.slice(m[0].length);
  for (let k = 0; k < 3; k++) {
    const more = /^,\s+((?:\p{Lu}[\p{L}&'’-]*|and|&)(?:\s+(?:\p{Lu}[\p{L}&'’-]*|and|&|of))*)(?=\s*(?:[.,;]|$|\s+(?:said|says)\b))/u.exec(rest);
    if (!more || /^(?:said|says)$/i.test(more[1])) break;
    // Stop before a second clause's subject: a run followed by a verb is not part of the firm.
    if (/^,\s*\p{Lu}[\p{L}]*\s+(?:and\s+)?\p{Ll}/u.test(rest.slice(more[0].length))) break;
    role += `, ${clean(more[1])}`;
    rest = rest.slice(more[0].length);
  }
  return role.replace(/^(?:a|an)\s+/i, '');
}

/** A name's run split into a title part (offices and courtesy titles) and the name itself. */
function splitTitle(run: string): { title: string[]; name: string[] } {
  const ws = words(run);
  let cut = 0;
  for (let i = 0; i < ws.length - 1; i++) {
    const w = bare(ws[i]);
    if (w in COURTESY || OFFICE.has(w)) cut = i + 1;
  }
  // "Russian President Vladimir Putin": the words before the office belong to the role.
  return { title: ws.slice(0, cut), name: ws.slice(cut) };
}

function namingsIn(doc: PeopleSource): { namings: Naming[]; spoken: Naming[] } {
  const namings: Naming[] = [];
  const spoken: Naming[] = [];
  for (const p of doc.paragraphs) {
    const t = p.text;
    for (const m of t.matchAll(NAME_RUN)) {
      let run = m[0];
      let at = m.index ?? 0;
      // A run may start with a sentence's first word ("Yesterday Vladimir Putin"); drop it.
      while (LEADING_WORD.has(bare(words(run)[0])) && words(run).length > 1) {
        const cut = /^\S+\s+/.exec(run)![0].length;
        run = run.slice(cut);
        at += cut;
      }
      // Courtesy titles are abbreviated with a dot the run does not take ("Mr. Gates", "Sen. Nunn").
      const dotted = /(?:^|\s)(Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Adm)\.\s*$/.exec(t.slice(Math.max(0, at - 6), at));
      let { title, name } = splitTitle(run);
      // "Chancellor of the Exchequer Nigel Lawson", "Secretary of State George Shultz": an office
      // "of" a body, written before the name; the body's words open the run, the name is its last two.
      const officeOf = title.length ? null : OFFICE_OF.exec(t.slice(Math.max(0, at - 60), at));
      if (officeOf && OFFICE.has(officeOf[1].toLowerCase()) && name.length >= 3 && !name.some((w) => ORG_WORD.has(bare(w)) && !/^\p{Lu}/u.test(w))) {
        title = [...officeOf[0].trim().split(/\s+/), ...name.slice(0, -2)];
        name = name.slice(-2);
      }
      const nameText = name.join(' ');
      if (title.length) {
        const nameAt = at + run.lastIndexOf(name[0], run.length - nameText.length);
        at = nameAt;
      }
      const end = (m.index ?? 0) + m[0].length;
      const ws = name;
      if (ws.some((w) => ORG_WORD.has(bare(w)))) continue;
      // "Laurie Milbank and Co", "Thomson McKinnon <TMI>": a firm named after its founders.
      if (/^\s*(?:(?:and|&)\s+(?:Co|Company|Sons|Partners|Associates)\b|<)/.test(t.slice(end, end + 20))) continue;
      const lead = title.map(bare);
      const courtesy = dotted ? bare(dotted[1]) : lead.find((w) => w in COURTESY);
      const office = title.some((w) => OFFICE.has(bare(w))) || (dotted && OFFICE.has(bare(dotted[1])));
      const naming: Naming = { name: nameText, start: p.start + at, end: p.start + end };
      if (dotted && OFFICE.has(bare(dotted[1])) && !title.length) title.push(`${dotted[1]}.`);
      if (title.length || dotted) naming.title = [dotted?.[1] ? `${dotted[1]}.` : '', ...title].join(' ').trim();
      if (courtesy && COURTESY[courtesy]) naming.pronoun = COURTESY[courtesy];
      const officeRole = title.filter((w) => !(bare(w) in COURTESY)).map((w) => SPELLED[w] ?? w).join(' ');
      // One word after a courtesy title is a later mention ("Mr Balls"), not a naming.
      if (ws.length < 2 && !(office && officeRole)) continue;
      if (ws.length > 4 || ROLE_NOUN.has(bare(ws[0])) || (ws.length === 1 && ROLE_NOUN.has(bare(ws[0])))) continue;
      let role: string | undefined = officeRole || undefined;
      let person = !!title.length || !!dotted;
      if (!title.length) {
        const before = roleBefore(t, at);
        if (before) ((role = before.role), (person = true));
      }
      const after = appositionAfter(t, end);
      if (after !== undefined) {
        person = true;
        if (after && !role) role = after;
        else if (after && role) role = after.length > role.length ? after : role;
      }
      const tail = t.slice(end, end + 80);
      const said = SAYS_NEXT.test(tail) || SAYS_BEFORE.test(t.slice(Math.max(0, at - 20), at));
      const of = /^\s+of\s+((?:the\s+)?\p{Lu}[\p{L}&'’-]*(?:\.\p{Lu}\.?)*(?:\s+(?:of\s+|and\s+|&\s+)?\p{Lu}[\p{L}&'’-]*(?:\.\p{Lu}\.?)*){0,5})/u.exec(tail);
      // "Byron Nimocks of E.F. Hutton Group said": the affiliation sits between the name and its verb.
      const ofSaid = of && SAYS_AFTER_AFFILIATION.test(tail.slice(of.index + of[0].length));
      if (!person && (said || ofSaid) && of && ws.length >= 2) ((person = true), (role = `of ${clean(of[1])}`));
      if (role) {
        if (FEMALE_ROLE.test(role)) naming.pronoun ??= 'she';
        else if (MALE_ROLE.test(role)) naming.pronoun ??= 'he';
        naming.role = role;
      }
      if (person) namings.push(naming);
      // "said Societe Generale economist Alain Marais": a run before a role noun is the employer.
      else if (said && ws.length >= 2 && !ROLE_NOUN.has(bare(/^\s*([\p{L}-]+)/u.exec(tail)?.[1] ?? ''))) spoken.push(naming);
    }
  }
  return { namings, spoken };
}

/** Whether `short` names the same person as `full`: same surname and compatible first names. */
function sameName(full: string, short: string): boolean {
  const f = partsOf(full);
  const s = partsOf(short);
  if (f.surname !== s.surname) return false;
  // The given names: the words before as many words as the full name's surname has.
  if (s.words.length <= f.surnameWords || f.words.length <= f.surnameWords) return true;
  const gf = f.words[0];
  const gs = s.words[0];
  return gs[0] === gf[0] && (gs.replace(/\.$/, '').length === 1 || gf.replace(/\.$/, '').length === 1 || gs === gf);
}

/** "He said" or "she said" in the sentence after the next full stop, or "He"/"She" opening the next sentence or clause. */
/** Expressions built on SAYS, compiled once (each was built anew for every name read). */
const CLAUSE_OPENS = new RegExp(`^(?:${SAYS}|who|whose|whom|which|where|is|was|has|had|will|would)\\b`, 'i');
const SAYS_WORD = new RegExp(`\\s${SAYS}\\b`, 'u');
const SAYS_NEXT = new RegExp(`^\\s+${SAYS}\\b`, 'u');
/** "…of Nikko Securities Co Ltd, said": the verb after an affiliation, a comma between them or not. */
const SAYS_AFTER_AFFILIATION = new RegExp(`^,?\\s+${SAYS}\\b`, 'u');
const SAYS_BEFORE = new RegExp(`\\b${SAYS}\\s+$`, 'u');
const TITLE_WORD = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Sir|Dame|Lord|Lady)\.?$/;
const PRONOUN_SAYS = new RegExp(`^[^.]*\\.[^.]*\\b(?:he|she)\\s+${SAYS}\\b|^[^.]*[.,]\\s*(?:He|She)\\s`, 'u');

/** A surname alone: not right after a letter or hyphen (a space between allowed), not followed by a letter or another capitalised word. */
const SURNAME_BEFORE = part(String.raw`(?<![\p{L}-]\s?)`);
const SURNAME_AFTER = part(String.raw`(?![\p{L}'’-]|\s+\p{Lu})`);

/** Every person the document names, each once with the fullest form of the name and its role. */
export function namedPeople(doc: PeopleSource): People {
  const { namings, spoken } = namingsIn(doc);
  const text = doc.text;
  // A speaker the text later calls by surname alone, with a title, or as he/she is a person too.
  for (const s of spoken) {
    const sur = surnameOf(s.name);
    const later = text.slice(s.end, s.end + 3000);
    const bySurname = occursBetween(later, sur, SURNAME_BEFORE, SURNAME_AFTER);
    const byPronoun = PRONOUN_SAYS.test(later);
    if (bySurname || byPronoun) namings.push(s);
  }
  namings.sort((a, b) => a.start - b.start);
  const people: People = [];
  // People by surname and, for names of two words or more, by first word: a naming is compared
  // only with the people it could name (a long document names thousands).
  const bySurname = new Map<string, Person[]>();
  const byFirstWord = new Map<string, Person[]>();
  const file = (index: Map<string, Person[]>, key: string, person: Person) => {
    const list = index.get(key);
    if (list) list.push(person);
    else index.set(key, [person]);
  };
  const unfile = (index: Map<string, Person[]>, key: string, person: Person) => {
    const list = index.get(key)!;
    list.splice(list.indexOf(person), 1);
  };
  const fileName = (person: Person) => {
    file(bySurname, surnameOf(person.name), person);
    const ws = words(person.name);
    if (ws.length > 1) file(byFirstWord, ws[0], person);
  };
  const unfileName = (person: Person) => {
    unfile(bySurname, surnameOf(person.name), person);
    const ws = words(person.name);
    if (ws.length > 1) unfile(byFirstWord, ws[0], person);
  };
  for (const n of namings) {
    // Both readings of `sameName` ask for the same surname first.
    let same = (bySurname.get(surnameOf(n.name)) ?? []).filter((p) => sameName(p.name, n.name) || sameName(n.name, p.name));
    // "Sheikh Ali" after "Sheikh Ali al-Khalifa al-Sabah": an office with the given name alone.
    if (!same.length && words(n.name).length === 1 && n.title) same = byFirstWord.get(n.name) ?? [];
    let person = same.length === 1 ? same[0] : undefined;
    if (person && words(n.name).length === 1 && words(person.name)[0] === n.name) {
      person.mentions.push({ start: n.start, end: n.end, form: n.name });
      continue;
    }
    if (!person) {
      person = { name: n.name, first: { start: n.start, end: n.end }, mentions: [] };
      people.push(person);
      fileName(person);
    } else if (words(n.name).length > words(person.name).length) {
      unfileName(person);
      person.name = n.name;
      person.first = { start: n.start, end: n.end };
      fileName(person);
    }
    if (n.role && !person.role) person.role = n.role;
    if (n.pronoun && !person.pronoun) person.pronoun = n.pronoun;
  }
  // Mentions: every full form and every surname (with its title), once a person is named.
  const namingsBySurname = new Map<string, Naming[]>();
  for (const n of namings) {
    const sur = surnameOf(n.name);
    const list = namingsBySurname.get(sur);
    if (list) list.push(n);
    else namingsBySurname.set(sur, [n]);
  }
  for (const person of people) {
    const sur = surnameOf(person.name);
    for (const p of doc.paragraphs) {
      for (const m of surnameMentions(p.text, sur)) {
        let form = m[0];
        let start = p.start + (m.index ?? 0);
        // Keep only the words that belong to this name: "Yesterday Ed Balls" → "Ed Balls".
        const ws = form.split(/\s+/);
        while (ws.length > 1 && !TITLE_WORD.test(ws[0]) &&
               !sameName(person.name, ws.join(' '))) {
          const cut = /^\S+\s+/.exec(form)![0].length;
          form = form.slice(cut);
          start += cut;
          ws.shift();
        }
        if (ws.length > 1 && !/^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Sir|Dame|Lord|Lady)\.?$/.test(ws[0]) && !sameName(person.name, ws.join(' '))) continue;
        const end = start + form.length;
        // A surname another person shares is this person's only where the full form says so.
        const rivals = (bySurname.get(sur) ?? []).filter((o) => o !== person && o.first.start <= start);
        if (rivals.length && !(ws.length > 1 && sameName(person.name, ws.filter((w) => !/^(?:Mr|Mrs|Ms|Dr)\.?$/.test(w)).join(' ')) &&
            ws.filter((w) => !/^(?:Mr|Mrs|Ms|Dr)\.?$/.test(w)).length > 1)) continue;
        if (start < person.first.start && !(start <= person.first.start && end >= person.first.end)) {
          // A surname before the fullest form counts only when a shorter naming came first.
          if (!(namingsBySurname.get(sur) ?? []).some((n) => n.start <= start && sameName(person.name, n.name))) continue;
        }
        person.mentions.push({ start, end, form: clean(form) });
      }
    }
    person.mentions.sort((a, b) => a.start - b.start);
    // "Mr Balls" says "he" even where the naming had no title.
    const titled = person.mentions.map((m) => COURTESY[bare(m.form.split(' ')[0])]).find(Boolean);
    if (titled && !person.pronoun) person.pronoun = titled;
    if (!person.mentions.some((m) => m.start <= person.first.start && m.end >= person.first.end)) {
      person.mentions.push({ ...person.first, form: clean(text.slice(person.first.start, person.first.end)) });
      person.mentions.sort((a, b) => a.start - b.start);
    }
  }
  // Not enumerable: the list stays a plain list of people when compared or written as JSON.
  Object.defineProperty(people, 'sentenceStarts', { value: sentenceStarts(doc), enumerable: false });
  return people;
}

/** Every mention of `people` by start, with whose it is and its place in that person's list (built once per list). */
interface Filed {
  person: number;
  k: number;
  m: Mention;
}
const filed = new WeakMap<People, Filed[]>();

/**
 * The mentions wholly inside `from`–`to`, each with its person, in the order of `people` and of
 * each person's mentions (what filtering every person's mentions gives), found by offset: a long
 * document names thousands of people and has as many sentences.
 */
export function mentionsWithin(people: People, from: number, to: number): Array<{ p: Person; m: Mention }> {
  let all = filed.get(people);
  if (!all) {
    all = people.flatMap((p, person) => p.mentions.map((m, k) => ({ person, k, m })));
    all.sort((a, b) => a.m.start - b.m.start);
    filed.set(people, all);
  }
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].m.start < from) lo = mid + 1;
    else hi = mid;
  }
  const inside: Filed[] = [];
  for (let i = lo; i < all.length && all[i].m.start <= to; i++) if (all[i].m.end <= to) inside.push(all[i]);
  inside.sort((a, b) => a.person - b.person || a.k - b.k);
  return inside.map((f) => ({ p: people[f.person], m: f.m }));
}

// ─── Mentions of a surname ──────────────────────────────────────────────────────────────────────

const MENTION_TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Sir|Dame|Lord|Lady)`;

/**
 * The expression a surname's mentions match: a title or up to three capitalised words before it
 * ("Mr Balls", "Ed Balls", "Yesterday Ed Balls"), a suffix after it, no letter right after.
 */
export function mentionPattern(sur: string): RegExp {
  return new RegExp(
    `(?:(?:\\b${MENTION_TITLE}\\.?${SP})|(?:(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*)${SP}){0,3})?${escapeRegExp(sur).replace(/ /g, SP)}(?:${SP}${SUFFIX}(?![\\p{L}]))?(?![\\p{L}'’-])`,
    'gu',
  );
}

// The parts of that expression, compiled once: each surname's own expression took most of the
// time of reading a newswire story's people (its letter classes compiled anew for every name).
const TITLE_AT = new RegExp(String.raw`\b${MENTION_TITLE}\.?${SP}`, 'uy');
const CAPITAL_WORD_AT = new RegExp(String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*)${SP}`, 'uy');
const SPACE_AT = new RegExp(SP, 'uy');
const AFTER_AT = new RegExp(String.raw`(?:${SP}${SUFFIX}(?![\p{L}]))?(?![\p{L}'’-])`, 'uy');
const UPPER = /\p{Lu}/u;

function at(re: RegExp, text: string, i: number): number | undefined {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : undefined;
}

/** Where the surname's words (`ws`, one space or line break between them) end when they start at `i`. */
function surnameAt(text: string, i: number, ws: readonly string[]): number | undefined {
  if (!text.startsWith(ws[0], i)) return undefined;
  let end = i + ws[0].length;
  for (let k = 1; k < ws.length; k++) {
    const next = at(SPACE_AT, text, end);
    if (next === undefined || !text.startsWith(ws[k], next)) return undefined;
    end = next + ws[k].length;
  }
  return end;
}

/**
 * Where a mention that starts at `i` ends, as `mentionPattern` tries it there: the title, then
 * three, two, one and no capitalised words before the surname, then what may follow it. Each part
 * has one way to match that can be followed by a word (a shorter space would leave a space before
 * it, a shorter word a letter), so these are all the ways the expression has.
 */
function mentionAt(text: string, i: number, ws: readonly string[]): number | undefined {
  const before: number[] = [];
  const title = at(TITLE_AT, text, i);
  if (title !== undefined) before.push(title);
  const words: number[] = [];
  for (let q: number | undefined = i; words.length < 3 && (q = at(CAPITAL_WORD_AT, text, q)) !== undefined; ) words.push(q);
  before.push(...words.reverse(), i);
  for (const q of before) {
    const end = surnameAt(text, q, ws);
    const after = end === undefined ? undefined : at(AFTER_AT, text, end);
    if (after !== undefined) return after;
  }
  return undefined;
}

const upperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(String.fromCodePoint(text.codePointAt(i)!));
};

/**
 * What `text.matchAll(mentionPattern(sur))` finds (the mention and where it starts), without
 * compiling an expression for the surname: left to right, each match the one that starts first,
 * the next searched from its end.
 */
export function surnameMentions(text: string, sur: string): Array<{ 0: string; index: number }> {
  if (!sur) return [...text.matchAll(mentionPattern(sur))].map((m) => ({ 0: m[0], index: m.index ?? 0 }));
  const ws = sur.split(' ');
  const out: Array<{ 0: string; index: number }> = [];
  // A mention holds the surname: none starts after its last occurrence.
  const last = text.lastIndexOf(ws[0]);
  for (let i = 0; i <= last; ) {
    const c = text.charCodeAt(i);
    // A Unicode expression never starts a match inside a surrogate pair.
    const inPair = c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    const end = !inPair && (upperAt(text, i) || text.startsWith(ws[0], i)) ? mentionAt(text, i, ws) : undefined;
    if (end === undefined) {
      i++;
      continue;
    }
    out.push({ 0: text.slice(i, end), index: i });
    i = end;
  }
  return out;
}

// ─── Resolving later mentions ───────────────────────────────────────────────────────────────────

/**
 * The person a short form names at offset `at` ("Mr Balls", "Balls", "Ms Lomax", "Ed Balls"):
 * exactly one person named before `at` (or at it) whose surname and given names match; undefined
 * when none or several do.
 */
export function resolvePerson(people: readonly Person[], form: string, at: number): Person | undefined {
  const ws = words(form).filter((w) => !(bare(w) in COURTESY) && !OFFICE.has(bare(w)));
  if (!ws.length) return undefined;
  const short = ws.join(' ');
  const matches = people.filter((p) => p.first.start <= at + form.length && (sameName(p.name, short) || p.name === short));
  if (matches.length !== 1) return undefined;
  const courtesy = bare(words(form)[0]);
  const pronoun = courtesy in COURTESY ? COURTESY[courtesy] : undefined;
  if (pronoun && matches[0].pronoun && pronoun !== matches[0].pronoun) return undefined;
  return matches[0];
}

/**
 * Whom "he"/"she" at offset `at` refers to: the person mentioned last before `at`, when no other
 * person is mentioned in the same or the previous sentence (a pronoun between two names is left
 * unresolved). With `pronoun`, a person whose title or role says otherwise is not a candidate.
 */
export function lastNamedBefore(people: People, at: number, pronoun?: 'he' | 'she'): Person | undefined {
  const fits = (p: Person) => !pronoun || !p.pronoun || p.pronoun === pronoun;
  let last: { person: Person; start: number } | undefined;
  for (const person of people) {
    for (const m of person.mentions) if (m.end <= at && (!last || m.start > last.start)) last = { person, start: m.start };
  }
  if (!last) return undefined;
  const starts = people.sentenceStarts ?? [];
  const here = starts.filter((s) => s <= at);
  const windowStart = here.length >= 2 ? here[here.length - 2] : here.length ? here[0] : Math.max(0, at - 400);
  const near = people.filter((p) => p.mentions.some((m) => m.end <= at && m.start >= windowStart));
  if (near.length > 1) {
    const fitting = near.filter(fits);
    return pronoun && fitting.length === 1 && near.every((p) => p === fitting[0] || p.pronoun) ? fitting[0] : undefined;
  }
  return fits(last.person) ? last.person : undefined;
}
