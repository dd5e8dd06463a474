/**
 * End to end: every sample briefing builds into HTML, PDF, PPTX, handout, Marp Markdown and deck
 * JSON, and each file is what it claims to be when read by an independent reader.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { buildBriefings, type BuildResult } from '../../src/build/index.ts';
import type { Deck } from '../../src/model.ts';
import { validatePptx } from '../render/pptx-validate.ts';

const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'briefdeck-build-'));
let result: BuildResult;

const samples = readdirSync(join(root, 'briefings')).filter((f) => f.endsWith('.md'));
const deckOf = (name: string): Deck => JSON.parse(readFileSync(join(outDir, `${name}.deck.json`), 'utf8'));

beforeAll(async () => {
  result = await buildBriefings({
    root,
    outDir,
    formats: ['html', 'pdf', 'pptx', 'handout'],
  });
}, 600_000);

describe('briefdeck build', () => {
  it('builds every sample briefing without errors', () => {
    expect(samples.length).toBeGreaterThan(0);
    const errors = result.decks.flatMap((d) => d.diagnostics.filter((x) => x.severity === 'error'));
    expect(errors).toEqual([]);
    expect(result.decks.map((d) => d.ok)).toEqual(samples.map(() => true));
  });

  it('writes all six artifacts per briefing and no temporary files', () => {
    for (const spec of samples) {
      const name = spec.replace(/\.md$/, '');
      for (const suffix of ['.html', '.pdf', '.pptx', '.handout.pdf', '.marp.md', '.deck.json'])
        expect(existsSync(join(outDir, name + suffix)), name + suffix).toBe(true);
    }
    expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives the PDF one page per slide, the same slides as the PPTX', async () => {
    for (const spec of samples) {
      const name = spec.replace(/\.md$/, '');
      const info = execFileSync('pdfinfo', [join(outDir, `${name}.pdf`)], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      // Renderers may split a slide that would overflow into continuation slides, never merge.
      expect(pages).toBeGreaterThanOrEqual(deckOf(name).slides.length);
      const zip = await JSZip.loadAsync(readFileSync(join(outDir, `${name}.pptx`)));
      const pptxSlides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      expect(pages).toBe(pptxSlides.length);
    }
  });

  it('writes PPTX files that pass the Office Open XML validator with 0 errors', () => {
    for (const spec of samples) {
      const name = spec.replace(/\.md$/, '');
      expect(validatePptx(join(outDir, `${name}.pptx`)).errors, name).toEqual([]);
    }
  }, 120_000);

  it('writes a PPTX whose slides hold each slide title as text, with speaker notes', async () => {
    for (const spec of samples) {
      const name = spec.replace(/\.md$/, '');
      const deck = deckOf(name);
      const zip = await JSZip.loadAsync(readFileSync(join(outDir, `${name}.pptx`)));
      const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      expect(slideFiles.length).toBeGreaterThanOrEqual(deck.slides.length);
      const xml = (await Promise.all(slideFiles.map((f) => zip.file(f)!.async('string')))).join('\n');
      const text = xml.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
      for (const slide of deck.slides) expect(text).toContain(slide.title.slice(0, 30));
      const notes = Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
      expect(notes.length).toBeGreaterThan(0);
      expect(xml).not.toMatch(/<p:pic>/); // native text, not screenshots
    }
  });

  it('writes HTML that holds the title and loads nothing remote', () => {
    for (const spec of samples) {
      const name = spec.replace(/\.md$/, '');
      const html = readFileSync(join(outDir, `${name}.html`), 'utf8');
      const deck = deckOf(name);
      expect(html).toContain(escapeHtml(deck.title));
      expect(html).not.toMatch(/\ssrc=["']?https?:/i);
      expect(html).not.toMatch(/<link[^>]+href=["']?https?:/i);
      expect(html).not.toMatch(/@import\s+(url\()?["']?https?:/i);
    }
  });

  it('cites every line pulled from the corpus', () => {
    for (const spec of samples) {
      const deck = deckOf(spec.replace(/\.md$/, ''));
      for (const slide of deck.slides) {
        if (slide.kind === 'bullets' || slide.kind === 'judgements') {
          const items = slide.kind === 'bullets' ? slide.bullets : slide.judgements;
          for (const b of items) if (b.citation) expect(b.citation.tag.length).toBeGreaterThan(0);
        }
        if (slide.kind === 'quote') expect(slide.quote.speaker.length).toBeGreaterThan(0);
      }
      expect(deck.slides.at(-1)?.kind).toBe('sources');
    }
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
