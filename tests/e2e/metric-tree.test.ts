/**
 * The metric tree in Chromium: on the app page with the app's live comparison, and as a
 * second element given hand-made comparisons whose verdicts, breaches and missing values are
 * known in advance. One page for the whole file, on a lean run of the default 26 weeks (4
 * replications): the hand-made trees are added beside the app's own.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS, METRIC_INDEX, STAKEHOLDERS, type MetricId } from '../../src/model/metrics';
import { TREE_GUARDRAIL_IDS, guardrailBreach } from '../../src/model/guardrails';
import { deltaVerdict, minChangeOf } from '../../src/model/verdict';
import type {} from '../../src/ui/app/gig-app';
import type {} from '../../src/ui/workspace/metric-tree';
import { TREE_ROWS, launchBrowser, openApp, screenshot } from './harness';

const WEEKS = 26;
const M = METRICS.length;
/** The app's run: the default 26 weeks, 4 replications (the tests read its hooks, not its values). */
const VIEW = '#replications=4';

interface PlainIntervals {
  mean: number[];
  low: number[];
  high: number[];
}
interface PlainSummary {
  n: number;
  weeks: number;
  weekly: PlainIntervals;
  shortRun: PlainIntervals;
  longRun: PlainIntervals;
  peak: PlainIntervals;
  whole: PlainIntervals;
  pool: PlainIntervals;
  earnings: number[];
  startWeek: number;
  periods: number[];
  stability: {
    growth: { mean: number; low: number; high: number };
    slope: { mean: number; low: number; high: number };
    growing: number;
    n: number;
    unstable: boolean;
  };
}
interface PlainComparison {
  baseline: PlainSummary;
  scenario: PlainSummary;
  delta: {
    weekly: PlainIntervals;
    shortRun: PlainIntervals;
    longRun: PlainIntervals;
    peak: PlainIntervals;
    whole: PlainIntervals;
  };
}

/** The default run's periods: short 1–4, long 16–18 and 22–26, Prime Day 19–20, 21 after. */
const PERIODS = Array.from({ length: WEEKS }, (_, w) => {
  const week = w + 1;
  if (week === 19 || week === 20) return 4;
  if (week === 21) return 8;
  return (week <= 4 ? 1 : 0) | (week >= 16 ? 2 : 0);
});
const STABLE = {
  growth: { mean: 0, low: -0.01, high: 0.01 },
  slope: { mean: 0, low: -0.001, high: 0.001 },
  growing: 0,
  n: 16,
  unstable: false,
};

/** What one metric does in a hand-made comparison: base value, change, half-width of its CI. */
interface Case {
  base: number;
  change: number;
  half: number;
}

const DEFAULT_CASE: Case = { base: 1, change: 0, half: 0.1 };

/** The hand-made cases: each names the verdict or breach it must show. */
const CASES: Partial<Record<MetricId, Case>> = {
  onTimePackagesPerWeek: { base: 12000, change: 450, half: 120 }, // better
  onTimeRate: { base: 0.9, change: 0.012, half: 0.004 }, // better, "+1.20 pp [+0.80, +1.60]"
  lateRate: { base: 0.05, change: 0.01, half: 0.005 }, // worse (lower is better)
  failedAttemptRate: { base: 0.04, change: 0.001, half: 0.002 }, // can't tell yet (±0.2 pp)
  sellerPromiseKeptRate: { base: 0.95, change: 0.001, half: 0.002 }, // no meaningful change
  retention90: { base: NaN, change: NaN, half: NaN }, // nothing to show: "–"
  weeklyChurnRate: { base: 0.025, change: 0.01, half: 0.002 }, // 3.5% > 3%: breach
  costPerPackage: { base: 2.2, change: 0.1, half: 0.05 }, // 2.30 < 2.50: within
  belowFloorHoursShare: { base: 0.08, change: 0.04, half: 0.01 }, // 12% > 10%: breach
};

function intervals(values: number[], half: number[]): PlainIntervals {
  return {
    mean: values,
    low: values.map((v, i) => v - half[i]!),
    high: values.map((v, i) => v + half[i]!),
  };
}

function handMade(): PlainComparison {
  const cases = METRICS.map((m) => CASES[m.id] ?? DEFAULT_CASE);
  const base = cases.map((c) => c.base);
  const scen = cases.map((c) => c.base + c.change);
  const change = cases.map((c) => c.change);
  const half = cases.map((c) => c.half);
  // The short run moves half as much, the other way for the North Star (the signs can differ).
  const shortChange = cases.map((c, i) => (i === 0 ? -c.change / 2 : c.change / 2));
  const weekly = (end: number[], start: number[]) => {
    const out: number[] = [];
    for (let m = 0; m < M; m++) {
      for (let w = 0; w < WEEKS; w++) {
        const t = w / (WEEKS - 1);
        out.push(start[m]! + (end[m]! - start[m]!) * t + 0.01 * Math.abs(end[m]!) * Math.sin(w));
      }
    }
    return out;
  };
  const weeklyHalf = Array.from({ length: M * WEEKS }, (_, k) => half[Math.floor(k / WEEKS)]!);
  const summary = (longRun: number[], shortRun: number[], first: number[]): PlainSummary => ({
    n: 16,
    weeks: WEEKS,
    weekly: intervals(weekly(longRun, first), weeklyHalf),
    shortRun: intervals(shortRun, half),
    longRun: intervals(longRun, half),
    peak: intervals(longRun, half),
    whole: intervals(longRun, half),
    pool: intervals(new Array(4 * WEEKS).fill(800), new Array(4 * WEEKS).fill(10)),
    earnings: new Array(40).fill(0.025),
    startWeek: 10,
    periods: PERIODS,
    stability: STABLE,
  });
  const shortScen = base.map((b, i) => b + shortChange[i]!);
  return {
    baseline: summary(base, base, base),
    scenario: summary(scen, shortScen, shortScen),
    delta: {
      weekly: intervals(weekly(change, shortChange), weeklyHalf),
      shortRun: intervals(shortChange, half),
      longRun: intervals(change, half),
      peak: intervals(change, half),
      whole: intervals(change, half),
    },
  };
}

/** Adds a second <metric-tree id="probe"> to the page with the hand-made comparison. */
async function addProbe(page: Page, comparison: PlainComparison | undefined): Promise<void> {
  await page.evaluate(async (plain) => {
    const toTyped = (v: unknown): unknown => {
      if (Array.isArray(v)) return Float64Array.from(v as number[]);
      if (v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toTyped(x)]));
      }
      return v;
    };
    document.querySelector('#probe')?.remove();
    const tree = document.createElement('metric-tree');
    tree.id = 'probe';
    tree.style.cssText = 'display:block;width:780px;background:#fff;padding:12px';
    tree.comparison = plain ? (toTyped(plain) as typeof tree.comparison) : undefined;
    const events: unknown[] = [];
    (window as any).treeEvents = events;
    tree.addEventListener('metric-select', (e) =>
      events.push({ type: e.type, ...(e as CustomEvent).detail }),
    );
    tree.addEventListener('threshold-change', (e) =>
      events.push({ type: e.type, ...(e as CustomEvent).detail }),
    );
    document.body.prepend(tree);
    await tree.updateComplete;
  }, comparison);
}

/** The text a sighted reader sees in an element: screen-reader-only words left out. */
function seen(locator: ReturnType<Page['locator']>): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('.sr-only').forEach((e) => e.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

async function events(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as any).treeEvents as unknown[]);
}

async function setProbe(page: Page, props: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (p) => {
    const tree = document.querySelector('#probe') as HTMLElementTagNameMap['metric-tree'];
    Object.assign(tree, p);
    await tree.updateComplete;
  }, props);
}

/** The row of a metric in the probe (the one carrying its hooks). */
function row(page: Page, id: string) {
  return page.locator(`#probe [data-metric="${id}"]`);
}

async function hooks(page: Page, scope: string): Promise<Record<string, Record<string, string>>> {
  // One round trip for every row (a round trip per row is slow on a busy machine).
  const rows = await page
    .locator(`${scope} [data-metric]`)
    .evaluateAll((els) =>
      els.map((el) =>
        Object.fromEntries(
          [...el.attributes]
            .filter((a) => a.name.startsWith('data-'))
            .map((a) => [a.name, a.value]),
        ),
      ),
    );
  const out: Record<string, Record<string, string>> = {};
  for (const attrs of rows) out[attrs['data-metric']!] = attrs;
  return out;
}

async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('gig-app').getAttribute('data-state'), {
      timeout: 60_000,
      interval: 100,
    })
    .toBe('idle');
}

describe('the metric tree', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, VIEW));
    // Idle with a value in every row (expect.poll is for tests, not hooks).
    await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 60_000 });
    await page
      .locator(TREE_ROWS)
      .nth(M - 1)
      .waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows every metric of the app run once, grouped by stakeholder, with its raw numbers as hooks', async () => {
    const tree = page.locator('gig-app metric-tree');
    await expect.poll(() => tree.locator('[data-metric]').count(), { timeout: 10_000 }).toBe(M);
    // Table order, which is stakeholder order; the North Star first.
    const ids = await tree
      .locator('[data-metric]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')));
    expect(ids).toEqual(METRICS.map((m) => m.id));
    const groups = await tree
      .locator('tbody[data-stakeholder]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-stakeholder')));
    expect(groups).toEqual(STAKEHOLDERS.map((s) => s.id));

    // The hooks are the app's comparison, unformatted.
    const expected = await page.evaluate(() => {
      const c = (document.querySelector('gig-app') as any).comparison;
      const arr = (a: Float64Array) => Array.from(a).map(String);
      return {
        value: arr(c.scenario.longRun.mean),
        baseline: arr(c.baseline.longRun.mean),
        delta: arr(c.delta.longRun.mean),
        low: arr(c.delta.longRun.low),
        high: arr(c.delta.longRun.high),
        shortValue: arr(c.scenario.shortRun.mean),
        shortDelta: arr(c.delta.shortRun.mean),
      };
    });
    const shown = await hooks(page, 'gig-app metric-tree');
    for (const m of METRICS) {
      const h = shown[m.id]!;
      const i = METRIC_INDEX[m.id];
      expect(h['data-value'], m.id).toBe(expected.value[i]);
      expect(h['data-baseline'], m.id).toBe(expected.baseline[i]);
      expect(h['data-delta'], m.id).toBe(expected.delta[i]);
      expect(h['data-ci-low'], m.id).toBe(expected.low[i]);
      expect(h['data-ci-high'], m.id).toBe(expected.high[i]);
      expect(h['data-short-value'], m.id).toBe(expected.shortValue[i]);
      expect(h['data-short-delta'], m.id).toBe(expected.shortDelta[i]);
      for (const k of ['data-short-ci-low', 'data-short-ci-high'])
        expect(h[k], `${m.id} ${k}`).toMatch(/^-?[\d.e+-]+$/);
      expect(h['data-breach'], m.id).toMatch(/^(true|false)$/);
      expect(Number.isFinite(Number(h['data-value'])), m.id).toBe(true);
    }
    const text = await tree.evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    // Every metric has a sparkline drawing both courses.
    expect(await tree.locator('spark-line path.scenario').count()).toBeGreaterThanOrEqual(M);
    await tree.screenshot({ path: 'tests/e2e/screenshots/metric-tree-app-1280.png' });
    await screenshot(page, 'metric-tree-1280');
    expect(problems).toEqual([]);
  });

  it('keeps a metric reached by Tab in view below the sticky header', async () => {
    // From the top of the page with nothing focused, as the page opens.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const focusedClass = () =>
      page.evaluate(() => {
        let a: Element | null = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.className ?? '';
      });
    let presses = 0;
    while ((await focusedClass()) !== 'name' && presses < 200) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focusedClass()).toBe('name');
    const name = await page.locator('metric-tree button.name:focus').boundingBox();
    const header = await page.locator('metric-tree thead th').first().boundingBox();
    if (!name || !header) throw new Error('no focused metric or header');
    expect(name.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    expect(problems).toEqual([]);
  });

  it('reads at 1920×1080 too', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const tree = page.locator('gig-app metric-tree');
    await expect.poll(() => tree.locator('[data-metric]').count(), { timeout: 10_000 }).toBe(M);
    // Nothing spills out of the tree sideways.
    const overflow = await tree.evaluate((el) => {
      const table = el.shadowRoot!.querySelector('table')!;
      return table.scrollWidth - el.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'metric-tree-1920');
    await tree.screenshot({ path: 'tests/e2e/screenshots/metric-tree-app-1920.png' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(problems).toEqual([]);
  });

  it("follows a lever change: its hooks and verdicts are the new comparison's", async () => {
    // Last of the app's own tests: the page's scenario is changed from here on.
    await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      app.scenario = { ...app.scenario, params: { ...app.scenario.params, payPerHour: 30 } };
      await app.updateComplete;
    });
    await settled(page);
    const tree = page.locator('gig-app metric-tree');
    const c = await page.evaluate(() => {
      const cmp = (document.querySelector('gig-app') as any).comparison;
      const arr = (a: Float64Array) => Array.from(a);
      return {
        value: arr(cmp.scenario.longRun.mean),
        base: arr(cmp.baseline.longRun.mean),
        delta: arr(cmp.delta.longRun.mean),
        low: arr(cmp.delta.longRun.low),
        high: arr(cmp.delta.longRun.high),
      };
    });
    // Higher pay moves something: not every delta is zero.
    expect(c.delta.some((d) => d !== 0)).toBe(true);
    const shown = await hooks(page, 'gig-app metric-tree');
    for (const m of METRICS) {
      const i = METRIC_INDEX[m.id];
      const h = shown[m.id]!;
      expect(h['data-value'], m.id).toBe(String(c.value[i]));
      expect(h['data-delta'], m.id).toBe(String(c.delta[i]));
      const verdict = await tree
        .locator(`[data-metric="${m.id}"] .delta`)
        .nth(1)
        .getAttribute('data-verdict');
      const minChange = minChangeOf(m, c.base[i]!);
      expect(verdict, m.id).toBe(deltaVerdict(m, c.delta[i]!, c.low[i]!, c.high[i]!, minChange));
      expect(h['data-breach'], m.id).toBe(String(guardrailBreach(m, c.value[i]!)));
    }
    await tree.screenshot({ path: 'tests/e2e/screenshots/metric-tree-pay30.png' });
    expect(problems).toEqual([]);
  });

  it('says better, worse, no meaningful change or can’t tell yet, in words and colour, with deltas in percentage points', async () => {
    await addProbe(page, handMade());
    const delta = (id: string, n: number) => row(page, id).locator('.delta').nth(n);
    // Long run is the second period cell.
    expect(await delta('onTimeRate', 1).getAttribute('data-verdict')).toBe('better');
    expect(await seen(delta('onTimeRate', 1))).toBe('▲ +1.20 pp [+0.80, +1.60] better');
    expect(await seen(delta('onTimeRate', 0))).toBe('▲ +0.60 pp [+0.20, +1.00] better');
    expect(await delta('lateRate', 1).getAttribute('data-verdict')).toBe('worse');
    expect(await seen(delta('lateRate', 1))).toBe('▲ +1.00 pp [+0.50, +1.50] worse');
    expect(await seen(row(page, 'lateRate').locator('.values').nth(1))).toBe('5.00% → 6.00%');
    // +0.1 pp [−0.1, +0.3] against ±0.2 pp: reaches past it, can't tell yet.
    expect(await delta('failedAttemptRate', 1).getAttribute('data-verdict')).toBe('uncertain');
    expect(await seen(delta('failedAttemptRate', 1))).toBe(
      '? +0.10 pp [\u22120.10, +0.30] can’t tell yet',
    );
    // The same interval against ±0.5 pp: within it, no meaningful change.
    expect(await delta('sellerPromiseKeptRate', 1).getAttribute('data-verdict')).toBe('negligible');
    expect(await seen(delta('sellerPromiseKeptRate', 1))).toBe(
      '≈ +0.10 pp [\u22120.10, +0.30] no meaningful change',
    );
    expect(await seen(row(page, 'sellerPromiseKeptRate').locator('summary'))).toBe(
      'matters: ±0.5 pp',
    );
    // One click shows the statistical verdicts (the interval against zero), one more goes back.
    const toggle = page.locator('#probe [data-action="statistical"]');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await seen(delta('sellerPromiseKeptRate', 1))).toBe(
      '● +0.10 pp [\u22120.10, +0.30] no clear change',
    );
    expect(await seen(delta('onTimeRate', 1))).toBe('▲ +1.20 pp [+0.80, +1.60] better');
    await toggle.click();
    expect(await seen(delta('failedAttemptRate', 1))).toContain('can’t tell yet');
    // The smallest change is the user's to set: typed in the tree, announced, then judged by.
    await page.evaluate(() => {
      const probe = document.querySelector('#probe')!;
      probe.addEventListener('min-change-change', (e) =>
        (window as any).treeEvents.push({ type: e.type, ...(e as CustomEvent).detail }),
      );
    });
    await row(page, 'failedAttemptRate').locator('summary').click();
    const field = row(page, 'failedAttemptRate').locator('details.matters input');
    await field.fill('-1');
    await field.press('Enter');
    expect(await row(page, 'failedAttemptRate').locator('.error').innerText()).toContain(
      'cannot be negative',
    );
    await field.fill('0.5');
    await field.press('Enter');
    expect((await events(page)).at(-1)).toEqual({
      type: 'min-change-change',
      metric: 'failedAttemptRate',
      value: 0.005,
    });
    await setProbe(page, { minChanges: { failedAttemptRate: 0.005 } });
    expect(await delta('failedAttemptRate', 1).getAttribute('data-verdict')).toBe('negligible');
    expect(await seen(row(page, 'failedAttemptRate').locator('summary'))).toBe(
      'matters: ±0.5 pp (yours)',
    );
    await setProbe(page, { minChanges: {} });
    // The short run can differ in sign: the North Star falls at first, then rises.
    expect(await delta('onTimePackagesPerWeek', 0).getAttribute('data-verdict')).toBe('worse');
    expect(await delta('onTimePackagesPerWeek', 1).getAttribute('data-verdict')).toBe('better');
    const colours = await page.evaluate(() => {
      const root = document.querySelector('#probe')!.shadowRoot!;
      const c = (sel: string) => getComputedStyle(root.querySelector(sel)!).color;
      return { better: c('.delta.better'), worse: c('.delta.worse'), unclear: c('.delta.unclear') };
    });
    expect(new Set(Object.values(colours)).size).toBe(3);
    // The sparkline draws both courses, the scenario's band, the short run, the long run on
    // either side of Prime Day, and the peak.
    const spark = row(page, 'onTimeRate').locator('spark-line');
    for (const sel of [
      'path.baseline',
      'path.scenario',
      'path.band',
      'rect[data-window="short"]',
      'rect[data-window="peak"]',
    ]) {
      expect(await spark.locator(sel).count(), sel).toBe(1);
    }
    expect(await spark.locator('rect[data-window="long"]').count()).toBe(2);
    expect(await spark.locator('path.scenario').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    // The definition shows on hover.
    await row(page, 'lateRate').locator('button.name').hover();
    expect(await row(page, 'lateRate').locator('.definition').isVisible()).toBe(true);
    await page.screenshot({ path: 'tests/e2e/screenshots/metric-tree-definition.png' });

    // Hooks are raw numbers.
    const h = (await hooks(page, '#probe')).onTimeRate!;
    expect(Number(h['data-value'])).toBeCloseTo(0.912, 12);
    expect(Number(h['data-delta'])).toBeCloseTo(0.012, 12);
    expect(Number(h['data-ci-low'])).toBeCloseTo(0.008, 12);
    expect(Number(h['data-short-delta'])).toBeCloseTo(0.006, 12);
    await page
      .locator('#probe')
      .screenshot({ path: 'tests/e2e/screenshots/metric-tree-probe.png' });
    for (const s of ['northStar', 'customers', 'drivers', 'guardrails']) {
      await page
        .locator(`#probe tbody[data-stakeholder="${s}"]`)
        .screenshot({ path: `tests/e2e/screenshots/metric-tree-probe-${s}.png` });
    }
    expect(problems).toEqual([]);
  });

  it('shows three periods, names the peak, and says so plainly when a run has no peak', async () => {
    await addProbe(page, handMade());
    const heads = page.locator('#probe thead [data-period-head]');
    expect(
      await heads.evaluateAll((els) => els.map((e) => e.getAttribute('data-period-head'))),
    ).toEqual(['shortRun', 'longRun', 'peak']);
    expect(await seen(heads.nth(1))).toContain('weeks 16–18, 22–26');
    expect(await seen(heads.nth(2))).toContain('weeks 19–20 (calendar weeks 28–29)');
    // Peak cells carry numbers; sparklines shade the two Prime Day weeks (one stretch).
    expect(await row(page, 'onTimeRate').locator('td[data-period="peak"] .delta').count()).toBe(1);
    const peakShades = page.locator('#probe [data-metric="onTimeRate"] spark-line');
    expect(
      await peakShades.evaluate(
        (el) => el.shadowRoot!.querySelectorAll('[data-window="peak"]').length,
      ),
    ).toBe(1);
    await page
      .locator('#probe')
      .screenshot({ path: 'tests/e2e/screenshots/metric-tree-periods.png' });

    // The same comparison off the peaks: no peak week, in words, in every row; no numbers.
    const off = handMade();
    const noPeak = PERIODS.map((f) => (f & 4 || f & 8 ? 0 : f));
    off.baseline.periods = noPeak;
    off.scenario.periods = noPeak;
    await addProbe(page, off);
    expect(await seen(page.locator('#probe thead [data-period-head="peak"]'))).toContain(
      'no peak week in this run',
    );
    const cells = page.locator('#probe [data-metric] td[data-period="peak"]');
    expect(await cells.count()).toBe(M);
    for (const text of await cells.allTextContents()) {
      expect(text.trim()).toBe('no peak week in this run');
    }
    expect(problems).toEqual([]);
  });

  it('flags an unstable scenario in a plain sentence above the tree, and a stable one not', async () => {
    await addProbe(page, handMade());
    expect(await page.locator('#probe [data-flag="unstable"]').count()).toBe(0);
    const shaky = handMade();
    shaky.scenario.stability = {
      growth: { mean: 0.21, low: 0.16, high: 0.26 },
      slope: { mean: 0.004, low: 0.001, high: 0.007 },
      growing: 15,
      n: 16,
      unstable: true,
    };
    await addProbe(page, shaky);
    const flag = page.locator('#probe [data-flag="unstable"]');
    expect(await flag.count()).toBe(1);
    expect(await flag.getAttribute('data-side')).toBe('scenario');
    expect(await seen(flag)).toMatch(
      /Unstable scenario: the backlog keeps growing\. In 15 of 16 replications .* \(growth \+0\.21 \[\+0\.16, \+0\.26\] days/,
    );
    await page
      .locator('#probe')
      .screenshot({ path: 'tests/e2e/screenshots/metric-tree-unstable.png' });
    expect(problems).toEqual([]);
  });

  it('shows a dash with a reason where a metric has no number, never NaN', async () => {
    await addProbe(page, handMade());
    const r = row(page, 'retention90');
    const text = await r.textContent();
    expect(text).toContain('–');
    expect(text).toContain('no estimate');
    expect(await r.locator('[title^="No value"]').count()).toBeGreaterThan(0);
    const all = await page.locator('#probe').evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(all).not.toMatch(/NaN|undefined|Infinity/);
    expect(await r.getAttribute('data-breach')).toBe('false');
    // Its sparkline has nothing to draw and says so.
    expect(await r.locator('spark-line svg').count()).toBe(0);
    expect(await r.locator('spark-line [role="img"]').getAttribute('aria-label')).toContain(
      'no weekly values',
    );
    expect(problems).toEqual([]);
  });

  it('flags breached guardrails in words, against the user threshold when one is set', async () => {
    await addProbe(page, handMade());
    expect(await row(page, 'belowFloorHoursShare').getAttribute('data-breach')).toBe('true');
    expect(await row(page, 'belowFloorHoursShare').locator('.flag').textContent()).toContain(
      'breach: above 10%',
    );
    expect(await row(page, 'weeklyChurnRate').getAttribute('data-breach')).toBe('true');
    expect(await row(page, 'weeklyChurnRate').locator('.flag').textContent()).toContain(
      'breach: above 3%',
    );
    expect(await row(page, 'costPerPackage').getAttribute('data-breach')).toBe('false');
    expect(await row(page, 'onTimeRate').getAttribute('data-breach')).toBe('false');
    // The guardrails section lists every guardrail, weekly churn and cost per package included.
    const guard = page.locator('#probe tbody[data-stakeholder="guardrails"] tr.metric');
    expect(
      await guard.evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-metric') ?? e.getAttribute('data-guardrail-row')),
      ),
    ).toEqual([
      'weeklyChurnRate',
      'costPerPackage',
      'backlogDays',
      'belowFloorHoursShare',
      'unpaidOverrunHoursPerDriver',
      'unsafePaceShare',
    ]);
    // Each row of the section carries the verdict's page hooks, agreeing with its flag.
    const hooks = await guard.evaluateAll((els) =>
      els.map((e) => [
        e.getAttribute('data-guardrail'),
        e.getAttribute('data-breached'),
        e.getAttribute('data-breach'),
      ]),
    );
    expect(hooks.map((h) => h[0])).toEqual(TREE_GUARDRAIL_IDS);
    for (const [, breached, breach] of hooks) expect(breached).toBe(breach);
    expect(hooks.find((h) => h[0] === 'weeklyChurnRate')?.[1]).toBe('true');
    expect(hooks.find((h) => h[0] === 'belowFloorHoursShare')?.[1]).toBe('true');
    expect(hooks.find((h) => h[0] === 'costPerPackage')?.[1]).toBe('false');
    // A user threshold of 5% lifts the churn breach; $2 per package creates one.
    await setProbe(page, { thresholds: { weeklyChurnRate: 0.05, costPerPackage: 2 } });
    expect(await row(page, 'weeklyChurnRate').getAttribute('data-breach')).toBe('false');
    expect(await row(page, 'costPerPackage').getAttribute('data-breach')).toBe('true');
    expect(await row(page, 'costPerPackage').locator('.flag').textContent()).toContain(
      'breach: above $2.00/package',
    );
    expect(problems).toEqual([]);
  });

  it('edits every guardrail threshold (churn and cost here), refusing bad input with a message', async () => {
    await addProbe(page, handMade());
    const input = page.locator('#probe form[data-threshold="weeklyChurnRate"] input');
    // Every guardrail's threshold is the user's to set.
    expect(await page.locator('#probe form[data-threshold]').count()).toBe(6);
    expect(await input.inputValue()).toBe('3');
    // The editor is labelled.
    expect(await page.locator('#probe').getByLabel('Breach above').count()).toBe(6);

    for (const bad of ['abc', '0', '-1', '150']) {
      await input.fill(bad);
      await input.press('Enter');
      const alert = page.locator('#probe form[data-threshold="weeklyChurnRate"] [role="alert"]');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.textContent()).toMatch(/number|above 0|100%/);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
    }
    expect(await events(page)).toEqual([]);

    await input.fill('5');
    await input.press('Enter');
    expect(await events(page)).toEqual([
      { type: 'threshold-change', metric: 'weeklyChurnRate', threshold: 0.05 },
    ]);
    expect(await page.locator('#probe [role="alert"]').count()).toBe(0);
    // The parent takes it; the editor shows it and offers the way back.
    await setProbe(page, { thresholds: { weeklyChurnRate: 0.05 } });
    expect(await input.inputValue()).toBe('5');
    await page
      .locator('#probe form[data-threshold="weeklyChurnRate"] button', { hasText: 'Reset' })
      .click();
    expect((await events(page)).at(-1)).toEqual({
      type: 'threshold-change',
      metric: 'weeklyChurnRate',
      threshold: undefined,
    });

    const cost = page.locator('#probe form[data-threshold="costPerPackage"] input');
    await cost.fill('$3.10');
    await page
      .locator('#probe form[data-threshold="costPerPackage"] button[type="submit"]')
      .click();
    expect((await events(page)).at(-1)).toEqual({
      type: 'threshold-change',
      metric: 'costPerPackage',
      threshold: 3.1,
    });
    // Editing thresholds never charts a metric.
    expect((await events(page)).filter((e: any) => e.type === 'metric-select')).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('charts a metric chosen by click or keyboard and highlights the selected one', async () => {
    await addProbe(page, handMade());
    await row(page, 'lateRate').locator('td').first().click();
    const name = row(page, 'fillRate').locator('button.name');
    await name.focus();
    await page.keyboard.press('Enter');
    await row(page, 'hoursGini').locator('button.name').focus();
    await page.keyboard.press('Space');
    expect(await events(page)).toEqual([
      { type: 'metric-select', metric: 'lateRate' },
      { type: 'metric-select', metric: 'fillRate' },
      { type: 'metric-select', metric: 'hoursGini' },
    ]);
    // The definition shows on focus.
    const def = page.locator('#probe tr[data-metric="hoursGini"] .definition');
    expect(await def.isVisible()).toBe(true);
    expect(await def.textContent()).toContain('Gini coefficient');

    await setProbe(page, { selected: 'fillRate' });
    expect(await name.getAttribute('aria-pressed')).toBe('true');
    expect(await row(page, 'fillRate').getAttribute('class')).toContain('selected');
    expect(await page.locator('#probe button.name[aria-pressed="true"]').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('keeps the numbers while a newer run replaces them, and says it is computing before the first', async () => {
    await addProbe(page, undefined);
    const probe = page.locator('#probe');
    expect(await probe.textContent()).toBe('');
    const text = await probe.evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(text).toContain('Computing…');
    expect(text).not.toMatch(/NaN|undefined/);
    expect(await page.locator('#probe [data-metric]').count()).toBe(0);

    await addProbe(page, handMade());
    await setProbe(page, { updating: true, progress: 0.4 });
    expect(await page.locator('#probe [data-metric]').count()).toBe(M);
    const status = page.locator('#probe .status');
    expect(await status.getAttribute('data-state')).toBe('updating');
    expect(await status.textContent()).toContain('40%');
    // The status line's bar, and the sticky header's (a bar, so the header is only repainted).
    for (const where of ['.status', 'thead']) {
      expect(
        await page
          .locator(`#probe ${where} progress`)
          .evaluate((p) => (p as HTMLProgressElement).value),
      ).toBeCloseTo(0.4);
    }
    expect(await page.locator('#probe table').getAttribute('aria-busy')).toBe('true');
    await page
      .locator('#probe')
      .screenshot({ path: 'tests/e2e/screenshots/metric-tree-updating.png' });
    await setProbe(page, { updating: false, progress: 1 });
    expect(await status.getAttribute('data-state')).toBe('settled');
    expect(problems).toEqual([]);
  });
});
