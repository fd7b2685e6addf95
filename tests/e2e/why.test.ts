/**
 * Why it moved, in Chromium: a pay cut's link opens the workspace on the "Why it moved" tab;
 * the North Star's waterfall labels its parts, and the numbers it prints add up to the total
 * it prints, which is the metric tree's change; the sentence and the chains are there; the
 * metric select switches the decomposition, to the hours Gini and applicants too. One small
 * run (6 weeks, 2 replications).
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import { launchBrowser, openApp, screenshot } from './harness';

/** A printed change as a number: "−2,309" → -2309, "+1.25 pp" → 1.25, "0" → 0. */
function printed(text: string): number {
  const m = /[+−-]?[\d,]+(\.\d+)?/.exec(text.replace(/\u2212/g, '−'));
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0].replace(/,/g, '').replace('−', '-'));
}

async function values(rows: Locator): Promise<number[]> {
  return (await rows.locator('text.value').allTextContents()).map(printed);
}

describe('why it moved', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the North Star’s waterfall whose printed parts add up to its printed total', async () => {
    const { page, problems } = await openApp(
      browser,
      '#payPerHour=16&weeks=6&replications=2&chart=why',
    );
    await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 120_000 });
    const chart = page.locator('chart-panel svg[data-chart="waterfall"]');
    await chart.waitFor({ timeout: 10_000 });

    const parts = chart.locator('[data-why-part]');
    const labels = await parts.locator('text:not(.value)').allTextContents();
    expect(labels).toEqual([
      'Packages due',
      'Blocks left unfilled',
      'No-shows',
      'Plan short of volume',
      'Overflow to fallback',
      'Failed attempts',
      'Returned from overruns',
    ]);
    const shown = await values(parts);
    const [total] = await values(chart.locator('[data-why-total]'));
    expect(shown.reduce((a, b) => a + b, 0)).toBe(total);
    // A cut to $16 loses on-time packages, most of them to blocks nobody claimed.
    expect(total).toBeLessThan(0);
    expect(shown[1]).toBeLessThan(0);
    // The total is the metric tree's long-run change of the North Star, rounded.
    const row = page.locator('metric-tree [data-metric="onTimePackagesPerWeek"]');
    expect(Math.abs(Number(await row.getAttribute('data-delta')) - total)).toBeLessThanOrEqual(0.5);

    const sentence = await page.locator('[data-why-sentence]').textContent();
    expect(sentence).toMatch(/^On-time packages per week fell [\d,]+ packages\/week .*% from /);
    expect(await page.locator('[data-why-note]').textContent()).toMatch(/chain/i);
    await screenshot(page, 'why-north-star');

    // The metric select switches the decomposition: net hourly per paid block hour.
    await page.locator('chart-panel select[data-metric-select]').selectOption('driverNetHourly');
    await expect
      .poll(() => chart.locator('[data-why-part="base"] text').first().textContent())
      .toBe('Base pay per block hour');
    const hourly = await values(chart.locator('[data-why-part]'));
    const [hourlyTotal] = await values(chart.locator('[data-why-total]'));
    expect(Math.abs(hourly.reduce((a, b) => a + b, 0) - hourlyTotal)).toBeLessThan(1e-9);
    expect(hourlyTotal).toBeLessThan(0);

    // The metrics that are no ratio split too: the hours Gini (drivers left without hours,
    // uneven hours among the rest) and applicants (their factors, then chance).
    for (const [metric, first, n] of [
      ['hoursGini', 'Drivers with no hours that week', 2],
      ['applicantsWeekly', 'Base recruiting rate', 5],
    ] as const) {
      await page.locator('chart-panel select[data-metric-select]').selectOption(metric);
      await expect
        .poll(() => chart.locator('[data-why-part] text:not(.value)').first().textContent())
        .toBe(first);
      const split = await values(chart.locator('[data-why-part]'));
      const [splitTotal] = await values(chart.locator('[data-why-total]'));
      expect(split).toHaveLength(n);
      expect(Math.abs(split.reduce((a, b) => a + b, 0) - splitTotal), metric).toBeLessThan(1e-9);
      expect(await page.locator('[data-why-sentence]').textContent()).not.toMatch(
        /no decomposition/,
      );
    }
    // A pay cut brings fewer applicants, through the pay they hear about.
    const [applicants] = await values(chart.locator('[data-why-total]'));
    expect(applicants).toBeLessThan(0);
    const [pay] = await values(chart.locator('[data-why-part="pay"]'));
    expect(pay).toBeLessThan(0);
    await screenshot(page, 'why-applicants');
    expect(problems).toEqual([]);
  }, 180_000);
});
