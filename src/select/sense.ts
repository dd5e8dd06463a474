/**
 * Which sense of a topic the deck means. A word names different subjects in different stories:
 * "Gulf" the Persian Gulf of Iran's war and the Gulf of Mexico's barges, "refineries" of crude oil
 * and of copper, "interest rates" of central banks and of credit cards. The deck says which it
 * means with its other words: its other topics and its title ("Iran, the Gulf and oil supplies").
 * When most of a topic's stories name one of those words (in the headline or lead, in a sentence
 * that names the topic too, or by the folder the corpus files them in), the few that name none are
 * about the word in another sense, and count as passing mentions: a slide takes their lines only
 * when the corpus has nothing else on the topic.
 */
import type { EvidenceIndex } from './evidence-index.ts';
import { STORY, type Subject } from './subject.ts';
import { wordsOf, type CorpusWords, type Word } from './words.ts';
import { demonymsOf } from '../corpus/actors.ts';

/** Share of a topic's stories that must name the deck's other words for them to set its sense. */
export const SENSE_SHARE = 2 / 3;
/** Stories a topic needs for a share of them to say anything. */
const SENSE_STORIES = 3;
/** The most stories read (the most relevant), as a slide reads them. */
const SENSE_READ = 1_000;

/**
 * The documents about `topic` in another sense than the deck's; empty when the deck's other words
 * do not set one (fewer than SENSE_SHARE of its stories name them).
 */
export function otherSense(
  deck: { title: string; topics: readonly string[] },
  topic: string,
  subject: Subject,
  subjectOf: (request: { topic: string }) => Subject,
  words: CorpusWords,
  index: Pick<EvidenceIndex, 'ofDocuments'>,
  head: (doc: string) => { title: string; lead?: string },
  /** Reads the heads of these documents at once, ahead of `head` asking for each. */
  prefetchHeads: (docs: Iterable<string>) => void = () => {},
): Set<string> {
  const content = (text: string) => wordsOf(text.replace(/[-_]+/g, ' ')).filter((w) => !words.isStop(w.lower));
  const own = new Set(content(topic).map((w) => w.stem));
  const others = deck.topics.filter((t) => t !== topic);
  // The deck's other words: its other topics', and its title's (words of letters, not the topic's).
  // (A country is named by its adjective too: a "Japanese economist" on the yen speaks of Japan's.)
  const named = [...others.flatMap((t) => content(t)), ...content(deck.title).filter((w) => w.text.length > 2 && /^\p{L}+$/u.test(w.text))];
  const context = new Set(
    [...named, ...wordsOf(named.flatMap((w) => (/^\p{Lu}/u.test(w.text) ? demonymsOf(w.text) : [])).join(' '))]
      .map((w) => w.stem)
      .filter((stem) => !own.has(stem)),
  );
  // (The deck's word as the deck uses it: "to supply those ships" is a verb, not the title's "oil
  // supplies"; a word in lower case right after "to" is one.)
  const names = (ws: readonly Word[]) => ws.some((w, i) => context.has(w.stem) && !(i > 0 && ws[i - 1].lower === 'to' && /^\p{Ll}/u.test(w.text)));
  const off = new Set<string>();
  if (!context.size) return off;
  const stories = [...subject.documents].filter(([, w]) => w >= STORY).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SENSE_READ).map(([d]) => d);
  if (stories.length < SENSE_STORIES) return off;
  const otherSubjects = others.map((t) => subjectOf({ topic: t }));
  // What costs nothing first (the folder, the other topics' documents, the headline and lead);
  // the sentences are read only of the stories those leave undecided.
  prefetchHeads(stories);
  const undecided = stories.filter((doc) => {
    const { title, lead } = head(doc);
    return !(filedUnder(doc, context) || otherSubjects.some((o) => o.documents.has(doc)) || names(wordsOf(`${title} ${lead ?? ''}`)));
  });
  for (const [doc, claims] of index.ofDocuments(undecided)) {
    const named = claims.some((c) => {
      const ws = words.words(c);
      return ws.some((w) => own.has(w.stem)) && names(ws);
    });
    if (!named) off.add(doc);
  }
  if (stories.length - off.size < SENSE_SHARE * stories.length) off.clear();
  return off;
}

/** Whether a corpus filed by subject puts a document under a folder named by one of `stems` (`ship/006`). */
export function filedUnder(doc: string, stems: ReadonlySet<string>): boolean {
  return doc.split('/').slice(0, -1).some((folder) => wordsOf(folder.replace(/[-_]+/g, ' ')).some((w) => stems.has(w.stem)));
}
