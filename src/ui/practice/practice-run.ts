/**
 * Runs a practice round's pair on the app's workers, through the run gate
 * (src/ui/shared/run-gate.ts): asks before a round over the time budget ("Run anyway"),
 * shows progress, can be cancelled (the run stops on the workers), and drops an answer that
 * arrives after the candidate moved on.
 */
import type { PromptRun } from '../../model/prompts';
import type { Comparison } from '../../model/results';
import { isSuperseded } from '../../run/pool';
import { decideRun, pairPlan } from '../shared/run-gate';
import type { CompareRunner } from '../shared/runner';

/** What the running step shows. */
export interface RunState {
  readonly progress: number;
  readonly text: string;
  /** The run gate's estimate, in words. */
  readonly estimate: string;
  /** "Run anyway" when the gate asked before the round. */
  readonly gateLabel: string;
}

/** The part of practice mode a run reads and writes. */
export interface RunHost {
  step: string;
  notice: string;
  run: RunState;
  runs: number;
  abort: AbortController | undefined;
}

/** Runs the pair; the comparison, or undefined when the gate stopped it, it failed or was dropped. */
export async function runPractice(
  host: RunHost,
  runner: CompareRunner,
  pair: PromptRun,
  anyway: boolean,
): Promise<Comparison | undefined> {
  const gate = decideRun(pairPlan(pair.baseline, pair.scenario, 'This round'), anyway, false);
  host.run = { ...host.run, estimate: gate.note, gateLabel: gate.label };
  if (!gate.start) {
    host.notice = gate.notice;
    return undefined;
  }
  const token = ++host.runs;
  const back = host.step;
  host.step = 'running';
  host.notice = '';
  host.run = { ...host.run, progress: 0, text: 'Starting…' };
  host.abort = new AbortController();
  try {
    const comparison = await runner(
      pair.baseline,
      pair.scenario,
      (p) => {
        if (token !== host.runs) return;
        host.run = {
          ...host.run,
          progress: Number.isFinite(p.fraction) ? p.fraction : 0,
          text: `${p.done} of ${p.total} replications simulated`,
        };
      },
      host.abort.signal,
    );
    return token === host.runs ? comparison : undefined;
  } catch (error) {
    if (token !== host.runs) return undefined;
    host.step = back;
    host.notice = isSuperseded(error)
      ? 'The run was interrupted by another run on the same workers; your answers are kept: run it again.'
      : `The simulation failed: ${error instanceof Error ? error.message : String(error)}`;
    return undefined;
  }
}

/** Cancel: the round's run stops on the workers; the answers stay, to run again. */
export function cancelPractice(host: RunHost): void {
  host.runs++;
  host.abort?.abort();
  host.abort = undefined;
  host.step = 'call';
  host.notice = 'Cancelled. Your answers are kept: run the round again when ready.';
}
