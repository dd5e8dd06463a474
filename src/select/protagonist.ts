/**
 * Who a story is about, from its lead: the first name the lead gives ("AMCA
 * International Ltd said…", "European Community steelmakers presented…"). A story led by a name
 * the corpus writes in no more than LONE_STORIES documents (a small company's notice, one mine's
 * reserves) is one actor's news; a story led by a name the corpus keeps returning to (a cartel, a
 * government, a market) is part of what the corpus is about. A deck on a subject states the
 * second kind first.
 */
import { datelineLength } from '../text.ts';
import { ROLE_NOUN } from '../corpus/people.ts';
import { gazetteerForms } from '../corpus/actors.ts';
import { stem, wordsOf, type CorpusWords, type Word } from './words.ts';

/** The possessive ending of a name: "Lanterns'", "Sayle's". */
const POSSESSIVE_END = /['’]s?$/;

/** A name found in at most this many documents belongs to one story (and perhaps a follow-up). */
export const LONE_STORIES = 2;

/** …and in at most this share of the corpus: in a corpus of five long analyses, two documents are many. */
export const LONE_SHARE = 0.1;

/** The weight of a story led by such a name against one led by a name the corpus returns to. */
export const LONE_ACTOR = 0.6;

/** Words that name a body of government in a name: "Ministry", "Department", "Treasury". */
const PUBLIC_BODY = new Set(['ministry', 'department', 'government', 'treasury', 'parliament', 'congress', 'senate', 'cabinet', 'commission', 'agency', 'authority', 'administration']);

/** Words of the lead read for its first name: a lead names its subject early, in its first sentence. */
const LEAD_WORDS = 12;

/**
 * The lead's first name among its first LEAD_WORDS words, as the words it is written with (a run of names: "AMCA International
 * Ltd"); undefined when its first words name no one ("Soybean imports are forecast to rise").
 * A word counts as a name when the corpus writes it capitalised mid-sentence nearly every time,
 * or is an acronym; the lead's first word also when the corpus never writes it in lower case.
 * A name right after a role ("governor Chang Chi-cheng") is a person speaking for an office: the
 * office is who the story is about, and it has no name here (undefined).
 */
export function protagonistOf(lead: string, words: CorpusWords): Word[] | undefined {
  const text = lead.slice(datelineLength(lead));
  const ws = wordsOf(text).slice(0, LEAD_WORDS);
  const named = (w: Word, i: number) =>
    /^\p{Lu}/u.test(w.text) && !words.isStop(w.lower) && (/^\p{Lu}{2,}/u.test(w.text) || words.isName(w.text) || (i === 0 && words.neverLower(w.text)));
  const start = ws.findIndex(named);
  if (start < 0) return undefined;
  // "Central bank governor Chang Chi-cheng said…": a person in an office speaks for the office,
  // which the story is about.
  if (start > 0 && ROLE_NOUN.has(ws[start - 1].lower)) return undefined;
  const run = [ws[start]];
  for (let i = start + 1; i < ws.length && /^\p{Lu}/u.test(ws[i].text) && /^[\s.&'’-]*$/.test(text.slice(ws[i - 1].end, ws[i].start)); i++) run.push(ws[i]);
  // ("Prime Minister Rajiv Gandhi's budget…": the role in capitals says so too.)
  if (run.some((w) => ROLE_NOUN.has(w.lower))) return undefined;
  return run;
}

/**
 * A story's weight by its lead's protagonist: LONE_ACTOR when the corpus names it in at most
 * LONE_STORIES documents and LONE_SHARE of them (each word of the name counted, the rarest
 * deciding), 1 otherwise or when the lead names no one.
 */
export function protagonistWeight(lead: string | undefined, words: CorpusWords): number {
  if (!lead) return 1;
  const name = protagonistOf(lead, words)?.filter((w) => !words.isStop(w.lower) && w.text.length > 1);
  if (!name?.length) return 1;
  // A country or a public body ("Cuba has told sugar operators…", "The Ministry of International
  // Trade and Industry acted…") acts for more than itself, however rarely the corpus names it.
  const whole = name.map((w) => w.text).join(' ');
  if (gazetteerForms(whole).includes(whole) || name.some((w) => PUBLIC_BODY.has(w.lower))) return 1;
  // (A possessive is its name's: "The Lanterns' first single" is the Lanterns', in either form.)
  const documentsOf = (w: Word) => {
    const plain = POSSESSIVE_END.test(w.text) ? stem(w.text.replace(POSSESSIVE_END, '')) : w.stem;
    return words.documentFrequency(plain) + (plain === w.stem ? 0 : words.documentFrequency(w.stem));
  };
  const documents = Math.min(...name.map(documentsOf));
  return documents <= LONE_STORIES && documents <= LONE_SHARE * words.documents ? LONE_ACTOR : 1;
}
