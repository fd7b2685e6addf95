/**
 * The reality check's runner: runs each stylized fact (src/model/stylized-facts.ts) on the
 * current assumptions, one after another through the app's runner (baseline = the current
 * scenario, scenario = the same with the fact's change), and keeps where each fact stands and
 * how far the whole check has got. Stop (or leaving the page) aborts the comparison in flight
 * and cancels the rest; a run superseded by another part of the app counts as stopped, not as
 * an error. New assumptions clear the verdicts, which belonged to the old ones.
 *
 * No DOM: the element that shows the check (reality-check.ts) is asked to redraw through
 * `requestUpdate` whenever something changed.
 */
import type { CompareProgress, CompareRunner } from '../../model/contract';
import { scenarioToJson, type Scenario } from '../../model/scenario';
import {
  STYLIZED_FACTS,
  applyFact,
  judgeFact,
  type JudgedFact,
  type StylizedFact,
} from '../../model/stylized-facts';
import { isSuperseded } from '../../run/pool';

/** Where one fact stands in a check. */
export type FactState =
  | { status: 'waiting' }
  | { status: 'running'; fraction: number }
  | { status: 'done'; judged: JudgedFact }
  | { status: 'not-applicable'; reason: string }
  | { status: 'failed'; reason: string };

/** The facts checked, in order. */
export const FACTS = STYLIZED_FACTS as readonly StylizedFact[];

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
  /** Which fact is running (-1: none), and how far the whole check has got (0..1). */
  current = -1;
  fraction = 0;
  /** Why the last check ended early, if it did. */
  notice = '';
  /** Whether a check is in flight. */
  running = false;

  /** Bumped to abandon the check in flight: its remaining facts are not run. */
  private token = 0;
  /** Aborts the comparison in flight (a runner that honours it supersedes its run). */
  private abort: AbortController | undefined;
  /** The assumptions the shown verdicts belong to. */
  private checkedKey = '';

  constructor(private readonly host: CheckHost) {}

  /** Runs every fact on `scenario`, one after another. */
  async run(runner: CompareRunner, scenario: Scenario): Promise<void> {
    const token = ++this.token;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const total = FACTS.length;
    this.checkedKey = scenarioKey(scenario);
    this.facts = new Map(FACTS.map((f) => [f.id, { status: 'waiting' }]));
    this.notice = '';
    this.running = true;
    this.fraction = 0;
    this.host.requestUpdate();
    for (let k = 0; k < total; k++) {
      const fact = FACTS[k];
      if (!fact || token !== this.token) return;
      this.current = k;
      this.fraction = k / total;
      const changed = applyFact(fact, scenario);
      if (!changed.ok) {
        this.set(fact.id, { status: 'not-applicable', reason: changed.error });
        continue;
      }
      this.set(fact.id, { status: 'running', fraction: 0 });
      try {
        const onProgress = (p: CompareProgress) => this.progress(token, k, fact, p);
        const comparison = await runner(scenario, changed.value, onProgress, controller.signal);
        if (token !== this.token) return;
        this.set(fact.id, { status: 'done', judged: judgeFact(fact, comparison) });
      } catch (error) {
        if (token !== this.token) return;
        if (isSuperseded(error)) {
          this.stop('Stopped: another part of the app took the simulator. Run the check again.');
          return;
        }
        const reason = error instanceof Error ? error.message : String(error);
        this.set(fact.id, { status: 'failed', reason });
      }
    }
    this.current = -1;
    this.fraction = 1;
    this.running = false;
    this.host.requestUpdate();
  }

  /** Abandons the check in flight (the facts not yet run stay unjudged). */
  stop(notice = 'Stopped before every fact was run.'): void {
    if (!this.running) return;
    this.token++;
    this.abort?.abort();
    this.abort = undefined;
    this.current = -1;
    this.running = false;
    this.notice = notice;
    // Facts not judged go back to "not run yet".
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
    this.checkedKey = '';
    this.notice = 'The assumptions changed: run the check again to judge them.';
    this.host.requestUpdate();
  }

  private progress(token: number, k: number, fact: StylizedFact, p: CompareProgress): void {
    if (token !== this.token) return;
    this.fraction = (k + p.fraction) / FACTS.length;
    this.set(fact.id, { status: 'running', fraction: p.fraction });
  }

  private set(id: string, s: FactState): void {
    const facts = new Map(this.facts);
    facts.set(id, s);
    this.facts = facts;
    this.host.requestUpdate();
  }
}
