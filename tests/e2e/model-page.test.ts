/**
 * The model page in Chromium: it lists every parameter and every metric of the tables (same
 * ids, same order), a deep link (`?mode=model&topic=param-<id>`) scrolls to the parameter's
 * row, in-page links move to a metric's definition, the purpose section lists every fact of the
 * reality check with its target and source, and the reality check runs every fact on a small
 * scenario and shows a PASS, a visible FAIL or why it cannot run for each, with its measured
 * figure, and a summary that counts the cards and names every fail.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import { PARAMS } from '../../src/model/params';
import { REALITY_FACTS } from '../../src/model/reality-facts';
import type {} from '../../src/ui/app/gig-app';
import { modelLink } from '../../src/ui/shared/model-link';
import {
  TREE_ROWS,
  deepText,
  launchBrowser,
  openApp,
  reopenApp,
  settled,
  type AppPage,
} from './harness';

/** A small scenario, so the reality check is quick. */
const VIEW = '#weeks=12&replications=4';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Saves a screenshot of one element (the page is too long for a useful full-page one). */
async function shoot(target: Locator, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The text of an element and of every shadow root inside it, white space folded. */
function foldedText(target: Locator): Promise<string> {
  return deepText(target, { fold: true });
}

/** Whether the element's top is inside the viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= -1 && box.y < size.height - 20;
}

describe('the model page', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, `${modelLink('param', 'outsideWage')}${VIEW}`);
    await app.page.locator('model-page [data-param-doc]').first().waitFor();
  });
  afterAll(async () => {
    await browser.close();
  });

  /**
   * A second page beside the first (which stays on the deep link), shared by the tests after
   * the first two: opened once, then reloaded at each test's link with its storage emptied.
   */
  let other: AppPage | undefined;
  async function second(link: string, viewport = { width: 1280, height: 800 }): Promise<AppPage> {
    other = other ? await reopenApp(other, link, viewport) : await openApp(browser, link, viewport);
    return other;
  }

  it('lists every parameter and every metric of the tables, once each, in table order', async () => {
    const { page } = app;
    expect(await page.locator('gig-app').getAttribute('data-mode')).toBe('model');
    const paramIds = await page
      .locator('model-page [data-param-doc]')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-param-doc')} ${el.id}`));
    // grouped by PARAM_GROUPS, which is also the table's order
    expect(paramIds).toEqual(PARAMS.map((p) => `${p.id} param-${p.id}`));
    const metricIds = await page
      .locator('model-page [data-metric-doc]')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-metric-doc')} ${el.id}`));
    expect([...metricIds].sort()).toEqual(METRICS.map((m) => `${m.id} metric-${m.id}`).sort());
    expect(metricIds).toHaveLength(METRICS.length);

    // each row shows the table's words: the parameter's source, the metric's definition
    const pay = page.locator('model-page [data-param-doc="payPerHour"]');
    expect(await pay.textContent()).toContain(PARAMS[0].source);
    const fill = page.locator('model-page [data-metric-doc="fillRate"]');
    expect(await fill.textContent()).toContain(
      METRICS.find((m) => m.id === 'fillRate')!.definition,
    );
    // the ODD sections, in order
    const headings = await page.locator('model-page section h2').evaluateAll((els) =>
      els.map((el) =>
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim(),
      ),
    );
    expect(headings.slice(0, 7)).toEqual([
      'Purpose and patterns',
      'Entities, state variables and scales',
      'Process overview and scheduling',
      'Design concepts',
      'Initialisation',
      'Input data',
      'Submodels',
    ]);
    // the facts the model is judged by, with their targets and sources, before any run
    const facts = await page.locator('model-page [data-fact-row]').evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-fact-row'),
        target: el.querySelector('[data-target]')?.textContent?.trim() ?? '',
        link: el.querySelector('a[href^="https://"]')?.getAttribute('href') ?? '',
        source: el.querySelector('.fact-source')?.textContent?.trim() ?? '',
      })),
    );
    expect(facts.map((f) => f.id)).toEqual(REALITY_FACTS.map((f) => f.id));
    for (const [k, f] of facts.entries()) {
      const fact = REALITY_FACTS[k]!;
      expect(f.target, f.id!).toMatch(/\d/);
      expect(f.source, f.id!).toContain(fact.source.cite);
      if (fact.source.url.startsWith('https://')) expect(f.link, f.id!).toBe(fact.source.url);
      else expect(f.source, f.id!).toContain('docs/MODEL.md');
    }
    const text = await foldedText(page.locator('model-page'));
    expect(text).not.toMatch(/NaN|undefined/);
    expect(app.problems).toEqual([]);
  });

  it('scrolls a deep link to its parameter and highlights it; in-page links move to a definition', async () => {
    const { page } = app;
    const row = 'model-page [data-param-doc="outsideWage"]';
    await expect.poll(() => inViewport(page, row)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await page.locator(row).getAttribute('class')).toContain('targeted');
    await page.screenshot({ path: join(SHOTS, 'model-page-deep-link.png') });

    // A link in the prose to a metric moves to its row without reloading the page.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.locator('model-page a[data-topic="section-metrics"]').first().click();
    await expect.poll(() => inViewport(page, 'model-page #section-metrics')).toBe(true);
    expect(await page.evaluate(() => window.location.search)).toBe(
      '?mode=model&topic=section-metrics',
    );
    expect(await page.evaluate(() => window.location.hash)).toBe(VIEW);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    // Back returns to the parameter.
    await page.goBack();
    await expect.poll(() => inViewport(page, row)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it('is reachable from where parameters and metrics are shown: a lever’s source, a metric’s definition', async () => {
    const ws = await second(`${VIEW}&payPerHour=24`);
    const { page } = ws;
    await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 60_000 });
    await page.locator('lever-panel [data-doc-link="blockHours"]').click();
    await expect
      .poll(() => page.evaluate(() => location.search))
      .toBe('?mode=model&topic=param-blockHours');
    // The workspace's view travels with the link, so the page describes that scenario.
    expect(await page.evaluate(() => location.hash)).toBe(`${VIEW}&payPerHour=24`);
    const param = 'model-page [data-param-doc="blockHours"]';
    await expect.poll(() => inViewport(page, param), { timeout: 30_000 }).toBe(true);
    expect(await page.locator(param).getAttribute('class')).toContain('targeted');

    await page.goto(new URL(`/${VIEW}`, page.url()).href);
    await page.locator('gig-app[data-state="idle"]').waitFor({ timeout: 60_000 });
    await page.locator('metric-tree [data-doc-link="fillRate"]').click();
    await expect
      .poll(() => page.evaluate(() => location.search))
      .toBe('?mode=model&topic=metric-fillRate');
    const metric = 'model-page [data-metric-doc="fillRate"]';
    await expect.poll(() => inViewport(page, metric), { timeout: 30_000 }).toBe(true);
    expect(ws.problems).toEqual([]);
  });

  it('runs every fact on a small scenario: each card ends PASS, FAIL or cannot run, with its figure; the summary counts them and names every fail', async () => {
    // Pay $40 an hour: drivers net far above the $15–21 of the net-hourly fact, so at least that
    // fact fails however the model is calibrated.
    const rich = await second(`?mode=model${VIEW}&payPerHour=40`);
    const { page } = rich;
    const panel = page.locator('model-page reality-check');
    await panel.scrollIntoViewIfNeeded();
    expect(await foldedText(panel)).toContain('12 weeks, 4 paired replications');
    await panel.locator('[data-action="run-check"]').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('running');
    expect(await foldedText(panel.locator('.progress'))).toMatch(/Run 1 of \d+ ?: \S/);
    await expect
      .poll(() => panel.getAttribute('data-state'), { timeout: 60_000, interval: 100 })
      .toBe('idle');
    const cards = await panel.locator('[data-fact]').evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-fact') ?? '',
        verdict: el.getAttribute('data-verdict'),
        measured: el.querySelector('[data-measured]')?.getAttribute('data-measured') ?? null,
        badge: el.querySelector('.verdict')?.textContent?.trim() ?? '',
        badgeColour: getComputedStyle(el.querySelector('.verdict')!).backgroundColor,
        target: el.querySelector('[data-target]')?.textContent?.trim() ?? '',
        reason: el.querySelector('[data-reason]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      })),
    );
    expect(cards.map((c) => c.id)).toEqual(REALITY_FACTS.map((f) => f.id));
    const count = { pass: 0, fail: 0, 'cannot-run': 0 };
    for (const c of cards) {
      expect(['pass', 'fail', 'cannot-run'], c.id).toContain(c.verdict);
      count[c.verdict as keyof typeof count]++;
      expect(c.target, c.id).toMatch(/\d/);
      if (c.verdict === 'cannot-run') {
        expect(c.reason, c.id).toMatch(/^Cannot run: \S/);
        continue;
      }
      expect(Number.isFinite(Number(c.measured)) && c.measured !== '', c.id).toBe(true);
      if (c.verdict === 'pass') {
        expect(c.badge, c.id).toContain('PASS');
        expect(c.reason, c.id).toBe('');
      } else {
        // a fail in words and in colour (white on red), with its reason
        expect(c.badge, c.id).toContain('FAIL');
        expect(c.badgeColour, c.id).toBe('rgb(179, 38, 30)');
        expect(c.reason, c.id).toMatch(/^Fails: \S/);
      }
    }
    const net = cards.find((c) => c.id === 'net-hourly')!;
    expect(net.verdict).toBe('fail');
    expect(Number(net.measured)).toBeGreaterThan(21);
    // the summary counts the cards and names every fail
    const summary = panel.locator('[data-summary]');
    expect(Number(await summary.getAttribute('data-pass'))).toBe(count.pass);
    expect(Number(await summary.getAttribute('data-fail'))).toBe(count.fail);
    expect(Number(await summary.getAttribute('data-cannot-run'))).toBe(count['cannot-run']);
    const said = await foldedText(summary);
    expect(said).toContain(`${count.pass} of ${REALITY_FACTS.length} facts reproduced`);
    expect(said).toContain(`${count.fail} ${count.fail === 1 ? 'fails' : 'fail'}: `);
    for (const c of cards.filter((x) => x.verdict === 'fail')) {
      expect(said).toContain(REALITY_FACTS.find((f) => f.id === c.id)!.title);
    }
    const text = await foldedText(panel);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    await shoot(panel, 'model-page-reality-check-1280');
    expect(rich.problems).toEqual([]);
  });

  it('stops the check on Stop, and on leaving the page, without an error; the workspace then runs', async () => {
    // Runs of the default 26 weeks: the check (several such comparisons, one after another) is
    // still going when it is stopped, and the workspace's own run after it stays lean.
    const slow = await second('?mode=model#replications=4');
    const { page } = slow;
    const panel = page.locator('model-page reality-check');
    await panel.locator('[data-action="run-check"]').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('running');
    expect(await foldedText(panel.locator('.progress'))).toMatch(/Run 1 of \d+ ?: \S/);
    await panel.locator('[data-action="stop-check"]').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('idle');
    expect(await foldedText(panel)).toContain('Stopped before every fact was run');
    const unjudged = await panel
      .locator('[data-fact]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')));
    expect(unjudged).toContain('not-run');
    await shoot(panel, 'model-page-reality-check-stopped');

    // Start again, then leave for the workspace: the check is abandoned and the workspace's
    // own comparison runs to the end.
    await panel.locator('[data-action="run-check"]').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('running');
    await page.locator('mode-nav [data-mode-link="workspace"]').click();
    await expect.poll(() => page.locator('gig-app').getAttribute('data-mode')).toBe('workspace');
    expect(await page.locator('model-page').count()).toBe(0);
    await settled(page, TREE_ROWS);
    expect(slow.problems).toEqual([]);
  });

  it('reads well at 1920×1080', async () => {
    const wide = await second(`?mode=model${VIEW}&payPerHour=24`, {
      width: 1920,
      height: 1080,
    });
    await wide.page.locator('model-page [data-param-doc]').first().waitFor();
    // the current assumptions' value beside the default, where they differ
    const pay = wide.page.locator('model-page [data-param-doc="payPerHour"] [data-current]');
    expect(await pay.getAttribute('data-current')).toBe('24');
    expect(await pay.textContent()).toContain('now 24 $/h');
    expect(await wide.page.locator('model-page [data-current]').count()).toBe(1);
    await wide.page.screenshot({ path: join(SHOTS, 'model-page-top-1920.png') });
    await wide.page.locator('model-page #section-parameters').evaluate((el) => el.scrollIntoView());
    await wide.page.screenshot({ path: join(SHOTS, 'model-page-params-1920.png') });
    for (const id of ['process', 'concepts', 'submodels', 'metrics', 'limits']) {
      await shoot(wide.page.locator(`model-page #section-${id}`), `model-page-section-${id}`);
    }
    expect(wide.problems).toEqual([]);
  });
});
