/**
 * A fake CompareRunner: comparisons computed in closed form from the scenarios' parameters,
 * so that the explorer's searches can be checked against answers worked out by hand.
 */
import type { CompareRunner } from '../../src/model/contract';
import { METRIC_COUNT, METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import type { Comparison, IntervalArrays, ScenarioSummary } from '../../src/model/results';
import type { Scenario } from '../../src/model/scenario';
import { SupersededError } from '../../src/run/pool';
import { STABLE, plainPeriods } from '../model/period-flags';

export type Model = (s: Scenario) => Partial<Record<MetricId, number>>;

/** Cost rises with pay and block length; on-time rate saturates with pay. */
export const PAY_MODEL: Model = (s) => ({
  costPerPackage: s.params.payPerHour * 0.1 + s.params.blockHours * 0.2,
  onTimeRate: 1 - Math.exp(-s.params.payPerHour / 8),
  driverNetHourly: s.params.payPerHour * 0.8 - s.params.blockHours,
});

/** The smallest pay with on-time rate at least `r` under PAY_MODEL: 1 − e^(−p/8) = r. */
export const payForOnTime = (r: number) => -8 * Math.log(1 - r);

function arrays(values: Float64Array, half: number): IntervalArrays {
  return {
    mean: values,
    low: values.map((v) => v - half * Math.abs(v)),
    high: values.map((v) => v + half * Math.abs(v)),
  };
}

function summary(s: Scenario, model: Model, half: number): ScenarioSummary {
  const v = new Float64Array(METRIC_COUNT);
  for (const [id, x] of Object.entries(model(s))) v[METRIC_INDEX[id as MetricId]] = x;
  const a = arrays(v, half);
  return {
    n: s.replications,
    weeks: 1,
    weekly: a,
    shortRun: a,
    longRun: a,
    peak: a,
    whole: a,
    pool: arrays(new Float64Array(4), 0),
    earnings: new Float64Array(40),
    startWeek: 10,
    periods: plainPeriods(1),
    stability: STABLE,
  };
}

/** A comparison under `model`; intervals ± `half` of each value (relative). */
export function fakeComparison(
  baseline: Scenario,
  scenario: Scenario,
  model: Model,
  half = 0.01,
): Comparison {
  const b = summary(baseline, model, half);
  const s = summary(scenario, model, half);
  const d = s.longRun.mean.map((x, i) => x - b.longRun.mean[i]);
  const delta = arrays(d, half);
  return {
    baseline: b,
    scenario: s,
    delta: { weekly: delta, shortRun: delta, longRun: delta, peak: delta, whole: delta },
  };
}

export interface FakeRunner {
  runner: CompareRunner;
  /** Scenarios compared, in order. */
  calls: Scenario[];
}

/**
 * A runner answering after `delayMs` (0: on the next microtask) and, like the pool, rejecting
 * as superseded when the signal aborts (unless `ignoreSignal`).
 */
export function fakeRunner(
  model: Model = PAY_MODEL,
  options: { delayMs?: number; ignoreSignal?: boolean; half?: number } = {},
): FakeRunner {
  const calls: Scenario[] = [];
  const runner: CompareRunner = (baseline, scenario, onProgress, signal) => {
    calls.push(scenario);
    return new Promise((resolve, reject) => {
      const answer = () => {
        signal?.removeEventListener('abort', stop);
        const c = fakeComparison(baseline, scenario, model, options.half);
        onProgress?.({ done: 2, total: 2, fraction: 1, replications: 1, estimate: c });
        resolve(c);
      };
      const timer = options.delayMs ? setTimeout(answer, options.delayMs) : undefined;
      const stop = () => {
        clearTimeout(timer);
        reject(new SupersededError());
      };
      if (!options.ignoreSignal) signal?.addEventListener('abort', stop, { once: true });
      if (!options.delayMs) queueMicrotask(answer);
    });
  };
  return { runner, calls };
}
