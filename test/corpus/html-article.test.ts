/**
 * HTML: what Readability finds is kept block by block, and only what it lets through is cleaned;
 * the whole page is read when Readability settles on too little of it.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/corpus/formats/html.ts';
import { ingestFile } from '../../src/corpus/read.ts';

const PARAS = [
  'The ministry will review the harvest figures again in the spring, because the first estimate was made before the grain had been counted in all of the regions.',
  'Officials said that the western regions had suffered most from the dry summer, while the east had its best yields in a decade and will export more than it did last year.',
  'Traders expect prices to stay high until the new figures are out, as buyers in North Africa and Asia have already booked most of what the ports can ship this winter.',
  'The report ends with a warning that the shortage of storage could cost farmers a tenth of their crop if the exports are delayed again by the weather or by the war.',
];
const PARA = (n: number) => PARAS[n - 1];

const ARTICLE = `<!doctype html><html><head><title>Harvest review | Farm Desk</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Harvest review</h1>
<p>${PARA(1)}</p>
<figure><img src="x.jpg"><figcaption>Wheat fields near Kharkiv in August</figcaption></figure>
<h2>What the ministry said</h2>
<p>${PARA(2)}</p>
<ul><li>Wheat: 20 million tonnes</li><li>Maize: 25 million tonnes</li></ul>
<p>${PARA(3)}</p>
<p>Read more: <a href="/a">Grain exports</a> <a href="/b">Port capacity</a> <a href="/c">Prices</a></p>
<p>${PARA(4)}</p>
</article>
<footer>© 2024 Farm Desk. All rights reserved.</footer>
</body></html>`;

describe('HTML articles', () => {
  it("keeps Readability's article with its subheading and list, and says why each other block went", async () => {
    const { document } = await ingestFile({ path: 'harvest.html', bytes: Buffer.from(ARTICLE) });
    const kept = document!.paragraphs.map((p) => p.text);
    expect(kept).toContain('What the ministry said');
    expect(kept).toContain('Wheat: 20 million tonnes');
    for (const p of PARAS) expect(kept).toContain(p);
    const reason = (s: string) => document!.dropped.find((d) => d.text.includes(s))?.reason;
    expect(reason('Wheat fields near Kharkiv')).toBe('figure caption or credit');
    expect(reason('Grain exports')).toMatch(/^links:/);
    expect(document!.text).not.toContain('All rights reserved');
    for (const p of document!.paragraphs) expect(document!.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('reads a page whose server printed a warning before the document', async () => {
    const page = `<br />\n<b>Warning</b>: mysql_connect(): Access denied in <b>/www/db.php</b> on line <b>9</b><br />\n${ARTICLE}`;
    const { document } = await ingestFile({ path: 'harvest.html', bytes: Buffer.from(page) });
    expect(document!.paragraphs.length).toBeGreaterThanOrEqual(6);
  });

  it('marks headings, list items, captions and link density of each block', async () => {
    const { blocks, text, fromReadability } = await readHtml(ARTICLE);
    expect(fromReadability).toBe(true);
    const at = (s: string) => blocks.find((b) => text.startsWith(s, b.start));
    expect(at('What the ministry said')?.kind).toBe('heading');
    expect(at('Maize')?.kind).toBe('item');
    expect(at('Wheat fields')?.kind).toBe('caption');
    expect(at('Read more')!.linkDensity).toBeGreaterThan(0.5);
    expect(at('The ministry will review')!.linkDensity).toBe(0);
  });
});
