/**
 * The reality check in words: each verdict's icon and name, each part's verdict as a phrase,
 * a period of the run ("weeks 1–4"), a fact's change as a line, the summary of a check
 * ("2 reproduced, 1 inconclusive of 4") and the notes on run settings that weaken it.
 * Pure, no DOM.
 */
import { LONG_RUN_WEEKS, SHORT_RUN_WEEKS } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import type { AppliedChange, ExpectationVerdict, Run } from '../../model/stylized-facts';
import { withUnit } from '../shared/lever-values';
import type { FactState } from './fact-check';

/** A fact's verdict as the hook `data-verdict` carries it. */
export type ShownVerdict =
  ExpectationVerdict | 'not-applicable' | 'failed' | 'waiting' | 'running' | 'not-run';

export const VERDICT_WORDS: Readonly<Record<ShownVerdict, { icon: string; text: string }>> = {
  reproduced: { icon: '✓', text: 'Reproduced' },
  inconclusive: { icon: '?', text: 'Inconclusive' },
  contradicted: { icon: '✗', text: 'Contradicted' },
  unknown: { icon: '–', text: 'No estimate' },
  'not-applicable': { icon: '–', text: 'Not applicable' },
  failed: { icon: '!', text: 'Run failed' },
  waiting: { icon: '…', text: 'Waiting' },
  running: { icon: '…', text: 'Running' },
  'not-run': { icon: '', text: 'Not run yet' },
};

/** An expectation's verdict as a phrase. */
export const PART_WORDS: Readonly<Record<ExpectationVerdict, string>> = {
  reproduced: 'as expected',
  inconclusive: 'interval includes zero',
  contradicted: 'opposite direction',
  unknown: 'no estimate',
};

/** A fading effect's verdict as a phrase. */
export function fadeWords(verdict: ExpectationVerdict): string {
  if (verdict === 'reproduced') return 'smaller later';
  if (verdict === 'contradicted') return 'not smaller later';
  return PART_WORDS[verdict];
}

/** The weeks a period covers in a run of `weeks`: "weeks 1–4", "weeks 19–26", "week 1". */
export function periodText(run: Run, weeks: number): string {
  if (run === 'short') return `weeks 1–${Math.min(SHORT_RUN_WEEKS, weeks)}`;
  if (run === 'long') {
    const from = Math.max(1, weeks - LONG_RUN_WEEKS + 1);
    return from === weeks ? `week ${weeks}` : `weeks ${from}–${weeks}`;
  }
  if (run === 'peak') return 'the calendar peak weeks';
  return `whole run (${weeks} weeks)`;
}

/** A fact's change to one lever: "Pay per block hour: 22 $/h → 26.4 $/h". */
export function changeText(c: AppliedChange): string {
  const note = c.capped ? ' (held at the end of its range)' : '';
  return `${c.def.label}: ${withUnit(c.from, c.def.unit)} → ${withUnit(c.to, c.def.unit)}${note}`;
}

/** Where a fact stands, as shown ("not-run" when the check has not reached it). */
export function verdictOf(st: FactState | undefined): ShownVerdict {
  if (!st) return 'not-run';
  if (st.status === 'done') return st.judged.verdict;
  return st.status;
}

/** A check's outcome in a line, "2 reproduced, 1 inconclusive of 4"; "" when none is judged. */
export function summaryText(states: Iterable<FactState>, total: number): string {
  const counts = new Map<string, number>();
  for (const st of states) {
    const v = verdictOf(st);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const parts = (['reproduced', 'inconclusive', 'contradicted', 'not-applicable'] as const)
    .filter((v) => (counts.get(v) ?? 0) > 0)
    .map((v) => `${counts.get(v) ?? 0} ${VERDICT_WORDS[v].text.toLowerCase()}`);
  return parts.length > 0 ? `${parts.join(', ')} of ${total}` : '';
}

/** What a check on `s` compares, and what in its run settings weakens the verdicts. */
export function settingsNotes(s: Scenario): string[] {
  const notes: string[] = [];
  notes.push(
    `Each fact compares your current assumptions (${s.weeks} weeks, ${s.replications} paired replications, seed ${s.seed}) with the same assumptions after the fact's change.`,
  );
  if (s.replications < 2) {
    notes.push(
      'With one replication there is no interval: each verdict rests on a single run. Use at least 4.',
    );
  }
  if (s.weeks < SHORT_RUN_WEEKS + LONG_RUN_WEEKS) {
    notes.push(
      `With ${s.weeks} weeks the short run (weeks 1–${SHORT_RUN_WEEKS}) and the long run (last ${LONG_RUN_WEEKS} weeks) overlap, so long-run facts have little time to show; ${SHORT_RUN_WEEKS + LONG_RUN_WEEKS} weeks or more separate them.`,
    );
  }
  return notes;
}
