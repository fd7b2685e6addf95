import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

export { CHROMIUM_FLAGS, CHROMIUM_PATH, launchBrowser } from './chromium';

const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface AppPage {
  page: Page;
  /** Console errors, uncaught page errors and requests to foreign hosts, in order. */
  problems: string[];
}

/**
 * Opens the app (optionally at a path or query relative to the app's root) and records every
 * console error, uncaught exception and request to a host other than the page's own; such a
 * request is also aborted, so the app is tested as it runs offline.
 */
export async function openApp(
  browser: Browser,
  pathAndQuery = '',
  viewport = { width: 1280, height: 800 },
): Promise<AppPage> {
  const root = new URL(baseUrl());
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
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

/** Saves a full-page screenshot to tests/e2e/screenshots (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
