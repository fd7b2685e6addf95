/**
 * Property-based fuzzing of every way in (issue 14), a few hundred cases: the runner's flags
 * and scenario files (the runner in-process, the engine on the test's thread), imported files,
 * the saved store, links, and the one number syntax and rule for repeats. `npm run fuzz` runs
 * the same properties on 10,000 cases (tests/fuzz/run.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runLimit } from './harness';
import { PROPERTIES } from './properties';

/** Cases in `npm test`, shared among the properties by weight. */
const CASES = 400;
describe('fuzzing every way in', () => {
  // Small runs only (the small-run property's are about 150,000 driver-days): a valid default
  // run from the mixed flags is counted as skipped here, and simulated by `npm run fuzz`. Put
  // back afterwards: the unit files share their modules (isolate: false in vite.config.ts).
  const limit = runLimit.driverDays;
  beforeAll(() => void (runLimit.driverDays = 300_000));
  afterAll(() => void (runLimit.driverDays = limit));
  for (const p of PROPERTIES) {
    it(p.name, { timeout: 60_000 }, async () => {
      await fc.assert(p.property(), {
        numRuns: p.unitRuns ?? Math.max(6, Math.round(CASES * p.weight)),
      });
    });
  }
});
