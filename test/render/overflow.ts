/**
 * The in-browser overflow checker every "nothing overflows" assertion uses: for each slide,
 * any heading, paragraph, list item, cell, quote or inline run whose box or content (a block's
 * scroll size: text can run past a `max-height` or a `nowrap` line) ends below the slide's
 * bottom padding or right of its right padding is reported. It also counts the slides it could
 * measure (laid out, non-zero size), so a page that hides its slides cannot pass by measuring
 * nothing.
 */
import type { Page } from 'puppeteer';

export interface OverflowReport {
  measured: number;
  problems: string[];
}

export function findOverflow(page: Page): Promise<OverflowReport> {
  return page.evaluate(() => {
    const problems: string[] = [];
    let measured = 0;
    document.querySelectorAll('div.marpit > svg > foreignObject > section').forEach((section, i) => {
      const box = section.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return;
      measured++;
      const style = getComputedStyle(section);
      const scale = box.width / 1280;
      const bottom = box.bottom - parseFloat(style.paddingBottom) * scale + 2;
      const right = box.right - parseFloat(style.paddingRight) * scale + 2;
      section.querySelectorAll('h1,h2,h3,h4,p,li,td,blockquote,pre,strong,em,code').forEach((el) => {
        const r = el.getBoundingClientRect();
        // A block's box stops at its own width or max-height; its content can run past it.
        const endY = Math.max(r.bottom, r.top + el.scrollHeight * scale);
        const endX = Math.max(r.right, r.left + el.scrollWidth * scale);
        if (endY > bottom || endX > right)
          problems.push(`slide ${i + 1} <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 40)}" ends at ${Math.round((endX - box.left) / scale)}×${Math.round((endY - box.top) / scale)}px (limit ${Math.round((right - box.left) / scale)}×${Math.round((bottom - box.top) / scale)})`);
      });
    });
    return { measured, problems };
  });
}
