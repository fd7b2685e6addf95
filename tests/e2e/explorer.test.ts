/**
 * The trade-off explorer in Chromium, on the app's worker pool with small runs (8 weeks, 4
 * replications): a sweep draws a point per value with finite numbers; the trade-off chart
 * marks exactly the points paretoFront returns; a heatmap cell click makes that cell the
 * scenario; a sweep can be cancelled mid-way and a new one then completes; no NaN anywhere.
 * Screenshots of every tab at 1280×800 and 1920×1080 land in tests/e2e/screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import { paretoFront } from '../../src/model/frontier';
import type { Scenario } from '../../src/model/scenario';
import type {} from '../../src/ui/explore/explorer-view';
import type {} from '../../src/ui/app/gig-app';
import { deepText, launchBrowser, openApp, screenshot } from './harness';

const VIEW = '#weeks=8&replications=4';

declare global {
  interface Window {
    chosen: Scenario[];
  }
}

/** Waits for the workspace's own run to finish, then mounts an explorer on the app's pool. */
async function mount(page: Page): Promise<void> {
  await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 60_000 });
  await page
    .locator('metric-tree [data-metric][data-value]')
    .nth(METRICS.length - 1)
    .waitFor({ timeout: 60_000 });
  const registered = await page.evaluate(() => customElements.get('explorer-view') !== undefined);
  expect(registered).toBe(true);
  await page.evaluate(() => {
    const app = document.querySelector('gig-app');
    if (!app) throw new Error('no app');
    app.style.display = 'none';
    const el = document.createElement('explorer-view');
    el.runner = app.runner;
    el.baseline = app.baseline;
    el.scenario = app.scenario;
    el.style.display = 'block';
    el.style.padding = '16px 24px';
    window.chosen = [];
    el.addEventListener('scenario-input', (e) => {
      window.chosen.push((e as CustomEvent<{ scenario: Scenario }>).detail.scenario);
    });
    document.body.append(el);
  });
}

async function idle(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('explorer-view[data-state="idle"]').waitFor({ timeout });
}

async function runSweep(page: Page, from: string, to: string, steps: string): Promise<void> {
  await page.locator('explorer-view [data-sweep-from="sweep"]').fill(from);
  await page.locator('explorer-view [data-sweep-to="sweep"]').fill(to);
  await page.locator('explorer-view [data-sweep-steps="sweep"]').fill(steps);
  await page.locator('explorer-view [data-explorer-run="sweep"]').click();
}

async function noNaN(page: Page): Promise<void> {
  // Every text in the explorer, shadow roots and attribute values included.
  const text = await deepText(page.locator('explorer-view'), { attributes: true });
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
}

describe('the trade-off explorer', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, VIEW));
    await mount(page);
  }, 90_000);

  afterAll(async () => {
    await browser.close();
  });

  it('sweeps a lever: a point per value in every metric panel, all finite', async () => {
    // Nothing to export before the first run.
    const svgButton = page.locator('explorer-view button[data-export-format="svg"]');
    expect(await svgButton.isDisabled()).toBe(true);
    await runSweep(page, '18', '30', '4');
    await idle(page);
    expect(await svgButton.isDisabled()).toBe(false);
    // The export carries its caption: the tool, the scenario, the run and the link.
    const caption = await page.locator('explorer-view').evaluate((el) => {
      const svg = (el as unknown as { svgText(): string }).svgText();
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return Array.from(
        doc.querySelectorAll('[data-export-caption] text'),
        (t) => t.textContent,
      ).join(' ');
    });
    expect(caption).toMatch(/^Workspace scenario \(Explore, Sweep\) against the baseline: /);
    expect(caption).toMatch(
      /seed \d+ · \d+ weeks? · \d+ replications?\. Exported .* Reproduce: http/,
    );
    expect(await page.locator('explorer-view [data-explorer-message]').textContent()).toContain(
      'Done',
    );
    for (const metric of ['costPerPackage', 'onTimeRate', 'driverNetHourly']) {
      const points = page.locator(
        `explorer-view sweep-chart [data-sweep-point][data-metric="${metric}"]`,
      );
      const read = await points.evaluateAll((els) =>
        els.map((el) => [
          Number(el.getAttribute('data-sweep-point')),
          Number(el.getAttribute('data-mean')),
        ]),
      );
      expect(read.map(([x]) => x)).toEqual([18, 22, 26, 30]);
      for (const [, mean] of read) expect(Number.isFinite(mean)).toBe(true);
    }
    // Pay buys cost: cost per package rises with pay.
    const cost = await page
      .locator('explorer-view sweep-chart [data-sweep-point][data-metric="costPerPackage"]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-mean'))));
    expect(cost[3]).toBeGreaterThan(cost[0]);
    await noNaN(page);
    await screenshot(page, 'explorer-sweep-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'explorer-sweep-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 90_000);

  it('marks exactly the Pareto-efficient points on the trade-off curve, and a click chooses one', async () => {
    await page.locator('explorer-view [data-explorer-tab="tradeoff"]').click();
    const points = page.locator('explorer-view frontier-chart [data-sweep-point]');
    await expect.poll(() => points.count()).toBe(4);
    const read = await points.evaluateAll((els) =>
      els.map((el) => ({
        value: Number(el.getAttribute('data-sweep-point')),
        x: Number(el.getAttribute('data-x')),
        y: Number(el.getAttribute('data-y')),
        front: el.getAttribute('data-frontier') === 'true',
      })),
    );
    for (const p of read) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // Cost per package (lower is better) against on-time rate (higher is better).
    const expected = paretoFront(read, 'down', 'up')
      .map((i) => read[i].value)
      .sort((a, b) => a - b);
    const marked = read
      .filter((p) => p.front)
      .map((p) => p.value)
      .sort((a, b) => a - b);
    expect(marked).toEqual(expected);
    expect(marked.length).toBeGreaterThan(0);
    await noNaN(page);
    await screenshot(page, 'explorer-tradeoff-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'explorer-tradeoff-1920');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Keyboard: focus a point and press Enter.
    await page.locator('explorer-view frontier-chart [data-sweep-point="26"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.chosen.length)).toBe(1);
    expect(await page.evaluate(() => window.chosen[0].params.payPerHour)).toBe(26);
  }, 60_000);

  it('draws a heatmap over two levers, and a cell click makes it the scenario', async () => {
    await page.locator('explorer-view [data-explorer-tab="grid"]').click();
    await page.locator('explorer-view [data-sweep-from="x"]').fill('18');
    await page.locator('explorer-view [data-sweep-to="x"]').fill('34');
    await page.locator('explorer-view [data-sweep-steps="x"]').fill('3');
    await page.locator('explorer-view [data-sweep-from="y"]').fill('3');
    await page.locator('explorer-view [data-sweep-to="y"]').fill('5');
    await page.locator('explorer-view [data-sweep-steps="y"]').fill('3');
    await page.locator('explorer-view [data-explorer-run="grid"]').click();
    await idle(page);
    const cells = page.locator('explorer-view heatmap-chart [data-cell]');
    await expect.poll(() => cells.count()).toBe(9);
    const values = await cells.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-value'))),
    );
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    await noNaN(page);
    await screenshot(page, 'explorer-grid-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'explorer-grid-1920');
    await page.setViewportSize({ width: 1280, height: 800 });

    const before = await page.evaluate(() => window.chosen.length);
    // At $34/h the cost per package passes its $2.50 guardrail: hatched and marked in words.
    expect(
      await page
        .locator('explorer-view heatmap-chart [data-cell="34,3"]')
        .getAttribute('data-breach'),
    ).toBe('true');
    expect(
      await page.locator('explorer-view heatmap-chart [data-cell="34,3"]').textContent(),
    ).toContain('breach');
    await page.locator('explorer-view heatmap-chart [data-cell="26,5"]').click();
    await expect.poll(() => page.evaluate(() => window.chosen.length)).toBe(before + 1);
    const chosen = await page.evaluate(() => window.chosen[window.chosen.length - 1].params);
    expect(chosen.payPerHour).toBe(26);
    expect(chosen.blockHours).toBe(5);
  }, 90_000);

  it('cancels a sweep mid-way and stays usable: a new sweep completes', async () => {
    await page.locator('explorer-view [data-explorer-tab="sweep"]').click();
    await runSweep(page, '12', '40', '29');
    // Mid-way: at least one point in, not all.
    await expect
      .poll(
        () =>
          page
            .locator('explorer-view sweep-chart [data-sweep-point][data-metric="onTimeRate"]')
            .count(),
        { timeout: 60_000, interval: 20 },
      )
      .toBeGreaterThanOrEqual(1);
    expect(await page.locator('explorer-view').getAttribute('data-state')).toBe('running');
    await page.locator('explorer-view [data-explorer-cancel]').click();
    await idle(page, 5_000);
    expect(await page.locator('explorer-view [data-explorer-message]').textContent()).toContain(
      'Cancelled',
    );
    expect(
      await page
        .locator('explorer-view sweep-chart [data-sweep-point][data-metric="onTimeRate"]')
        .count(),
    ).toBeLessThan(29);

    await runSweep(page, '20', '24', '3');
    await idle(page);
    expect(await page.locator('explorer-view [data-explorer-message]').textContent()).toContain(
      'Done',
    );
    const xs = await page
      .locator('explorer-view sweep-chart [data-sweep-point][data-metric="onTimeRate"]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-sweep-point'))));
    expect(xs).toEqual([20, 22, 24]);
    await noNaN(page);
    expect(problems).toEqual([]);
  }, 120_000);

  it('sweeps an on/off lever as two categories, Off and On, with nothing joining them', async () => {
    await page.locator('explorer-view [data-explorer-tab="sweep"]').click();
    const lever = page.locator('explorer-view [data-lever-select]').first();
    await lever.selectOption('surgeEnabled');
    await page.locator('explorer-view [data-explorer-run="sweep"]').click();
    const chart = page.locator('explorer-view sweep-chart');
    const xs = () =>
      chart
        .locator('[data-sweep-point][data-metric="onTimeRate"]')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-sweep-point'))));
    // The run has started (the last sweep's points are gone) and ends with Off and On.
    await expect.poll(xs, { timeout: 60_000, interval: 50 }).toEqual([0, 1]);
    await idle(page);
    const ticks = await chart.locator('g.x-axis text, text').allTextContents();
    expect(ticks).toEqual(expect.arrayContaining(['Off', 'On']));
    expect(await chart.locator('path.mean').count()).toBe(0);
    const panels = await chart.locator('g.panel').count();
    expect(await chart.locator('rect.band').count()).toBe(2 * panels);
    await noNaN(page);
    await lever.selectOption('payPerHour');
    expect(problems).toEqual([]);
  }, 90_000);

  it('ranks the sensitivity of a metric by swing, every bar finite', async () => {
    await page.locator('explorer-view [data-explorer-tab="sensitivity"]').click();
    await page.locator('explorer-view [data-explorer-run="sensitivity"]').click();
    await idle(page, 120_000);
    const rows = page.locator('explorer-view tornado-chart [data-tornado-item]');
    expect(await rows.count()).toBeGreaterThan(3);
    const swings = await rows.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-swing'))),
    );
    for (const s of swings) expect(Number.isFinite(s)).toBe(true);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    await noNaN(page);
    await screenshot(page, 'explorer-tornado-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'explorer-tornado-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 150_000);

  it('seeks a goal and shows the answer with intervals and the confidence the constraints hold', async () => {
    await page.locator('explorer-view [data-explorer-tab="goal"]').click();
    await page.locator('explorer-view [data-goal-budget]').fill('4');
    await page.locator('explorer-view [data-explorer-run="goal"]').click();
    await idle(page);
    const answer = page.locator('explorer-view [data-goal-result]');
    await answer.waitFor();
    const confidence = Number(
      await answer.locator('[data-goal-confidence]').getAttribute('data-goal-confidence'),
    );
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
    expect(await answer.locator('[data-goal-constraint]').count()).toBe(2);
    await noNaN(page);
    await screenshot(page, 'explorer-goal-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'explorer-goal-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
    const before = await page.evaluate(() => window.chosen.length);
    await page.locator('explorer-view [data-goal-apply]').click();
    await expect.poll(() => page.evaluate(() => window.chosen.length)).toBe(before + 1);
  }, 90_000);
});
