/**
 * The baseline's fit in a link (issue 17, src/model/scenario-fit.ts): one key per fitted
 * constant, `fit.<id>=<value>_<logSe>`, in the fit's order, and `fitr=<r12>_<r13>_…` with the
 * correlations above the diagonal, row by row. The fit is the workspace's: the baseline's, which
 * its scenario is compared over. A fit that cannot be used is dropped and named; the rest of the
 * link is kept.
 */
import { numberOrText, quoted } from '../../model/input-text';
import { parseFit, type ScenarioFit } from '../../model/scenario-fit';

const PREFIX = 'fit.';
const CORRELATION = 'fitr';
const SEP = '_';

export function isFitKey(key: string): boolean {
  return key.startsWith(PREFIX) || key === CORRELATION;
}

export function writeFit(out: URLSearchParams, fit: ScenarioFit | undefined): void {
  if (!fit) return;
  for (const c of fit.constants) out.append(`${PREFIX}${c.id}`, `${c.value}${SEP}${c.logSe}`);
  const r = fit.correlation;
  if (!r) return;
  const upper: number[] = [];
  for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) upper.push(r[i][j]);
  if (upper.length > 0) out.append(CORRELATION, upper.join(SEP));
}

/** The link's fit: none, a fit, or why it was dropped. */
export function readFit(entries: readonly [string, string][]): ScenarioFit | string | undefined {
  const constants: unknown[] = [];
  let upper: string | undefined;
  for (const [key, value] of entries) {
    if (key === CORRELATION) {
      if (upper !== undefined) return `${quoted(CORRELATION)} appears more than once`;
      upper = value;
    } else if (key.startsWith(PREFIX)) {
      const [v, se, ...more] = value.split(SEP);
      if (se === undefined || more.length > 0) {
        return `${quoted(key)} must be <value>${SEP}<logSe>, got ${quoted(value)}`;
      }
      constants.push({
        id: key.slice(PREFIX.length),
        value: numberOrText(v),
        logSe: numberOrText(se),
      });
    }
  }
  if (constants.length === 0) {
    return upper === undefined ? undefined : `${quoted(CORRELATION)} comes without fit.<id> keys`;
  }
  const n = constants.length;
  let correlation: unknown[][] | undefined;
  if (upper !== undefined) {
    const rs = upper.split(SEP).map(numberOrText);
    if (rs.length !== (n * (n - 1)) / 2) {
      return `${quoted(CORRELATION)} must hold ${(n * (n - 1)) / 2} correlations for ${n} constants, got ${rs.length}`;
    }
    correlation = Array.from({ length: n }, () => new Array<unknown>(n).fill(1));
    let k = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) correlation[i][j] = correlation[j][i] = rs[k++];
  }
  const r = parseFit(correlation ? { constants, correlation } : { constants });
  return r.ok ? r.value : r.error;
}
