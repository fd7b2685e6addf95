/**
 * A station's weekly history (issue 17): the CSV a product manager uploads to fit the
 * behavioural constants to their own station, its columns, and the parser that checks it.
 *
 * Form: a header row naming the columns (any order; `week` is required, every other column may
 * be left out), then one row per week, weeks consecutive: the first row's week is its calendar
 * week (1–52; it sets the run's start week, so the seasonal peaks fall where they fell), later
 * rows count on past 52. An empty cell is a missing value.
 * Bad files get messages naming the row and the column; nothing the user had is touched.
 */

export type HistoryKind = 'count' | 'share' | 'hours' | 'dollars';

export interface HistoryColumn {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly kind: HistoryKind;
  /** One line: what the column holds (README and the model page list these). */
  readonly meaning: string;
}

const col = (
  id: string,
  label: string,
  unit: string,
  kind: HistoryKind,
  meaning: string,
): HistoryColumn => ({ id, label, unit, kind, meaning });

/** The columns after `week`, in the template's order. */
export const HISTORY_COLUMNS = [
  col('blocks_offered', 'Blocks offered', 'blocks', 'count', 'Blocks released that week.'),
  col('blocks_filled', 'Blocks filled', 'blocks', 'count', 'Of which claimed by their start.'),
  col(
    'time_to_fill_h',
    'Time to fill',
    'h',
    'hours',
    'Mean hours from release to claim over the blocks filled (the engine records the mean).',
  ),
  col('active_drivers', 'Active drivers', 'drivers', 'count', 'Active drivers at the week’s end.'),
  col('new_drivers', 'New drivers', 'drivers', 'count', 'Drivers activated that week.'),
  col(
    'churned_drivers',
    'Drivers who left',
    'drivers',
    'count',
    'Active drivers who quit or were deactivated that week.',
  ),
  col('hours_worked', 'Hours worked', 'h', 'hours', 'Block hours paid that week.'),
  col(
    'base_pay',
    'Base pay',
    '$/h',
    'dollars',
    'Base pay per block hour (the median over the weeks sets the fitted station’s pay).',
  ),
  col('surge_share', 'Surge share', 'share', 'share', 'Surge pay as a share of block pay (0–1).'),
  col('on_time_rate', 'On-time rate', 'share', 'share', 'Packages delivered on time (0–1).'),
  col('no_shows', 'No-shows', 'blocks', 'count', 'Claimed blocks not worked.'),
] as const;

export type HistoryColumnId = (typeof HISTORY_COLUMNS)[number]['id'];

export const HISTORY_COLUMN_COUNT = HISTORY_COLUMNS.length;

/** Index of each column in HISTORY_COLUMNS (and in a history's `data`). */
export const HC = Object.fromEntries(HISTORY_COLUMNS.map((c, i) => [c.id, i])) as Record<
  HistoryColumnId,
  number
>;

/** Fewest weeks a history may have (a fit and a hold-out of a few weeks need them). */
export const MIN_HISTORY_WEEKS = 8;
/** Most weeks a history may have (two years). */
export const MAX_HISTORY_WEEKS = 104;
/** Largest file read, bytes. */
export const MAX_HISTORY_BYTES = 1_000_000;
/** Messages given at most for one file (the rest are counted). */
const MAX_MESSAGES = 8;

/**
 * A parsed history: `weeks` rows; column c in week w at data[c * weeks + w] (NaN when missing);
 * `present[c]` when the file has the column with at least one value.
 */
export interface StationHistory {
  readonly weeks: number;
  readonly firstWeek: number;
  readonly data: Float64Array;
  readonly present: readonly boolean[];
}

export type HistoryParse = { ok: true; value: StationHistory } | { ok: false; errors: string[] };

/** Column c of a history as a Float64Array view. */
export function historyColumn(h: StationHistory, c: number): Float64Array {
  return h.data.subarray(c * h.weeks, (c + 1) * h.weeks);
}

function splitLine(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function quote(text: string): string {
  const t = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `"${t}"`;
}

/** Reads the header: the index of each file column in HISTORY_COLUMNS (-1 for week). */
function readHeader(cells: string[], errors: string[]): number[] {
  const seen = new Map<string, number>();
  const map = cells.map((raw, i) => {
    const name = raw.toLowerCase();
    if (seen.has(name)) {
      errors.push(
        `row 1, column ${i + 1}: ${quote(raw)} is given twice (also column ${(seen.get(name) ?? 0) + 1}).`,
      );
    }
    seen.set(name, i);
    if (name === 'week') return -1;
    const c = HISTORY_COLUMNS.findIndex((h) => h.id === name);
    if (c < 0) {
      errors.push(
        `row 1, column ${i + 1}: ${quote(raw)} is not a history column (the columns are week, ${HISTORY_COLUMNS.map((h) => h.id).join(', ')}).`,
      );
    }
    return c;
  });
  if (!seen.has('week')) errors.push('row 1: the header has no "week" column.');
  return map;
}

/** A cell's value, or an error (row and column named); NaN for an empty cell. */
function readCell(raw: string, c: number, where: string, errors: string[]): number {
  if (raw === '') return NaN;
  const v = Number(raw);
  const column = HISTORY_COLUMNS[c];
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw) || !Number.isFinite(v)) {
    errors.push(`${where} ${column.id}: ${quote(raw)} is not a number.`);
    return NaN;
  }
  if (v < 0) {
    errors.push(
      `${where} ${column.id}: ${raw} is negative; a ${column.label.toLowerCase()} figure is 0 or more.`,
    );
    return NaN;
  }
  if (column.kind === 'share' && v > 1) {
    errors.push(
      `${where} ${column.id}: ${raw} is over 1; give a share between 0 and 1 (0.95, not 95).`,
    );
    return NaN;
  }
  return v;
}

function checkWeeks(weeks: number[], rows: number[], errors: string[]): void {
  const firstRow = new Map<number, number>();
  weeks.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 1) {
      errors.push(
        `row ${rows[i]}, column week: ${quote(String(w))} is not a week number (1, 2, …).`,
      );
    } else if (firstRow.has(w)) {
      errors.push(
        `row ${rows[i]}, column week: week ${w} appears twice (rows ${firstRow.get(w)} and ${rows[i]}).`,
      );
    } else {
      firstRow.set(w, rows[i]);
      if (
        i > 0 &&
        Number.isInteger(weeks[i - 1]) &&
        w !== weeks[i - 1] + 1 &&
        !firstRow.has(w - 1)
      ) {
        errors.push(
          `row ${rows[i]}, column week: week ${w} follows week ${weeks[i - 1]}; weeks must be consecutive, one row each.`,
        );
      }
    }
  });
}

function checkRows(weeks: number, data: Float64Array, rows: number[], errors: string[]): void {
  const off = HC.blocks_offered * weeks;
  const fill = HC.blocks_filled * weeks;
  for (let w = 0; w < weeks; w++) {
    if (data[fill + w] > data[off + w]) {
      errors.push(
        `row ${rows[w]}, column blocks_filled: ${data[fill + w]} blocks filled is more than the ${data[off + w]} offered.`,
      );
    }
  }
}

/** Reads the rows after the header into a column-major array, with week numbers and rows. */
function readBody(
  body: { line: string; row: number }[],
  width: number,
  map: number[],
  errors: string[],
): { n: number; data: Float64Array; weeks: number[]; rows: number[] } {
  const n = body.length;
  const data = new Float64Array(HISTORY_COLUMN_COUNT * Math.max(n, 1)).fill(NaN);
  const weeks: number[] = [];
  const rows: number[] = [];
  body.forEach(({ line, row }, w) => {
    const cells = splitLine(line);
    rows.push(row);
    if (cells.length !== width) {
      errors.push(`row ${row}: ${cells.length} cells where the header has ${width} columns.`);
    }
    let week = NaN;
    map.forEach((c, i) => {
      const raw = cells[i] ?? '';
      if (c === -1) week = raw === '' ? NaN : Number(raw);
      else data[c * n + w] = readCell(raw, c, `row ${row}, column`, errors);
    });
    weeks.push(week);
  });
  return { n, data, weeks, rows };
}

/** Parses and checks a weekly history CSV. */
export function parseHistory(text: string): HistoryParse {
  if (text.length > MAX_HISTORY_BYTES) {
    return {
      ok: false,
      errors: [`The file is over ${MAX_HISTORY_BYTES / 1e6} MB; a history is one row a week.`],
    };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const numbered = lines
    .map((line, i) => ({ line, row: i + 1 }))
    .filter((l) => l.line.trim() !== '');
  if (numbered.length === 0) return { ok: false, errors: ['The file is empty.'] };
  const errors: string[] = [];
  const header = splitLine(numbered[0].line);
  const map = readHeader(header, errors);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_MESSAGES) };
  const { n, data, weeks, rows } = readBody(numbered.slice(1), header.length, map, errors);
  checkWeeks(weeks, rows, errors);
  if (weeks[0] > 52) {
    errors.push(
      `row ${rows[0]}, column week: the first week is ${weeks[0]}; give its calendar week (1–52), later rows continue 53, 54, … past the new year.`,
    );
  }
  if (n < MIN_HISTORY_WEEKS) {
    errors.push(
      `The file has ${n} week${n === 1 ? '' : 's'}; a fit needs at least ${MIN_HISTORY_WEEKS}.`,
    );
  } else if (n > MAX_HISTORY_WEEKS) {
    errors.push(
      `The file has ${n} weeks; at most ${MAX_HISTORY_WEEKS} are read (keep the latest).`,
    );
  }
  if (errors.length === 0) checkRows(n, data, rows, errors);
  if (errors.length > 0) {
    const more = errors.length - MAX_MESSAGES;
    const shown = errors.slice(0, MAX_MESSAGES);
    if (more > 0) shown.push(`… and ${more} more.`);
    return { ok: false, errors: shown };
  }
  const present = HISTORY_COLUMNS.map((_, c) => {
    for (let w = 0; w < n; w++) if (!Number.isNaN(data[c * n + w])) return true;
    return false;
  });
  return { ok: true, value: { weeks: n, firstWeek: weeks[0], data, present } };
}

function formatValue(v: number, kind: HistoryKind): string {
  if (Number.isNaN(v)) return '';
  if (kind === 'count') return String(Math.round(v));
  if (kind === 'share') return v.toFixed(4);
  return v.toFixed(2);
}

/** A history as CSV (the shipped example and exports). */
export function historyToCsv(h: StationHistory): string {
  const cols = HISTORY_COLUMNS.map((c, i) => ({ c, i })).filter(({ i }) => h.present[i]);
  const lines = [['week', ...cols.map(({ c }) => c.id)].join(',')];
  for (let w = 0; w < h.weeks; w++) {
    const cells = cols.map(({ c, i }) => formatValue(h.data[i * h.weeks + w], c.kind));
    lines.push([String(h.firstWeek + w), ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The downloadable template: the header and two example rows. */
export function historyTemplate(): string {
  const header = ['week', ...HISTORY_COLUMNS.map((c) => c.id)].join(',');
  return `${header}\n1,700,690,30.5,800,12,10,4100,22,0.02,0.97,20\n2,705,,,,,,,,,,\n`;
}
