/**
 * A word the source misspelt ("reactnng", "sinnificantly"): verbatim lines keep their source's
 * typos, so a line holding one stays off slides when others can make its point. A misspelling is
 * a lower-case word of six letters or more that is not English but one edit away from a word
 * that is (a letter replaced, dropped, added or two swapped), and that the corpus does not know
 * otherwise (`known`: written as a name elsewhere, "taiwan" in a story set in lower case, or in
 * several documents, "libor"). A term of the trade no edit away from an English word
 * ("eurobond") stands.
 */
import { isEnglishWord } from './vocabulary.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The first misspelt word of a text, or undefined. */
export function misspelling(text: string, known: (word: string) => boolean = () => false): string | undefined {
  // A stray letter before a word it starts ("Chinese m markets"): what is left of a word typed twice.
  const stray = /(?<=\p{L}\s)([b-hj-np-z])\s\1\p{L}/u.exec(text);
  if (stray) return stray[1];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Ll}{6,}(?![\p{L}\p{N}'’-])/gu)) {
    const word = m[0];
    if (!/^[a-z]+$/.test(word) || isEnglishWord(word) || known(word)) continue;
    if (oneEditAway(word).some(isEnglishWord)) return word;
  }
  return undefined;
}

function oneEditAway(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.push(head + tail.slice(1));
    if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail && c !== tail[0]) out.push(head + c + tail.slice(1));
      out.push(head + c + tail);
    }
  }
  return out;
}
