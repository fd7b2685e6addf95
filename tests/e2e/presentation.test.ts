/**
 * Presentation mode and the one-page summary in Chromium: saved scenarios side by side, stepped
 * through with the arrow keys, their numbers finite and equal to a direct comparison; the
 * summary reached from the workspace and from presentation mode, rendered for print with every
 * section whole, and saved as a PDF. The tests share one page, reloaded at each test's link and
 * size with its storage emptied.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import { parseScenario } from '../../src/model/scenario';
import type {} from '../../src/ui/app/gig-app';
import { DEFAULT_PRESENT_METRICS } from '../../src/ui/present/presentation-deck';
import { SAVED_KEY } from '../../src/ui/shared/saved-scenarios';
import { launchBrowser, openApp, reopenApp, screenshot, type AppPage } from './harness';

/** Where screenshots go (git-ignored); the PDFs are saved beside them for review. */
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Small runs, so the tests stay quick. */
const VIEW = '#weeks=8&replications=4';

const SAVED = [
  { name: 'Pay +10%', params: { payPerHour: 24.2 } },
  { name: 'Five-hour blocks', params: { blockHours: 5 } },
  { name: 'No surge', params: { surgeEnabled: false } },
  { name: 'Pay −10%', params: { payPerHour: 19.8 } },
];

/** Saves SAVED in the browser, as the workspace would, and reloads the page. */
async function saveScenarios(page: Page): Promise<void> {
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key!, text!),
    [
      SAVED_KEY,
      JSON.stringify({
        version: 1,
        entries: SAVED.map((s) => ({ name: s.name, scenario: { version: 1, params: s.params } })),
      }),
    ],
  );
  await page.reload();
}

function presentation(page: Page) {
  return page.locator('presentation-mode');
}

/** Waits until presentation mode has run every shown scenario. */
async function presented(page: Page, columns: number): Promise<void> {
  await expect
    .poll(
      async () =>
        `${await presentation(page).getAttribute('data-state')} ${await presentation(page)
          .locator('td[data-metric="onTimePackagesPerWeek"]')
          .count()}`,
      { timeout: 60_000, interval: 100 },
    )
    .toBe(`idle ${columns}`);
}

/** The names of the scenarios shown, in column order. */
function shownNames(page: Page): Promise<string[]> {
  return presentation(page)
    .locator('thead th[data-slide]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-slide-name') ?? ''));
}

/** Raw numbers of every cell shown, by slide index and metric. */
function cells(page: Page): Promise<Record<string, Record<string, number>>> {
  return presentation(page)
    .locator('td[data-metric]')
    .evaluateAll((els) => {
      const out: Record<string, Record<string, number>> = {};
      for (const el of els) {
        const slide = el.getAttribute('data-slide') ?? '';
        const metric = el.getAttribute('data-metric') ?? '';
        out[slide] ??= {};
        out[slide][metric] = Number(el.getAttribute('data-value'));
        out[slide][`${metric}:delta`] = Number(el.getAttribute('data-delta'));
      }
      return out;
    });
}

/** The long-run scenario means and deltas of a direct comparison of a slide's scenario. */
function direct(page: Page, slide: number): Promise<{ mean: number[]; delta: number[] }> {
  return page.evaluate(async (i) => {
    const app = document.querySelector('gig-app')!;
    const deck = app.shadowRoot!.querySelector('presentation-mode')!;
    const c = await app.runner(app.baseline, deck.slides[i]!.scenario);
    return { mean: Array.from(c.scenario.longRun.mean), delta: Array.from(c.delta.longRun.mean) };
  }, slide);
}

/** Moves focus off any control, so the arrow keys go to the page. */
async function blur(page: Page): Promise<void> {
  await presentation(page).locator('thead th.corner').click();
}

describe('presentation mode and the printable summary', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  /** The file's one page: opened by the first test, reloaded at its link by each after it. */
  let shared: AppPage | undefined;
  async function open(link: string, viewport = { width: 1280, height: 800 }): Promise<AppPage> {
    shared = shared
      ? await reopenApp(shared, link, viewport)
      : await openApp(browser, link, viewport);
    return shared;
  }

  it('steps through saved scenarios by keyboard, each with the numbers of a direct comparison', async () => {
    const { page, problems } = await open(`?mode=present${VIEW}`, {
      width: 1920,
      height: 1080,
    });
    await saveScenarios(page);
    await expect.poll(() => page.locator('gig-app').getAttribute('data-mode')).toBe('present');
    // Levers are hidden; four scenarios side by side: the workspace's and three saved ones.
    expect(await page.locator('gig-app lever-panel').count()).toBe(0);
    await presented(page, 4);
    expect(await shownNames(page)).toEqual([
      'Workspace scenario',
      'Pay +10%',
      'Five-hour blocks',
      'No surge',
    ]);
    // The default metrics, in a row each.
    const rows = await presentation(page)
      .locator('td[data-slide="1"][data-metric]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-metric')));
    expect(new Set(rows)).toEqual(new Set(DEFAULT_PRESENT_METRICS));
    await expect
      .poll(() => presentation(page).locator('weekly-chart svg[data-chart]').count())
      .toBe(4);
    // The four charts share one value scale: the same axis labels in each.
    const axisLabels = await presentation(page)
      .locator('weekly-chart svg[data-chart]')
      .evaluateAll((svgs) =>
        svgs.map((svg) =>
          Array.from(svg.querySelectorAll('text'))
            .map((t) => t.textContent?.trim() ?? '')
            .filter((t) => /^[\d,.]+%?$/.test(t))
            .join(' '),
        ),
      );
    expect(new Set(axisLabels).size).toBe(1);
    await screenshot(page, 'presentation-1920');

    // Full screen: the presentation alone fills the screen, and leaves it again.
    const full = presentation(page).locator('[data-action="fullscreen"]');
    await full.click();
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.localName ?? ''))
      .toBe('gig-app');
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector('gig-app')?.shadowRoot?.fullscreenElement?.localName ?? '',
        ),
      )
      .toBe('presentation-mode');
    await page.screenshot({ path: await screenshot(page, 'presentation-fullscreen') });
    expect(await full.textContent()).toContain('Leave full screen');
    await full.click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null);
    // Four side by side at laptop size too.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect
      .poll(() => presentation(page).evaluate((el) => el.scrollWidth <= el.clientWidth))
      .toBe(true);
    await screenshot(page, 'presentation-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Two at a time, then step with the arrow keys through all five.
    await presentation(page).locator('[data-control="columns"]').selectOption('2');
    await blur(page);
    await presented(page, 2);
    expect(await shownNames(page)).toEqual(['Workspace scenario', 'Pay +10%']);
    const seen: Record<string, Record<string, number>> = {};
    const expected = [
      ['Pay +10%', 'Five-hour blocks'],
      ['Five-hour blocks', 'No surge'],
      ['No surge', 'Pay −10%'],
    ];
    for (const names of expected) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => shownNames(page)).toEqual(names);
      await presented(page, 2);
      Object.assign(seen, await cells(page));
    }
    expect(await presentation(page).getAttribute('data-window-start')).toBe('3');
    expect(await presentation(page).locator('[data-window]').textContent()).toContain(
      'Scenarios 4–5 of 5',
    );
    // At the end, → stays; the Next button is disabled.
    await page.keyboard.press('ArrowRight');
    expect(await presentation(page).getAttribute('data-window-start')).toBe('3');
    expect(await presentation(page).locator('[data-action="next"]').isDisabled()).toBe(true);

    // Every saved scenario was shown with finite numbers equal to a direct comparison's.
    for (const [i, saved] of SAVED.entries()) {
      const slide = i + 1;
      const numbers = seen[String(slide)];
      expect(numbers, saved.name).toBeDefined();
      const scenario = await page.evaluate(
        (n) =>
          document.querySelector('gig-app')!.shadowRoot!.querySelector('presentation-mode')!.slides[
            n
          ]!.scenario,
        slide,
      );
      const parsed = parseScenario({
        version: 1,
        seed: 1,
        weeks: 8,
        replications: 4,
        params: saved.params,
      });
      expect(parsed.ok && scenario).toEqual(parsed.ok ? parsed.value : undefined);
      const d = await direct(page, slide);
      for (const id of DEFAULT_PRESENT_METRICS) {
        const value = numbers![id]!;
        expect(Number.isFinite(value), `${saved.name} ${id}`).toBe(true);
        expect(value, `${saved.name} ${id}`).toBe(d.mean[METRIC_INDEX[id as MetricId]]);
        expect(numbers![`${id}:delta`], `${saved.name} ${id}`).toBe(
          d.delta[METRIC_INDEX[id as MetricId]],
        );
      }
    }
    // Higher pay fills more blocks than lower pay, as the model says.
    expect(seen['1']!['fillRate:delta']).toBeGreaterThan(0);
    expect(seen['4']!['fillRate:delta']).toBeLessThan(0);

    // ← steps back, the buttons too.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownNames(page)).toEqual(['Five-hour blocks', 'No surge']);
    await presentation(page).locator('[data-action="previous"]').click();
    await expect.poll(() => shownNames(page)).toEqual(['Pay +10%', 'Five-hour blocks']);

    // Another metric can be picked; it shows for every scenario.
    await presentation(page).locator('[data-control="metrics"] summary').click();
    await presentation(page).locator('[data-pick-metric="weeklyChurnRate"]').check();
    await expect
      .poll(() => presentation(page).locator('td[data-metric="weeklyChurnRate"]').count())
      .toBe(2);
    expect(problems).toEqual([]);
  });

  it('steps with ← → as soon as it is opened from the header, and keeps the focus at the end', async () => {
    const { page, problems } = await open(VIEW, { width: 1920, height: 1080 });
    await saveScenarios(page);
    await page.locator('mode-nav [data-mode-link="present"]').click();
    const where = presentation(page).locator('[data-window]');
    await expect.poll(() => where.textContent()).toBe('Scenarios 1–4 of 5');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => where.textContent()).toBe('Scenarios 2–5 of 5');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => where.textContent()).toBe('Scenarios 1–4 of 5');
    // "Next" until it is disabled: the focus stays in the stepper, not lost to the page.
    await presentation(page).locator('[data-action="next"]').click();
    await expect.poll(() => where.textContent()).toBe('Scenarios 2–5 of 5');
    const focused = await page.evaluate(() => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.className ?? '';
    });
    expect(focused).toBe('stepper');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => where.textContent()).toBe('Scenarios 1–4 of 5');

    // The pickers: one open at a time, and Escape closes one.
    const metrics = presentation(page).locator('details[data-control="metrics"]');
    const charts = presentation(page).locator('details[data-control="charts"]');
    const isOpen = (d: typeof metrics) => d.evaluate((el) => (el as HTMLDetailsElement).open);
    await metrics.locator('summary').click();
    expect(await isOpen(metrics)).toBe(true);
    await charts.locator('summary').click();
    await expect.poll(() => isOpen(metrics)).toBe(false);
    expect(await isOpen(charts)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(charts)).toBe(false);
    expect(problems).toEqual([]);
  });

  it('opens the summary of a scenario from presentation mode and comes back', async () => {
    const { page, problems } = await open(`?mode=present${VIEW}`, {
      width: 1280,
      height: 800,
    });
    await presented(page, 1);
    await screenshot(page, 'presentation-1280-single');
    await presentation(page).locator('[data-action="slide-summary"][data-slide="0"]').click();
    const summary = page.locator('comparison-summary');
    await expect.poll(() => summary.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await summary.locator('h1').textContent()).toContain('Workspace scenario');
    await page.keyboard.press('Escape');
    await expect.poll(() => presentation(page).count()).toBe(1);
    expect(await page.locator('gig-app').getAttribute('data-mode')).toBe('present');
    expect(problems).toEqual([]);
  });

  it('prints the workspace’s summary on one A4 or Letter page, and saves it as a PDF', async () => {
    const { page, problems } = await open(
      '#payPerHour=26&blockHours=5&weeks=8&replications=4&t.costPerPackage=1',
    );
    await expect
      .poll(() => page.locator('gig-app').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('idle');
    await page.locator('gig-app [data-action="open-summary"]').click();
    const summary = page.locator('comparison-summary');
    await expect.poll(() => summary.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    await expect.poll(() => summary.locator('svg[data-chart]').count()).toBe(3);

    // The levers changed, with labels and units.
    expect(
      await summary
        .locator('[data-lever]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-lever'))),
    ).toEqual(['payPerHour', 'blockHours']);
    expect(await summary.locator('[data-lever="payPerHour"]').textContent()).toMatch(
      /Pay per block hour[\s\S]*22 \$\/h[\s\S]*26 \$\/h/,
    );
    // Every metric, with finite numbers equal to the workspace's comparison.
    const workspace = await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      const c = await app.runner(app.baseline, app.scenario);
      return Array.from(c.delta.longRun.mean);
    });
    const rows = await summary
      .locator('tr[data-metric]')
      .evaluateAll((els) =>
        els.map(
          (e) =>
            [e.getAttribute('data-metric') ?? '', Number(e.getAttribute('data-delta'))] as const,
        ),
      );
    expect(rows).toHaveLength(workspace.length);
    for (const [id, delta] of rows) expect(delta, id).toBe(workspace[METRIC_INDEX[id as MetricId]]);
    // A cost threshold of $1 per package is breached, and said so in words.
    const cost = summary.locator('[data-guardrail="costPerPackage"]');
    expect(await cost.getAttribute('data-breach')).toBe('true');
    expect(await cost.textContent()).toContain('Breached');

    await screenshot(page, 'summary-screen');
    await page.emulateMedia({ media: 'print' });
    // No navigation, no buttons; every section shown.
    expect(await page.locator('gig-app header').isVisible()).toBe(false);
    expect(
      await summary
        .locator('button')
        .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length),
    ).toBe(0);
    for (const section of ['levers', 'metrics', 'guardrails', 'charts']) {
      expect(await summary.locator(`[data-section="${section}"]`).isVisible(), section).toBe(true);
    }
    // Nothing cut: the page fits a printed A4/Letter page (10 mm margins: 718 × 980 px), every
    // chart and every element stays inside it, tables read at 8 pt or more.
    const layout = await summary.evaluate((host) => {
      const root = host.shadowRoot!;
      const page = root.querySelector('article')!.getBoundingClientRect();
      const charts = [...root.querySelectorAll('weekly-chart, pool-chart, earnings-chart')].map(
        (el) => {
          const svg = el.shadowRoot!.querySelector('svg[data-chart]')!.getBoundingClientRect();
          return { left: svg.left, right: svg.right, width: svg.width, height: svg.height };
        },
      );
      const style = (sel: string) =>
        [...root.querySelectorAll(sel)].map((el) => getComputedStyle(el).breakInside);
      const outside = [...root.querySelectorAll('article *')].filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        return (
          r.left < page.left - 0.5 ||
          r.right > page.right + 0.5 ||
          r.top < page.top - 0.5 ||
          r.bottom > page.bottom + 0.5
        );
      });
      const fonts = [...root.querySelectorAll('td, th, p')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => parseFloat(getComputedStyle(el).fontSize));
      return {
        page: { left: page.left, right: page.right, width: page.width, height: page.height },
        outside: outside.map((el) => `${el.localName}.${el.className}`),
        smallestFont: Math.min(...fonts),
        charts,
        figures: style('figure'),
        small: style('section[data-section="levers"], section[data-section="guardrails"]'),
        rows: style('tr'),
        overflow:
          root.querySelector('article')!.scrollWidth - root.querySelector('article')!.clientWidth,
      };
    });
    expect(layout.page.width).toBeLessThanOrEqual(718); // A4 at 10 mm margins
    expect(layout.page.height).toBeLessThanOrEqual(980); // Letter at 10 mm margins
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.outside).toEqual([]);
    expect(layout.smallestFont).toBeGreaterThanOrEqual(10.6); // 8 pt
    expect(layout.charts).toHaveLength(3);
    for (const c of layout.charts) {
      // Smaller in print: side by side, about 350 × 186 px.
      expect(c.width).toBeGreaterThan(300);
      expect(c.height).toBeGreaterThan(150);
      expect(c.left).toBeGreaterThanOrEqual(layout.page.left - 0.5);
      expect(c.right).toBeLessThanOrEqual(layout.page.right + 0.5);
    }
    expect(new Set([...layout.figures, ...layout.small, ...layout.rows])).toEqual(
      new Set(['avoid']),
    );
    await screenshot(page, 'summary-print');

    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      // Page objects (`/Type /Page`, not the `/Type /Pages` tree): one page.
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g)?.length ?? 0;
      expect(pages, format).toBe(1);
      writeFileSync(join(SHOTS, `summary-${format}.pdf`), pdf);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.locator('comparison-summary [data-action="close-summary"]').click();
    await expect.poll(() => page.locator('gig-app metric-tree').count()).toBe(1);
    expect(await page.locator('gig-app').getAttribute('data-state')).toMatch(/idle|running/);
    expect(problems).toEqual([]);
  });
});
