import { describe, expect, it } from 'vitest';
import { REALITY_FACTS, planFact, type RealityFact } from '../../../src/model/reality-facts';
import type { Judged } from '../../../src/model/reality-measure';
import { defaultScenario } from '../../../src/model/scenario';
import type { FactState } from '../../../src/ui/model-page/fact-check';
import {
  factMeasuredText,
  factTargetText,
  figureText,
  measuredText,
  runText,
  settingsNotes,
  sourceWhere,
  summaryText,
  targetText,
  verdictOf,
} from '../../../src/ui/model-page/fact-words';

const fact = (id: string): RealityFact => REALITY_FACTS.find((f) => f.id === id)!;

function done(verdict: Judged['verdict'], value = 1): FactState {
  return { status: 'done', judged: { measured: { value }, verdict, reason: '' } };
}

describe('a measured figure in words', () => {
  it('writes each format: a share as a percentage or in signed points, money, a ratio, days', () => {
    expect(figureText(0.97234, 'share')).toBe('97.2%');
    expect(figureText(0.0042, 'share', true)).toBe('+0.42 points');
    expect(figureText(-0.077, 'share', true)).toBe('−7.7 points');
    expect(figureText(0, 'share', true)).toBe('0.00 points');
    expect(figureText(0.0123, 'share', true)).toBe('+1.2 points');
    expect(figureText(18.4, 'money')).toBe('$18.40');
    expect(figureText(-0.125, 'money', true)).toBe('−$0.13');
    expect(figureText(0.953, 'ratio')).toBe('0.95×');
    expect(figureText(12.34, 'ratio')).toBe('12.3×');
    expect(figureText(0.1234, 'days')).toBe('0.12 days');
    expect(figureText(1234.5, 'number')).toBe('1230');
  });

  it('writes no number for a figure the run did not give', () => {
    expect(figureText(NaN, 'share')).toBe('–');
    expect(figureText(Infinity, 'ratio')).toBe('–');
    expect(measuredText({ value: NaN, low: NaN, high: NaN }, 'money')).toBe('–');
  });

  it('adds the 95% interval where the measure has one, in the same format', () => {
    expect(measuredText({ value: 0.9723, low: 0.9701, high: 0.9745 }, 'share')).toBe(
      '97.2% (95% interval 97.0% to 97.5%)',
    );
    expect(measuredText({ value: 0.0042, low: -0.001, high: 0.0094 }, 'share', true)).toBe(
      '+0.42 points (95% interval −0.10 points to +0.94 points)',
    );
    expect(measuredText({ value: 0.42 }, 'ratio')).toBe('0.42×');
    // the fact's own format and whether it measures a change
    expect(factMeasuredText(fact('pay-up-fill'), { value: 0.012, low: 0.004, high: 0.02 })).toBe(
      '+1.2 points (95% interval +0.4 points to +2.0 points)',
    );
    expect(factMeasuredText(fact('net-hourly'), { value: 17.346 })).toBe('$17.35');
  });
});

describe('a target in words', () => {
  it('writes every fact of the table plainly', () => {
    const texts = Object.fromEntries(REALITY_FACTS.map((f) => [f.id, factTargetText(f)]));
    expect(texts).toMatchObject({
      'off-peak-on-time': '96–99%',
      'december-peak': 'at least 85%',
      'cost-per-package': '$1.50–$3.00',
      'net-hourly': '$15–$21',
      'pay-up-fill': 'above 0, beyond noise',
      'hhk-fade': 'at most 0.5×',
      'flexible-blocks': 'at least −0.5 points',
      'long-blocks-fill': 'below 0, beyond noise',
      'demand-shock-bounded': 'at most 0.5 days',
      'crn-precision': 'at least 3×',
    });
    for (const [id, text] of Object.entries(texts)) expect(text, id).not.toMatch(/NaN|undefined/);
  });

  it('writes ranges, one-sided bounds and noise in any format', () => {
    expect(targetText({ low: 0.8, high: 1.6 }, 'ratio')).toBe('0.8–1.6×');
    expect(targetText({ low: 0.4, high: 0.6 }, 'share')).toBe('40–60%');
    expect(targetText({ low: -0.01, high: 0.02 }, 'share', true)).toBe('−1 to 2 points');
    expect(targetText({ high: 1 }, 'days')).toBe('at most 1 day');
    expect(targetText({ low: 0.01, beyondNoise: true }, 'share', true)).toBe(
      'at least 1 point, beyond noise',
    );
    expect(targetText({ high: 0, beyondNoise: true }, 'money', true)).toBe('below 0, beyond noise');
  });
});

describe('the runs a fact makes, and its source', () => {
  it('names the horizon, a setting both runs share and the change, with units', () => {
    const s = defaultScenario();
    const pay = planFact(fact('pay-up-fill'), s);
    if (!pay.ok) throw new Error(pay.error);
    expect(runText(pay.value, s)).toBe(
      `${s.weeks} weeks; change: Pay per block hour: 22 $/h → 24.2 $/h`,
    );
    const dec = planFact(fact('december-peak'), s);
    if (!dec.ok) throw new Error(dec.error);
    expect(runText(dec.value, s)).toBe(
      '10 weeks; both runs: First week of year: week 10 → week 44; no change: the figure is read from these assumptions as they are',
    );
  });

  it('rounds a scaled value for reading', () => {
    const s = { ...defaultScenario(), params: { ...defaultScenario().params, payPerHour: 40 } };
    const hhk = planFact(fact('hhk-fade'), s);
    if (!hhk.ok) throw new Error(hhk.error);
    expect(runText(hhk.value, s)).toBe(
      `${s.weeks} weeks; change: Pay per block hour: 40 $/h → 47.27 $/h`,
    );
  });

  it('links a web source and writes a path into the docs as text', () => {
    expect(sourceWhere('https://www.nber.org/papers/w23891')).toEqual({
      href: 'https://www.nber.org/papers/w23891',
      text: 'www.nber.org/papers/w23891',
    });
    expect(sourceWhere(fact('cost-per-package').source.url)).toEqual({
      text: 'docs/MODEL.md, section 6, in the gigsim repository',
    });
  });
});

describe('a check in words', () => {
  const facts = REALITY_FACTS.slice(0, 5);
  const ids = facts.map((f) => f.id);

  it('shows an unjudgeable figure as cannot run, and a fact not reached as not run', () => {
    expect(verdictOf(undefined)).toBe('not-run');
    expect(verdictOf(done('pass'))).toBe('pass');
    expect(verdictOf(done('fail'))).toBe('fail');
    expect(verdictOf(done('unknown', NaN))).toBe('cannot-run');
    expect(verdictOf({ status: 'cannot-run', reason: 'x' })).toBe('cannot-run');
    expect(verdictOf({ status: 'running', fraction: 0.5 })).toBe('running');
  });

  it('counts the passes over every fact and names each fail and each fact that cannot run', () => {
    expect(summaryText(facts, new Map())).toBe('');
    const all = new Map<string, FactState>([
      [ids[0]!, done('pass')],
      [ids[1]!, done('fail')],
      [ids[2]!, done('pass')],
      [ids[3]!, done('fail')],
      [ids[4]!, { status: 'cannot-run', reason: 'no difference' }],
    ]);
    expect(summaryText(facts, all)).toBe(
      `2 of 5 facts reproduced; 2 fail: ${facts[1]!.title}, ${facts[3]!.title}; 1 cannot run: ${facts[4]!.title}`,
    );
    const partial = new Map<string, FactState>([
      [ids[0]!, done('fail')],
      [ids[1]!, done('pass')],
    ]);
    expect(summaryText(facts, partial)).toBe(
      `1 of 5 facts reproduced; 1 fails: ${facts[0]!.title}; 3 not run yet`,
    );
  });

  it('says what the check runs and warns of settings that weaken it', () => {
    const s = defaultScenario();
    expect(settingsNotes(s)).toHaveLength(1);
    expect(settingsNotes(s)[0]).toContain(
      `${s.weeks} weeks, ${s.replications} paired replications`,
    );
    const weak = settingsNotes({ ...s, weeks: 6, replications: 1 });
    expect(weak).toHaveLength(3);
    expect(weak[1]).toMatch(/one replication/);
    expect(weak[2]).toMatch(/6 weeks/);
    // the facts that set their own horizon say so, from the table
    const own = settingsNotes(s, REALITY_FACTS)[0]!;
    expect(own).toContain(`December peak: 10 weeks`);
    expect(own).not.toContain(`Off-peak service`);
    expect(settingsNotes({ ...s, weeks: 12 }, REALITY_FACTS)[0]).toContain(
      `A raise's hourly gain fades: 16 weeks`,
    );
  });
});
