/**
 * A row of presentation mode's charts: a figure a shown scenario, captioned with its name,
 * drawing its weekly course or its driver pool against the baseline on scales the row shares
 * (or saying why it is still waiting).
 */
import { html } from 'lit';
import type { MetricId } from '../../model/metrics';
import '../charts/pool-chart';
import '../charts/weekly-chart';
import type { ShownSlide } from './presentation-deck';
import {
  chartLabel,
  sharedPools,
  sharedValues,
  slideSeries,
  type ChartChoice,
  type SlideSeries,
} from './slide-charts';
import { waitText, type RunOf, type SlideRun } from '../shared/scenario-runs';

/** The row of `chart` for the shown slides (`metric` is the weekly charts' metric). */
export function chartGrid(
  chart: ChartChoice,
  shown: readonly ShownSlide[],
  runOf: RunOf,
  metric: MetricId,
) {
  // Each shown scenario's series, worked out once; the charts of a row share their scales,
  // so that heights compare across the columns.
  const cells = shown.map(({ slide, index }) => {
    const run = runOf(slide);
    const series = run?.state === 'done' ? slideSeries(run.comparison, chart, metric) : undefined;
    return { name: slide.name, index, run, series };
  });
  const row = cells.map((c) => c.series);
  const shared: Shared = { values: sharedValues(row), pools: sharedPools(row) };
  return html`<section
    class="charts"
    data-chart-row=${chart}
    aria-label=${chartLabel(chart, metric)}
  >
    <div class="chart-grid">
      ${cells.map(
        ({ name, index, run, series }) =>
          html`<figure data-slide=${index}>
            <figcaption>${name}</figcaption>
            ${scenarioChart(run, series, metric, shared)}
          </figure>`,
      )}
    </div>
  </section>`;
}

interface Shared {
  readonly values: number[];
  readonly pools: ReturnType<typeof sharedPools>;
}

/** One scenario's chart, or why it is still waiting. */
function scenarioChart(
  run: SlideRun | undefined,
  series: SlideSeries | undefined,
  metric: MetricId,
  shared: Shared,
) {
  if (!series) return html`<p class="wait">${waitText(run)}</p>`;
  if (series.kind === 'weekly') {
    const c = run?.state === 'done' ? run.comparison : undefined;
    return html`<weekly-chart
      .metric=${metric}
      .periods=${c?.scenario.periods ?? new Uint8Array(0)}
      .startWeek=${c?.scenario.startWeek ?? 0}
      .baseline=${series.baseline}
      .scenario=${series.scenario}
      .delta=${series.delta}
      .sharedValues=${shared.values}
    ></weekly-chart>`;
  }
  return html`<pool-chart
    .baseline=${series.baseline}
    .scenario=${series.scenario}
    .sharedPools=${shared.pools}
  ></pool-chart>`;
}
