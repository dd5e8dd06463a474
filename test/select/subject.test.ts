/**
 * A line sits under a section only when the sentence itself names the section's subject. Real
 * sentences from the seed articles and from Reuters-21578 (free for research) stand for the rules.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/model.ts';
import { aboutness, findTerm, inflection, inScope, namesSubject, scopeOf, subjectOf, termOf, toldWith, STORY } from '../../src/select/subject.ts';
import { setsIn } from '../../src/select/index.ts';
import { corpusWords, headlineWords, wordsOf } from '../../src/select/words.ts';
import { findActors } from '../../src/corpus/actors.ts';

let n = 0;
const claim = (docId: string, text: string, paragraph = 2): Claim => ({
  id: `${docId}:p${paragraph}:s${++n}`, text, kind: 'fact', docId, paragraph, start: 0, end: text.length, figures: [], actors: [], topics: [],
});

const corpus = [
  claim('crude/001', 'Diamond Shamrock Corp said that effective today it had cut its contract prices for crude oil by 1.50 dlrs a barrel.', 1),
  claim('crude/002', 'OPEC is producing well within its output ceiling of 15.8 mln barrels per day, Indonesian Oil Minister Subroto said.', 1),
  claim('crude/002', 'Spot oil prices have fallen in recent weeks to more than one dlr below OPEC levels.'),
  claim('crude/003', 'Kuwait said there were no plans for an emergency OPEC meeting to review oil prices.', 1),
  claim('veg-oil/001', 'Export duty on crude palm oil was unchanged at 16.06 ringgit per tonne.', 1),
  claim('grain/001', 'Grain traders continued to speculate that the administration will offer subsidized wheat to the Soviet Union.', 1),
  claim('acq/001', 'Underwriters are led by Union Bank of Switzerland.', 1),
  claim('acq/002', 'The company said its latest contract offer was rejected by union negotiators.', 1),
  claim('politics/001', 'Labour would keep its pledge not to raise income tax, the party said.', 1),
  claim('business/001', 'Around 80% of the firm\'s costs are labour, its owner said.', 1),
  claim('politics/002', 'The Labour leader said the party would fight the election on the economy.', 1),
];
const words = corpusWords(corpus);
const about = (topic: string, c: Claim) => aboutness(subjectOf({ topic }, corpus, words), words.words(c), c.docId);

describe('a sentence about a subject', () => {
  it('does not take a place named after a country for the country: "the Gulf of Mexico", "New Mexico" (Reuters-21578, general: Gulf Coast oil)', () => {
    const mexico = { ...termOf('Mexico'), proper: true };
    expect(findTerm(mexico, wordsOf('Pogo Producing Co explores in the Gulf Coast and Gulf of Mexico areas.'))).toBe(-1);
    expect(findTerm(mexico, wordsOf('Voters in New Mexico backed the plan.'))).toBe(-1);
    expect(findTerm(mexico, wordsOf('Japan lent 500 mln dlrs to Mexico.'))).toBeGreaterThanOrEqual(0);
  });
  it('matches a topic as a phrase, in any inflection, in either order across "of"', () => {
    const t = termOf('oil prices');
    expect(findTerm(t, wordsOf('Spot oil prices have fallen in recent weeks.'))).toBeGreaterThanOrEqual(0);
    expect(findTerm(t, wordsOf('a plan to review the price of oil'))).toBeGreaterThanOrEqual(0);
    expect(findTerm(t, wordsOf('Export duty on crude palm oil was unchanged at 16.06 ringgit per tonne.'))).toBe(-1);
    expect(about('oil prices', corpus[2])).toBe(1);
    expect(about('oil prices', corpus[4])).toBe(0);
  });

  it('matches a name case-sensitively: Labour the party, not labour costs', () => {
    expect(about('Labour', corpus[10])).toBe(1);
    expect(about('Labour', corpus[9])).toBe(0);
  });

  it('does not take a topic noun used as a verb for the subject: "could influence" is not influence', () => {
    const t = termOf('influence');
    expect(findTerm(t, wordsOf('Moscow’s growing anxiety could influence prospects of future cooperation.'))).toBe(-1);
    expect(findTerm(t, wordsOf('China’s influence in Central Asia has grown.'))).toBeGreaterThanOrEqual(0);
  });

  it('takes a place\'s adjective for the place: "Japanese chipmakers" are Japan\'s, "Indiana" is not India (Reuters-21578, trade)', () => {
    const lines = [
      claim('trade/008', 'MITI said Japan would tighten chip export curbs.', 1),
      claim('trade/008', 'U.S. officials have complained that Japanese chipmakers continue to sell at below cost.'),
      claim('grain/009', 'Farmers in Indiana planted more corn.'),
      claim('trade/009', 'India and Japan signed a trade pact.', 1),
    ];
    const w = corpusWords(lines);
    expect(aboutness(subjectOf({ topic: 'Japan' }, lines, w), w.words(lines[1]), 'trade/008')).toBeGreaterThan(0);
    expect(namesSubject(subjectOf({ topic: 'Japan' }, lines, w), w.words(lines[1]), 'trade/008')).toBe(true);
    expect(aboutness(subjectOf({ topic: 'India' }, lines, w), w.words(lines[2]), 'grain/009')).toBe(0);
  });
  it('takes a country\'s own adjective from the gazetteer, not one that opens a name or a seat of power\'s (Reuters-21578, trade and acq)', () => {
    const lines = [
      claim('trade/020', 'British exports of machinery rose 12 pct in January.'),
      claim('trade/021', 'British Prime Minister Margaret Thatcher said the talks went well.'),
      claim('acq/020', 'American Express Co said its Shearson unit named a new director.'),
      claim('acq/021', 'Russian gas deliveries rose.'),
      claim('trade/022', 'The UK trade gap widened.', 1),
    ];
    const w = corpusWords(lines);
    const uk = subjectOf({ topic: 'UK' }, lines, w);
    expect(namesSubject(uk, w.words(lines[0]), 'trade/020')).toBe(true);
    expect(namesSubject(uk, w.words(lines[1]), 'trade/021')).toBe(true);
    expect(namesSubject(subjectOf({ topic: 'United States' }, lines, w), w.words(lines[2]), 'acq/020')).toBe(false);
    // "Russian" names Russia, not "the Kremlin" that stands for it
    expect(namesSubject(subjectOf({ topic: 'Kremlin' }, lines, w), w.words(lines[3]), 'acq/021')).toBe(false);
    expect(namesSubject(subjectOf({ topic: 'Russia' }, lines, w), w.words(lines[3]), 'acq/021')).toBe(true);
  });
  it('counts a story that names a place only by its adjective among its documents, never as a story about it (Reuters-21578, money-fx)', () => {
    const lines = [
      claim('money-fx/011', 'The yen should stabilize at around 152 to 153 to the dollar, the Bank of Tokyo\'s adviser said.', 1),
      claim('money-fx/011', 'The major target of the Japanese government is to maintain the yen at above 150.', 2),
      claim('money-fx/011', 'Narusawa said the Japanese authorities would act.', 3),
      claim('money-fx/011', 'Japanese exporters have cut costs.', 4),
      claim('trade/002', 'Japan\'s trade surplus jumped in February.', 1),
    ];
    const w = corpusWords(lines);
    const japan = subjectOf({ topic: 'Japan' }, lines, w);
    expect(japan.documents.get('money-fx/011')).toBeGreaterThan(0);
    expect(japan.documents.get('money-fx/011')).toBeLessThan(STORY);
    expect(japan.documents.get('trade/002')).toBeGreaterThanOrEqual(STORY);
  });
  it('does not take a story that names one word of a query of several for a story on the query, however rare the word (Reuters-21578, copper and crude)', () => {
    const lines = [
      claim('copper/002', 'Refined copper stocks held by U.S. refineries fell to 109,200 short tons at the end of January.', 1),
      claim('copper/002', 'Combined refinery and Comex stocks eased to 212,200 tons in January.'),
      claim('crude/010', 'Unocal Corp\'s Union Oil Co said it lowered its posted prices for crude oil.', 1),
      claim('crude/010', 'Its refineries will pay less for crude.'),
      claim('crude/011', 'Diamond Shamrock is the latest of the U.S. oil companies to cut its posted prices.', 1),
      ...Array.from({ length: 80 }, (_, i) => claim(`grain/${i}`, 'Wheat exports rose on strong demand, dealers said.', 1)),
    ];
    const w = corpusWords(lines);
    const s = subjectOf({ query: 'oil companies posted prices refineries' }, lines, w);
    expect(s.documents.get('copper/002')).toBeLessThan(STORY);
    expect(s.documents.get('crude/010')).toBeGreaterThanOrEqual(STORY);
    // a query of two words keeps its rare word's stories
    expect(subjectOf({ query: 'crude refineries' }, lines, w).documents.get('copper/002')).toBeGreaterThanOrEqual(STORY);
  });
  it('leaves out a plural topic\'s singular where the corpus uses the two in different documents only: "futures" is not "the future" (Reuters-21578, general)', () => {
    const lines = [
      ...Array.from({ length: 6 }, (_, i) => claim(`general/f${i}`, 'Soybean futures rose on the Chicago Board of Trade.')),
      ...Array.from({ length: 6 }, (_, i) => claim(`general/p${i}`, 'The steel plan decides the future of the industry.')),
      ...Array.from({ length: 6 }, (_, i) => claim(`coffee/q${i}`, i % 2 ? 'Producers disagree on export quotas.' : 'Brazil wants a bigger quota.')),
      ...Array.from({ length: 6 }, (_, i) => claim(`coffee/r${i}`, 'Export quotas were suspended a year ago, and each quota was cut.')),
      ...Array.from({ length: 6 }, (_, i) => claim(`coffee/s${i}`, 'A quota deal is near.')),
    ];
    const w = corpusWords(lines);
    const futures = subjectOf({ topic: 'futures' }, lines, w);
    expect(namesSubject(futures, w.words(lines[0]), 'general/f0')).toBe(true);
    expect(namesSubject(futures, w.words(lines[6]), 'general/p0')).toBe(false);
    // "quota" and "quotas" meet in documents: one sense
    const quotas = subjectOf({ topic: 'quotas' }, lines, w);
    expect(namesSubject(quotas, w.words(lines[24]), 'coffee/s0')).toBe(true);
  });
  it('does not take a word of a name for the name: Soviet Union is not Union Bank', () => {
    expect(about('Soviet Union', corpus[5])).toBe(1);
    expect(about('Soviet Union', corpus[6])).toBe(0);
    expect(about('Soviet Union', corpus[7])).toBe(0);
  });

  it('counts a free-text query by coverage: a rare word alone, a common one with a second', () => {
    const s = subjectOf({ query: 'emergency OPEC meeting' }, corpus, words);
    expect(aboutness(s, words.words(corpus[3]), corpus[3].docId)).toBeGreaterThan(0);
    const common = subjectOf({ query: 'oil crude' }, corpus, words);
    expect(aboutness(common, words.words(corpus[4]), corpus[4].docId)).toBeGreaterThan(0); // two words
    expect(aboutness(common, words.words(corpus[2]), corpus[2].docId)).toBe(0); // "oil" alone is everywhere
  });

  it('takes a free-text query word in its own forms, not another word of its stem (seed corpus: "succession" is not "success")', () => {
    const seed = [
      claim('k22', 'Russia’s lack of a major success in the war against Ukraine has brought uncertainty to Sino-Russian relations.', 1),
      claim('k23', 'The question of succession in the Kremlin will shape relations with China.', 3),
      claim('k23', 'Any change in the Kremlin is likely to upset a delicate balance among the elite.', 5),
      claim('c01', 'The alliance may not be as reliable as it appears in official statements.', 1),
    ];
    const sw = corpusWords(seed);
    const s = subjectOf({ query: 'new leader change in the Kremlin elite succession' }, seed, sw);
    expect(aboutness(s, sw.words(seed[0]), 'k22')).toBe(0);
    expect(aboutness(s, sw.words(seed[1]), 'k23')).toBeGreaterThan(0);
    // an adjective and its quality are one word: "reliability" finds "reliable"
    const d = subjectOf({ query: 'doubts reliability durability alliance' }, seed, sw);
    expect(aboutness(d, sw.words(seed[3]), 'c01')).toBeGreaterThan(0);
    expect(inflection('rate', 'rating') && inflection('economy', 'economies') && inflection('stop', 'stopped')).toBe(true);
    expect(inflection('compete', 'competition')).toBe(false);
  });

  it('ranks the documents that name the subject, those that name it in their lead first', () => {
    const s = subjectOf({ topic: 'OPEC' }, corpus, words);
    expect([...s.documents.keys()].sort()).toEqual(['crude/002', 'crude/003']);
    expect(s.documents.get('crude/002')).toBe(1);
  });
});

describe('a doctrine and its adherent', () => {
  it('names protectionism by "protectionist" and terrorism by "terrorists", not by another derivation (Reuters-21578, trade)', () => {
    const pressure = wordsOf('Faced with growing Congressional protectionist pressure, the U.S. Administration is pressing Japan for speedy action.');
    expect(findTerm(termOf('protectionism'), pressure)).toBeGreaterThanOrEqual(0);
    expect(findTerm(termOf('terrorism'), wordsOf('Police arrested two terrorists.'))).toBeGreaterThanOrEqual(0);
    // the word itself is still what it names; a word that only ends alike has no kin
    expect(findTerm(termOf('protectionism'), wordsOf('The protection of investors.'))).toBe(-1);
    expect(findTerm(termOf('artist'), wordsOf('Art and artism.'))).toBe(-1);
  });
  it('names an activity by whoever does it: "mining" by "miners", "file-sharing" by "file-sharers" (home-news, tech)', () => {
    expect(findTerm(termOf('mining'), wordsOf('The miners voted to strike.'))).toBeGreaterThanOrEqual(0);
    const sued = [claim('tech/004', 'The music industry has sued file-sharers across the country.', 1), claim('tech/005', 'The chart will include downloads.', 1)];
    const w = corpusWords(sued);
    const s = subjectOf({ topic: 'file-sharing' }, sued, w);
    expect(namesSubject(s, w.words(sued[0]), 'tech/004')).toBe(true);
    expect(namesSubject(s, w.words(sued[1]), 'tech/005')).toBe(false);
    // the doer names the activity, not the other way round
    expect(findTerm(termOf('miner'), wordsOf('Mining output rose.'))).toBe(-1);
  });
  it('takes the kin word in a free-text query too', () => {
    const stories = [claim('trade/005', 'Faced with growing Congressional protectionist pressure, the U.S. is pressing Japan.', 1), claim('trade/006', 'Taiwan plans new tariff cuts.', 1)];
    const w = corpusWords(stories);
    const s = subjectOf({ query: 'protectionism' }, stories, w);
    expect(namesSubject(s, w.words(stories[0]), 'trade/005')).toBe(true);
    expect(namesSubject(s, w.words(stories[1]), 'trade/006')).toBe(false);
  });
  it('reads a name among common query words as whose subject, not what: "Congress" alone is not "protectionism Congress trade bill"', () => {
    const stories = [
      claim('grain/010', 'A group of Republican governors and members of Congress said they intended to explore expanding the conservation reserve program.', 1),
      claim('trade/005', 'Faced with growing Congressional protectionist pressure over the trade bill, the U.S. is pressing Japan.', 1),
      ...Array.from({ length: 60 }, (_, i) => claim(`x/${i}`, `Filler sentence number ${i} about prices.`)),
    ];
    const w = corpusWords(stories);
    const s = subjectOf({ query: 'protectionism Congress trade bill' }, stories, w);
    expect(namesSubject(s, w.words(stories[0]), 'grain/010')).toBe(false);
    expect(namesSubject(s, w.words(stories[1]), 'trade/005')).toBe(true);
    // a designation says what: "S-400" alone is the subject of "partnership sanctions S-400" (seed)
    const s400 = [claim('a/001', 'In 2014 Russia agreed to sell China the S-400 air defence system.'), ...stories.slice(2)];
    const w4 = corpusWords(s400);
    expect(namesSubject(subjectOf({ query: 'partnership sanctions S-400' }, s400, w4), w4.words(s400[0]), 'a/001')).toBe(true);
  });
});

describe('the scope a deck title sets', () => {
  const scope = scopeOf('The UK economy', ['growth'], corpusWords([claim('a', 'The UK economy grew while US output fell and Germany stalled.')]), findActors)!;
  it('takes the names of the title that are not topics', () => {
    expect(scope.terms.map((t) => t.text)).toEqual(['UK']);
  });
  it('keeps lines that name the place, or come from a document about it and name no other', () => {
    expect(inScope(scope, 'UK growth was 3.1% in 2004.', { title: 'Economy' })).toBe(true);
    expect(inScope(scope, 'Economic growth in 2004 was about 4.7% in the US.', { title: 'UK economy' })).toBe(false);
    expect(inScope(scope, 'Economic growth in 2004 was about 3.1%.', { title: 'UK economy slows' })).toBe(true);
    expect(inScope(scope, 'Economic growth in 2004 was about 4.7%.', { title: 'US economy booms', lead: 'The US grew fast.' })).toBe(false);
  });
  it('reads a wire dateline as the place a story was filed: "WASHINGTON, Feb 26 - " is the US (Reuters-21578, housing)', () => {
    const us = scopeOf('US housing and consumer spending', ['housing'], corpusWords([claim('a', 'US home sales fell.')]), findActors)!;
    const lead = 'WASHINGTON, Feb 26 - Sales of previously owned homes dropped 14.5 pct in January, the National Association of Realtors (NAR) said.';
    expect(inScope(us, lead, { title: 'JANUARY HOUSING SALES DROP, REALTY GROUP SAYS', lead })).toBe(true);
    const tokyo = 'TOKYO, March 3 - Sales of new homes fell 3 pct in January, the Japan Housing Association (JHA) said.';
    expect(inScope(us, tokyo, { title: 'HOME SALES FALL', lead: tokyo })).toBe(false);
  });
  it('keeps lines that name a place the deck has as a topic (Reuters-21578, trade: "The US–Japan semiconductor dispute")', () => {
    const named = corpusWords([claim('a', 'US chip makers complained.'), claim('b', 'Japan curbed chip exports.')]);
    const us = scopeOf('The US–Japan semiconductor dispute', ['semiconductors', 'Japan'], named, findActors)!;
    expect(us.terms.map((t) => t.text)).toEqual(['US']);
    const head = { title: 'JAPAN MOVES TO TIGHTEN CHIP-EXPORT CURBS', lead: 'TOKYO, March 3 - MITI acted to tighten restrictions on microchip exports to countries other than the U.S.' };
    expect(inScope(us, 'Japanese firms argue the flow of cheap chips to third countries is due to grey-market sales.', head)).toBe(true);
    // another country is still another's (the test can fail)
    expect(inScope(us, 'South Korean firms argue the flow of cheap chips to third countries is due to grey-market sales.', head)).toBe(false);
  });
  it('keeps lines on a region\'s countries in a deck on the region (Reuters-21578: "Latin America\'s debt and the banks")', () => {
    const named = corpusWords([claim('a', 'Banks said Brazil suspended interest payments.'), claim('b', 'Debt in Latin America rose.'), claim('c', 'Banks lent more to Latin America than to Asia.')]);
    const latin = scopeOf("Latin America's debt and the banks", ['debt', 'Latin America', 'banks'], named, findActors)!;
    expect(latin.terms.map((t) => t.text)).toEqual(['Latin America']);
    expect(inScope(latin, 'Brazil on February 20 suspended interest payments on 68 billion dlrs of its debts.', { title: 'U.K. SAYS HAS NO ROLE IN BRAZIL MORATORIUM TALKS' })).toBe(true);
    expect(inScope(latin, 'The Philippines will offer its bank creditors a pricing plan.', { title: 'MANILA SAID TO OFFER DEBT BONDS TO BANKS' })).toBe(false);
  });
  it('keeps lines on a continent\'s countries in a deck set in it, not another continent\'s (Reuters-21578: "Unemployment in Europe")', () => {
    const named = corpusWords([claim('a', 'Unemployment in Europe rose.'), claim('b', 'Jobless rates in Europe and Asia differ.')]);
    const europe = scopeOf('Unemployment in Europe', ['unemployment', 'Europe'], named, findActors)!;
    expect(europe.terms.map((t) => t.text)).toEqual(['Europe']);
    expect(inScope(europe, 'Finnish unemployment was 6.7 pct in December.', { title: 'FINNISH UNEMPLOYMENT 6.7 PCT IN DECEMBER' })).toBe(true);
    expect(inScope(europe, "Japan's unemployment rate rose to a record 3.0 pct in January.", { title: 'JAPAN UNEMPLOYMENT RISES TO RECORD' })).toBe(false);
    expect(setsIn('Unemployment in Europe', 'Europe', 'unemployment')).toBe(true);
    expect(setsIn("Europe's unemployment", 'Europe', 'unemployment')).toBe(false);
  });
  it('keeps a topic the title makes the owner of its subject (Reuters-21578: "Brazil\'s debt moratorium and the banks")', () => {
    const named = corpusWords([claim('a', 'Banks said Brazil suspended interest payments.'), claim('b', 'Banks said Brazil and the Philippines owe them.')]);
    const brazil = scopeOf("Brazil's debt moratorium and the banks", ['Brazil', 'debt', 'banks'], named, findActors)!;
    expect(brazil.terms.map((t) => t.text)).toEqual(['Brazil']);
    const manila = 'MANILA, March 1 - The Philippines will offer its commercial bank creditors an innovative pricing plan, the Business Day newspaper said.';
    expect(inScope(brazil, manila, { title: 'MANILA SAID TO OFFER DEBT BONDS TO BANKS', lead: manila })).toBe(false);
    // a topic the title only lists sets no scope: "Iran, the Gulf and oil supplies"
    expect(scopeOf('Iran, the Gulf and oil supplies', ['Iran', 'Gulf'], named, findActors)).toBeUndefined();
  });
  it('keeps a story that names a topic that is a name, which no place list knows (Reuters-21578: "West Germany\'s economy and the Bundesbank")', () => {
    const named = corpusWords([claim('a', 'Dealers said West Germany and the Bundesbank agreed.'), claim('b', 'In West Germany the Bundesbank held rates.')]);
    const germany = scopeOf("West Germany's economy and the Bundesbank", ['Bundesbank', 'West German economy'], named, findActors)!;
    expect(germany.terms.map((t) => t.text)).toEqual(['West Germany']);
    const lead = 'FRANKFURT, March 3 - The Bundesbank is unlikely to change its credit policies at its central bank council meeting, money market dealers said.';
    expect(inScope(germany, lead, { title: 'NO BUNDESBANK POLICY CHANGES EXPECTED THURSDAY', lead })).toBe(true);
    // a story that names neither stays out (the test can fail)
    const tokyo = 'TOKYO, March 3 - The Bank of Japan is unlikely to change its credit policies, dealers said.';
    expect(inScope(germany, tokyo, { title: 'NO BANK OF JAPAN POLICY CHANGES', lead: tokyo })).toBe(false);
  });
  it('splits names joined by a dash: "Russia–China" is two actors', () => {
    const named = corpusWords([claim('a', 'Ties between Russia and China grew.'), claim('b', 'Trade between Russia and China fell.')]);
    const s = scopeOf('Russia–China alignment', [], named, findActors)!;
    expect(s.terms.map((t) => t.text)).toEqual(['Russia', 'China']);
  });
});

describe('topics told together', () => {
  const stories = [
    claim('coffee/001', 'Coffee export quotas were not agreed at the coffee talks.', 1),
    claim('coffee/001', 'Producers want export quotas set on past coffee exports.'),
    claim('coffee/002', 'Coffee prices fell after the talks on export quotas failed.', 1),
    claim('coffee/003', 'Coffee roasters expect lower coffee prices this spring.', 1),
    claim('tin/001', 'Malaysia has been allocated a tin export quota of 28,526 tonnes.', 1),
    claim('sugar/001', 'Sugar output rose in Cuba.', 1),
    claim('cocoa/001', 'Cocoa arrivals in Bahia rose.', 1),
  ];
  const w = corpusWords(stories);
  const subject = (topic: string) => subjectOf({ topic }, stories, w);

  it('reads a topic whose stories mostly name another of the deck\'s as that topic\'s: coffee\'s export quotas', () => {
    expect(toldWith(subject('export quotas'), [subject('coffee')])).toEqual(new Set(['coffee/001', 'coffee/002']));
  });

  it('leaves topics told apart alone: sugar and cocoa', () => {
    expect(toldWith(subject('sugar'), [subject('cocoa')])).toBeUndefined();
  });
});

describe('a topic word in its own sense', () => {
  const t = (topic: string, text: string) => findTerm(termOf(topic), wordsOf(text)) >= 0;
  it('matches its singular and plural, not a verb of the same stem (Reuters-21578, acq and ship)', () => {
    expect(t('strikes', 'Canadian seafarers are almost certain to go on strike this spring.')).toBe(true);
    expect(t('strikes', 'By striking swift deals, banks hope to reduce the incentive for other debtors.')).toBe(false);
    expect(t('shipping', 'The Mac SE will be shipped with one megabyte RAM.')).toBe(false);
    expect(t('shipping', 'There were seven grain ships loading at Portland.')).toBe(true);
    expect(t('export quotas', 'Australia is not setting any export quota.')).toBe(true);
  });
  it('is not a word of a company\'s name, but a body named after it is about it', () => {
    expect(t('shipping', 'Air U.K. Ltd is a subsidiary of British and Commonwealth Shipping Plc.')).toBe(false);
    expect(t('coffee', 'Talks at the International Coffee Organization continued.')).toBe(true);
    // inside a longer name with capitals on both sides: a company's or an agency's (Reuters-21578, nat-gas, housing)
    expect(t('natural gas', "Consolidated Natural Gas System's Consolidated Gas Transmission Corp said it is in compliance with federal rules.")).toBe(false);
    expect(t('housing', 'Alaska Housing Finance was established by the legislature of the state of Alaska in 1971.')).toBe(false);
    expect(t('tin', 'The International Tin Study Group met in London.')).toBe(true);
    expect(t('natural gas', 'Natural gas prices rose in New York.')).toBe(true);
    // a name the spec writes partly in lower case: its lower-case word in either case (Reuters-21578, earn)
    expect(t('Canadian dollar', 'The recent increase in the value of the Canadian dollar is expected to cut earnings.')).toBe(true);
    expect(t('Canadian dollar', 'The Canadian government said the dollar rose.')).toBe(false);
    expect(t('Russian economy', 'Sanctions have hit the Russian economy hard.')).toBe(true);
    expect(t('Soviet Union', 'The union said the soviet was dissolved.')).toBe(false);
    // a place a company is named after (Reuters-21578, acq)
    expect(t('Gulf', 'Gulf Applied Technologies Inc said it sold its pipeline and terminal operations units.')).toBe(false);
    expect(t('Gulf', 'Deputy oil ministers from six Gulf Arab states will meet in Bahrain.')).toBe(true);
    expect(t('Japan', 'The Bank of Japan cut its discount rate.')).toBe(true);
    // a ticker is not the word (Reuters-21578, acq)
    expect(t('tin', 'Shares of Temple Inland Inc <TIN> and International Paper Co <IP> rose sharply this morning.')).toBe(false);
    expect(t('tin', 'TIN PRODUCERS AGREE TO CURB EXPORTS')).toBe(true);
    expect(t('money supply', 'The Bank of England said the broad measure of U.K. Money supply, Sterling M3, rose 1.1 pct.')).toBe(true);
    expect(t('gold', 'Gold output rose in South Africa.')).toBe(true);
    // a number before the word with a dash between is a dateline, not a measure ("188,000 yen" is)
    expect(t('coffee', 'LONDON, March 2 - Coffee quota talks continued.')).toBe(true);
  });
  it('is not the unit of an amount: "thousands of dollars" is money, "the dollar" the currency (Reuters-21578, money-fx)', () => {
    expect(t('dollar', 'They introduced legislation that could save U.S. companies hundreds of thousands of dollars annually.')).toBe(false);
    expect(t('dollar', 'The company will repay 44 billion dollars.')).toBe(false);
    expect(t('dollar', 'The dollar fell against the yen in thin trade.')).toBe(true);
    expect(t('oil', 'Exports reached millions of barrels of oil.')).toBe(true);
  });
});

describe('a story headlined with the subject', () => {
  const stories = [
    claim('housing/001', 'WASHINGTON, Feb 26 - Sales of previously owned homes dropped 14.5 pct in January to a seasonally adjusted annual rate of 3.47 mln units.', 1),
    claim('housing/001', 'But the December rate of 4.06 mln units had been the highest since November 1978, the group said.', 2),
    claim('general/139', 'Alaska Housing Finance Corp has become the first municipal entity to tap the syndicated loan market.', 1),
    claim('general/139', 'Alaska Housing Finance was established by the legislature of the state of Alaska in 1971.', 4),
    claim('cpi/003', 'Housing costs rose 0.4 pct in January.', 3),
    claim('cpi/003', 'The cost of housing and of food rose most.', 4),
  ];
  const titles: Record<string, string> = {
    'housing/001': 'JANUARY HOUSING SALES DROP, REALTY GROUP SAYS',
    'general/139': 'ALASKA HOUSING HAS 150 MLN DLR SYNDICATED LOAN',
    'cpi/003': 'U.S. CONSUMER PRICES RISE',
  };
  const w = corpusWords(stories);
  const byTitle = (stem: string) => Object.keys(titles).filter((d) => wordsOf(titles[d]).some((x) => x.stem === stem));
  const s = subjectOf({ topic: 'housing' }, stories, w, (d) => titles[d] ?? '', (d) => stories.filter((c) => c.docId === d), byTitle);
  it('is about the subject, and its lead too, though the lead says "homes"', () => {
    expect(s.documents.get('housing/001')).toBe(1);
    expect(aboutness(s, w.words(stories[0]), 'housing/001', stories[0].id)).toBeGreaterThan(0);
    // only the lead: the next paragraph says what the headline does not
    expect(aboutness(s, w.words(stories[1]), 'housing/001', stories[1].id)).toBe(0);
    // without the headline, the lead would not be (the test can fail)
    const bare = subjectOf({ topic: 'housing' }, stories, w, (d) => titles[d] ?? '', (d) => stories.filter((c) => c.docId === d));
    expect(aboutness(bare, w.words(stories[0]), 'housing/001', stories[0].id)).toBe(0);
  });
  it('is not when its sentences use the word only inside a name, as the headline then does', () => {
    expect(s.documents.has('general/139')).toBe(false);
  });
  it("is not when the word is a code in angle brackets (a wire's ticker), Reuters-21578 ship", () => {
    const notice = [claim('ship/006', 'NEW YORK, March 2 - Regency Cruises Inc said its board elected William Schanz as its chairman.', 1), ...stories];
    const heads: Record<string, string> = { ...titles, 'ship/006': 'REGENCY CRUISES INC <SHIP> ELECTS NEW CHAIRMAN' };
    const nw = corpusWords(notice);
    const headed = (stem: string) => Object.keys(heads).filter((d) => wordsOf(heads[d]).some((x) => x.stem === stem));
    const shipping = subjectOf({ topic: 'shipping' }, notice, nw, (d) => heads[d] ?? '', (d) => notice.filter((c) => c.docId === d), headed);
    expect(shipping.documents.has('ship/006')).toBe(false);
    expect(aboutness(shipping, nw.words(notice[0]), 'ship/006', notice[0].id)).toBe(0);
    // the headline's words without the code say nothing of ships
    expect(headlineWords(heads['ship/006']).map((x) => x.text)).toEqual(['REGENCY', 'CRUISES', 'INC', 'ELECTS', 'NEW', 'CHAIRMAN']);
  });
  it('has a lead that reports it in other words, when its sentences name it too (Reuters-21578, iron-steel)', () => {
    const steel = [
      { ...claim('iron-steel/001', 'BRUSSELS, March 2 - European Community steelmakers presented the Commission with a plan for the future of the industry.', 1), id: 'iron-steel/001:p1:s1' },
      claim('iron-steel/001', 'Under the plan steel output would remain subject to quotas.', 2),
      claim('acq/073', 'AMCA International said it will sell its steel service centers.', 1),
      claim('general/001', 'The cost of steel and of coal rose.', 3),
    ];
    const sw = corpusWords(steel);
    const heads: Record<string, string> = { 'iron-steel/001': 'EC COMMISSION GIVEN PLAN TO SAVE STEEL INDUSTRY', 'acq/073': 'AMCA TO SELL SOME ASSETS' };
    const byHead = (stem: string) => Object.keys(heads).filter((d) => wordsOf(heads[d]).some((x) => x.stem === stem));
    const subject = subjectOf({ topic: 'steel' }, steel, sw, (d) => heads[d] ?? '', (d) => steel.filter((c) => c.docId === d), byHead);
    expect(aboutness(subject, sw.words(steel[0]), 'iron-steel/001', steel[0].id)).toBeGreaterThan(0);
    // the words alone do not say steel (the test can fail)
    expect(aboutness(subject, sw.words(steel[0]), 'iron-steel/001')).toBe(0);
  });
});

describe('a phrase of several words', () => {
  // Reuters-21578, coffee: a story about export quotas goes on to say "quota distribution".
  const claims = [
    claim('coffee/001', 'Talks on reintroducing export quotas broke down, delegates said.', 1),
    claim('coffee/001', 'The ICO council discussed export quotas for eight days.', 2),
    claim('coffee/001', 'Producers and consumers could not agree on quota distribution.', 3),
    claim('tin/001', 'Producers could not agree on quota distribution for tin.', 3),
  ];
  const w = corpusWords(claims);
  const s = subjectOf({ topic: 'export quotas' }, claims, w, () => '', (d) => claims.filter((c) => c.docId === d));
  it('is named by its last word in a story about it', () => {
    expect(namesSubject(s, w.words(claims[2]), 'coffee/001')).toBe(true);
  });
  it('is not by that word in a story that never names the phrase (the test can fail)', () => {
    expect(namesSubject(s, w.words(claims[3]), 'tin/001')).toBe(false);
  });
});

describe('a topic no document writes as the spec does', () => {
  const news = [
    claim('business/001', "Harwell's latest accounts show a deficit of £320m in its pension scheme, and the trustees want guarantees from any buyer.", 1),
    claim('business/001', 'Harwell Foods has confirmed that it has received a takeover approach from Alderbrook Partners.', 1),
    claim('business/002', 'The pension scheme has 12,000 members.', 1),
    claim('business/003', 'The company reported a trade deficit of 2 bln dlrs.', 1),
    claim('business/004', 'West German banks want Brazil to work more closely with the IMF.', 1),
    claim('business/005', 'The West German economy grew 2.4 pct last year.', 1),
  ];
  const w = corpusWords(news);
  const subject = (topic: string) => subjectOf({ topic }, news, w);
  it('is read as its words, two of them in any order ("pension deficit", "Harwell takeover bids")', () => {
    expect([...subject('pension deficit').documents.keys()]).toEqual(['business/001']);
    expect(namesSubject(subject('pension deficit'), w.words(news[0]), news[0].docId)).toBe(true);
    // one of its words is not enough
    expect(namesSubject(subject('pension deficit'), w.words(news[2]), news[2].docId)).toBe(false);
    expect(namesSubject(subject('pension deficit'), w.words(news[3]), news[3].docId)).toBe(false);
    expect(namesSubject(subject('Harwell takeover bids'), w.words(news[1]), news[1].docId)).toBe(true);
  });
  it('counts a name among its words once: "West German" banks are not the West German economy', () => {
    const economy = subject('West German economics');
    expect(namesSubject(economy, w.words(news[4]), news[4].docId)).toBe(false);
    // and a topic written as the documents write it stays a phrase
    expect(subject('pension scheme').query).toEqual([]);
  });
});
