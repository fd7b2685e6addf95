import { describe, expect, it } from 'vitest';
import { TREE_GUARDRAIL_IDS } from '../../../src/model/guardrails';
import { defaultScenario } from '../../../src/model/scenario';
import {
  defaultGoalForm,
  goalSpec,
  nextGoalLever,
  type GoalForm,
} from '../../../src/ui/explore/goal-form';

const FORM = defaultGoalForm();

describe('the goal seek form', () => {
  it('reads into the spec, percent metrics as shares', () => {
    expect(goalSpec(FORM)).toEqual({
      ok: true,
      value: {
        objective: { metric: 'costPerPackage', sense: 'min' },
        constraints: [
          { metric: 'onTimeRate', op: '>=', value: 0.95 },
          { metric: 'driverNetHourly', op: '>=', value: 18 },
        ],
        levers: [{ id: 'payPerHour', from: 16, to: 30 }],
        budget: 12,
        guardrails: TREE_GUARDRAIL_IDS,
        rule: 'interval',
        thresholds: {},
      },
    });
  });

  it('keeps every guardrail by default, at the thresholds in force, unless unticked', () => {
    const r = goalSpec(
      { ...FORM, guardrails: ['unsafePaceShare', 'belowFloorHoursShare'], rule: 'mean' },
      { belowFloorHoursShare: 0.2 },
    );
    expect(r.ok && r.value.guardrails).toEqual(['belowFloorHoursShare', 'unsafePaceShare']);
    expect(r.ok && r.value.rule).toBe('mean');
    expect(r.ok && r.value.thresholds).toEqual({ belowFloorHoursShare: 0.2 });
  });

  it('names the first field that is not a number', () => {
    const error = (change: Partial<GoalForm>) => {
      const r = goalSpec({ ...FORM, ...change });
      return r.ok ? '' : r.error;
    };
    expect(error({ constraints: [{ metric: 'onTimeRate', op: '<=', value: 'high' }] })).toBe(
      'The bound of On-time rate must be a number, got "high".',
    );
    expect(error({ levers: [{ id: 'payPerHour', from: '16', to: '' }] })).toBe(
      'Pay per block hour: "from" and "to" must be numbers, got "16" and "".',
    );
    expect(error({ budget: 'ten' })).toBe('The budget must be a whole number of runs, got "ten".');
  });

  it('adds the next numeric policy lever not yet used, around the scenario’s value', () => {
    const next = nextGoalLever(FORM.levers, defaultScenario());
    expect(next?.id).toBe('blockHours');
    // Block length 3.5 h ± 25%, on the half-hour step.
    expect(next).toEqual({ id: 'blockHours', from: '2.5', to: '4.5' });
    // On/off levers are skipped.
    const third = nextGoalLever(
      [...FORM.levers, { id: 'blockHours', from: '', to: '' }],
      defaultScenario(),
    );
    expect(third?.id).toBe('surgeStep');
  });
});
