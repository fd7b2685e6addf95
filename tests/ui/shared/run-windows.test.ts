import { describe, expect, it } from 'vitest';
import { runWindows, runWindowText } from '../../../src/ui/shared/run-windows';
describe('run windows', () => {
  it('marks weeks 1–4 as the short run and the last 8 weeks as the long run', () => {
    expect(runWindows(26)).toEqual({ short: { from: 1, to: 4 }, long: { from: 19, to: 26 } });
  });

  it('clips both windows to a short horizon', () => {
    expect(runWindows(3)).toEqual({ short: { from: 1, to: 3 }, long: { from: 1, to: 3 } });
    expect(runWindows(10).long).toEqual({ from: 3, to: 10 });
  });

  it('says in words what the windows are, also on a short horizon', () => {
    expect(runWindowText(26)).toEqual({ short: 'weeks 1–4', long: 'the last 8 weeks' });
    expect(runWindowText(8)).toEqual({ short: 'weeks 1–4', long: 'weeks 1–8' });
    expect(runWindowText(5)).toEqual({ short: 'weeks 1–4', long: 'weeks 1–5' });
    expect(runWindowText(1)).toEqual({ short: 'week 1', long: 'week 1' });
  });
});
