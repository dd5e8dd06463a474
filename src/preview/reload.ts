/**
 * Live reload over Server-Sent Events: every served page carries a small script that listens on
 * `/__briefdeck/events`; after a rebuild the server names the rebuilt decks and each page reloads
 * only if it shows one of them (the index page always does). SSE needs no dependency, reconnects
 * by itself, and works through the same origin the deck is served from.
 */
import type { ServerResponse } from 'node:http';

export const EVENTS_PATH = '/__briefdeck/events';

export interface ReloadMessage {
  /** Deck names rebuilt (or removed); the index reloads on every message. */
  decks: string[];
}

export class ReloadHub {
  private readonly clients = new Set<ServerResponse>();
  private heartbeat?: NodeJS.Timeout;

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 500\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    this.heartbeat ??= setInterval(() => this.send('ping', {}), 15_000).unref();
  }

  get size(): number {
    return this.clients.size;
  }

  building(decks: string[]): void {
    this.send('building', { decks });
  }

  reload(message: ReloadMessage): void {
    this.send('rebuilt', message);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private send(event: string, data: object): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.clients) res.write(frame);
  }
}

/**
 * The script injected before `</body>` of every served page. `deck` is the page's deck name, or
 * null on the index page.
 */
export function reloadScript(deck: string | null): string {
  return `<script data-briefdeck-reload>(() => {
  const deck = ${JSON.stringify(deck)};
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
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
  source.addEventListener('building', (e) => {
    const { decks } = JSON.parse(e.data);
    if (deck === null || decks.includes(deck)) badge();
  });
  source.addEventListener('rebuilt', (e) => {
    const { decks } = JSON.parse(e.data);
    if (deck === null || decks.includes(deck)) location.reload();
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
