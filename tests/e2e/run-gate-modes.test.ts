/**
 * The run gate in every mode that runs (issue 14), in Chromium, on one page: Explore's sweep
 * refused when a point runs away (the point and the parameters named), asked about over the
 * time budget (Cancel runs nothing; Run anyway runs it, saying its estimate, and Cancel stops
 * it with the last sweep intact); Present's columns and a practice round asked about and
 * cancelled, and a runaway column refused. Everything that does run is tiny or cancelled at
 * once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openApp, setScenario } from './harness';

const TINY = '#weeks=1&replications=2';
/** DESIGN.md's metro over two years and 32 replications: over the tab's time budget. */
const BIG =
  '#initialDrivers=20000&demandPerDay=200000&applicantsPerWeek=300&weeks=104&replications=32';
/** A market whose applicants run away as pay rises (the scenario itself, at $22, runs). */
const RUNAWAY = { outsideWage: 5, supplyElasticity: 3, applicantsPerWeek: 400 };

async function sweepForm(page: Page, from: string, to: string, steps: string): Promise<void> {
  await page.locator('explorer-view [data-sweep-from="sweep"]').fill(from);
  await page.locator('explorer-view [data-sweep-to="sweep"]').fill(to);
  await page.locator('explorer-view [data-sweep-steps="sweep"]').fill(steps);
}

const explorerState = (page: Page) => page.locator('explorer-view').getAttribute('data-state');
const message = (page: Page) => page.locator('explorer-view [data-explorer-message]').textContent();
/** The sweep chart's points, as their lever values (one per point and metric panel). */
const points = (page: Page) =>
  page
    .locator('explorer-view sweep-chart [data-sweep-point]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-sweep-point')));

describe('the run gate in every mode', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, `?mode=explore${TINY}`));
  }, 60_000);

  afterAll(async () => {
    await browser.close();
  });

  it('Explore: asks before a long sweep, refuses a runaway one, and cancels to the last sweep', async () => {
    // A tiny sweep first: its chart is what a cancelled run must leave as it was.
    await sweepForm(page, '18', '30', '3');
    await page.locator('explorer-view [data-explorer-run="sweep"]').click();
    await expect.poll(() => message(page), { timeout: 60_000 }).toBe('Done.');
    const before = await points(page);
    expect(new Set(before)).toEqual(new Set(['18', '24', '30']));

    // Over the time budget: asked, nothing runs; Cancel drops the question.
    await setScenario(page, { weeks: 104, replications: 32 });
    await sweepForm(page, '10', '60', '50');
    await page.locator('explorer-view [data-explorer-run="sweep"]').click();
    const ask = page.locator('explorer-view [data-explorer-ask]');
    await expect
      .poll(() => ask.textContent())
      .toMatch(/This sweep would take about \d+ (min|h) .*Fewer points, replications or weeks/);
    expect(await explorerState(page)).toBe('idle');
    await page.locator('explorer-view [data-explorer-cancel]').click();
    expect(await ask.count()).toBe(0);
    expect(await message(page)).toMatch(/^Cancelled: nothing ran/);

    // Asked again, run anyway: it runs with its estimate said, and Cancel stops it.
    await page.locator('explorer-view [data-explorer-run="sweep"]').click();
    await page.locator('explorer-view [data-explorer-run-anyway]').click();
    await expect.poll(() => explorerState(page)).toBe('running');
    expect(await page.locator('explorer-view [data-explorer-estimate]').textContent()).toMatch(
      /This sweep: about \d+ (min|h) and \d+ MB .*Cancel stops it/,
    );
    await page.locator('explorer-view [data-explorer-cancel]').click();
    await expect.poll(() => explorerState(page)).toBe('idle');
    expect(await message(page)).toMatch(/^Cancelled\./);
    expect(await points(page)).toEqual(before);

    // A sweep whose higher pay makes applicants run away: refused, naming the point and why.
    await setScenario(page, { weeks: 1, replications: 2, params: RUNAWAY });
    await sweepForm(page, '22', '60', '5');
    await page.locator('explorer-view [data-explorer-run="sweep"]').click();
    await expect
      .poll(() => page.locator('explorer-view [data-explorer-error]').textContent())
      .toMatch(
        /The sweep's point payPerHour [\d.]+ cannot run: .*applicants a week.*supplyElasticity/,
      );
    expect(await page.locator('explorer-view [data-explorer-run-anyway]').count()).toBe(0);
    expect(await explorerState(page)).toBe('idle');
    expect(await points(page)).toEqual(before);
    expect(problems).toEqual([]);
  }, 120_000);

  it('Present: asks before its columns run, cancels, and refuses a runaway one', async () => {
    await page.goto(new URL(`?mode=present${BIG}`, baseUrl()).href);
    const gate = page.locator('presentation-mode [data-notice="gate"]');
    await expect.poll(() => gate.textContent()).toMatch(/This scenario would take about \d+ min/);
    expect(await page.locator('presentation-mode').getAttribute('data-state')).toBe('idle');
    await page.locator('presentation-mode [data-action="run-anyway-present"]').click();
    await expect
      .poll(() => page.locator('presentation-mode [data-notice="estimate"]').textContent())
      .toMatch(/This scenario: about \d+ min/);
    await page.locator('presentation-mode [data-action="cancel-present"]').click();
    await expect
      .poll(() => page.locator('presentation-mode').getAttribute('data-state'))
      .toBe('idle');
    expect(await page.locator('presentation-mode td[data-pending]').first().textContent()).toMatch(
      /cancelled/,
    );
    await setScenario(page, { weeks: 1, replications: 2, params: { ...RUNAWAY, payPerHour: 60 } });
    await expect
      .poll(() => gate.textContent())
      .toMatch(/The scenario “.*” cannot run: .*supplyElasticity/);
    expect(await page.locator('presentation-mode [data-action="run-anyway-present"]').count()).toBe(
      0,
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it('Practice: asks before a long round, runs it anyway, and cancels it', async () => {
    // A round made from the workspace scenario runs on the workspace's run settings: 256
    // replications of two years take it over the budget. (A library prompt runs on its code's
    // fixed, small settings.) The round's steps are committed empty to reach its run.
    await page.goto(
      new URL(`?mode=practice${BIG.replace('=32', '=256')}&payPerHour=30`, baseUrl()).href,
    );
    const practice = page.locator('practice-mode');
    await page.locator('practice-mode [data-custom-prompt]').click();
    for (const [name, next] of [
      ['goal', 'metrics'],
      ['metrics', 'predict'],
      ['predict', 'call'],
    ]) {
      await expect.poll(() => practice.getAttribute('data-step')).toBe(name);
      await page.locator(`practice-mode [data-commit="${name}"]`).click();
      await expect.poll(() => practice.getAttribute('data-step')).toBe(next);
    }
    await page.locator('practice-mode [data-run]').click();
    await expect
      .poll(() => page.locator('practice-mode .notice[role="alert"]').textContent())
      .toMatch(/This round would take about \d+ min/);
    expect(await practice.getAttribute('data-step')).toBe('call');
    await page.locator('practice-mode [data-action="run-anyway-practice"]').click();
    await expect.poll(() => practice.getAttribute('data-step')).toBe('running');
    expect(await page.locator('practice-mode [data-notice="estimate"]').textContent()).toMatch(
      /This round: about \d+ min/,
    );
    await page.locator('practice-mode [data-action="cancel-practice"]').click();
    await expect.poll(() => practice.getAttribute('data-step')).toBe('call');
    expect(await page.locator('practice-mode .notice[role="alert"]').textContent()).toMatch(
      /^\s*Cancelled\./,
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it('Summary: Cancel stops its run and says so, Run again restarts it, Close stops it', async () => {
    // The workspace asks before the metro runs; the summary, opened on purpose, runs it.
    await page.goto(new URL(BIG, baseUrl()).href);
    await expect.poll(() => page.locator('gig-app').getAttribute('data-mode')).toBe('workspace');
    await page.locator('[data-action="open-summary"]').click();
    const summary = page.locator('comparison-summary');
    await expect.poll(() => summary.getAttribute('data-state')).toBe('running');
    await summary.locator('[data-action="cancel-summary"]').click();
    await expect.poll(() => summary.getAttribute('data-state')).toBe('cancelled');
    expect(await summary.locator('[data-notice="cancelled"]').textContent()).toMatch(
      /Cancelled: this summary has no numbers/,
    );
    await summary.locator('[data-action="rerun-summary"]').click();
    await expect.poll(() => summary.getAttribute('data-state')).toBe('running');
    await summary.locator('[data-action="close-summary"]').click();
    await expect.poll(() => summary.count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);
});
