/**
 * The largest valid scenario in the tab (issue 14): the largest run the workspace's run gate
 * (src/ui/shared/run-gate.ts, src/model/run-budget.ts) lets through without refusing, run in
 * headless Chromium on the production build served cross-origin isolated (bench/serve.ts).
 *
 * The scenario: 104 weeks × 256 replications (the settings' ends), 50,000 initial drivers and
 * 200,000 packages a day (the ends of their ranges), and the most applicants a week the gate
 * allows on the page's worker count (searched here with the gate itself), on both sides (the
 * baseline carries them, the scenario pays $0.50 more). The gate asks before a run this long;
 * the benchmark says "Run anyway" and measures:
 *
 * - time to the first estimate and to the final answer, or to a cut-off (GIGSIM_WORST_CUTOFF_S,
 *   120 s by default) and then Cancel, with the cancel latency (click → the app idle);
 * - memory, sampled every 2 s: the JS heap of the page and its workers
 *   (`performance.measureUserAgentSpecificMemory`, eager), the page's own heap (CDP
 *   `Performance.getMetrics`), and the peak resident memory of the tab's renderer process
 *   (page and workers; /proc VmHWM) against the 1 GB target.
 *
 * Run by `npm run bench` after the interactive benchmark, or alone:
 * `npx tsx bench/worst-case.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { describeBytes, describeEstimate, estimateRun } from '../src/model/run-budget';
import { defaultScenario, withParams, type Scenario } from '../src/model/scenario';
import { pairPlan, runGate } from '../src/ui/shared/run-gate';
import { encodeView, defaultView } from '../src/ui/app/view-state';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/chromium';
import { serveBuiltApp } from './serve';

const CUTOFF_MS = 1000 * Number(process.env.GIGSIM_WORST_CUTOFF_S ?? 120);
const SAMPLE_MS = 2000;
const TARGET_BYTES = 1024 ** 3;

function scenario(base: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(base, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * The largest pair the gate lets through on `workers` threads (asked about, not refused): the
 * settings and the sizing levers at the ends of their ranges, and the pay (which raises the
 * applicants a week as (net pay / outside wage)^elasticity) at the most the gate allows.
 */
function largestPair(workers: number): { baseline: Scenario; scenario: Scenario; pay: number } {
  const settings = { ...defaultScenario(), weeks: 104, replications: 256 };
  const big = { initialDrivers: 50_000, demandPerDay: 200_000, applicantsPerWeek: 5000 };
  const pair = (pay: number) => ({
    pay,
    baseline: scenario(settings, { ...big, payPerHour: pay }),
    scenario: scenario(settings, { ...big, payPerHour: pay + 0.5 }),
  });
  const passes = (pay: number) => {
    const p = pair(pay);
    return runGate(pairPlan(p.baseline, p.scenario), workers).kind !== 'refuse';
  };
  let pay = 10;
  if (!passes(pay)) throw new Error('the gate refuses the smallest pay: lower the sizing levers');
  while (pay + 0.5 <= 59.5 && passes(pay + 0.5)) pay += 0.5;
  return pair(pay);
}

/** The renderer processes' ids of this browser (the tab's page and its workers live there). */
async function rendererPids(cdp: CDPSession): Promise<number[]> {
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** A process's peak and current resident memory in bytes, from /proc (Linux). */
function residentBytes(pid: number): { peak: number; now: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { peak: kb('VmHWM') * 1024, now: kb('VmRSS') * 1024 };
  } catch {
    return { peak: 0, now: 0 };
  }
}

interface Peaks {
  /** Page and workers' JS heaps (measureUserAgentSpecificMemory), bytes. */
  jsAll: number;
  /** The page's own JS heap (CDP), bytes. */
  pageHeap: number;
  /** Resident memory of the renderer process, bytes. */
  rss: number;
  samples: number;
  failedSamples: number;
}

const MEASURE = `(async () => {
  if (!crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return -1;
  const r = await Promise.race([
    performance.measureUserAgentSpecificMemory(),
    new Promise((resolve) => setTimeout(() => resolve(null), 5000)),
  ]);
  return r ? r.bytes : -2;
})()`;

async function sample(page: Page, cdp: CDPSession, pids: number[], peaks: Peaks): Promise<void> {
  peaks.samples++;
  const all = (await page.evaluate(MEASURE).catch(() => -3)) as number;
  if (all >= 0) peaks.jsAll = Math.max(peaks.jsAll, all);
  else peaks.failedSamples++;
  const m = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const heap = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
  peaks.pageHeap = Math.max(peaks.pageHeap, heap);
  for (const pid of pids) peaks.rss = Math.max(peaks.rss, residentBytes(pid).peak);
}

const STATE = "document.querySelector('gig-app')?.dataset.state";
const MARK = (name: string) => `performance.getEntriesByName('${name}').at(-1)?.startTime ?? -1`;

async function main(): Promise<void> {
  const served = await serveBuiltApp();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, '--enable-blink-features=ForceEagerMeasureMemory'],
    });
    // The page's CSP refuses string evaluation; the benchmark's own strings are let through.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${served.url}#weeks=1&replications=2`);
    await page.waitForFunction(`${STATE} === 'idle'`, null, { timeout: 120_000 });
    const workers = (await page.evaluate('navigator.hardwareConcurrency')) as number;
    const isolated = (await page.evaluate('crossOriginIsolated')) as boolean;
    const { baseline, scenario: big, pay } = largestPair(workers);
    const gate = runGate(pairPlan(baseline, big), workers);
    const e = estimateRun(big, workers, 2);
    console.log(
      `worst case (headless Chromium, production build, ${workers} workers, ` +
        `cross-origin isolated: ${isolated}):\n` +
        `  scenario: 104 weeks × 256 replications, initialDrivers 50,000, demandPerDay ` +
        `200,000, applicantsPerWeek 5,000 (the ends of their ranges), payPerHour $${pay} in ` +
        `the baseline and $${pay + 0.5} in the scenario (the most the gate lets through: ` +
        `$0.50 more is refused for memory or inflow)\n` +
        `  gate: ${gate.kind}; estimate ${describeEstimate(e)}; ` +
        `${Math.round(e.driversSignedUp).toLocaleString('en-US')} drivers signed up a replication`,
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const browserCdp = await browser.newBrowserCDPSession();
    const pids = await rendererPids(browserCdp);
    const peaks: Peaks = { jsAll: 0, pageHeap: 0, rss: 0, samples: 0, failedSamples: 0 };
    await sample(page, cdp, pids, peaks);
    const before = { ...peaks };

    const hash = encodeView({ ...defaultView(), baseline, scenario: big });
    await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
    const rerun = page.locator('[data-notice="cancelled"] [data-action="rerun"]');
    if (gate.kind === 'ask') {
      await rerun.waitFor({ timeout: 30_000 });
      console.log(`  asked: "${(await rerun.innerText()).trim()}"`);
    }
    await page.evaluate('performance.clearMarks()');
    const t0 = (await page.evaluate('performance.now()')) as number;
    if (gate.kind === 'ask') await rerun.click();
    let final = -1;
    let estimate = -1;
    const until = Date.now() + CUTOFF_MS;
    while (Date.now() < until) {
      await sample(page, cdp, pids, peaks);
      estimate = (await page.evaluate(MARK('gigsim:estimate'))) as number;
      final = (await page.evaluate(MARK('gigsim:final'))) as number;
      if (final >= 0) break;
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
    const s = (ms: number) => (ms < 0 ? 'none' : `${((ms - t0) / 1000).toFixed(1)} s`);
    const lines = [`  time to the first estimate: ${s(estimate)}`];
    if (final >= 0) {
      lines.push(`  time to the final answer: ${s(final)}`);
    } else {
      if ((await page.evaluate(STATE)) !== 'running') {
        const said = await page
          .locator('[role="alert"], [data-notice]')
          .allInnerTexts()
          .catch(() => []);
        throw new Error(`the run stopped by itself: ${said.join(' | ').slice(0, 600)}`);
      }
      const progress = await page
        .locator('[data-action="cancel-run"]')
        .evaluate((el) => el.closest('header')?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
        .catch(() => '');
      lines.push(`  no final answer by the cut-off of ${CUTOFF_MS / 1000} s (${progress})`);
      const c0 = Date.now();
      await page.locator('[data-action="cancel-run"]').click();
      await page.waitForFunction(`${STATE} === 'idle'`, null, { timeout: 60_000, polling: 10 });
      lines.push(`  cancel latency (click → idle): ${Date.now() - c0} ms`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    await sample(page, cdp, pids, peaks);
    const mb = (b: number) => (b > 0 ? describeBytes(b) : 'not measured');
    lines.push(
      `  peak JS heap, page and workers: ${mb(peaks.jsAll)} (before the run ${mb(before.jsAll)}; ` +
        `${peaks.samples - peaks.failedSamples} of ${peaks.samples} samples measured)`,
      `  peak JS heap, page alone: ${mb(peaks.pageHeap)}`,
      `  peak resident memory of the tab's renderer (page and workers): ${mb(peaks.rss)}`,
      `  target: under ${describeBytes(TARGET_BYTES)} in the tab: ` +
        `${Math.max(peaks.jsAll, peaks.rss) < TARGET_BYTES ? 'met' : 'MISSED'}`,
    );
    console.log(lines.join('\n'));
    if (Math.max(peaks.jsAll, peaks.rss) >= TARGET_BYTES) process.exitCode = 1;
  } finally {
    await browser?.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
