/**
 * Speakers of quotations, on real passages: the seed articles in corpus/ and Reuters-21578
 * (Distribution 1.0, David D. Lewis; free for research), vendored under eval/corpora/reuters-21578-0.
 * Each passage is one document of kept paragraphs, hard-wrapped lines as the wire has them.
 */
import { describe, expect, it } from 'vitest';
import { extractEvidence } from '../../src/corpus/claims.ts';
import { documentOf } from '../support/document.ts';

const doc = (...paragraphs: string[]) => documentOf(paragraphs, '\n    ');
const quotes = (...paragraphs: string[]) =>
  extractEvidence(doc(...paragraphs), () => []).quotes.map((q) => ({ text: q.text, speaker: q.speaker, role: q.role }));
const claims = (...paragraphs: string[]) => extractEvidence(doc(...paragraphs), () => []).claims;

describe('quote speakers', () => {
  it('takes the name and role from a wire cue after the quote, across hard-wrapped lines', () => {
    // acq/003
    expect(quotes(`"I think they will resist it," said Elliott Schlang, analyst\nat Prescott, Ball and Turben Inc.`)).toEqual([
      { text: 'I think they will resist it,', speaker: 'Elliott Schlang', role: 'analyst at Prescott, Ball and Turben Inc' },
    ]);
  });

  it('resolves a bare surname and "he said" to the full name the article gave first', () => {
    // general/064
    const q = quotes(
      '"We\'re going to have a bill to markup, I guarantee you,\nbefore the Easter recess," Sen. David Boren (D-Okla.) said.',
      '"We all know we need a capital infusion," Boren said.',
    );
    expect(q.map((x) => [x.speaker, x.role])).toEqual([['David Boren', 'Senator'], ['David Boren', 'Senator']]);
    // cpi/002
    const marais = quotes(
      '"The outlook is more worrying than it was a few weeks ago," said\nSociete Generale economist Alain Marais.',
      '"The big question is whether the government\'s policy of wage\nmoderation will be maintained," he added.',
    );
    expect(marais.map((x) => x.speaker)).toEqual(['Alain Marais', 'Alain Marais']);
    expect(marais[1].role).toBe('Societe Generale economist');
  });

  it('reads a web paper\'s cues: a role before the name between commas, "Mr X said:", "he told the BBC:"', () => {
    // written for this test in a national paper's manner
    const q = quotes(
      'The British Retail Consortium (BRC) said its members had cut prices in January.',
      '"It has been a tough start to the year," said its director general, Kevin Hawkins.',
      'Mr Hawkins said: "We expect conditions to stay difficult until the spring."',
      'Analyst Nick Bubb said the figures were disappointing. He told the BBC: "The high street is in for a long winter."',
    );
    expect(q.map((x) => [x.speaker, x.role])).toEqual([
      ['Kevin Hawkins', 'director general'],
      ['Kevin Hawkins', 'director general'],
      ['Nick Bubb', 'Analyst'],
    ]);
  });

  it('keeps out a quote whose speaker is generic or never named in full', () => {
    // coffee/009, acq/003, general/013
    expect(quotes('"We can expect some fairly firm prices in the near term,"\na company spokeswoman said.')).toEqual([]);
    expect(quotes('"Otherwise, our response will be very negative," one official\nsaid.')).toEqual([]);
    expect(quotes('"That was not my impression of the meeting," Mr Volcker said.')).toEqual([]);
  });

  it('takes an organisation the cue names as the speaker', () => {
    // trade/007
    const q = quotes('"It suggests the Canada of the immediate post-war period, when it\nwas a major player," the Washington-based Atlantic Council said.');
    expect(q.map((x) => x.speaker)).toEqual(['Washington-based Atlantic Council']);
    expect(quotes('"We will restore output within a week," a Diamond Shamrock spokeswoman said.')).toEqual([
      { text: 'We will restore output within a week,', speaker: 'Diamond Shamrock', role: 'spokeswoman' },
    ]);
  });

  it('leaves "he said" unresolved when someone else spoke since the person was named', () => {
    // money-fx/012: "she" is Monsod, whom the kept text never names in full
    expect(quotes(
      'Finance Secretary Jaime Ongpin has said the government does not intend to devalue the peso.',
      'Monsod said Ongpin was looking at the exchange rate from the point of view of finance.',
      '"If the dollar rate goes higher, our debt service in terms of pesos\ngets higher, so the financing is very difficult," she said.',
    )).toEqual([]);
    // crude/002: "he" is the unnamed regional manager
    expect(quotes(
      '"OPEC\'s problem is not a price problem but a production issue," said Paul Mlotok, oil analyst with Salomon Brothers Inc.',
      '"OPEC has to learn that in a buyers market you cannot have deemed\nquotas, fixed prices and set differentials," said the regional\nmanager for one of the major oil companies.',
      '"The market is now trying to teach them that lesson again," he\nadded.',
    ).map((x) => x.text)).toEqual(['OPEC\'s problem is not a price problem but a production issue,']);
  });

  it('leaves "he added" unresolved after an unnamed speaker, the named person only inside a quote', () => {
    // general/286
    expect(quotes(
      '"At present, it is a no-win situation. Let us hope some of the extra\naid (UN) Secretary General Javier Perez de Cuellar called for at the\nweekend will be spent here," a Western aid specialist said.',
      '"At least this year\'s poor rains haven\'t exacerbated the problem," he\nadded.',
    )).toEqual([]);
  });

  it('does not take a name in the cue for the speaker when it is not the subject', () => {
    // grain/007
    expect(quotes('"The grain companies are trying to get this fired up again," an\naide to Agriculture Secretary Richard Lyng said.')).toEqual([]);
    expect(quotes('Agriculture Secretary Richard Lyng has said the matter is closed.', '"I just don\'t see any proposal like that sailing through any\ninteragency process," the aide to Lyng said.')).toEqual([]);
  });

  it('leaves "he said" unresolved when a name the article has speak stands in between', () => {
    // general/172: "he" is Funaro, whom the article never names in full
    expect(quotes(
      '"Perhaps the same principle should apply to creditors," said Francisco Gros, the central bank president.',
      'Funaro said the country could not pay. Funaro envisaged that any eventual solution would involve only partial servicing of the debt.',
      '"What we propose is to arrive at a mechanism of refinance," he said.',
    ).map((x) => x.speaker)).toEqual(['Francisco Gros']);
  });

  it('reads the seed articles\' style: a title before the name, "has stated that,"', () => {
    const q = quotes('Russian President Vladimir Putin has stated that, “the main struggle, which is now underway, is that for global leadership”.');
    expect(q).toEqual([{ text: 'the main struggle, which is now underway, is that for global leadership', speaker: 'Vladimir Putin', role: 'Russian President' }]);
  });

  it('makes a sentence inside an unattributed quotation reported speech, flawed, with no likelihood', () => {
    const [c] = claims('"Interest rates are likely to remain on hold for some time," a company spokeswoman said.');
    expect(c.kind).toBe('attributed');
    expect(c.likelihood).toBeUndefined();
    expect(c.flaws).toContain('inside a quotation without a named speaker');
  });

  it('takes a sentence that opens a quotation the wire never closes for someone else\'s words', () => {
    // general/127
    const [c] = claims('"Another alternative is to modify the planned five pct to perhaps three pct.');
    expect(c).toMatchObject({ kind: 'attributed' });
    expect(c.likelihood).toBeUndefined();
  });

  it('gives reported speech the full name of its source', () => {
    const [, c] = claims(
      '"We all know we need a capital infusion," said Sen. David Boren, chairman of the subcommittee.',
      'Boren said the system would need as much as 800 mln dlrs this year.',
    );
    expect(c).toMatchObject({ kind: 'attributed', attribution: 'David Boren' });
    expect(c.actors).toContain('David Boren');
  });
});
