/**
 * Live reload over Server-Sent Events: every served page carries a small script that listens on
 * `/__briefdeck/events`; after a rebuild the server names the rebuilt decks and each page reloads
 * only if it shows one of them (the index page always does). SSE needs no dependency, reconnects
 * by itself, and works through the same origin the deck is served from.
 */
import type { ServerResponse } from 'node:http';

export const EVENTS_PATH = '/__briefdeck/events';
/** A deck page calls this once it has loaded and painted (`?deck=`): see `PreviewServer.shown`. */
export const SHOWN_PATH = '/__briefdeck/shown';

export interface ReloadMessage {
  /** Deck names rebuilt (or removed). */
  decks: string[];
  /** Whether the index reloads too (once a rebuild is done; not for a deck's early HTML). */
  index?: boolean;
}

export class ReloadHub {
  /** Connected pages and the deck each shows (null: the index). */
  private readonly clients = new Map<ServerResponse, string | null>();
  private heartbeat?: NodeJS.Timeout;

  attach(res: ServerResponse, deck: string | null = null): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 500\n\n');
    this.clients.set(res, deck);
    res.on('close', () => this.clients.delete(res));
    this.heartbeat ??= setInterval(() => this.send('ping', {}), 15_000).unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Pages open on `deck`. */
  showing(deck: string): number {
    let n = 0;
    for (const d of this.clients.values()) if (d === deck) n++;
    return n;
  }

  building(decks: string[]): void {
    this.send('building', { decks });
  }

  reload(message: ReloadMessage): void {
    this.send('rebuilt', message);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients.keys()) res.end();
    this.clients.clear();
  }

  private send(event: string, data: object): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.clients.keys()) res.write(frame);
  }
}

/**
 * The script injected before `</body>` of every served page. `deck` is the page's deck name, or
 * null on the index page.
 */
export function reloadScript(deck: string | null): string {
  return `<script data-briefdeck-reload>(() => {
  const deck = ${JSON.stringify(deck)};
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)} + (deck === null ? '' : '?deck=' + encodeURIComponent(deck)));
  const badge = () => {
    let b = document.getElementById('briefdeck-building');
    if (!b) {
      b = document.createElement('div');
      b.id = 'briefdeck-building';
      b.textContent = 'rebuilding…';
      b.style.cssText = 'position:fixed;right:12px;bottom:12px;z-index:2147483647;padding:4px 10px;border-radius:4px;background:#333;color:#fff;font:13px system-ui,sans-serif;opacity:.85';
      document.body.appendChild(b);
    }
  };
  if (deck !== null) {
    const painted = () => requestAnimationFrame(() => fetch(${JSON.stringify(SHOWN_PATH)} + '?deck=' + encodeURIComponent(deck)).catch(() => {}));
    if (document.readyState === 'complete') painted();
    else addEventListener('load', painted, { once: true });
  }
  source.addEventListener('building', (e) => {
    const { decks } = JSON.parse(e.data);
    if (deck === null || decks.includes(deck)) badge();
  });
  source.addEventListener('rebuilt', (e) => {
    const { decks, index } = JSON.parse(e.data);
    if (deck === null ? index !== false : decks.includes(deck)) location.reload();
    else document.getElementById('briefdeck-building')?.remove();
  });
})();</script>`;
}

/** Adds the reload script (and an optional error banner) to an HTML document. */
export function injectIntoPage(html: string, deck: string | null, banner = ''): string {
  const extra = banner + reloadScript(deck);
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + extra : html.slice(0, at) + extra + html.slice(at);
}
