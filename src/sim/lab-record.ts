/**
 * The lab's daily record of a run with an experiment (src/model/lab-record.ts): the day's
 * totals from the record, the treated tallies of a split (src/sim/experiment.ts), and the
 * switchback's day arms.
 */
import { switchbackArms } from '../model/experiment';
import { LAB, LAB_ROW_COUNT } from '../model/lab-record';
import type { Scenario } from '../model/scenario';
import { X, X_ROWS, switchbackStartsTreated } from './experiment';
import { F, type Field } from './record';
import type { SimState } from './state';

/** The lab's record of finished run `s` (LAB_ROW_COUNT × days). */
export function labRecord(s: SimState, scenario: Scenario): Float64Array {
  const days = s.days;
  const out = new Float64Array(LAB_ROW_COUNT * days);
  const x = scenario.experiment;
  if (x?.design === 'switchback') {
    out.set(switchbackArms(x, days, switchbackStartsTreated(x)), LAB.arm * days);
  } else out.fill(1, 0, days);
  const row = (r: number, ...fields: Field[]): void => {
    for (const f of fields) {
      for (let d = 0; d < days; d++) out[r * days + d] += s.rec[F[f] * days + d];
    }
  };
  row(LAB.onTime, 'onTime', 'fallback');
  row(LAB.delivered, 'attempted');
  for (let d = 0; d < days; d++) out[LAB.delivered * days + d] -= s.rec[F.failed * days + d];
  row(LAB.net, 'netEarnings');
  row(LAB.work, 'workHours');
  row(LAB.paid, 'paidHours');
  row(LAB.active, 'active');
  row(LAB.exits, 'churned', 'deactivated');
  row(LAB.offered, 'blocksOffered');
  row(LAB.claimed, 'blocksClaimed');
  row(LAB.cost, 'payBase', 'paySurge', 'payTips', 'fallbackCost', 'overheadCost');
  row(LAB.wanted, 'wantedDays');
  row(LAB.frustrated, 'frustratedDays');
  row(LAB.noFit, 'noFitDays');
  if (s.xRec.length === X_ROWS * days) {
    const pairs: [number, number][] = [
      [LAB.xDelivered, X.delivered],
      [LAB.xNet, X.net],
      [LAB.xWork, X.work],
      [LAB.xPaid, X.paid],
      [LAB.xActive, X.active],
      [LAB.xExits, X.exits],
      [LAB.xOffered, X.offered],
      [LAB.xClaimed, X.claimed],
      [LAB.xDeliveredOnBlocks, X.deliveredOnBlocks],
    ];
    for (const [to, from] of pairs)
      out.set(s.xRec.subarray(from * days, from * days + days), to * days);
  }
  return out;
}
