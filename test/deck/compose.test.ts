/** Deck composition: each helper's slide, citations, empty sections, budgets and determinism. */
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/deck/index.ts';
import { LIKELIHOODS, type Slide } from '../../src/model.ts';
import { mainClause, outsideLists } from '../../src/deck/grammar.ts';
import { outsideAppositives } from '../../src/deck/compress.ts';
import { spec, store } from './fixture.ts';
import { fixtureStore } from '../select/fixture-store.ts';

const fm = (extra = '') => `---\ntitle: Test deck\naudience: analyst\n${extra}---\n`;
const compose = (src: string, strict = false) => composeDeck(spec(src), store, { strict });
const kinds = (slides: Slide[]) => slides.map((s) => s.kind);

describe('helpers', () => {
  it('claims → a bullets slide titled by its section, every bullet cited', () => {
    const { deck } = compose(fm() + '## Energy\n{{claims "gas" limit=2}}\n');
    const slide = deck.slides[1];
    expect(slide).toMatchObject({ kind: 'bullets', title: 'Energy' });
    if (slide.kind !== 'bullets') throw new Error();
    expect(slide.bullets).toHaveLength(2);
    for (const b of slide.bullets) {
      const doc = store.document(b.citation!.docId)!;
      expect(doc.text.slice(b.citation!.start, b.citation!.end)).toBe(b.citation!.sentence);
      expect(b.citation!.tag).toMatch(/^[\p{L} ]+ \d{4} ¶\d+$/u);
    }
  });

  it('figures → a figures slide with the figure as written', () => {
    const { deck } = compose(fm() + '## Numbers\n{{figures topic="arms trade"}}\n');
    const slide = deck.slides.find((s) => s.kind === 'figures');
    if (slide?.kind !== 'figures') throw new Error('no figures slide');
    // One figure compares with nothing: a card with its sentence.
    expect(slide.chart).toBe(false);
    expect(slide.figures[0]).toMatchObject({ display: '70%', value: 70, unit: '%', label: 'Russia supplied more than 70% of China’s arms imports between 2017 and 2021.' });
  });

  it('quote → the quotation verbatim with its speaker', () => {
    const { deck } = compose(fm() + '## Words\n{{quote speaker="Putin"}}\n');
    const slide = deck.slides[1];
    if (slide.kind !== 'quote') throw new Error();
    expect(slide.quote.text).toBe('we are not going to contest China on this.');
    expect(slide.quote.speaker).toBe('Vladimir Putin');
    expect(slide.citation.sentence).toContain('Putin said');
  });

  it('judgements and bluf → judgement slides, stated likelihoods first', () => {
    const { deck } = compose(fm() + '# BLUF\n{{bluf limit=1}}\n## J\n{{judgements "dependent leadership"}}\n');
    expect(kinds(deck.slides).slice(1, 3)).toEqual(['judgements', 'judgements']);
    const rank = (l?: string) => (l ? LIKELIHOODS.indexOf(l as (typeof LIKELIHOODS)[number]) : LIKELIHOODS.length);
    const judged = deck.slides.flatMap((s) => (s.kind === 'judgements' ? [s.judgements] : []));
    for (const js of judged) expect(js.map((j) => rank(j.likelihood))).toEqual(js.map((j) => rank(j.likelihood)).sort());
    expect(judged.flat().some((j) => j.likelihood === 'probable')).toBe(true);
    const all = deck.slides.flatMap((s) => (s.kind === 'judgements' ? s.judgements.map((j) => j.citation!.sentence) : []));
    expect(new Set(all).size).toBe(all.length);
  });

  it('scenarios → named scenarios; a forecast’s condition names it', () => {
    const { deck } = compose(fm() + '## S\n{{scenarios "Putin leading role resources"}}\n');
    const slide = deck.slides[1];
    if (slide.kind !== 'scenarios') throw new Error(kinds(deck.slides).join());
    expect(slide.scenarios.map((s) => s.name)).toContain('If Putin ceased to play a leading role');
    // the slide shows the rest of the sentence after its condition, not the sentence again
    const putin = slide.scenarios.find((s) => s.name === 'If Putin ceased to play a leading role')!;
    expect(putin.text.startsWith('If Putin')).toBe(false);
    expect(putin.citation!.sentence.replace(/\s+/g, ' ')).toContain(putin.text.slice(1, 40));
  });

  it('timeline → dated events in order', () => {
    const { deck } = compose(fm() + '## T\n{{timeline "partnership sanctions S-400"}}\n');
    const slide = deck.slides[1];
    if (slide.kind !== 'timeline') throw new Error(kinds(deck.slides).join());
    const years = slide.events.map((e) => e.when);
    expect(years).toEqual([...years].sort());
    expect(years).toContain('1996');
  });

  it('sources → the Sources slide where the spec puts it, with authors, title, publisher, date', () => {
    const { deck } = compose(fm() + '## A\n{{claims "gas"}}\n{{sources}}\n## After\nClosing words.\n');
    expect(kinds(deck.slides)).toEqual(['title', 'bullets', 'sources', 'markdown']);
    const src = deck.slides[2];
    if (src.kind !== 'sources') throw new Error();
    expect(src.sources[0]).toHaveProperty('title');
    expect(src.sources.every((s) => s.date)).toBe(true);
  });

  it('literal Markdown is kept as written', () => {
    const md = 'Keep **this** exactly.\n\n- one\n- two';
    const { deck } = compose(fm() + `## Note\n${md}\n`);
    expect(deck.slides[1]).toMatchObject({ kind: 'markdown', title: 'Note', markdown: md });
  });
});

describe('a spec with only topics', () => {
  it('still gives a complete deck: title, bottom line, a section per topic, a quote, sources', () => {
    const { deck, diagnostics } = compose(fm('topics: [energy, arms trade, China]\n'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(kinds(deck.slides)[0]).toBe('title');
    expect(deck.slides[1]).toMatchObject({ kind: 'judgements', title: 'Bottom line up front' });
    expect(deck.slides.map((s) => s.title)).toEqual(expect.arrayContaining(['Energy', 'Arms trade', 'In their words']));
    expect(kinds(deck.slides)).toContain('quote');
    expect(kinds(deck.slides).at(-1)).toBe('sources');
  });

  it('shows the plan\'s own figures slide only as a chart of one measure', () => {
    const { deck } = compose(fm('topics: [energy, arms trade, China]\n'));
    for (const s of deck.slides) if (s.kind === 'figures') expect(s.chart).toBe(true);
  });

  it('leaves the quote out when no quotation is on its topics', () => {
    // The fixture's one quotation ("we are not going to contest China on this") says nothing of energy or arms.
    const { deck } = compose(fm('topics: [energy, arms trade]\n'));
    expect(kinds(deck.slides)).not.toContain('quote');
  });
});

describe('empty evidence', () => {
  it('a query that matches nothing warns at its line and column, with a corpus word to try', () => {
    const { deck, diagnostics } = compose(fm() + '## Gas\n{{claims "pipline"}}\n');
    const d = diagnostics.find((x) => x.code === 'select/no-match');
    expect(d).toMatchObject({ severity: 'warning', line: 6, column: 1, hint: "did you mean 'pipline' → 'pipeline'?" });
    expect(kinds(deck.slides)).not.toContain('bullets');
    expect(diagnostics.find((x) => x.code === 'deck/empty-section')).toMatchObject({ line: 5, message: expect.stringContaining("'Gas'") });
  });

  it('--strict makes an empty section an error', () => {
    const { diagnostics } = compose(fm() + '## Gas\n{{claims "zebra"}}\n', true);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).sort()).toEqual(['deck/empty-section', 'select/no-match']);
  });

  it('a speaker nobody quoted is named, with the nearest speaker', () => {
    const { diagnostics } = compose(fm() + '## Q\n{{quote speaker="Putn"}}\n');
    expect(diagnostics[0]).toMatchObject({ code: 'select/no-match', hint: "did you mean 'Putin'?" });
  });

  it('a sources filter that matches no document is an error at its line', () => {
    const { diagnostics } = compose(fm('sources: [Reuters]\n') + '## A\n{{claims "gas"}}\n');
    expect(diagnostics.find((d) => d.code === 'select/no-documents')).toMatchObject({ severity: 'error', line: 4 });
  });
});

describe('audience policies', () => {
  const body = '## A\n{{claims "gas oil pipeline energy arms" limit=9}}\n';
  it('splits bullets over slides at the audience’s bullets per slide', () => {
    for (const [audience, per] of [['executive', 3], ['analyst', 5]] as const) {
      const { deck } = compose(fm().replace('analyst', audience) + body);
      const bullets = deck.slides.filter((s) => s.kind === 'bullets');
      for (const s of bullets) if (s.kind === 'bullets') expect(s.bullets.length).toBeLessThanOrEqual(per);
      expect(bullets.slice(1).every((s) => s.continued)).toBe(true);
    }
  });

  it('sets how citations show and what the notes hold', () => {
    const exec = compose(fm().replace('analyst', 'executive') + body).deck;
    const pub = compose(fm().replace('analyst', 'public') + body).deck;
    expect([exec.citations, pub.citations]).toEqual(['slide', 'sources-slide']);
    expect(exec.slides[1].notes[0].text).toMatch(/ — .*¶\d+, chars \d+–\d+$/);
    expect(pub.slides[1].notes[0].text).toMatch(/^Talking point: /);
  });

  it('a spec policy overrides the audience default', () => {
    const { deck } = compose(fm('policy: { bullets: 2 }\n') + body);
    for (const s of deck.slides) if (s.kind === 'bullets') expect(s.bullets.length).toBeLessThanOrEqual(2);
  });

  it('notes: false leaves speaker notes empty', () => {
    const { deck } = compose(fm('notes: false\n') + body);
    expect(deck.slides.every((s) => s.notes.length === 0)).toBe(true);
  });

  it('keeps the deck within its slide budget, saying what was left out', () => {
    const many = Array.from({ length: 6 }, (_, i) => `# Part ${i}\n`).join('') + body;
    const { deck, diagnostics } = compose(fm('length: 4\n') + many);
    expect(deck.slides).toHaveLength(4);
    expect(kinds(deck.slides)[0]).toBe('title');
    expect(kinds(deck.slides).at(-1)).toBe('sources');
    expect(kinds(deck.slides)).toContain('bullets');
    expect(diagnostics.find((d) => d.code === 'deck/over-budget')?.message).toContain("'Part 5'");
  });
});

describe('determinism', () => {
  it('the same spec and corpus give the same deck', () => {
    const src = fm('topics: [energy, arms trade]\n');
    expect(JSON.stringify(compose(src).deck)).toBe(JSON.stringify(compose(src).deck));
  });
});

describe("a bottom line's point is its main clause", () => {
  it('reads past the phrases a sentence opens on ("Despite…, considering…, …,") to the clause they lead up to (seed)', () => {
    const generic = 'Despite numerous challenges, considering beneficial military and economic projects, shared interests in RFE, CA and the Arctic accelerated by international sanctions, the Russo-Sino partnership will likely continue to flourish.';
    expect(mainClause(generic)).toBe('the Russo-Sino partnership will likely continue to flourish.');
    expect(mainClause('While sceptical voices have been silenced, dissatisfaction with the junior partner role remains.')).toBe('dissatisfaction with the junior partner role remains.');
    // nor a time phrase that is only the circumstance (seed corpus: "After Western sanctions, …")
    expect(mainClause('After Western sanctions, Chinese investments seem very attractive to Moscow to realize its ambitious plans for the Arctic.')).toBe('Chinese investments seem very attractive to Moscow to realize its ambitious plans for the Arctic.');
    // a sentence that opens on its subject has no leading phrases to read past
    expect(mainClause('Russia, despite its doubts, depends on China.')).toBeUndefined();
  });
  it('reads past what describes a name between commas (Reuters-21578, nat-gas and copper)', () => {
    const trust = 'LL and E Royalty Trust said Louisiana Land and Exploration Co <LLX>, the working interest owner for its oil and natural gas properties, is entitled to start placing all or part of the revenues that would otherwise accrue to the trust.';
    expect(outsideAppositives(trust)).not.toMatch(/natural gas/);
    expect(outsideAppositives('Magma Copper Co, a subsidiary of Newmont Mining Corp, said it is cutting its copper cathode price.')).toBe('Magma Copper Co said it is cutting its copper cathode price.');
    // a clause after a number or a common word is no description of a name
    const dutch = 'Dutch imports of oils rose to 2.16 mln tonnes in 1986 from 2.12 mln tonnes in 1985, the Commodity Board for Margarine, Fats and Oils said.';
    expect(outsideAppositives(dutch)).toBe(dutch);
    expect(outsideAppositives('Prices fell, the traders said, as supplies grew.')).toBe('Prices fell, the traders said, as supplies grew.');
    // a phrase with a verb of its own after a name is the sentence's clause (seed)
    const analysts = 'For many analysts in China, the invasion of Ukraine came as a surprise, and Beijing hesitated.';
    expect(outsideAppositives(analysts)).toBe(analysts);
  });
  it('reads past a list that names the subject as one of its items (Reuters-21578, gold)', () => {
    const rally = "Thousands of black mineworkers roared support for a union proposal to seize control of South Africa's gold, uranium, platinum and coal mines if the owners refuse to improve conditions for migrant black workers.";
    const read = outsideLists(rally);
    expect(read).not.toMatch(/gold|uranium|platinum|coal/);
    expect(read).toMatch(/^Thousands of black mineworkers roared support .* if the owners refuse/);
    expect(read.length).toBe(rally.length);
    expect(outsideLists('The bank has offices in London, Paris and New York, it said.')).not.toMatch(/London|Paris|New York/);
    // two items are no list; nor are clauses joined by commas
    const reserves = "Britain's gold and currency reserves showed an underlying rise of 287 mln dlrs in February.";
    expect(outsideLists(reserves)).toBe(reserves);
    expect(outsideLists('Sales rose, profits fell and costs climbed.')).toBe('Sales rose, profits fell and costs climbed.');
    expect(outsideLists('Gold prices rose to 410 dlrs an ounce, dealers said.')).toBe('Gold prices rose to 410 dlrs an ounce, dealers said.');
  });
});

describe("a bottom line names its subject as its point, not as one of a list", () => {
  it('leaves out a lead that names the subject only among others (Reuters-21578, gold)', () => {
    const mines = fixtureStore([
      {
        id: 'rally', title: 'Miners back union plan', date: '1987-03-02',
        paragraphs: [
          [{ text: "Thousands of mineworkers roared support for a union proposal to seize control of South Africa's gold, uranium, platinum and coal mines if the owners refuse to improve conditions.", kind: 'fact' }],
          [{ text: 'The union said its members would decide on the proposal at a congress next month.', kind: 'fact' }],
        ],
      },
      {
        id: 'price', title: 'Gold price rises', date: '1987-03-02',
        paragraphs: [
          [{ text: 'Gold rose to its highest level in four years as investors sought a haven from the falling dollar, dealers said.', kind: 'fact' }],
          [{ text: 'Gold closed at 410 dlrs an ounce in London, up from 405 dlrs on Friday.', kind: 'statistic' }],
        ],
      },
    ]);
    const { deck } = composeDeck(spec(fm('topics: [gold]\n')), mines);
    const bluf = deck.slides.find((s) => s.kind === 'judgements');
    const lines = bluf && bluf.kind === 'judgements' ? bluf.judgements.map((j) => j.text) : [];
    expect(lines.join('\n')).toMatch(/highest level in four years/);
    expect(lines.join('\n')).not.toMatch(/mineworkers/);
  });
});

describe('a spec whose body only says what the deck is for', () => {
  it('keeps its words as the opening slide and plans the rest from its topics', () => {
    const { deck } = composeDeck(spec(fm('topics: [energy, arms trade]\n') + '\nA short update for the minister on energy and arms ties.\n'), store);
    expect(deck.slides[1]).toMatchObject({ kind: 'markdown', title: 'Purpose', markdown: 'A short update for the minister on energy and arms ties.' });
    expect(deck.slides.some((s) => s.kind === 'judgements')).toBe(true);
    expect(deck.slides.filter((s) => s.kind === 'bullets').map((s) => s.title)).toContain('Energy');
  });
  it('leaves a body with its own helper calls as written', () => {
    const { deck } = composeDeck(spec(fm('topics: [energy]\n') + '\n## Pipelines\n\n{{claims "pipeline gas"}}\n'), store);
    expect(deck.slides.some((s) => s.kind === 'judgements')).toBe(false);
  });
});

describe("a bottom line when the topics tell less than the title", () => {
  it('reads the title\'s own phrase ("general election") where the topics tell fewer stories than it', () => {
    const election = fixtureStore([
      { id: 'p/1', title: 'Election called for 5 May', paragraphs: [[{ text: 'The prime minister has called a general election for 5 May, ending months of speculation.', kind: 'fact' }], [{ text: 'The general election campaign will last four weeks.', kind: 'fact' }]] },
      { id: 'p/2', title: 'Labour wins general election', paragraphs: [[{ text: 'Labour has won the general election with a majority of 66, its third victory in a row.', kind: 'fact' }], [{ text: 'Turnout at the general election was 61%.', kind: 'statistic' }]] },
      { id: 'p/3', title: 'Tories lose general election', paragraphs: [[{ text: 'The Conservatives lost the general election despite gaining 33 seats.', kind: 'fact' }], [{ text: 'The party leader said he would stand down after the general election defeat.', kind: 'fact' }]] },
      { id: 'p/4', title: 'Tories put immigration first', paragraphs: [[{ text: 'The Conservatives have put immigration at the centre of their campaign, pledging an annual limit.', kind: 'fact' }], [{ text: 'Immigration was raised by one voter in five.', kind: 'statistic' }]] },
    ]);
    const { deck } = composeDeck(spec('---\ntitle: The 2005 general election\naudience: analyst\ntopics: [immigration, opinion polls]\n---\n'), election);
    const bluf = deck.slides.find((s) => s.kind === 'judgements');
    const lines = bluf && bluf.kind === 'judgements' ? bluf.judgements.map((j) => j.citation?.docId) : [];
    expect(lines.some((d) => d === 'p/2' || d === 'p/1' || d === 'p/3'), JSON.stringify(bluf)).toBe(true);
  });
});

describe('a topic that names its own one', () => {
  it('keeps its stories that name none of the deck\'s other topics ("Harwell takeover bids" beside "pension deficit")', () => {
    const bid = fixtureStore([
      { id: 'b/1', title: 'Harwell confirms approach', paragraphs: [[{ text: 'Harwell Foods has confirmed a takeover approach from Alderbrook, and its pension deficit of £320m may complicate any deal.', kind: 'fact' }], [{ text: 'The pension deficit has grown for three years.', kind: 'fact' }]] },
      { id: 'b/2', title: 'Harwell rejects approach', paragraphs: [[{ text: 'Harwell Foods has rejected a £1.9bn takeover approach from Alderbrook Partners.', kind: 'fact' }], [{ text: 'Shares in Harwell fell 4p to 228p.', kind: 'statistic' }]] },
      { id: 'b/3', title: 'Harwell backs deal', paragraphs: [[{ text: 'Harwell Foods has agreed to a £2.3bn takeover by Alderbrook, which will pay £150m towards the pension deficit.', kind: 'fact' }], [{ text: 'The pension deficit will be halved by the payment.', kind: 'fact' }]] },
    ]);
    const { deck } = composeDeck(spec('---\ntitle: The battle for Harwell Foods\naudience: analyst\ntopics: [Harwell takeover bids, pension deficit]\n---\n'), bid);
    const cited = deck.slides.flatMap((s) => (s.kind === 'bullets' ? s.bullets : s.kind === 'judgements' ? s.judgements : [])).map((b) => b.citation?.docId);
    expect(cited, JSON.stringify(deck.slides.map((s) => s.title))).toContain('b/2');
  });
});
