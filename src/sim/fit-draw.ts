/**
 * Replications over a fit (docs/MODEL.md "Calibration"): a scenario that carries a fit
 * (src/model/scenario-fit.ts) runs replication r with its fitted constants drawn from their
 * fitted distribution, lognormal with the fit's standard errors and correlations, around the
 * values the scenario sets. The draw is keyed by the seed and the replication only (its own
 * purpose, `P.fitDraw`), not by the levers: a baseline and a scenario paired with it (which
 * carries the baseline's fit, `pairedWith`) draw the same constants in replication r, so common
 * random numbers hold and their paired difference includes the fit's uncertainty across
 * replications. A scenario without a fit is returned as it is: the very same run.
 */
import type { Params } from '../model/params';
import type { NumberParamDef } from '../model/param-def';
import { PARAM_BY_ID } from '../model/params';
import type { Scenario } from '../model/scenario';
import { choleskyOf, type ScenarioFit } from '../model/scenario-fit';
import { P } from './constants';
import { normalQuantile, replicationKey, streamKey, uniform } from './random';

/** The standard normal draws of replication `rep` for a fit of `n` constants. */
export function fitNormals(seed: number, rep: number, n: number): number[] {
  const stream = streamKey(replicationKey(seed, rep), 0, P.fitDraw);
  return Array.from({ length: n }, (_, k) => normalQuantile(uniform(stream, k)));
}

/** The log deviations of replication `rep`: L·z scaled by the standard errors. */
export function fitDeviations(fit: ScenarioFit, seed: number, rep: number): number[] {
  const n = fit.constants.length;
  const z = fitNormals(seed, rep, n);
  const L = fit.correlation ? choleskyOf(fit.correlation) : undefined;
  return fit.constants.map((c, i) => {
    if (!L) return c.logSe * z[i];
    let x = 0;
    for (let k = 0; k <= i; k++) x += L[i][k] * z[k];
    return c.logSe * x;
  });
}

function applyDeviations(p: Params, fit: ScenarioFit, dev: readonly number[]): Params {
  const out = { ...p } as Record<string, number | boolean>;
  fit.constants.forEach((c, i) => {
    const def = PARAM_BY_ID.get(c.id) as NumberParamDef;
    const at = out[c.id] as number;
    out[c.id] = Math.min(def.max, Math.max(def.min, at * Math.exp(dev[i])));
  });
  return out as Params;
}

/**
 * Replication `rep` of a scenario as it runs: with a fit, its parameters (and its warm-up's)
 * with the fitted constants drawn, and no fit left (so a second call changes nothing);
 * without one, the scenario itself.
 */
export function drawnScenario(scenario: Scenario, rep: number): Scenario {
  const { fit, ...rest } = scenario;
  if (!fit) return scenario;
  const dev = fitDeviations(fit, scenario.seed, rep);
  return {
    ...rest,
    params: applyDeviations(scenario.params, fit, dev),
    ...(scenario.warmup ? { warmup: applyDeviations(scenario.warmup, fit, dev) } : {}),
  };
}
