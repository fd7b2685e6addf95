/**
 * The benchmarks' fixed configurations: the default station (small) and a metro area
 * (large), 25 times the station in drivers, demand and applicants, over a year.
 */
import { defaultParams } from '../src/model/params';
import { defaultScenario, withParams, type Scenario } from '../src/model/scenario';

function scenario(base: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(base, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The default scenario: about 800 drivers, 26 weeks. */
export const STATION = defaultScenario();

/** A metro area: 20,000 drivers at the start, 52 weeks. */
export const METRO = scenario(
  { ...defaultScenario(), weeks: 52 },
  {
    initialDrivers: 20000,
    demandPerDay: 200000,
    applicantsPerWeek: 25 * defaultParams().applicantsPerWeek,
  },
);
