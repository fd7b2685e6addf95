/**
 * The runner's experiment-lab flags (docs/MODEL.md "The experiment lab"): `--experiment`
 * names the designs; `--share`, `--window-days`, `--washout-days`, `--test-weeks` and
 * `--rerandomisations` shape the test. The treatment is the scenario's levers that differ
 * from the baseline's (`--baseline FILE`, else the defaults).
 */
import { EXPERIMENT_DESIGNS, type ExperimentDesign } from '../model/experiment';
import { parseDecimal } from '../model/input-text';
import { LAB_HORIZON_WEEKS } from '../model/lab-stats';
import { UsageError, arg } from './flags';

export interface LabFlags {
  designs?: ExperimentDesign[];
  share?: number;
  windowDays?: number;
  washoutDays?: number;
  testWeeks?: number;
  rerandomisations?: number;
}

/** The lab's flags (each given once). */
export const LAB_FLAGS = [
  '--experiment',
  '--share',
  '--window-days',
  '--washout-days',
  '--test-weeks',
  '--rerandomisations',
] as const;

function number(flag: string, text: string, min: number, max: number, whole: boolean): number {
  const n = parseDecimal(text);
  if (n === undefined || n < min || n > max || (whole && !Number.isInteger(n))) {
    throw new UsageError(
      `${flag} ${arg(text)}: expected ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`,
    );
  }
  return n;
}

/** Reads one lab flag into `lab`; false when `flag` is not one. */
export function readLabFlag(lab: LabFlags, flag: string, value: () => string): boolean {
  switch (flag) {
    case '--experiment': {
      const text = value();
      const designs = text.split(',').map((d) => d.trim());
      for (const d of designs) {
        if (!(EXPERIMENT_DESIGNS as readonly string[]).includes(d)) {
          throw new UsageError(
            `--experiment ${arg(text)}: "${arg(d)}" is not a design (${EXPERIMENT_DESIGNS.join(', ')})`,
          );
        }
      }
      lab.designs = [...new Set(designs)] as ExperimentDesign[];
      return true;
    }
    case '--share':
      lab.share = number(flag, value(), 0.01, 0.99, false);
      return true;
    case '--window-days':
      lab.windowDays = number(flag, value(), 1, 28, true);
      return true;
    case '--washout-days':
      lab.washoutDays = number(flag, value(), 0, 27, true);
      return true;
    case '--test-weeks':
      lab.testWeeks = number(flag, value(), 1, LAB_HORIZON_WEEKS, true);
      return true;
    case '--rerandomisations':
      lab.rerandomisations = number(flag, value(), 2, 1000, true);
      return true;
    default:
      return false;
  }
}
