/**
 * The trade-off explorer's computations in one import: sweeps of one lever and grids of two
 * (sweep-grid.ts), sensitivity (sensitivity.ts) and goal seek (goal-seek.ts, goal-spec.ts,
 * goal-constraints.ts), with the plumbing they share (explorer-runner.ts: options, progress,
 * cancellation, the pool's runner) and the reading of a comparison (metric-value.ts). Written
 * against a `CompareRunner`, so the same code runs on the app's worker pool in the browser and
 * on the Node pool in the headless runner and benchmarks.
 *
 * Every point is a comparison of a scenario with the baseline on the same seed, weeks and
 * replications (common random numbers): a sweep's curve is smooth because neighbouring points
 * share their random draws, and each point's delta is paired. Points run one after another
 * (the pool serves one request at a time).
 */
export {
  ExplorerAbortError,
  isAbortError,
  poolRunner,
  type ExplorerOptions,
  type ExplorerProgress,
} from './explorer-runner';
export { metricFrontier, metricValue, type IntervalValue } from './metric-value';
export { grid, sweep, type GridResult, type SweepOptions, type SweepResult } from './sweep-grid';
export {
  defaultTornadoItems,
  tornado,
  type TornadoEnd,
  type TornadoItem,
  type TornadoResult,
  type TornadoRow,
} from './sensitivity';
export { GOAL_MAX_LEVERS, type GoalConstraint, type GoalLever, type GoalSpec } from './goal-spec';
export { checkConstraint, normalCdf, type ConstraintCheck } from './goal-constraints';
export { goalGridSteps, goalSeek, type GoalPoint, type GoalResult } from './goal-seek';
