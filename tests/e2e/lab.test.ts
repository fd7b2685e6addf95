/**
 * The experiment lab in Chromium (`?mode=lab`): a pay rise tested by a driver split and a
 * switchback on the app's workers, with progress, the market balance, the recommendation, a
 * table per design and the power chart; Cancel stops a run. One page for the file, a few
 * re-randomisations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import { launchBrowser, openApp, screenshot, setScenario, type AppPage } from './harness';

const SMALL = { demandPerDay: 1600, initialDrivers: 160, applicantsPerWeek: 2.4 };

async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = page.locator('lab-mode label', { hasText: label }).locator('input');
  await input.fill(value);
  await input.dispatchEvent('change');
}

describe('the experiment lab', () => {
  let browser: Browser;
  let app: AppPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    // The lab's settings come from the link: driver split and switchback, 8 re-randomisations,
    // a 2-week test; a treated share of 2 is dropped and named.
    app = await openApp(
      browser,
      '?mode=lab#weeks=2&replications=2&lab.designs=driver,switchback&lab.reps=8&lab.weeks=2&lab.share=2',
    );
    // A fifth of the default station, baseline and scenario alike, so the lab runs quickly.
    await app.page.evaluate((small) => {
      const el = document.querySelector('gig-app') as unknown as {
        baseline: { params: Record<string, unknown> };
      };
      el.baseline = { ...el.baseline, params: { ...el.baseline.params, ...small } };
    }, SMALL);
    await setScenario(app.page, {
      weeks: 2,
      replications: 2,
      params: { ...SMALL, payPerHour: 25 },
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a driver split and a switchback and shows how each would read', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('lab-mode .treatment').textContent()).toContain('25');
    expect(await page.locator('lab-mode input[value=block]').isChecked()).toBe(false);
    expect(await page.locator('lab-mode [data-lab-link-notice]').textContent()).toContain(
      '"lab.share" was dropped',
    );
    expect(
      await page
        .locator('lab-mode label', { hasText: 'Re-randomisations' })
        .locator('input')
        .inputValue(),
    ).toBe('8');
    expect(
      await page
        .locator('lab-mode label', { hasText: 'Test length' })
        .locator('input')
        .inputValue(),
    ).toBe('2');
    await page.locator('lab-mode [data-lab-run]').click();
    await page.locator('lab-mode [data-lab-progress]').waitFor();
    await page.locator('lab-mode[data-state=idle] [data-lab-recommendation]').waitFor({
      timeout: 120_000,
    });
    // The default station's blocks are scarce: drivers are beaten to blocks, few go unclaimed.
    expect(await page.locator('lab-mode [data-lab-balance]').getAttribute('data-scarce')).toBe(
      'blocks',
    );
    const designs = await page
      .locator('lab-mode section[data-design]')
      .evaluateAll((s) => s.map((e) => e.getAttribute('data-design')));
    expect(designs).toEqual(['driver', 'switchback']);
    // The driver split's North Star estimate is inflated: its bias is positive.
    const bias = await page
      .locator('lab-mode [data-design=driver] tr[data-metric=onTimePackagesPerWeek] td')
      .nth(2)
      .textContent();
    expect(Number((bias ?? '').split(/\s|\[/)[0].replace(/,/g, ''))).toBeGreaterThan(0);
    expect(await page.locator('lab-mode [data-lab-chart] polyline').count()).toBe(4);
    // The chart shows a chosen metric: cost per package, which only a switchback estimates.
    await page
      .locator('lab-mode [data-lab-chart-metric]')
      .selectOption({ label: 'Cost per on-time package' });
    expect(await page.locator('lab-mode [data-lab-chart]').getAttribute('data-metric')).toBe(
      'costPerPackage',
    );
    expect(await page.locator('lab-mode [data-lab-chart] polyline').count()).toBe(2);
    const text = (await page.locator('lab-mode').textContent()) ?? '';
    expect(text).not.toContain('NaN');
    await screenshot(page, 'lab-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, 'lab-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    // A changed setting goes into the link, beside those it came with.
    await fill(page, 'Treated share', '0.3');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('lab.share=0.3');
    expect(await page.locator('lab-mode [data-lab-link-notice]').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toContain('lab.reps=8');
    expect(app.problems).toEqual([]);
  }, 180_000);

  it('stops a run on Cancel and says so', async () => {
    const { page } = app;
    await fill(page, 'Re-randomisations', '400');
    await page.locator('lab-mode [data-lab-run]').click();
    await page.locator('lab-mode [data-lab-cancel]').click();
    await page.locator('lab-mode[data-state=idle]').waitFor();
    expect(await page.locator('lab-mode [data-lab-notice]').textContent()).toContain('Cancelled');
    expect(app.problems).toEqual([]);
  }, 60_000);
});
