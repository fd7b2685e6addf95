import { area, line, scaleLinear } from 'd3';
import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  axisUnit,
  formatDifference,
  formatNumber,
  formatWithInterval,
  paddedExtent,
} from './chart-data';
import type { MetricDef, MetricId } from '../../model/metrics';
import { breachNote, breachPattern, breachZones } from './breach-marks';
import { ChartElement, indexReadings, type Readings } from './chart-element';
import {
  axisTicks,
  bottomAxis,
  chartTitle,
  leftAxis,
  leftMargin,
  legend,
  tooltipPlace,
  type Box,
  type LegendItem,
} from './chart-frame';
import { COLOURS, DASH, FONT, LINE_WIDTH, textWidth } from './chart-theme';
import { metricDef } from '../shared/comparison-rows';
import { displayNumber } from '../shared/lever-values';
import { nearestIndex, type SweepMeasure, type SweepPanel, type SweepPoint } from './explore-data';

const TOP = 92;
const PANEL_HEIGHT = 340;
const PANEL_TITLE = 44;
const PANEL_BOTTOM = 78;
const GAP = 28;

/** Where a panel is drawn: its top-left corner and its width, in px. */
interface PanelBox {
  x0: number;
  y0: number;
  w: number;
}

/** The panels' places, `cols` to a row below the legend, filling the width. */
function panelBoxes(count: number, cols: number, width: number): PanelBox[] {
  const panelWidth = (width - GAP * (cols - 1)) / cols;
  return Array.from({ length: count }, (_, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    return { x0: col * (panelWidth + GAP), y0: TOP + row * PANEL_HEIGHT, w: panelWidth };
  });
}

/**
 * A lever swept over a range: one panel per metric (small multiples), the metric's long-run
 * mean against the lever's value as a line through a point per value, its 95% interval as a
 * band, the baseline's value as a dashed line and the current scenario's lever value as a
 * dotted vertical line. An on/off lever (`onOff`) is two categories, Off and On: each a point
 * with its interval as an error bar, nothing joining them. Hover or focus it (then the arrow
 * keys) to read a value; click a point or press Enter to choose it. Points carry
 * `data-sweep-point="<value>"` and `data-metric`.
 *
 * @fires point-select - CustomEvent<{ index: number; value: number }>, when a point is chosen.
 */
@customElement('sweep-chart')
export class SweepChart extends ChartElement {
  /** One panel per metric, points in the order of the swept values. */
  @property({ attribute: false }) panels: readonly SweepPanel[] = [];
  /** The lever's axis title with its unit. */
  @property({ type: String }) leverTitle = '';
  /** The current scenario's value of the lever (NaN when it is not drawn). */
  @property({ type: Number }) scenarioX = Number.NaN;
  /** The lever's axis range, when it should span more than the points drawn (a sweep running). */
  @property({ attribute: false }) xDomain: readonly [number, number] | undefined;
  /** What the panels show: long-run values or paired deltas against the baseline. */
  @property({ type: String }) measure: SweepMeasure = 'value';
  /** The lever is on or off (values 0 and 1), not a number on a scale. */
  @property({ type: Boolean }) onOff = false;
  /** The guardrails breached at each value (by index), hatched behind it in every panel. */
  @property({ attribute: false }) breachesAt: readonly (readonly MetricId[])[] = [];

  /** The panel whose point the tooltip places itself by (ArrowUp / ArrowDown move it). */
  @state() private activePanel = 0;

  protected readonly chartName = 'sweep chart';

  private get xs(): number[] {
    return this.panels[0]?.points.map((p) => p.x) ?? [];
  }

  protected readings(): Readings {
    return indexReadings(this.xs.length);
  }

  override render() {
    const width = this.size.width;
    const xs = this.xs;
    const waiting = this.placeholder(
      this.panels.length > 0 && xs.length > 0,
      'Choose a lever, a range and metrics, then run the sweep.',
    );
    if (waiting) return waiting;
    const cols = this.panels.length > 1 && width >= 900 ? 2 : 1;
    const rows = Math.ceil(this.panels.length / cols);
    const what = this.measure === 'delta' ? 'paired change vs baseline' : 'long-run mean';
    const label = `${this.panels.length} metrics against ${this.leverTitle}, ${xs.length} values. Use the left and right arrow keys to read each value, Enter to make it the scenario.`;
    const boxes = panelBoxes(this.panels.length, cols, width);
    return this.frame({
      chart: 'sweep',
      label,
      title: `Sweep of ${this.leverTitle}`,
      height: TOP + rows * PANEL_HEIGHT,
      body: svg`${chartTitle(
        [`Sweep of ${this.leverTitle}: ${what} and 95% interval`, `Sweep of ${this.leverTitle}`],
        8,
        22,
        width,
      )}
        ${legend(this.legendItems(what), 8, 54, width)}
        ${this.panels.map((p, i) => {
          const b = boxes[i];
          return b ? this.panel(p, i, b.x0, b.y0, b.w) : nothing;
        })}`,
      tooltip: this.tooltip(boxes),
    });
  }

  /** The legend: the scenario's line and band, the baseline (or no change), the current value. */
  private legendItems(what: string): LegendItem[] {
    const items: LegendItem[] = [
      { label: `Scenario: ${what}`, colour: COLOURS.scenario, kind: 'line' },
      {
        label: 'Shaded: 95% interval',
        short: '95% interval',
        colour: '#f3c9ad',
        kind: 'filled',
      },
      {
        label: this.measure === 'delta' ? 'No change' : 'Baseline',
        colour: COLOURS.baseline,
        kind: 'line',
        dash: DASH.baseline,
      },
    ];
    if (Number.isFinite(this.scenarioX)) {
      items.push({
        label: 'Current scenario',
        colour: COLOURS.marker,
        kind: 'line',
        dash: '2 4',
        width: 2.5,
      });
    }
    return items;
  }

  /** A share's interval is drawn within 0–100% (a t interval of few replications can pass it). */
  private bounded(m: MetricDef): (v: number) => number {
    const share = m.percent && this.measure === 'value';
    return (v) => (share ? Math.min(1, Math.max(0, v)) : v);
  }

  private scales(p: SweepPanel, x0: number, y0: number, w: number) {
    const m = metricDef(p.metric);
    const values: number[] = [p.reference];
    const bound = this.bounded(m);
    for (const q of p.points) values.push(q.mean, bound(q.low), bound(q.high));
    const extent = paddedExtent(values) ?? [0, 1];
    const y = scaleLinear()
      .domain(extent)
      .range([y0 + PANEL_HEIGHT - PANEL_BOTTOM, y0 + PANEL_TITLE])
      .nice();
    const yAxis = axisTicks(
      y,
      PANEL_HEIGHT - PANEL_BOTTOM - PANEL_TITLE,
      46,
      m.percent ? '%' : ',f',
    );
    const left = x0 + leftMargin(yAxis.ticks.map(yAxis.format));
    const box: Box = {
      left,
      right: x0 + w - 20,
      top: y0 + PANEL_TITLE,
      bottom: y0 + PANEL_HEIGHT - PANEL_BOTTOM,
    };
    const xs = this.xs;
    const lo = Math.min(...xs, ...(this.xDomain ?? []));
    const hi = Math.max(...xs, ...(this.xDomain ?? []));
    // Off and On sit apart, half a category in from the edges.
    const pad = this.onOff ? 0.5 : hi > lo ? (hi - lo) * 0.04 : 1;
    const x = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([box.left, box.right]);
    return { m, y, yAxis, box, x };
  }

  private panel(p: SweepPanel, index: number, x0: number, y0: number, w: number) {
    const { m, y, yAxis, box, x } = this.scales(p, x0, y0, w);
    const xs = this.xs;
    const xTicks =
      this.onOff || xs.length <= Math.max(2, Math.floor((box.right - box.left) / 70))
        ? xs
        : axisTicks(x, box.right - box.left, 80).ticks;
    const unit = axisUnit(m);
    const title = this.measure === 'delta' ? `Change in ${m.label}` : m.label;
    const yTitle = textWidth(`${unit}`, FONT.axis) < box.bottom - box.top ? unit : '';
    return svg`<g class="panel" data-panel=${p.metric}>
      <text x=${x0 + 8} y=${y0 + 22} font-size=${FONT.title} font-weight="700"
        fill=${COLOURS.text}>${title} (${unit})</text>
      ${leftAxis(y, yAxis.ticks, yAxis.format, box, yTitle, x0 + 16)}
      ${bottomAxis(x, xTicks, (v) => this.xText(v), box.bottom, this.leverTitle)}
      ${breachPattern('sweep-breach')} ${breachZones(xs, this.breachesAt, x, box, 'sweep-breach')}
      ${this.band(p, x, y, this.bounded(m))} ${this.lines(p, x, y, box)}
      ${this.activeGuide(x, box)} ${this.points(p, x, y, box)}
      ${this.pointerArea(
        box,
        (px) => {
          this.activePanel = index;
          return nearestIndex(xs, x.invert(px));
        },
        (i) => this.choose(i),
      )}
    </g>`;
  }

  /** The 95% interval: a band along the line, or for an on/off lever an error bar per value. */
  private band(
    p: SweepPanel,
    x: (v: number) => number,
    y: (v: number) => number,
    bound: (v: number) => number,
  ) {
    if (this.onOff) {
      return p.points.map((q) =>
        Number.isFinite(q.low) && Number.isFinite(q.high)
          ? svg`<rect class="band" x=${x(q.x) - 9} width="18"
              y=${Math.min(y(bound(q.low)), y(bound(q.high)))}
              height=${Math.abs(y(bound(q.low)) - y(bound(q.high)))}
              fill=${COLOURS.scenario} fill-opacity="0.2"></rect>`
          : nothing,
      );
    }
    const band = area<SweepPoint>()
      .defined((q) => Number.isFinite(q.low) && Number.isFinite(q.high))
      .x((q) => x(q.x))
      .y0((q) => y(bound(q.low)))
      .y1((q) => y(bound(q.high)));
    return svg`<path class="band" d=${band(p.points) ?? ''} fill=${COLOURS.scenario}
      fill-opacity="0.2"></path>`;
  }

  /**
   * The baseline's (or no change's) dashed line, the current lever value's dotted line where
   * it falls inside, and the line through the means (none for an on/off lever).
   */
  private lines(p: SweepPanel, x: (v: number) => number, y: (v: number) => number, box: Box) {
    const mean = line<SweepPoint>()
      .defined((q) => Number.isFinite(q.mean))
      .x((q) => x(q.x))
      .y((q) => y(q.mean));
    const ref = Number.isFinite(p.reference) ? y(p.reference) : undefined;
    const sx = Number.isFinite(this.scenarioX) ? x(this.scenarioX) : undefined;
    const inside = sx !== undefined && sx >= box.left - 1 && sx <= box.right + 1;
    return svg`${
      ref !== undefined
        ? svg`<line class="reference" x1=${box.left} x2=${box.right} y1=${ref} y2=${ref}
            stroke=${COLOURS.baseline} stroke-width="2.5" stroke-dasharray=${DASH.baseline}></line>`
        : nothing
    }
      ${
        inside
          ? svg`<line class="current" x1=${sx} x2=${sx} y1=${box.top} y2=${box.bottom}
              stroke=${COLOURS.marker} stroke-width="2.5" stroke-dasharray="2 4"></line>`
          : nothing
      }
      ${
        this.onOff
          ? nothing
          : svg`<path class="mean" d=${mean(p.points) ?? ''} fill="none"
              stroke=${COLOURS.scenario} stroke-width=${LINE_WIDTH} stroke-linejoin="round"></path>`
      }`;
  }

  /** The dashed guide at the value read, left out of exports. */
  private activeGuide(x: (v: number) => number, box: Box) {
    const activeX = this.active !== undefined ? this.xs[this.active] : undefined;
    if (activeX === undefined) return nothing;
    return svg`<line data-export="skip" x1=${x(activeX)} x2=${x(activeX)} y1=${box.top}
      y2=${box.bottom} stroke=${COLOURS.marker} stroke-width="1.5" stroke-dasharray="3 3"></line>`;
  }

  /** A point per value (larger where read), or a dash at the bottom where it has no mean. */
  private points(p: SweepPanel, x: (v: number) => number, y: (v: number) => number, box: Box) {
    return p.points.map((q, i) =>
      Number.isFinite(q.mean)
        ? svg`<circle data-sweep-point=${String(q.x)} data-metric=${p.metric}
            data-mean=${String(q.mean)} cx=${x(q.x)} cy=${y(q.mean)} r=${i === this.active ? 8 : 6}
            fill=${COLOURS.scenario} stroke="#ffffff" stroke-width="2"></circle>`
        : svg`<text data-sweep-point=${String(q.x)} data-metric=${p.metric} data-mean="NaN"
            x=${x(q.x)} y=${box.bottom - 8} text-anchor="middle" font-size=${FONT.tick}
            fill=${COLOURS.muted}>–</text>`,
    );
  }

  private tooltip(boxes: readonly PanelBox[]) {
    const i = this.active;
    if (i === undefined) return this.noReading();
    const x = this.xs[i];
    const panelIndex = Math.min(this.activePanel, this.panels.length - 1);
    const p = this.panels[panelIndex];
    const b = boxes[panelIndex];
    if (x === undefined || !p || !b) return this.noReading();
    const { box, x: xs, y } = this.scales(p, b.x0, b.y0, b.w);
    const q = p.points[i];
    const style = tooltipPlace(
      xs(x),
      q && Number.isFinite(q.mean) ? y(q.mean) : undefined,
      box,
      this.size.width,
    );
    return html`<div class="tooltip" role="status" style=${style}>
      <strong>${this.leverTitle}: ${this.xText(x)}</strong>
      <table>
        ${this.panels.map((panel) => {
          const m = metricDef(panel.metric);
          const pt = panel.points[i];
          const f =
            this.measure === 'delta'
              ? (v: number) => formatDifference(m, v)
              : (v: number) => formatNumber(m, v);
          return html`<tr>
            <th>${m.label}</th>
            <td>${pt ? formatWithInterval(f, pt) : '– (not run)'}</td>
          </tr>`;
        })}
      </table>
      ${breachNote(this.breachesAt[i])}
      <div class="note">Click or press Enter to make this the scenario.</div>
    </div>`;
  }

  /** A lever value as the axis and the tooltip show it. */
  private xText(v: number): string {
    if (!this.onOff) return displayNumber(v);
    return v === 1 ? 'On' : v === 0 ? 'Off' : '';
  }

  private choose(index: number | undefined): void {
    if (index === undefined) return;
    const value = this.xs[index];
    if (value === undefined) return;
    this.dispatchEvent(
      new CustomEvent<{ index: number; value: number }>('point-select', {
        detail: { index, value },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Enter or Space chooses the value read; ArrowUp / ArrowDown move between the panels. */
  protected override chartKey(e: KeyboardEvent): boolean {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose(this.active);
      return true;
    }
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.activePanel = Math.min(Math.max(0, this.activePanel + step), this.panels.length - 1);
      return true;
    }
    return false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sweep-chart': SweepChart;
  }
}
