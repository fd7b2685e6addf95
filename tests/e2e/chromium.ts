import { chromium, type Browser } from 'playwright-core';

/** How every browser test and benchmark starts Chromium (no Vitest here: scripts use it too). */
/** Debian's Chromium; no test ever downloads a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Starts Debian's Chromium headless with the flags above. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
