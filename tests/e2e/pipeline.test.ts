/**
 * The pipeline in Chromium: the page runs the default scenario in its workers on load and
 * shows every metric; a changed scenario supersedes the run in flight; and the numbers are
 * those of the engine run in Node, to the last bit. The first test runs the default scenario;
 * the others a lean run of its 26 weeks (4 replications), in the page and in Node.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import { defaultScenario, pairedWith, type Scenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { summarise } from '../../src/sim/stats';
import type {} from '../../src/ui/app/gig-app';
import { baseUrl, closeApps, launchBrowser, openApp, screenshot, settled } from './harness';

interface Shown {
  id: string;
  /** Scenario long-run mean. */
  value: number;
  /** Long-run paired delta (scenario − baseline) and its 95% interval. */
  delta: number;
  low: number;
  high: number;
}

async function shownMetrics(page: Page): Promise<Shown[]> {
  // One round trip for every row.
  return page.locator('[data-metric]').evaluateAll((els) =>
    els.map((el) => {
      const n = (a: string) => Number(el.getAttribute(a));
      return {
        id: el.getAttribute('data-metric') ?? '',
        value: n('data-value'),
        delta: n('data-delta'),
        low: n('data-ci-low'),
        high: n('data-ci-high'),
      };
    }),
  );
}

/** Replaces the page's scenario by one with another pay, and waits for the app to take it. */
function setPay(page: Page, pay: number): Promise<void> {
  return page.evaluate(async (payPerHour) => {
    const app = document.querySelector('gig-app')!;
    app.scenario = { ...app.scenario, params: { ...app.scenario.params, payPerHour } };
    await app.updateComplete;
  }, pay);
}

/**
 * Expects the page's numbers to be the engine's in Node. Not to the last bit: Node's V8 and
 * Chromium's compute some Math functions (log, exp, pow) differently in the last place, so
 * runs agree to about 1e-12 relative; within one engine results are bit-identical whatever
 * the worker count (tests/run).
 */
function expectSameNumbers(shown: number[], expected: Float64Array): void {
  expect(shown).toHaveLength(expected.length);
  shown.forEach((v, i) => {
    const e = expected[i]!;
    expect(Math.abs(v - e), `metric ${i}: ${v} vs ${e}`).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(e)),
    );
  });
}

/** The default scenario with fewer replications (4). */
const LEAN: Scenario = { ...defaultScenario(), replications: 4 };

function inNode(s: Scenario): Float64Array {
  const reps = Array.from({ length: s.replications }, (_, r) => runReplication(s, r));
  return summarise(reps).longRun.mean;
}

/** Waits for the page to settle, then expects it to show the engine's numbers at this pay. */
async function showsPay(page: Page, pay: number): Promise<void> {
  await settled(page);
  const s = LEAN;
  expectSameNumbers(
    (await shownMetrics(page)).map((m) => m.value),
    // The scenario warms up under the default baseline's parameters, as the app pairs them.
    inNode(pairedWith(s, { ...s, params: { ...s.params, payPerHour: pay } })),
  );
}

describe('the simulation pipeline in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  // A page per test, closed after it: nothing of it runs on behind the next test.
  afterEach(closeApps);

  it('computes the default scenario on load and shows a finite number for every metric', async () => {
    const { page, problems } = await openApp(browser);
    await settled(page);
    const shown = await shownMetrics(page);
    expect(shown.map((m) => m.id)).toEqual(METRICS.map((m) => m.id));
    for (const m of shown) {
      expect(Number.isFinite(m.value), m.id).toBe(true);
      // The tree's interval is the delta's: the scenario is the baseline here, so it is 0.
      expect(Number.isFinite(m.delta), m.id).toBe(true);
      expect(m.low, m.id).toBeLessThanOrEqual(m.delta);
      expect(m.high, m.id).toBeGreaterThanOrEqual(m.delta);
    }
    // The numbers are the engine's in Node.
    expectSameNumbers(
      shown.map((m) => m.value),
      inNode(defaultScenario()),
    );
    await screenshot(page, 'pipeline');
    expect(problems).toEqual([]);
  });

  it('drops a run superseded by a changed scenario, stopping it through shared memory', async () => {
    // Served cross-origin isolated (the preview server's COOP/COEP headers): the workers are
    // told to stop and keep serving, so none is replaced.
    const { page, problems } = await openApp(browser, '#replications=4');
    const workers: unknown[] = [];
    page.on('worker', (w) => workers.push(w));
    await settled(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const startWorkers = workers.length;
    await setPay(page, 30);
    expect(await page.locator('gig-app').getAttribute('data-state')).toBe('running');
    await setPay(page, 26);
    await showsPay(page, 26);
    expect(workers.length).toBe(startWorkers);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('served without isolation (a plain static host), stops stale runs by replacing workers', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    // The same app without the isolation headers.
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
    const workers: unknown[] = [];
    page.on('worker', (w) => workers.push(w));
    await page.goto(`${baseUrl()}#replications=4`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await settled(page);
    const startWorkers = workers.length;
    await setPay(page, 30);
    await setPay(page, 26);
    await showsPay(page, 26);
    expect(workers.length).toBeGreaterThan(startWorkers);
    expect(problems).toEqual([]);
    await context.close();
  });
});
