/**
 * Undo, history, autosave and pins in Chromium, lean (8 weeks, 2 replications): Back and
 * Ctrl+Z step back through lever changes and Forward / Ctrl+Shift+Z / Ctrl+Y redo them, with
 * the same numbers on screen each time; the view autosaves and a reload of the plain address
 * restores it (a link wins over it; an unreadable one gives a message and is kept aside); text
 * typed in a lever field is applied before another lever's change; the preset menu starts at
 * "Presets…"; pinned scenarios show side by side with the baseline. The tests share one page,
 * reloaded at the small link with its storage emptied before each.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import { AUTOSAVE_BACKUP_PREFIX, AUTOSAVE_KEY } from '../../src/ui/app/autosave';
import { TREE_ROWS, launchBrowser, openApp, reopenApp, settled, type AppPage } from './harness';

/**
 * The tests' run: what they compare are the numbers shown before and after a step (the same,
 * or not), and the signs of pins' deltas, which two replications give as well as four, with
 * half the warm-ups at each load.
 */
const SMALL = '#weeks=8&replications=2';

/** The value and interval the metric tree shows for the North Star and fill rate. */
function shownNumbers(page: Page): Promise<string[]> {
  return page
    .locator(
      'metric-tree [data-metric="onTimePackagesPerWeek"][data-value], metric-tree [data-metric="fillRate"][data-value]',
    )
    .evaluateAll((els) =>
      els.map((e) =>
        ['data-value', 'data-delta', 'data-ci-low', 'data-ci-high']
          .map((a) => e.getAttribute(a))
          .join(' '),
      ),
    );
}

function hash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}

async function typeLever(page: Page, id: string, value: string): Promise<void> {
  const field = page.locator(`lever-panel [data-param="${id}"]`);
  await field.fill(value);
  await field.press('Enter');
  await expect
    .poll(() =>
      page.evaluate((k) => {
        const params = document.querySelector('gig-app')!.scenario.params;
        return String(params[k as keyof typeof params]);
      }, id),
    )
    .toBe(value);
  await settled(page, TREE_ROWS);
}

/** Presses a key with the focus on the page's body (not in a text field). */
async function press(page: Page, keys: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(keys);
}

describe('undo, history, autosave and pins', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  /** The file's one page: opened by the first test, reloaded at SMALL by each after it. */
  let shared: AppPage | undefined;
  async function open(): Promise<AppPage> {
    shared = shared ? await reopenApp(shared, `/${SMALL}`) : await openApp(browser, `/${SMALL}`);
    return shared;
  }

  it('steps back and forward through lever changes with the same numbers, and restores them after a reload', async () => {
    const { page, problems } = await open();
    await settled(page, TREE_ROWS);
    // No preset is shown as applied on first load.
    expect(await page.locator('scenario-bar [data-control="preset"]').inputValue()).toBe('');
    const start = await shownNumbers(page);
    await typeLever(page, 'payPerHour', '27');
    const pay = await shownNumbers(page);
    await page.waitForTimeout(1100); // past the coalescing window: the next change is an entry
    await typeLever(page, 'blockHours', '4');
    const both = await shownNumbers(page);
    expect(new Set([start.join(), pay.join(), both.join()]).size).toBe(3);

    await page.goBack();
    await expect.poll(() => hash(page)).toBe(`#payPerHour=27&${SMALL.slice(1)}`);
    await settled(page, TREE_ROWS);
    expect(await shownNumbers(page)).toEqual(pay);
    await press(page, 'Control+z');
    await expect.poll(() => hash(page)).toBe(SMALL);
    await settled(page, TREE_ROWS);
    expect(await shownNumbers(page)).toEqual(start);
    // Undo never leaves the app.
    await press(page, 'Control+z');
    await page.waitForTimeout(300);
    expect(page.url()).toContain(SMALL);
    await press(page, 'Control+Shift+Z');
    await expect.poll(() => hash(page)).toContain('payPerHour=27');
    await press(page, 'Control+y');
    await expect.poll(() => hash(page)).toContain('blockHours=4');
    await settled(page, TREE_ROWS);
    expect(await shownNumbers(page)).toEqual(both);

    // The plain address restores the autosaved view, with a way back to the defaults.
    await page.goto(new URL('/', page.url()).href);
    await settled(page, TREE_ROWS);
    expect(await hash(page)).toContain('payPerHour=27&blockHours=4');
    expect(await shownNumbers(page)).toEqual(both);
    const note = page.locator('[data-notice="restored"]');
    expect(await note.textContent()).toContain('Restored your last scenario');
    await note.locator('[data-action="start-fresh"]').click();
    await expect.poll(() => hash(page)).toBe('');
    // A link wins over the autosave.
    await page.goto(new URL(`/${SMALL}&payPerHour=30`, page.url()).href);
    await settled(page, TREE_ROWS);
    expect(await hash(page)).toBe(`${SMALL}&payPerHour=30`);
    expect(
      await page.evaluate(() => document.querySelector('gig-app')!.scenario.params.payPerHour),
    ).toBe(30);
    expect(await page.locator('[data-notice="restored"]').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 180_000);

  it('applies typed text before another lever moves, and is not idle while it waits', async () => {
    const { page, problems } = await open();
    await settled(page, TREE_ROWS);
    // Typed, no Enter, no blur: then a slider moves (as a click that does not take the focus).
    await page.locator('lever-panel [data-param="blockHours"]').evaluate((el: HTMLInputElement) => {
      el.value = '5';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.locator('gig-app').getAttribute('data-state')).toBe('running');
    await page
      .locator('lever-panel [data-param-slider="surgeStep"]')
      .evaluate((el: HTMLInputElement) => {
        el.value = String(Number(el.value) + 10);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await settled(page, TREE_ROWS);
    const scenario = await page.evaluate(() => document.querySelector('gig-app')!.scenario.params);
    expect(scenario.blockHours).toBe(5);
    expect(scenario.surgeStep).not.toBe(0.1);
    expect(await hash(page)).toContain('blockHours=5');
    expect(problems).toEqual([]);
  }, 180_000);

  it('shows pinned scenarios side by side with the baseline', async () => {
    const { page, problems } = await open();
    await settled(page, TREE_ROWS);
    await typeLever(page, 'payPerHour', '26');
    await page.locator('pinned-scenarios [data-action="pin"]').click();
    await typeLever(page, 'payPerHour', '19');
    await page.locator('pinned-scenarios [data-action="pin"]').click();
    await typeLever(page, 'payPerHour', '22');
    const cells = page.locator('pinned-scenarios td[data-metric="driverNetHourly"][data-value]');
    await expect.poll(() => cells.count(), { timeout: 60_000 }).toBe(3);
    const values = await cells.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-slide'), Number(e.getAttribute('data-delta'))]),
    );
    // Current (the baseline's levers), Pin A ($26), Pin B ($19): net hourly moves with pay.
    expect(values.map(([slide]) => slide)).toEqual(['0', '1', '2']);
    expect(values[0]![1]).toBe(0);
    expect(values[1]![1]).toBeGreaterThan(1);
    expect(values[2]![1]).toBeLessThan(-1);
    // The pins are autosaved: a reload of the plain address brings them back.
    await page.goto(new URL('/', page.url()).href);
    await expect.poll(() => cells.count(), { timeout: 60_000 }).toBe(3);
    await page.locator('pinned-scenarios [data-action="unpin"][data-slide="1"]').click();
    await expect.poll(() => cells.count()).toBe(2);
    expect(problems).toEqual([]);
  }, 180_000);

  it('says an unreadable autosave could not be restored and keeps it aside', async () => {
    const { page, problems } = await open();
    await page.evaluate(
      (key) => localStorage.setItem(key, '{"version":1,"view":"#x=1"'),
      AUTOSAVE_KEY,
    );
    await page.goto(new URL('/', page.url()).href);
    const note = page.locator('[data-notice="unreadable"]');
    await expect.poll(() => note.textContent()).toContain('could not be restored');
    expect(await note.textContent()).toContain(`${AUTOSAVE_BACKUP_PREFIX}.1`);
    expect(
      await page.evaluate((key) => localStorage.getItem(key), `${AUTOSAVE_BACKUP_PREFIX}.1`),
    ).toBe('{"version":1,"view":"#x=1"');
    await settled(page, TREE_ROWS);
    expect(problems).toEqual([]);
  }, 180_000);
});
