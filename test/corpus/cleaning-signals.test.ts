/**
 * The signals cleaning reads besides jusText's: page furniture the markup names, the article's
 * header before what Readability finds, patterns of boilerplate in the languages pages use, the
 * end of the article announced in them, and stopword thresholds for lists that cover less.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/corpus/formats/html.ts';
import { cleanSections, cleanText } from '../../src/corpus/clean.ts';
import { classifyAlone, densityScale } from '../../src/corpus/justext.ts';
import { dateAlone } from '../../src/corpus/lines.ts';
import { detectLanguage, languageProfile, otherLanguageReader } from '../../src/corpus/language.ts';
import { matchBoilerplate } from '../../src/corpus/patterns.ts';
import { ingestFile } from '../../src/corpus/read.ts';

const PARAS = [
  'The ministry will review the harvest figures again in the spring, because the first estimate was made before the grain had been counted in all of the regions.',
  'Officials said that the western regions had suffered most from the dry summer, while the east had its best yields in a decade and will export more than it did last year.',
  'Traders expect prices to stay high until the new figures are out, as buyers in North Africa and Asia have already booked most of what the ports can ship this winter.',
  'The report ends with a warning that the shortage of storage could cost farmers a tenth of their crop if the exports are delayed again by the weather or by the war.',
];
const LEAD = 'A dry summer in the west and a record crop in the east leave the ministry with two harvests to count, and traders with prices that will not come down before spring.';

const html = (body: string) => `<!doctype html><html><head><title>Harvest review</title></head><body>${body}</body></html>`;
const ingestHtml = async (page: string) => (await ingestFile({ path: 'page.html', bytes: Buffer.from(page) })).document!;
const reasonOf = (doc: Awaited<ReturnType<typeof ingestHtml>>, text: string) => doc.dropped.find((d) => d.text.includes(text))?.reason;

describe('page furniture named by the markup', () => {
  it('drops share bars, comments and author boxes inside the article, with the element or class as the reason', async () => {
    const doc = await ingestHtml(
      html(`<div class="site has-sidebar"><article>
        <h1>Harvest review</h1>
        ${PARAS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}
        <div class="entry-share-bar"><p>Share this on Facebook, Twitter and by e-mail with your friends today</p></div>
        ${PARAS.slice(2).map((p) => `<p>${p}</p>`).join('')}
        <div class="author-box"><p>Anna Petrova has covered farming and the grain trade for the desk since the last harvest of the old century.</p></div>
        <div id="comments"><p>I think the ministry is wrong about the east, the yields there were never that good and everybody in the villages knows it.</p></div>
      </article></div>`),
    );
    const kept = doc.paragraphs.map((p) => p.text);
    for (const p of PARAS) expect(kept).toContain(p);
    expect(reasonOf(doc, 'Share this on Facebook')).toMatch(/^markup: page furniture \(class "entry-share-bar"\)/);
    expect(reasonOf(doc, 'Anna Petrova has covered')).toMatch(/^markup: page furniture/);
    expect(reasonOf(doc, 'I think the ministry is wrong')).toMatch(/^markup: page furniture \(id "comments"\)/);
  });

  it('takes a box holding most of the page for a wrapper, whatever its name', async () => {
    const { blocks, text } = await readHtml(html(`<div class="sidebar-layout">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div><footer><p>© Farm Desk</p></footer>`));
    const at = (s: string) => blocks.find((b) => text.startsWith(s, b.start));
    expect(at(PARAS[0])?.furniture).toBeUndefined();
  });

  it('reads what a reader without scripts sees: <noscript> text, not hidden elements', async () => {
    const page = html(`<article><h1>Harvest review</h1><noscript>${PARAS.map((p) => `<p>${p}</p>`).join('')}</noscript>
      <div style="display: none"><p>This hidden teaser of another story should never be read by anyone at all, it is not shown.</p></div></article>`);
    const doc = await ingestHtml(page);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(PARAS));
    expect(doc.text).not.toContain('hidden teaser');
  });

  it('reads a page the parser leaves outside its body (no <html> tag)', async () => {
    const page = `<!DOCTYPE html><head><title>Harvest review</title></head>\n<body><article><h1>Harvest review</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></body>`;
    const { page: whole } = await readHtml(page);
    for (const p of PARAS) expect(whole?.text ?? '').toContain(p);
  });

  it("keeps table cells and code of Readability's article like list items", async () => {
    const doc = await ingestHtml(
      html(`<article><h1>Harvest review</h1><p>${PARAS[0]}</p>
        <table><tr><th>Crop</th><th>Tonnes</th></tr><tr><td>Wheat</td><td>20 million</td></tr></table>
        <p>${PARAS[1]}</p><pre>harvest --region east</pre><p>${PARAS[2]}</p><p>${PARAS[3]}</p></article>`),
    );
    const kept = doc.paragraphs.map((p) => p.text);
    expect(kept).toContain('Wheat');
    expect(kept).toContain('20 million');
    expect(kept).toContain('harvest --region east');
  });
});

describe("the article's header", () => {
  it('keeps the standfirst a page sets between the title and the body, and drops the labels there', async () => {
    const page = html(`<nav><a href="/">Home</a> <a href="/farm">Farming</a></nav>
      <header><h1>Harvest review</h1><p class="standfirst">${LEAD}</p><p>Farming</p></header>
      <div class="content"><div class="body">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div></div>`);
    const { blocks, text } = await readHtml(page);
    const lead = blocks.find((b) => text.startsWith(LEAD, b.start));
    expect(lead?.lead).toBe(true);
    const doc = await ingestHtml(page);
    const kept = doc.paragraphs.map((p) => p.text);
    expect(kept[0]).toBe(LEAD);
    for (const p of PARAS) expect(kept).toContain(p);
    expect(kept).not.toContain('Farming');
  });
});

describe('boilerplate in the languages pages use', () => {
  it('knows lines that send the reader elsewhere, comment forms, disclosures and credits', () => {
    expect(matchBoilerplate('Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo')).toBe('link to another article');
    expect(matchBoilerplate('Read more: Looted colonial art: Germany to set up new contact office')).toBe('link to another article');
    expect(matchBoilerplate('Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.')).toBe('comment form or prompt');
    expect(matchBoilerplate('Das Hermelin ist im Winter gut getarnt. (mlharing / iStock.com)')).toBe('photo or image credit');
    expect(matchBoilerplate('Bei den Verlinkungen handelt es sich um Affiliate Links')).toBe('advertising or affiliate disclosure');
    expect(matchBoilerplate('Follow The Gleaner on Twitter and Instagram @JamaicaGleaner.')).toBe('newsletter or follow box');
    expect(matchBoilerplate('2022 - Todos los derechos reservados.')).toBe('rights notice');
    expect(matchBoilerplate('Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin.')).toBe('post filing line');
    expect(matchBoilerplate('Möchten Sie den Artikel teilen?')).toBe('share or like buttons');
    expect(matchBoilerplate('Abbildung: Vergleich auf dem Aletschgletscher. Unsere quantifizierten Variationen der Schneehöhe.')).toBe('figure caption');
    expect(matchBoilerplate('Figure 2. Monthly gas exports to China, 2019–2023')).toBe('figure caption');
    expect(matchBoilerplate('Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02')).toBe('date stamp');
    expect(matchBoilerplate('Published on March 5, 2024')).toBe('date stamp');
  });

  it('leaves article sentences that use the same words alone', () => {
    expect(matchBoilerplate('Banc One Corp said the First National Bank of Fenton has become Bank One, bringing the number of its affiliates to three.')).toBeUndefined();
    expect(matchBoilerplate('The credit is supported by a guarantee from the company’s Canadian affiliate.')).toBeUndefined();
    expect(matchBoilerplate('Officials said they would share the figures with the ministry in the spring.')).toBeUndefined();
    expect(matchBoilerplate('Figures from the ministry show exports fell by a fifth in March.')).toBeUndefined();
    expect(matchBoilerplate('Bilder aus dem Archiv zeigen die Anlage vor dem Umbau.')).toBeUndefined();
    expect(matchBoilerplate('Published on March 5, 2024, the report found that exports to China had doubled since the sanctions began.')).toBeUndefined();
  });

  it('ends the article at a heading of related stories or comments in German, Spanish, French or Polish', () => {
    for (const heading of ['Das könnte Sie auch interessieren!', 'Noticias relacionadas', 'À lire aussi', 'Zobacz też:', 'Schreibe einen Kommentar', '11 Kommentare']) {
      const text = `${PARAS.join('\n\n')}\n\n${heading}\n\nAnother story about the harvest that the site wants you to read next, with a picture of a tractor in it.\n`;
      const { dropped } = cleanText(text);
      expect(dropped.some((d) => d.reason === 'end-of-article marker'), heading).toBe(true);
      expect(dropped.some((d) => d.text.includes('Another story')), heading).toBe(true);
    }
  });

  it("keeps a paragraph of Readability's article that trails off, unless it links elsewhere", async () => {
    const trailing = 'And so the ministry waits for the spring, for the figures, and for the weather to turn…';
    const doc = await ingestHtml(
      html(`<article><h1>Harvest review</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}<p>${trailing}</p>
        <p><a href="/other">Prices in the ports rose again last week as the buyers from Asia came back to the market…</a></p></article>`),
    );
    const kept = doc.paragraphs.map((p) => p.text);
    expect(kept).toContain(trailing);
    expect(kept.some((p) => p.startsWith('Prices in the ports'))).toBe(false);
  });
});

describe('plain text copied from a page: where the article ends, and its tables', () => {
  const BIO =
    'Anna Petrova has written about farming and the grain trade for the desk since the last harvest of the old century, and she lives on a farm herself.';
  const page = (between: string, after: string) =>
    `Farm Desk\nNews\nMarkets\n\nHarvest review\n\n${PARAS.join('\n\n')}\n\n${between}\n\n${after}\n\nArchive\nContact\nImprint\n`;

  it("drops a short box of prose that something dropped separates from the article's end", () => {
    const { paragraphs, dropped } = cleanText(page('Share this article\nTweet\nPrint', BIO), 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual(PARAS);
    expect(dropped.find((d) => d.text.includes('Anna Petrova'))?.reason).toBe('apart from the article, after it (a box beside the text)');
  });

  it('keeps it when it follows the article directly, or when it is a part of the article as long as a box is not', () => {
    const direct = cleanText(page('', BIO), 0, undefined, { title: 'Harvest review' });
    expect(direct.paragraphs.map((p) => p.text)).toEqual([...PARAS, BIO]);
    const more = [
      'In the east the farmers have already sold most of what they grew, and the co-operatives say that they will need new silos before the next summer comes round.',
      'The ministry has promised to pay for half of them, but the money is not in the budget yet, and the regions want the rest from the buyers who take the grain abroad.',
      'Nobody expects the question to be settled before the figures are out, which leaves the farmers to decide on their own what they will sow in the autumn.',
    ];
    const second = cleanText(page('Share this article\nTweet\nPrint', more.join('\n\n')), 0, undefined, { title: 'Harvest review' });
    expect(second.paragraphs.map((p) => p.text)).toEqual([...PARAS, ...more]);
  });

  it('keeps the rows of a table inside the article (cells copied with tabs between them), not labels', () => {
    const rows = ['Region\tYield\tChange', 'West\t2.1 t/ha\t-18 %', 'East\t4.6 t/ha\t+9 %'];
    const text = `Harvest review\n\n${PARAS.slice(0, 2).join('\n\n')}\n${rows.join('\n')}\n${PARAS.slice(2).join('\n\n')}\n`;
    const { paragraphs } = cleanText(text, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual([...PARAS.slice(0, 2), ...rows, ...PARAS.slice(2)]);
  });

  it('keeps the rows of a table among boilerplate, not a menu or a line of a box that holds a tab', () => {
    const results = ['1.\tOtt, Verena\t1993\tSSV Ulm\t13,37 sec.', '2.\tBraun, Hannah\t1993\tTV Holzheim\t13,78 sec.'];
    const menu = 'Results\nClasses\nArchive\nMünchen\t31°\nShop\nJobs';
    const text = `Sports day\n\n${PARAS.slice(0, 2).join('\n\n')}\n\nShare\nTweet\n\n100 m\n\n${results.join('\n')}\n\n${PARAS.slice(2).join('\n\n')}\n\n${menu}\n\nContact\nImprint\n`;
    const { paragraphs, dropped } = cleanText(text, 0, undefined, { title: 'Sports day' });
    expect(paragraphs.map((p) => p.text)).toEqual([...PARAS.slice(0, 2), ...results, ...PARAS.slice(2)]);
    expect(dropped.some((d) => d.text.includes('München\t31°'))).toBe(true);
  });

  it("keeps the page's own paragraph cut short (a paywall's lead), not the teasers of a list", () => {
    const cut = `${PARAS[0].slice(0, -1)}, and the traders who came to the ports in the autumn found the silos full of last year's grain…`;
    const alone = `Farm Desk\nNews\n\nHarvest review\n\n${cut}\n\nSubscribe to read on\nLog in\n\nArchive\nContact\n`;
    expect(cleanText(alone, 0, undefined, { title: 'Harvest review' }).paragraphs.map((p) => p.text)).toEqual([cut]);
    const teasers = [
      'Prices in the ports rose again last week as the buyers from Asia came back to the market and the exporters ran out of…',
      'The co-operatives in the east want new silos before the summer, and they want the ministry to pay for half of them…',
    ];
    const list = `Harvest review\n\n${PARAS.join('\n\n')}\n\n${teasers.join('\n\n')}\n`;
    const { paragraphs, dropped } = cleanText(list, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual(PARAS);
    expect(dropped.find((d) => d.text.startsWith('Prices in the ports'))?.reason).toBe('boilerplate: truncated teaser');
  });

  const MORE = [
    'In the east the farmers have already sold most of what they grew, and the co-operatives say that they will need new silos before the next summer comes round.',
    'The ministry has promised to pay for half of them, but the money is not in the budget yet, and the regions want the rest from the buyers who take the grain abroad.',
    'Nobody expects the question to be settled before the figures are out, which leaves the farmers to decide on their own what they will sow in the autumn.',
  ];
  const BOX = 'Read more\n\nGrain prices at a ten-year high\nPorts full before the winter\n\n';

  it('goes on after a box of related stories inside the article when three good paragraphs follow it, not after a list of links', () => {
    const text = `Harvest review\n\n${PARAS.join('\n\n')}\n\n${BOX}${MORE.join('\n\n')}\n`;
    const { paragraphs, dropped } = cleanText(text, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual([...PARAS, ...MORE]);
    expect(dropped.find((d) => d.text.includes('Grain prices at'))?.reason).toMatch(/^after end-of-article marker/);
    // Teasers one at a time between headlines are a list of links: they stay dropped.
    const list = `Harvest review\n\n${PARAS.join('\n\n')}\n\n${BOX}${MORE.join('\n\nPorts in the south\n\n')}\n`;
    expect(cleanText(list, 0, undefined, { title: 'Harvest review' }).paragraphs.map((p) => p.text)).toEqual(PARAS);
  });

  it('goes on after the box in a later section of a long text too', () => {
    const AGAIN = [
      'Across the border the harvest was no better, and the millers there have asked their government to let them buy abroad for the first time in many years.',
      'The two ministries will meet in March to talk about the railway that carries most of the grain to the ports, which has been closed for repairs since the autumn.',
    ];
    const text = `Harvest review\n\n${PARAS.join('\n\n')}\n\n${BOX}${AGAIN.join('\n\n')}\n\n${MORE.join('\n\n')}\n`;
    const whole = cleanText(text, 0, undefined, { title: 'Harvest review' });
    const parts = cleanSections(text, 0, undefined, { title: 'Harvest review' }, {}, 900);
    expect(parts.endMarker).toBe('Read more');
    expect(parts.paragraphs.map((p) => p.text)).toEqual(whole.paragraphs.map((p) => p.text));
    expect(parts.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(MORE));
  });

  it('keeps short sentences in a row after the article (steps of a recipe), not those a menu separates from it', () => {
    const steps = ['Heat the oven to 200 degrees.', 'Line a tray with baking paper.', 'Put the biscuits on it and press the almonds in.', 'Bake them for fifteen minutes until they are golden.'];
    const footer = 'Leave a comment\nPrevious post\nNext post\nCategories\nArchive';
    const text = `Almond biscuits\n\n${PARAS.join('\n\n')}\n\n${steps.join('\n')}\n\n${footer}\n`;
    const { paragraphs } = cleanText(text, 0, undefined, { title: 'Almond biscuits' });
    expect(paragraphs.map((p) => p.text)).toEqual([...PARAS, ...steps]);
    const apart = `Almond biscuits\n\n${PARAS.join('\n\n')}\n\n${footer}\n\n${steps.join('\n')}\n\nAbout us\nContact\n`;
    expect(cleanText(apart, 0, undefined, { title: 'Almond biscuits' }).paragraphs.map((p) => p.text)).toEqual(PARAS);
  });

  it("drops an author's box of several sentences after the article, apart from it", () => {
    const article = [
      ...PARAS,
      'In the east the farmers have already sold most of what they grew, and the co-operatives say that they will need new silos before the next summer comes round.',
      'The ministry has promised to pay for half of them, but the money is not in the budget yet, and the regions want the rest from the buyers who take the grain abroad.',
      'Nobody expects the question to be settled before the figures are out, which leaves the farmers to decide on their own what they will sow in the autumn.',
      'The millers, for their part, have asked the ministry to keep a reserve in the state silos, so that the price of bread does not follow the price of grain abroad.',
      'Their association says that a tenth of the harvest would be enough, and that the reserve could be sold in the spring, when the ports are quiet and prices fall.',
      'The ministry has not answered yet, but officials say privately that the budget for the next year leaves no room for buying grain at the prices of this autumn.',
      'The farmers in the west, who lost most of their crop to the drought, have asked for help of their own, and they will march on the capital if none is promised.',
      'Their union wants the ministry to pay a tenth of what they lost, and to delay the taxes on land until the next harvest is in and the prices are known.',
      'The ministry says that it will meet the union in the spring, when the figures are out, and that nothing will be decided before then in any case.',
    ];
    const bio = `${BIO} Before that she reported on the markets of the region for a news agency, from the ports of the south and from the capital, for twelve years. Her book on the grain trade of the region came out last spring, and she teaches a course on it at the university in the autumn and the winter, to students of economics. She is writing a second one now, on the railways that carried the grain to the ports before the war.`;
    const text = `Farm Desk\nNews\n\nHarvest review\n\n${article.join('\n\n')}\n\nShare this article\nTweet\nPrint\n\n${bio}\n\nArchive\nContact\n`;
    expect(bio.length).toBeGreaterThan(550);
    const { paragraphs } = cleanText(text, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual(article);
  });

  it('keeps the short lines of a list that hold figures (quantities, prices), not the label over them', () => {
    const list = ['200 g of flour', '100 g ground almonds', '2 eggs, beaten', 'Bake for 15 minutes'];
    const text = `Almond biscuits\n\n${PARAS[0]}\n\nIngredients\n${list.join('\n')}\n\n${PARAS.slice(1).join('\n\n')}\n`;
    const { paragraphs, dropped } = cleanText(text, 0, undefined, { title: 'Almond biscuits' });
    expect(paragraphs.map((p) => p.text)).toEqual([PARAS[0], ...list, ...PARAS.slice(1)]);
    expect(dropped.find((d) => d.text === 'Ingredients')?.reason).toBe('short line not followed by article text (label, button or list of links)');
  });

  it('drops a date alone between the paragraphs (a stamp), not a heading that names a year', () => {
    const stamp = '16 marca 2021, 14:20';
    const text = `Harvest review\n\n${PARAS.slice(0, 2).join('\n\n')}\n\n${stamp}\n\n${PARAS[2]}\n\nSpring 2021\n\n${PARAS[3]}\n`;
    const { paragraphs, dropped } = cleanText(text, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual([...PARAS.slice(0, 3), 'Spring 2021', PARAS[3]]);
    expect(dropped.find((d) => d.text === stamp)?.reason).toBe('a date alone (a stamp, not text)');
    for (const date of ['5. Januar 2016 um 20:20', '19.10.2019, 05:00 Uhr', 'March 5, 2024']) expect(dateAlone(date), date).toBe(true);
    for (const line of ['Dezember 2008', 'Harvest 2021: what the regions grew', 'Grain prices at a ten-year high']) expect(dateAlone(line), line).toBe(false);
  });

  it("keeps a line of the text that trails off beside a paragraph, not a 'Read more…' or a list of teasers", () => {
    const open = 'And then the rain came, as it always does…';
    const text = `Harvest review\n\n${PARAS.slice(0, 2).join('\n\n')}\n\n${open}\n\n${PARAS.slice(2).join('\n\n')}\n\nContinue reading…\n`;
    const { paragraphs, dropped } = cleanText(text, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual([...PARAS.slice(0, 2), open, ...PARAS.slice(2)]);
    expect(dropped.find((d) => d.text.startsWith('Continue reading'))?.reason).toBe('boilerplate: truncated teaser');
  });

  it('drops a headline kept in the text that the page shows again in its list of other stories, not a subheading its contents list', () => {
    const headline = 'Ports full before the winter';
    const text = `Harvest review\n\nContents\nIn the west\nIn the east\n\n${PARAS[0]}\n\nIn the west\n\n${PARAS[1]}\n\n${headline}\n\n${PARAS.slice(2).join('\n\n')}\n\nMore from the desk\n\n${headline}\nGrain prices at a ten-year high\nArchive\n`;
    const { paragraphs, dropped } = cleanText(text, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual([PARAS[0], 'In the west', ...PARAS.slice(1)]);
    expect(dropped.find((d) => d.text === headline)?.reason).toBe('repeated further down among dropped blocks (a headline or menu item)');
  });

  it('leaves a standfirst before the article alone', () => {
    const text = `Farm Desk\nNews\n\n${LEAD}\n\nShare this article\nTweet\n\n${PARAS.join('\n\n')}\n`;
    const { paragraphs } = cleanText(text, 0, undefined, { title: 'Harvest review' });
    expect(paragraphs.map((p) => p.text)).toEqual([LEAD, ...PARAS]);
  });
});

describe('languages whose stoplist covers less of the text', () => {
  const POLISH = [
    'Siedemnastego kwietnia na konferencji prasowej premier Andrej Babiš i wicepremier Jan Hamáček poinformowali o wydaleniu osiemnastu pracowników ambasady Rosji w Pradze, których czeskie służby zidentyfikowały jako oficerów rosyjskiego wywiadu.',
    'Informacja o noszącym cechy aktu terrorystycznego ataku na terytorium Czech, który spowodował śmierć obywateli tego kraju, zmusiła władze do stanowczej reakcji wobec Moskwy i rosyjskich placówek dyplomatycznych.',
    'Media czeskie i brytyjskie łączą wysadzenie czeskiego składu amunicji z ujawnioną przez brytyjski portal dziennikarstwa śledczego działalnością jednostki rosyjskiego wywiadu wojskowego w Europie Środkowej.',
  ];

  it('scales the stopword thresholds by what its long blocks read at, at most halved', () => {
    const polish = languageProfile('pl');
    const scale = densityScale(POLISH, polish);
    expect(scale).toBeLessThan(1);
    expect(scale).toBeGreaterThanOrEqual(0.5);
    expect(densityScale(PARAS, languageProfile('en'))).toBe(1);
  });

  it('keeps Polish prose that a fixed threshold takes for a menu', () => {
    const text = `Strona główna\nO nas\nKontakt\n\n${POLISH.join('\n\n')}\n`;
    const { paragraphs } = cleanText(text, 0, text.length, { title: 'Rosyjskie zamachy w Czechach' }, { language: languageProfile('pl') });
    expect(paragraphs.map((p) => p.text)).toEqual(POLISH);
  });
});

describe('a paragraph in another language than its document', () => {
  const GERMAN = [
    'Am Mittwoch trafen sich die Mitglieder des Vereins wieder in den Räumen der Firma am Hafen, um über die Erfahrungen mit den neuen Formen der Zusammenarbeit zu sprechen.',
    'Die nächste Runde findet im Mai statt, und wer einen kurzen Vortrag halten möchte, meldet sich bitte bis Ende April bei den Gastgebern, damit das Programm geplant werden kann.',
  ];
  const TALK = [
    'Three war stories about the organisational models that worked for us, told by the people who built them, with what they would do again and what they would never try twice.',
    'Small groups then took the lessons from the stories and tried them on the problems that each of them had brought along, and presented what they found to the whole room.',
  ];

  it('is read by its own stopwords, when it is long enough to tell', async () => {
    const german = languageProfile('de');
    const languageOf = await otherLanguageReader(`${GERMAN.join('\n')}\n${TALK.join('\n')}\n`, german, 130, 0.32);
    expect(languageOf).toBeDefined();
    expect(languageOf!(TALK[0])?.code).toBe('en');
    expect(classifyAlone(TALK[0], german)).not.toBe('good');
    expect(classifyAlone(TALK[0], german, 0, 1, languageOf)).toBe('good');
    expect(await otherLanguageReader(GERMAN.join('\n'), german, 130, 0.32)).toBeUndefined();
  });

  it('stays with the article on a page in another language', async () => {
    const more = [
      'Die Gastgeber danken allen, die gekommen sind, und besonders denen, die von ihren eigenen Erfahrungen erzählt haben, auch wenn nicht alles so gelaufen ist, wie sie es sich vorgestellt hatten.',
      'Wer beim letzten Mal nicht dabei sein konnte, findet die Unterlagen der Vorträge auf den Seiten des Vereins, zusammen mit den Fotos des Abends und einer kurzen Zusammenfassung der Gespräche.',
    ];
    const menu = 'Startseite | Veranstaltungen | Arbeitsgruppen | Blog | Umfrage | Mitglieder | Kontakt | Impressum';
    const share = 'Teilen: Drucken | Twitter | Facebook | LinkedIn | E-Mail | WhatsApp | Pinterest | Xing';
    const text = `${menu}\n\nDas Treffen im April\n\n${TALK.join('\n\n')}\n\n${share}\n\n${[...GERMAN, ...more].join('\n\n')}\n\nArchiv\nSuche\n`;
    const doc = (await ingestFile({ path: 'page.txt', bytes: Buffer.from(text) })).document!;
    expect(doc.language).toBe('de');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(TALK));
  });
});

describe('language detection', () => {
  it('is not decided by one long line in another language', async () => {
    const german = [
      'Alfa Romeo wird sein neues Formel-1-Auto für die Saison erst nach dem ersten Vorsaisontest in Barcelona Ende des Monats offiziell vorstellen, wie das Team am Mittwoch bestätigte.',
      'Das Team bestätigte am Mittwoch, dass sein neues Auto bei den Testfahrten noch in einer Tarnlackierung fahren wird, bevor die endgültige Lackierung gezeigt wird.',
      'Es startet mit einer komplett neuen Fahrerpaarung in die Saison, zu der der ehemalige Mercedes-Pilot und ein Aufsteiger aus der Formel 2 gehören, die beide viel vorhaben.',
    ];
    const notice =
      '© 1997-2022 sport media group GmbH · This website is unofficial and is not associated in any way with the Formula 1 companies. F1, FORMULA ONE, FORMULA 1, FIA FORMULA ONE WORLD CHAMPIONSHIP, GRAND PRIX and related marks are trade marks of Formula One Licensing B.V., and they are used here for the purposes of the news reporting only, as the site reports on the sport and nothing else.';
    expect(await detectLanguage(`${notice}\n${german.join('\n')}\n`)).toBe('de');
  });
});
