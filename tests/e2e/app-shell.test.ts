import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot } from './harness';

describe('the app shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('renders the frame with its title, lever and metric areas, and no console errors', async () => {
    const { page, problems } = await openApp(browser);
    const root = page.locator('gig-app');
    await expect.poll(() => root.getAttribute('data-state')).toMatch(/^(idle|running)$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain('gigsim');
    expect(await page.locator('[data-region="levers"]').count()).toBe(1);
    expect(await page.locator('[data-region="metrics"]').count()).toBe(1);
    await screenshot(page, 'app-shell');
    expect(problems).toEqual([]);
  });
});
