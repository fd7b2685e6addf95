/**
 * The lever panel in Chromium, through the app page: typed values fire one `scenario-input`
 * with the new scenario, bad values are refused with a message naming the range and fire
 * nothing, resets restore defaults, levers that differ from the baseline are marked, and
 * everything works from the keyboard alone.
 *
 * The events are recorded by a listener on the document (the event bubbles and is composed),
 * so these tests do not depend on how the app reacts to them. The page's runs are the smallest
 * (2 weeks, 2 replications): no test here waits for one. The tests share one page, which each
 * test starts by reloading at the link with its storage emptied: the panel as it opens, with
 * no run of the test before it going on behind it, and no new browser context to pay for.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../../src/model/params';
import type { Scenario } from '../../src/model/scenario';
import type {} from '../../src/ui/app/gig-app';
import type {} from '../../src/ui/workspace/lever-panel';
import { launchBrowser, openApp, reopenApp, screenshot, type AppPage } from './harness';

declare global {
  interface Window {
    leverEvents: Scenario[];
  }
}

/** The smallest run: the panel's events carry these settings. */
const VIEW = '#weeks=2&replications=2';

/** The file's one page, opened by the first `open` and reloaded by each after it. */
let shared: AppPage | undefined;

/**
 * The app as it opens at VIEW, at 1280×800, with nothing stored and no problem recorded yet;
 * records every scenario-input event from then on.
 */
async function open(browser: Browser): Promise<AppPage> {
  shared = shared ? await reopenApp(shared, VIEW) : await openApp(browser, VIEW);
  const { page } = shared;
  expect(await page.evaluate(() => location.hash)).toBe(VIEW);
  await page.locator('lever-panel [data-param="payPerHour"]').waitFor();
  await page.evaluate(() => {
    window.leverEvents = [];
    document.addEventListener('scenario-input', (e) =>
      window.leverEvents.push((e as CustomEvent<{ scenario: Scenario }>).detail.scenario),
    );
  });
  return shared;
}

function events(page: Page): Promise<Scenario[]> {
  return page.evaluate(() => window.leverEvents);
}

/** The parameters that differ from the defaults in a scenario. */
function changes(s: Scenario): Partial<Params> {
  const d = defaultParams() as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(s.params).filter(([k, v]) => d[k] !== v),
  ) as Partial<Params>;
}

/** The id (data-param or data-setting or slider hook) of the element focused, through shadow roots. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return '';
    for (const attr of ['data-param', 'data-param-slider', 'data-setting', 'data-reset']) {
      const v = a.getAttribute(attr);
      if (v !== null) return `${attr}=${v}`;
    }
    return a.tagName.toLowerCase();
  });
}

/** Where an element screenshot goes (beside the harness's full-page ones). */
function shot(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'screenshots', `${name}.png`);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the lever panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows every parameter and setting, policy levers first and open', async () => {
    const { page, problems } = await open(browser);
    const ids = await page
      .locator('lever-panel [data-param]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-param')));
    expect(ids).toEqual(Object.keys(defaultParams()));
    const settings = await page
      .locator('lever-panel [data-setting]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-setting')));
    expect(settings).toEqual(['seed', 'weeks', 'replications']);
    // Policy is open, the other groups start closed.
    expect(await page.locator('lever-panel [data-param="payPerHour"]').isVisible()).toBe(true);
    expect(await page.locator('lever-panel [data-param="demandPerDay"]').isVisible()).toBe(false);
    await expect
      .poll(() => page.locator('lever-panel [data-differs-count]').textContent())
      .toContain('No lever differs from baseline');
    // Meaning and source show on hover (and on focus, tested with the keyboard below).
    const help = page.locator('lever-panel #h-p-blockHours');
    expect(await help.isVisible()).toBe(false);
    await page.locator('lever-panel label[for="f-p-blockHours"]').hover();
    expect(await help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('Reported Flex blocks');
    expect(
      await page.locator('lever-panel [data-param="blockHours"]').getAttribute('aria-describedby'),
    ).toContain('h-p-blockHours');
    expect(problems).toEqual([]);
  });

  it('fires one event with the new scenario when a value is typed', async () => {
    const { page, problems } = await open(browser);
    const field = page.locator('lever-panel [data-param="payPerHour"]');
    await field.fill('30');
    await field.press('Enter');
    await pause(800); // longer than the typing pause, which must not fire a second time
    const got = await events(page);
    expect(got).toHaveLength(1);
    expect(changes(got[0]!)).toEqual({ payPerHour: 30 });
    expect(got[0]).toMatchObject({ version: 1, seed: 1, weeks: 2, replications: 2 });
    // The slider follows the field.
    expect(await page.locator('lever-panel [data-param-slider="payPerHour"]').inputValue()).toBe(
      '30',
    );

    // A pause in typing applies the value too, and a second lever builds on the first.
    const block = page.locator('lever-panel [data-param="blockHours"]');
    await block.fill('5');
    await expect.poll(async () => (await events(page)).length).toBe(2);
    await block.press('Tab');
    await pause(600);
    const after = await events(page);
    expect(after).toHaveLength(2);
    expect(changes(after[1]!)).toEqual({ payPerHour: 30, blockHours: 5 });
    expect(problems).toEqual([]);
  });

  it('refuses an out-of-range or malformed value with a message naming the range, firing nothing', async () => {
    const { page, problems } = await open(browser);
    const field = page.locator('lever-panel [data-param="payPerHour"]');
    await field.fill('80');
    await field.press('Enter');
    const error = page.locator('lever-panel [data-error="payPerHour"]');
    await expect.poll(() => error.textContent()).toContain('10 to 60');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    expect(await field.inputValue()).toBe('80'); // the field keeps what was typed
    // The last good value stays in force: the slider still shows it.
    expect(await page.locator('lever-panel [data-param-slider="payPerHour"]').inputValue()).toBe(
      '22',
    );

    await field.fill('2x');
    await field.press('Tab');
    await expect.poll(() => error.textContent()).toContain('must be a number from 10 to 60');
    expect(await field.inputValue()).toBe('2x');

    const weeks = page.locator('lever-panel [data-setting="weeks"]');
    await page.locator('lever-panel details[data-group="settings"] summary').click();
    await weeks.fill('2.5');
    await weeks.press('Enter');
    await expect
      .poll(() => page.locator('lever-panel [data-error="weeks"]').textContent())
      .toContain('whole number from 1 to 104');
    await pause(700);
    expect(await events(page)).toEqual([]);

    // Correcting the text clears the message and applies the value.
    await field.fill('25');
    await field.press('Enter');
    expect(await error.count()).toBe(0);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    const got = await events(page);
    expect(got).toHaveLength(1);
    expect(changes(got[0]!)).toEqual({ payPerHour: 25 });
    expect(problems).toEqual([]);
  });

  it('resets a lever to its default, and the reset is disabled at the default', async () => {
    const { page, problems } = await open(browser);
    const reset = page.locator('lever-panel [data-reset="releaseLeadDays"]');
    expect(await reset.isDisabled()).toBe(true);
    expect(await reset.textContent()).toContain('default 2');
    const field = page.locator('lever-panel [data-param="releaseLeadDays"]');
    await field.fill('7');
    await field.press('Enter');
    expect(await reset.isDisabled()).toBe(false);
    await reset.click();
    expect(await field.inputValue()).toBe('2');
    expect(await reset.isDisabled()).toBe(true);
    const got = await events(page);
    expect(got.map((s) => s.params.releaseLeadDays)).toEqual([7, 2]);
    expect(changes(got[1]!)).toEqual({});

    // The surge switch resets the same way.
    const surge = page.locator('lever-panel [data-param="surgeEnabled"]');
    await surge.uncheck();
    expect(changes((await events(page))[2]!)).toEqual({ surgeEnabled: false });
    await page.locator('lever-panel [data-reset="surgeEnabled"]').click();
    expect(await surge.isChecked()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('marks the levers that differ from the baseline and resets them all to it', async () => {
    const { page, problems } = await open(browser);
    await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      const b = app.baseline;
      app.baseline = { ...b, params: { ...b.params, payPerHour: 25, demandPerDay: 9000 } };
      await app.updateComplete;
    });
    const marker = page.locator('lever-panel [data-differs="payPerHour"]');
    await expect.poll(() => marker.textContent()).toContain('changed: baseline 25 $/h');
    const count = page.locator('lever-panel [data-differs-count]');
    expect(await count.textContent()).toContain('2 levers differ from baseline');
    expect(await count.getAttribute('data-differs-count')).toBe('2');
    // A closed group says how many of its levers differ.
    expect(
      await page.locator('lever-panel details[data-group="market"] summary').textContent(),
    ).toContain('1 changed');

    // Typing the baseline's value removes the marker.
    const field = page.locator('lever-panel [data-param="payPerHour"]');
    await field.fill('25');
    await field.press('Enter');
    expect(await marker.count()).toBe(0);
    expect(await count.textContent()).toContain('1 lever differs from baseline');

    await page.locator('lever-panel [data-reset-all]').click();
    expect(await count.textContent()).toContain('No lever differs from baseline');
    expect(await page.locator('lever-panel [data-reset-all]').isDisabled()).toBe(true);
    const got = await events(page);
    expect(changes(got.at(-1)!)).toEqual({ payPerHour: 25, demandPerDay: 9000 });
    expect(problems).toEqual([]);
  });

  it('keeps text being typed when the app hands back the scenario the panel fired', async () => {
    const { page, problems } = await open(browser);
    const pay = page.locator('lever-panel [data-param="payPerHour"]');
    await pay.fill('30');
    await pay.press('Enter');
    const lead = page.locator('lever-panel [data-param="releaseLeadDays"]');
    await lead.fill('15');
    await pause(900); // past the app's debounce and the panel's typing pause
    expect(await lead.inputValue()).toBe('15');
    expect(
      await page.locator('lever-panel [data-error="releaseLeadDays"]').textContent(),
    ).toContain('0 to 14');
    expect(await pay.inputValue()).toBe('30');
    expect((await events(page)).map(changes)).toEqual([{ payPerHour: 30 }]);
    expect(problems).toEqual([]);
  });

  it('shows a saved scenario when it is loaded, though the panel made it before the last edit', async () => {
    const { page, problems } = await open(browser);
    const pay = page.locator('lever-panel [data-param="payPerHour"]');
    const saveAs = async (name: string) => {
      await page.locator('scenario-bar [data-control="save-name"]').fill(name);
      await page.locator('scenario-bar [data-action="save"]').click();
    };
    await pay.fill('26');
    await pay.press('Enter');
    await saveAs('A26');
    await pay.fill('18');
    await pay.press('Enter');
    await saveAs('B18');
    await page.locator('scenario-bar [data-control="saved"]').selectOption('A26');
    await page.locator('scenario-bar [data-action="load-saved"]').click();
    await expect.poll(() => pay.inputValue()).toBe('26');
    // The next edit builds on the loaded scenario, not on the one typed before it.
    const tips = page.locator('lever-panel [data-param="tipsPerHour"]');
    await tips.fill('2');
    await tips.press('Enter');
    expect(changes((await events(page)).at(-1)!)).toEqual({ payPerHour: 26, tipsPerHour: 2 });
    expect(problems).toEqual([]);
  });

  it('takes a scenario handed in from outside, such as a preset or a link', async () => {
    const { page, problems } = await open(browser);
    await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      const s = app.scenario;
      app.scenario = { ...s, params: { ...s.params, payPerHour: 40 } };
      await app.updateComplete;
    });
    await expect
      .poll(() => page.locator('lever-panel [data-param="payPerHour"]').inputValue())
      .toBe('40');
    expect(await events(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('works from the keyboard alone: Tab to a field, type, arrow keys on field and slider', async () => {
    const { page, problems } = await open(browser);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 30 && (await focused(page)) !== 'data-param=payPerHour'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(page)).toBe('data-param=payPerHour');
    // Its meaning and source show while it has focus.
    const help = page.locator('lever-panel #h-p-payPerHour');
    expect(await help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('Source:');
    await page.keyboard.press('Escape');
    expect(await help.isVisible()).toBe(false);

    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('26');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    expect(
      (await events(page)).map((s) => s.params.payPerHour),
      'typed, then one step up',
    ).toEqual([26, 26.5]);

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('data-param-slider=payPerHour');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect((await events(page)).map((s) => s.params.payPerHour)).toEqual([26, 26.5, 27, 27.5, 27]);
    expect(await page.locator('lever-panel [data-param="payPerHour"]').inputValue()).toBe('27');

    // A closed group opens with Enter on its heading; a wide-range slider steps from its value.
    const market = page.locator('lever-panel details[data-group="market"] summary');
    await market.focus();
    await page.keyboard.press('Enter');
    const demand = page.locator('lever-panel [data-param-slider="demandPerDay"]');
    await demand.focus();
    await page.keyboard.press('ArrowRight');
    const last = (await events(page)).at(-1)!;
    expect(last.params.demandPerDay).toBeGreaterThan(8000);
    expect(last.params.demandPerDay).toBeLessThan(9000);
    expect(await demand.getAttribute('aria-valuetext')).toBe(
      `${last.params.demandPerDay.toLocaleString('en-US')} packages`,
    );
    expect(problems).toEqual([]);
  });

  it('fits the policy levers in the side column at 1280×800', async () => {
    const { page, problems } = await open(browser);
    const panel = page.locator('lever-panel');
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeLessThanOrEqual(22 * 16);
    // No control spills out of the panel sideways.
    const overflow = await page.locator('lever-panel').evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.shadowRoot!.querySelectorAll('input, button, label')]
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .filter((c) => c.getBoundingClientRect().right > right + 0.5)
        .map((c) => c.outerHTML.slice(0, 80));
    });
    expect(overflow).toEqual([]);
    await screenshot(page, 'lever-panel-page');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'lever-panel-page-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
    await panel.screenshot({ path: shot('lever-panel') });

    // With levers that differ, a refused value and the help of a focused field on screen.
    await page.evaluate(async () => {
      const app = document.querySelector('gig-app')!;
      const b = app.baseline;
      app.baseline = { ...b, params: { ...b.params, payPerHour: 25, surgeCap: 2 } };
      await app.updateComplete;
    });
    await page.locator('lever-panel [data-param="blockHours"]').fill('12');
    await page.locator('lever-panel [data-param="blockHours"]').press('Enter');
    await page.locator('lever-panel [data-param="surgeEnabled"]').uncheck();
    await page.locator('lever-panel [data-param="releaseLeadDays"]').focus();
    await page.locator('lever-panel [data-param="surgeEnabled"]').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: shot('lever-panel-states') });

    // The other groups and the settings, opened, in a page tall enough to show them all.
    for (const g of ['market', 'operations', 'behaviour', 'settings']) {
      await page.locator(`lever-panel details[data-group="${g}"] summary`).click();
    }
    await page.setViewportSize({ width: 1280, height: 4200 });
    await page.locator('lever-panel [data-setting="seed"]').focus();
    for (const g of ['market', 'operations', 'behaviour', 'settings']) {
      await page
        .locator(`lever-panel details[data-group="${g}"]`)
        .screenshot({ path: shot(`lever-panel-${g}`) });
    }
    expect(problems).toEqual([]);
  });
});
