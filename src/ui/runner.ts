/**
 * How a part of the app other than the workspace runs a comparison: on the app's one worker
 * pool, which serves one request at a time (a new request supersedes the one in flight, whose
 * promise then rejects with an error for which `isSuperseded` from src/run/pool.ts is true).
 */
import type { CompareProgress } from '../model/contract';
import type { Comparison } from '../model/results';
import type { Scenario } from '../model/scenario';

export type CompareRunner = (
  baseline: Scenario,
  scenario: Scenario,
  onProgress?: (progress: CompareProgress) => void,
) => Promise<Comparison>;
