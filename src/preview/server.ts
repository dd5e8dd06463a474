/**
 * The preview server: `node:http` bound to 127.0.0.1 only, serving the index of briefings, the
 * built decks from the output folder and the project's assets, nothing else. Deck pages get the
 * live-reload script and, when their latest build failed, an error banner over the last good
 * build. Requests naming another host are refused, so a web page elsewhere cannot reach the
 * server through DNS rebinding.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mrmime';
import type { Diagnostic } from '../model.ts';
import type { BuildEvent } from '../build/index.ts';
import type { BriefingState, WorkspaceEvent } from '../watch/workspace.ts';
import { resolveServedPath, type Mount } from './paths.ts';
import { EVENTS_PATH, ReloadHub, SHOWN_PATH, injectIntoPage } from './reload.ts';
import { errorBanner, failedDeckPage, renderIndexPage, type BriefingLink } from './pages.ts';

export const PREVIEW_HOST = '127.0.0.1';

/** What the server shows; the workspace provides it. */
export interface PreviewSource {
  projectName: string;
  outDir: string;
  assetsDir: string;
  briefings(): BriefingState[];
  /** Specs found but not built yet (relative paths): listed as building. */
  found?(): string[];
  diagnostics(): Diagnostic[];
  building(): boolean;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Pass every workspace event here; rebuilds become reloads. */
  notify(event: WorkspaceEvent): void;
  /**
   * Pass every build event here: a deck's HTML, rendered before its other formats, is served
   * from memory and its pages reload at once, while PDF and PowerPoint are still rendering.
   */
  progress(event: BuildEvent): void;
  /**
   * Resolves once every page open on `deck` has loaded and painted the HTML just reported for it
   * (at most SHOWN_WAIT_MS): the build waits for this before PDF and PowerPoint take this thread
   * and the browser.
   */
  shown(deck: string): Promise<void>;
  /** Connected live-reload pages. */
  clients(): number;
  close(): Promise<void>;
}

/** Linked from the index, in this order, when the file exists. */
const OUTPUT_LINKS: ReadonlyArray<[label: string, suffix: string]> = [
  ['HTML', '.html'],
  ['PDF', '.pdf'],
  ['PPTX', '.pptx'],
  ['handout', '.handout.pdf'],
];

/** The longest a build waits for open pages to show a deck's new HTML. */
const SHOWN_WAIT_MS = 300;

export async function startPreviewServer(source: PreviewSource, port = 0): Promise<PreviewServer> {
  const hub = new ReloadHub();
  /** HTML of decks rebuilt in this rebuild, ahead of their files (deck name → page). */
  const fresh = new Map<string, string>();
  /** Decks whose open pages are reloading: fetches still expected, and who waits for them. */
  const gates = new Map<string, Promise<void>>();
  const awaited = new Map<string, { left: number; done: () => void }>();
  const painted = (deck: string) => {
    const a = awaited.get(deck);
    if (a && --a.left <= 0) a.done();
  };
  const mounts: Mount[] = [
    { prefix: 'out', dir: source.outDir },
    { prefix: 'assets', dir: source.assetsDir },
  ];
  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      send(res, 500, 'text/plain', `preview error: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  let actualPort = port;

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `${PREVIEW_HOST}:${actualPort}` && host !== `localhost:${actualPort}`) {
      return send(res, 421, 'text/plain', 'unknown host');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    const raw = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (raw === '/' || raw === '/index.html') {
      return send(res, 200, 'text/html; charset=utf-8', injectIntoPage(indexHtml(), null));
    }
    if (raw === EVENTS_PATH) return hub.attach(res, new URL(req.url ?? '/', 'http://x').searchParams.get('deck'));
    if (raw === SHOWN_PATH) {
      const deck = new URL(req.url ?? '/', 'http://x').searchParams.get('deck');
      send(res, 204, 'text/plain', '');
      if (deck) painted(deck);
      return;
    }
    const found = resolveServedPath(raw, mounts);
    if (found.kind === 'refused') return send(res, 403, 'text/plain', `refused: ${found.reason}`);
    const deck = found.kind === 'file' ? deckOf(found.mount, found.path) : deckOf('out', raw);
    if (found.kind === 'missing' && deck && fresh.has(deck)) {
      return send(res, 200, 'text/html; charset=utf-8', injectIntoPage(fresh.get(deck)!, deck));
    }
    const state = deck ? source.briefings().find((b) => b.name === deck) : undefined;
    if (found.kind === 'missing') {
      if (state && !state.ok) {
        return send(res, 200, 'text/html; charset=utf-8', injectIntoPage(failedDeckPage(state.spec, state.diagnostics), deck ?? null));
      }
      return send(res, 404, 'text/plain', 'not found');
    }
    if (deck) {
      const early = fresh.get(deck);
      if (early !== undefined) return send(res, 200, 'text/html; charset=utf-8', injectIntoPage(early, deck));
      const banner = state && !state.ok ? errorBanner(state.spec, state.diagnostics) : '';
      return send(res, 200, 'text/html; charset=utf-8', injectIntoPage(readFileSync(found.path, 'utf8'), deck, banner));
    }
    res.writeHead(200, { 'content-type': lookup(found.path) ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.path).pipe(res);
  }

  /** The deck an output HTML page shows (`/out/energy.html` → `energy`). */
  function deckOf(mount: string, path: string): string | undefined {
    if (mount !== 'out') return undefined;
    const name = basename(path);
    return name.endsWith('.html') ? name.slice(0, -'.html'.length) : undefined;
  }

  function indexHtml(): string {
    const rows = source.briefings().map((b) => ({
      name: b.name,
      spec: b.spec,
      title: b.title,
      audience: b.audience,
      theme: b.theme,
      ok: b.ok,
      slides: b.slides,
      builtAt: b.builtAt,
      ms: b.ms,
      diagnostics: b.diagnostics,
      links: OUTPUT_LINKS.filter(([, suffix]) => existsSync(join(source.outDir, b.name + suffix))).map(
        ([label, suffix]): BriefingLink => ({ label, href: `/out/${encodeURIComponent(b.name + suffix)}` }),
      ),
    }));
    const building = (source.found?.() ?? []).map((spec) => ({
      name: basename(spec).replace(/\.md$/i, ''),
      spec,
      ok: true,
      building: true,
      slides: 0,
      links: [],
      diagnostics: [],
    }));
    return renderIndexPage({
      project: source.projectName,
      rows: [...rows, ...building].sort((a, b) => a.spec.localeCompare(b.spec)),
      diagnostics: source.diagnostics(),
      building: source.building(),
    });
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, PREVIEW_HOST, () => ready());
  });
  actualPort = (server.address() as AddressInfo).port;
  const names = (specs: string[]) => specs.map((s) => basename(s).replace(/\.md$/i, ''));
  return {
    url: `http://${PREVIEW_HOST}:${actualPort}/`,
    port: actualPort,
    notify(event) {
      if (event.type === 'rebuild-start') hub.building(names(event.specs));
      if (event.type === 'rebuild-done') {
        // Decks whose pages already reloaded on their HTML and whose files now match it need no
        // second reload; a deck that failed after its HTML shows the last good build again.
        const again = event.decks.filter((d) => !(fresh.has(d.name) && d.ok)).map((d) => d.name);
        fresh.clear();
        hub.reload({ decks: [...again, ...names(event.removed)], index: true });
      }
    },
    progress(event) {
      if (event.type === 'artifact' && event.artifact === 'html' && event.content !== undefined) {
        fresh.set(event.name, event.content);
        awaited.get(event.name)?.done();
        const left = hub.showing(event.name);
        if (left > 0) {
          let release!: () => void;
          gates.set(event.name, new Promise<void>((resolve) => (release = resolve)));
          const timer = setTimeout(() => done(), SHOWN_WAIT_MS);
          const done = () => {
            clearTimeout(timer);
            if (awaited.get(event.name)?.done === done) awaited.delete(event.name);
            release();
          };
          awaited.set(event.name, { left, done });
        }
        hub.reload({ decks: [event.name], index: false });
      }
    },
    shown(deck) {
      const gate = gates.get(deck);
      gates.delete(deck);
      return gate ?? Promise.resolve();
    },
    clients: () => hub.size,
    close: () =>
      new Promise<void>((done) => {
        hub.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
