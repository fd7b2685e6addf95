/**
 * The app's modes in Chromium: the header's navigation switches between the workspace,
 * practice, presentation and the model page by click and by keyboard; the mode is in the URL
 * (a link opens it, a reload keeps it, back and forward move between modes) while the view's
 * hash stays as it was; and the workspace shares the pool with the modes without getting stuck.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_INDEX } from '../../src/model/metrics';
import { APP_MODES } from '../../src/ui/app/app-mode';
import type {} from '../../src/ui/app/gig-app';
import { closeApps, launchBrowser, openApp, screenshot, settled, TREE_ROWS } from './harness';

/** Small runs, so the tests stay quick. */
const VIEW = '#weeks=8&replications=4';

function mode(page: Page): Promise<string | null> {
  return page.locator('gig-app').getAttribute('data-mode');
}

function location(page: Page): Promise<{ search: string; hash: string }> {
  return page.evaluate(() => ({ search: window.location.search, hash: window.location.hash }));
}

/** Which mode link is marked as the current page. */
function current(page: Page): Promise<string[]> {
  return page
    .locator('mode-nav [aria-current="page"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-mode-link') ?? ''));
}

describe('the app modes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  // A page per test, closed after it: nothing of it runs on behind the next test.
  afterEach(closeApps);

  it('switch by click and by keyboard, live in the URL, survive a reload, and follow back/forward', async () => {
    const { page, problems } = await openApp(browser, VIEW);
    await settled(page, TREE_ROWS);
    expect(await mode(page)).toBe('workspace');
    expect(await current(page)).toEqual(['workspace']);
    await page.screenshot({
      path: await screenshot(page, 'modes-workspace'),
      clip: { x: 0, y: 0, width: 1280, height: 300 },
    });

    // Click: practice mode, the hash kept.
    await page.locator('mode-nav [data-mode-link="practice"]').click();
    await expect.poll(() => mode(page)).toBe('practice');
    expect(await location(page)).toEqual({ search: '?mode=practice', hash: VIEW });
    expect(await page.locator('gig-app practice-mode').count()).toBe(1);
    expect(await page.locator('gig-app lever-panel').count()).toBe(0);
    expect(await current(page)).toEqual(['practice']);

    // Keyboard: arrows move along the links, Enter opens one.
    await page.locator('mode-nav [data-mode-link="practice"]').focus();
    for (let k = APP_MODES.indexOf('practice'); k < APP_MODES.indexOf('model'); k++) {
      await page.keyboard.press('ArrowRight');
    }
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector('gig-app')
            ?.shadowRoot?.querySelector('mode-nav')
            ?.shadowRoot?.activeElement?.getAttribute('data-mode-link') ?? '',
      ),
    ).toBe('model');
    await page.keyboard.press('Enter');
    await expect.poll(() => mode(page)).toBe('model');
    expect(await location(page)).toEqual({ search: '?mode=model', hash: VIEW });
    expect(await page.locator('gig-app model-page').count()).toBe(1);
    await page.keyboard.press('Home');
    for (let k = 0; k < APP_MODES.indexOf('present'); k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => mode(page)).toBe('present');
    expect(await page.locator('gig-app presentation-mode').count()).toBe(1);

    // A reload keeps the mode and the view.
    await page.reload();
    await expect.poll(() => mode(page)).toBe('present');
    expect(await location(page)).toEqual({ search: '?mode=present', hash: VIEW });
    expect(await current(page)).toEqual(['present']);
    const { replications, weeks } = await page.evaluate(() => {
      const s = document.querySelector('gig-app')!.scenario;
      return { replications: s.replications, weeks: s.weeks };
    });
    expect({ replications, weeks }).toEqual({ replications: 4, weeks: 8 });

    // Back and forward move between the modes visited.
    await page.goBack();
    await expect.poll(() => mode(page)).toBe('model');
    await page.goBack();
    await expect.poll(() => mode(page)).toBe('practice');
    await page.goBack();
    await expect.poll(() => mode(page)).toBe('workspace');
    expect(await location(page)).toEqual({ search: '', hash: VIEW });
    await settled(page, TREE_ROWS);
    await page.goForward();
    await expect.poll(() => mode(page)).toBe('practice');
    expect(await current(page)).toEqual(['practice']);

    // A link opens a mode directly.
    const other = await openApp(browser, `?mode=model${VIEW}`);
    await expect.poll(() => mode(other.page)).toBe('model');
    expect(await other.page.locator('gig-app model-page').count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'modes-practice');
    expect([...problems, ...other.problems]).toEqual([]);
  });

  it('names an unknown mode in a link and shows the workspace', async () => {
    const { page, problems } = await openApp(browser, `?mode=slides${VIEW}`);
    await settled(page, TREE_ROWS);
    expect(await mode(page)).toBe('workspace');
    const notice = page.locator('gig-app [data-notice="mode"]');
    await expect.poll(() => notice.textContent()).toContain('"slides"');
    expect(problems).toEqual([]);
  });

  it('keeps the workspace from being stuck when a mode’s run supersedes it, and reruns it on return', async () => {
    // A lean run of the default 26 weeks (4 replications): the mode's run supersedes the
    // workspace's in the same task as it starts, before any answer of the workers can arrive.
    const { page, problems } = await openApp(browser, '#replications=4');
    await settled(page, TREE_ROWS);
    const runsBefore = await page.evaluate(() => performance.getEntriesByName('gigsim:run').length);
    expect(runsBefore).toBe(1);

    // A lever change starts a workspace run; before it finishes the user goes to practice
    // mode, whose own run supersedes it.
    const superseded = await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      app.scenario = { ...app.scenario, params: { ...app.scenario.params, payPerHour: 27 } };
      await app.updateComplete;
      if (app.getAttribute('data-state') !== 'running') throw new Error('no run started');
      app.selectMode('practice');
      await app.updateComplete;
      const other = { ...app.baseline, params: { ...app.baseline.params, blockHours: 5 } };
      await app.runner(app.baseline, other);
      // The workspace's run never reached its final answer (its mark is cleared at each start).
      return performance.getEntriesByName('gigsim:final').length === 0;
    });
    expect(superseded).toBe(true);
    expect(await page.locator('gig-app').getAttribute('data-state')).toBe('idle');

    // While another mode shows, a new view from the URL does not start the workspace's run.
    const runId = () =>
      page.evaluate(() => {
        const marks = performance.getEntriesByName('gigsim:run') as PerformanceMark[];
        return Number(marks[marks.length - 1]?.detail);
      });
    const before = await runId();
    await page.evaluate(async () => {
      window.location.hash = '#payPerHour=28&weeks=8&replications=4';
      await new Promise((resolve) =>
        window.addEventListener('hashchange', resolve, { once: true }),
      );
      await document.querySelector('gig-app')!.updateComplete;
    });
    expect(
      await page.evaluate(() => document.querySelector('gig-app')!.scenario.params.payPerHour),
    ).toBe(28);
    expect(await page.locator('gig-app').getAttribute('data-state')).toBe('idle');
    expect(await runId()).toBe(before);

    // Back in the workspace, the comparison reruns for the current pair and is final.
    await page.locator('mode-nav [data-mode-link="workspace"]').click();
    await settled(page, TREE_ROWS);
    expect(await runId()).toBeGreaterThan(before);
    const direct = await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      const c = await app.runner(app.baseline, app.scenario);
      return Array.from(c.scenario.longRun.mean);
    });
    const shown = await page
      .locator('metric-tree [data-metric="fillRate"][data-value]')
      .first()
      .getAttribute('data-value');
    expect(Number(shown)).toBe(direct[METRIC_INDEX.fillRate]);
    // Coming back to a workspace whose answer is final does not rerun it.
    const after = await runId();
    await page.locator('mode-nav [data-mode-link="practice"]').click();
    await expect.poll(() => mode(page)).toBe('practice');
    await page.locator('mode-nav [data-mode-link="workspace"]').click();
    await expect.poll(() => mode(page)).toBe('workspace');
    await settled(page, TREE_ROWS);
    expect(await runId()).toBe(after);
    expect(problems).toEqual([]);
  });
});
