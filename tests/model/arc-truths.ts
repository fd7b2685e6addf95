/** Hand-made truths for the arc's tests (tests/model/arc.test.ts, tests/ui/practice). */
import type { MetricId } from '../../src/model/metrics';
import type { RunLength, Truth } from '../../src/model/scoring';
import type { Verdict } from '../../src/model/verdict';

/** A truth with its verdict: better/worse read with the metric's direction by the caller. */
export function truth(
  metric: MetricId,
  run: RunLength,
  delta: number,
  minChange: number,
  verdict: Verdict,
  half = Math.abs(delta) / 10,
): Truth {
  const direction =
    verdict === 'negligible'
      ? 'flat'
      : verdict === 'better' || verdict === 'worse'
        ? delta > 0
          ? 'up'
          : 'down'
        : undefined;
  return {
    metric,
    run,
    delta,
    low: delta - half,
    high: delta + half,
    minChange,
    verdict,
    direction,
  };
}

/** A pay rise as the runs show it: cost up a lot, drivers up in the long run, churn worse. */
export function payRiseTruths(): Truth[] {
  return [
    truth('onTimePackagesPerWeek', 'short', 60, 540, 'negligible'),
    truth('onTimePackagesPerWeek', 'long', 20, 545, 'negligible'),
    truth('costPerPackage', 'short', 0.57, 0.02, 'worse'),
    truth('costPerPackage', 'long', 0.57, 0.02, 'worse'),
    truth('driverNetHourly', 'short', 4, 0.25, 'better'),
    truth('driverNetHourly', 'long', 0.33, 0.25, 'better', 0.3),
    truth('activeDrivers', 'short', 3, 16, 'negligible'),
    truth('activeDrivers', 'long', 40, 16, 'better'),
    truth('weeklyChurnRate', 'short', 0.0001, 0.002, 'negligible'),
    truth('weeklyChurnRate', 'long', 0.006, 0.002, 'worse'),
    truth('fillRate', 'short', 0, 0.005, 'negligible'),
    truth('fillRate', 'long', 0, 0.005, 'negligible'),
  ];
}
