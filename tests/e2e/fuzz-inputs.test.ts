/**
 * Browser fuzzing of what a user types and loads (issue 14), in the real page in headless
 * Chromium, one page for the file: text typed into the lever fields (numbers in odd syntaxes,
 * huge, negative, NaN, control characters, long texts), imported scenario files (the import
 * control, any content and file name), and stored values the app reads (the saved scenarios,
 * written as another tab would and announced by a storage event; the autosave, read on a
 * reload of the plain address). After each: no page error, console error or CSP violation,
 * no NaN/undefined/Infinity on screen, messages short and printable; an input the app's own
 * checker refuses shows its message where the input was made, and a valid one runs to the
 * end. Every so often, and at the end, a lever moved through its field reruns to the end.
 *
 * Valid inputs are kept cheap (at most 3 weeks and 3 replications, seed 1 or 2; the levers
 * that size a run at most twice their default): the Node fuzz covers the rest.
 * GIGSIM_FUZZ_RUNS and GIGSIM_FUZZ_SEED run more cases or replay one.
 */
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import type { Scenario } from '../../src/model/scenario';
import { AUTOSAVE_KEY, readAutosave } from '../../src/ui/app/autosave';
import { SAVED_KEY, loadSaved } from '../../src/ui/shared/saved-scenarios';
import { checkText, type Target } from '../../src/ui/workspace/lever-target';
import { readScenarioFile } from '../../src/ui/workspace/scenario-files';
import { PARAM_DEFS, hostileText, jsonText, numberText, paramValueText } from '../fuzz/arbitraries';
import {
  fuzzRuns,
  fuzzSeed,
  idleWithNumbers,
  moveLeverAndRun,
  pageProblems,
  shownMessages,
  followLink,
  withoutParserWords,
} from './fuzz-checks';
import { launchBrowser, openApp } from './harness';

const SMALL = '#weeks=1&replications=2';
const SIZED = new Set(['initialDrivers', 'demandPerDay', 'applicantsPerWeek', 'poolCap']);
const NUMBER_DEFS = PARAM_DEFS.filter((d) => d.kind !== 'boolean');

/** Whether a valid scenario runs in a fraction of a second on the workers' warmed states. */
function cheap(s: Scenario): boolean {
  const sized = NUMBER_DEFS.filter((d) => SIZED.has(d.id)).some(
    (d) => Number(s.params[d.id as never]) > Math.max(2 * Number(d.default), 100),
  );
  return s.weeks <= 3 && s.replications <= 3 && s.seed <= 2 && !sized;
}

/** Odd texts for a field: numbers in every syntax, huge, negative, control characters, long. */
const oddText = fc.oneof(
  numberText,
  hostileText,
  fc.constantFrom('1e308', '-1e308', '9'.repeat(400), '-0', '0.0000001', ' 1 ', '1\u00002', '\t3'),
);

const fieldCase: fc.Arbitrary<{ target: Target; text: string }> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...NUMBER_DEFS)
      .chain((def) =>
        fc
          .oneof(paramValueText(def), oddText)
          .map((text) => ({ target: { kind: 'param', def } as Target, text })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('weeks', 'replications', 'seed'),
        fc.oneof(fc.integer({ min: 1, max: 3 }).map(String), oddText),
      )
      .map(([id, text]) => ({ target: { kind: 'setting', id } as Target, text })),
  },
);

function fieldOf(page: Page, t: Target) {
  return t.kind === 'param'
    ? page.locator(`lever-panel [data-param="${t.def.id}"]`)
    : page.locator(`lever-panel [data-setting="${t.id}"]`);
}

function idOf(t: Target): string {
  return t.kind === 'param' ? t.def.id : t.id;
}

/** The app's scenario. */
function scenarioOf(page: Page): Promise<Scenario> {
  return page.evaluate(() => document.querySelector('gig-app')!.scenario);
}

describe('browser fuzz: lever fields, imported files, stored values', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let pay = 22;
  const counts = { fields: 0, files: 0, stored: 0, refused: 0 };

  async function usable(): Promise<void> {
    pay = pay >= 30 ? 14.5 : pay + 0.5;
    await moveLeverAndRun(page, pay);
  }

  /** Opens every section of the lever panel (so every field can be typed into). */
  async function openSections(): Promise<void> {
    await page.locator('lever-panel details').first().waitFor({ state: 'attached' });
    await page
      .locator('lever-panel details')
      .evaluateAll((els) => els.forEach((e) => ((e as HTMLDetailsElement).open = true)));
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, SMALL));
    await idleWithNumbers(page);
    await openSections();
  });
  afterAll(async () => {
    console.log(
      `browser fuzz, inputs: ${counts.fields} lever entries, ${counts.files} files, ` +
        `${counts.stored} stored values; ${counts.refused} refused with a message`,
    );
    await browser.close();
  });

  it(
    'any text in a lever field: applied and run, or refused beside the field',
    { timeout: 300_000 },
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fieldCase, async ({ target, text }) => {
          const field = fieldOf(page, target);
          await field.fill(text);
          // The field's value as the browser keeps it (a text field drops line breaks).
          const typed = await field.inputValue();
          const r = checkText(target, typed);
          const before = await scenarioOf(page);
          if (r.ok) {
            const next =
              target.kind === 'param'
                ? { ...before, params: { ...before.params, [target.def.id]: r.value } }
                : { ...before, [target.id]: r.value };
            if (!cheap(next as Scenario)) return void (await field.press('Escape'));
          }
          const from = problems.length;
          counts.fields++;
          await field.press('Enter');
          if (r.ok) await idleWithNumbers(page);
          const found = await pageProblems(page, problems, from, typed);
          const said = shownMessages(found.scan, /./);
          const error = page.locator(`lever-panel [data-error="${idOf(target)}"]`);
          if (!r.ok) {
            counts.refused++;
            const why = r.error.replace(/\s+/g, ' ').trim();
            const shown = (await error.count()) === 1 ? await error.innerText() : '';
            if (shown.replace(/\s+/g, ' ').trim() !== why) {
              found.problems.push(
                `the field does not say "${why.slice(0, 80)}" (${said.join(' | ')})`,
              );
            }
            if ((await field.getAttribute('aria-invalid')) !== 'true') {
              found.problems.push('a refused entry is not marked invalid');
            }
            await field.press('Escape');
          } else if ((await error.count()) > 0) {
            found.problems.push(`a valid entry shows "${await error.innerText()}"`);
          }
          expect(found.problems).toEqual([]);
          if (++n % 20 === 0) {
            // Back to a small default view now and then, so the changes do not pile up.
            await followLink(page, `${SMALL}&seed=2`);
            await followLink(page, SMALL);
            await usable();
          }
        }),
        { numRuns: fuzzRuns(20, 0.25), seed: fuzzSeed(), endOnFailure: true },
      );
      await followLink(page, SMALL);
      await usable();
    },
  );

  it(
    'any imported file: imported and run, or a short message naming what is wrong',
    { timeout: 300_000 },
    async () => {
      const input = page.locator('scenario-bar [data-control="import"]');
      const name = fc.oneof(
        fc.constantFrom('scenario.json', 'a.json', `${'n'.repeat(300)}.json`),
        // A file name has no slash or NUL.
        hostileText.map(
          (t) => `${t.replaceAll('/', '_').replaceAll('\\', '_').replaceAll('\u0000', '_')}.json`,
        ),
      );
      const content = fc.oneof(
        { weight: 4, arbitrary: jsonText },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(...NUMBER_DEFS)
            .chain((d) => paramValueText(d).map((v) => [d.id, v] as const))
            .map(
              ([id, v]) =>
                `{"version":1,"seed":1,"weeks":1,"replications":2,"params":{"${id}":${/^[-+.\d]/.test(v) ? v : JSON.stringify(v)}}}`,
            ),
        },
      );
      await fc.assert(
        fc.asyncProperty(name, content, async (fileName, text) => {
          const buffer = Buffer.from(text);
          // The browser holds a file name as well-formed text (a lone surrogate is U+FFFD).
          const r = await readScenarioFile({
            name: wellFormed(fileName),
            size: buffer.length,
            text: () => Promise.resolve(buffer.toString()),
          });
          if (r.ok && !cheap(r.scenario)) return;
          const from = problems.length;
          counts.files++;
          const before = await scenarioOf(page);
          await input.setInputFiles({ name: fileName, mimeType: 'application/json', buffer });
          const message = page.locator('scenario-bar [data-message="file"]');
          const shown = (t: string) => withoutParserWords(t.replace(/\s+/g, ' ').trim());
          const want = shown(r.message);
          await expect.poll(async () => shown(await message.innerText())).toBe(want);
          if (r.ok) await idleWithNumbers(page);
          const found = await pageProblems(page, problems, from, `${fileName} ${text}`);
          if (!r.ok) {
            counts.refused++;
            if ((await message.getAttribute('role')) !== 'alert') {
              found.problems.push('a refused file is not announced as an alert');
            }
            const after = await scenarioOf(page);
            if (JSON.stringify(after) !== JSON.stringify(before)) {
              found.problems.push('a refused file changed the scenario');
            }
          }
          expect(found.problems).toEqual([]);
        }),
        { numRuns: fuzzRuns(25, 0.15), seed: fuzzSeed(), endOnFailure: true },
      );
      await followLink(page, SMALL);
      await usable();
    },
  );

  it('any saved-scenarios store another tab writes: listed, or set aside with a message', async () => {
    const store = fc.oneof(
      jsonText,
      fc.array(fc.tuple(hostileText, jsonText), { maxLength: 3 }).map((items) =>
        JSON.stringify({
          version: 2,
          scenarios: items.map(([name, s], i) => ({ id: `id${i}`, name, scenario: s })),
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(store, async (text) => {
        const from = problems.length;
        counts.stored++;
        await page.evaluate(
          ({ key, text }) => {
            localStorage.setItem(key, text);
            window.dispatchEvent(
              new StorageEvent('storage', { key, newValue: text, storageArea: localStorage }),
            );
            return document.querySelector('gig-app')!.updateComplete;
          },
          { key: SAVED_KEY, text },
        );
        const state = loadSaved({ getItem: () => text, setItem: () => undefined });
        const found = await pageProblems(page, problems, from, text);
        if (state.problem !== undefined) {
          counts.refused++;
          const why = state.problem.replace(/\s+/g, ' ').trim();
          if (!shownMessages(found.scan, /./).some((m) => m.includes(why.slice(0, 60)))) {
            found.problems.push(`no message says "${why.slice(0, 80)}"`);
          }
        }
        expect(found.problems).toEqual([]);
      }),
      { numRuns: fuzzRuns(20, 0.15), seed: fuzzSeed(), endOnFailure: true },
    );
    await page.evaluate((key) => localStorage.removeItem(key), SAVED_KEY);
  });

  it(
    'any autosaved value, read on reopening the plain address: restored, or kept aside with a message',
    { timeout: 300_000 },
    async () => {
      const view = fc.oneof(
        fc.constantFrom(SMALL, `${SMALL}&payPerHour=18`, `${SMALL}&chart=pool`, '#weeks=1'),
        hostileText,
      );
      const stored = fc.oneof(
        { weight: 2, arbitrary: jsonText },
        {
          weight: 3,
          arbitrary: fc
            .tuple(
              fc.constantFrom<unknown>(1, 2, '1', null),
              view,
              fc.constantFrom<unknown>([], null, [{ name: 'NaN', scenario: {} }]),
            )
            .map(([version, v, pins]) => JSON.stringify({ version, view: v, pins })),
        },
      );
      await fc.assert(
        fc.asyncProperty(stored, async (text) => {
          const r = readAutosave(text);
          if (r?.ok && !cheap(r.value.view.scenario)) return;
          counts.stored++;
          await page.evaluate(
            ({ key, text }) => {
              localStorage.clear();
              localStorage.setItem(key, text);
            },
            { key: AUTOSAVE_KEY, text },
          );
          const from = problems.length;
          await page.goto(new URL(page.url()).origin + new URL(page.url()).pathname);
          await page.locator('gig-app').waitFor({ state: 'attached' });
          const notice = r?.ok ? 'restored' : 'unreadable';
          const blank = r?.ok && r.value.view.scenario.weeks === 26;
          if (!blank) await page.locator(`[data-notice="${notice}"]`).waitFor();
          if (r?.ok) await idleWithNumbers(page);
          const found = await pageProblems(page, problems, from, text);
          if (!r?.ok) {
            counts.refused++;
            // The defaults run (26 weeks, 16 replications): stopped by Cancel, which must work.
            const cancel = page.locator('[data-action="cancel-run"]');
            if ((await cancel.count()) > 0) await cancel.click().catch(() => undefined);
            await expect
              .poll(() => page.locator('gig-app').getAttribute('data-state'))
              .toBe('idle');
          }
          expect(found.problems).toEqual([]);
        }),
        { numRuns: fuzzRuns(3, 0.05), seed: fuzzSeed(), endOnFailure: true },
      );
      await page.evaluate(() => localStorage.clear());
      await page.goto(new URL(SMALL, page.url()).href);
      await page.reload();
      await idleWithNumbers(page);
      await openSections();
      await usable();
      expect(problems).toEqual([]);
    },
  );
});

/** `text` with each lone surrogate replaced by U+FFFD, as the browser holds a file name. */
function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}
