/**
 * Station histories made by the engine from known constants (issue 17): the shipped example
 * file (public/examples/station-history.csv, written by `npm run -s sim -- --make-history`),
 * and the synthetic histories the tests fit to recover the constants they were made with.
 */
import type { Params } from '../model/params';
import { SCENARIO_VERSION, type Scenario } from '../model/scenario';
import { HC, HISTORY_COLUMNS, type StationHistory } from '../model/station-history';
import { runReplication } from '../sim/engine';
import type { HistoryRunner } from './calibrate';

/** The history of replication `rep` of a station run for `weeks` weeks on `seed`. */
export function syntheticHistory(
  params: Params,
  weeks: number,
  seed: number,
  rep = 0,
): StationHistory {
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    seed,
    weeks,
    replications: rep + 1,
    params,
  };
  const data = Float64Array.from(runReplication(scenario, rep).history ?? []);
  // Base pay as the station sets it (the engine's realised base pay per paid hour is the same).
  data.fill(params.payPerHour, HC.base_pay * weeks, (HC.base_pay + 1) * weeks);
  return { weeks, firstWeek: params.startWeek, data, present: HISTORY_COLUMNS.map(() => true) };
}

/** Runs replications in this thread (tests; the runner and the app use the worker pool). */
export const inProcessRunner: HistoryRunner = (scenario) =>
  Promise.resolve(
    Array.from(
      { length: scenario.replications },
      (_, r) => runReplication(scenario, r).history ?? new Float64Array(0),
    ),
  );
