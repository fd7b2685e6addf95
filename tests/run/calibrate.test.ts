/**
 * The calibration (issue 17): its optimisers on known functions, and fits to synthetic
 * histories made by the engine from known constants: coverage of the 90% intervals, the
 * hold-out forecast, a constant the data cannot pin down, and the same numbers on the worker
 * pool as in this thread.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../../src/model/params';
import {
  HC,
  historyToCsv,
  parseHistory,
  type StationHistory,
} from '../../src/model/station-history';
import { invert, studentQuantile, symmetricEigenvalues } from '../../src/run/calib-linalg';
import { levenbergMarquardt, nelderMead } from '../../src/run/calib-optimise';
import { inProcessRunner, syntheticHistory } from '../../src/run/calib-synthetic';
import { calibrate, poolHistoryRunner } from '../../src/run/calibrate';
import { createNodePool } from '../../src/run/node';

const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

/** The example's known constants (README: `--make-history` with these `--set`s). */
const EXAMPLE_SETS = { hoursWanted: 7, checksPerHour: 3, applicantsPerWeek: 14, noShowRate: 0.04 };

/** A small station (a quarter of the default) for fits many times over. */
function smallStation(): Params {
  const d = defaultParams();
  return {
    ...d,
    demandPerDay: d.demandPerDay / 4,
    initialDrivers: Math.round(d.initialDrivers / 4),
    applicantsPerWeek: 3,
  };
}

describe('the optimisers', () => {
  it('Nelder–Mead finds the minimum of Rosenbrock’s valley and of an ill-conditioned quadratic', async () => {
    const r = await nelderMead(rosenbrock, [-1.2, 1], { step: 0.5, tolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    // An ill-conditioned quadratic in four dimensions.
    const q = await nelderMead(
      ([a, b, c, d]) => (a - 1) ** 2 + 10 * (b + 2) ** 2 + (c - a) ** 2 + 100 * (d - 0.5) ** 2,
      [0, 0, 0, 0],
      { tolerance: 1e-16, maxEvaluations: 5000 },
    );
    [1, -2, 1, 0.5].forEach((v, i) => expect(q.x[i]).toBeCloseTo(v, 4));
  });

  it('Levenberg–Marquardt solves Rosenbrock as least squares and returns its Jacobian there', async () => {
    const r = await levenbergMarquardt(
      async ([x, y]) => ({ residuals: [10 * (y - x * x), 1 - x], extra: null }),
      [-1.2, 1],
      { step: 1e-6, maxIterations: 100, tolerance: 1e-12 },
    );
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.jacobian[0][0]).toBeCloseTo(-20, 3);
    expect(r.jacobian[1][0]).toBeCloseTo(-1, 5);
    expect(r.evaluations).toBeLessThan(200);
  });

  it('has the linear algebra and quantiles it relies on', () => {
    const inv = invert([
      [4, 1],
      [2, 3],
    ]);
    expect(inv?.[0][0]).toBeCloseTo(0.3, 12);
    expect(
      invert([
        [1, 2],
        [2, 4],
      ]),
    ).toBeUndefined();
    expect(
      symmetricEigenvalues([
        [2, 1],
        [1, 2],
      ]),
    ).toEqual([expect.closeTo(1, 10), expect.closeTo(3, 10)]);
    expect(studentQuantile(0.95, 3)).toBeCloseTo(2.353, 1);
    expect(studentQuantile(0.95, 11)).toBeCloseTo(1.796, 2);
    expect(studentQuantile(0.975, Infinity)).toBeCloseTo(1.96, 3);
  });
});

describe('the calibration on synthetic histories', () => {
  it('ships the example the engine makes from its known constants', () => {
    const text = readFileSync(
      new URL('../../public/examples/station-history.csv', import.meta.url),
      'utf8',
    );
    const made = syntheticHistory({ ...defaultParams(), ...EXAMPLE_SETS }, 26, 7);
    expect(historyToCsv(made)).toBe(text);
  });

  it('covers each of 4 true constants with its 90% interval in at least 85% of 20 histories', async () => {
    const small = smallStation();
    const truth = {
      ...small,
      hoursWanted: 7,
      checksPerHour: 2.6,
      applicantsPerWeek: 3.5,
      noShowRate: 0.04,
    };
    const fit = ['hoursWanted', 'checksPerHour', 'applicantsPerWeek', 'noShowRate'] as const;
    const hits = fit.map(() => 0);
    for (let k = 0; k < 20; k++) {
      const history = syntheticHistory(truth, 12, 5000 + k);
      const r = await calibrate(
        { history, fit: [...fit], replications: 4, holdout: 0, params: small },
        inProcessRunner,
      );
      r.constants.forEach((c, i) => {
        if (truth[fit[i]] >= c.low && truth[fit[i]] <= c.high) hits[i]++;
      });
    }
    // Measured: 19, 20, 20 and 17 of 20.
    for (const h of hits) expect(h).toBeGreaterThanOrEqual(17);
  }, 240_000);

  it('forecasts the held-out weeks of the default-size example within 5% (fill and active drivers)', async () => {
    const text = readFileSync(
      new URL('../../public/examples/station-history.csv', import.meta.url),
      'utf8',
    );
    const parsed = parseHistory(text);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    const r = await calibrate(
      { history: parsed.value, holdout: 4, replications: 8 },
      inProcessRunner,
    );
    const err = (c: string) => r.holdout.find((s) => s.column === c)?.error ?? NaN;
    expect(err('fill_share')).toBeLessThan(0.05);
    expect(err('active_drivers')).toBeLessThan(0.05);
    // The forecast's band holds most held-out weeks (95% intervals, 4 weeks, 2 columns).
    const inside = r.holdout.flatMap((s) =>
      s.observed.map((v, i) => v >= s.low[i] && v <= s.high[i]),
    );
    expect(inside.filter(Boolean).length).toBeGreaterThanOrEqual(inside.length - 3);
  }, 180_000);

  it('flags a constant the history cannot pin down, with the same numbers on the worker pool', async () => {
    const small = smallStation();
    const full = syntheticHistory(small, 10, 4242);
    // No no-shows column: nothing in the file moves with the no-show rate.
    const present = full.present.map((p, c) => p && c !== HC.no_shows);
    const data = Float64Array.from(full.data);
    data.fill(NaN, HC.no_shows * full.weeks, (HC.no_shows + 1) * full.weeks);
    const history: StationHistory = { ...full, data, present };
    const request = {
      history,
      fit: ['hoursWanted', 'noShowRate'],
      replications: 4,
      holdout: 0,
      params: small,
    };
    const here = await calibrate(request, inProcessRunner);
    const pool = createNodePool({ size: 2, cacheScenarios: 2 });
    try {
      const there = await calibrate(request, poolHistoryRunner(pool));
      expect(there.constants).toEqual(here.constants);
    } finally {
      pool.close();
    }
    const [hours, noShows] = here.constants;
    expect(hours.identified).toBe(true);
    expect(noShows.identified).toBe(false);
    expect(noShows.warning).toMatch(/No-shows/);
  }, 180_000);
});
