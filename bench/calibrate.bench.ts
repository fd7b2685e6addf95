/**
 * Calibration benchmark (issue 17): a 4-constant fit (the default set) to the shipped 26-week
 * example at the default station's size, 8 replications an evaluation, 4 weeks held out, on
 * the runner's path (the Node pool, two worker threads) and the browser's (a production build
 * in headless Chromium, Calibrate mode, two Web Workers). Target: under 2 minutes each on this
 * 2-core machine. Prints plain figures, with the machine's load when it started.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseHistory } from '../src/model/station-history';
import { calibrate, poolHistoryRunner } from '../src/run/calibrate';
import { createNodePool } from '../src/run/node';
import { launchBrowser } from '../tests/e2e/chromium';
import { serveBuiltApp } from './serve';

const TARGET_S = 120;
const EXAMPLE = new URL('../public/examples/station-history.csv', import.meta.url);

async function runnerPath(): Promise<{ seconds: number; evaluations: number; values: string }> {
  const parsed = parseHistory(readFileSync(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  const pool = createNodePool({ size: 2, cacheScenarios: 4 });
  try {
    const t0 = performance.now();
    const r = await calibrate(
      { history: parsed.value, replications: 8, holdout: 4 },
      poolHistoryRunner(pool),
    );
    const values = r.constants.map((c) => `${c.id} ${c.value.toPrecision(3)}`).join(', ');
    return { seconds: (performance.now() - t0) / 1000, evaluations: r.evaluations, values };
  } finally {
    pool.close();
  }
}

async function browserPath(): Promise<number> {
  const served = await serveBuiltApp();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() =>
      Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 2 }),
    );
    await page.goto(`${served.url}?mode=calibrate`);
    await page.locator('[data-load-example]').click();
    await page.locator('[data-history-summary]').waitFor();
    await page.locator('[data-fit-reps]').selectOption('8');
    const t0 = performance.now();
    await page.locator('[data-fit]').click();
    await page.locator('calibrate-mode[data-calib-state=done]').waitFor({ timeout: 600_000 });
    return (performance.now() - t0) / 1000;
  } finally {
    await browser.close();
    await served.close();
  }
}

const load = loadavg()[0].toFixed(2);
const runner = await runnerPath();
console.log(
  `calibrate, runner (Node pool, 2 workers): ${runner.seconds.toFixed(1)} s, ${runner.evaluations} evaluations (target < ${TARGET_S} s; load ${load}); ${runner.values}`,
);
const seconds = await browserPath();
console.log(
  `calibrate, browser (Chromium, 2 workers): ${seconds.toFixed(1)} s (target < ${TARGET_S} s)`,
);
