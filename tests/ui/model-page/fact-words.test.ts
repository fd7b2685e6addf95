import { describe, expect, it } from 'vitest';
import { PARAM_BY_ID } from '../../../src/model/params';
import { defaultScenario } from '../../../src/model/scenario';
import type { JudgedFact } from '../../../src/model/stylized-facts';
import type { FactState } from '../../../src/ui/model-page/fact-check';
import {
  changeText,
  fadeWords,
  periodText,
  settingsNotes,
  summaryText,
  verdictOf,
} from '../../../src/ui/model-page/fact-words';

function done(verdict: JudgedFact['verdict']): FactState {
  return { status: 'done', judged: { verdict, expectations: [], fades: [] } };
}

describe('the reality check in words', () => {
  it('names the weeks of each period, on short horizons too', () => {
    expect(periodText('short', 26)).toBe('weeks 1–4');
    expect(periodText('long', 26)).toBe('weeks 19–26');
    expect(periodText('whole', 26)).toBe('whole run (26 weeks)');
    expect(periodText('short', 2)).toBe('weeks 1–2');
    expect(periodText('long', 1)).toBe('week 1');
  });

  it('writes a fact’s change with units, and says when a lever was held at its range’s end', () => {
    const def = PARAM_BY_ID.get('payPerHour')!;
    const line = changeText({ param: 'payPerHour', def, from: 22, to: 24.2, capped: false });
    expect(line).toMatch(/^Pay per block hour: 22 .* → 24\.2 /);
    expect(changeText({ param: 'payPerHour', def, from: 58, to: 60, capped: true })).toMatch(
      /\(held at the end of its range\)$/,
    );
  });

  it('shows where a fact stands, its verdict once judged', () => {
    expect(verdictOf(undefined)).toBe('not-run');
    expect(verdictOf({ status: 'waiting' })).toBe('waiting');
    expect(verdictOf({ status: 'running', fraction: 0.5 })).toBe('running');
    expect(verdictOf({ status: 'failed', reason: 'x' })).toBe('failed');
    expect(verdictOf(done('contradicted'))).toBe('contradicted');
  });

  it('sums a check up by verdict, in a fixed order, out of every fact', () => {
    const states: FactState[] = [
      done('inconclusive'),
      done('reproduced'),
      done('reproduced'),
      { status: 'not-applicable', reason: 'already there' },
    ];
    expect(summaryText(states, 4)).toBe('2 reproduced, 1 inconclusive, 1 not applicable of 4');
    expect(summaryText([{ status: 'failed', reason: 'x' }], 4)).toBe('');
  });

  it('reads a fading effect’s verdict', () => {
    expect(fadeWords('reproduced')).toBe('smaller later');
    expect(fadeWords('contradicted')).toBe('not smaller later');
    expect(fadeWords('unknown')).toBe('no estimate');
  });

  it('warns when the run settings weaken the verdicts', () => {
    const s = defaultScenario();
    expect(settingsNotes(s)).toHaveLength(1);
    expect(settingsNotes(s)[0]).toContain(
      `${s.weeks} weeks, ${s.replications} paired replications`,
    );
    const weak = settingsNotes({ ...s, weeks: 8, replications: 1 });
    expect(weak).toHaveLength(3);
    expect(weak[1]).toMatch(/^With one replication there is no interval/);
    expect(weak[2]).toMatch(/^With 8 weeks the short run .* overlap/);
  });
});
