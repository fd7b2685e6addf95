/**
 * The instability flag in words: when a scenario's backlog keeps growing (src/sim/stability.ts),
 * one plain sentence for the workspace and the printed summary. Pure: no DOM.
 */
import {
  BACKLOG_GROWTH_MIN,
  BACKLOG_SLOPE_MIN,
  type Comparison,
  type Stability,
} from '../../model/results';

const days = (x: number, digits = 2): string =>
  `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;

/** The flag's sentence for one side, or '' when its backlog is not growing. */
export function stabilityText(s: Stability, who: 'scenario' | 'baseline'): string {
  if (!s.unstable) return '';
  const interval =
    Number.isFinite(s.growth.low) && s.growth.low !== s.growth.high
      ? ` [${days(s.growth.low)}, ${days(s.growth.high)}]`
      : '';
  return (
    `Unstable ${who}: the backlog keeps growing. In ${s.growing} of ${s.n} replications the ` +
    `packages waiting at day’s end grew by more than ${BACKLOG_GROWTH_MIN} days of demand ` +
    `from the short run to the long run, or still rose by more than ${BACKLOG_SLOPE_MIN} ` +
    `a week across the long-run weeks (growth ${days(s.growth.mean)}${interval} days, ` +
    `slope ${days(s.slope.mean, 3)} days a week). The station is not keeping up: long-run ` +
    `numbers describe a queue that has not settled.`
  );
}

/** The flag in one short sentence (the printed summary), or '' when the backlog is not growing. */
export function stabilityLine(s: Stability, who: 'scenario' | 'baseline'): string {
  if (!s.unstable) return '';
  return (
    `Unstable ${who}: backlog growing (${s.growing} of ${s.n} replications, ` +
    `${days(s.growth.mean)} days of demand).`
  );
}

/** The flags of a comparison: the scenario's, then the baseline's, each only when unstable. */
export function stabilityFlags(c: Comparison): { who: 'scenario' | 'baseline'; text: string }[] {
  const out: { who: 'scenario' | 'baseline'; text: string }[] = [];
  const s = stabilityText(c.scenario.stability, 'scenario');
  if (s) out.push({ who: 'scenario', text: s });
  const b = stabilityText(c.baseline.stability, 'baseline');
  if (b) out.push({ who: 'baseline', text: b });
  return out;
}
