/**
 * The model page in Chromium: it lists every parameter and every metric of the tables (same
 * ids, same order), a deep link (`?mode=model&topic=param-<id>`) scrolls to the parameter's
 * row, in-page links move to a metric's definition, and the reality check runs every stylized
 * fact on a small scenario and shows a verdict for each, with finite numbers.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import { PARAMS } from '../../src/model/params';
import { STYLIZED_FACTS } from '../../src/model/stylized-facts';
import type {} from '../../src/ui/app/gig-app';
import { modelLink } from '../../src/ui/shared/model-link';
import { TREE_ROWS, deepText, launchBrowser, openApp, settled, type AppPage } from './harness';

/** A small scenario, so the reality check is quick. */
const VIEW = '#weeks=12&replications=4';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Saves a screenshot of one element (the page is too long for a useful full-page one). */
async function shoot(target: Locator, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The text of an element and of every shadow root inside it, white space folded. */
function foldedText(target: Locator): Promise<string> {
  return deepText(target, { fold: true });
}

/** Whether the element's top is inside the viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= -1 && box.y < size.height - 20;
}

describe('the model page', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, `${modelLink('param', 'outsideWage')}${VIEW}`);
    await app.page.locator('model-page [data-param-doc]').first().waitFor();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lists every parameter and every metric of the tables, once each, in table order', async () => {
    const { page } = app;
    expect(await page.locator('gig-app').getAttribute('data-mode')).toBe('model');
    const paramIds = await page
      .locator('model-page [data-param-doc]')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-param-doc')} ${el.id}`));
    // grouped by PARAM_GROUPS, which is also the table's order
    expect(paramIds).toEqual(PARAMS.map((p) => `${p.id} param-${p.id}`));
    const metricIds = await page
      .locator('model-page [data-metric-doc]')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-metric-doc')} ${el.id}`));
    expect([...metricIds].sort()).toEqual(METRICS.map((m) => `${m.id} metric-${m.id}`).sort());
    expect(metricIds).toHaveLength(METRICS.length);

    // each row shows the table's words: the parameter's source, the metric's definition
    const pay = page.locator('model-page [data-param-doc="payPerHour"]');
    expect(await pay.textContent()).toContain(PARAMS[0].source);
    const fill = page.locator('model-page [data-metric-doc="fillRate"]');
    expect(await fill.textContent()).toContain(
      METRICS.find((m) => m.id === 'fillRate')!.definition,
    );
    // the ODD sections, in order
    const headings = await page.locator('model-page section h2').evaluateAll((els) =>
      els.map((el) =>
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim(),
      ),
    );
    expect(headings.slice(0, 7)).toEqual([
      'Purpose and patterns',
      'Entities, state variables and scales',
      'Process overview and scheduling',
      'Design concepts',
      'Initialisation',
      'Input data',
      'Submodels',
    ]);
    const text = await foldedText(page.locator('model-page'));
    expect(text).not.toMatch(/NaN|undefined/);
    expect(app.problems).toEqual([]);
  });

  it('scrolls a deep link to its parameter and highlights it; in-page links move to a definition', async () => {
    const { page } = app;
    const row = 'model-page [data-param-doc="outsideWage"]';
    await expect.poll(() => inViewport(page, row)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await page.locator(row).getAttribute('class')).toContain('targeted');
    await page.screenshot({ path: join(SHOTS, 'model-page-deep-link.png') });

    // A link in the prose to a metric moves to its row without reloading the page.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.locator('model-page a[data-topic="section-metrics"]').first().click();
    await expect.poll(() => inViewport(page, 'model-page #section-metrics')).toBe(true);
    expect(await page.evaluate(() => window.location.search)).toBe(
      '?mode=model&topic=section-metrics',
    );
    expect(await page.evaluate(() => window.location.hash)).toBe(VIEW);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    // Back returns to the parameter.
    await page.goBack();
    await expect.poll(() => inViewport(page, row)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it('is reachable from where parameters and metrics are shown: a lever’s source, a metric’s definition', async () => {
    const ws = await openApp(browser, `${VIEW}&payPerHour=24`);
    const { page } = ws;
    await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 60_000 });
    await page.locator('lever-panel [data-doc-link="blockHours"]').click();
    await expect
      .poll(() => page.evaluate(() => location.search))
      .toBe('?mode=model&topic=param-blockHours');
    // The workspace's view travels with the link, so the page describes that scenario.
    expect(await page.evaluate(() => location.hash)).toBe(`${VIEW}&payPerHour=24`);
    const param = 'model-page [data-param-doc="blockHours"]';
    await expect.poll(() => inViewport(page, param), { timeout: 30_000 }).toBe(true);
    expect(await page.locator(param).getAttribute('class')).toContain('targeted');

    await page.goto(new URL(`/${VIEW}`, page.url()).href);
    await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 60_000 });
    await page.locator('metric-tree [data-doc-link="fillRate"]').click();
    await expect
      .poll(() => page.evaluate(() => location.search))
      .toBe('?mode=model&topic=metric-fillRate');
    const metric = 'model-page [data-metric-doc="fillRate"]';
    await expect.poll(() => inViewport(page, metric), { timeout: 30_000 }).toBe(true);
    expect(ws.problems).toEqual([]);
  });

  it('runs the reality check on the current small scenario and shows a verdict for every fact, with finite numbers', async () => {
    const { page } = app;
    const panel = page.locator('model-page reality-check');
    await panel.scrollIntoViewIfNeeded();
    expect(await foldedText(panel)).toContain('12 weeks, 4 paired replications');
    await panel.locator('[data-action="run-check"]').click();
    await expect
      .poll(() => panel.getAttribute('data-state'), { timeout: 60_000, interval: 100 })
      .toBe('idle');
    const verdicts = await panel
      .locator('[data-fact]')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-fact'), el.getAttribute('data-verdict')]),
      );
    expect(verdicts.map(([id]) => id)).toEqual(STYLIZED_FACTS.map((f) => f.id));
    for (const [id, verdict] of verdicts) {
      expect(['reproduced', 'inconclusive', 'contradicted'], `${id}`).toContain(verdict);
    }
    // every expectation's numbers are finite, and the verdict follows from the interval
    const rows = await panel.locator('[data-expectation][data-delta]').evaluateAll((els) =>
      els.map((el) => ({
        what: el.getAttribute('data-expectation'),
        delta: Number(el.getAttribute('data-delta')),
        low: Number(el.getAttribute('data-ci-low')),
        high: Number(el.getAttribute('data-ci-high')),
        verdict: el.getAttribute('data-verdict'),
      })),
    );
    const expected = STYLIZED_FACTS.reduce((n, f) => n + f.expectations.length, 0);
    expect(rows).toHaveLength(expected);
    for (const r of rows) {
      expect(Number.isFinite(r.delta) && Number.isFinite(r.low) && Number.isFinite(r.high)).toBe(
        true,
      );
      expect(r.low).toBeLessThanOrEqual(r.delta);
      expect(r.high).toBeGreaterThanOrEqual(r.delta);
    }
    // with defaults the model reproduces the longer-blocks and buffer facts even on 4 pairs
    const byId = Object.fromEntries(verdicts);
    expect(byId['longer-blocks']).toBe('reproduced');
    expect(byId['more-buffer']).toBe('reproduced');
    const text = await foldedText(panel);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    await shoot(panel, 'model-page-reality-check-1280');
    expect(app.problems).toEqual([]);
  });

  it('stops the check on Stop, and on leaving the page, without an error; the workspace then runs', async () => {
    // Long enough runs that the check is still going when it is stopped.
    const slow = await openApp(browser, '?mode=model#weeks=52&replications=16');
    const { page } = slow;
    const panel = page.locator('model-page reality-check');
    await panel.locator('[data-action="run-check"]').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('running');
    expect(await foldedText(panel.locator('.progress'))).toMatch(/Fact 1 of 4/);
    await panel.locator('[data-action="stop-check"]').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('idle');
    expect(await foldedText(panel)).toContain('Stopped before every fact was run');
    const unjudged = await panel
      .locator('[data-fact]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')));
    expect(unjudged).toContain('not-run');
    await shoot(panel, 'model-page-reality-check-stopped');

    // Start again, then leave for the workspace: the check is abandoned and the workspace's
    // own comparison runs to the end.
    await panel.locator('[data-action="run-check"]').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('running');
    await page.locator('mode-nav [data-mode-link="workspace"]').click();
    await expect.poll(() => page.locator('gig-app').getAttribute('data-mode')).toBe('workspace');
    expect(await page.locator('model-page').count()).toBe(0);
    await settled(page, TREE_ROWS);
    expect(slow.problems).toEqual([]);
    await page.context().close();
  });

  it('reads well at 1920×1080', async () => {
    const wide = await openApp(browser, `?mode=model${VIEW}&payPerHour=24`, {
      width: 1920,
      height: 1080,
    });
    await wide.page.locator('model-page [data-param-doc]').first().waitFor();
    // the current assumptions' value beside the default, where they differ
    const pay = wide.page.locator('model-page [data-param-doc="payPerHour"] [data-current]');
    expect(await pay.getAttribute('data-current')).toBe('24');
    expect(await pay.textContent()).toContain('now 24 $/h');
    expect(await wide.page.locator('model-page [data-current]').count()).toBe(1);
    await wide.page.screenshot({ path: join(SHOTS, 'model-page-top-1920.png') });
    await wide.page.locator('model-page #section-parameters').evaluate((el) => el.scrollIntoView());
    await wide.page.screenshot({ path: join(SHOTS, 'model-page-params-1920.png') });
    for (const id of ['process', 'concepts', 'submodels', 'metrics', 'limits']) {
      await shoot(wide.page.locator(`model-page #section-${id}`), `model-page-section-${id}`);
    }
    expect(wide.problems).toEqual([]);
    await wide.page.context().close();
  });
});
