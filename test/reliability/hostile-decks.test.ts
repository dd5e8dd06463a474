/**
 * Hostile corpus text reaching a deck: script tags, event handlers, javascript: and remote links,
 * Markdown images, Marp directives, `---`, Handlebars, long words, right-to-left and CJK text,
 * emoji, zero-width and control characters. In every format they must show as text: nothing runs,
 * nothing loads (Chromium with request interception and a dialog listener), PPTX holds them as
 * text runs, and the Marp Markdown keeps one slide per deck slide with no injected directive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { Marp } from '@marp-team/marp-core';
import { parseHTML } from 'linkedom';
import type { Page } from 'puppeteer';
import { buildBriefings, type BuildResult } from '../../src/build/index.ts';
import { BrowserSession } from '../../src/render/browser.ts';
import { renderMarp } from '../../src/render/marp.ts';
import { slidesDocument } from '../../src/render/html.ts';
import { handoutDocument } from '../../src/render/handout.ts';
import { loadTheme } from '../../src/theme/index.ts';
import type { Deck } from '../../src/model.ts';
import { HOSTILE_METADATA, HOSTILE_STRINGS, comparable } from '../fixtures/hostile/strings.ts';
import { tempProject, type TempProject } from './project.ts';
import { validatePptx } from '../render/pptx-validate.ts';

let project: TempProject;
let build: BuildResult;
let deck: Deck;
let session: BrowserSession;
const file = (suffix: string) => join(project.out, `hostile${suffix}`);

beforeAll(async () => {
  project = tempProject('hostile', 'bd-hostile-');
  build = await buildBriefings({ root: project.root });
  deck = JSON.parse(readFileSync(file('.deck.json'), 'utf8')) as Deck;
  session = await BrowserSession.launch();
}, 120_000);

afterAll(async () => {
  await session?.close();
  project?.remove();
});

/** Every line of text a slide shows, as the deck holds it. */
function deckText(d: Deck): string {
  return d.slides
    .flatMap((s) => [
      s.title,
      ...(s.kind === 'bullets' ? s.bullets.map((b) => b.text) : []),
      ...(s.kind === 'judgements' ? s.judgements.map((b) => b.text) : []),
      ...(s.kind === 'quote' ? [s.quote.text, s.quote.speaker] : []),
      ...(s.kind === 'sources' ? s.sources.flatMap((x) => [x.title, ...x.authors, x.publisher ?? '']) : []),
    ])
    .join('\n');
}

const ALL = [...HOSTILE_STRINGS, ...HOSTILE_METADATA];
const missingFrom = (text: string) => {
  const t = comparable(text);
  return ALL.filter((s) => !t.includes(comparable(s)));
};

/** Opens a page that fails any request but its own file and data: URIs, and records dialogs. */
async function guardedPage(allowed: string[]): Promise<{ page: Page; blocked: string[]; dialogs: string[] }> {
  const page = await session.newPage();
  const blocked: string[] = [];
  const dialogs: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (allowed.includes(url) || url.startsWith('data:')) void req.continue();
    else {
      blocked.push(url);
      void req.abort();
    }
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, blocked, dialogs };
}

/** Elements and attributes that could run or fetch something; corpus text must create none. */
async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // The deck's own presenter script (keys, #n, notes view) sits directly in <body>, with no src.
    const own = new Set(Array.from(document.querySelectorAll('body > script:not([src])')));
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (own.has(el)) continue;
      if (['script', 'iframe', 'object', 'embed', 'img', 'image', 'use', 'link', 'meta[http-equiv]', 'form', 'video', 'audio'].includes(tag))
        found.push(tag);
      if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push('meta http-equiv');
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
        // Text in <meta name> content (the presenter as author) is inert; URL-bearing attributes are not.
        const inert = tag === 'meta' && el.hasAttribute('name') && a.name === 'content';
        if (!inert && /javascript:|evil\.example|tracker\.example/i.test(a.value)) found.push(`${tag}[${a.name}=${a.value}]`);
      }
    }
    return found;
  });
}

/** Hovers, clicks and waits, so handlers and timers would fire if any existed. */
async function provoke(page: Page): Promise<void> {
  const boxes = await page.$$eval('section', (els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (const b of boxes.slice(0, 40)) {
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.click(b.x + 10, b.y + b.height / 2);
  }
  // Walk the HTML deck as a presenter would: next slides, presenter view with notes, back.
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'p', 'ArrowRight', 'p', 'End', 'Home'] as const)
    await page.keyboard.press(key);
  await new Promise((r) => setTimeout(r, 300));
}

describe('hostile corpus text in a deck', () => {
  it('builds, and every hostile string reaches the deck (or the test would prove nothing)', () => {
    expect(build.ok, JSON.stringify(build.decks[0]?.diagnostics)).toBe(true);
    expect(missingFrom(deckText(deck))).toEqual([]);
    expect(deck.slides.filter((s) => s.kind === 'quote').length).toBe(3);
  });

  it('HTML: shows every string as text; nothing executes, loads or navigates', async () => {
    const url = pathToFileURL(file('.html')).href;
    const { page, blocked, dialogs } = await guardedPage([url]);
    try {
      await page.goto(url, { waitUntil: 'load' });
      await provoke(page);
      expect(page.url().replace(/#\d*$/, '')).toBe(url);
      expect(blocked).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await activeContent(page)).toEqual([]);
      const text = await page.evaluate(() => document.querySelector('div.marpit')!.textContent ?? '');
      expect(missingFrom(text)).toEqual([]);
      // Speaker notes carry the full source sentences: they must be text too.
      const notes = await page.evaluate(() => document.body.textContent ?? '');
      expect(notes).toContain("<svg onload=alert(1)>");
      expect(await page.$$eval('section', (s) => s.length)).toBe(countPdfPages(file('.pdf')));
    } finally {
      await page.close();
    }
  });

  it('PDF and handout: their pages (as Chromium prints them) load nothing, run nothing, hold the text', async () => {
    const theme = loadTheme(deck.theme, { root: project.root, overrides: deck.overrides, classification: deck.classification });
    const r = renderMarp(deck, theme);
    const pages = {
      pdf: slidesDocument(deck, r, 'print'),
      handout: handoutDocument(deck, theme, r.slides, r.css, r.fitted.map((f) => f.slide)),
    };
    for (const [name, html] of Object.entries(pages)) {
      const { page, blocked, dialogs } = await guardedPage(['about:blank']);
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await provoke(page);
        expect(blocked, name).toEqual([]);
        expect(dialogs, name).toEqual([]);
        const active = (await activeContent(page)).filter((a) => !(name === 'handout' && a.startsWith('a[')));
        expect(active, name).toEqual([]);
        expect(missingFrom(await page.evaluate(() => document.body.textContent ?? '')), name).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('PDF and handout files: the text is there, and no link or action but http(s)', () => {
    for (const f of [file('.pdf'), file('.handout.pdf')]) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
      // Bidi and shaping change how right-to-left text extracts, and a script without any installed
      // font prints as empty boxes (no Korean font on a bare Debian); the rest must read back exactly.
      const ltr = ALL.filter((s) => !/[\u0590-\u06ff\u202a-\u202e\u2066-\u2069]/.test(s) && !(/\p{Script=Hangul}/u.test(s) && !HAS_KOREAN_FONT));
      expect(ltr.filter((s) => !comparable(text).includes(comparable(s))), f).toEqual([]);
      const raw = readFileSync(f).toString('latin1');
      expect(raw, f).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData)\b/);
      for (const uri of raw.matchAll(/\/URI\s*\(([^)]*)\)/g)) expect(uri[1], f).toMatch(/^https?:/);
    }
  });

  it('PPTX: passes the Office Open XML validator with 0 errors', () => {
    expect(validatePptx(file('.pptx')).errors).toEqual([]);
  }, 60_000);

  it('PPTX: every string is a text run; no hyperlink but http(s), no external media', async () => {
    const zip = await JSZip.loadAsync(readFileSync(file('.pptx')));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBe(countPdfPages(file('.pdf')));
    let text = '';
    for (const name of slides) {
      const xml = await zip.file(name)!.async('string');
      const { document } = parseHTML(`<x>${xml.replace(/<\?xml[^>]*>/, '')}</x>`);
      text += Array.from(document.querySelectorAll('a\\:t')).map((t) => t.textContent).join(' ');
    }
    expect(missingFrom(text)).toEqual([]);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
      const rels = await zip.file(name)!.async('string');
      for (const m of rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"|TargetMode="External"[^>]*Target="([^"]*)"/g))
        expect(m[1] ?? m[2], name).toMatch(/^https?:/);
      expect(rels, name).not.toMatch(/javascript:/i);
    }
  });

  it('Marp Markdown: one slide per deck slide, no injected directive, no raw HTML', () => {
    const markdown = readFileSync(file('.marp.md'), 'utf8');
    // What a user gets opening the file in marp-cli or the VS Code extension (their defaults).
    const { html, comments } = new Marp().render(markdown, { htmlAsArray: true });
    expect(html.length).toBe(countPdfPages(file('.pdf')));
    const front = /^---\n([\s\S]*?)\n---/.exec(markdown)![1];
    const theme = /^theme:\s*(\S+)/m.exec(front)?.[1];
    for (const [i, slide] of html.entries()) {
      // Marp appends its own inline script after the last slide; only the slides are corpus-fed.
      const { document } = parseHTML(`<div>${/<section[\s\S]*<\/section>/.exec(slide)![0]}</div>`);
      const section = document.querySelector('section')!;
      expect(section.getAttribute('data-theme'), `slide ${i + 1}`).toBe(theme);
      expect(section.getAttribute('class') ?? '', `slide ${i + 1}`).not.toMatch(/\blead\b/);
      expect(section.getAttribute('data-paginate'), `slide ${i + 1}`).not.toBe('false');
      expect(section.getAttribute('style') ?? '', `slide ${i + 1}`).not.toMatch(/evil\.example/);
      for (const el of Array.from(document.querySelectorAll('script, iframe, img, object, embed, svg svg, a[href^="javascript"]')))
        throw new Error(`slide ${i + 1} holds <${el.tagName.toLowerCase()}>`);
    }
    // Presenter notes are comments that stayed comments, and the corpus's own comments are text.
    expect(comments.flat().join('\n')).not.toMatch(/^\s*(theme|_class|paginate|marp):/m);
    expect(missingFrom(html.join('\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&'))).toEqual([]);
  });
});

const HAS_KOREAN_FONT = execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8' }).trim() !== '';

function countPdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}
