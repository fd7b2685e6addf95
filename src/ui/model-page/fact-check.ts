/**
 * The reality check's runner: plans every fact of src/model/reality-facts.ts on the current
 * assumptions (`planFact`: its setup on both runs, its change on the scenario run), groups the
 * facts that make the same runs (`planKey`), runs one comparison per group, one after another,
 * through the app's runner, and judges each fact of the group on it (`measure`, `judge`).
 * It keeps where each fact stands and how far the whole check has got. Stop (or leaving the
 * page) aborts the comparison in flight and cancels the rest; a run superseded by another
 * part of the app counts as stopped, not as an error. New assumptions clear the verdicts,
 * which belonged to the old ones.
 *
 * No DOM: the element that shows the check (reality-check.ts) is asked to redraw through
 * `requestUpdate` whenever something changed.
 */
import type { CompareProgress, CompareRunner } from '../../model/contract';
import {
  REALITY_FACTS,
  planFact,
  planKey,
  type FactPlan,
  type RealityFact,
} from '../../model/reality-facts';
import { judge, measure, type Judged } from '../../model/reality-measure';
import { scenarioToJson, type Scenario } from '../../model/scenario';
import { isSuperseded } from '../../run/pool';

/** Where one fact stands in a check. */
export type FactState =
  | { status: 'waiting' }
  | { status: 'running'; fraction: number }
  | { status: 'done'; judged: Judged }
  | { status: 'cannot-run'; reason: string };

/** The facts checked, in order. */
export const FACTS: readonly RealityFact[] = REALITY_FACTS;

/** One comparison of a check, and the facts judged on it. */
export interface FactGroup {
  readonly plan: FactPlan;
  readonly facts: readonly RealityFact[];
}

/** What planning the facts on a scenario gives: the comparisons to run, and who cannot run. */
export interface CheckPlan {
  readonly groups: readonly FactGroup[];
  /** Facts that cannot run on these assumptions, with why. */
  readonly cannot: ReadonlyMap<string, string>;
}

/** Plans `facts` on `scenario`: one group per distinct pair of runs, in the facts' order. */
export function planCheck(facts: readonly RealityFact[], scenario: Scenario): CheckPlan {
  const groups = new Map<string, { plan: FactPlan; facts: RealityFact[] }>();
  const cannot = new Map<string, string>();
  for (const fact of facts) {
    const plan = planFact(fact, scenario);
    if (!plan.ok) {
      cannot.set(fact.id, plan.error);
      continue;
    }
    const key = planKey(plan.value);
    const group = groups.get(key);
    if (group) group.facts.push(fact);
    else groups.set(key, { plan: plan.value, facts: [fact] });
  }
  return { groups: [...groups.values()], cannot };
}

/** What a check needs of the element showing it. */
export interface CheckHost {
  /** Something shown changed. */
  requestUpdate(): void;
}

function scenarioKey(s: Scenario): string {
  return JSON.stringify(scenarioToJson(s));
}

export class FactCheck {
  /** Each fact's state in the check shown; a fact not in it has not been run. */
  facts: ReadonlyMap<string, FactState> = new Map();
  /** The comparisons of the check shown (empty before the first run). */
  groups: readonly FactGroup[] = [];
  /** Which comparison is running (-1: none), and how far the whole check has got (0..1). */
  current = -1;
  fraction = 0;
  /** Why the last check ended early, if it did. */
  notice = '';
  /** Whether a check is in flight. */
  running = false;

  /** Bumped to abandon the check in flight: its remaining comparisons are not run. */
  private token = 0;
  /** Aborts the comparison in flight (a runner that honours it supersedes its run). */
  private abort: AbortController | undefined;
  /** The assumptions the shown verdicts belong to. */
  private checkedKey = '';

  constructor(
    private readonly host: CheckHost,
    private readonly all: readonly RealityFact[] = FACTS,
  ) {}

  /** Runs every fact on `scenario`: one comparison per group, one after another. */
  async run(runner: CompareRunner, scenario: Scenario): Promise<void> {
    const token = ++this.token;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const { groups, cannot } = planCheck(this.all, scenario);
    this.groups = groups;
    this.checkedKey = scenarioKey(scenario);
    this.facts = new Map(
      this.all.map((f): [string, FactState] => {
        const reason = cannot.get(f.id);
        return [
          f.id,
          reason === undefined ? { status: 'waiting' } : { status: 'cannot-run', reason },
        ];
      }),
    );
    this.notice = '';
    this.running = true;
    this.fraction = 0;
    this.host.requestUpdate();
    for (let k = 0; k < groups.length; k++) {
      const group = groups[k];
      if (!group || token !== this.token) return;
      this.current = k;
      this.fraction = k / groups.length;
      this.setAll(group, { status: 'running', fraction: 0 });
      try {
        const onProgress = (p: CompareProgress) => this.progress(token, k, group, p);
        const { baseline, scenario: changed, moved } = group.plan;
        const comparison = await runner(baseline, changed, onProgress, controller.signal);
        if (token !== this.token) return;
        const facts = new Map(this.facts);
        for (const f of group.facts) {
          const judged = judge(measure(f.measure, comparison, moved), f.target);
          facts.set(f.id, { status: 'done', judged });
        }
        this.facts = facts;
        this.host.requestUpdate();
      } catch (error) {
        if (token !== this.token) return;
        if (isSuperseded(error)) {
          this.stop('Stopped: another part of the app took the simulator. Run the check again.');
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        this.setAll(group, { status: 'cannot-run', reason: `The run failed: ${message}` });
      }
    }
    this.current = -1;
    this.fraction = 1;
    this.running = false;
    this.host.requestUpdate();
  }

  /** Abandons the check in flight (the facts not yet judged go back to "not run yet"). */
  stop(notice = 'Stopped before every fact was run.'): void {
    if (!this.running) return;
    this.token++;
    this.abort?.abort();
    this.abort = undefined;
    this.current = -1;
    this.running = false;
    this.notice = notice;
    this.facts = new Map(
      [...this.facts].filter(([, s]) => s.status !== 'waiting' && s.status !== 'running'),
    );
    this.host.requestUpdate();
  }

  /** The assumptions are now `scenario`: verdicts judged on others are dropped. */
  assume(scenario: Scenario): void {
    const key = scenarioKey(scenario);
    if (this.checkedKey === '' || key === this.checkedKey) return;
    this.stop('');
    this.facts = new Map();
    this.groups = [];
    this.checkedKey = '';
    this.notice = 'The assumptions changed: run the check again to judge them.';
    this.host.requestUpdate();
  }

  private progress(token: number, k: number, group: FactGroup, p: CompareProgress): void {
    if (token !== this.token) return;
    this.fraction = (k + p.fraction) / this.groups.length;
    this.setAll(group, { status: 'running', fraction: p.fraction });
  }

  private setAll(group: FactGroup, s: FactState): void {
    const facts = new Map(this.facts);
    for (const f of group.facts) facts.set(f.id, s);
    this.facts = facts;
    this.host.requestUpdate();
  }
}
