/**
 * A root-cause drill in Chromium (docs/PRACTICE.md): a code entered, the history simulated in
 * its worker, two slices queried (the budget counting down), the right cause and fix named, and
 * the grade, the feedback and the model answer shown; the same code graded as the unit tests'
 * pure grading says. One page for the whole file.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeDrill } from '../../src/model/drills/code';
import { TEMPLATES } from '../../src/model/drills/templates';
import type {} from '../../src/ui/app/gig-app';
import { launchBrowser, openApp, screenshot } from './harness';

const K = TEMPLATES.findIndex((t) => t.id === 'loadingBottleneck');
const CODE = encodeDrill(K, 2);

describe('a root-cause drill', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('plays a drill from its code: queries, answer, grade and model answer', async () => {
    const { page, problems } = await openApp(browser, '?mode=practice#weeks=8&replications=4');
    const drill = page.locator('root-cause-drill');
    await expect
      .poll(() => drill.getAttribute('data-drill-state'), { timeout: 30_000 })
      .toBe('setup');
    await drill.locator('[data-code]').fill(CODE);
    await drill.locator('[data-start]').click();
    // The history is simulated in a worker of its own: the page stays responsive meanwhile.
    await expect
      .poll(() => drill.getAttribute('data-drill-state'), { timeout: 30_000 })
      .toBe('play');
    await expect(drill.locator('[data-prompt-text]').innerText()).resolves.toMatch(
      /Delivered on time (fell|rose) from .* in weeks 1–\d+ to .* in weeks \d+–12/,
    );
    await drill.locator('[data-slice="slots"]').click();
    await drill.locator('[data-slice="routes"]').click();
    expect(await drill.locator('[data-left]').innerText()).toBe('3');
    expect(await drill.locator('[data-slice="slots"]').isDisabled()).toBe(true);
    const waits = await drill.locator('[data-view="slots"] tr.moved').count();
    expect(waits).toBeGreaterThanOrEqual(2);
    await drill.locator('[data-cause]').selectOption('loadingBottleneck');
    await drill.locator('[data-fix]').selectOption('addLoading');
    await screenshot(page, 'drill-play-1280');
    await drill.locator('[data-submit]').click();
    await expect.poll(() => drill.getAttribute('data-drill-state')).toBe('graded');
    const score = Number(await drill.locator('[data-score]').getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(90);
    expect(await drill.locator('section[aria-live]').innerText()).toMatch(
      /Right: .*yes, that answers it/s,
    );
    expect(await drill.locator('[data-model-answer] li').count()).toBeGreaterThan(0);
    await drill.locator('[data-model-answer]').scrollIntoViewIfNeeded();
    await screenshot(page, 'drill-graded-1280');
    expect(problems).toEqual([]);
  }, 90_000);
});
