/**
 * The headline in Chromium, on one page and one small run (pay cut to $19.80, which breaches
 * the wage-floor guardrail): it sits above the fold at 1440×900 and says what the metric tree
 * shows (the North Star's change, interval and verdict, the guardrails breached by name); it
 * follows a smallest change the user sets (and the link carries it); the summary and Present's
 * column say the same sentence.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import { launchBrowser, openApp, screenshot } from './harness';

const VIEW = '#payPerHour=19.8&weeks=8&replications=4';

/** The text a sighted reader sees in an element: screen-reader-only words left out. */
function seen(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('.sr-only').forEach((e) => e.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

async function idle(page: Page): Promise<void> {
  await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 90_000 });
}

describe('the headline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('says what the metric tree shows, follows the smallest change set, and reads the same in the summary and Present', async () => {
    const { page, problems } = await openApp(browser, VIEW, { width: 1440, height: 900 });
    await idle(page);
    const headline = page.locator('gig-app comparison-headline [data-headline]');
    const tree = page.locator('gig-app metric-tree');
    const ns = tree.locator('[data-metric="onTimePackagesPerWeek"]');

    // Above the fold.
    const box = await headline.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(900);
    await screenshot(page, 'headline-1440');

    // The North Star: the tree's long-run delta, its words and its verdict.
    expect(await headline.getAttribute('data-north-star-delta')).toBe(
      await ns.getAttribute('data-delta'),
    );
    const nsDelta = ns.locator('td[data-period="longRun"] .delta');
    const verdict = await nsDelta.getAttribute('data-verdict');
    expect(await headline.getAttribute('data-north-star-verdict')).toBe(verdict);
    const pieces = await nsDelta.locator('.piece').all();
    const change = (await seen(pieces[0]!)).replace(/^[▲▼≈?]\s*/, '');
    const interval = await seen(pieces[1]!);
    const text = await seen(headline);
    expect(text).toContain(`On-time packages per week ${change} ${interval}`);

    // The guardrails: the tree's breached rows, counted and named.
    const breached = await tree
      .locator('[data-metric][data-breach="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')));
    expect(breached).toContain('belowFloorHoursShare');
    expect(await headline.getAttribute('data-breaches')).toBe(String(breached.length));
    expect(await headline.getAttribute('data-breach-ids')).toBe(breached.join(' '));
    expect(text).toContain(
      `${breached.length} guardrail${breached.length === 1 ? '' : 's'} breached: `,
    );
    expect(text).toContain('hours below wage floor');
    expect(text).toMatch(/biggest movers: .+\((better|worse)\)/);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);

    // A smallest change of 0 for the North Star: the tree and the headline judge by it, and
    // the link carries it.
    await ns.locator('details.matters summary').click();
    const field = ns.locator('details.matters input');
    await field.fill('0');
    await field.press('Enter');
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toContain('m.onTimePackagesPerWeek=0');
    expect(await ns.locator('details.matters').getAttribute('data-min-change-value')).toBe('0');
    const strict = await nsDelta.getAttribute('data-verdict');
    const stat = await nsDelta.getAttribute('data-stat-verdict');
    // Against 0, better/worse is the statistical verdict; no clear change is can't tell yet.
    expect(strict).toBe(stat === 'unclear' ? 'uncertain' : stat);
    expect(await headline.getAttribute('data-north-star-verdict')).toBe(strict);
    const sentence = await seen(headline);

    // The summary opens on the same comparison (the pool's cache) and says the same sentence.
    await page.locator('gig-app [data-action="open-summary"]').click();
    await page.locator('comparison-summary[data-state="ready"]').waitFor({ timeout: 60_000 });
    expect(await seen(page.locator('comparison-summary [data-headline]'))).toBe(sentence);
    await page.keyboard.press('Escape');

    // Present's column of the workspace scenario: the same sentence, in the long run shown.
    await page.locator('mode-nav [data-mode-link="present"]').click();
    const column = page.locator('presentation-mode td[data-slide="0"] [data-headline]');
    await column.waitFor({ timeout: 60_000 });
    expect(await seen(column)).toBe(sentence);
    await screenshot(page, 'headline-present-1440');
    expect(problems).toEqual([]);
  });
});
