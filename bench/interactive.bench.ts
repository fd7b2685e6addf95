/**
 * The interactive targets of DESIGN.md, measured in headless Chromium on the production build:
 * after the scenario changes, the first estimate in under 100 ms, the final metrics of 16
 * paired replications of the default scenario in under 250 ms, no main-thread task over
 * 50 ms; and the speed-up of two workers over one.
 *
 * Then the trade-off explorer in the page: a 10-point sweep and a 6×6 grid, 8 replications
 * per point (issue 6's figures for Chromium; bench/explorer.bench.ts has the runner's).
 *
 * Run by `npm run bench` after the engine benchmarks (a script, not a Vitest bench: it drives
 * a browser and reports timings the page itself records).
 *
 * Each iteration sets a new pay per hour (so the scenario's replications are never cached;
 * the baseline's are, as they are when a user moves a lever, and so are the replications'
 * warmed states, src/sim/warmup.ts) and waits for the final answer. Opening the page, timed
 * apart, pays for the warm-ups.
 * The app marks its runs with the User Timing marks `gigsim:run`, `gigsim:estimate` and
 * `gigsim:final`; long tasks come from a PerformanceObserver. Printed per worker count:
 * medians over the measured iterations.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/chromium';
import { serveBuiltApp, type ServedApp } from './serve';

interface Timing {
  firstEstimate: number;
  final: number;
  longestTask: number;
}

const WORKER_COUNTS = [1, 2] as const;
/** Warm-up runs per worker count, left out of the figures. */
const WARMUP = 2;
/** Measured runs per worker count. */
const RUNS = 10;
const timings = new Map<number, Timing[]>(WORKER_COUNTS.map((n) => [n, []]));
const pages = new Map<number, Page>();
let browser: Browser;
let served: ServedApp | undefined;
let pay = 22;

/** The Long Tasks API reports only tasks over 50 ms. */
function longest(t: Timing[]): string {
  const ms = Math.max(0, ...t.map((x) => x.longestTask));
  return ms > 0 ? `${ms.toFixed(0)} ms` : 'under 50 ms (no long task reported)';
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)];
};

/*
 * The page-side code is plain JavaScript in strings: tsx compiles functions with name helpers
 * that do not exist in the page, so functions cannot be passed to the page from here.
 */

/** Pretends the machine has `n` cores (the pool sizes itself from them); records long tasks. */
const initScript = (n: number) => `
  Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${n} });
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Sets the pay, waits for the app's final mark, and returns the run's timings. */
const changeScript = (pay: number) => `(async () => {
  const app = document.querySelector('gig-app');
  if (!app) throw new Error('no gig-app on the page');
  performance.clearMarks();
  window.__longTasks.length = 0;
  const done = new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('gigsim:final').length > 0) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe({ type: 'mark' });
  });
  const t0 = performance.now();
  app.scenario = { ...app.scenario, params: { ...app.scenario.params, payPerHour: ${pay} } };
  await done;
  // Let the final render and any task it started finish before reading long tasks.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
  return {
    firstEstimate: at('gigsim:estimate') - t0,
    final: at('gigsim:final') - t0,
    longestTask: Math.max(0, ...window.__longTasks),
  };
})()`;

async function openWithWorkers(url: string, workers: number): Promise<Page> {
  // The page's CSP refuses string evaluation; the benchmark's own string predicates are
  // let through (the app's scripts still load under the policy).
  const page = await browser.newPage({ bypassCSP: true });
  await page.addInitScript(initScript(workers));
  await page.goto(url);
  await page.waitForFunction("document.querySelector('gig-app')?.dataset.state === 'idle'", null, {
    timeout: 120_000,
  });
  return page;
}

function changeAndWait(page: Page, payPerHour: number): Promise<Timing> {
  return page.evaluate(changeScript(payPerHour)) as Promise<Timing>;
}

/** Fills one range of the explorer's form (`axis`: sweep, x or y) and returns nothing. */
async function range(page: Page, axis: string, from: string, to: string, steps: string) {
  await page.locator(`explorer-view [data-sweep-from="${axis}"]`).fill(from);
  await page.locator(`explorer-view [data-sweep-to="${axis}"]`).fill(to);
  await page.locator(`explorer-view [data-sweep-steps="${axis}"]`).fill(steps);
}

/** Clicks Run on an explorer tab and returns the seconds until the explorer is idle again. */
async function runExplorer(page: Page, what: string): Promise<number> {
  const t0 = performance.now();
  await page.locator(`explorer-view [data-explorer-run="${what}"]`).click();
  await page.waitForFunction(
    "document.querySelector('gig-app')?.shadowRoot?.querySelector('explorer-view')?.dataset.state === 'running'",
    null,
    { polling: 'raf', timeout: 10_000 },
  );
  await page.waitForFunction(
    "document.querySelector('gig-app')?.shadowRoot?.querySelector('explorer-view')?.dataset.state === 'idle'",
    null,
    { polling: 'raf', timeout: 600_000 },
  );
  return (performance.now() - t0) / 1000;
}

/**
 * The explorer in the page (Explore mode, the machine's own worker count): a 10-point sweep of
 * pay and a 6×6 grid of pay × block length, default scenario, 8 replications per point (each
 * point paired with the baseline on the same seeds; the baseline's replications are cached).
 */
async function explorer(url: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await page.goto(`${url}?mode=explore#replications=8`);
  await page.locator('gig-app explorer-view').waitFor();
  await range(page, 'sweep', '16', '34', '10');
  const sweepS = await runExplorer(page, 'sweep');
  await page.locator('explorer-view [data-explorer-tab="grid"]').click();
  await range(page, 'x', '17', '27', '6');
  await range(page, 'y', '2.5', '5', '6');
  const gridS = await runExplorer(page, 'grid');
  const cells = await page.locator('explorer-view heatmap-chart [data-cell]').count();
  if (cells !== 36) throw new Error(`the grid drew ${cells} cells, not 36`);
  await page.close();
  return [
    'explorer in headless Chromium (Explore mode, default scenario, 8 replications per point, 2 workers):',
    `  10-point sweep of payPerHour (16–34 $/h): ${sweepS.toFixed(2)} s, ${(10 / sweepS).toFixed(2)} points/s`,
    `  6×6 grid of payPerHour (17–27) × blockHours (2.5–5 h): ${gridS.toFixed(2)} s, ${(36 / gridS).toFixed(2)} points/s`,
  ].join('\n');
}

async function main(): Promise<void> {
  try {
    served = await serveBuiltApp();
    const url = served.url;
    browser = await launchBrowser();
    // Opening the page runs the default comparison from cold: it pays for the warm-ups (one
    // per replication, src/sim/warmup.ts); the lever changes measured below reuse them.
    const opened = new Map<number, number>();
    for (const n of WORKER_COUNTS) {
      const t0 = performance.now();
      pages.set(n, await openWithWorkers(url, n));
      opened.set(n, performance.now() - t0);
    }
    // Alternate worker counts run by run, so both see the same machine load.
    for (let k = 0; k < WARMUP + RUNS; k++) {
      for (const n of WORKER_COUNTS) {
        const page = pages.get(n);
        if (!page) throw new Error('page not open');
        pay = pay >= 30 ? 14 : pay + 0.25;
        const t = await changeAndWait(page, pay);
        if (k >= WARMUP) timings.get(n)?.push(t);
      }
    }
    const lines = ['interactive (headless Chromium, production build, default scenario):'];
    for (const n of WORKER_COUNTS) {
      const t = timings.get(n) ?? [];
      lines.push(
        `  ${n} worker${n > 1 ? 's' : ' '}: first estimate ${median(t.map((x) => x.firstEstimate)).toFixed(0)} ms, ` +
          `final ${median(t.map((x) => x.final)).toFixed(0)} ms, ` +
          `longest main-thread task ${longest(t)} ` +
          `(medians of ${t.length} runs; longest task: worst run)`,
      );
    }
    for (const n of WORKER_COUNTS) {
      lines.push(
        `  ${n} worker${n > 1 ? 's' : ' '}: page open to first final answer ${(opened.get(n) ?? Number.NaN).toFixed(0)} ms ` +
          '(cold: loading, and the 16 warm-ups the lever changes above reuse)',
      );
    }
    const one = median((timings.get(1) ?? []).map((x) => x.final));
    const two = median((timings.get(2) ?? []).map((x) => x.final));
    lines.push(`  speed-up of 2 workers over 1: ${(one / two).toFixed(2)}x`);
    console.log(lines.join('\n'));
    for (const page of pages.values()) await page.close();
    console.log(await explorer(url));
  } finally {
    await browser?.close();
    await served?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
