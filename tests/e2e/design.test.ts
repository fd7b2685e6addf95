/**
 * Explore's Global design tab, on one page: a design runs in the page's workers (its progress
 * shows, Cancel stops it), its indices, breach rates and design table show, and the JSON it
 * downloads is the runner's report of the same spec: the same hash, and the same indices as
 * the design computed here in Node (to 1e-9: Chromium's V8 and Node's differ in the last bit
 * of some Math functions, tests/e2e/pipeline.test.ts). A report file loads too; a shard file
 * is refused with a message that says to merge the shards first.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designHash } from '../../src/cli/design-files';
import type { ReplicationResult } from '../../src/model/results';
import type { MetricId } from '../../src/model/metrics';
import { parseScenario } from '../../src/model/scenario';
import { inThreadRunner, jobRange } from '../../src/run/design-jobs';
import { planDesign, type DesignSpec } from '../../src/run/design-plan';
import { designReport, type DesignReport } from '../../src/run/design-report';
import { launchBrowser, openApp, savedDownload, screenshot } from './harness';

/** A small station (both sides), 2 weeks of 2 replications: each run takes milliseconds. */
const SMALL = 'demandPerDay=400&initialDrivers=40&b.demandPerDay=400&b.initialDrivers=40';
const LINK = `?mode=explore#weeks=2&replications=2&${SMALL}`;
const D = 'explore-design';

/** The spec a downloaded report was made from. */
function specOf(r: DesignReport): DesignSpec {
  const scenario = parseScenario(r.scenario);
  const baseline = parseScenario(r.baseline);
  if (!scenario.ok || !baseline.ok) throw new Error('the report has no scenario');
  return {
    kind: r.design.kind,
    factors: r.design.factors.map((f) => ({
      id: f.id as DesignSpec['factors'][0]['id'],
      from: f.from,
      to: f.to,
    })),
    n: r.design.n,
    levels: r.design.levels ?? 4,
    metrics: r.design.metrics as MetricId[],
    period: r.design.period,
    scenario: scenario.value,
    baseline: baseline.value,
  };
}

async function inNode(spec: DesignSpec): Promise<DesignReport> {
  const plan = planDesign(spec);
  const results = new Map<number, ReplicationResult>();
  await inThreadRunner()(plan, jobRange(0, plan.jobs), (j, r) => results.set(j, r));
  return designReport(plan, results, designHash(spec));
}

function expectClose(a: number | null | undefined, b: number | null | undefined): void {
  if (b === null || b === undefined) return expect(a ?? null).toBeNull();
  expect(Math.abs((a ?? Number.NaN) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

async function field(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`${D} [data-design-field="${name}"]`).fill(value);
}

describe('Explore: Global design', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser.close();
  });

  it('runs a design in the page, cancels one, and downloads the runner’s report', async () => {
    const { page, problems } = await openApp(browser, LINK);
    await page.locator('explorer-view [data-explorer-tab="design"]').click();
    const run = page.locator(`${D} [data-explorer-run="design"]`);
    await expect.poll(() => run.isEnabled()).toBe(true);

    // A bad field is named, and nothing runs.
    await field(page, 'n', '1');
    await expect
      .poll(() => page.locator(`${D} [data-design-check]`).textContent())
      .toContain('Trajectories must be a whole number from 2');

    // A Morris design of many replications (650 runs) starts, shows its progress, and is
    // cancelled.
    await field(page, 'n', '4');
    await field(page, 'replications', '50');
    await run.click();
    await page.locator(`${D} [data-design-progress]`).waitFor();
    await page.locator(`${D} [data-explorer-progress]`).waitFor();
    await page.locator(`${D} [data-explorer-cancel]`).click();
    await expect
      .poll(() => page.locator(`${D} [data-explorer-message]`).textContent())
      .toContain('Cancelled');
    expect(await page.locator(`${D} [data-design-download]`).count()).toBe(0);

    // A Latin hypercube of 6 points runs to the end.
    await page.locator(`${D} [data-design-kind]`).selectOption('lhs');
    await field(page, 'n', '6');
    await field(page, 'replications', '2');
    await page.locator(`${D} [data-design-factor-row="0"] [data-design-from]`).fill('16');
    await page.locator(`${D} [data-design-factor-row="0"] [data-design-to]`).fill('30');
    await run.click();
    const json = page.locator(`${D} [data-design-download="json"]`);
    await json.waitFor({ timeout: 30_000 });
    const rows = page.locator(`${D} design-indices-chart [data-design-factor]`);
    expect(await rows.count()).toBe(2);
    const points = page.locator(`${D} [data-design-table] tr[data-design-point]`);
    await expect.poll(() => points.count()).toBe(6);
    expect(await page.locator(`${D} [data-design-summary]`).textContent()).toMatch(
      /Latin hypercube, 2 factors,\s+6\s+points, 2 replications each \(14 jobs\),\s+2 weeks/,
    );
    await screenshot(page, 'explore-design-run');

    const [download] = await Promise.all([page.waitForEvent('download'), json.click()]);
    const got = JSON.parse(readFileSync(await savedDownload(download), 'utf8')) as DesignReport;
    // The factors as typed, and the second's default range around the scenario's 400 a day.
    const [pay, demand] = got.design.factors;
    expect([pay?.id, pay?.from, pay?.to]).toEqual(['payPerHour', 16, 30]);
    expect(demand?.id).toBe('demandPerDay');
    expect(demand?.from).toBeLessThan(400);
    expect(demand?.to).toBeGreaterThan(400);
    const spec = specOf(got);
    expect(got.design.hash).toBe(designHash(spec));
    expect(download.suggestedFilename()).toBe(`gigsim-design-lhs-${got.design.hash}.json`);
    const want = await inNode(spec);
    expect(got.table.map((t) => t.values)).toEqual(want.table.map((t) => t.values));
    expect(got.indices.map((i) => i.metric)).toEqual(want.indices.map((i) => i.metric));
    got.indices.forEach((entry, m) =>
      entry.factors.forEach((f, k) => {
        const w = want.indices[m]?.factors[k]?.rho;
        expectClose(f.rho?.value, w?.value);
        expectClose(f.rho?.low, w?.low);
        expectClose(f.rho?.high, w?.high);
      }),
    );
    expect(got.guardrails).toEqual(want.guardrails);

    // A shard file is refused; the report run here stays.
    await page.locator(`${D} [data-design-file]`).setInputFiles({
      name: 'shard-1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ gigsim: 'design-shard', version: 1 })),
    });
    await expect
      .poll(() => page.locator(`${D} [data-design-error]`).textContent())
      .toContain('merge the shards first');
    // The downloaded report loads back.
    await page.locator(`${D} [data-design-file]`).setInputFiles(await savedDownload(download));
    await expect
      .poll(() => page.locator(`${D} [data-design-summary]`).textContent())
      .toMatch(/^\s*[^:]+: Latin hypercube/);
    expect(await rows.count()).toBe(2);
    expect(problems).toEqual([]);
  }, 60_000);
});
