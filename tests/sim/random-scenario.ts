import seedrandom from 'seedrandom';
import { PARAMS, type ParamDef } from '../../src/model/params';
import { parseScenario, type Scenario } from '../../src/model/scenario';

/** A random valid scenario, small enough to run quickly, drawn from every parameter's range. */
export function randomScenario(rng: seedrandom.PRNG): Scenario {
  const small: Record<string, [number, number]> = {
    initialDrivers: [0, 400],
    demandPerDay: [100, 4000],
    applicantsPerWeek: [0, 120],
    poolCap: [0, 500],
  };
  const params: Record<string, number | boolean> = {};
  for (const p of PARAMS as readonly ParamDef[]) {
    if (p.kind === 'boolean') {
      params[p.id] = rng() < 0.5;
      continue;
    }
    const [lo, hi] = small[p.id] ?? [p.min, p.max];
    const x = lo + (hi - lo) * rng();
    params[p.id] = p.kind === 'integer' ? Math.round(x) : x;
  }
  const r = parseScenario({
    seed: Math.floor(rng() * 1e6),
    weeks: 1 + Math.floor(rng() * 6),
    params,
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
