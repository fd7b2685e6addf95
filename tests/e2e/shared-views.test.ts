/**
 * What a shared view carries, in Chromium, on one small run (8 weeks, 4 replications, one
 * pin): a link with pins shows them side by side (a bad pin is dropped with a message, the
 * rest of the link kept); a saved scenario restores its smallest changes that matter; the
 * printable summary says when it was run and gives the link that reproduces it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import { TREE_ROWS, launchBrowser, openApp, screenshot, settled } from './harness';

const SMALL = 'weeks=8&replications=4&payPerHour=20';
const PINS = 'pin1=Low%20pay&pin1.payPerHour=18&pin2=Bad&pin2.noSuchLever=1';

describe('shared views', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a link’s pins, saves smallest changes with a scenario, and prints the summary’s link and time', async () => {
    const started = Date.now();
    const { page, problems } = await openApp(browser, `/#${SMALL}&m.fillRate=0.05&${PINS}`);
    await settled(page, TREE_ROWS);

    // The link's good pin is shown beside the current scenario; the bad one is named, dropped.
    const notice = page.locator('scenario-bar [data-notice]');
    await expect.poll(() => notice.textContent()).toMatch(/pin 2 was dropped: unknown parameter/);
    const cells = page.locator('pinned-scenarios td[data-metric="driverNetHourly"][data-value]');
    await expect.poll(() => cells.count(), { timeout: 60_000 }).toBe(2);
    const deltas = await cells.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-slide'), Number(e.getAttribute('data-delta'))]),
    );
    // Current ($20) and the pin ($18) against the $22 baseline: net hourly falls more at $18.
    expect(deltas.map(([slide]) => slide)).toEqual(['0', '1']);
    expect(deltas[1]![1]).toBeLessThan(deltas[0]![1] as number);
    expect(deltas[0]![1]).toBeLessThan(0);
    expect(await page.locator('pinned-scenarios').getByText('Low pay').count()).toBeGreaterThan(0);
    const fill = page.locator('metric-tree [data-min-change="fillRate"]');
    expect(await fill.getAttribute('data-min-change-value')).toBe('0.05');

    // Saved with the smallest changes in force.
    await page.locator('scenario-bar [data-control="save-name"]').fill('Strict');
    await page.locator('scenario-bar [data-action="save"]').click();
    await expect
      .poll(() => page.locator('scenario-bar [data-message="saved"]').textContent())
      .toContain('Saved as “Strict”');

    // The summary: when it was run, and the link that reproduces it.
    await page.locator('[data-action="open-summary"]').click();
    const summary = page.locator('comparison-summary[data-state="ready"]');
    await summary.waitFor({ timeout: 60_000 });
    const ran = await summary.locator('[data-summary-ran]').getAttribute('data-summary-ran');
    expect(Date.parse(ran ?? '')).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(ran ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await summary.locator('[data-summary-ran]').textContent()).toMatch(
      /^Run \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    const link = await summary.locator('a[data-summary-link]').getAttribute('href');
    expect(await summary.locator('a[data-summary-link]').textContent()).toBe(link);
    const hash = new URL(link ?? '').hash;
    expect(new URL(link ?? '').origin).toBe(new URL(page.url()).origin);
    for (const part of ['weeks=8', 'replications=4', 'payPerHour=20', 'm.fillRate=0.05']) {
      expect(hash).toContain(part);
    }
    await screenshot(page, 'summary-provenance');
    await page.locator('comparison-summary [data-action="close-summary"]').click();

    // A link without them takes them away; loading the saved scenario brings them back.
    await page.evaluate((h) => (location.hash = h), `#${SMALL}`);
    await expect.poll(() => fill.getAttribute('data-min-change-value')).toBe('0.005');
    await expect.poll(() => cells.count()).toBe(0);
    await page.locator('scenario-bar [data-control="saved"]').selectOption('Strict');
    await page.locator('scenario-bar [data-action="load-saved"]').click();
    await expect.poll(() => fill.getAttribute('data-min-change-value')).toBe('0.05');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('m.fillRate=0.05');
    expect(problems).toEqual([]);
  }, 180_000);
});
