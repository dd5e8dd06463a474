/**
 * Actors of a sentence: gazetteer names (canonicalised, so "Moscow" and "the Kremlin" both count
 * as Russia), titled people ("President Vladimir Putin") and "Full Name (ACRONYM)" organisations.
 */
import { ACTORS, TITLES } from './gazetteer.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const canonicalOf = new Map<string, string>();
for (const [canonical, forms] of Object.entries(ACTORS)) for (const f of forms) canonicalOf.set(f, canonical);
const forms = [...canonicalOf.keys()].sort((a, b) => b.length - a.length);
const GAZETTEER = new RegExp(`(?<![\\p{L}\\d.])(${forms.map(escape).join('|')})(?![\\p{L}\\d]|\\.[\\p{L}])`, 'gu');
const TITLED = new RegExp(`\\b(?:${TITLES.map(escape).join('|')})\\s+(\\p{Lu}[\\p{Ll}'’-]+(?:\\s\\p{Lu}[\\p{Ll}'’-]+){1,2})`, 'gu');
const ACRONYM_ORG = /((?:\p{Lu}[\p{L}-]+\s(?:(?:of|for|and|on)\s)?){1,6})\((\p{Lu}{2,8})\)/gu;

export function canonicalActor(name: string): string {
  return canonicalOf.get(name) ?? name;
}

export function findActors(sentence: string): string[] {
  const out = new Set<string>();
  for (const m of sentence.matchAll(GAZETTEER)) out.add(canonicalOf.get(m[1]) ?? m[1]);
  for (const m of sentence.matchAll(TITLED)) out.add(canonicalActor(m[1]));
  for (const m of sentence.matchAll(ACRONYM_ORG)) {
    const acronym = m[2];
    if (!canonicalOf.has(acronym) && !/^(the|The)\b/.test(m[1])) out.add(acronym);
  }
  return [...out];
}
