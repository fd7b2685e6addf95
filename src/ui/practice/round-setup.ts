/**
 * What a practice round compares, as the round's header lists it: against what (the workspace
 * baseline or the default station), over how many weeks and replications, the levers the
 * prompt changes and the situation both runs share, each as a line "label: from → to".
 * Pure, no DOM.
 */
import { PARAM_BY_ID, defaultParams, type Params } from '../../model/params';
import { formatParamValue, type Prompt, type PromptRun } from '../../model/prompts';
import type { Scenario } from '../../model/scenario';

export interface RoundSetup {
  /** Compared with the workspace baseline (a prompt made from the workspace), else the defaults. */
  readonly fromWorkspace: boolean;
  readonly weeks: number;
  /** Whether the round runs longer than the workspace, to keep the short and long run apart. */
  readonly lengthened: boolean;
  readonly replications: number;
  /** The prompt's change, a line per lever. */
  readonly changes: readonly string[];
  /** The situation both runs share (not the change), a line per lever. */
  readonly situation: readonly string[];
}

/** A lever's line: "Pay per block hour: $22/h → $30/h" (no line for an unknown id). */
function line(id: keyof Params, from: number | boolean, to: number | boolean): string[] {
  const def = PARAM_BY_ID.get(id);
  return def ? [`${def.label}: ${formatParamValue(def, from)} → ${formatParamValue(def, to)}`] : [];
}

/** What the round of `prompt` compares (`run`: its pair of runs on the workspace's settings). */
export function roundSetup(
  prompt: Prompt,
  run: PromptRun,
  workspaceBaseline: Scenario,
): RoundSetup {
  // A library prompt starts from the default station; one made from the workspace from
  // the workspace baseline.
  const fromWorkspace = prompt.fromWorkspace === true;
  const reference = fromWorkspace ? workspaceBaseline.params : defaultParams();
  const ids = Object.keys(run.scenario.params) as (keyof Params)[];
  const changed = ids.filter((id) => run.scenario.params[id] !== run.baseline.params[id]);
  const setting = ids.filter(
    (id) => run.baseline.params[id] !== reference[id] && !changed.includes(id),
  );
  return {
    fromWorkspace,
    weeks: run.baseline.weeks,
    lengthened: run.baseline.weeks > workspaceBaseline.weeks && prompt.weeks === undefined,
    replications: run.baseline.replications,
    changes: changed.flatMap((id) => line(id, run.baseline.params[id], run.scenario.params[id])),
    situation: setting.flatMap((id) => line(id, reference[id], run.baseline.params[id])),
  };
}
