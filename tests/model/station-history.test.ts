import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HC,
  HISTORY_COLUMNS,
  historyColumn,
  historyTemplate,
  historyToCsv,
  parseHistory,
} from '../../src/model/station-history';

const HEADER = 'week,blocks_offered,blocks_filled,active_drivers';
const rows = (n: number, from = 10) =>
  Array.from({ length: n }, (_, i) => `${from + i},100,95,50`).join('\n');

function errorsOf(text: string): string[] {
  const r = parseHistory(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
}

describe('the station history format', () => {
  it('reads a good file, any subset of columns in any order, empty cells as missing', () => {
    const r = parseHistory(
      `active_drivers,Week,blocks_offered\n${Array.from({ length: 8 }, (_, i) => `${50 + i},${i + 1},${i === 3 ? '' : 100}`).join('\r\n')}\n\n`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.weeks).toBe(8);
    expect(r.value.firstWeek).toBe(1);
    expect(r.value.present[HC.active_drivers]).toBe(true);
    expect(r.value.present[HC.no_shows]).toBe(false);
    expect([...historyColumn(r.value, HC.active_drivers)]).toEqual([
      50, 51, 52, 53, 54, 55, 56, 57,
    ]);
    expect(Number.isNaN(historyColumn(r.value, HC.blocks_offered)[3])).toBe(true);
  });

  it('names the row and column of every bad cell', () => {
    const e = errorsOf(`${HEADER}\n${rows(8)}\n18,abc,95,50\n19,100,-3,50\n20,100,95,50`);
    expect(e).toContain('row 10, column blocks_offered: "abc" is not a number.');
    expect(e.some((m) => m.startsWith('row 11, column blocks_filled: -3 is negative'))).toBe(true);
  });

  it('refuses unknown and repeated columns, naming them', () => {
    expect(errorsOf(`week,blokcs_offered\n${rows(8)}`)[0]).toMatch(
      /^row 1, column 2: "blokcs_offered" is not a history column/,
    );
    expect(errorsOf(`week,no_shows,no_shows\n1,2,3`)[0]).toMatch(
      /column 3: "no_shows" is given twice/,
    );
    expect(errorsOf('blocks_offered\n1')[0]).toBe('row 1: the header has no "week" column.');
  });

  it('refuses too few weeks, duplicated and missing weeks, shares over 1, fills over offers', () => {
    expect(errorsOf(`${HEADER}\n${rows(5)}`)).toEqual([
      'The file has 5 weeks; a fit needs at least 8.',
    ]);
    const dup = errorsOf(`${HEADER}\n${rows(8)}\n17,100,95,50`);
    expect(dup[0]).toBe('row 10, column week: week 17 appears twice (rows 9 and 10).');
    const gap = errorsOf(`${HEADER}\n${rows(4)}\n15,100,95,50\n${rows(4, 16)}`);
    expect(gap[0]).toMatch(
      /^row 6, column week: week 15 follows week 13; weeks must be consecutive/,
    );
    expect(
      errorsOf(
        `week,on_time_rate\n${Array.from({ length: 8 }, (_, i) => `${i + 1},${i === 2 ? 95 : 0.95}`).join('\n')}`,
      ),
    ).toEqual([
      'row 4, column on_time_rate: 95 is over 1; give a share between 0 and 1 (0.95, not 95).',
    ]);
    expect(errorsOf(`${HEADER}\n${rows(7)}\n17,100,120,50`)).toEqual([
      'row 9, column blocks_filled: 120 blocks filled is more than the 100 offered.',
    ]);
    expect(errorsOf(`${HEADER}\n${rows(7)}\n17,100,95`)[0]).toBe(
      'row 9: 3 cells where the header has 4 columns.',
    );
  });

  it('caps the messages and says how many more', () => {
    const bad = Array.from({ length: 20 }, (_, i) => `${i + 1},x,x,x`).join('\n');
    const e = errorsOf(`${HEADER}\n${bad}`);
    expect(e).toHaveLength(9);
    expect(e[8]).toBe('… and 52 more.');
  });

  it('has a template with every column and a shipped example that parses and round-trips', () => {
    const header = historyTemplate().split('\n')[0].split(',');
    expect(header).toEqual(['week', ...HISTORY_COLUMNS.map((c) => c.id)]);
    const text = readFileSync(
      new URL('../../public/examples/station-history.csv', import.meta.url),
      'utf8',
    );
    const r = parseHistory(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.weeks).toBe(26);
    expect(r.value.present.every(Boolean)).toBe(true);
    expect(historyToCsv(r.value)).toBe(text);
  });
});
