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
import type { BriefingState, WorkspaceEvent } from '../watch/workspace.ts';
import { resolveServedPath, type Mount } from './paths.ts';
import { EVENTS_PATH, ReloadHub, injectIntoPage } from './reload.ts';
import { errorBanner, failedDeckPage, renderIndexPage, type BriefingLink } from './pages.ts';

export const PREVIEW_HOST = '127.0.0.1';

/** What the server shows; the workspace provides it. */
export interface PreviewSource {
  projectName: string;
  outDir: string;
  assetsDir: string;
  briefings(): BriefingState[];
  diagnostics(): Diagnostic[];
  building(): boolean;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Pass every workspace event here; rebuilds become reloads. */
  notify(event: WorkspaceEvent): void;
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

export async function startPreviewServer(source: PreviewSource, port = 0): Promise<PreviewServer> {
  const hub = new ReloadHub();
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
    if (raw === EVENTS_PATH) return hub.attach(res);
    const found = resolveServedPath(raw, mounts);
    if (found.kind === 'refused') return send(res, 403, 'text/plain', `refused: ${found.reason}`);
    const deck = found.kind === 'file' ? deckOf(found.mount, found.path) : deckOf('out', raw);
    const state = deck ? source.briefings().find((b) => b.name === deck) : undefined;
    if (found.kind === 'missing') {
      if (state && !state.ok) {
        return send(res, 200, 'text/html; charset=utf-8', injectIntoPage(failedDeckPage(state.spec, state.diagnostics), deck ?? null));
      }
      return send(res, 404, 'text/plain', 'not found');
    }
    if (deck) {
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
    return renderIndexPage({
      project: source.projectName,
      rows,
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
      if (event.type === 'rebuild-done') hub.reload({ decks: [...event.decks.map((d) => d.name), ...names(event.removed)] });
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
