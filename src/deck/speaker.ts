/**
 * A quote's speaker as the slide names them: the role the article gives, with the country it
 * holds an office of when the role does not say and the article's headline names one country
 * only ("Paul Keating, Treasurer" in "AUSTRALIA'S KEATING CHANGES ECONOMIC FORECASTS" is
 * Australia's Treasurer). Nothing is added that the article does not state; a headline naming
 * no country, or two, adds nothing (a lead may name the country a speaker talks about).
 */
import { findActors, placesIn } from '../corpus/actors.ts';
import { ORG_WORD } from '../corpus/people.ts';
import { fromCapitals } from '../text.ts';

/** The role with the office's country in brackets ("Treasurer (Australia)"), or the role as it is. */
export function roleWithCountry(role: string | undefined, headline: string): string | undefined {
  if (!role || !publicOffice(role) || findActors(role).length) return role;
  // (A headline in capitals is read as written, for its acronyms, and in title case, for its names.)
  const countries = [...new Set([...placesIn(headline), ...(/\p{Ll}/u.test(headline) ? [] : placesIn(fromCapitals(headline)))])];
  return countries.length === 1 ? `${role} (${countries[0]})` : role;
}

/**
 * Whether a role is a public office the article writes with a capital ("Treasurer", "Economic
 * Planning Secretary", "Prime Minister"), held for no organisation it names ("Chairman of
 * Comalco Ltd", "president of the Bank of Japan" say whose office it is already).
 */
export function publicOffice(role: string): boolean {
  const words = role.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.some((w) => /^\p{Lu}/u.test(w) && ORG_WORD.has(w.toLowerCase()))) return false;
  return words.some((w) => PUBLIC_OFFICE.has(w));
}
const PUBLIC_OFFICE = new Set([
  'President', 'Minister', 'Secretary', 'Treasurer', 'Chancellor', 'Senator', 'Congressman', 'Congresswoman',
  'Governor', 'Mayor', 'Ambassador', 'Premier', 'Envoy', 'King', 'Queen', 'Emir', 'Sheikh',
]);
