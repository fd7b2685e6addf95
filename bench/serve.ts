/**
 * Serves the app as users get it for the browser benchmarks: a production build in a
 * temporary folder, on a free loopback port of Vite's preview server (which sends the
 * COOP/COEP headers of vite.config.ts, so the page is cross-origin isolated).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

export interface ServedApp {
  /** The app's address, ending in "/". */
  readonly url: string;
  /** Stops the server and removes the build. */
  close(): Promise<void>;
}

export async function serveBuiltApp(): Promise<ServedApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'gigsim-bench-'));
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
    return {
      url,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}
