/**
 * The charts in Chromium: each chart of the app's live comparison draws with finite
 * coordinates, switches by keyboard, reads out weeks in a tooltip, and exports as a standalone
 * SVG and a 2× PNG. Screenshots of each chart at 1280×800 and 1920×1080 land in
 * tests/e2e/screenshots for a person to look at. The tests of the app's comparison share one
 * page on a lean run of the default 26 weeks (4 replications), each starting from the page as
 * it opens (the weekly chart of the North Star) at its own viewport size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import type { ChartPanel } from '../../src/ui/workspace/chart-panel';
import type {} from '../../src/ui/app/gig-app';
import { launchBrowser, openApp, screenshot } from './harness';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const CHARTS = ['weekly', 'pool', 'earnings'] as const;
/** The shared page's run: the default 26 weeks (the windows and Prime Day), 4 replications. */
const VIEW = '#replications=4';
type Chart = (typeof CHARTS)[number];

/** Waits for the app's run to finish and the panel to draw the given chart. */
async function ready(page: Page, chart: Chart = 'weekly'): Promise<void> {
  await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 60_000 });
  await page.locator(`chart-panel svg[data-chart="${chart}"]`).waitFor({ timeout: 10_000 });
}

function svgOf(page: Page, chart: Chart) {
  return page.locator(`chart-panel svg[data-chart="${chart}"]`);
}

/** Every number in the path data and coordinates of the svg's marks. */
async function coordinates(page: Page, chart: Chart): Promise<number[]> {
  return svgOf(page, chart).evaluate((svg) => {
    const out: number[] = [];
    for (const el of Array.from(svg.querySelectorAll('path, rect, line, circle, text'))) {
      for (const a of ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'cx', 'cy']) {
        const v = el.getAttribute(a);
        if (v === null || v.endsWith('%')) continue;
        for (const m of v.match(/-?[\d.]+(?:e-?\d+)?|NaN|Infinity/g) ?? []) out.push(Number(m));
      }
    }
    return out;
  });
}

async function selectChartByKeyboard(page: Page, chart: Chart): Promise<void> {
  await page.locator('chart-panel [role="tab"][aria-selected="true"]').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < CHARTS.indexOf(chart); i++) await page.keyboard.press('ArrowRight');
  await svgOf(page, chart).waitFor();
}

interface Exported {
  svg: string;
  parseError: boolean;
  rootName: string;
  namespace: string | null;
  texts: string[];
  captions: { text: string; y: number }[];
  width: number;
  height: number;
  png: number[];
}

/** Both exports of the shown chart, the SVG parsed in the page. */
function exportShown(page: Page): Promise<Exported> {
  return page.locator('chart-panel').evaluate(async (el) => {
    const panel = el as ChartPanel;
    const svg = panel.svgText();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    const blob = await panel.pngBlob();
    return {
      svg,
      parseError: doc.getElementsByTagName('parsererror').length > 0,
      rootName: root.localName,
      namespace: root.namespaceURI,
      texts: Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? ''),
      captions: Array.from(doc.querySelectorAll('[data-export-caption] text')).map((t) => ({
        text: t.textContent ?? '',
        y: Number(t.getAttribute('y')),
      })),
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      png: Array.from(new Uint8Array(await blob.arrayBuffer())),
    };
  });
}

function pngSize(bytes: number[]): { width: number; height: number } {
  const u32 = (o: number) =>
    ((bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!) >>> 0;
  return { width: u32(16), height: u32(20) };
}

interface OverlapCheck {
  textOverlaps(svg: Element): string[];
}

/**
 * Defines `textOverlaps(svg)` in the page: pairs of non-empty texts whose boxes intersect, and
 * texts that stick out of the chart (cut off at its edge).
 */
async function installOverlapCheck(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an inline
  // script tag would be refused, as it should be).
  await page.evaluate(`window.textOverlaps = function (svg) {
      var boxes = Array.from(svg.querySelectorAll('text'))
        .filter(function (t) { return (t.textContent || '').trim() !== ''; })
        .map(function (t) { return { text: t.textContent, r: t.getBoundingClientRect() }; });
      var out = [];
      var frame = svg.getBoundingClientRect();
      boxes.forEach(function (b) {
        if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1) {
          out.push(b.text + ' / outside the chart');
        }
      });
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i].r, b = boxes[j].r;
          var ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          var iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (ix > 1 && iy > 1) out.push(boxes[i].text + ' / ' + boxes[j].text);
        }
      }
      return out;
    };`);
}

const AXIS_TITLES: Record<Chart, string[]> = {
  weekly: ['Week of the run (calendar week beneath)', 'packages/week'],
  pool: ['Week', 'Active drivers', 'Drivers per week'],
  earnings: [
    'Share of drivers (%)',
    'Realised net hourly earnings ($/h), long run: weeks 16–18, 22–26',
  ],
};

describe('the charts', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, VIEW));
    await ready(page);
  });
  afterAll(async () => {
    await browser.close();
  });

  /** The shared page as it opens: the weekly chart of the North Star, nothing focused. */
  async function fresh(viewport = { width: 1280, height: 800 }): Promise<void> {
    await page.setViewportSize(viewport);
    await page.mouse.move(0, 0);
    await selectChartByKeyboard(page, 'weekly');
    await page.locator('chart-panel select').selectOption('onTimePackagesPerWeek');
    await expect
      .poll(() => page.locator('chart-panel').getAttribute('data-metric-chart'))
      .toBe('onTimePackagesPerWeek');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
  }

  it('draws every chart of the live comparison with finite coordinates and labelled axes', async () => {
    // The first test: the page as it opened.
    expect(await page.locator('chart-panel').getAttribute('data-metric-chart')).toBe(
      'onTimePackagesPerWeek',
    );
    for (const chart of CHARTS) {
      await selectChartByKeyboard(page, chart);
      const svg = svgOf(page, chart);
      const markup = await svg.evaluate((el) => el.outerHTML);
      expect(markup, chart).not.toMatch(/NaN|undefined|Infinity/);
      const numbers = await coordinates(page, chart);
      expect(numbers.length, chart).toBeGreaterThan(100);
      expect(numbers.every(Number.isFinite), chart).toBe(true);
      const texts = await svg.locator('text').allTextContents();
      for (const title of AXIS_TITLES[chart])
        expect(
          texts.map((t) => t.trim()),
          chart,
        ).toContain(title);
      if (chart === 'earnings') {
        expect(texts.map((t) => t.trim())).toContain('$15/h wage floor');
        expect(await svg.locator('rect.bar').count()).toBeGreaterThan(10);
      } else {
        // Baseline (dashed) and scenario (solid) lines with a real course.
        const lines = svg.locator('path.line');
        expect(await lines.count()).toBe(2);
        expect(await lines.first().getAttribute('stroke-dasharray')).not.toBe('none');
        for (const d of await lines.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '')))
          expect(d.split('L').length).toBeGreaterThan(20);
      }
      if (chart === 'pool') expect(await svg.locator('rect.bar').count()).toBeGreaterThan(40);
      if (chart === 'weekly') {
        // Short run; the long run on either side of Prime Day (weeks 19–20) and the week
        // after it; the peak, named; calendar weeks under the run's.
        expect(await svg.locator('rect.window').count()).toBe(4);
        expect(await svg.locator('rect.window.peak').count()).toBe(1);
        expect(texts).toContain('Short run: weeks 1–4');
        expect(texts).toContain('Long run: weeks 16–18, 22–26');
        expect(texts).toContain('Prime Day peak');
        expect(texts.filter((t) => /^cw \d+$/.test(t.trim())).length).toBeGreaterThan(5);
      }
    }
    expect(problems).toEqual([]);
  });

  it('switches chart and metric by keyboard and tells the page', async () => {
    await fresh();
    await page.evaluate(() => {
      const w = window as unknown as { events: string[] };
      w.events = [];
      document.addEventListener('chart-select', (e) =>
        w.events.push(`chart:${(e as CustomEvent<{ chart: string }>).detail.chart}`),
      );
      document.addEventListener('metric-select', (e) =>
        w.events.push(`metric:${(e as CustomEvent<{ metric: string }>).detail.metric}`),
      );
    });
    const selected = page.locator('chart-panel [role="tab"][aria-selected="true"]');
    await selected.focus();
    await page.keyboard.press('ArrowRight');
    await svgOf(page, 'pool').waitFor();
    expect(await selected.getAttribute('data-chart-tab')).toBe('pool');
    await page.keyboard.press('End'); // the last tab: why the metric moved
    await page.locator('chart-panel svg[data-chart="waterfall"]').waitFor();
    await page.keyboard.press('ArrowRight'); // wraps around to the first tab
    await svgOf(page, 'weekly').waitFor();
    // The focused tab follows the selection, so the keyboard never gets lost.
    expect(
      await page
        .locator('chart-panel')
        .evaluate((p) => p.shadowRoot?.activeElement?.getAttribute('data-chart-tab')),
    ).toBe('weekly');

    // Tab to the metric select and move down one metric with the keyboard.
    await page.keyboard.press('Tab');
    const select = page.locator('chart-panel select');
    expect(await select.evaluate((s) => s === (s.getRootNode() as ShadowRoot).activeElement)).toBe(
      true,
    );
    expect(await select.getAttribute('data-metric-select')).not.toBeNull();
    expect(await page.locator('chart-panel').getByLabel('Metric', { exact: true }).count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('chart-panel').getAttribute('data-metric-chart'))
      .toBe('onTimeRate');
    const texts = await svgOf(page, 'weekly').locator('text').allTextContents();
    expect(texts).toContain('On-time rate (%)');
    expect(texts.some((t) => /^\d+(\.\d+)?%$/.test(t.trim()))).toBe(true);

    expect(await page.evaluate(() => (window as unknown as { events: string[] }).events)).toEqual([
      'chart:pool',
      'chart:why',
      'chart:weekly',
      'metric:onTimeRate',
    ]);
    expect(problems).toEqual([]);
  });

  it('reads a week out in a tooltip on keyboard focus and on hover', async () => {
    await fresh();
    const svg = svgOf(page, 'weekly');
    await svg.focus();
    const tip = page.locator('weekly-chart .tooltip');
    await expect.poll(() => tip.getAttribute('data-week')).toBe('26');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tip.getAttribute('data-week')).toBe('25');
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('Week 25 (calendar week 34, long run) · packages/week');
    expect(text).toMatch(/Baseline: [\d,]+ \(95% [\d,]+ to [\d,]+\)/);
    expect(text).toMatch(/Scenario: [\d,]+ \(95% [\d,]+ to [\d,]+\)/);
    expect(text).toMatch(/Delta: /);
    expect(text).not.toMatch(/NaN|undefined/);
    // The hover guide is part of the page but never of the export.
    expect(await svg.locator('.hover').count()).toBe(1);
    const exported = await page.locator('chart-panel').evaluate((p) => (p as ChartPanel).svgText());
    expect(exported).not.toContain('class="hover"');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);

    await svg.blur();
    const box = await svg.boundingBox();
    if (!box) throw new Error('no chart box');
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await expect.poll(async () => Number(await tip.getAttribute('data-week'))).toBeGreaterThan(1);
    expect(await tip.textContent()).toMatch(/\(calendar week \d+, short run\)/);
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await selectChartByKeyboard(page, 'earnings');
    await svgOf(page, 'earnings').focus();
    const binTip = page.locator('earnings-chart .tooltip');
    await expect.poll(() => binTip.textContent()).toMatch(/Net hourly \$\d+–\$\d+\/h/);
    expect(await binTip.textContent()).toMatch(/Baseline: [\d.]+% of drivers/);
    expect(problems).toEqual([]);
  });

  it('exports each chart as standalone SVG and as a PNG at twice its size', async () => {
    await fresh();
    for (const chart of CHARTS) {
      await selectChartByKeyboard(page, chart);
      const shown = await svgOf(page, chart).boundingBox();
      const out = await exportShown(page);
      expect(out.parseError, chart).toBe(false);
      expect(out.rootName).toBe('svg');
      expect(out.namespace).toBe('http://www.w3.org/2000/svg');
      expect(out.svg).toMatch(
        /^<\?xml[^>]*\?>\s*<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
      expect(out.svg).not.toMatch(/NaN|<!--|tabindex/);
      expect(out.svg).toContain('font-family:');
      expect(out.svg).toContain('fill="#ffffff"');
      for (const title of AXIS_TITLES[chart])
        expect(out.texts.map((t) => t.trim())).toContain(title);
      expect(out.width).toBe(Math.round(shown?.width ?? 0));
      // A caption under the chart, on room added for it: the scenario, levers, run, link.
      const chartHeight = Math.round(shown?.height ?? 0);
      const caption = out.captions.map((c) => c.text).join(' ');
      expect(caption, chart).toMatch(
        /^Workspace scenario against the baseline: no lever changed\. Same seeds for both: seed 1 · 26 weeks · 4 replications\. Exported \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Reproduce: http/,
      );
      expect(out.captions.length).toBeGreaterThanOrEqual(3);
      expect(out.height).toBe(chartHeight + 16 + 15 * out.captions.length);
      for (const c of out.captions) {
        expect(c.y).toBeGreaterThan(chartHeight + 8);
        expect(c.y).toBeLessThanOrEqual(out.height - 4);
      }

      expect(out.png.slice(0, 8), chart).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(out.png.length, chart).toBeGreaterThan(20_000);
      expect(pngSize(out.png)).toEqual({ width: 2 * out.width, height: 2 * out.height });
    }
    // The buttons download files named after the chart.
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('chart-panel button[data-export-format="svg"]').click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('gigsim-earnings.svg');
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('chart-panel button[data-export-format="png"]').click(),
    ]);
    expect(pngDownload.suggestedFilename()).toBe('gigsim-earnings.png');
    expect(problems).toEqual([]);
  });

  it('says "Computing…" without a comparison and draws no NaN for weeks without a value', async () => {
    await fresh();
    const result = await page.evaluate(async () => {
      const panel = document.createElement('chart-panel');
      document.body.append(panel);
      await panel.updateComplete;
      const computing = panel.shadowRoot?.textContent ?? '';
      const hasSvg = panel.shadowRoot?.querySelector('svg') !== null;
      panel.remove();

      const chart = document.createElement('weekly-chart');
      chart.style.width = '700px';
      chart.metric = 'timeToFillHours';
      const pts = (f: (w: number) => number) =>
        Array.from({ length: 12 }, (_, i) => {
          const mean = f(i + 1);
          return { week: i + 1, mean, low: mean - 0.2, high: mean + 0.2 };
        });
      chart.baseline = pts((w) => (w === 5 || w === 6 ? Number.NaN : 1 + w / 10));
      chart.scenario = pts((w) => (w === 1 ? Number.NaN : 1.2 + w / 10));
      chart.delta = pts(() => Number.NaN);
      document.body.append(chart);
      await new Promise((r) => setTimeout(r, 200));
      await chart.updateComplete;
      const svg = chart.shadowRoot?.querySelector('svg');
      (svg as SVGElement | null | undefined)?.focus();
      await chart.updateComplete;
      for (let i = 0; i < 6; i++) {
        svg?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
        await chart.updateComplete;
      }
      const markup = svg?.outerHTML ?? '';
      const tip = chart.shadowRoot?.querySelector('.tooltip')?.textContent ?? '';
      chart.remove();
      return { computing, hasSvg, markup, tip };
    });
    expect(result.computing).toContain('Computing…');
    expect(result.hasSvg).toBe(false);
    expect(result.markup).toContain('data-chart="weekly"');
    expect(result.markup).not.toMatch(/NaN|undefined|Infinity/);
    expect(result.tip).toContain('Week 6');
    expect(result.tip).toContain('Baseline: – (no value this week)');
    expect(result.tip).toContain('Delta: – (no value this week)');
    expect(problems).toEqual([]);
  });

  // 1800 px wide is the narrowest page that puts the charts beside the metric tree.
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1800, height: 1000 },
  ]) {
    it(`draws every metric of the table without NaN, overlapping or cut-off labels at ${viewport.width} px`, async () => {
      await fresh(viewport);
      await installOverlapCheck(page);
      const panel = page.locator('chart-panel');
      const ids = METRICS.map((m) => m.id);
      for (const id of ids) {
        const found = await panel.evaluate(async (el, metric) => {
          const p = el as ChartPanel;
          p.metric = metric as ChartPanel['metric'];
          await p.updateComplete;
          const chart = p.shadowRoot?.querySelector('weekly-chart');
          await chart?.updateComplete;
          const svg = chart?.shadowRoot?.querySelector('svg');
          if (!svg) return { markup: '', overlaps: ['no svg'] };
          return {
            markup: svg.outerHTML,
            overlaps: (window as unknown as OverlapCheck).textOverlaps(svg),
          };
        }, id);
        expect(found.markup, id).not.toMatch(/NaN|undefined|Infinity/);
        expect(found.overlaps, id).toEqual([]);
        if (['onTimeRate', 'weeklyChurnRate', 'unsafePaceShare', 'hoursGini'].includes(id)) {
          mkdirSync(SHOTS, { recursive: true });
          await panel.screenshot({ path: join(SHOTS, `chart-weekly-${id}-${viewport.width}.png`) });
        }
      }
      expect(problems).toEqual([]);
    });
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`fits each chart in the page at ${viewport.width}×${viewport.height} (screenshots)`, async () => {
      await fresh(viewport);
      mkdirSync(SHOTS, { recursive: true });
      for (const chart of CHARTS) {
        await selectChartByKeyboard(page, chart);
        const svg = svgOf(page, chart);
        const box = await svg.boundingBox();
        const panel = await page.locator('chart-panel').boundingBox();
        if (!box || !panel) throw new Error('no chart box');
        // The chart fills its panel without overflowing it.
        expect(box.width).toBeGreaterThan(500);
        expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
        // Text never overlaps other text.
        await installOverlapCheck(page);
        const overlaps = await svg.evaluate((el) =>
          (window as unknown as OverlapCheck).textOverlaps(el),
        );
        expect(overlaps, chart).toEqual([]);
        await svg.focus();
        await page.keyboard.press('ArrowLeft');
        await page
          .locator('chart-panel')
          .screenshot({ path: join(SHOTS, `chart-${chart}-${viewport.width}.png`) });
      }
      await screenshot(page, `charts-page-${viewport.width}`);
      expect(problems).toEqual([]);
    });
  }
  it('draws a changed scenario apart from its baseline, and exports what it shows', async () => {
    // Last on the shared page: it changes the scenario.
    await fresh();
    await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      app.scenario = { ...app.scenario, params: { ...app.scenario.params, payPerHour: 30 } };
      await app.updateComplete;
    });
    await expect
      .poll(() => page.locator('gig-app').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('idle');
    const panel = page.locator('chart-panel');
    await panel.evaluate(async (el) => {
      const p = el as ChartPanel;
      p.metric = 'costPerPackage';
      await p.updateComplete;
    });
    mkdirSync(SHOTS, { recursive: true });
    for (const chart of CHARTS) {
      await selectChartByKeyboard(page, chart);
      const svg = svgOf(page, chart);
      if (chart !== 'earnings') {
        const [scenario, baseline] = await svg
          .locator('path.line')
          .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
        expect(scenario).not.toBe(baseline);
      }
      expect(await svg.evaluate((el) => el.outerHTML)).not.toMatch(/NaN|undefined/);
      await panel.screenshot({ path: join(SHOTS, `chart-${chart}-pay30.png`) });
      const png = await panel.evaluate(async (el) => {
        const blob = await (el as ChartPanel).pngBlob();
        return Array.from(new Uint8Array(await blob.arrayBuffer()));
      });
      writeFileSync(join(SHOTS, `export-${chart}-pay30.png`), Uint8Array.from(png));
      writeFileSync(
        join(SHOTS, `export-${chart}-pay30.svg`),
        await panel.evaluate((el) => (el as ChartPanel).svgText()),
      );
    }
    expect(problems).toEqual([]);
  });

  it('shows a one-week run as points, with its windows named as they are', async () => {
    const { page, problems } = await openApp(browser, '#weeks=1&replications=2&payPerHour=26');
    await ready(page);
    const svg = svgOf(page, 'weekly');
    // One dot per side, and an interval bar each, where a line would need two weeks.
    expect(await svg.locator('circle.point').count()).toBe(2);
    expect(await svg.locator('rect.band').count()).toBe(2);
    expect(await svg.locator('text').allTextContents()).toEqual(
      expect.arrayContaining(['Short run: week 1', 'Long run: week 1']),
    );
    const headers = await page.locator('metric-tree thead').textContent();
    expect(headers?.replace(/\s+/g, ' ')).toMatch(
      /Short run week 1: .*Long run week 1, outside the peaks: .*Peak no peak week in this run/,
    );
    expect((await coordinates(page, 'weekly')).every(Number.isFinite)).toBe(true);
    await page
      .locator('chart-panel')
      .screenshot({ path: join(SHOTS, 'chart-weekly-one-week.png') });
    expect(problems).toEqual([]);
  });
});
