import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the test files connect to the one Chromium of the run (harness `launchBrowser`). */
    browserEndpoint: string;
  }
}

/**
 * Builds the app as users get it (a production bundle) into a temporary folder and serves it
 * on a free loopback port for the browser tests, and starts the one Chromium every test file
 * connects to: a file then pays for a connection (under 0.2 s) instead of starting a browser
 * and its first page (2 to 3 s on a busy 2-core machine). Each file still works in browser
 * contexts of its own, which `browser.close()` closes as it disconnects.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(join(tmpdir(), 'gigsim-e2e-'));
  const [browserServer] = await Promise.all([
    chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS }),
    build({ logLevel: 'error', build: { outDir, emptyOutDir: true } }),
  ]);
  project.provide('browserEndpoint', browserServer.wsEndpoint());
  const server: PreviewServer = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await browserServer.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  };
}
