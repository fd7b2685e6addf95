/**
 * The summary's charts: the chosen metric's weekly course, the driver pool and drivers' net
 * hourly earnings, scenario against baseline, drawn shorter when the page is laid out for
 * print.
 */
import { html } from 'lit';
import type { MetricId } from '../../model/metrics';
import { periodText } from '../shared/run-windows';
import { LONG_RUN_WEEKS, type Comparison } from '../../model/results';
import { CHART_HEIGHT } from '../charts/chart-frame';
import '../charts/earnings-chart';
import '../charts/pool-chart';
import '../charts/weekly-chart';
import { metricDef, poolSeries } from '../shared/comparison-rows';
import { earningsBins, metricWeeks } from '../shared/series';

/** The charts' height in print (px before the print zoom of 0.58: about 151 px on paper). */
const PRINT_CHART_HEIGHT = 260;

/** What the charts show. */
export interface ChartsView {
  /** The metric whose weekly course is charted. */
  readonly metric: MetricId;
  /** The scenario's wage floor, marked on the earnings chart. */
  readonly wageFloor: number;
  /** Whether the page is laid out for print. */
  readonly printing: boolean;
}

/** The "Charts" section. */
export function chartsSection(c: Comparison, view: ChartsView) {
  const { metric } = view;
  const weeks = c.baseline.weeks;
  const height = view.printing ? PRINT_CHART_HEIGHT : CHART_HEIGHT;
  return html`<section data-section="charts" aria-labelledby="charts-title">
    <h2 id="charts-title">Charts</h2>
    <figure data-figure="weekly" aria-label="${metricDef(metric).label} by week">
      <weekly-chart
        .chartHeight=${height}
        .metric=${metric}
        .periods=${c.scenario.periods}
        .startWeek=${c.scenario.startWeek}
        .baseline=${metricWeeks(c.baseline.weekly, metric, weeks)}
        .scenario=${metricWeeks(c.scenario.weekly, metric, c.scenario.weeks)}
        .delta=${metricWeeks(c.delta.weekly, metric, weeks)}
      ></weekly-chart>
    </figure>
    <figure data-figure="pool" aria-label="Driver pool">
      <pool-chart
        .chartHeight=${height}
        .baseline=${poolSeries(c.baseline)}
        .scenario=${poolSeries(c.scenario)}
      ></pool-chart>
    </figure>
    <figure data-figure="earnings" aria-label="Drivers’ net hourly earnings">
      <earnings-chart
        .chartHeight=${height}
        .bins=${earningsBins(c.baseline.earnings, c.scenario.earnings)}
        .wageFloor=${view.wageFloor}
        .weeks=${Math.min(LONG_RUN_WEEKS, weeks)}
        .weeksText=${periodText(c.scenario, 'longRun')}
      ></earnings-chart>
    </figure>
  </section>`;
}
