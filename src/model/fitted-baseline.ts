/**
 * The station a calibration fitted, as a scenario (issue 17): the base scenario's settings, the
 * fitted parameters, and the fit (src/model/scenario-fit.ts), so that each replication draws the
 * fitted constants over their uncertainty. Calibrate mode's "Use as baseline" and the runner's
 * `--save-baseline` both make it.
 */
import type { CalibrationResult } from './calibration';
import { defaultParams, type Params } from './params';
import type { Scenario } from './scenario';
import { fitFromCovariance } from './scenario-fit';

export function fittedBaseline(base: Scenario, r: CalibrationResult): Scenario {
  const params = { ...defaultParams(), ...r.params } as Params;
  const values = params as unknown as Record<string, number>;
  const fit = fitFromCovariance(
    r.constants.map((c) => ({ id: c.id, value: values[c.id], logSe: c.logSe })),
    r.covariance,
  );
  return { ...base, params, fit };
}
