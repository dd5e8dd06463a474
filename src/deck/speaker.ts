/**
 * A quote's speaker as the slide names them: the role the article gives, with the country it
 * holds an office of when the role does not say and the article's headline names one country
 * only ("Paul Keating, Treasurer" in "AUSTRALIA'S KEATING CHANGES ECONOMIC FORECASTS" is
 * Australia's Treasurer). Nothing is added that the article does not state; a headline naming
 * no country, or two, adds nothing (a lead may name the country a speaker talks about). A
 * company's office written in lower case for no organisation ("Robert Lutz, executive vice
 * president") is held at the company the story's lead opens on ("Chrysler Corp <C> will begin
 * selling…"), named as the lead names it.
 */
import { findActors, placesIn } from '../corpus/actors.ts';
import { ORG_WORD } from '../corpus/people.ts';
import { datelineLength, fromCapitals } from '../text.ts';

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

/** The role with the company in brackets ("executive vice president (Chrysler Corp)"), or the role as it is. */
export function roleWithCompany(role: string | undefined, lead: string | undefined): string | undefined {
  if (!role || !lead || /\p{Lu}/u.test(role) || !CORPORATE_OFFICE.test(role)) return role;
  const company = LEAD_COMPANY.exec(lead.slice(datelineLength(lead)));
  return company ? `${role} (${company[1]})` : role;
}
/** An office held at a company: "executive vice president", "chairman", "chief financial officer". */
const CORPORATE_OFFICE = /\b(?:president|chairman|chairwoman|director|officer|executive|spokesman|spokeswoman|treasurer|manager|partner|economist|analyst)\b/;
/** A wire's lead opening on a company: its name up to "Corp", "Inc", "Ltd"… or a ticker ("Chrysler Corp <C>"). */
const LEAD_COMPANY = /^((?:\p{Lu}[\p{L}&.'’-]*\s+){0,4}(?:Corp|Corporation|Inc|Co|Ltd|Plc|PLC|AG|SA|NV|Group|Holdings)\b\.?)(?:\s*<[A-Z.]+>)?/u;
