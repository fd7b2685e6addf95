/**
 * The what-if workspace in Chromium, end to end: levers move the metrics the expected way on
 * screen, a link reproduces a view exactly after a reload, presets and saved scenarios survive
 * a reload, a bad link and a bad file are answered with a message and no NaN, and the exports
 * are valid files. Runs are lean: the default 26 weeks (the periods and Prime Day) with 4
 * replications, except where the default run itself is what is checked. The tests share one
 * page, reloaded at each test's link with its storage emptied (the app as it opens there).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import { CSV_HEADER } from '../../src/model/report';
import { defaultScenario, parseScenario, type Scenario } from '../../src/model/scenario';
import type {} from '../../src/ui/app/gig-app';
import { shownNumber } from '../../src/ui/shared/format';
import { SAVED_KEY } from '../../src/ui/shared/saved-scenarios';
import {
  deepText,
  launchBrowser,
  openApp,
  reopenApp,
  savedDownload,
  screenshot,
  settled,
  type AppPage,
} from './harness';

type Row = Record<'value' | 'delta' | 'low' | 'high', number>;

/** The lean run the tests open: the default 26 weeks, 4 replications. */
const LEAN = 'replications=4';

/** The default scenario with the lean run's settings. */
function leanDefault(): Scenario {
  return { ...defaultScenario(), replications: 4 };
}

/** Every metric's raw numbers as the tree shows them, by id. */
async function shown(page: Page): Promise<Record<string, Row>> {
  return page.evaluate(() => {
    const out: Record<string, Record<string, number>> = {};
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const id = el.getAttribute('data-metric');
        if (id && el.hasAttribute('data-value')) {
          out[id] = {
            value: Number(el.getAttribute('data-value')),
            delta: Number(el.getAttribute('data-delta')),
            low: Number(el.getAttribute('data-ci-low')),
            high: Number(el.getAttribute('data-ci-high')),
          };
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  }) as Promise<Record<string, Row>>;
}

/** All text on the page, through every shadow root, plus the values of form fields. */
function pageText(page: Page): Promise<string> {
  return deepText(page.locator('body'), { inputValues: true });
}

function appScenario(page: Page): Promise<{ scenario: Scenario; baseline: Scenario }> {
  return page.evaluate(() => {
    const app = document.querySelector('gig-app')!;
    return { scenario: app.scenario, baseline: app.baseline };
  });
}

describe('the what-if workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  /** The file's one page: opened by the first test, reloaded at its link by each after it. */
  let shared: AppPage | undefined;
  async function open(link = ''): Promise<AppPage> {
    shared = shared ? await reopenApp(shared, link) : await openApp(browser, link);
    return shared;
  }

  it('raising pay on the lever moves fill rate and cost per package up, on screen', async () => {
    // The default run: at 4 replications no block goes unfilled either side, fill rate flat.
    const { page, problems } = await open();
    await settled(page);
    const before = await shown(page);
    expect(before.fillRate!.delta).toBe(0);
    const field = page.locator('[data-param="payPerHour"]').first();
    await field.fill('28');
    await field.press('Enter');
    // The app waits for the levers to settle, then reruns; the URL follows.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#payPerHour=28');
    await settled(page);
    const after = await shown(page);
    expect(after.fillRate!.delta).toBeGreaterThan(0);
    expect(after.costPerPackage!.delta).toBeGreaterThan(0);
    expect(after.costPerPackage!.low).toBeGreaterThan(0); // clearly, not by chance
    // The scenario bar lists the lever that differs from the baseline.
    await expect
      .poll(() => page.locator('scenario-bar [data-diff="payPerHour"]').textContent())
      .toMatch(/22 \$\/h\s*→\s*28 \$\/h/);
    expect(problems).toEqual([]);
  });

  it('reproduces a view from its link exactly, and again after a reload', async () => {
    const link =
      '#payPerHour=26.5&blockHours=4.5&seed=3&replications=4&b.surgeEnabled=false&chart=pool&metric=fillRate&t.costPerPackage=3';
    const { page, problems } = await open(link);
    await settled(page);
    const { scenario, baseline } = await appScenario(page);
    expect(scenario.params.payPerHour).toBe(26.5);
    expect(scenario.params.blockHours).toBe(4.5);
    expect([scenario.seed, scenario.replications]).toEqual([3, 4]);
    expect(baseline.params.surgeEnabled).toBe(false);
    expect([baseline.seed, baseline.replications]).toEqual([3, 4]);
    expect(await page.evaluate(() => location.hash)).toBe(link);
    expect(await page.locator('scenario-bar [data-notice]').count()).toBe(0);
    const first = await shown(page);
    expect(first.fillRate!.delta).not.toBe(0);

    await page.reload();
    await settled(page);
    expect(await appScenario(page)).toEqual({ scenario, baseline });
    expect(await shown(page)).toEqual(first);

    // The chart and metric chosen in the tree and the chart panel land in the URL too.
    await page.evaluate(() => {
      const fire = (selector: string, type: string, detail: unknown) =>
        document
          .querySelector('gig-app')!
          .shadowRoot!.querySelector(selector)!
          .dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
      fire('chart-panel', 'chart-select', { chart: 'earnings' });
      fire('metric-tree', 'metric-select', { metric: 'driverNetHourly' });
      fire('metric-tree', 'threshold-change', { metric: 'costPerPackage', threshold: undefined });
      fire('metric-tree', 'threshold-change', { metric: 'weeklyChurnRate', threshold: 0.02 });
    });
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe(
        '#payPerHour=26.5&blockHours=4.5&seed=3&replications=4&b.surgeEnabled=false&chart=earnings&metric=driverNetHourly&t.weeklyChurnRate=0.02',
      );
    expect(
      await page.evaluate(() => {
        const root = document.querySelector('gig-app')!.shadowRoot!;
        return [
          root.querySelector('chart-panel')!.chart,
          root.querySelector('chart-panel')!.metric,
          root.querySelector('metric-tree')!.selected,
        ];
      }),
    ).toEqual(['earnings', 'driverNetHourly', 'driverNetHourly']);

    // A change made in the app lands in the URL, and that link opens the same view elsewhere.
    await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      app.scenario = { ...app.scenario, params: { ...app.scenario.params, noShowRate: 0.05 } };
      await app.updateComplete;
    });
    await settled(page);
    const url = page.url();
    expect(url).toContain('noShowRate=0.05');
    const numbers = await shown(page);
    const views = await appScenario(page);
    const other = await openApp(browser, new URL(url).hash); // a second page, closed below
    await settled(other.page);
    expect(await appScenario(other.page)).toEqual(views);
    expect(await shown(other.page)).toEqual(numbers);
    expect([...problems, ...other.problems]).toEqual([]);
    await other.page.context().close();
  }, 120_000); // two pages, a reload and four runs

  it('keeps a preset and a saved scenario across a reload', async () => {
    const { page, problems } = await open(`#${LEAN}`);
    await settled(page);
    await page.evaluate((key) => localStorage.removeItem(key), SAVED_KEY);
    await page.locator('scenario-bar [data-control="preset"]').selectOption('no-surge');
    await expect
      .poll(() => page.locator('scenario-bar #preset-story').textContent())
      .toContain('no longer step up in pay');
    await settled(page);
    expect((await appScenario(page)).scenario.params.surgeEnabled).toBe(false);
    expect(page.url()).toContain('surgeEnabled=false');

    await page.locator('scenario-bar [data-control="save-name"]').fill('Without surge');
    await page.locator('scenario-bar [data-action="save"]').click();
    await expect
      .poll(() => page.locator('scenario-bar [data-message="saved"]').textContent())
      .toContain('Saved as “Without surge”');

    await page.reload();
    await settled(page);
    // The preset came back through the link, the saved scenario through localStorage.
    expect((await appScenario(page)).scenario.params.surgeEnabled).toBe(false);
    const options = page.locator('scenario-bar [data-control="saved"] option');
    expect(await options.allTextContents()).toEqual([expect.stringContaining('Without surge')]);

    // Back to the defaults, then load the saved scenario.
    await page.locator('scenario-bar [data-control="preset"]').selectOption('pay-up-10');
    await settled(page);
    expect((await appScenario(page)).scenario.params.payPerHour).toBe(24.2);
    await page.locator('scenario-bar [data-action="load-saved"]').click();
    await settled(page);
    const loaded = (await appScenario(page)).scenario;
    expect(loaded.params.surgeEnabled).toBe(false);
    expect(loaded.params.payPerHour).toBe(22);

    // Make it the baseline: nothing differs any more.
    await page.locator('scenario-bar [data-action="make-baseline"]').click();
    await settled(page);
    expect((await appScenario(page)).baseline).toEqual(loaded);
    expect(
      await page.locator('scenario-bar [data-diff-count]').getAttribute('data-diff-count'),
    ).toBe('0');
    await page.locator('scenario-bar [data-action="reset-baseline"]').click();
    await settled(page);
    expect((await appScenario(page)).baseline).toEqual(leanDefault());

    // Rename, then delete and undo.
    await page.locator('scenario-bar [data-action="rename-saved"]').click();
    await page.locator('scenario-bar [data-control="rename-to"]').fill('No surge at all');
    await page.locator('scenario-bar [data-control="rename-to"]').press('Enter');
    await expect
      .poll(() => options.allTextContents())
      .toEqual([expect.stringContaining('No surge at all')]);
    await page.locator('scenario-bar [data-action="delete-saved"]').click();
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('none')]);
    await page.locator('scenario-bar [data-action="undo-delete"]').click();
    await expect
      .poll(() => options.allTextContents())
      .toEqual([expect.stringContaining('No surge at all')]);
    expect(problems).toEqual([]);
  });

  it('sets aside saved entries that cannot be read, without losing them or crashing', async () => {
    const { page, problems } = await open(`#${LEAN}`);
    const stored = {
      version: 1,
      entries: [
        { name: 'Fine', scenario: { version: 1, params: { payPerHour: 25 } } },
        { name: 'Broken', scenario: { version: 1, params: { payPerHour: 'lots' } } },
      ],
    };
    await page.evaluate(
      ([key, text]) => localStorage.setItem(key!, text!),
      [SAVED_KEY, JSON.stringify(stored)],
    );
    await page.reload();
    await settled(page);
    const options = page.locator('scenario-bar [data-control="saved"] option');
    expect(await options.allTextContents()).toEqual([expect.stringContaining('Fine')]);
    const aside = page.locator('scenario-bar [data-message="set-aside"]');
    await aside.locator('summary').click();
    expect(await aside.textContent()).toContain('Broken');
    expect(await aside.textContent()).toContain('payPerHour');
    const kept = await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY);
    expect(JSON.parse(kept!).entries).toHaveLength(2);
    await page.evaluate((key) => localStorage.removeItem(key), SAVED_KEY);
    expect(problems).toEqual([]);
  });

  it('answers a bad link with a message naming the problem, keeps the defaults, shows no NaN', async () => {
    const { page, problems } = await open('#payPerHour=abc&blockHours=5');
    await settled(page);
    const notice = page.locator('scenario-bar [data-notice]');
    await expect.poll(() => notice.textContent()).toContain('payPerHour');
    expect(await notice.textContent()).toContain('defaults');
    expect(await appScenario(page)).toEqual({
      scenario: defaultScenario(),
      baseline: defaultScenario(),
    });
    expect(await pageText(page)).not.toMatch(/NaN|undefined/);
    await page.screenshot({
      path: await screenshot(page, 'workspace-bad-link'),
      clip: { x: 0, y: 0, width: 1280, height: 420 },
    });

    // A bad link typed later leaves the current view as it was.
    await page.evaluate(() => (location.hash = '#weeks=900'));
    await expect.poll(() => notice.textContent()).toContain('weeks');
    expect((await appScenario(page)).scenario).toEqual(defaultScenario());
    expect(await pageText(page)).not.toMatch(/NaN|undefined/);
    // A good one is taken.
    await page.evaluate((lean) => (location.hash = `#payPerHour=30&${lean}`), LEAN);
    await settled(page);
    expect((await appScenario(page)).scenario.params.payPerHour).toBe(30);
    expect(await page.locator('scenario-bar [data-notice]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('answers a bad scenario file with a message next to the import, and takes a good one', async () => {
    const { page, problems } = await open(`#${LEAN}`);
    await settled(page);
    const input = page.locator('scenario-bar [data-control="import"]');
    const message = page.locator('scenario-bar [data-message="file"]');
    const file = (name: string, text: string) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });

    await input.setInputFiles(
      file('out-of-range.json', '{"version":1,"params":{"payPerHour":500}}'),
    );
    await expect.poll(() => message.textContent()).toContain('out-of-range.json');
    expect(await message.textContent()).toMatch(/payPerHour.*500.*10 to 60/);
    await input.setInputFiles(file('garbage.json', 'payPerHour = 30'));
    await expect.poll(() => message.textContent()).toContain('not JSON');
    await input.setInputFiles(file('extra.json', '{"version":1,"sede":3}'));
    await expect.poll(() => message.textContent()).toContain('unknown key "sede"');
    expect((await appScenario(page)).scenario).toEqual(leanDefault());
    expect(await pageText(page)).not.toMatch(/NaN|undefined/);

    await input.setInputFiles(
      file(
        'good.json',
        '{"version":1,"seed":1,"weeks":26,"replications":4,"params":{"blockHours":5}}',
      ),
    );
    await expect.poll(() => message.textContent()).toContain('Imported');
    await settled(page);
    expect((await appScenario(page)).scenario.params.blockHours).toBe(5);
    expect(problems).toEqual([]);
  });

  it('exports the scenario as a valid file and the results as valid CSV', async () => {
    const { page, problems } = await open(`#payPerHour=25&${LEAN}`);
    await settled(page);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('scenario-bar [data-action="export-json"]').click(),
    ]);
    const json = JSON.parse(await readFile(await savedDownload(jsonDownload), 'utf8'));
    expect(json).toEqual({
      version: 1,
      seed: 1,
      weeks: 26,
      replications: 4,
      params: { payPerHour: 25 },
    });
    expect(parseScenario(json)).toEqual({
      ok: true,
      value: (await appScenario(page)).scenario,
    });

    // Copy link: onto the clipboard where the page may write it, otherwise shown to select.
    await page.locator('scenario-bar [data-action="copy-link"]').click();
    const share = page.locator('scenario-bar [data-message="share"]');
    await expect.poll(() => share.textContent()).toMatch(/copied|select the link/);
    if ((await share.textContent())!.includes('copied')) {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    } else {
      expect(await page.locator('scenario-bar .link-field').inputValue()).toBe(page.url());
    }

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('scenario-bar [data-action="export-csv"]').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('gigsim-results.csv');
    const all = (await readFile(await savedDownload(csvDownload), 'utf8')).trimEnd().split('\n');
    // A header block that says what the numbers are, then the table.
    const header = all.filter((l) => l.startsWith('#')).join('\n');
    expect(header).toContain('# scenario: Workspace scenario');
    expect(header).toContain(`# levers: payPerHour ${defaultScenario().params.payPerHour} -> 25`);
    expect(header).toContain('# seed: 1\n# weeks: 26\n# replications: 4');
    expect(header).toMatch(/# exported: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
    expect(header).toContain(`# link: ${page.url()}`);
    expect(header).toMatch(/# guardrails \(scenario, long run\): \d+ of \d+ breached/);
    const lines = all.filter((l) => !l.startsWith('#'));
    expect(all.indexOf(lines[0]!)).toBeGreaterThan(8);
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    const rows = lines.slice(1).map((l) => l.split(','));
    const col = (name: string) => CSV_HEADER.indexOf(name);
    for (const r of rows) {
      expect(r, r.join(',')).toHaveLength(CSV_HEADER.length);
      for (const name of ['mean', 'low', 'high']) {
        expect(Number.isFinite(Number(r[col(name)])), `${r.join(',')}: ${name}`).toBe(true);
      }
    }
    // Every metric has its long-run row for scenario, baseline and delta; the shown numbers.
    const numbers = await shown(page);
    for (const m of METRICS) {
      const longRun = rows.filter(
        (r) => r[col('metric')] === m.id && r[col('period')] === 'longRun',
      );
      expect(longRun.map((r) => r[col('series')]).sort(), m.id).toEqual([
        'baseline',
        'delta',
        'scenario',
      ]);
      const scenarioRow = longRun.find((r) => r[col('series')] === 'scenario')!;
      // Rounded as the table shows it (shares in percent).
      expect(Number(scenarioRow[col('mean')]), m.id).toBe(shownNumber(m, numbers[m.id]!.value));
      // The default run holds Prime Day: each metric has its peak rows too.
      const peak = rows.filter((r) => r[col('metric')] === m.id && r[col('period')] === 'peak');
      expect(peak.map((r) => r[col('series')]).sort(), m.id).toEqual([
        'baseline',
        'delta',
        'scenario',
      ]);
    }
    expect(problems).toEqual([]);
  });

  it('shows three periods, marks Prime Day and calendar weeks on the chart, and flags an unstable scenario', async () => {
    const { page, problems } = await open(`#${LEAN}`);
    await settled(page);
    const heads = page.locator('metric-tree thead [data-period-head]');
    expect(await heads.count()).toBe(3);
    expect(await deepText(heads.nth(2))).toMatch(/Peak\s+weeks 19–20 \(calendar weeks 28–29\)/);
    // The weekly chart shades and names Prime Day and prints calendar weeks under the run's.
    const chart = page.locator('weekly-chart').first();
    expect(await chart.locator('rect.window.peak').count()).toBe(1);
    expect(await chart.locator('text.window-label.peak').textContent()).toBe('Prime Day peak');
    expect(await chart.locator('text.sub-tick').allTextContents()).toContain('cw 29');
    expect(await page.locator('metric-tree [data-flag="unstable"]').count()).toBe(0);
    await screenshot(page, 'workspace-periods');

    // Pay $16 with demand up 30%: the backlog builds up, and the tree says so in words.
    await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      const params = { ...app.scenario.params, payPerHour: 16, demandPerDay: 10400 };
      app.scenario = { ...app.scenario, params };
      await app.updateComplete;
    });
    await settled(page);
    const flag = page.locator('metric-tree [data-flag="unstable"]');
    expect(await flag.count()).toBe(1);
    expect(await deepText(flag)).toMatch(/Unstable scenario: the backlog keeps growing/);
    await screenshot(page, 'workspace-unstable');
    expect(problems).toEqual([]);
  });

  it('keeps the last numbers on screen, marked as updating with progress, while a run computes', async () => {
    // The default run: long enough for its progress to be seen.
    const { page, problems } = await open();
    await settled(page);
    const field = page.locator('[data-param="payPerHour"]').first();
    await field.fill('30');
    await field.press('Enter');
    // Straight away: still every metric, the page says it is updating.
    expect(await page.locator('gig-app').getAttribute('data-state')).toBe('running');
    expect(await page.locator('[data-metric]').count()).toBe(METRICS.length);
    const status = page.locator('gig-app header [role="status"]');
    await expect.poll(() => status.textContent()).toMatch(/settle|Updating/);
    await page.screenshot({ path: await screenshot(page, 'workspace-updating') });
    await settled(page);
    expect(await status.textContent()).toBe('');
    expect((await shown(page)).fillRate!.delta).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('lays the workspace out at laptop and projector sizes', async () => {
    // One page and run, resized from the laptop to the projector.
    const { page, problems } = await open(`#payPerHour=24.2&${LEAN}`);
    await settled(page);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      // Nothing sticks out sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      expect(await pageText(page)).not.toMatch(/NaN|undefined/);
      // On a wide screen the charts sit beside the metric tree, in view without scrolling;
      // on a laptop they follow it.
      const metrics = await page.locator('gig-app [data-region="metrics"]').boundingBox();
      const charts = await page.locator('gig-app [data-region="charts"]').boundingBox();
      if (!metrics || !charts) throw new Error('no metrics or charts region');
      if (width >= 1800) {
        expect(charts.x).toBeGreaterThanOrEqual(metrics.x + metrics.width);
        expect(charts.y).toBeLessThan(height / 2);
      } else {
        expect(charts.y).toBeGreaterThanOrEqual(metrics.y + metrics.height);
      }
      await page.screenshot({
        path: (await screenshot(page, `workspace-${width}x${height}-full`)).replace(
          '-full.png',
          '.png',
        ),
      });
      expect(problems).toEqual([]);
    }
  });
});
