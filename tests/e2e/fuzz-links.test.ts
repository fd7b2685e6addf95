/**
 * Browser fuzzing of links (issue 14): generated hashes (every key: levers, `b.<id>`, seed,
 * weeks, replications, chart, metric, `t.<metric>`, `m.<metric>`; valid, edge and hostile
 * values; hostile keys and whole texts) and `?mode=` queries, driven into the real page in
 * headless Chromium, one page for the file, navigated by hash change (and by history entries
 * for the query, so nothing reloads). After each: no page error, console error or CSP
 * violation, no NaN/undefined/Infinity on screen, messages short and printable; a link the
 * app's own decoder refuses shows "This link could not be used: <why>" and leaves the view;
 * a valid one runs to the end and is what the URL then shows. Every 25 cases and at the end, a
 * lever moved through its field reruns to the end. First, planted failures prove the checks.
 *
 * Valid links are kept cheap (at most 3 weeks and 3 replications, a seed of 1–3, no baseline
 * lever that sizes the warm-up): they run in a fraction of a second. GIGSIM_FUZZ_RUNS and
 * GIGSIM_FUZZ_SEED run more cases or replay one (npm run fuzz -- --browser).
 */
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/app/gig-app';
import type { Params } from '../../src/model/params';
import { APP_MODES } from '../../src/ui/app/app-mode';
import { CHART_IDS, decodeView, encodeView, type ViewState } from '../../src/ui/app/view-state';
import {
  METRIC_IDS,
  PARAM_DEFS,
  PROTO_NAMES,
  hostileText,
  linkText,
  numberText,
  paramValueText,
} from '../fuzz/arbitraries';
import {
  fuzzRuns,
  fuzzSeed,
  idleWithNumbers,
  moveLeverAndRun,
  pageProblems,
  scanScreen,
  screenProblems,
  shownMessages,
  followLink,
} from './fuzz-checks';
import { launchBrowser, openApp } from './harness';

const SMALL = '#weeks=1&replications=2';
/** Parameters whose size sets a run's cost: never changed in a baseline (its warm-up) here. */
const SIZED = new Set(['initialDrivers', 'demandPerDay', 'applicantsPerWeek', 'poolCap']);
const CHEAP_DEFS = PARAM_DEFS.filter((d) => !SIZED.has(d.id));

/** Percent-encoded where it can be (a lone surrogate cannot: left as it is). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

const entry: fc.Arbitrary<[string, string]> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...PARAM_DEFS)
      .chain((d) => paramValueText(d).map((v): [string, string] => [d.id, v])),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...CHEAP_DEFS)
      .chain((d) => paramValueText(d).map((v): [string, string] => [`b.${d.id}`, v])),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom('seed', 'weeks', 'replications'),
      fc.oneof(fc.integer({ min: 1, max: 3 }).map(String), numberText, hostileText),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constant('chart'), fc.oneof(fc.constantFrom(...CHART_IDS), hostileText)),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constant('metric'),
      fc.oneof(fc.constantFrom(...METRIC_IDS), hostileText),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc
        .tuple(fc.constantFrom('t.', 'm.'), fc.constantFrom(...METRIC_IDS))
        .map(([p, id]) => p + id),
      fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }).map(String), numberText),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.oneof(
        fc.constantFrom(...PROTO_NAMES, 'b.__proto__', 't.toString', 'm.constructor'),
        hostileText,
      ),
      fc.oneof(numberText, hostileText),
    ),
  },
);

/** A link's hash: generated entries (small run settings added where absent), or any text. */
const hashText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(fc.array(entry, { maxLength: 4 }), fc.boolean()).map(([pairs, encoded]) => {
      const keys = new Set(pairs.map(([k]) => k));
      if (!keys.has('weeks')) pairs.push(['weeks', '1']);
      if (!keys.has('replications')) pairs.push(['replications', '2']);
      const e = encoded ? encode : (t: string) => t;
      return `#${pairs.map(([k, v]) => `${e(k)}=${e(v)}`).join('&')}`;
    }),
  },
  { weight: 1, arbitrary: linkText },
);

/**
 * Whether a valid view runs in a fraction of a second: a short run on a warmed state the
 * workers hold (the baseline at the defaults, seed 1 or 2). A baseline lever or another seed
 * means a warm-up of half a year per replication: the Node fuzz covers those links.
 */
function cheap(v: ViewState): boolean {
  const s = v.scenario;
  const baselineMoved = PARAM_DEFS.some(
    (d) => v.baseline.params[d.id as keyof Params] !== d.default,
  );
  return s.weeks <= 3 && s.replications <= 3 && s.seed <= 2 && !baselineMoved;
}

describe('browser fuzz: links', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let pay = 22;
  const cases = { valid: 0, refused: 0, skipped: 0 };

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, SMALL));
    await idleWithNumbers(page);
  });
  afterAll(async () => {
    console.log(
      `browser fuzz, links: ${cases.valid} valid, ${cases.refused} refused, ` +
        `${cases.skipped} valid but costly (not followed)`,
    );
    await browser.close();
  });

  async function usable(): Promise<void> {
    pay = pay >= 30 ? 14.5 : pay + 0.5;
    await moveLeverAndRun(page, pay);
  }

  it('the checks catch a planted NaN, page error, CSP violation and long message', async () => {
    const from = problems.length;
    await page.evaluate(() => {
      const tree = document.querySelector('gig-app')!.shadowRoot!.querySelector('metric-tree')!;
      const planted = document.createElement('span');
      planted.id = 'planted';
      planted.textContent = 'on time NaN%';
      tree.shadowRoot!.append(planted);
      const message = document.createElement('p');
      message.id = 'planted-message';
      message.setAttribute('role', 'alert');
      message.textContent = `bad: ${'x'.repeat(700)}\u001b[31m`;
      document.body.append(message);
      setTimeout(() => {
        throw new Error('planted page error');
      });
      const s = document.createElement('script');
      s.textContent = 'globalThis.plantedScript = 1';
      document.body.append(s);
    });
    await expect.poll(() => problems.slice(from).join('\n')).toMatch(/CSP violation/);
    await expect.poll(() => problems.slice(from).join('\n')).toMatch(/planted page error/);
    const found = await pageProblems(page, problems, from, 'x'.repeat(700));
    const text = found.problems.join('\n');
    expect(text).toMatch(/page error: planted page error/);
    expect(text).toMatch(/CSP violation: script-src/);
    expect(text).toMatch(/the page shows NaN/);
    expect(text).toMatch(/a message is 7\d\d characters long/);
    expect(text).toMatch(/a message holds U\+1b/);
    expect(text).toMatch(/quotes more than a short excerpt/);
    // The input's own word may be echoed; the clean page has nothing to report.
    await page.evaluate(() => {
      document
        .querySelector('gig-app')!
        .shadowRoot!.querySelector('metric-tree')!
        .shadowRoot!.getElementById('planted')!
        .remove();
      document.getElementById('planted-message')!.remove();
    });
    expect(screenProblems(await scanScreen(page), '')).toEqual([]);
    problems.length = from;
  });

  it('a valid link to the view shown after a refused one clears the refusal (found by the fuzz)', async () => {
    await followLink(page, `${SMALL}&nope=1`);
    expect(shownMessages(await scanScreen(page), /could not be used/)).toHaveLength(1);
    await followLink(page, SMALL);
    expect(shownMessages(await scanScreen(page), /could not be used/)).toEqual([]);
  });

  it(
    'any link: runs, or says what is wrong and keeps the view; never an error or a NaN',
    { timeout: 300_000 },
    async () => {
      let n = 0;
      const t0 = performance.now();
      await fc.assert(
        fc.asyncProperty(hashText, async (hash) => {
          // A valid but costly link is not followed (the Node fuzz covers it): the hash as the
          // browser will hold it decides, as URL parsing gives it here too.
          const pre = decodeView(new URL(`#${hash.replace(/^#/, '')}`, 'http://h/').hash);
          if (pre.ok && !cheap(pre.value)) return void cases.skipped++;
          const from = problems.length;
          const shown = await followLink(page, hash);
          const r = decodeView(shown);
          if (r.ok) {
            cases.valid++;
            await idleWithNumbers(page);
            const view = await page.evaluate(() => document.querySelector('gig-app')!.view);
            expect(encodeView(view)).toBe(encodeView(r.value));
          } else {
            cases.refused++;
            await expect
              .poll(() => page.locator('gig-app').getAttribute('data-state'))
              .toBe('idle');
          }
          const found = await pageProblems(page, problems, from, decodeURIComponentSafe(shown));
          if (!r.ok) {
            const said = shownMessages(found.scan, /^This link could not be used: /);
            const why = r.error.replace(/\s+/g, ' ').trim();
            if (!said.some((m) => m.includes(why))) {
              found.problems.push(
                `no message says "${why.slice(0, 100)}"; shown: ${said.join(' | ')}`,
              );
            }
          } else if (shownMessages(found.scan, /could not be used/).length > 0) {
            found.problems.push('a valid link shows a message that it could not be used');
          }
          expect(found.problems).toEqual([]);
          if (++n % 25 === 0) await usable();
        }),
        { numRuns: fuzzRuns(60, 0.35), seed: fuzzSeed(), endOnFailure: true },
      );
      console.log(`links: ${n} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await usable();
    },
  );

  it('any mode in the query: shown, or the workspace with a message naming it', async () => {
    const mode = fc.oneof(
      // The other modes run comparisons of their own at full size: the model page only.
      { weight: 2, arbitrary: fc.constantFrom('', 'workspace', 'model') },
      { weight: 3, arbitrary: hostileText },
    );
    await fc.assert(
      fc.asyncProperty(mode, async (m) => {
        const from = problems.length;
        const search = `?mode=${encode(m)}`;
        const asked = await page.evaluate(async (s) => {
          history.pushState(null, '', `${s}${location.hash}`);
          window.dispatchEvent(new PopStateEvent('popstate'));
          await document.querySelector('gig-app')!.updateComplete;
          return new URLSearchParams(location.search).get('mode') ?? '';
        }, search);
        const found = await pageProblems(page, problems, from, asked);
        const known = (APP_MODES as readonly string[]).includes(asked) || asked === '';
        const said = shownMessages(found.scan, /does not exist/);
        if (!known && said.length !== 1)
          found.problems.push(`no message names mode "${asked.slice(0, 40)}"`);
        if (known && said.length > 0) found.problems.push(`mode "${asked}" is said not to exist`);
        expect(found.problems).toEqual([]);
      }),
      { numRuns: fuzzRuns(8, 0.05), seed: fuzzSeed(), endOnFailure: true },
    );
    await page.evaluate(async () => {
      history.pushState(null, '', `${location.pathname}${location.hash}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await document.querySelector('gig-app')!.updateComplete;
    });
    await usable();
    expect(problems).toEqual([]);
  });
});

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
