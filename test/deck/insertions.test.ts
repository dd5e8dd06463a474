/**
 * The one edit besides deletion: a speaker named in brackets from earlier in the same article,
 * on real Reuters-21578 passages (free for research).
 */
import { describe, expect, it } from 'vitest';
import type { Claim, CorpusDocument } from '../../src/model.ts';
import { expandAcronyms, nameOwner, nameSpeaker, withoutInsertions } from '../../src/deck/insertions.ts';
import { documentOf } from '../support/document.ts';

const article = (paragraphs: string[]) => documentOf(paragraphs);
const claimOf = (doc: CorpusDocument, sentence: string): Claim => {
  const start = doc.text.indexOf(sentence);
  return { id: 'c', text: sentence, kind: 'attributed', docId: doc.id, paragraph: 2, start, end: start + sentence.length, figures: [], actors: [], topics: [] };
};

describe('naming a speaker in brackets', () => {
  const doc = article([
    'JAKARTA, March 3 - Zaire has accepted a tin export quota, Victor Siaahan, executive director of the Association of Tin Producing Countries, said.',
    'Siaahan said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.',
    'He said other members had agreed.',
  ]);

  it('puts the full name the article gave earlier for a surname, recording both places', () => {
    const claim = claimOf(doc, 'Siaahan said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.');
    const named = nameSpeaker(doc, claim, claim.text);
    // (With the role the article sets after the name, between commas: one span of its text.)
    expect(named.text).toBe('[Victor Siaahan, executive director of the Association of Tin Producing Countries] said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.');
    expect(named.insertions).toHaveLength(1);
    const [i] = named.insertions;
    expect(doc.text.slice(i.source.start, i.source.end)).toBe('Victor Siaahan, executive director of the Association of Tin Producing Countries');
    expect(nameSpeaker(doc, claim, claim.text, { roles: false }).text).toBe('[Victor Siaahan] said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.');
    expect(doc.text.slice(i.replaces.start, i.replaces.end)).toBe('Siaahan');
    expect(withoutInsertions(named.text, named.insertions)).toBe('said Zaire is expected to produce 1,900 tonnes of tin in calendar 1987.');
  });

  it('names a surname that is not the speaker, a possessive one too', () => {
    const trip = article([
      'BONN, March 3 - Brazilian Finance Minister Dilson Funaro met West German bankers today.',
      "Funaro's trip follows the decision by Brazil to suspend interest payments.",
    ]);
    const claim = claimOf(trip, "Funaro's trip follows the decision by Brazil to suspend interest payments.");
    const named = nameSpeaker(trip, claim, claim.text);
    // with the role the article writes before the name, copied as one span of its text
    expect(named.text).toBe("[Brazilian Finance Minister Dilson Funaro]'s trip follows the decision by Brazil to suspend interest payments.");
    expect(trip.text.slice(named.insertions[0].source.start, named.insertions[0].source.end)).toBe('Brazilian Finance Minister Dilson Funaro');
    expect(trip.text.slice(named.insertions[0].replaces.start, named.insertions[0].replaces.end)).toBe('Funaro');
    expect(withoutInsertions(named.text, named.insertions)).toBe('trip follows the decision by Brazil to suspend interest payments.');
    // where a line has no room for the role, the name alone
    expect(nameSpeaker(trip, claim, claim.text, { roles: false }).text).toBe("[Dilson Funaro]'s trip follows the decision by Brazil to suspend interest payments.");
  });

  it('names "the National Bank" as the article named it before, when it named one such body (Reuters-21578, reserves)', () => {
    const deposits = article([
      'ZURICH, March 2 - Sight deposits by commercial banks at the Swiss National Bank rose by 3.10 billion Swiss francs.',
      'The decline in foreign exchange reserves reflected the dismantling of swap arrangements, the National Bank said.',
    ]);
    const claim = claimOf(deposits, 'The decline in foreign exchange reserves reflected the dismantling of swap arrangements, the National Bank said.');
    const named = nameSpeaker(deposits, claim, claim.text);
    expect(named.text).toBe('The decline in foreign exchange reserves reflected the dismantling of swap arrangements, [Swiss National Bank] said.');
    expect(deposits.text.slice(named.insertions[0].replaces.start, named.insertions[0].replaces.end)).toBe('the National Bank');
    // two such bodies before the line: it stays as written (the test can fail)
    const two = article([
      'The Swiss National Bank and the Austrian National Bank met.',
      'Reserves fell, the National Bank said.',
    ]);
    const line = claimOf(two, 'Reserves fell, the National Bank said.');
    expect(nameSpeaker(two, line, line.text).text).toBe('Reserves fell, the National Bank said.');
  });

  it('names a line\'s opening short name as the article named it before (Reuters-21578, general: "Farmers, with 9.6 mln dlrs in assets…")', () => {
    const failed = article([
      'WASHINGTON, Feb 26 - The FDIC said the deposits of the failed Farmers State Bank, Hart, Tex., were assumed by Hale County State Bank.',
      'Farmers, with 9.6 mln dlrs in assets, was closed by Texas bank regulators.',
    ]);
    const claim = claimOf(failed, 'Farmers, with 9.6 mln dlrs in assets, was closed by Texas bank regulators.');
    // (the corpus writes "farmers" in lower case too; never "viacom")
    const common = (w: string) => /^(?:Farmers|Japan|Comalco)$/.test(w);
    const named = nameSpeaker(failed, claim, claim.text, { common });
    expect(named.text).toBe('[Farmers State Bank], with 9.6 mln dlrs in assets, was closed by Texas bank regulators.');
    expect(failed.text.slice(named.insertions[0].source.start, named.insertions[0].source.end)).toBe('Farmers State Bank');
    expect(withoutInsertions(named.text, named.insertions)).toBe(', with 9.6 mln dlrs in assets, was closed by Texas bank regulators.');
    // a place beside a name that starts with it, and a name that differs only by "Ltd", stay as written
    const airline = article(['TOKYO, March 2 - Japan Air Lines cut fares.', 'Japan said it would open its market.']);
    const japan = claimOf(airline, 'Japan said it would open its market.');
    expect(nameSpeaker(airline, japan, japan.text, { common }).text).toBe('Japan said it would open its market.');
    const results = article(['SYDNEY, March 2 - Comalco Ltd returned to profit.', 'Comalco said the industry suffers from low prices.']);
    const comalco = claimOf(results, 'Comalco said the industry suffers from low prices.');
    expect(nameSpeaker(results, comalco, comalco.text, { common }).insertions).toEqual([]);
    // the middle of a longer name, or an adjective before a noun, is no short name (seed corpus)
    const cnpc = article(['In 2014, Gazprom and the China National Petroleum Corporation signed a deal.', 'National narratives of friendship are far from reality.']);
    const narratives = claimOf(cnpc, 'National narratives of friendship are far from reality.');
    expect(nameSpeaker(cnpc, narratives, narratives.text, { common: () => true }).insertions).toEqual([]);
    // a name the corpus writes only as one says whose already
    const bids = article(['NEW YORK, March 2 - Viacom International Inc received revised offers.', 'Viacom said the offers were raised.']);
    const viacom = claimOf(bids, 'Viacom said the offers were raised.');
    expect(nameSpeaker(bids, viacom, viacom.text, { common }).insertions).toEqual([]);
  });

  it('names in full a speaker or owner the line calls by courtesy title and surname ("Mr Brown told MPs…")', () => {
    // written for this test in a national paper's manner
    const budget = article([
      'Chancellor Gordon Brown has promised to keep a tight grip on public borrowing in his final Budget.',
      'Mr Brown told MPs the economy would grow by between 3% and 3.5% this year.',
      "Mr Brown's forecasts were criticised by the opposition.",
    ]);
    const told = claimOf(budget, 'Mr Brown told MPs the economy would grow by between 3% and 3.5% this year.');
    const named = nameSpeaker(budget, told, told.text);
    expect(named.text).toBe('[Chancellor Gordon Brown] told MPs the economy would grow by between 3% and 3.5% this year.');
    const [i] = named.insertions;
    // (What it replaces is the title and the surname: the line is still a deletion of its source plus the recorded insertion.)
    expect(budget.text.slice(i.replaces.start, i.replaces.end)).toBe('Mr Brown');
    expect(budget.text.slice(i.source.start, i.source.end)).toBe('Chancellor Gordon Brown');
    expect(withoutInsertions(named.text, named.insertions)).toBe('told MPs the economy would grow by between 3% and 3.5% this year.');
    const owner = claimOf(budget, "Mr Brown's forecasts were criticised by the opposition.");
    expect(nameSpeaker(budget, owner, owner.text).text).toBe("[Chancellor Gordon Brown]'s forecasts were criticised by the opposition.");
  });

  it('names "he" when the article leaves no doubt who it is', () => {
    const claim = claimOf(doc, 'He said other members had agreed.');
    expect(nameSpeaker(doc, claim, claim.text).text).toBe('[Victor Siaahan, executive director of the Association of Tin Producing Countries] said other members had agreed.');
  });

  it('leaves a line alone when the name is there in full, or no one can be named for sure', () => {
    const full = claimOf(doc, 'JAKARTA, March 3 - Zaire has accepted a tin export quota, Victor Siaahan, executive director of the Association of Tin Producing Countries, said.');
    expect(nameSpeaker(doc, full, full.text).insertions).toEqual([]);
    const two = article(['Ed Balls and Alistair Darling met bankers.', 'He said rates would stay on hold.']);
    const claim = claimOf(two, 'He said rates would stay on hold.');
    expect(nameSpeaker(two, claim, claim.text)).toEqual({ text: claim.text, insertions: [] });
  });
});

describe('naming the body a wire story reports', () => {
  const doc = article([
    'NEW YORK, FEB 26 - Diamond Shamrock Corp said that effective today it had cut its contract prices for crude oil by 1.50 dlrs a barrel.',
    'The reduction brings its posted price for West Texas Intermediate to 16.00 dlrs a barrel, the company said.',
  ]);

  it('names "the company" with the company the lead reports, recording both places', () => {
    const claim = claimOf(doc, 'The reduction brings its posted price for West Texas Intermediate to 16.00 dlrs a barrel, the company said.');
    const named = nameSpeaker(doc, claim, claim.text);
    expect(named.text).toBe('The reduction brings its posted price for West Texas Intermediate to 16.00 dlrs a barrel, [Diamond Shamrock Corp] said.');
    const [i] = named.insertions;
    expect(doc.text.slice(i.source.start, i.source.end)).toBe('Diamond Shamrock Corp');
    expect(doc.text.slice(i.replaces.start, i.replaces.end)).toBe('the company');
  });

  it('names no body of another kind: "the bank" is not a Corp', () => {
    const bank = article([doc.paragraphs[0].text, 'Rates will stay on hold, the bank said.']);
    const claim = claimOf(bank, 'Rates will stay on hold, the bank said.');
    expect(nameSpeaker(bank, claim, claim.text).insertions).toEqual([]);
  });
});

describe('writing out an acronym the article defined', () => {
  // The seed article "The Continuing Saga of Russia-China Relations"
  const doc = article([
    'Russian policy-makers have realized that Russia’s Far Eastern (RFE) region could play an important role in its integration with the Asia-Pacific Region (APR).',
    'Cooperated efforts to stabilize regional conflicts in Central Asia (CA) continue.',
    'Despite numerous challenges, shared interests in RFE, CA and the Arctic accelerated by international sanctions, the partnership will likely continue to flourish.',
  ]);
  const line = 'Despite numerous challenges, shared interests in RFE, CA and the Arctic accelerated by international sanctions, the partnership will likely continue to flourish.';

  it('puts the defined name in brackets for each acronym, recording both places', () => {
    const claim = claimOf(doc, line);
    const named = expandAcronyms(doc, claim, { text: claim.text, insertions: [] });
    // "Russia’s Far Eastern (RFE) region": RFE stands for a phrase whose noun follows the bracket,
    // so "[Russia’s Far Eastern]" would not read in its place; the whole phrase is copied
    expect(named.text).toBe('Despite numerous challenges, shared interests in [Russia’s Far Eastern (RFE) region], [Central Asia] and the Arctic accelerated by international sanctions, the partnership will likely continue to flourish.');
    expect(named.insertions.map((i) => doc.text.slice(i.source.start, i.source.end))).toEqual(['Russia’s Far Eastern (RFE) region', 'Central Asia']);
    expect(named.insertions.map((i) => doc.text.slice(i.replaces.start, i.replaces.end))).toEqual(['RFE', 'CA']);
    expect(withoutInsertions(named.text, named.insertions)).toBe('Despite numerous challenges, shared interests in , and the Arctic accelerated by international sanctions, the partnership will likely continue to flourish.');
  });

  it('writes out as many acronyms as the line\'s length allows, the first ones first', () => {
    const claim = claimOf(doc, line);
    const words = (t: string) => t.split(/\s+/).length;
    // room for one word more: "[Central Asia]" fits, "[Russia’s Far Eastern (RFE) region]" does not
    const named = expandAcronyms(doc, claim, { text: claim.text, insertions: [] }, words(line) + 1);
    expect(named.text).toContain('in RFE, [Central Asia] and');
    expect(expandAcronyms(doc, claim, { text: claim.text, insertions: [] }, words(line)).insertions).toHaveLength(0);
  });

  it('copies a phrase whose noun follows the bracket in place of the acronym and that noun', () => {
    const regional = article([
      'Russian policy-makers have realized that Russia’s Far Eastern (RFE) region could play an important role.',
      'While the RFE region is heavily dependent on China, Russia’s importance to Chinese markets is relatively minor.',
    ]);
    const claim = claimOf(regional, 'While the RFE region is heavily dependent on China, Russia’s importance to Chinese markets is relatively minor.');
    const named = expandAcronyms(regional, claim, { text: claim.text, insertions: [] });
    expect(named.text).toBe('While [Russia’s Far Eastern (RFE) region] is heavily dependent on China, Russia’s importance to Chinese markets is relatively minor.');
    expect(regional.text.slice(named.insertions[0].replaces.start, named.insertions[0].replaces.end)).toBe('the RFE region');
  });

  it('reads a wire\'s code in angle brackets as a definition, not a headline in capitals (Reuters-21578, general and earn)', () => {
    const lng = article([
      'TAIPEI, Mar 3 - Pertamina has initialled a 20-year contract with Chinese Petroleum Corp <CPC> for the supply of LNG.',
      'CPC is building an LNG receiving terminal in southern Taiwan city of Kaohsiung.',
    ]);
    const claim = claimOf(lng, 'CPC is building an LNG receiving terminal in southern Taiwan city of Kaohsiung.');
    expect(expandAcronyms(lng, claim, { text: claim.text, insertions: [] }).text).toBe('[Chinese Petroleum Corp] is building an LNG receiving terminal in southern Taiwan city of Kaohsiung.');
    const brt = article(['BRT REALTY TRUST <BRT> RAISES QUARTERLY', 'BRT Realty Trust said it raised its quarterly dividend.']);
    const raised = claimOf(brt, 'BRT Realty Trust said it raised its quarterly dividend.');
    expect(expandAcronyms(brt, raised, { text: raised.text, insertions: [] }).insertions).toEqual([]);
  });

  it('leaves an acronym the article did not define before the line, or whose letters the words do not spell', () => {
    const other = article(['The International Monetary Fund (IMF) met. Brazil rejected IMF help.', 'The Organisation of Petroleum Exporting Countries (OPEC) met.']);
    const claim = claimOf(other, 'Brazil rejected IMF help.');
    expect(expandAcronyms(other, claim, { text: claim.text, insertions: [] }).text).toBe('Brazil rejected [International Monetary Fund] help.');
    const early = claimOf(doc, 'Russian policy-makers have realized that Russia’s Far Eastern (RFE) region could play an important role in its integration with the Asia-Pacific Region (APR).');
    expect(expandAcronyms(doc, early, { text: early.text, insertions: [] }).insertions).toHaveLength(0);
    const bad = article(['Trade talks (TT) stalled.', 'TT resumed.']);
    expect(expandAcronyms(bad, claimOf(bad, 'TT resumed.'), { text: 'TT resumed.', insertions: [] }).insertions).toHaveLength(0);
  });
});

describe('saying whose a line\'s subject is, as the lead said (Reuters-21578, jobs and tea)', () => {
  const common = (w: string) => !/^(?:Funaro|Mobil)$/.test(w);
  const jobs = article([
    "TOKYO, March 3 - Japan's seasonally adjusted unemployment rate rose to a record 3.0 pct in January, the government's Management and Coordination Agency said.",
    'Male unemployment in January remained at 2.9 pct, equal to the second-worst level set last December.',
  ]);

  it('puts the lead\'s owner before a line that names no one, recording where it copied it from', () => {
    const claim = claimOf(jobs, 'Male unemployment in January remained at 2.9 pct, equal to the second-worst level set last December.');
    const owned = nameOwner(jobs, claim, claim.text, common);
    expect(owned.text).toBe("[Japan's] male unemployment in January remained at 2.9 pct, equal to the second-worst level set last December.");
    const [i] = owned.insertions;
    expect(jobs.text.slice(i.source.start, i.source.end)).toBe("Japan's");
    expect(i.replaces.start).toBe(i.replaces.end);
    expect(jobs.text.slice(i.replaces.start, i.replaces.start + 4)).toBe('Male');
  });

  it('puts it inside an opening measure: "The value of [Indonesia\'s] crude oil exports…" (Reuters-21578, trade)', () => {
    const trade = article([
      "JAKARTA, March 2 - The total value of Indonesia's exports fell in calendar 1986 to 15.995 billion dlrs, the central bank said.",
      'The value of crude oil exports fell to 7.431 billion dlrs in 1986 from 8.976 billion in 1985.',
    ]);
    const claim = claimOf(trade, 'The value of crude oil exports fell to 7.431 billion dlrs in 1986 from 8.976 billion in 1985.');
    const owned = nameOwner(trade, claim, claim.text, common);
    expect(owned.text).toBe("The value of [Indonesia's] crude oil exports fell to 7.431 billion dlrs in 1986 from 8.976 billion in 1985.");
    expect(trade.text.slice(owned.insertions[0].replaces.start, owned.insertions[0].replaces.start + 5)).toBe('crude');
  });

  it('leaves a line that names someone, one that opens on a name, or a noun the lead qualified otherwise', () => {
    const named = claimOf(jobs, 'Male unemployment in January remained at 2.9 pct, equal to the second-worst level set last December.');
    expect(nameOwner(jobs, named, 'Male unemployment in Osaka remained at 2.9 pct.', common).insertions).toEqual([]);
    const funaro = article(["BRASILIA, March 2 - Brazil's finance minister Dilson Funaro left for Europe.", 'Funaro said talks went well.']);
    const f = claimOf(funaro, 'Funaro said talks went well.');
    expect(nameOwner(funaro, f, f.text, common).insertions).toEqual([]);
    const tea = article([
      "JAKARTA, March 2 - Indonesia's exports of tea and cocoa will continue to rise in calendar 1987, the U.S. Embassy said.",
      'Exports in 1985/86 were 4.67 mln bags.',
    ]);
    const coffee = claimOf(tea, 'Exports in 1985/86 were 4.67 mln bags.');
    expect(nameOwner(tea, coffee, coffee.text, common).insertions).toEqual([]);
    // two owners in the story: whose is not sure
    const two = article([
      "BONN, March 3 - West Germany's unemployment rate rose, while France's unemployment fell.",
      'Male unemployment remained at 2.9 pct.',
    ]);
    const m = claimOf(two, 'Male unemployment remained at 2.9 pct.');
    expect(nameOwner(two, m, m.text, common).insertions).toEqual([]);
  });
});
