/**
 * A quote's speaker is named with the country they hold office for when the article's headline
 * says it and the role does not (Reuters-21578 headlines, free for research).
 */
import { describe, expect, it } from 'vitest';
import { publicOffice, roleWithCompany, roleWithCountry } from '../../src/deck/speaker.ts';

describe('a speaker\'s office', () => {
  it('takes the company a wire story\'s lead opens on for an office written for no organisation (Reuters-21578, general: Chrysler)', () => {
    const lead = 'GENEVA, March 2 - Chrysler Corp <C> will begin selling vehicles before the end of this year to Europe.';
    expect(roleWithCompany('executive vice president', lead)).toBe('executive vice president (Chrysler Corp)');
    // a role that names its organisation, a public office, or a lead that opens on no company adds nothing
    expect(roleWithCompany('natural gas analyst with Shearson Lehman Bros', lead)).toBe('natural gas analyst with Shearson Lehman Bros');
    expect(roleWithCompany('Treasurer', lead)).toBe('Treasurer');
    expect(roleWithCompany('executive vice president', 'WASHINGTON, March 2 - U.S. auto sales fell 5 pct in February.')).toBe('executive vice president');
  });
  it('takes the one country the headline names: "Paul Keating, Treasurer" of "AUSTRALIA\'S KEATING CHANGES ECONOMIC FORECASTS"', () => {
    expect(roleWithCountry('Treasurer', "AUSTRALIA'S KEATING CHANGES ECONOMIC FORECASTS")).toBe('Treasurer (Australia)');
    expect(roleWithCountry('Finance Minister', 'BRAZIL CRITICISES ADVISORY COMMITTEE STRUCTURE')).toBe('Finance Minister (Brazil)');
  });
  it('adds nothing a role already says, nor to a role that is no public office, nor from a headline naming no country or two', () => {
    expect(roleWithCountry('Russian President', 'Russia and China')).toBe('Russian President');
    expect(roleWithCountry('natural gas analyst with Shearson Lehman Bros', 'U.S. LNG IMPORTS UNLIKELY')).toBe('natural gas analyst with Shearson Lehman Bros');
    expect(roleWithCountry('President', 'AQUINO ANNOUNCES LAND REFORM PLANS')).toBe('President');
    expect(roleWithCountry('Trade Minister', 'JAPAN AND U.S. SET TO BEGIN TRADE TALKS')).toBe('Trade Minister');
    expect(roleWithCountry(undefined, 'JAPAN')).toBeUndefined();
  });
  it('reads a public office as one the article writes with a capital and for no organisation it names', () => {
    expect(publicOffice('Economic Planning Secretary')).toBe(true);
    expect(publicOffice('Chairman of Comalco Ltd')).toBe(false);
    expect(publicOffice('Governor of the Bank of Japan')).toBe(false);
    expect(publicOffice('company secretary')).toBe(false);
  });
});
