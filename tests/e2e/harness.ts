import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { METRICS } from '../../src/model/metrics';

export { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

/**
 * The run's one Chromium (started by global-setup.ts), connected to for this test file. Its
 * `close()` closes the contexts the file opened and disconnects; the browser goes on for the
 * next file.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

/**
 * A download saved to a fresh temporary file, and that file's path (`download.path()` is not
 * available through a connection to the browser).
 */
export async function savedDownload(download: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'gigsim-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

/** The contexts `openApp` opened that `closeApps` has not closed yet. */
const opened = new Set<BrowserContext>();

/**
 * Closes every page `openApp` opened (in this test file) and not closed since: a page left open
 * goes on running in the background and slows the next test. For `afterEach` in files that
 * open a page per test; files that share one page across tests close it with the browser.
 */
export async function closeApps(): Promise<void> {
  const contexts = [...opened];
  opened.clear();
  await Promise.all(contexts.map((c) => c.close()));
}

/**
 * A one-shot flag in the tab's sessionStorage: the next document of the tab starts with its
 * localStorage emptied, before any script of the app runs (see `reopenApp`).
 */
const CLEAR_STORAGE_FLAG = 'gigsim-test-clear-storage';

export interface AppPage {
  page: Page;
  /** Console errors, uncaught page errors and requests to foreign hosts, in order. */
  problems: string[];
}

/**
 * Opens the app (optionally at a path or query relative to the app's root) and records every
 * console error, uncaught exception, violation of the page's Content-Security-Policy and
 * request to a host other than the page's own; such a request is also aborted, so the app is
 * tested as it runs offline.
 */
export async function openApp(
  browser: Browser,
  pathAndQuery = '',
  viewport = { width: 1280, height: 800 },
): Promise<AppPage> {
  const root = new URL(baseUrl());
  const context = await browser.newContext({ viewport });
  opened.add(context);
  context.on('close', () => opened.delete(context));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // Every violation of the page's Content-Security-Policy is a problem (the console reports
  // most of them as errors too; this hears every one, with what was blocked).
  await page.exposeFunction('gigsimCspViolation', (what: string) =>
    problems.push(`CSP violation: ${what}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { gigsimCspViolation(what: string): void })
        .gigsimCspViolation;
      report(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  await page.addInitScript((flag) => {
    if (sessionStorage.getItem(flag) === null) return;
    sessionStorage.removeItem(flag);
    localStorage.clear();
  }, CLEAR_STORAGE_FLAG);
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === root.origin) {
      return route.continue();
    }
    problems.push(`request to a foreign host: ${url.href}`);
    return route.abort();
  });
  await page.goto(new URL(pathAndQuery, root).href);
  return { page, problems };
}

/**
 * Takes a page `openApp` opened back to the app as it opens at `pathAndQuery` (relative to the
 * app's root) and `viewport`: through a blank page (so nothing of the old document runs on or
 * writes its address or storage late) to a fresh load there, with localStorage emptied before
 * the app starts and the problems recorded so far cleared. For files whose tests share one
 * page: this costs far less than a new browser context.
 */
export async function reopenApp(
  app: AppPage,
  pathAndQuery = '',
  viewport = { width: 1280, height: 800 },
): Promise<AppPage> {
  const { page } = app;
  await page.evaluate((flag) => sessionStorage.setItem(flag, '1'), CLEAR_STORAGE_FLAG);
  await page.goto('about:blank');
  app.problems.length = 0;
  await page.setViewportSize(viewport);
  await page.goto(new URL(pathAndQuery, baseUrl()).href);
  return app;
}

/** Saves a full-page screenshot to tests/e2e/screenshots (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The metric tree's rows that show a value: one per metric once a run has finished. */
export const TREE_ROWS = 'metric-tree [data-metric][data-value]';

/**
 * Waits (up to a minute) until the app is idle and `rows` matches exactly one element per
 * metric; by default every `[data-metric]` element on the page, through shadow roots.
 */
export async function settled(page: Page, rows = '[data-metric]'): Promise<void> {
  await expect
    .poll(
      async () =>
        `${await page.locator('gig-app').getAttribute('data-state')} ${await page.locator(rows).count()}`,
      { timeout: 60_000, interval: 100 },
    )
    .toBe(`idle ${METRICS.length}`);
}

export interface DeepTextOptions {
  /** Also every attribute's value (where a NaN in a coordinate or a label would show). */
  attributes?: boolean;
  /** Also the current value of every input field. */
  inputValues?: boolean;
  /** Fold runs of white space into one space. */
  fold?: boolean;
}

/**
 * The text of an element and of every shadow root inside it, in document order (style
 * sheets' text left out), joined by spaces; with options, attribute and input values too.
 */
export function deepText(target: Locator, options: DeepTextOptions = {}): Promise<string> {
  return target.evaluate((root, opts) => {
    const parts: string[] = [];
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (opts.inputValues && node instanceof HTMLInputElement) parts.push(node.value);
      if (node instanceof Element) {
        if (node.localName === 'style') return;
        if (opts.attributes) for (const a of Array.from(node.attributes)) parts.push(a.value);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      node.childNodes.forEach(walk);
    };
    walk(root);
    const text = parts.join(' ');
    return opts.fold ? text.replace(/\s+/g, ' ') : text;
  }, options);
}

/** Run settings and parameter changes for `setScenario`. */
export interface ScenarioChange {
  weeks: number;
  replications: number;
  params?: Record<string, unknown>;
}

/** Sets the app's scenario in the page: these run settings, these parameters changed. */
export async function setScenario(page: Page, change: ScenarioChange): Promise<void> {
  await page.evaluate((c) => {
    const app = document.querySelector('gig-app') as unknown as {
      scenario: { weeks: number; replications: number; params: Record<string, unknown> };
    };
    const s = app.scenario;
    app.scenario = {
      ...s,
      weeks: c.weeks,
      replications: c.replications,
      params: { ...s.params, ...c.params },
    };
  }, change);
}
