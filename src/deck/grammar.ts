/**
 * The little grammar compression needs, from wink-nlp's part-of-speech tagger: whether a piece of
 * text still reads as a clause (has a verb) after words before it were deleted.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let nlp: ReturnType<typeof winkNLP> | undefined;

function tagger(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}

/** Part-of-speech tags of the words in `text`. */
export function posTags(text: string): string[] {
  const n = tagger();
  return n.readDoc(text).tokens().out(n.its.pos) as string[];
}

/** True when `text` has a finite verb and opens like a subject, so it can stand as a sentence. */
export function isClause(text: string): boolean {
  const tags = posTags(text);
  const first = tags[0];
  const opens = ['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ'].includes(first ?? '');
  return opens && tags.some((t) => t === 'VERB' || t === 'AUX');
}
