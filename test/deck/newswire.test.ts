/**
 * Decks from a corpus of another genre: 925 Reuters-21578 newswire stories (free for research),
 * vendored under eval/corpora/. Nothing here was tuned for them: the same rules must hold.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusStore } from '../../src/corpus/index.ts';
import { composeDeck, isDeletionOf, policyFor, wordCount } from '../../src/deck/index.ts';
import { FULL_SLIDE, THIN_SLIDE } from '../../src/select/index.ts';
import type { Deck } from '../../src/model.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import { holdsQuotation, speaksInFirstPerson, unnamedSpeaker } from '../../src/select/standalone.ts';
import { shownLines } from '../../eval/run.ts';
import { withoutInsertions } from '../../src/deck/insertions.ts';
import { relativeTime } from '../../src/deck/when.ts';
import { titlePhrases } from '../../src/deck/resolve-bluf.ts';
import { inStoryOrder } from '../../src/deck/resolve-claims.ts';

const root = resolve(import.meta.dirname, '../..');
const corpusDir = join(root, 'eval', 'corpora', 'reuters-21578-0');
let store: CorpusStore;
beforeAll(async () => {
  store = await loadCorpus({ root, corpusDir, cacheDir: join(root, '.cache', 'test-newswire') });
}, 300_000);
afterAll(() => store?.close());

const compose = (name: string): Deck => {
  const file = join(root, 'eval', 'reuters', 'briefings', `${name}.md`);
  const { spec } = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes: [] });
  return composeDeck(spec!, store).deck;
};
const specs = ['oil-opec', 'grain-soviet', 'currency', 'coffee', 'brazil-debt'];

describe('newswire decks', () => {
  it('keeps every story, same-named files in 41 folders included', () => {
    expect(store.documents()).toHaveLength(925);
    expect(store.document('crude/001')?.title).toBe('DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES');
    expect(store.document('acq/001')?.title).not.toBe(store.document('crude/001')?.title);
  });

  it('shows no line that is a quotation, first person or a pronoun speaker, and every line deletes words of its source', () => {
    for (const name of specs) {
      for (const line of shownLines(compose(name)).filter((l) => l.kind === 'bullets' || l.kind === 'judgements')) {
        expect(holdsQuotation(line.text), line.text).toBe(false);
        expect(speaksInFirstPerson(line.text), line.text).toBe(false);
        expect(unnamedSpeaker(line.text), line.text).toBe(false);
        expect(line.text, 'line breaks of the wire are spaces').not.toMatch(/\n/);
        // "today", "on Thursday", "last week" read as the meeting's, whatever date the tag shows
        expect(relativeTime(line.text), line.text).not.toBe('day');
        // Deletions only, besides names put in brackets from earlier in the same story.
        expect(isDeletionOf(line.citation.sentence, withoutInsertions(line.text, line.insertions)), line.text).toBe(true);
        const doc = store.document(line.citation.docId)!;
        for (const i of line.insertions ?? []) {
          expect(i.text).toBe(`[${doc.text.slice(i.source.start, i.source.end).replace(/\s+/g, ' ')}]`);
          expect(i.source.start).toBeLessThan(i.replaces.start);
        }
      }
    }
  });

  it('puts under "Soviet Union" only lines from stories about it, never "Union Bank" or a labour union', () => {
    const file = join(root, 'eval', 'reuters', 'briefings', 'grain-soviet.md');
    const { spec } = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes: [] });
    const { deck, diagnostics } = composeDeck(spec!, store);
    const slide = deck.slides.find((s) => s.title === 'Soviet Union');
    if (slide?.kind === 'bullets')
      for (const b of slide.bullets) {
        // A line names the Soviet Union, or comes from a story that does in its lead (its words
        // typical of the subject speak for it there: "the subsidy question" of Soviet wheat).
        const lead = store.document(b.citation!.docId)!.paragraphs[0].text;
        expect(`${b.text} ${lead}`, b.text).toMatch(/Soviet|USSR|Moscow/);
        expect(b.text).not.toMatch(/Union Bank|\bunions?\b/);
      }
    // Too little evidence leaves the section out, and says so: never a slide of wrong lines.
    else expect(diagnostics.map((d) => d.message)).toContain("section 'Soviet Union' has no evidence and is left out");
  });

  it('opens the coffee deck with the story most of its articles tell: the ICO talks failed', () => {
    const bluf = compose('coffee').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    expect(bluf.judgements[0].text).toMatch(/International Coffee Organization|ICO/);
    expect(bluf.judgements[0].text).toMatch(/fail|no agreement|not agree/);
  });

  it('fills a slide that would run short with a line a few words past the audience\'s length, and only such a slide: the coffee producers hurt most by the failed talks (public)', () => {
    const deck = compose('coffee');
    const policy = policyFor({ ...parseBriefing(join(root, 'eval', 'reuters', 'briefings', 'coffee.md'), readFileSync(join(root, 'eval', 'reuters', 'briefings', 'coffee.md'), 'utf8'), { root, themes: [] }).spec! });
    const longest = Math.round(policy.maxWords * policy.overrun);
    const quotas = deck.slides.find((s) => s.title === 'Export quotas');
    if (quotas?.kind !== 'bullets') throw new Error('no slide on export quotas');
    const longer = quotas.bullets.find((b) => /hurt the most/.test(b.text));
    expect(longer, quotas.bullets.map((b) => b.text).join('\n')).toBeDefined();
    expect(wordCount(longer!.text)).toBeGreaterThan(longest);
    for (const s of deck.slides)
      if (s.kind === 'bullets' && s.bullets.some((b) => wordCount(b.text) > longest)) expect(s.bullets.length).toBeLessThanOrEqual(FULL_SLIDE);
  });

  it('reads a topic in the sense the deck\'s other words give it: the Persian Gulf of Iran\'s war, central banks\' interest rates', () => {
    const cited = (name: string) => new Set(shownLines(compose(name)).map((l) => l.citation.docId));
    // "GULF BOND, STOCK MARKETS LAG BEHIND" and "GULF OF MEXICO RIG COUNT FALLS" name no Iran, oil or supplies
    const gulf = cited('gulf');
    expect(gulf.has('money-fx/002')).toBe(false);
    expect(gulf.has('general/328')).toBe(false);
    // "CREDIT CARD DISCLOSURE BILLS INTRODUCED" names no dollar, central bank or policy
    expect(cited('currency').has('general/009')).toBe(false);
    expect(cited('rates-central-banks').has('general/009')).toBe(false);
  });

  it('gives a slide that would hold fewer than two lines a whole lead the audience\'s length cannot hold, and only such a slide: Indonesia\'s tea exports (executive)', () => {
    const deck = compose('tea');
    const policy = policyFor({ ...parseBriefing(join(root, 'eval', 'reuters', 'briefings', 'tea.md'), readFileSync(join(root, 'eval', 'reuters', 'briefings', 'tea.md'), 'utf8'), { root, themes: [] }).spec! });
    const longer = Math.round(Math.round(policy.maxWords * 1.25) * policy.overrun);
    const tea = deck.slides.find((s) => s.title === 'Tea');
    if (tea?.kind !== 'bullets') throw new Error('no slide on tea');
    const exports = tea.bullets.find((b) => /tea and cocoa will continue to rise/.test(b.text));
    expect(exports, tea.bullets.map((b) => b.text).join('\n')).toBeDefined();
    expect(wordCount(exports!.text)).toBeGreaterThan(longer);
    for (const s of deck.slides)
      if (s.kind === 'bullets' && s.bullets.some((b) => wordCount(b.text) > longer)) expect(s.bullets.length).toBeLessThanOrEqual(THIN_SLIDE);
  });

  it('keeps out of a bottom line a sentence that names its subject only in what describes a company: the LL&E royalty trust in "Natural gas and heating oil"', () => {
    const bluf = compose('natural-gas').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    expect(bluf.judgements.map((b) => b.text).join('\n')).not.toMatch(/Royalty Trust/);
    expect(bluf.judgements.map((b) => b.text).join('\n')).toMatch(/natural gas/i);
  });

  it('opens a deck on the dollar, interest rates and a central bank with central banks, not a currency aside in a company\'s results', () => {
    const bluf = compose('currency').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    // Stories naming two of its subjects are a handful beside those about one: all of them count.
    for (const j of bluf.judgements) expect(j.text).not.toMatch(/aluminium|Comalco/);
    expect(bluf.judgements.map((j) => j.text).join(' ')).toMatch(/Bundesbank|Bank of Japan|central bank/);
  });

  it('leaves a thin topic a line for its own slide rather than take its report twice into the bottom line', () => {
    const deck = compose('cotton-rubber');
    const cotton = deck.slides.find((s) => s.title === 'Cotton');
    expect(cotton?.kind).toBe('bullets');
    const bluf = deck.slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    expect(bluf.judgements.some((j) => /cotton/i.test(j.text))).toBe(true);
  });

  it('reads a country in its adjective: the Japanese economist\'s yen forecast reaches the yen slide of "Japan, the yen and its exporters"', () => {
    const yen = compose('yen-japan').slides.find((s) => s.kind === 'bullets' && s.title === 'Yen');
    if (yen?.kind !== 'bullets') throw new Error('no yen slide');
    expect(yen.bullets.map((b) => b.text).join('\n')).toMatch(/yen should stabilize/);
  });

  it('gives the only topic of a deck its slide though its stories are in the bottom line: airlines', () => {
    const slide = compose('airlines').slides.find((s) => s.kind === 'bullets' && s.title === 'Airlines');
    if (slide?.kind !== 'bullets') throw new Error('no airlines slide');
    for (const b of slide.bullets) expect(b.text).toMatch(/Airlines|Air Lines/);
  });

  it('keeps copper refineries off the oil companies\' slide: a query of several words is not told by a story naming one of them', () => {
    const slide = compose('oil-companies').slides.find((s) => s.kind === 'bullets' && s.title === 'What the companies are doing');
    if (slide?.kind !== 'bullets') throw new Error('no companies slide');
    for (const b of slide.bullets) expect(b.text).not.toMatch(/copper|Comex|LME/i);
    expect(slide.bullets.map((b) => b.text).join('\n')).toMatch(/posted prices/);
  });

  it('reads a topic told with the deck\'s others in the stories whose lead names what else the title names: the Bank of Japan\'s rate liberalisation under "The dollar, interest rates and central banks"', () => {
    const slide = compose('currency').slides.find((s) => s.kind === 'bullets' && s.title === 'Interest rates');
    if (slide?.kind !== 'bullets') throw new Error('no interest rates slide');
    expect(slide.bullets.map((b) => b.text).join('\n')).toMatch(/Bank of Japan/);
  });

  it('states no one company\'s notice in a news bottom line while the stories the corpus returns to give two lines: company results', () => {
    const bluf = compose('earnings').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    const text = bluf.judgements.map((j) => j.text).join('\n');
    expect(text).not.toMatch(/Brown-Forman|Hutchison|Cheung Kong/);
    expect(text).toMatch(/Japan's major corporations/);
  });

  it('reads a place the title writes as what qualifies a topic in the stories that name it: Iran at war in "The Iran–Iraq war", not the Iran arms affair', () => {
    const iran = compose('iran-iraq-war').slides.find((s) => s.kind === 'bullets' && s.title === 'Iran');
    if (iran?.kind !== 'bullets') throw new Error('no Iran slide');
    for (const b of iran.bullets) expect(b.text).not.toMatch(/Reagan|Shultz|arms affair|arms scandal/);
    expect(iran.bullets.length).toBeGreaterThan(0);
  });

  it('reads a deck set in a continent in its countries\' stories, and its bottom line in the stories on its subject there: "Unemployment in Europe"', () => {
    const deck = compose('unemployment-europe');
    const bluf = deck.slides.find((s) => s.kind === 'judgements' && s.bottomLine);
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    expect(bluf.judgements.length).toBeGreaterThan(0);
    for (const j of bluf.judgements) expect(j.text).toMatch(/unemployment|jobless/i);
    for (const j of bluf.judgements) expect(j.text).not.toMatch(/Japan|Ford/);
    // nor a quote from the continent's own stories (a car maker on exporting to Europe)
    for (const s of deck.slides) if (s.kind === 'quote') expect(`${s.quote.text} ${s.citation.sentence}`).toMatch(/unemploy|jobless/i);
  });
  it('reads a deck on a region in its countries\' stories: Brazil\'s and Venezuela\'s debt in "Latin America\'s debt and the banks"', () => {
    const lines = shownLines(compose('latin-debt'));
    expect(lines.filter((l) => /Brazil|Argentin|Venezuela|Mexic|Chile/.test(l.text)).length).toBeGreaterThanOrEqual(4);
    for (const l of lines) expect(l.text).not.toMatch(/asset-backed|credit card|Federal Reserve/);
  });

  it('names on the closing slide a section the spec asked for and the corpus gave nothing for: "The surplus" of West Germany', () => {
    const deck = compose('west-germany-trade');
    expect(deck.slides.some((s) => s.title === 'The surplus')).toBe(false);
    const sources = deck.slides.find((s) => s.kind === 'sources');
    if (sources?.kind !== 'sources') throw new Error('no sources slide');
    expect(sources.caveat).toMatch(/No slide on "The surplus"/);
    expect(sources.notes.map((n) => n.text).join(' ')).toMatch(/The surplus/);
  });

  it('says a place the deck is scoped to is thin when few stories are about it, however many name it in passing: Mexico', () => {
    const sources = compose('mexico').slides.find((s) => s.kind === 'sources');
    if (sources?.kind !== 'sources') throw new Error('no sources slide');
    expect(sources.caveat).toMatch(/1 story about "Mexico" and \d+ documents? naming it in passing/);
  });

  it('states the title\'s own phrases where the corpus tells no story on any topic: "Economic growth and industrial output" over GNP and industrial production', () => {
    expect(titlePhrases('Economic growth and industrial output')).toEqual(['economic growth', 'industrial output']);
    expect(titlePhrases('The dollar, interest rates and central banks')).toEqual(['interest rates', 'central banks']);
    // (a year dates the subject; it is no word of its name)
    expect(titlePhrases('The 2005 general election')).toEqual(['general election']);
    const bluf = compose('growth-output').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    for (const j of bluf.judgements) expect(j.text).toMatch(/economic growth|industrial output/i);
  });

  it("puts no line on a slide that shows its source's typo", () => {
    const text = JSON.stringify(compose('brazil-debt').slides);
    expect(text).toMatch(/Funaro/);
    expect(text).not.toMatch(/reactnng/);
  });

  it('names in each bottom-line line what the deck is about, not only words typical of its stories', () => {
    const bluf = compose('trade-balances').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    for (const j of bluf.judgements) expect(j.text).toMatch(/surplus|deficit/i);
  });

  it("opens a deck on the steel industry with the European Community's plan, not a steelmaker's notice beside it", () => {
    const bluf = compose('steel').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind !== 'judgements') throw new Error('no bottom line');
    expect(bluf.judgements[0].citation?.docId).toBe('iron-steel/001');
  });

  it('shows a lead without its day reference, and its tag with the article\'s whole date (interest/004)', () => {
    const deck = compose('currency');
    const lines = deck.slides.flatMap((s) => (s.kind === 'bullets' ? s.bullets : s.kind === 'judgements' ? s.judgements : []));
    const lead = lines.find((l) => /Bundesbank is unlikely to change its credit policies/.test(l.text));
    expect(lead?.text).not.toMatch(/Thursday|past few weeks/);
    expect(lead?.citation?.tag).toMatch(/ 1987a? ¶1, 3 Mar$/);
    // every line whose source says "on Thursday", "today"… shows the whole date
    for (const l of lines) if (relativeTime(l.citation!.sentence) === 'day') expect(l.citation!.tag, l.text).toMatch(/\d{4}[a-z]? ¶\d+, \d{1,2} \w{3}$/);
  });

  it('reads "Bank takeovers and mergers" as banks\' takeovers: no creditor bank of a debt story on the banks slide or the bottom line', () => {
    const deck = compose('banks-mergers');
    const lines = deck.slides.flatMap((s) => (s.kind === 'bullets' && s.title === 'Banks' ? s.bullets : s.kind === 'judgements' ? s.judgements : s.kind === 'quote' ? [{ text: s.quote.text, citation: s.citation }] : []));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(store.document(l.citation!.docId)!.text, l.text).toMatch(/merge|takeover|acqui/i);
  });

  it('gives a storyline\'s second bottom-line line from another of its stories where one has a line to give, and never three from one story', () => {
    for (const name of ['oil-opec', 'tin-exports']) {
      const bluf = compose(name).slides.find((s) => s.kind === 'judgements');
      if (bluf?.kind !== 'judgements') throw new Error(`no bottom line in ${name}`);
      const docs = bluf.judgements.map((j) => j.citation?.docId);
      expect(new Set(docs).size, `${name}: ${docs.join(', ')}`).toBe(docs.length);
    }
    // the EC's steel plan is the one steel story beside company notices: two of its lines, not three
    const steel = compose('steel').slides.find((s) => s.kind === 'judgements');
    if (steel?.kind !== 'judgements') throw new Error('no bottom line in steel');
    expect(steel.judgements.length).toBe(2);
    expect(steel.judgements.map((j) => j.text).join('\n')).toMatch(/European Community steelmakers/);
  });

  it('puts no bottom-line line whose shortening deleted what made it the deck\'s (Reuters-21578, gnp: the current account)', () => {
    const bluf = compose('balance-of-payments').slides.find((s) => s.kind === 'judgements');
    if (bluf?.kind === 'judgements') for (const j of bluf.judgements) expect(j.text).toMatch(/current account|balance of payments|payments/i);
  });

  it('takes no line on jobs from a story whose headline and lead never name them ("his job" twice in a poll story, "the prime minister\'s job" twice in a political one)', () => {
    const deck = compose('jobs');
    const docs = deck.slides.flatMap((s) => (s.kind === 'bullets' ? s.bullets : s.kind === 'judgements' ? s.judgements : []).map((b) => b.citation?.docId));
    // general/406 and general/444: "REAGAN APPROVAL RATING FALLS TO FOUR-YEAR LOW"
    expect(docs).not.toContain('general/406');
    expect(docs).not.toContain('general/444');
    // general/081, "ITALIAN COALITION MEETS AS GOVERNMENT CRISIS LOOMS": "the prime minister's job" twice, further down
    expect(docs).not.toContain('general/081');
    expect(docs.length).toBeGreaterThan(0);
  });

  it('takes strikes in a deck on shipping and port strikes from stories on ports or shipping, not a newsroom or an aerospace plant', () => {
    const slide = compose('shipping').slides.find((s) => s.title === 'Strikes');
    if (slide?.kind === 'bullets') for (const b of slide.bullets) expect(b.text).not.toMatch(/Writers Guild|Rohr|Cargill/);
  });

  it('says when the corpus holds little on a topic: a warning at `topics:` and a note on the closing slide', () => {
    const file = join(root, 'eval', 'reuters', 'briefings', 'livestock.md');
    const { spec } = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes: [] });
    const { deck, diagnostics } = composeDeck(spec!, store);
    const thin = diagnostics.filter((d) => d.code === 'deck/thin-topic');
    expect(thin.map((d) => d.message).join('\n')).toMatch(/1 story about "cattle"/);
    expect(thin[0].line).toBe(4);
    const closing = deck.slides[deck.slides.length - 1];
    expect(closing.notes.map((n) => n.text).join(' ')).toMatch(/^Thin evidence: the corpus holds .*"hogs"/);
    // and where everyone reads it, under the sources
    expect(closing.kind === 'sources' && closing.caveat).toMatch(/^Thin evidence: the corpus holds .*"hogs"/);
    // a topic the corpus tells at length is not thin
    expect(diagnostics.filter((d) => d.code === 'deck/thin-topic' && /"coffee"/.test(d.message))).toHaveLength(0);
    const coffee = join(root, 'eval', 'reuters', 'briefings', 'coffee.md');
    const parsed = parseBriefing(coffee, readFileSync(coffee, 'utf8'), { root, themes: [] });
    expect(composeDeck(parsed.spec!, store).diagnostics.filter((d) => d.code === 'deck/thin-topic')).toHaveLength(0);
  });

  it('counts the documents that name a topic, and says what it measured: "debt rescheduling" in five stories is not thin', () => {
    const thinOf = (name: string) => {
      const file = join(root, 'eval', 'reuters', 'briefings', `${name}.md`);
      const parsed = parseBriefing(file, readFileSync(file, 'utf8'), { root, themes: [] });
      return composeDeck(parsed.spec!, store).diagnostics.filter((d) => d.code === 'deck/thin-topic').map((d) => d.message).join('\n');
    };
    // five documents each name it once: none is a story about it alone, and they are its evidence
    expect(thinOf('debt-rescheduling')).not.toMatch(/debt rescheduling/);
    // the stories speak of "subsidized wheat" and "the export enhancement program", never in these
    // words; read as its two words, the topic is named in passing by one document at most
    expect(thinOf('grain-soviet')).toMatch(/no (?:document that names|story about) "export subsidies"/);
  });

  it('names no scenario after "He said" nor with a wrapped line\'s break in it (Reuters-21578, debt rescheduling)', () => {
    for (const slide of compose('debt-rescheduling').slides) {
      if (slide.kind !== 'scenarios') continue;
      for (const sc of slide.scenarios) {
        expect(sc.name).not.toMatch(/\n/);
        expect(`${sc.name} ${sc.text}`).not.toMatch(/^He said|\bhe said\b/);
      }
    }
  });

  it('takes export quotas in a deck on coffee and export quotas as coffee\'s: no tin or tapioca quota', () => {
    const slide = compose('coffee').slides.find((s) => s.title === 'Export quotas');
    if (slide?.kind !== 'bullets') throw new Error('no export quotas slide');
    for (const b of slide.bullets) {
      const doc = store.document(b.citation!.docId)!;
      expect(`${doc.title} ${doc.text}`, b.text).toMatch(/coffee|ICO\b/i);
    }
  });

  it('leaves the quote slide out rather than show words that need their context', () => {
    const quote = compose('takeovers').slides.find((s) => s.kind === 'quote');
    if (quote?.kind === 'quote') expect(quote.quote.text).not.toMatch(/^I'd put it off/);
  });

  it('quotes a story about the deck\'s subject, not a passing mention of it', () => {
    for (const name of ['japan-trade', 'coffee', 'oil-opec']) {
      const deck = compose(name);
      const quote = deck.slides.find((s) => s.kind === 'quote');
      if (quote?.kind !== 'quote') continue;
      const doc = store.document(quote.citation.docId)!;
      const lead = doc.paragraphs.slice(0, 2).map((p) => p.text).join(' ');
      // The subject is in the story's title or lead, where a news story says what it is about.
      expect(`${doc.title} ${lead}`, `${name}: ${quote.quote.text}`).toMatch(name === 'japan-trade' ? /yen|trade surplus/i : name === 'coffee' ? /coffee/i : /oil|OPEC/i);
      // The wire's hard-wrapped lines are spaces on the slide and in PowerPoint, not line breaks.
      expect(quote.quote.text).not.toMatch(/\n/);
      expect(doc.text.slice(quote.quote.start, quote.quote.end).replace(/\s+/g, ' ').trim()).toBe(quote.quote.text);
    }
  });

  it('keeps a line whose short name, written out in full, would leave it too long: "Consolidated TVX said…" (acq)', () => {
    const deck = compose('strategic-metals');
    const lines = shownLines(deck).map((l) => l.text);
    expect(lines.some((t) => t.startsWith('Consolidated TVX said it will acquire the right')), JSON.stringify(lines)).toBe(true);
  });

  it('reads the plan\'s scenarios and key figures in the deck\'s topics as its slides read them: no EC green-rate line in "Global sugar supply and prices"', () => {
    const deck = compose('sugar-global');
    const cross = shownLines(deck).filter((l) => l.kind === 'scenarios' || l.kind === 'figures');
    expect(cross.map((l) => l.text).join('\n')).not.toMatch(/green rate/i);
    for (const l of cross) expect(l.text, l.text).toMatch(/sugar/i);
  });

  it('ends a line on one point where the wire wrote an abbreviation\'s and the sentence\'s: "…near Winnemucca, Nev."', () => {
    const lines = shownLines(compose('gold-silver')).map((l) => l.text);
    expect(lines.some((t) => /Winnemucca, Nev\.$/.test(t)), JSON.stringify(lines)).toBe(true);
  });

  it('names on the closing slide a topic of a topics-only spec that got no slide and that the bottom line does not tell: sugar\'s "Prices"', () => {
    const deck = compose('sugar-global');
    const closing = deck.slides.find((s) => s.kind === 'sources');
    expect(closing && closing.kind === 'sources' ? closing.caveat : '').toMatch(/No slide on .*"Prices"/);
    // (A topic the bottom line tells is no gap: gold and silver's AMAX find tells "Silver".)
    const gold = compose('gold-silver').slides.find((s) => s.kind === 'sources');
    expect(gold && gold.kind === 'sources' ? gold.caveat ?? '' : '').not.toMatch(/"Silver"/);
  });

  it('shows one story\'s lines on a slide in the order the story tells them: the Consolidated TVX deal before its details', () => {
    expect(inStoryOrder([{ docId: 'b', start: 50 }, { docId: 'a', start: 9 }, { docId: 'b', start: 10 }, { docId: 'a', start: 2 }]))
      .toEqual([{ docId: 'b', start: 10 }, { docId: 'a', start: 2 }, { docId: 'b', start: 50 }, { docId: 'a', start: 9 }]);
    for (const slide of compose('gold-silver').slides) {
      if (slide.kind !== 'bullets') continue;
      const tvx = slide.bullets.filter((b) => b.citation?.docId === 'acq/088' || /Consolidated TVX/.test(b.text)).map((b) => b.citation!.paragraph);
      expect(tvx, JSON.stringify(slide.bullets.map((b) => b.text))).toEqual([...tvx].sort((x, y) => x - y));
    }
  });

  it('says when a topic\'s stories are all about other places than the deck\'s ("The US labour market" over Japan\'s and Finland\'s jobless stories)', () => {
    const closing = compose('us-jobs').slides.find((s) => s.kind === 'sources');
    expect(closing?.kind === 'sources' ? closing.caveat : '').toMatch(/stories about "unemployment" are all about places other than the title's/);
    // a topic with stories in the deck's scope says nothing of the kind
    const coffee = compose('coffee').slides.find((s) => s.kind === 'sources');
    expect(coffee?.kind === 'sources' ? coffee.caveat ?? '' : '').not.toMatch(/other than the title's/);
  });

  it('keeps what usually happens out of a bottom line: "Normally Syria calls white sugar buying tenders…" is background', () => {
    const bluf = compose('sugar-global').slides.find((s) => s.kind === 'judgements');
    expect(bluf && bluf.kind === 'judgements' ? bluf.judgements.map((j) => j.text).join('\n') : '').not.toMatch(/^Normally/m);
  });
});
