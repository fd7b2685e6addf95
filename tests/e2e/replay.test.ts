/**
 * Replay mode in Chromium (issue 19), on one page: a day of a small run plays, scrubs by
 * mouse and keyboard, its counters move, and a driver is followed (from the picker and by a
 * click on a square); screenshots at 1280 and 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepText, launchBrowser, openApp, screenshot, type AppPage } from './harness';

const READY = 'replay-view[data-state=ready]';

async function tau(page: Page): Promise<number> {
  return Number(await page.locator('replay-view').getAttribute('data-tau'));
}

/** A counter's baseline value ("Blocks claimed" → 123). */
async function counter(page: Page, label: string): Promise<number> {
  const row = page.locator('replay-view table.counters tr', { hasText: label }).first();
  const text = await row.locator('td').first().textContent();
  return Number((text ?? '').replace(/[^0-9.]/g, ''));
}

describe('replay mode', () => {
  let browser: Browser;
  let app: AppPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, '?mode=replay&week=2&day=3#weeks=4&replications=2');
    await app.page.locator(READY).waitFor({ timeout: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await browser.close();
  });

  it('plays a day: time runs, blocks get claimed, routes finish', async () => {
    const { page } = app;
    expect(Number(await page.locator('replay-view').getAttribute('data-rows'))).toBeGreaterThan(
      100,
    );
    expect(await tau(page)).toBeLessThan(-6);
    expect(await counter(page, 'Blocks claimed')).toBe(0);
    const before = await tau(page);
    await page.locator('replay-view select').nth(1).selectOption('8');
    await page.locator('replay-view button.play').click();
    await expect.poll(() => tau(page), { timeout: 10_000 }).toBeGreaterThan(before + 1);
    await page.locator('replay-view button.play').click();
    expect(await page.locator('replay-view button.play').getAttribute('aria-pressed')).toBe(
      'false',
    );
    // To the end of the day by the slider: every count is in.
    await page.locator('replay-view input[type=range]').fill('1000');
    await expect.poll(() => tau(page)).toBeGreaterThan(14);
    const claimed = await counter(page, 'Blocks claimed');
    const planned = await counter(page, 'Blocks planned');
    expect(claimed).toBeGreaterThan(0.5 * planned);
    expect(claimed).toBeLessThanOrEqual(planned + 0);
    expect(await counter(page, 'Packages delivered')).toBeGreaterThan(1000);
    expect(await counter(page, 'Routes under way')).toBe(0);
    // The keyboard moves the time too.
    await page.locator('replay-view input[type=range]').fill('500');
    const mid = await tau(page);
    await page.locator('replay-view input[type=range]').press('ArrowRight');
    await expect.poll(() => tau(page)).toBeGreaterThan(mid);
    await page.locator('replay-view[data-moving="0"]').waitFor();
    await screenshot(page, 'replay-1280');
  });

  it('follows a driver: a typical one who stayed, then the one clicked', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Typical driver who stayed' }).click();
    const story = page.locator('replay-view section.story');
    await story.waitFor();
    const text = (await deepText(story)).replace(/\s+/g, ' ');
    expect(text).toMatch(/Driver \d+ ?'s week/);
    expect(text).toContain('chance of quitting');
    expect(text).toMatch(/\d+\.\d h on blocks/);
    expect(await story.locator('thead th').count()).toBe(8);
    const first = await story.locator('h3').textContent();
    // A click on the first square of the top band (not looking today) follows that driver.
    await page.locator('replay-view #canvas-baseline').click({ position: { x: 171, y: 47 } });
    await expect.poll(() => story.locator('h3').textContent()).not.toBe(first);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('replay-view input[type=range]').fill('620');
    await page.locator('replay-view[data-moving="0"]').waitFor();
    await screenshot(page, 'replay-390');
    expect(app.problems).toEqual([]);
  });
});
