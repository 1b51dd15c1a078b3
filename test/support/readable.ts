import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAxeViolations } from './axe';

/** The smallest chart text we accept, in CSS pixels: its font as drawn, and the height of its box. */
export const minChartTextPx = 11;

/**
 * Every piece of visible chart text (SVG <text>, and the HTML labels of bar charts) that is
 * smaller than `minChartTextPx` or cut off by its chart's edges, as "text: problem" lines; and the
 * texts themselves, so a test can check that a label is whole ("72.5%", not "72.5"). An SVG
 * drawn to a viewBox scales its fonts with the screen: the size as drawn is the computed
 * font-size times the element's scale on screen.
 */
export async function chartText(page: Page) {
  return page.evaluate((minPx) => {
    const texts: { chart: string; text: string }[] = [];
    const problems: string[] = [];
    for (const chart of document.querySelectorAll('.chart')) {
      const box = chart.getBoundingClientRect();
      const name = chart.id || (chart.getAttribute('class') ?? '');
      const pieces = [...chart.querySelectorAll('text, .hbar-label, .hbar-value')].filter(
        (el) => el.getClientRects().length > 0,
      );
      for (const el of pieces) {
        const r = el.getBoundingClientRect();
        const text = el.textContent?.trim() ?? '';
        texts.push({ chart: name, text });
        const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
        const fontPx = Number.parseFloat(getComputedStyle(el).fontSize) * scale;
        if (r.height < minPx || fontPx < minPx) {
          problems.push(`${name} "${text}": ${fontPx.toFixed(1)} px font, ${r.height.toFixed(1)} px high`);
        }
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.left < 0 || r.right > window.innerWidth) {
          problems.push(
            `${name} "${text}": cut off (${r.left.toFixed(0)}-${r.right.toFixed(0)} in ${box.left.toFixed(0)}-${box.right.toFixed(0)})`,
          );
        }
      }
    }
    return { texts, problems };
  }, minChartTextPx);
}

/** Whether the page fits the window's width: nothing scrolls the whole page sideways. */
export async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** A page a person can read on this screen: it fits the width, its chart text is whole, and axe finds nothing serious. */
export async function expectReadable(page: Page, where: string) {
  expect(await fitsWidth(page), `${where}: fits the screen`).toBe(true);
  expect((await chartText(page)).problems, `${where}: chart text`).toEqual([]);
  expect(await seriousAxeViolations(page), `${where}: axe`).toEqual([]);
}
