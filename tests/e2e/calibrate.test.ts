/**
 * Calibrate mode in Chromium (issue 17), on one page: a bad file's messages (row and column
 * named; the history loaded before is kept), the shipped example, a small fit on the workers
 * with no request but the app's own files while it runs, the result, and "Use as baseline": the
 * workspace's note on the fit, the fit in the link and after a reload, and dropping it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import { baseUrl, launchBrowser, openApp, screenshot } from './harness';

const BAD = 'week,blocks_offered,blocks_filled\n1,100,90\n2,abc,90\n3,100,-4\n';

describe('calibrate mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('refuses a bad file by row and column, fits the example on the workers offline, and makes it the baseline', async () => {
    const { page, problems } = await openApp(browser, '?mode=calibrate#weeks=8&replications=4');
    const mode = page.locator('calibrate-mode');
    const file = page.locator('[data-history-file]');
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
    const errors = page.locator('[data-history-errors]');
    await expect
      .poll(() => errors.textContent())
      .toContain('row 3, column blocks_offered: "abc" is not a number.');
    expect(await errors.textContent()).toContain('row 4, column blocks_filled: -4 is negative');
    expect(await mode.getAttribute('data-calib-state')).toBe('empty');

    await page.locator('[data-load-example]').click();
    await expect
      .poll(() => page.locator('[data-history-summary]').textContent())
      .toContain('26 weeks from week 10');
    // A bad file now leaves the example in place, and says so.
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
    await expect.poll(() => errors.textContent()).toContain('is still the history used');
    expect(await page.locator('[data-history-summary]').textContent()).toContain('26 weeks');

    // A small fit: the no-show rate alone, 4 replications an evaluation.
    for (const id of ['hoursWanted', 'checksPerHour', 'applicantsPerWeek']) {
      await page.locator(`[data-fit-constant=${id}]`).uncheck();
    }
    await page.locator('[data-fit-reps]').selectOption('4');
    const origin = new URL(baseUrl()).origin;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.resourceType()} ${r.url()}`));
    await page.locator('[data-fit]').click();
    await page.locator('calibrate-mode[data-calib-state=running]').waitFor();
    await page.locator('calibrate-mode[data-calib-state=done]').waitFor({ timeout: 120_000 });
    // Nothing left the page: at most the app's own scripts and worker files were loaded.
    const foreign = requests.filter((r) => {
      const [method, , url] = r.split(' ');
      return method !== 'GET' || !url.startsWith(origin) || url.includes('.csv');
    });
    expect(foreign).toEqual([]);

    const row = page.locator('[data-constant-row=noShowRate]');
    expect(await row.getAttribute('data-identified')).toBe('yes');
    const cells = await row.locator('td').allTextContents();
    const [low, high] = cells[2].split('–').map((s) => Number(s.trim()));
    // The example was made with a no-show rate of 0.04.
    expect(low).toBeLessThanOrEqual(0.04);
    expect(high).toBeGreaterThanOrEqual(0.04);
    const activeError = await page.locator('[data-holdout-error=active_drivers]').textContent();
    // One constant fitted, the rest at the defaults: the forecast is checked, not close.
    expect(Number.isFinite(Number.parseFloat(activeError ?? ''))).toBe(true);
    expect(await page.locator('holdout-chart').count()).toBe(2);
    await screenshot(page, 'calibrate-result');

    await page.locator('[data-use-baseline]').click();
    await expect.poll(() => page.locator('gig-app').getAttribute('data-mode')).toBe('workspace');
    const fitted = Number(cells[1]);
    const baseline = await page.evaluate(() => {
      const app = document.querySelector('gig-app') as unknown as {
        baseline: { params: Record<string, number> };
      };
      return app.baseline.params;
    });
    expect(baseline.noShowRate).toBeCloseTo(fitted, 2);
    expect(baseline.startWeek).toBe(10);

    // The baseline rests on the fit: the note says which constant and its range, the link
    // carries the fit, and a reload keeps it.
    const note = page.locator('[data-fit-note]');
    await expect.poll(() => note.textContent()).toContain('The baseline rests on a fit');
    expect(await page.locator('[data-fit-note-constant=noShowRate]').textContent()).toMatch(
      /^No-shows 0\.0\d+ share \(0\.0\d+ to 0\.0\d+\)$/,
    );
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toMatch(/fit\.noShowRate=0\.0\d+_0\.\d+/);
    await page.locator('gig-app[data-state=idle]').waitFor({ timeout: 60_000 });
    await screenshot(page, 'calibrate-fit-note');
    const fitOf = () =>
      page.evaluate(() => {
        const app = document.querySelector('gig-app') as unknown as {
          baseline: { fit?: { constants: { id: string; logSe: number }[] } };
          scenario: { fit?: unknown };
        };
        return { baseline: app.baseline.fit, scenario: app.scenario.fit };
      });
    const before = await fitOf();
    expect(before.baseline?.constants.map((c) => c.id)).toEqual(['noShowRate']);
    expect(before.baseline?.constants[0].logSe).toBeGreaterThan(0);
    await page.reload();
    await page.locator('[data-fit-note]').waitFor();
    expect(await fitOf()).toEqual(before);

    // Dropping the fit: no note, no fit in the link.
    await page.locator('[data-action=drop-fit]').click();
    await expect.poll(() => page.locator('[data-fit-note]').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).not.toContain('fit.');
    expect((await fitOf()).baseline).toBeUndefined();
    expect(problems).toEqual([]);
  }, 180_000);
});
