/**
 * Presenting from the HTML deck, as from marp-cli's HTML: one slide at a time fitted to the
 * window, keys to move, `f` for fullscreen, the slide number in the URL hash (`#5`) so a reload
 * keeps the place, and `p` for a presenter view with the current slide's notes and the next
 * slide's title. One small inline script of our own; it reads everything it shows from the DOM
 * (the slides and the hidden `<aside class="notes">` blocks), so no corpus text is ever part of
 * script source. All rules are screen-only: printing still gives every slide, one per page,
 * and without JavaScript the page stays the plain scrolling view.
 */

export const PRESENT_CSS = `@media screen{
html.bd-present,html.bd-present body{height:100%;overflow:hidden;background:#111}
html.bd-present div.marpit{position:fixed;top:0;left:0;right:0;bottom:0;padding:0;display:block}
html.bd-present div.marpit>svg{display:none;position:absolute;top:0;left:0;right:0;bottom:0;margin:auto;box-shadow:none;
width:min(100vw,calc(100vh * 16 / 9));height:min(100vh,calc(100vw * 9 / 16))}
html.bd-present div.marpit>svg.bd-current{display:block}
html.bd-presenter div.marpit{right:34vw}
html.bd-presenter div.marpit>svg{width:min(66vw,calc(100vh * 16 / 9));height:min(100vh,calc(66vw * 9 / 16))}
.bd-panel{display:none}
html.bd-presenter .bd-panel{display:block;position:fixed;top:0;right:0;bottom:0;width:34vw;box-sizing:border-box;padding:20px 22px;
overflow:auto;background:#1d1f21;color:#eee;font:17px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;border-left:1px solid #333}
.bd-panel .bd-count{font-weight:700;color:#fff;margin:0 0 4px}
.bd-panel .bd-next{color:#aab;margin:0 0 16px;font-size:15px}
.bd-panel .bd-speaker p{margin:0 0 .8em}
.bd-panel .bd-speaker:empty::before{content:"No notes for this slide.";color:#889;font-style:italic}
.bd-panel .bd-keys{color:#778;font-size:13px;margin-top:24px}
}
@media print{.bd-panel{display:none!important}}`;

export const PRESENT_SCRIPT = `(() => {
  const root = document.documentElement;
  const slides = Array.from(document.querySelectorAll('div.marpit > svg'));
  if (!slides.length) return;
  const notes = Array.from(document.querySelectorAll('div.bd-notes > aside.notes'));
  const panel = document.createElement('div');
  panel.className = 'bd-panel';
  panel.setAttribute('aria-live', 'polite');
  const part = (cls) => { const el = document.createElement('div'); el.className = cls; panel.appendChild(el); return el; };
  const count = part('bd-count');
  const next = part('bd-next');
  const speaker = part('bd-speaker');
  part('bd-keys').textContent = '\\u2190 \\u2192 move \\u00b7 Home/End first/last \\u00b7 f fullscreen \\u00b7 p presenter view';
  document.body.appendChild(panel);
  root.classList.add('bd-present');
  let current = -1;
  const titleOf = (svg) => (svg.querySelector('h1, h2')?.textContent ?? '').trim();
  const fromHash = () => {
    const n = Number.parseInt(location.hash.slice(1), 10);
    return Number.isInteger(n) ? n - 1 : 0;
  };
  const show = (n) => {
    n = Math.max(0, Math.min(slides.length - 1, n));
    if (n !== current) {
      slides[current]?.classList.remove('bd-current');
      slides[n].classList.add('bd-current');
      current = n;
    }
    if (location.hash !== '#' + (n + 1)) history.replaceState(null, '', '#' + (n + 1));
    count.textContent = 'Slide ' + (n + 1) + ' of ' + slides.length;
    next.textContent = n + 1 < slides.length ? 'Next: ' + (titleOf(slides[n + 1]) || 'slide ' + (n + 2)) : 'Last slide';
    speaker.replaceChildren(...(notes[n] ? Array.from(notes[n].childNodes, (c) => c.cloneNode(true)) : []));
  };
  const fullscreen = () => {
    const done = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen?.();
    done?.catch?.(() => {});
  };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': case 'PageDown': show(current + 1); break;
      case ' ': show(current + (e.shiftKey ? -1 : 1)); break;
      case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': show(current - 1); break;
      case 'Home': show(0); break;
      case 'End': show(slides.length - 1); break;
      case 'f': case 'F': fullscreen(); break;
      case 'p': case 'P': root.classList.toggle('bd-presenter'); break;
      default: return;
    }
    e.preventDefault();
  });
  window.addEventListener('hashchange', () => show(fromHash()));
  show(fromHash());
})();`;
