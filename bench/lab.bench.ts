/**
 * The experiment lab's default analysis (issue 16): 3 designs (driver split, block split,
 * 2-day switchback) × 200 re-randomisations of a pay rise ($22 → $25 an hour) on the default
 * station, a 4-week test (the first 50 re-randomisations' runs last the lab's 12 weeks, for the
 * power chart, the others 4), on 2 workers. Target: under 60 s on this 2-core machine, in the
 * runner and in the browser. On a shared machine the CPU seconds say more than the wall time:
 * the runner's process, and (Linux) the browser's processes, read from /proc.
 *
 * - Runner path: src/run/lab.ts on the Node pool (tsx), as `npm run sim -- --experiment`.
 * - Browser path: the built app in Chromium, `?mode=lab`, Run pressed, timed until the
 *   recommendation shows (the app's 2 workers; "Run anyway" pressed if the gate asks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { defaultScenario } from '../src/model/scenario';
import { LAB_DEFAULTS, runLab } from '../src/run/lab';
import { createNodePool } from '../src/run/node';
import { launchBrowser } from '../tests/e2e/chromium';
import { serveBuiltApp } from './serve';

const WORKERS = 2;
const SPEC = {
  base: defaultScenario(),
  treatment: { payPerHour: 25 },
  ...LAB_DEFAULTS,
};

async function runner(): Promise<number> {
  const pool = createNodePool({ size: WORKERS });
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await runLab(pool.workers, SPEC);
    const s = (performance.now() - t0) / 1000;
    // The worker threads' CPU counts in the process's: on a shared machine the wall time says
    // little, CPU seconds over the 2 workers say what an idle 2-core machine would take.
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`  recommendation: ${report.recommendation.text}`);
    console.log(
      `  runner CPU: ${cpuSeconds.toFixed(1)} s over ${WORKERS} workers (${(cpuSeconds / WORKERS).toFixed(1)} s each)`,
    );
    return s;
  } finally {
    pool.close();
  }
}

/** CPU seconds of this process's descendants (Chromium's processes), from /proc; NaN elsewhere. */
function childCpuSeconds(pid = process.pid): number {
  try {
    const kids = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    return kids.reduce((sum, k) => {
      const stat = readFileSync(`/proc/${k}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return sum + (Number(stat[11]) + Number(stat[12])) / 100 + childCpuSeconds(k);
    }, 0);
  } catch {
    return pid === process.pid ? NaN : 0;
  }
}

async function browser(): Promise<number> {
  const served = await serveBuiltApp();
  const chromium = await launchBrowser();
  try {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${served.url}?mode=lab#weeks=2&replications=2`);
    await page.evaluate(() => {
      const app = document.querySelector('gig-app') as unknown as {
        scenario: { params: Record<string, unknown> };
      };
      app.scenario = { ...app.scenario, params: { ...app.scenario.params, payPerHour: 25 } };
    });
    await page.locator('lab-mode .treatment', { hasText: '25' }).waitFor();
    const t0 = performance.now();
    const cpu0 = childCpuSeconds();
    await page.locator('lab-mode [data-lab-run]').click();
    const anyway = page.locator('lab-mode [data-lab-notice] button', { hasText: 'Run anyway' });
    if (await anyway.isVisible()) await anyway.click();
    await page
      .locator('lab-mode[data-state=idle] [data-lab-recommendation]')
      .waitFor({ timeout: 600_000 });
    const cpu = childCpuSeconds() - cpu0;
    console.log(`  browser CPU: ${cpu.toFixed(1)} s (page, workers and V8's helper threads)`);
    return (performance.now() - t0) / 1000;
  } finally {
    await chromium.close();
    await served.close();
  }
}

async function main(): Promise<void> {
  const designs = SPEC.designs.join(', ');
  console.log(
    `experiment lab: ${designs} × ${SPEC.rerandomisations} re-randomisations, default station, ` +
      `${SPEC.testWeeks}-week test, ${WORKERS} workers (load ${loadavg()[0].toFixed(1)})`,
  );
  const r = await runner();
  console.log(`  runner (Node pool, tsx): ${r.toFixed(1)} s (target < 60 s)`);
  const b = await browser();
  console.log(`  browser (built app, Chromium): ${b.toFixed(1)} s (target < 60 s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
