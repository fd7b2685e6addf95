/**
 * The events the explorer's tools send up to the explorer view, with their details. They
 * bubble out of a tool's shadow root (composed); the view handles them and stops them there.
 */
import type { AxisForm } from './axis-form';
import type { LeverValues } from './explore-text';
import type { ExplorerTab } from './explorer-tabs';
import type { RunRequest } from './run-session';

export interface ExploreEvents {
  /** A tool asks for a run (grid, sensitivity, goal seek). */
  'explore-run': RunRequest;
  /** The sweep or trade-off tool asks for the shared sweep to run. */
  'sweep-run': { what: ExplorerTab };
  /** The shared sweep's axis was edited. */
  'axis-change': { form: AxisForm };
  /** A point, a cell or goal seek's answer is chosen as the scenario. */
  'scenario-choose': { values: LeverValues };
  /** The run bar's Cancel. */
  'run-cancel': undefined;
  /** The run bar's "Run anyway", for a run the gate asked about. */
  'run-anyway': undefined;
  /** The run bar's SVG or PNG export of the chart shown. */
  'chart-export': { format: 'svg' | 'png' };
}

/** Sends an explorer event up from `from`, out of its shadow root. */
export function emit<K extends keyof ExploreEvents>(
  from: EventTarget,
  type: K,
  detail: ExploreEvents[K],
): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
