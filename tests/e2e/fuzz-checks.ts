/**
 * The checks the browser fuzz (tests/e2e/fuzz-*.test.ts) makes after every generated input
 * (issue 14), and the page-side helpers they share:
 *
 * - no page error, console error or Content-Security-Policy violation since the last check
 *   (the harness's `problems`, openApp in harness.ts);
 * - no "NaN", "undefined", "Infinity" or "[object …]" in any text on the page, shadow roots
 *   included (a word the input itself holds may be echoed back: a saved scenario named "NaN"
 *   is shown by its name, a refused "Infinity" is quoted in its message);
 * - every message on screen (`role=alert|status`, `data-notice`, `data-message`, `data-error`)
 *   is one printable line of at most MAX_MESSAGE_CHARS and quotes at most a short excerpt of
 *   the input (no run of EXCERPT_LIMIT of its characters).
 *
 * `fuzzSeed` and `fuzzRuns` read GIGSIM_FUZZ_SEED and GIGSIM_FUZZ_RUNS (npm run fuzz's browser
 * section sets them to run more cases, or to replay a failure).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { METRICS } from '../../src/model/metrics';

/** Longest message the checks allow (the excerpt rule keeps every app message far below). */
export const MAX_MESSAGE_CHARS = 600;
/** A run of this many characters of the input in a message is more than a short excerpt. */
export const EXCERPT_LIMIT = 80;

/** The page's text, gathered through its shadow roots. */
export interface ScreenScan {
  /** All text outside messages (style sheets and scripts left out). */
  readonly text: string;
  /** Each message element's text (white space folded) and whether it shows. */
  readonly messages: readonly { readonly text: string; readonly visible: boolean }[];
}

const MESSAGE_SELECTOR =
  '[role="alert"], [role="status"], [data-notice], [data-message]:not(details), [data-error]';

/** Reads the whole page's text, shadow roots included, messages apart. */
export function scanScreen(page: Page): Promise<ScreenScan> {
  return page.evaluate((selector) => {
    const text: string[] = [];
    const messages: { text: string; visible: boolean }[] = [];
    const walk = (node: Node, into: string[]): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        into.push(node.textContent ?? '');
        return;
      }
      if (node instanceof Element) {
        if (node.localName === 'style' || node.localName === 'script') return;
        if (node.matches(selector) && into === text) {
          const own: string[] = [];
          if (node.shadowRoot) walk(node.shadowRoot, own);
          node.childNodes.forEach((c) => walk(c, own));
          messages.push({
            text: own.join(' ').replace(/\s+/g, ' ').trim(),
            visible: node.checkVisibility(),
          });
          return;
        }
        if (node.shadowRoot) walk(node.shadowRoot, into);
      }
      node.childNodes.forEach((c) => walk(c, into));
    };
    walk(document.documentElement, text);
    return { text: text.join(' '), messages };
  }, MESSAGE_SELECTOR);
}

const BAD_WORDS = /\b(NaN|undefined|-?Infinity)\b|\[object \w+\]/g;
// Control characters (other than white space) and bidi overrides: a message must escape them.
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The words of BAD_WORDS in `text` that `input` does not hold itself. */
function badWords(text: string, input: string): string[] {
  const lower = input.toLowerCase();
  return [...text.matchAll(BAD_WORDS)]
    .map((m) => m[0])
    .filter((w) => !lower.includes(w.replace(/^-/, '').toLowerCase()));
}

/** A run of EXCERPT_LIMIT characters of `input` that `message` holds, or undefined. */
function longQuote(message: string, input: string): string | undefined {
  const folded = input.replace(/\s+/g, ' ');
  for (let at = 0; at + EXCERPT_LIMIT <= folded.length; at += EXCERPT_LIMIT / 2) {
    const piece = folded.slice(at, at + EXCERPT_LIMIT);
    if (message.includes(piece)) return piece;
  }
  return undefined;
}

/** What is wrong with the page after `input` (empty when nothing is). */
export function screenProblems(scan: ScreenScan, input: string): string[] {
  const out: string[] = [];
  const words = badWords(scan.text, input);
  if (words.length > 0) out.push(`the page shows ${[...new Set(words)].join(', ')}`);
  for (const m of scan.messages) {
    if (!m.visible) continue;
    const shown = m.text.slice(0, 120);
    const w = badWords(m.text, input);
    if (w.length > 0) out.push(`a message shows ${w.join(', ')}: "${shown}"`);
    if (m.text.length > MAX_MESSAGE_CHARS) {
      out.push(`a message is ${m.text.length} characters long: "${shown}…"`);
    }
    const bad = UNPRINTABLE.exec(m.text);
    if (bad) out.push(`a message holds U+${bad[0].charCodeAt(0).toString(16)}: "${shown}"`);
    const q = longQuote(m.text, input);
    if (q !== undefined) out.push(`a message quotes more than a short excerpt of the input`);
  }
  return out;
}

/** The messages on screen whose text matches `pattern`. */
export function shownMessages(scan: ScreenScan, pattern: RegExp): string[] {
  return scan.messages.filter((m) => m.visible && pattern.test(m.text)).map((m) => m.text);
}

/**
 * Everything wrong after `input`: the page's problems since `from` (an index into `problems`)
 * and the screen's. Returns the list; the caller fails the case when it is not empty.
 */
export async function pageProblems(
  page: Page,
  problems: readonly string[],
  from: number,
  input: string,
): Promise<{ problems: string[]; scan: ScreenScan }> {
  const scan = await scanScreen(page);
  return { problems: [...problems.slice(from), ...screenProblems(scan, input)], scan };
}

/** Waits until the app is idle with a value for every metric in the tree (one round trip). */
export async function idleWithNumbers(page: Page, timeout = 60_000): Promise<void> {
  const got = await page.evaluate(
    ({ want, timeout }) =>
      new Promise<string>((resolve) => {
        const until = performance.now() + timeout;
        const look = (): void => {
          const app = document.querySelector('gig-app');
          const tree = app?.shadowRoot?.querySelector('metric-tree');
          const rows = tree?.shadowRoot?.querySelectorAll('[data-metric][data-value]').length;
          const now = `${app?.getAttribute('data-state')} ${rows ?? 0}`;
          if (now === want || performance.now() > until) resolve(now);
          else setTimeout(look, 20);
        };
        look();
      }),
    { want: `idle ${METRICS.length}`, timeout },
  );
  if (got !== `idle ${METRICS.length}`) {
    throw new Error(`the app did not settle in ${timeout} ms: ${got}, not idle ${METRICS.length}`);
  }
}

/**
 * Proves the page usable: types a pay into the lever field, and waits for the run on it to
 * finish with every metric shown. `pay` must differ from the pay in force.
 */
export async function moveLeverAndRun(page: Page, pay: number): Promise<void> {
  const field = page.locator('lever-panel [data-param="payPerHour"]');
  await field.fill(String(pay));
  await field.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.querySelector('gig-app')!.scenario.params.payPerHour))
    .toBe(pay);
  await idleWithNumbers(page);
}

/** Runs per property: `base`, or GIGSIM_FUZZ_RUNS shared by `weight` when it is set. */
export function fuzzRuns(base: number, weight = 1): number {
  const n = Number(process.env.GIGSIM_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? Math.max(1, Math.round(n * weight)) : base;
}

/** The seed `npm test` fuzzes with, so that every run of the suite tries the same cases. */
export const TEST_FUZZ_SEED = 20261130;

/**
 * The seed of the fuzz: GIGSIM_FUZZ_SEED (npm run fuzz -- --browser sets a fresh one, or the one
 * to replay), else TEST_FUZZ_SEED.
 */
export function fuzzSeed(): number {
  const n = Number(process.env.GIGSIM_FUZZ_SEED);
  return process.env.GIGSIM_FUZZ_SEED !== undefined && Number.isInteger(n) ? n : TEST_FUZZ_SEED;
}

/**
 * A message with the JSON parser's own words left out: "it is not JSON (…)" quotes the error
 * of the JavaScript engine that parsed it, and Node's V8 and Chromium's word it differently
 * (Chromium adds the line and column), so a message worked out in Node and the page's are
 * compared without it.
 */
export function withoutParserWords(message: string): string {
  return message.replace(/it is not JSON \(.*?\)\./, 'it is not JSON (…).');
}

/**
 * Sets the URL's hash as a link would, waits for the app to take it (if it changed), and
 * returns the hash the page then shows.
 */
export function followLink(page: Page, hash: string): Promise<string> {
  return page.evaluate(async (h) => {
    const before = location.href;
    const changed = new Promise<void>((resolve) =>
      window.addEventListener('hashchange', () => resolve(), { once: true }),
    );
    location.hash = h;
    if (location.href !== before) await changed;
    await document.querySelector('gig-app')!.updateComplete;
    return location.hash;
  }, hash);
}
