/**
 * What a parameter is: the typed definition of a row of the parameter table (a number, a whole
 * number or an on/off switch, with its group and source), and the three builders the group
 * tables write their rows with. The table itself is params.ts.
 */

export type ParamGroup = 'policy' | 'market' | 'operations' | 'behaviour';

export interface NumberParamDef {
  readonly id: string;
  readonly kind: 'number' | 'integer';
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  readonly group: ParamGroup;
  /** One line: what the number means. */
  readonly meaning: string;
  /** Where the default comes from, or why it was chosen (and whether it was tuned). */
  readonly source: string;
}

export interface BooleanParamDef {
  readonly id: string;
  readonly kind: 'boolean';
  readonly label: string;
  readonly unit: '';
  readonly default: boolean;
  readonly group: ParamGroup;
  readonly meaning: string;
  readonly source: string;
}

export type ParamDef = NumberParamDef | BooleanParamDef;

/** A number row (a slider in steps of `step`). */
export function num<const I extends string>(
  id: I,
  label: string,
  unit: string,
  def: number,
  min: number,
  max: number,
  step: number,
  group: ParamGroup,
  meaning: string,
  source: string,
): NumberParamDef & { id: I; kind: 'number' } {
  return { id, kind: 'number', label, unit, default: def, min, max, step, group, meaning, source };
}

/** A whole-number row (step 1). */
export function int<const I extends string>(
  id: I,
  label: string,
  unit: string,
  def: number,
  min: number,
  max: number,
  group: ParamGroup,
  meaning: string,
  source: string,
): NumberParamDef & { id: I; kind: 'integer' } {
  return {
    id,
    kind: 'integer',
    label,
    unit,
    default: def,
    min,
    max,
    step: 1,
    group,
    meaning,
    source,
  };
}

/** An on/off row. */
export function bool<const I extends string>(
  id: I,
  label: string,
  def: boolean,
  group: ParamGroup,
  meaning: string,
  source: string,
): BooleanParamDef & { id: I } {
  return { id, kind: 'boolean', label, unit: '', default: def, group, meaning, source };
}
