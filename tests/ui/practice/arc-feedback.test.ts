/**
 * Every step's feedback exists, right or wrong, and says what the brief asks of it: the size,
 * the trade-off, the guardrail at risk, the call with the short run's when it differs; and
 * the flat threshold and size bands as the predictions table states them.
 */
import { describe, expect, it } from 'vitest';
import { NO_ANSWERS, type ArcAnswers } from '../../../src/model/arc';
import { gradeQuestion } from '../../../src/model/arc-round';
import { METRIC_BY_ID } from '../../../src/model/metrics';
import { defaultParams } from '../../../src/model/params';
import { NORTH_STAR, PROMPT_BY_ID } from '../../../src/model/prompts';
import {
  bandsText,
  callFeedback,
  flatText,
  guardrailFeedback,
  northStarFeedback,
  predictionFeedback,
  quote,
  sizeLine,
} from '../../../src/ui/practice/arc-feedback';
import { payRiseTruths, truth } from '../../model/arc-truths';

const prompt = PROMPT_BY_ID.get('pay-rise-30')!;
const base = defaultParams();
const raised = { ...base, payPerHour: 30 };
const measured = payRiseTruths();

const right: ArcAnswers = {
  goal: 'Deliver on time.',
  northStar: NORTH_STAR,
  inputs: ['activeDrivers'],
  guardrails: ['costPerPackage', 'weeklyChurnRate'],
  guardrailReason: 'Pay is cost.',
  predictions: { 'costPerPackage:long': 'up', 'onTimePackagesPerWeek:long': 'flat' },
  sizes: { 'costPerPackage:long': 'large' },
  call: 'dont',
  callReason: 'Cost up, no more on time.',
};
const wrong: ArcAnswers = {
  ...NO_ANSWERS,
  northStar: 'fillRate',
  guardrails: ['hoursGini'],
  predictions: { 'costPerPackage:long': 'up', 'onTimePackagesPerWeek:long': 'up' },
  sizes: { 'costPerPackage:long': 'small' },
  call: 'ship',
};

function all(a: ArcAnswers): Record<string, string[]> {
  const g = gradeQuestion(prompt, a, measured, base, raised);
  const p = predictionFeedback(g.rows, g.direction, g.size, measured);
  return {
    northStar: northStarFeedback(g.northStar, a.goal),
    guardrails: guardrailFeedback(g.guardrails),
    direction: p.direction,
    size: p.size,
    call: callFeedback(g.call, a),
  };
}

describe('arc feedback', () => {
  it.each([
    ['right', right],
    ['wrong', wrong],
  ] as const)('exists for every step when the answers are %s', (_name, answers) => {
    const f = all(answers);
    for (const [step, lines] of Object.entries(f)) {
      expect(lines.length, step).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect(line, step).not.toMatch(/NaN|undefined|\[object/);
    }
  });

  it('names the guardrail at risk with its size, whether or not it was named', () => {
    expect(all(right).guardrails.join(' ')).toMatch(
      /puts at risk: Cost per package, worse in the long run, large: .*2[89]× .*You named it\./,
    );
    expect(all(wrong).guardrails.join(' ')).toMatch(/Cost per package.*You did not name it\./);
    expect(all(wrong).guardrails.join(' ')).toMatch(/name two or three/);
  });

  it('states the trade-off, the miss and the size', () => {
    const f = all(wrong);
    expect(f.direction.join(' ')).toMatch(
      /On-time packages per week, long run: you said up; it was flat/,
    );
    expect(f.direction.join(' ')).toMatch(
      /The trade-off: Driver net hourly better .* against Cost per package worse/,
    );
    expect(f.size.join(' ')).toMatch(/you said small; it was large/);
    expect(all(right).size.join(' ')).toMatch(/1 of 1 sizes right/);
  });

  it('grades the call against the candidate’s criteria and says when the short run differs', () => {
    expect(all(right).call.join(' ')).toMatch(
      /The long run says: Don’t ship .* You said: Don’t ship: right\./,
    );
    const wrongCall = all(wrong).call.join(' ');
    expect(wrongCall).toMatch(/You said: Ship\./);
    expect(wrongCall).toMatch(/You gave no reasoning/);
    const rising = measured.map((t) =>
      t.metric === NORTH_STAR && t.run === 'long'
        ? truth(NORTH_STAR, 'long', 900, 545, 'better')
        : t,
    );
    const g = gradeQuestion(prompt, { ...right, guardrails: ['fillRate'] }, rising, base, raised);
    expect(callFeedback(g.call, right).join(' ')).toMatch(
      /The short run would have said Don’t ship .*comes out the other way/,
    );
  });

  it('states "flat" by the threshold, not by the interval, with the size bands', () => {
    const fill = METRIC_BY_ID.get('fillRate')!;
    expect(flatText(fill)).toBe('±0.5 pp');
    expect(bandsText(fill)).toBe('small under ±1.5 pp, medium to ±5 pp, large beyond');
    const ns = METRIC_BY_ID.get(NORTH_STAR)!;
    expect(flatText(ns)).toBe('±1% of the baseline');
    expect(sizeLine(truth('fillRate', 'long', 0.002, 0.005, 'negligible', 0.01))).toMatch(
      /^flat: .* under the ±0.5 pp that matters$/,
    );
    expect(quote('  Cost up.  ')).toBe('Cost up');
  });
});
