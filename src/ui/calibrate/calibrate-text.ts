/**
 * Calibrate mode's words and numbers (pure): how a fitted constant, a statistic and a column
 * are shown, and what the fit's progress says.
 */
import type { CalibrationResult } from '../../model/calibration';
import { PARAM_BY_ID } from '../../model/params';
import { HISTORY_COLUMNS } from '../../model/station-history';

/** A constant's label and unit. */
export function constantLabel(id: string): { label: string; unit: string } {
  const d = PARAM_BY_ID.get(id);
  return { label: d?.label ?? id, unit: d?.unit ?? '' };
}

/** A number with three significant digits (whole numbers from 100), or – when not finite. */
export function short(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(3)).toString();
}

/** A statistic's (or column's) label. */
export function columnLabel(column: string): string {
  if (column === 'fill_share') return 'Share of blocks filled';
  return HISTORY_COLUMNS.find((c) => c.id === column)?.label ?? column;
}

/** A share as a percentage with one decimal. */
export function percent(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–';
}

/** One line on the fit's outcome. */
export function fitSummary(r: CalibrationResult, seconds: number): string {
  const loose = r.constants.filter((c) => !c.identified).length;
  return (
    `Fitted ${r.constants.length} constant${r.constants.length === 1 ? '' : 's'} to ${r.fitWeeks} weeks in ` +
    `${r.evaluations} evaluations of ${r.replications} replications each (${seconds.toFixed(1)} s)` +
    (loose > 0 ? `; ${loose} not pinned down by the data.` : '.')
  );
}
