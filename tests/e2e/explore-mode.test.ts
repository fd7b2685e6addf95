/**
 * The explorer as a user reaches it: the Explore mode of the app, on the app's own pool. A
 * sweep runs, a point becomes the scenario (in the app and in the link), and a cancelled
 * sweep stops the workers so that the next one is answered at once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import { launchBrowser, openApp, screenshot } from './harness';

const SMALL = '#weeks=8&replications=4';

async function sweep(page: Page, from: string, to: string, steps: string): Promise<void> {
  await page.locator('explorer-view [data-sweep-from="sweep"]').fill(from);
  await page.locator('explorer-view [data-sweep-to="sweep"]').fill(to);
  await page.locator('explorer-view [data-sweep-steps="sweep"]').fill(steps);
  await page.locator('explorer-view [data-explorer-run="sweep"]').click();
}

describe('the Explore mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('sweeps pay on the app’s pool and makes a chosen point the scenario, in the app and the link', async () => {
    const { page, problems } = await openApp(browser, `?mode=explore${SMALL}`);
    await expect.poll(() => page.locator('gig-app').getAttribute('data-mode')).toBe('explore');
    await page.locator('gig-app explorer-view').waitFor();
    await sweep(page, '20', '26', '3');
    const points = page.locator(
      'explorer-view sweep-chart [data-sweep-point][data-metric="costPerPackage"]',
    );
    await expect.poll(() => points.count(), { timeout: 60_000 }).toBe(3);
    await page.locator('explorer-view[data-state="idle"]').waitFor({ timeout: 60_000 });
    await screenshot(page, 'explore-mode-sweep');

    // A click where the point is drawn (the chart's pointer layer picks the nearest value).
    await page
      .locator('explorer-view sweep-chart [data-sweep-point="26"][data-metric="costPerPackage"]')
      .click({ force: true });
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('gig-app')?.scenario.params.payPerHour),
      )
      .toBe(26);
    expect(await page.evaluate(() => location.hash)).toContain('payPerHour=26');

    // Back in the workspace, the chosen scenario is compared with the baseline.
    await page.locator('mode-nav [data-mode-link="workspace"]').click();
    await expect
      .poll(() => page.locator('gig-app').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('idle');
    const delta = Number(
      await page.locator('metric-tree [data-metric="driverNetHourly"]').getAttribute('data-delta'),
    );
    expect(delta).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('stops the workers when a sweep is cancelled, and the next sweep completes', async () => {
    // Long runs, so the first point is still on the workers when Cancel comes.
    const { page, problems } = await openApp(browser, '?mode=explore#weeks=104&replications=16');
    await page.locator('gig-app explorer-view').waitFor();
    await sweep(page, '15', '30', '6');
    await page.locator('explorer-view[data-state="running"]').waitFor({ timeout: 30_000 });
    const busy = () =>
      page.evaluate(() => {
        type App = HTMLElement & { pool: { workers: { slots: { task: unknown }[] } } };
        const app = document.querySelector('gig-app') as unknown as App;
        return app.pool.workers.slots.filter((s) => s.task).length;
      });
    expect(await busy()).toBeGreaterThan(0);
    await page.locator('explorer-view [data-explorer-cancel]').click();
    await page.locator('explorer-view[data-state="idle"]').waitFor({ timeout: 10_000 });
    // Served cross-origin isolated (COOP/COEP), the pool stops a run through shared memory:
    // the same workers, each free again, none still simulating the cancelled sweep.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect.poll(busy, { timeout: 10_000 }).toBe(0);
    await page.evaluate(() => {
      location.hash = '#weeks=8&replications=4';
    });
    await expect
      .poll(() => page.evaluate(() => document.querySelector('gig-app')?.scenario.weeks))
      .toBe(8);
    await sweep(page, '20', '24', '3');
    const points = page.locator(
      'explorer-view sweep-chart [data-sweep-point][data-metric="costPerPackage"]',
    );
    await expect.poll(() => points.count(), { timeout: 30_000 }).toBe(3);
    expect(problems).toEqual([]);
  });
});
