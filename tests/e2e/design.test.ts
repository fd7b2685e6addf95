/**
 * Explore's Global design tab: a design's report made by the runner's code (a small Sobol'
 * design over pay and no-shows, in this process) loads from a file, and the page draws each
 * factor's indices, largest first, and the guardrails' breach rates; a shard file is refused
 * with a message that says to merge the shards first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario, withParams } from '../../src/model/scenario';
import { inThreadRunner, jobRange } from '../../src/run/design-jobs';
import { planDesign } from '../../src/run/design-plan';
import { designReport } from '../../src/run/design-report';
import type { ReplicationResult } from '../../src/model/results';
import { launchBrowser, openApp, screenshot } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'gigsim-design-e2e-'));

async function reportFile(): Promise<string> {
  const s = withParams(
    { ...defaultScenario(), weeks: 2, replications: 2 },
    { demandPerDay: 400, initialDrivers: 40 },
  );
  if (!s.ok) throw new Error(s.error);
  const plan = planDesign({
    kind: 'sobol',
    factors: [
      { id: 'payPerHour', from: 16, to: 30 },
      { id: 'noShowRate', from: 0, to: 0.1 },
    ],
    n: 8,
    levels: 4,
    metrics: ['costPerPackage', 'onTimeRate'],
    period: 'whole',
    scenario: s.value,
    baseline: s.value,
  });
  const results = new Map<number, ReplicationResult>();
  await inThreadRunner()(plan, jobRange(0, plan.jobs), (j, r) => results.set(j, r));
  const path = join(dir, 'sobol.json');
  writeFileSync(path, JSON.stringify(designReport(plan, results, 'abc')));
  return path;
}

describe('Explore: Global design', () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    [browser, file] = await Promise.all([launchBrowser(), reportFile()]);
  }, 60_000);
  afterAll(async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a design report and draws its indices and breach rates; refuses a shard', async () => {
    const { page, problems } = await openApp(browser, '?mode=explore#weeks=2&replications=2');
    await page.locator('explorer-view [data-explorer-tab="design"]').click();
    await page.locator('explore-design [data-design-file]').setInputFiles(file);
    const rows = page.locator('design-indices-chart [data-design-factor]');
    await expect.poll(() => rows.count()).toBe(2);
    // Pay drives cost per package: it leads, with most of the variance.
    expect(await rows.first().getAttribute('data-design-factor')).toBe('payPerHour');
    expect(Number(await rows.first().getAttribute('data-index'))).toBeGreaterThan(0.5);
    const summary = await page.locator('explore-design [data-design-summary]').textContent();
    expect(summary).toMatch(
      /Sobol' indices, 2 factors, 32 points,\s+2 replications each \(66 jobs\)/,
    );
    const breaches = page.locator('explore-design [data-design-breaches] tr[data-guardrail]');
    expect(await breaches.count()).toBeGreaterThan(3);
    await page.locator('explore-design [data-design-metric]').selectOption('onTimeRate');
    await expect.poll(() => rows.count()).toBe(2);
    await screenshot(page, 'explore-design');

    await page.locator('explore-design [data-design-file]').setInputFiles({
      name: 'shard-1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ gigsim: 'design-shard', version: 1 })),
    });
    await expect
      .poll(() => page.locator('explore-design [data-design-error]').textContent())
      .toContain('merge the shards first');
    expect(problems).toEqual([]);
  }, 60_000);
});
