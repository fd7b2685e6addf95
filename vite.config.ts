import { defineConfig } from 'vitest/config';

/**
 * Cross-origin isolation in the dev and preview servers: workers then share memory with the
 * page, so a stale run stops mid-run through a shared cell instead of its worker being
 * terminated (src/run/browser.ts). A static host without these headers still runs the app.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative base so the built app works from any folder or file server, offline.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          // A limit against a hung test, not a speed check: a test that takes 5 s alone can
          // take four times that on a busy 2-core machine.
          testTimeout: 30_000,
          // The files share one process and its modules, imported once: a fresh process per
          // file cost about 0.5 s each, some 70 s over the run. A file that changes a shared
          // module's state puts it back (tests/fuzz/fuzz.test.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
          // The files run one after another in one process, which imports the harness and the
          // model's tables once instead of once per file (each file connects to the run's one
          // Chromium and opens its own pages, so no state passes between files but modules').
          isolate: false,
        },
      },
    ],
  },
});
