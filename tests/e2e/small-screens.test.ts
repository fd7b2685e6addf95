/**
 * Small screens (issue 13): the workspace, the one-page summary and presentation mode at 390,
 * 768, 1280 and 1920 px wide with no clipped text. One small run per view on one page, the
 * viewport resized between checks; a screenshot of each view at each width.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, settled } from './harness';

const WIDTHS = [390, 768, 1280, 1920];
const VIEW = '#weeks=4&replications=2&payPerHour=19.8&blockHours=4.5';

/**
 * Every element (through shadow roots, SVG aside) holding text of its own that is clipped: its
 * content wider than its box (unless it is a box that scrolls, made for it), lying outside the
 * viewport horizontally (unless inside a box that scrolls sideways), or a word broken over
 * lines (more lines than words: "one letter per line"). Runs in the page.
 */
function clippedTexts(): string[] {
  const out: string[] = [];
  const vw = document.documentElement.clientWidth;
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const parentOf = (el: Element): Element | null => {
    if (el.parentElement) return el.parentElement;
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const inScroller = (el: Element) => {
    for (let p = parentOf(el); p; p = parentOf(p)) if (scrolls(p)) return true;
    return false;
  };
  for (const el of all) {
    if (el instanceof SVGElement || ['STYLE', 'SCRIPT', 'TITLE', 'OPTION'].includes(el.tagName))
      continue;
    const texts = Array.from(el.childNodes).filter(
      (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
    );
    if (texts.length === 0) continue;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (r.width <= 1 || r.height <= 1 || s.visibility === 'hidden') continue;
    const what = `${el.localName}.${el.className} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
    if (s.display !== 'inline' && !scrolls(el) && el.scrollWidth > el.clientWidth + 1) {
      out.push(`${what}: content ${el.scrollWidth} px in a box of ${el.clientWidth}`);
    }
    if ((r.left < -1 || r.right > vw + 1) && !inScroller(el)) {
      out.push(`${what}: at ${Math.round(r.left)}..${Math.round(r.right)} of ${vw} px`);
    }
    for (const t of texts) {
      const range = document.createRange();
      range.selectNodeContents(t);
      const lines = new Set(
        Array.from(range.getClientRects(), (q) => (q.width > 0 ? Math.round(q.top) : NaN)).filter(
          (y) => !Number.isNaN(y),
        ),
      ).size;
      const words = (t.textContent ?? '').trim().split(/[\s\-–—/]+/).length;
      if (lines > words) out.push(`${what}: ${lines} lines for ${words} words`);
    }
  }
  return out;
}

/** Scrolls through the page so that every region (some render only near view) is drawn. */
async function drawAll(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = window.innerHeight * 0.8;
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise(requestAnimationFrame);
    }
    window.scrollTo(0, 0);
    await new Promise(requestAnimationFrame);
  });
}

/** At each width: no clipped text, and a screenshot named after the view and width. */
async function checkWidths(page: Page, view: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await drawAll(page);
    expect(await page.evaluate(clippedTexts), `${view} at ${width} px`).toEqual([]);
    // Nothing sticks out sideways: the page itself never scrolls horizontally.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${view} at ${width} px`,
    ).toBeLessThanOrEqual(width);
    await screenshot(page, `small-screens-${view}-${width}`);
  }
}

describe('small screens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => {
    await browser.close();
  });

  it('shows the workspace, the summary and Present with no clipped text at 390 to 1920 px', async () => {
    const { page, problems } = await openApp(browser, VIEW, { width: 390, height: 900 });
    await settled(page);
    // The check finds a name broken one letter per line and a number clipped by its cell.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'planted';
      box.innerHTML =
        '<div style="width:14px;overflow-wrap:anywhere">Workspace scenario</div>' +
        '<div style="width:30px;overflow:hidden;white-space:nowrap">48,651.22</div>';
      document.body.append(box);
    });
    const found = await page.evaluate(clippedTexts);
    expect(found.some((p) => p.includes('"Workspace scenario": ') && p.includes('lines'))).toBe(
      true,
    );
    expect(found.some((p) => p.includes('"48,651.22": content'))).toBe(true);
    await page.evaluate(() => document.getElementById('planted')?.remove());
    await checkWidths(page, 'workspace');

    await page.locator('[data-action="open-summary"]').click();
    await expect
      .poll(() => page.locator('comparison-summary').getAttribute('data-state'), {
        timeout: 60_000,
      })
      .toBe('ready');
    await checkWidths(page, 'summary');
    await page.locator('comparison-summary [data-action="close-summary"]').click();

    await page.goto(new URL(`?mode=present${VIEW}`, page.url()).href);
    const present = page.locator('presentation-mode');
    await expect
      .poll(
        async () =>
          `${await present.getAttribute('data-state')} ${await present
            .locator('td[data-metric="onTimePackagesPerWeek"]')
            .count()}`,
        { timeout: 60_000, interval: 100 },
      )
      .toBe('idle 1');
    await checkWidths(page, 'present');
    expect(problems).toEqual([]);
  }, 240_000);
});
