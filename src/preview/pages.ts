/**
 * The HTML the preview server writes itself: the index of briefings and the error banner laid
 * over a deck whose last build failed. Pure functions from state to markup; every value that
 * comes from a spec or a file name is escaped.
 */
import { formatDiagnostic } from '../diagnostics/format.ts';
import type { Diagnostic } from '../model.ts';

export interface BriefingLink {
  label: string;
  href: string;
}

export interface BriefingRow {
  name: string;
  spec: string;
  title?: string;
  audience?: string;
  theme?: string;
  ok: boolean;
  /** Found, first build still running. */
  building?: boolean;
  slides: number;
  builtAt?: Date;
  ms?: number;
  links: BriefingLink[];
  diagnostics: Diagnostic[];
}

export interface IndexPage {
  project: string;
  rows: BriefingRow[];
  /** Messages not tied to one briefing (corpus, config). */
  diagnostics: Diagnostic[];
  building: boolean;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2733}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #d9dee4;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;color:#5a6675}a{color:#1f4e79}.links a{margin-right:.6rem}
.failed{color:#a4262c;font-weight:600}.ok{color:#2b7a3d}pre.diag{white-space:pre-wrap;background:#fbeff0;border-left:3px solid #a4262c;padding:.5rem .75rem;margin:.4rem 0 0;font:12px/1.4 ui-monospace,monospace}
pre.warn{background:#fdf6e3;border-left-color:#b58900}.muted{color:#5a6675;font-size:.85rem}`;

function diagnosticsBlock(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const others = diagnostics.filter((d) => d.severity !== 'error');
  const block = (ds: Diagnostic[], cls: string) =>
    ds.length ? `<pre class="diag ${cls}">${escapeHtml(ds.map((d) => formatDiagnostic(d)).join('\n'))}</pre>` : '';
  return block(errors, '') + block(others, 'warn');
}

export function renderIndexPage(page: IndexPage): string {
  const rows = page.rows
    .map((r) => {
      const status = r.building
        ? '<span class="muted">building…</span>'
        : r.ok
        ? `<span class="ok">${r.slides} slides</span>`
        : `<span class="failed">build failed</span>`;
      const built = r.builtAt ? `${r.builtAt.toLocaleTimeString('en-GB')}${r.ms ? ` (${(r.ms / 1000).toFixed(1)}s)` : ''}` : '—';
      const links = r.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join('');
      return `<tr data-briefing="${escapeHtml(r.name)}"><td><strong>${escapeHtml(r.title ?? r.name)}</strong><div class="muted">${escapeHtml(r.spec)}</div>${diagnosticsBlock(r.diagnostics)}</td>
<td>${escapeHtml(r.audience ?? '—')}</td><td>${escapeHtml(r.theme ?? '—')}</td><td>${status}</td><td>${escapeHtml(built)}</td><td class="links">${links || '—'}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>briefdeck preview — ${escapeHtml(page.project)}</title>
<style>${STYLE}</style></head><body>
<h1>Briefings in ${escapeHtml(page.project)}</h1>
${page.building ? '<p class="muted">rebuilding…</p>' : ''}${diagnosticsBlock(page.diagnostics)}
<table><thead><tr><th>briefing</th><th>audience</th><th>theme</th><th>status</th><th>last build</th><th>outputs</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">No briefing specs yet: run <code>briefdeck new my-briefing</code>.</td></tr>'}
</tbody></table></body></html>`;
}

/** A banner over a deck page whose latest build failed: the page shows the last good build. */
export function errorBanner(spec: string, diagnostics: readonly Diagnostic[]): string {
  const text = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d))
    .join('\n');
  return `<div id="briefdeck-error" role="alert" style="position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:50vh;overflow:auto;background:#a4262c;color:#fff;font:13px/1.4 ui-monospace,monospace;padding:10px 14px;white-space:pre-wrap"><strong>${escapeHtml(spec)}: build failed — showing the last successful build</strong>
${escapeHtml(text)}</div>`;
}

/** Shown instead of a deck that has never built. */
export function failedDeckPage(spec: string, diagnostics: readonly Diagnostic[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(spec)} — build failed</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(spec)}: build failed</h1>${diagnosticsBlock(diagnostics)}<p><a href="/">all briefings</a></p></body></html>`;
}
